"""The one edge where Graphviz runs: DOT text → SVG for the web and a one-page A3 PDF for print.

Rendering is in process through pygraphviz (its wheels carry Graphviz): one layout, then the SVG
and the A3 PDF straight from Graphviz. More than a handful of diagrams go in batches to fresh
worker processes (spawned, so they do not inherit the generator's heap) that write into the
cache themselves. Results are cached by content hash so an unchanged praatplaat is not rendered
again. Anything Graphviz writes to stderr fails the render.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import style
from generator.errors import BuildError
from generator.messages import t

FONTS_CONF = Path(__file__).with_name("fonts.conf")
RENDER_VERSION = "6"  # bump when post-processing changes, to invalidate the cache
# Fontconfig complains about the machine's own config files (not about our diagrams); those
# lines are not Graphviz messages. Every other line on stderr fails the render.
SYSTEM_NOISE = re.compile(r'Fontconfig (warning|error): "/(etc|usr)/[^"]*\.conf"')
FORBIDDEN_ELEMENTS = {"script", "image", "a", "foreignObject", "use", "iframe", "style", "set", "animate", "animateMotion",
                      "animateTransform", "handler", "listener", "feImage", "object", "embed"}
# What Graphviz draws a praatplaat with; a cached SVG holding any other element is not ours.
SVG_ELEMENTS = {"svg", "g", "title", "desc", "polygon", "polyline", "path", "ellipse", "circle", "rect", "line", "text", "tspan",
                "defs", "linearGradient", "radialGradient", "stop"}


@dataclass(frozen=True)
class Diagram:
    name: str
    dot: str
    title: str
    description: str

    def key(self) -> str:
        payload = "\0".join((RENDER_VERSION, self.dot, self.title, self.description))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rendered:
    svg: str
    pdf: bytes  # A3 landscape
    pdf_a4: bytes  # A4 landscape, the same drawing


class Stored:
    """A rendered diagram in the cache folder, read when asked for (the parent holds no copies).

    The cache is untrusted input: each read is again a regular file (no link followed) whose
    SHA-256 is the one checked when the entry was accepted."""

    __slots__ = ("_base", "_digests")

    def __init__(self, base: Path, digests: dict[str, str]):
        self._base, self._digests = base, digests

    @property
    def svg(self) -> str:
        return self._read(".svg").decode("utf-8")

    @property
    def pdf(self) -> bytes:
        return self._read(".pdf")

    @property
    def pdf_a4(self) -> bytes:
        return self._read(".a4pdf")

    def _read(self, suffix: str) -> bytes:
        data = read_regular(self._base.with_suffix(suffix))
        if data is None or hashlib.sha256(data).hexdigest() != self._digests[suffix]:
            raise BuildError(f"de cache van de praatplaten veranderde tijdens de build ({self._base.name}{suffix}); bouw opnieuw")
        return data


MAX_CACHED = 64 * 1024 * 1024  # no praatplaat comes near this; a larger cache file is not ours


def read_regular(path: Path, limit: int = MAX_CACHED) -> bytes | None:
    """The bytes of a regular file, without following a symlink and without blocking on a FIFO;
    None for anything else (missing, link, device, folder, too large, unreadable)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _prepare_environment() -> None:
    """Own fontconfig setup and Graphviz's guard against reading files named in DOT."""
    conf_dir = Path(tempfile.gettempdir()) / "hsvmbo-fontconfig"
    conf_dir.mkdir(exist_ok=True)
    target = conf_dir / "fonts.conf"
    if not target.exists() or target.read_bytes() != FONTS_CONF.read_bytes():
        tmp = conf_dir / f".fonts.conf.{os.getpid()}.tmp"  # another build may read it right now
        shutil.copyfile(FONTS_CONF, tmp)
        os.replace(tmp, target)
    os.environ["FONTCONFIG_PATH"] = str(conf_dir)
    os.environ["FONTCONFIG_FILE"] = str(target)
    os.environ["SERVER_NAME"] = "hsvmbo-generator"
    os.environ["GV_FILE_PATH"] = ""


class _Stderr:
    """File descriptor 2 redirected to one temporary file for a whole batch of renders.

    `since_last()` returns what was written there since the previous call, so each message is
    still attributed to the diagram that caused it, without a temporary file per diagram.
    """

    def __enter__(self) -> "_Stderr":
        if sys.stderr:
            sys.stderr.flush()
        self._sink = tempfile.TemporaryFile()
        self._saved = os.dup(2)
        os.dup2(self._sink.fileno(), 2)
        self._seen = 0
        return self

    def since_last(self) -> str:
        end = os.lseek(2, 0, os.SEEK_CUR)
        if end == self._seen:
            return ""
        data = os.pread(self._sink.fileno(), end - self._seen, self._seen)
        self._seen = end
        lines = data.decode("utf-8", errors="replace").splitlines()
        return "\n".join(line for line in lines if line.strip() and not SYSTEM_NOISE.match(line))

    def __exit__(self, *exc) -> None:
        if sys.stderr:
            sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._sink.close()


