"""The build: read and check everything, then stage the files one by one, then run MkDocs.

    stage(root, memo=None) → check every input and render every praatplaat, then stream the
                             staging folder build/docs (pages, set-aside HTML, PDFs, open data,
                             assets), replacing only files whose bytes changed; `serve` passes
                             one Memo on every change so unchanged work is reused
    generate(root)         → the same files in memory (tests)
    build_site(root)       → stage, run `mkdocs build --strict` into a temporary folder and swap
                             it in for site/

The core never imports MkDocs; it runs as a separate process on the staging folder.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import stylecss
from generator.children import die_with_parent
from generator.content import Framework, load_framework
from generator.diagrams import PlateContext, case_dot, framework_dot
from generator.escape import Escaper, Md, markdown_extensions
from generator.errors import BuildError
from generator.datapackage import package_files
from generator.messages import t
from generator.data import CSV_PATH, JSON_PATH, CaseData, case_data, data_writers, write_csv, write_json
from generator.recent import added_dates
from generator.pages import PageMemo, Site, iter_pages
from generator.progress import Progress, Silent
from generator.render import Cache, Diagram, Rendered, render_all, usable_cache
from generator.schema import schema_json
from generator.search import index_offline, index_site, synonyms_js
from generator.siteconfig import build_date, mkdocs_environment, site_config
from generator.validate import CaseCache, Loaded, check_cases, no_cyclic_gc
from generator.write import BuildLock, Manifest, Writer, as_bytes, publish, sync_tree

STAGING = Path("build/docs")
FRAMEWORK_DIAGRAM = "redeneerlijn"  # the blank praatplaat; case praatplaten are named by slug
THEME = Path(__file__).parent / "templates" / "theme"  # staged as _theme/, mkdocs.yml's theme.custom_dir


def cache_dir() -> Path | None:
    """Where rendered praatplaten are kept by content hash: outside the project, so that no file
    in a pull request can pose as a rendered praatplaat ($HSVMBO_CACHE_DIR, else the user's cache).
    None when there is no home folder to put it in."""
    configured = os.environ.get("HSVMBO_CACHE_DIR")
    if configured:
        return Path(configured)
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hsvmbo-site" / "praatplaten"
    except (RuntimeError, KeyError):
        return None


_WARNED: set[str] = set()


def _cache() -> Cache | None:
    """The render cache, or None with one warning line (once per process) when it is unusable."""
    cache, warning = usable_cache(cache_dir())
    if warning and warning not in _WARNED:
        _WARNED.add(warning)
        print(warning, file=sys.stderr, flush=True)
    return cache


@dataclass
class Report:
    cases: int = 0
    diagrams_rendered: int = 0
    diagrams_total: int = 0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    target: str = "site/"

    def __str__(self) -> str:
        times = ", ".join(f"{stage} {value:.2f}s" for stage, value in self.seconds.items())
        return t("built", target=self.target, cases=self.cases, rendered=self.diagrams_rendered, total=self.diagrams_total,
                 written=len(self.written), removed=len(self.removed), times=times)


@dataclass
class Memo:
    """What `serve` keeps between two stages, so that an edit costs what it changes.

    Everything is keyed by content (file digests, diagram keys) and held in memory only; only
    the entries of the last stage are kept, so it never grows beyond one site's worth.
    """

    cases: CaseCache = field(default_factory=CaseCache)
    framework: str = ""
    dots: dict[str, str] = field(default_factory=dict)  # case file digest → DOT text
    rendered: dict[str, Rendered] = field(default_factory=dict)  # diagram key → SVG and PDF
    data: dict[str, CaseData] = field(default_factory=dict)  # case file digest → its open-data JSON and CSV row
    pages: PageMemo = field(default_factory=PageMemo)  # pages and rows by the keys of the cases they show
    encoded: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # page path → (text, its UTF-8)
    staged: Manifest = field(default_factory=Manifest)
    schema: tuple[str, bytes] = ("", b"")  # (framework digest, the JSON Schema it gives)
    context: PlateContext | None = None  # site address and build date in the plates' footers
    search: dict[str, bytes] = field(default_factory=dict)  # serve: the preview's Pagefind files (pagefind/…)


def framework_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((root / "content").glob("*.yml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def plate_context(root: Path) -> PlateContext:
    """The site's address (site_url in mkdocs.yml) and the build date, for the plates' footers."""
    return PlateContext(site_config(root).site_url or "/", build_date())


def _diagrams(framework: Framework, loaded: list[Loaded], memo: Memo | None, context: PlateContext) -> list[Diagram]:
    blocks = ", ".join(blok.titel for blok in framework.redeneerlijn.blokken)
    result = [Diagram(FRAMEWORK_DIAGRAM, framework_dot(framework, context), "Lege praatplaat van de redeneerlijn",
                      f"Zes blokken in volgorde: {blocks}. Per blok de leidende vragen en lijsten, met ruimte om in te vullen.")]
    known = memo.dots if memo else {}
    dots = {}
    for item in loaded:
        case = item.case
        dot = known.get(item.digest) or case_dot(case, framework, context)
        if memo:
            dots[item.digest] = dot
        result.append(Diagram(case.slug, dot, f"Praatplaat van {case.naam}",
                              f"De zes blokken van de redeneerlijn ({blocks}) ingevuld voor {case.naam}; "
                              f"richtinggevende scan-items zijn gemarkeerd met een ster."))
    if memo:
        memo.dots = dots
    names: set[str] = set()
    for diagram in result:  # second guard behind the reserved slugs: no praatplaat replaces another
        if diagram.name in names:
            raise BuildError(t("diagram_twice", name=diagram.name))
        names.add(diagram.name)
    return result


def generated_paths(root: Path, framework: Framework) -> Iterator[str]:
    """The path of every file a build without cases stages (for the reserved slugs)."""
    context = PlateContext("https://example.invalid/")
    rendered = {diagram.name: Rendered("", b"", b"") for diagram in _diagrams(framework, [], None, context)}
    # names only: any escaping and address do (and a project without mkdocs.yml can still be validated)
    for path, data in _files(root, _Checked(framework, [], rendered, context), None, False, Escaper(())):
        if not isinstance(data, bytes):
            as_bytes(data)  # a writer holds a spool file until it has run (no cases: a few bytes)
        yield path


def _render(diagrams: list[Diagram], cache: Cache | None, memo: Memo | None, advance) -> tuple[dict[str, Rendered], int]:
    if not memo:
        return render_all(diagrams, cache, advance=advance)
    keys = {diagram.name: diagram.key() for diagram in diagrams}
    known = {diagram.name: memo.rendered[keys[diagram.name]] for diagram in diagrams if keys[diagram.name] in memo.rendered}
    advance(len(known))
    fresh, count = render_all([diagram for diagram in diagrams if diagram.name not in known], cache, advance=advance)
    # serve keeps the files in memory, so later stages neither read nor compare them from disk
    rendered = {**known, **{name: Rendered(value.svg, value.pdf, value.pdf_a4) for name, value in fresh.items()}}
    memo.rendered = {keys[name]: value for name, value in rendered.items()}
    return rendered, count


def _standalone_svg(result: Rendered, out) -> None:
    """The plate's SVG as a file of its own, opened full size from the page (zoomable on a phone)."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + result.svg.encode("utf-8"))


class _Svgs(Mapping[str, Md]):
    """The inline SVG of each praatplaat, read from its render result only when a page asks."""

    def __init__(self, rendered: dict[str, Rendered]):
        self._rendered = rendered

    def __getitem__(self, name: str) -> Md:
        return Md(self._rendered[name].svg)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rendered)

    def __len__(self) -> int:
        return len(self._rendered)


