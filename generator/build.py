"""The build: read and check everything, then generate, then write once.

    generate(root)   → every file of the staging folder build/docs (pages, PDFs, assets)
    build_site(root) → generate, sync build/docs, run `mkdocs build --strict` into a temporary
                       folder and swap it in for site/

The core never imports MkDocs; it runs as a separate process on the staging folder.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.content import Framework, load_framework
from generator.diagrams import case_dot, framework_dot
from generator.escape import Escaper, Md, markdown_extensions
from generator.errors import BuildError
from generator.data import CaseData, case_data, data_files
from generator.pages import CasePages, Site, render_pages
from generator.render import Cache, Diagram, Rendered, render_all
from generator.schema import schema_json
from generator.validate import CaseCache, Loaded, load_all, no_cyclic_gc
from generator.write import Manifest, publish, sync_tree

STAGING = Path("build/docs")
THEME = Path(__file__).parent / "templates" / "theme"  # staged as _theme/, mkdocs.yml's theme.custom_dir


def cache_dir() -> Path:
    """Where rendered praatplaten are kept by content hash: outside the project, so that no file
    in a pull request can pose as a rendered praatplaat ($HSVMBO_CACHE_DIR, else the user's cache)."""
    configured = os.environ.get("HSVMBO_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hsvmbo-site" / "praatplaten"


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
        return (f"Built {self.target} from {self.cases} cases: {self.diagrams_rendered}/{self.diagrams_total} praatplaten rendered "
                f"(rest from cache), {len(self.written)} staged file(s) changed, {len(self.removed)} removed. [{times}]")


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
    pages: CasePages = field(default_factory=CasePages)  # case pages by case digest, framework and URL style
    encoded: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # page path → (text, its UTF-8)
    staged: Manifest = field(default_factory=Manifest)


def _framework_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((root / "content").glob("*.yml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _diagrams(framework: Framework, loaded: list[Loaded], memo: Memo) -> list[Diagram]:
    blocks = ", ".join(blok.titel for blok in framework.redeneerlijn.blokken)
    result = [Diagram("redeneerlijn", framework_dot(framework), "Lege praatplaat van de redeneerlijn",
                      f"Zes blokken in volgorde: {blocks}. Per blok de leidende vragen en lijsten, met ruimte om in te vullen.")]
    dots = {}
    for item in loaded:
        case = item.case
        dots[item.digest] = memo.dots.get(item.digest) or case_dot(case, framework)
        result.append(Diagram(case.slug, dots[item.digest], f"Praatplaat van {case.naam}",
                              f"De zes blokken van de redeneerlijn ({blocks}) ingevuld voor {case.naam}; "
                              f"richtinggevende scan-items zijn gemarkeerd met een ster."))
    memo.dots = dots
    return result


def _render(diagrams: list[Diagram], cache: Cache, memo: Memo) -> tuple[dict[str, Rendered], int]:
    keys = {diagram.name: diagram.key() for diagram in diagrams}
    known = {diagram.name: memo.rendered[keys[diagram.name]] for diagram in diagrams if keys[diagram.name] in memo.rendered}
    fresh, count = render_all([diagram for diagram in diagrams if diagram.name not in known], cache)
    rendered = {**known, **fresh}
    memo.rendered = {keys[name]: value for name, value in rendered.items()}
    return rendered, count


def _static_files(root: Path) -> dict[str, bytes]:
    files = {}
    for folder, prefix in ((root / "content" / "paginas", ""), (root / "content" / "assets", "assets/")):
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                raise BuildError(f"symbolic links are not allowed under content/: {path.relative_to(root)}")
            if path.is_file():
                files[prefix + str(path.relative_to(folder))] = path.read_bytes()
    return files


def generate(root: Path, report: Report | None = None, memo: Memo | None = None, offline: bool = False) -> dict[str, bytes]:
    """Every file of the staging folder, computed in memory; nothing is written but the render cache.

    offline: stage for the offline bundle, whose MkDocs build has no directory URLs."""
    report = report or Report()
    memo = memo or Memo()
    clock = time.perf_counter()
    framework_digest = _framework_digest(root)
    if framework_digest != memo.framework:
        memo.framework, memo.dots = framework_digest, {}
    framework = load_framework(root)
    loaded = load_all(root, framework.codes(), cache=memo.cases)
    cases = [item.case for item in loaded]
    report.cases = len(cases)
    report.seconds["load+validate"] = time.perf_counter() - clock

    clock = time.perf_counter()
    diagrams = _diagrams(framework, loaded, memo)
    rendered, report.diagrams_rendered = _render(diagrams, Cache(cache_dir()), memo)
    report.diagrams_total = len(diagrams)
    report.seconds["diagrams"] = time.perf_counter() - clock

    clock = time.perf_counter()
    escaper = Escaper(markdown_extensions(root / "mkdocs.yml"))
    site = Site(framework, tuple(cases), {name: Md(r.svg) for name, r in rendered.items()})
    memo.pages.keys = {item.case.slug: f"{item.digest} {memo.framework} {offline}" for item in loaded}
    files = _encoded(render_pages(site, escaper, not offline, memo.pages), memo)
    parts = [memo.data.get(item.digest) or case_data(item.case) for item in loaded]
    memo.data = {item.digest: part for item, part in zip(loaded, parts)}
    files.update({path: text.encode("utf-8") for path, text in data_files(site.cases, parts).items()})
    files.update({f"praatplaten/{name}.pdf": r.pdf for name, r in rendered.items()})
    files.update({f"_theme/{path.name}": path.read_bytes() for path in sorted(THEME.iterdir()) if path.is_file()})
    files["schema/case.schema.json"] = schema_json(framework).encode("utf-8")
    files.update(_static_files(root))
    report.seconds["pages"] = time.perf_counter() - clock
    return files


def _encoded(pages: dict[str, str], memo: Memo) -> dict[str, bytes]:
    """Pages as UTF-8; a page text reused from the memo (the same object) is not encoded again."""
    known = memo.encoded
    memo.encoded = {path: (text, known[path][1] if path in known and known[path][0] is text else text.encode("utf-8"))
                    for path, text in pages.items()}
    return {path: data for path, (_, data) in memo.encoded.items()}


def stage(root: Path, report: Report | None = None, memo: Memo | None = None, offline: bool = False) -> Report:
    """Generate and sync the staging folder (what `serve` reruns, with one Memo, on every change)."""
    report = report or Report()
    memo = memo or Memo()
    with no_cyclic_gc():
        files = generate(root, report, memo, offline)
        clock = time.perf_counter()
        report.written, report.removed = sync_tree(root / STAGING, files, memo.staged)
        report.seconds["write"] = time.perf_counter() - clock
    return report


def run_mkdocs(root: Path, site_dir: Path, config: str = "mkdocs.yml") -> None:
    """`mkdocs build --strict` (never with -q, which hides strict failures) into site_dir."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / config), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=1800)
    problems = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("WARNING", "ERROR"))]
    if result.returncode != 0 or problems:
        detail = "\n".join(problems) or (result.stderr or result.stdout)[-2000:]
        raise BuildError(f"mkdocs build --strict failed (exit {result.returncode}):\n{detail}")


def build_site(root: Path, offline: bool = False) -> Report:
    """Check everything, stage the pages, build with MkDocs and swap the result into site/."""
    report = stage(root, offline=offline)
    clock = time.perf_counter()
    target = root / ("site-offline" if offline else "site")
    report.target = f"{target.name}/"
    config = "mkdocs.offline.yml" if offline else "mkdocs.yml"
    publish(target, lambda tmp: run_mkdocs(root, tmp, config))
    report.seconds["mkdocs"] = time.perf_counter() - clock
    return report