_CONTEXT = None


def _context():
    """One Graphviz context per process (plugins and fonts are loaded once)."""
    global _CONTEXT
    if _CONTEXT is None:
        from pygraphviz import graphviz as gv

        _prepare_environment()
        _CONTEXT = gv.gvContextWithBuiltins()
    return _CONTEXT


def _draw(dot: str) -> tuple[bytes, bytes, bytes]:
    """Draw the pinned layout once as SVG, as an A3 landscape PDF and as an A4 landscape PDF.

    A plate's nodes carry their positions (generator/diagrams.py), so the layout is Graphviz's
    `nop`: it keeps them. The drawing is the size of the A3 sheet, so the A3 PDF is the drawing
    at zoom 1 (type sizes as designed) and the A4 PDF the same drawing at zoom 1/√2. Both pages
    are made by Graphviz itself through `viewport` (in points); fonts and vectors are cairo's
    own; nothing is post-processed. A graph without `layout` (tests) is laid out by `dot`.
    """
    import pygraphviz
    from pygraphviz import graphviz as gv

    gvc = _context()
    graph = pygraphviz.AGraph(string=dot)
    engine = (graph.graph_attr.get("layout") or "dot").encode("ascii")
    if gv.gvLayout(gvc, graph.handle, engine) != 0:
        raise BuildError(t("graphviz_failed", what="de indeling"))
    try:
        err, svg = gv.gvRenderData(gvc, graph.handle, b"svg")
        if err:
            raise BuildError(t("graphviz_failed", what="de SVG"))
        graph.graph_attr["margin"] = "0"
        pdfs = []
        for (page_w, page_h), zoom in ((style.PAGE, 1.0), (style.PAGE_A4, style.PAGE_A4[0] / style.PAGE[0])):
            graph.graph_attr["viewport"] = f"{page_w:.2f},{page_h:.2f},{zoom:.6f}"
            err, pdf = gv.gvRenderData(gvc, graph.handle, b"pdf")
            if err:
                raise BuildError(t("graphviz_failed", what="de PDF"))
            pdfs.append(pdf)
    finally:
        gv.gvFreeLayout(gvc, graph.handle)
    return svg, pdfs[0], pdfs[1]


COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
GV_TITLE = re.compile(r"<title>[^<]*</title>\n?")
SIZE = re.compile(r'\swidth="[^"]*pt"\s+height="[^"]*pt"')
BLANK_LINES = re.compile(r"\n\s*\n")


def _svg(raw: bytes, diagram: Diagram) -> str:
    from xml.sax.saxutils import escape

    text = raw.decode("utf-8")
    text = COMMENT.sub("", text[text.index("<svg"):])
    text = GV_TITLE.sub("", text)  # Graphviz's titles are internal node names; browsers show them as tooltips
    text = SIZE.sub("", text, count=1)
    ident = f"pp-{diagram.name}"
    head_end = text.index(">") + 1
    text = (f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" class="praatplaat-svg"' + text[4:head_end]
            + f'\n<title id="{ident}-t">{escape(diagram.title)}</title>'
            f'\n<desc id="{ident}-d">{escape(diagram.description)}</desc>' + text[head_end:])
    text = BLANK_LINES.sub("\n", text).strip() + "\n"
    _check_inert(text, diagram.name)
    return text


def _check_inert(svg: str, name: str) -> None:
    """Defence in depth: the SVG must hold no script, link, image or event attribute."""
    import xml.etree.ElementTree as ET

    elements = list(ET.fromstring(svg).iter())
    tags, keys = set(), set()
    for element in elements:
        tags.add(element.tag)
        keys.update(element.attrib)
    unknown = {tag.rsplit("}", 1)[-1] for tag in tags} - SVG_ELEMENTS
    if unknown:
        raise BuildError(t("svg_unknown_element", name=name, tag=sorted(unknown)[0]))
    if not ({tag.rsplit("}", 1)[-1] for tag in tags} & FORBIDDEN_ELEMENTS
            or any(key.rsplit("}", 1)[-1].lower().startswith("on") or key.endswith("href") for key in keys)):
        return
    for element in elements:
        tag = element.tag.rsplit("}", 1)[-1]
        risky = [key for key in element.attrib if key.rsplit("}", 1)[-1].lower().startswith("on") or key.endswith("href")]
        if tag in FORBIDDEN_ELEMENTS or risky:
            raise BuildError(t("svg_unsafe", name=name, tag=tag, risky=risky))