def _static_files(root: Path) -> Iterator[tuple[str, bytes]]:
    for folder, prefix in ((root / "content" / "paginas", ""), (root / "content" / "assets", "assets/")):
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                raise BuildError(t("symlink_content", path=path.relative_to(root)))
            if path.is_file():
                yield prefix + str(path.relative_to(folder)), path.read_bytes()


@dataclass
class _Checked:
    """Everything read, checked and rendered: what the files are made from."""

    framework: Framework
    loaded: list[Loaded]
    rendered: dict[str, Rendered]
    context: PlateContext  # site address and build date: one reading for plates, pages and open data


def _check(root: Path, report: Report, memo: Memo | None, progress: Progress | None = None) -> _Checked:
    """Read and check every input and render every praatplaat; raise before anything is staged."""
    progress = progress or Silent()
    clock = time.perf_counter()
    context = plate_context(root)
    if memo:
        digest = framework_digest(root)
        if digest != memo.framework:  # labels and vocabularies changed: validate and draw anew
            memo.framework, memo.cases, memo.dots = digest, CaseCache(), {}
        if context != memo.context:  # a new day or address: every footer changes
            memo.context, memo.dots = context, {}
    with progress.stage("Casussen lezen en controleren", unit="casussen") as advance:
        framework = load_framework(root)
        loaded = check_cases(root, framework, cache=memo.cases if memo else None)
        advance(len(loaded))
    report.cases = len(loaded)
    report.seconds["load+validate"] = time.perf_counter() - clock
    clock = time.perf_counter()
    diagrams = _diagrams(framework, loaded, memo, context)
    with progress.stage("Praatplaten tekenen", total=len(diagrams), unit="praatplaten") as advance:
        rendered, report.diagrams_rendered = _render(diagrams, _cache(), memo, advance)
    report.diagrams_total = len(diagrams)
    report.seconds["diagrams"] = time.perf_counter() - clock
    return _Checked(framework, loaded, rendered, context)


