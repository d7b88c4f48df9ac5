"""Praatplaten: SVG on every page, a one-page A3 landscape PDF with embedded fonts, and
labels that survive any contributor text."""
from __future__ import annotations

import datetime
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import load_framework
from generator.diagrams import PlateContext, case_dot, cell_text, plate_problems
from generator.validate import load_cases
from generator.render import Diagram, render_one
from report_tables import TABLE_5_2

SVG = "{http://www.w3.org/2000/svg}"
BLOCK_TITLES = ["Aanleiding", "Doelen", "Drivers", "Design", "Randvoorwaarden", "Output en outcome"]
A3_LANDSCAPE = (16.54 * 72, 11.69 * 72)


def svg_of(html: str) -> ET.Element:
    start = html.index('<svg role="img"')
    return ET.fromstring(html[start: html.index("</svg>", start) + 6])


def svg_text(root: ET.Element) -> str:
    return " ".join((t.text or "") for t in root.iter(f"{SVG}text")).replace("\u2060", "")


PAGES = ["redeneerlijn", *(f"casussen/{slug}" for slug in sorted(TABLE_5_2))]


@pytest.mark.parametrize("url", PAGES)
def test_page_has_accessible_svg_with_every_block(built_site: Path, url: str) -> None:
    root = svg_of((built_site / "site" / url / "index.html").read_text(encoding="utf-8"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert root.get("viewBox") and root.get("width") is None, "scales to the column instead of a fixed width"
    text = svg_text(root)
    for number, title in enumerate(BLOCK_TITLES, start=1):
        assert f"{number}. {title}" in text


@pytest.mark.parametrize("name", ["redeneerlijn", *sorted(TABLE_5_2)])
def test_pdf_is_one_a3_landscape_page_with_embedded_fonts(built_site: Path, name: str) -> None:
    from pypdf import PdfReader

    reader = PdfReader(built_site / "site" / "praatplaten" / f"{name}.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A3_LANDSCAPE[0]) < 1 and abs(float(box.height) - A3_LANDSCAPE[1]) < 1
    fonts = []

    def collect(resources) -> None:
        for font in (resources.get("/Font") or {}).values():
            fonts.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                collect(xobject["/Resources"])

    collect(reader.pages[0]["/Resources"])
    assert fonts
    for font in fonts:
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        assert font.get("/Subtype") == "/Type3" or (descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))), font


def test_praatplaten_page_links_every_pdf(built_site: Path) -> None:
    html = (built_site / "site" / "praatplaten" / "index.html").read_text(encoding="utf-8")
    for name in ["redeneerlijn", *TABLE_5_2]:
        assert f'href="{name}.pdf"' in html or f'href="../praatplaten/{name}.pdf"' in html or f"{name}.pdf\"" in html


def test_steering_scan_items_are_marked(built_site: Path) -> None:
    root = svg_of((built_site / "site/casussen/platform-vo-mbo-groningen/index.html").read_text(encoding="utf-8"))
    text = svg_text(root)
    for code in ("2e", "2f", "2i"):
        assert re.search(rf"★ scan {code}\b", text), text


LABEL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(LABEL_TEXT)
def test_any_text_renders_as_itself(text: str) -> None:
    dot = f"digraph t {{ n1 [shape=plain, label=<<TABLE><TR><TD>{cell_text(text)}</TD></TR></TABLE>>]; }}"
    rendered = render_one(Diagram("t", dot, "t", "d"))
    shown = svg_text(ET.fromstring(rendered.svg))
    expected = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", text)
    assert "".join(shown.split()) == "".join(expected.split())
    assert rendered.pdf.startswith(b"%PDF")


def test_graphviz_message_fails_the_render() -> None:
    from generator.errors import BuildError

    with pytest.raises(BuildError, match="Graphviz meldde een probleem"):
        render_one(Diagram("bad", "digraph t { n1 [shape=nonexistentshape]; }", "t", "d"))


ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.mark.parametrize("name", ["redeneerlijn", *sorted(TABLE_5_2)])
def test_pdf_renders_to_png_for_people_to_look_at(built_site: Path, name: str) -> None:
    import shutil
    import struct
    import subprocess

    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) is required; .ci/run installs it"
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / f"praatplaat-{name}"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(built_site / "site/praatplaten" / f"{name}.pdf"), str(prefix)], check=True)
    png = prefix.with_suffix(".png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    # A3 is 826.8 × 584.6 px at 50 dpi; the page is whole points (1191 × 842) and pdftoppm rounds up
    assert abs(width - 827) <= 1 and abs(height - 585) <= 1, ("A3 landscape at 50 dpi", width, height)


def test_render_all_in_workers_names_a_failing_praatplaat_and_caches_the_rest(tmp_path: Path, monkeypatch) -> None:
    from generator import render
    from generator.errors import BuildError

    monkeypatch.setattr(render, "SEQUENTIAL_MAX", 1)
    good = [Diagram(f"g{i}", f'digraph t {{ n{i} [shape=box, label="{i}"]; }}', "t", "d") for i in range(5)]
    bad = Diagram("kapot", "digraph t { n1 [shape=nonexistentshape]; }", "t", "d")
    cache = render.Cache(tmp_path / "cache")
    with pytest.raises(BuildError, match="praatplaat 'kapot'"):
        render.render_all([*good[:2], bad, *good[2:]], cache, workers=2)
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(f"{d.key()}{s}" for d in good for s in (".svg", ".pdf", ".a4pdf", ".sum"))
    results, count = render.render_all(good, cache, workers=2)
    assert count == 0 and results["g3"].svg.startswith("<svg") and results["g3"].pdf.startswith(b"%PDF")
    fresh, count = render.render_all([Diagram(f"h{i}", f"digraph t {{ h{i}; }}", "t", "d") for i in range(4)], cache, workers=2)
    assert count == 4 and all(r.pdf.startswith(b"%PDF") for r in fresh.values())


class DiesInWorker(Diagram):
    """A diagram whose worker process dies when it starts on it (the parent is left alone)."""

    def key(self) -> str:
        if str(os.getpid()) != os.environ["HSVMBO_TEST_PARENT"]:
            os._exit(3)
        return super().key()


def test_a_render_worker_that_dies_fails_the_build_by_name(tmp_path: Path, monkeypatch) -> None:
    from generator import render
    from generator.errors import BuildError

    monkeypatch.setattr(render, "SEQUENTIAL_MAX", 1)
    monkeypatch.setenv("HSVMBO_TEST_PARENT", str(os.getpid()))
    diagrams = [DiesInWorker(f"g{i}", f"digraph t {{ g{i}; }}", "t", "d") for i in range(3)]
    with pytest.raises(BuildError, match=r"tekenproces stopte tijdens praatplaat/praatplaten 'g"):
        render.render_all(diagrams, render.Cache(tmp_path / "cache"), workers=2)


@pytest.mark.parametrize("name", ["Techniek 🚀 Academie", "🎉" * 60, "Food Academy 中文", "中文 🎉 " * 12])
def test_a_name_with_characters_the_font_lacks_still_draws(name: str) -> None:
    """Emoji and CJK come from a fallback font with a taller line; the fixed header and footer
    have no room for it (Graphviz: 'cell size too small for content in label of node voet'). The
    plate's title and footer keep the characters of the plate's font; the case page keeps the name."""
    root = Path(__file__).resolve().parent.parent
    framework = load_framework(root)
    case = {c.slug: c for c in load_cases(root, framework.codes())}["food-academy-nijkerk"].model_copy(update={"naam": name})
    assert plate_problems(case) == []  # validate accepts the name, so the build must draw it
    context = PlateContext("https://example.invalid/", datetime.date(2026, 12, 2))
    rendered = render_one(Diagram(case.slug, case_dot(case, framework, context), "t", "d"))
    text = svg_text(ET.fromstring(rendered.svg))
    kept = " ".join("".join(char for char in name if char.isascii() or char == "é").split())
    assert f"Praatplaat: {kept}".strip() in text and "🎉" not in text and "中" not in text
