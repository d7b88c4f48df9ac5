"""Issue #11: the render cache is untrusted input. Hostile, foreign, truncated and symlinked
entries are misses (rendered again) and never reach site/; an unusable cache means a build
without one and one warning line."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from generator.build import _diagrams, plate_context  # the names and keys the build gives praatplaten
from generator.cli import main
from generator.content import load_framework
from generator.progress import PLAIN_LINE
from generator.render import pdf_is_inert
from generator.validate import check_cases


ROOT = Path(__file__).resolve().parent.parent
CASES = ("digiwise", "food-academy-nijkerk", "startacademie")
PASSWD = Path("/etc/passwd")


@pytest.fixture
def small(project: Path) -> Path:
    for path in (project / "cases").iterdir():
        if path.stem not in CASES:
            path.unlink()
    return project


def _keys(root: Path) -> dict[str, str]:
    framework = load_framework(root)
    return {diagram.name: diagram.key() for diagram in _diagrams(framework, check_cases(root, framework), None, plate_context(root))}


def _sums(key: str, svg: bytes, pdf: bytes, base: Path | None = None) -> bytes:
    """What an attacker who read render.py would write next to planted files."""
    from generator.render import _sums as real

    a4 = base.with_suffix(".a4pdf").read_bytes() if base else pdf
    return real(key, {".svg": svg, ".pdf": pdf, ".a4pdf": a4})


def _plant(folder: Path, key: str, svg: bytes | None = None, pdf: bytes | None = None) -> None:
    base = folder / key
    svg = base.with_suffix(".svg").read_bytes() if svg is None else svg
    pdf = base.with_suffix(".pdf").read_bytes() if pdf is None else pdf
    for suffix, data in ((".svg", svg), (".pdf", pdf)):
        path = base.with_suffix(suffix)
        path.unlink()
        path.write_bytes(data)
    base.with_suffix(".sum").write_bytes(_sums(key, svg, pdf, base))


def _build(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    status = main(["--root", str(root), "build"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _site_bytes(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted((root / "site").rglob("*")) if path.is_file())


def test_hostile_foreign_truncated_and_symlinked_entries_never_reach_the_site(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["HSVMBO_CACHE_DIR"])
    _build(small, capsys)
    keys = _keys(small)
    a, b, c = (keys[slug] for slug in CASES)
    blank = keys["redeneerlijn"]
    # hostile: live script in the SVG, with a matching digest
    _plant(folder, a, svg=b'<svg role="img" onload="alert(1)" xmlns="http://www.w3.org/2000/svg"><script>alert(2)</script></svg>\n')
    # foreign: another praatplaat's files (and its sum) under this key
    for suffix in (".svg", ".pdf", ".a4pdf", ".sum"):
        (folder / b).with_suffix(suffix).unlink()
        shutil.copyfile((folder / c).with_suffix(suffix), (folder / b).with_suffix(suffix))
    # truncated PDF (sum of the whole one), and random bytes as a PDF with a matching sum
    pdf = (folder / c).with_suffix(".pdf").read_bytes()
    (folder / c).with_suffix(".pdf").write_bytes(pdf[: len(pdf) // 2])
    _plant(folder, blank, pdf=os.urandom(4096))
    before = _build(small, capsys)
    assert "4/4 praatplaten getekend" in before, before
    site = _site_bytes(small)
    assert b'onload="alert(1)"' not in site and b"<script>alert(2)" not in site
    assert (small / "site/praatplaten/redeneerlijn.pdf").read_bytes().startswith(b"%PDF-")
    again = (small / "site/praatplaten" / f"{CASES[2]}.pdf").read_bytes()
    assert again.startswith(b"%PDF-") and b"%%EOF" in again[-32:] and abs(len(again) - len(pdf)) < 64, "rendered again, whole"
    page_b = (small / "site/casussen" / CASES[1] / "index.html").read_text(encoding="utf-8")
    assert f'id="pp-{CASES[1]}-t"' in page_b and f'id="pp-{CASES[2]}-t"' not in page_b, "its own praatplaat, not the foreign one"
    # symlinks: the SVG a link to /etc/passwd (with the digest of its bytes), the sum a link too
    passwd = PASSWD.read_bytes()
    svg_a = (folder / a).with_suffix(".svg")
    svg_a.unlink()
    svg_a.symlink_to(PASSWD)
    (folder / a).with_suffix(".sum").write_bytes(_sums(a, passwd, (folder / a).with_suffix(".pdf").read_bytes(), folder / a))
    (folder / b).with_suffix(".pdf").unlink()
    (folder / b).with_suffix(".pdf").symlink_to((folder / c).with_suffix(".pdf"))
    out = _build(small, capsys)
    assert "2/4 praatplaten getekend" in out, out
    assert passwd.split(b"\n")[0] not in _site_bytes(small)
    assert not svg_a.is_symlink(), "the entry was written again as a regular file"


def test_pdf_with_active_content_is_a_miss(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["HSVMBO_CACHE_DIR"])
    _build(small, capsys)
    key = _keys(small)[CASES[0]]
    pdf = (folder / key).with_suffix(".pdf").read_bytes()
    _plant(folder, key, pdf=pdf.replace(b"%%EOF", b"<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF"))
    assert "1/4 praatplaten getekend" in _build(small, capsys)
    assert b"/JavaScript" not in (small / "site/praatplaten" / f"{CASES[0]}.pdf").read_bytes()


def test_chance_bytes_in_compressed_drawing_data_are_not_active_content(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'/JS' or '/AA' turn up by chance inside the compressed streams of about one praatplaat in
    600 (16 of 10,000 in the benchmark corpus): such an intact entry is a hit, not a miss, so a
    build that drew it in a worker finds it again instead of failing."""
    folder = Path(os.environ["HSVMBO_CACHE_DIR"])
    _build(small, capsys)
    key = _keys(small)[CASES[0]]
    pdf = (folder / key).with_suffix(".pdf").read_bytes()
    start = pdf.index(b"stream\n") + len(b"stream\n")
    chance = pdf[:start] + b"/JS)/AA " + pdf[start + 8:]  # same length, inside the drawing data
    assert len(chance) == len(pdf) and pdf_is_inert(chance)
    _plant(folder, key, pdf=chance)
    assert "0/4 praatplaten getekend" in _build(small, capsys)