def _files(root: Path, checked: _Checked, memo: Memo | None, offline: bool,
           escaper: Escaper | None = None) -> Iterator[tuple[str, bytes | Writer]]:
    """Every file of the staging folder, one at a time (so no site is ever held in memory whole)."""
    framework, loaded, rendered = checked.framework, checked.loaded, checked.rendered
    escaper = escaper or Escaper(markdown_extensions(root / "mkdocs.yml"))
    built = checked.context.built
    slugs = [item.case.slug for item in loaded]
    site = Site(framework, tuple(item.case for item in loaded), _Svgs(rendered), built=built, added=added_dates(root, slugs))
    if memo:
        memo.pages.keys = {item.case.slug: f"{item.digest} {memo.framework} {offline}" for item in loaded}
    encoded = memo.encoded if memo else {}
    fresh: dict[str, tuple[str, bytes]] = {}
    for path, text in iter_pages(site, escaper, not offline, memo.pages if memo else None):
        known = encoded.get(path)
        data = known[1] if known and known[0] is text else text.encode("utf-8")  # a reused page is not encoded again
        if memo:
            fresh[path] = (text, data)
        yield path, data
    if memo:
        memo.encoded = fresh
        parts = [memo.data.get(item.digest) or case_data(item.case) for item in loaded]
        memo.data = {item.digest: part for item, part in zip(loaded, parts)}
        for path, write in ((JSON_PATH, write_json), (CSV_PATH, write_csv)):  # bytes, so the manifest compares in memory
            yield path, as_bytes(partial(write, parts))
    else:  # written case by case, never every case's data in memory at once
        yield from data_writers(item.case for item in loaded)
    for name, result in rendered.items():
        yield f"praatplaten/{name}.pdf", result.pdf
        yield f"praatplaten/{name}-a4.pdf", result.pdf_a4
        yield f"praatplaten/{name}.svg", partial(_standalone_svg, result)
    for path in sorted(THEME.rglob("*")):
        if path.is_file():
            yield f"_theme/{path.relative_to(THEME).as_posix()}", path.read_bytes()
    if memo and memo.schema[0] != memo.framework:
        memo.schema = (memo.framework, schema_json(framework).encode("utf-8"))
    yield "schema/case.schema.json", memo.schema[1] if memo else schema_json(framework).encode("utf-8")
    yield from package_files(framework, built, checked.context.site_url)
    yield "assets/synoniemen.js", synonyms_js(framework)
    if memo:  # serve: MkDocs serves the search index from the staging folder
        yield from sorted(memo.search.items())
    yield stylecss.PATH, stylecss.custom_properties().encode("utf-8")
    yield from _static_files(root)


def generate(root: Path, report: Report | None = None, memo: Memo | None = None, offline: bool = False) -> dict[str, bytes]:
    """Every file of the staging folder, in memory (for tests and checks); `stage` streams them.

    offline: stage for the offline bundle, whose MkDocs build has no directory URLs."""
    return {path: as_bytes(data) for path, data in _files(root, _check(root, report or Report(), memo), memo, offline)}