def _render(diagram: Diagram, stderr: _Stderr) -> Rendered:
    try:
        svg_raw, pdf, pdf_a4 = _draw(diagram.dot)
        messages = stderr.since_last()
    except Exception as err:  # pygraphviz raises on DOT it cannot read
        messages = stderr.since_last() or str(err)
    if messages:
        raise BuildError(t("graphviz_problem", name=diagram.name, detail=messages[:300]))
    return Rendered(_svg(svg_raw, diagram), pdf, pdf_a4)


def render_one(diagram: Diagram) -> Rendered:
    """Render one diagram; raise BuildError on any Graphviz message."""
    with _Stderr() as stderr:
        return _render(diagram, stderr)


def warm_up() -> None:
    """Load Graphviz's plugins and fonts now (a few hundred ms), so that a long-running process
    (`serve`) does not pay for it on the first edit that changes a praatplaat."""
    render_one(Diagram("warm-up", 'digraph g { n [shape=plain, label="Aa"]; }', "", ""))


def _write(folder: Path, key: str, rendered: Rendered) -> None:
    """The PDFs, the SVG, then the entry's digests last (a key counts as cached only with all
    four files, and only when they match); each via a temporary file."""
    files = {".pdf": rendered.pdf, ".a4pdf": rendered.pdf_a4, ".svg": rendered.svg.encode("utf-8")}
    for suffix, data in (*files.items(), (".sum", _sums(key, files))):
        tmp = folder / f".{key}{suffix}.{os.getpid()}.tmp"
        try:
            with open(tmp, "xb") as out:  # never through a planted link
                out.write(data)
            os.replace(tmp, folder / f"{key}{suffix}")
        finally:
            tmp.unlink(missing_ok=True)


CACHED = (".svg", ".pdf", ".a4pdf")  # the files of an entry, besides its .sum


def _sums(key: str, files: dict[str, bytes]) -> bytes:
    """The digest file: version and key, then the SHA-256 of each file of the entry."""
    lines = [f"hsvmbo-praatplaat {RENDER_VERSION} {key}"] + [f"{suffix} {hashlib.sha256(files[suffix]).hexdigest()}" for suffix in CACHED]
    return ("\n".join(lines) + "\n").encode("ascii")


PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|OpenAction|AA|EmbeddedFile|URI|SubmitForm|ImportData|RichMedia)\b")
PDF_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.S)


def pdf_is_inert(pdf: bytes) -> bool:
    """No action, script, link or attachment in the PDF's objects. Stream contents are left out of
    the search: they are compressed drawing data, in which bytes like '/JS' turn up by chance (in
    about one praatplaat in 600), not dictionaries. Objects packed into a compressed object stream
    could hide a dictionary there, so a PDF with one is refused; cairo writes none."""
    outside = PDF_STREAM.sub(b"stream endstream", pdf)
    return b"/ObjStm" not in outside and not PDF_ACTIVE.search(outside)


def _accept(base: Path, key: str) -> dict[str, str] | None:
    """The entry's digests if it is one of ours and intact: regular files only, the sum file for
    this key and version, every digest matching, PDFs that are whole PDFs with nothing active in
    them, and an SVG that passes the same inert check as a fresh render. Else None: a miss."""
    sums = read_regular(base.with_suffix(".sum"))
    files = {suffix: read_regular(base.with_suffix(suffix)) for suffix in CACHED}
    if sums is None or any(data is None for data in files.values()) or sums != _sums(key, files):  # type: ignore[arg-type]
        return None
    for suffix in (".pdf", ".a4pdf"):
        pdf = files[suffix]
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:] or not pdf_is_inert(pdf):
            return None
    try:
        text = files[".svg"].decode("utf-8")
        if not text.startswith('<svg role="img" ') or "<!" in text or "<?" in text:
            return None
        _check_inert(text, base.name)
    except (UnicodeDecodeError, BuildError, SyntaxError, ValueError):
        return None
    return {suffix: hashlib.sha256(data).hexdigest() for suffix, data in files.items()}  # type: ignore[arg-type]