def test_pdf_with_a_compressed_object_stream_is_a_miss(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Objects packed into an object stream could hide an action where the check does not look."""
    folder = Path(os.environ["HSVMBO_CACHE_DIR"])
    _build(small, capsys)
    key = _keys(small)[CASES[0]]
    pdf = (folder / key).with_suffix(".pdf").read_bytes()
    packed = pdf.replace(b"%%EOF", b"99 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 9 >>\nstream\n1 0 << >>\nendstream\nendobj\n%%EOF")
    assert not pdf_is_inert(packed)
    _plant(folder, key, pdf=packed)
    assert "1/4 praatplaten getekend" in _build(small, capsys)


def test_cache_path_that_is_a_file_builds_without_cache(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HSVMBO_CACHE_DIR", str(blocker / "praatplaten"))
    assert main(["--root", str(small), "build"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.strip() and not PLAIN_LINE.fullmatch(line)]
    assert len(warnings) == 1 and warnings[0].startswith("waarschuwing: de cache van de praatplaten"), err
    assert (small / "site/praatplaten/redeneerlijn.pdf").is_file()


def test_unwritable_home_builds_without_cache(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import generator.build as build

    home = tmp_path / "home-is-a-file"
    home.write_text("x", encoding="utf-8")
    monkeypatch.delenv("HSVMBO_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(build, "_WARNED", set())
    assert main(["--root", str(small), "build"]) == 0
    err = capsys.readouterr().err
    assert err.count("waarschuwing:") == 1 and "Traceback" not in err, err


def test_cache_is_outside_the_project_and_unaffected_by_hashes_alone(small: Path) -> None:
    """The digest file binds an entry to its key and version: the same bytes under another key are foreign."""
    from generator.render import Diagram, RENDER_VERSION, _accept

    assert RENDER_VERSION
    folder = Path(os.environ["HSVMBO_CACHE_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    diagram = Diagram("x", "digraph g { a; }", "t", "d")
    from generator.render import Cache, render_one

    Cache(folder).put(diagram, render_one(diagram))
    key = diagram.key()
    assert _accept(folder / key, key)
    other = hashlib.sha256(b"other").hexdigest()
    for suffix in (".svg", ".pdf", ".a4pdf", ".sum"):
        shutil.copyfile((folder / key).with_suffix(suffix), (folder / other).with_suffix(suffix))
    assert _accept(folder / other, other) is None