class _Timed:
    """An iterator that adds the time spent producing its items to report.seconds[key]
    (and counts them on the progress, if any)."""

    def __init__(self, items: Iterator, report: Report, key: str, advance=None):
        self.items, self.report, self.key, self.advance = items, report, key, advance
        report.seconds[key] = 0.0

    def __iter__(self) -> "_Timed":
        return self

    def __next__(self):
        clock = time.perf_counter()
        try:
            item = next(self.items)
        finally:
            self.report.seconds[self.key] += time.perf_counter() - clock
        if self.advance:
            self.advance(1)
        return item


def stage(root: Path, report: Report | None = None, memo: Memo | None = None, offline: bool = False,
          progress: Progress | None = None) -> Report:
    """Check everything, then write the staging folder file by file (only files whose bytes changed).

    `serve` passes the same Memo on every change; without one nothing is kept between stages.
    `build` passes a Progress to show the stages as they run."""
    report = report or Report()
    with no_cyclic_gc(), ExitStack() as stack:
        checked = _check(root, report, memo, progress)
        clock = time.perf_counter()
        advance = stack.enter_context(progress.stage("Pagina's en bestanden klaarzetten", unit="bestanden")) if progress else None
        files = _Timed(_files(root, checked, memo, offline), report, "pages", advance)
        report.written, report.removed = sync_tree(root / STAGING, files, memo.staged if memo else None)
        report.seconds["write"] = time.perf_counter() - clock - report.seconds["pages"]
    return report


def run_mkdocs(root: Path, site_dir: Path, config: str = "mkdocs.yml", progress: Progress | None = None) -> None:
    """`mkdocs build --strict` (never with -q, which hides strict failures) into site_dir.

    With a Progress, MkDocs runs with --verbose and its "Reading:" and "Building page" lines are
    counted as the pages it has read and built."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **mkdocs_environment()}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / config), "--site-dir", str(site_dir)]
    if progress is None:
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=1800,
                                preexec_fn=die_with_parent)
        returncode, lines = result.returncode, (result.stdout + result.stderr).splitlines()
    else:
        returncode, lines = _mkdocs_with_progress([*command, "--verbose"], root, env, progress)
    problems = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
    if returncode != 0 or problems:
        detail = "\n".join(problems) or "\n".join(line for line in lines if not line.startswith("DEBUG"))[-2000:]
        raise BuildError(t("mkdocs_failed", code=returncode, detail=detail))


def _mkdocs_with_progress(command: list[str], root: Path, env: dict[str, str], progress: Progress) -> tuple[int, list[str]]:
    pages = sum(1 for path in (root / STAGING).rglob("*.md") if "_theme" not in path.parts)
    kept: list[str] = []
    with subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          preexec_fn=die_with_parent) as process:
        with ExitStack() as reading:
            advance = reading.enter_context(progress.stage("MkDocs: pagina's lezen", total=pages, unit="pagina's"))
            for line in process.stdout:
                if "Building page " in line:
                    break
                if "Reading: " in line and line.rstrip().endswith(".md"):
                    advance(1)
                elif not line.startswith("DEBUG"):
                    kept.append(line.rstrip("\n"))
            else:
                line = ""
        with progress.stage("MkDocs: pagina's bouwen", total=pages, unit="pagina's") as advance:
            if line:
                advance(1)
            for line in process.stdout:
                if "Building page " in line:
                    advance(1)
                elif not line.startswith("DEBUG"):
                    kept.append(line.rstrip("\n"))
        returncode = process.wait(timeout=1800)
    return returncode, kept


def build_site(root: Path, offline: bool = False, progress: Progress | None = None) -> Report:
    """Check everything, stage the pages, build with MkDocs and swap the result into site/;
    one build at a time per checkout (BuildLock)."""
    with BuildLock(root):
        return _build_site(root, offline, progress)


def _build_site(root: Path, offline: bool, progress: Progress | None) -> Report:
    report = stage(root, offline=offline, progress=progress)
    clock = time.perf_counter()
    target = root / ("site-offline" if offline else "site")
    report.target = f"{target.name}/"
    config = "mkdocs.offline.yml" if offline else "mkdocs.yml"

    def build(tmp: Path) -> None:
        run_mkdocs(root, tmp, config, progress)
        report.seconds["mkdocs"] = time.perf_counter() - clock
        started = time.perf_counter()
        (index_offline if offline else index_site)(tmp)  # before the swap: a failed index is a failed build
        report.seconds["search index"] = time.perf_counter() - started

    publish(target, build)
    return report