def _render_batch(folder: Path, batch: list[Diagram]) -> list[tuple[str, str | None]]:
    """Worker: render a batch straight into the cache folder; return (name, error or None) each."""
    outcomes: list[tuple[str, str | None]] = []
    with _Stderr() as stderr:
        for diagram in batch:
            try:
                _write(folder, diagram.key(), _render(diagram, stderr))
                outcomes.append((diagram.name, None))
            except BuildError as err:
                outcomes.append((diagram.name, str(err)))
            except Exception as err:  # noqa: BLE001 - reported with the praatplaat's name
                outcomes.append((diagram.name, f"praatplaat '{diagram.name}': {type(err).__name__}: {err}"))
    return outcomes


class Cache:
    """Rendered diagrams by content hash, outside the project (see build.cache_dir).

    Untrusted input: an entry is used only when `_accept` finds it intact; anything else is a
    miss and is rendered (and written) again."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, diagram: Diagram) -> Stored | None:
        key = diagram.key()
        base = self.folder / key
        digests = _accept(base, key)
        return Stored(base, digests) if digests else None

    def put(self, diagram: Diagram, rendered: Rendered) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _write(self.folder, diagram.key(), rendered)


def usable_cache(folder: Path | None) -> tuple[Cache | None, str | None]:
    """The cache, or None and a one-line warning when it cannot be used (no folder, a file in the
    way, not writable): the build then renders every praatplaat without one."""
    if folder is None:
        return None, "waarschuwing: geen map voor de cache van de praatplaten (HOME onbekend); de build gaat door zonder cache"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as err:
        return None, (f"waarschuwing: de cache van de praatplaten ({folder}) is niet bruikbaar ({err.strerror or err}); "
                      "de build gaat door zonder cache")
    return Cache(folder), None


def _worker_start(parent: int) -> None:
    """A worker dies with the generator (children.worker_start), then loads Graphviz once."""
    from generator.children import worker_start

    worker_start(parent)
    _context()


SEQUENTIAL_MAX = 8  # up to this many renders, starting workers costs more than it saves


def _render_in_workers(folder: Path, batches: list[list[Diagram]], workers: int,
                       advance: Callable[[int], None]) -> list[str]:
    """Render batches in worker processes that write into the cache and return only names and errors.

    The workers are spawned, not forked: they start small instead of sharing the generator's
    heap. A worker that dies fails the build with the names of the praatplaten it had.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    failures: list[str] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(_render_batch, folder, batch): batch for batch in batches}
        for future in as_completed(futures):
            advance(len(futures[future]))
            try:
                failures.extend(message for _, message in future.result() if message)
            except BrokenProcessPool:
                names = ", ".join(f"'{d.name}'" for d in futures[future])
                failures.append(t("worker_stopped", names=names))
    return failures


def render_all(diagrams: list[Diagram], cache: Cache | None, workers: int | None = None,
               advance: Callable[[int], None] = lambda count: None) -> tuple[dict[str, Rendered | Stored], int]:
    """Render every diagram not in the cache; return name → result and how many were rendered.
    advance(n) is called as n more diagrams are done (from the cache or drawn).

    Each result has `.svg` (str) and `.pdf` (bytes). With a cache they are `Stored`: workers
    write into the cache folder and return only names, and the files are read when asked for.
    """
    results: dict[str, Rendered | Stored] = {}
    todo = []
    for diagram in diagrams:
        hit = cache.get(diagram) if cache else None
        if hit:
            results[diagram.name] = hit
        else:
            todo.append(diagram)
    advance(len(results))
    if not todo:
        return results, 0
    workers = workers or os.cpu_count() or 1
    failures: list[str] = []
    if cache is None or len(todo) <= SEQUENTIAL_MAX or workers < 2:
        for diagram in todo:
            try:
                rendered = render_one(diagram)
            except BuildError as err:
                failures.append(str(err))
                continue
            finally:
                advance(1)
            results[diagram.name] = rendered
            if cache:
                try:
                    cache.put(diagram, rendered)
                except OSError:  # a full disk or a folder gone: the result is in memory, the cache is only a cache
                    pass
    else:
        cache.folder.mkdir(parents=True, exist_ok=True)
        size = max(1, min(32, -(-len(todo) // (workers * 4))))  # small batches keep every worker busy to the end
        batches = [todo[i:i + size] for i in range(0, len(todo), size)]
        workers = min(workers, len(batches))
        failures = _render_in_workers(cache.folder, batches, workers, advance)
        for diagram in todo:
            hit = cache.get(diagram)  # what the workers wrote is checked like any other entry
            if hit:
                results[diagram.name] = hit
            elif not failures:
                failures.append(f"praatplaat '{diagram.name}' ontbreekt in de cache nadat die getekend is")
    if failures:
        more = t("and_more", count=len(failures) - 5) if len(failures) > 5 else ""
        raise BuildError("; ".join(failures[:5]) + more)
    return results, len(todo)
