"""The one edge where Graphviz runs: DOT text → SVG for the web and a one-page A3 PDF for print.

Rendering is in process through pygraphviz (its wheels carry Graphviz), spread over the cores
when there is more than a handful of diagrams, and cached by content hash so an unchanged
praatplaat is not rendered again. Anything Graphviz writes to stderr fails the render.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import style
from generator.errors import BuildError

FONTS_CONF = Path(__file__).with_name("fonts.conf")
RENDER_VERSION = "4"  # bump when post-processing changes, to invalidate the cache
# Fontconfig complains about the machine's own config files (not about our diagrams); those
# lines are not Graphviz messages. Every other line on stderr fails the render.
SYSTEM_NOISE = re.compile(r'Fontconfig (warning|error): "/(etc|usr)/[^"]*\.conf"')
FORBIDDEN_ELEMENTS = {"script", "image", "a", "foreignObject", "use", "iframe", "style"}


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
    pdf: bytes


def _prepare_environment() -> None:
    """Own fontconfig setup and Graphviz's guard against reading files named in DOT."""
    conf_dir = Path(tempfile.gettempdir()) / "hsvmbo-fontconfig"
    conf_dir.mkdir(exist_ok=True)
    target = conf_dir / "fonts.conf"
    if not target.exists() or target.read_bytes() != FONTS_CONF.read_bytes():
        shutil.copyfile(FONTS_CONF, target)
    os.environ["FONTCONFIG_PATH"] = str(conf_dir)
    os.environ["FONTCONFIG_FILE"] = str(target)
    os.environ["SERVER_NAME"] = "hsvmbo-generator"
    os.environ["GV_FILE_PATH"] = ""


def _capture_stderr(func, *args):
    """Run func with file descriptor 2 redirected; return its result and what it wrote there."""
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            result = func(*args)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        lines = sink.read().decode("utf-8", errors="replace").splitlines()
        return result, "\n".join(line for line in lines if line.strip() and not SYSTEM_NOISE.match(line))


def _draw(dot: str) -> tuple[bytes, bytes]:
    """Lay the graph out once, then draw it as SVG and as PDF."""
    import pygraphviz

    graph = pygraphviz.AGraph(string=dot)
    graph.layout(prog="dot")
    return graph.draw(format="svg"), graph.draw(format="pdf")


def _svg(raw: bytes, diagram: Diagram) -> str:
    from xml.sax.saxutils import escape

    text = raw.decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S)
    text = re.sub(r'\swidth="[^"]*pt"\s+height="[^"]*pt"', "", text, count=1)
    ident = f"pp-{diagram.name}"
    text = text.replace("<svg", f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" class="praatplaat-svg"', 1)
    head_end = text.index(">", text.index("<svg")) + 1
    text = (text[:head_end] + f'\n<title id="{ident}-t">{escape(diagram.title)}</title>'
            f'\n<desc id="{ident}-d">{escape(diagram.description)}</desc>' + text[head_end:])
    text = re.sub(r"\n\s*\n", "\n", text).strip() + "\n"
    _check_inert(text, diagram.name)
    return text


def _check_inert(svg: str, name: str) -> None:
    """Defence in depth: the SVG must hold no script, link, image or event attribute."""
    import xml.etree.ElementTree as ET

    for element in ET.fromstring(svg).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        risky = [key for key in element.attrib if key.rsplit("}", 1)[-1].lower().startswith("on") or key.endswith("href")]
        if tag in FORBIDDEN_ELEMENTS or risky:
            raise BuildError(f"praatplaat '{name}': the SVG holds <{tag}> {risky}; refusing to publish it")


def _a3(raw_pdf: bytes) -> bytes:
    """Place Graphviz's page, scaled to fit with a margin, centred on one A3 landscape page.

    The drawing is wrapped in one transformation (`q … cm … Q`) instead of being re-parsed,
    so fonts and vectors stay exactly as Graphviz wrote them.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, RectangleObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw_pdf)))
    page = writer.pages[0]
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    page_w, page_h = (inches * 72 for inches in style.PAGE_INCHES)
    margin = style.MARGIN_INCHES * 72
    scale = min((page_w - 2 * margin) / width, (page_h - 2 * margin) / height)
    dx = (page_w - width * scale) / 2 - float(box.left) * scale
    dy = (page_h - height * scale) / 2 - float(box.bottom) * scale
    content = DecodedStreamObject()
    content.set_data(f"q {scale:.6f} 0 0 {scale:.6f} {dx:.4f} {dy:.4f} cm\n".encode() + page.get_contents().get_data() + b"\nQ\n")
    content = content.flate_encode()
    page.replace_contents(content)
    page.mediabox = RectangleObject([0, 0, page_w, page_h])
    for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
        if key in page:
            del page[key]
    writer.add_metadata({"/Producer": "hsvmbo generator", "/Creator": "Graphviz via pygraphviz"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_one(diagram: Diagram) -> Rendered:
    """Render one diagram; raise BuildError on any Graphviz message."""
    _prepare_environment()
    (svg_raw, pdf_raw), messages = _capture_stderr(_draw, diagram.dot)
    if messages:
        raise BuildError(f"Graphviz reported a problem in praatplaat '{diagram.name}': {messages[:300]}")
    return Rendered(_svg(svg_raw, diagram), _a3(pdf_raw))


def _render_job(diagram: Diagram) -> tuple[str, Rendered | str]:
    try:
        return diagram.name, render_one(diagram)
    except BuildError as err:
        return diagram.name, str(err)


class Cache:
    """Rendered diagrams by content hash, under .cache/praatplaten (git-ignored)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, diagram: Diagram) -> Rendered | None:
        svg, pdf = self.folder / f"{diagram.key()}.svg", self.folder / f"{diagram.key()}.pdf"
        if svg.exists() and pdf.exists():
            return Rendered(svg.read_text(encoding="utf-8"), pdf.read_bytes())
        return None

    def put(self, diagram: Diagram, rendered: Rendered) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for suffix, data in ((".pdf", rendered.pdf), (".svg", rendered.svg.encode("utf-8"))):
            tmp = self.folder / f".{diagram.key()}{suffix}.tmp"
            tmp.write_bytes(data)
            tmp.replace(self.folder / f"{diagram.key()}{suffix}")


def render_all(diagrams: list[Diagram], cache: Cache | None, workers: int | None = None) -> tuple[dict[str, Rendered], int]:
    """Render every diagram (cached ones are read back); return results and how many were rendered."""
    results: dict[str, Rendered] = {}
    todo = []
    for diagram in diagrams:
        hit = cache.get(diagram) if cache else None
        if hit:
            results[diagram.name] = hit
        else:
            todo.append(diagram)
    workers = workers or min(len(todo), os.cpu_count() or 1)
    if len(todo) > 4 and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_render_job, todo, chunksize=max(1, len(todo) // (workers * 4))))
    else:
        outcomes = [_render_job(diagram) for diagram in todo]
    failures = [message for _, message in outcomes if isinstance(message, str)]
    if failures:
        raise BuildError("; ".join(failures[:5]))
    by_name = {diagram.name: diagram for diagram in todo}
    for name, rendered in outcomes:
        results[name] = rendered  # type: ignore[assignment]
        if cache:
            cache.put(by_name[name], rendered)  # type: ignore[arg-type]
    return results, len(todo)
