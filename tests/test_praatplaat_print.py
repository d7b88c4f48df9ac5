"""Praatplaten as a facilitator prints them: the PDFs read back with poppler (`pdftotext -bbox`
gives every word with its box, `pdftoppm` the page as pixels), checked against the bar of issue
#12: one A3 (or A4) landscape page, a drawing that fills the sheet inside a 10 mm margin, fixed
type sizes with nothing under 9 pt, equal body text on every case plate, no "…", and a legend and
footer on every plate. A PNG of every plate is left in tests/artifacts/ for people to look at."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path

import pytest

from generator import style
from generator.diagrams import case_dot, plate_problems, title_fits, write_area, ROOM
from generator.render import Diagram, render_one
from report_tables import TABLE_5_2

ARTIFACTS = Path(__file__).parent / "artifacts"
PLATES = ["redeneerlijn", *sorted(TABLE_5_2)]
CASES = sorted(TABLE_5_2)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
A3 = (1191, 842)  # whole points, as cairo writes the page
A4 = (842, 595)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def size(self) -> float:
        """Type size in points: poppler's box is the font's ascent plus descent."""
        return (self.y1 - self.y0) / _font_height()


@cache
def _font_height() -> float:
    from fontTools.ttLib import TTFont

    with TTFont(style.FONT_FILES[False]) as font:
        return (font["hhea"].ascent - font["hhea"].descent) / font["head"].unitsPerEm


def needs_poppler() -> None:
    assert shutil.which("pdftotext") and shutil.which("pdftoppm"), "poppler-utils (pdftotext, pdftoppm) is required"


def words(pdf: Path) -> list[Word]:
    needs_poppler()
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert out.count("<page ") == 1, "one page"
    return [Word(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in WORD.findall(out)]


def page_size(pdf: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    assert pages == 1
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return float(w), float(h)


def ink_box(pdf: Path, tmp: Path, dpi: int = 30) -> tuple[float, float, float, float, float, float]:
    """Bounding box of everything drawn (non-white pixels), in points, and the page size in points."""
    prefix = tmp / pdf.stem
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-singlefile", str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end():]
    rows = [y for y in range(height) if min(pixels[y * width:(y + 1) * width]) < 240]
    columns = [x for x in range(width) if min(pixels[x::width][:height]) < 240]
    scale = 72 / dpi
    return (columns[0] * scale, rows[0] * scale, (columns[-1] + 1) * scale, (rows[-1] + 1) * scale, width * scale, height * scale)


def plate(built_site: Path, name: str, a4: bool = False) -> Path:
    return built_site / "site" / "praatplaten" / f"{name}{'-a4' if a4 else ''}.pdf"


@pytest.mark.parametrize("name", PLATES)
def test_one_landscape_page_of_the_right_size(built_site: Path, name: str) -> None:
    needs_poppler()
    for a4, expected in ((False, A3), (True, A4)):
        width, height = page_size(plate(built_site, name, a4))
        assert abs(width - expected[0]) <= 1 and abs(height - expected[1]) <= 1, (name, a4, width, height)


def test_blank_plate_fills_the_sheet_inside_the_margin(built_site: Path, tmp_path: Path) -> None:
    needs_poppler()
    x0, y0, x1, y1, page_w, page_h = ink_box(plate(built_site, "redeneerlijn"), tmp_path)
    margin = style.MARGIN - 72 / 30  # one pixel of rounding
    assert x0 >= margin and y0 >= margin and x1 <= page_w - margin and y1 <= page_h - margin, ("inside 10 mm", x0, y0, x1, y1)
    assert (x1 - x0) / page_w >= 0.90, ("width covered", (x1 - x0) / page_w)
    assert (y1 - y0) / page_h >= 0.85, ("height covered", (y1 - y0) / page_h)


@pytest.mark.parametrize("name", CASES)
def test_case_plates_fill_the_same_sheet(built_site: Path, tmp_path: Path, name: str) -> None:
    x0, y0, x1, y1, page_w, page_h = ink_box(plate(built_site, name), tmp_path)
    assert (x1 - x0) / page_w >= 0.90 and (y1 - y0) / page_h >= 0.85, (name, x0, y0, x1, y1)


def test_blank_plate_has_large_writing_areas() -> None:
    """Each block keeps a writing area of at least a sticky note (7.6 × 7.6 cm) and half the block."""
    from pathlib import Path as P

    from generator.content import load_framework

    framework = load_framework(P(__file__).resolve().parent.parent)
    for blok in framework.redeneerlijn.blokken:
        width, height = write_area(blok.plaatvragen or blok.vragen)
        assert width >= style.WRITE_MIN and height >= style.WRITE_MIN, (blok.code, width / style.MM, height / style.MM)
        assert width * height >= style.WRITE_MIN_SHARE * style.BLOCK_WIDTH * style.BLOCK_HEIGHT, blok.code


@pytest.mark.parametrize("name", PLATES)
def test_no_text_under_the_minimum_size(built_site: Path, name: str) -> None:
    sizes = Counter(round(word.size(), 1) for word in words(plate(built_site, name)))
    assert min(sizes) >= style.MIN_SIZE - 0.2, sizes
    if name == "redeneerlijn":
        assert any(abs(size - style.QUESTION_SIZE) < 0.2 for size in sizes), ("questions at 16 pt", sizes)
    assert any(abs(size - style.BLOCK_TITLE_SIZE) < 0.2 for size in sizes), ("block titles at 24 pt", sizes)


def test_case_plates_have_the_same_body_size(built_site: Path) -> None:
    body = {}
    for name in CASES:
        sizes = Counter(round(word.size(), 1) for word in words(plate(built_site, name)))
        body[name] = sizes.most_common(1)[0][0]
    assert set(body.values()) == {float(style.BODY_SIZE)}, body


@pytest.mark.parametrize("name", PLATES)
def test_no_ellipsis_and_a_legend_and_footer(built_site: Path, name: str) -> None:
    text = " ".join(word.text for word in words(plate(built_site, name)))
    assert "…" not in text and "..." not in text
    assert "Bron: Eindrapport Verduurzaming van publieke waarde door samenwerking in het mbo, NRO 2022" in text
    page = "redeneerlijn/" if name == "redeneerlijn" else f"casussen/{name}/"
    assert f"https://hsvmbo.example.org/{page}" in text, "the page address"
    assert re.search(r"gemaakt op \d{1,2} [a-z]+ 20\d\d", text), "the build date"
    if name == "redeneerlijn":
        assert "Schrijf per blok op" in text and text.count("Onze situatie") == 6
    else:
        assert "★ scan 2f = scan-item dat het verloop sterk bepaalde (tabel 6.2)" in text
        assert "2a–2j drivers" in text and "A–F spanningen" in text
    for number, title in enumerate(["Aanleiding", "Doelen", "Drivers", "Design", "Randvoorwaarden", "Output en outcome"], 1):
        assert f"{number}. {title}" in text


@pytest.mark.parametrize("name", PLATES)
def test_every_plate_leaves_a_png(built_site: Path, name: str) -> None:
    needs_poppler()
    ARTIFACTS.mkdir(exist_ok=True)
    for a4 in (False, True):
        prefix = ARTIFACTS / f"praatplaat-{name}{'-a4' if a4 else ''}"
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(plate(built_site, name, a4)), str(prefix)], check=True)
        assert prefix.with_suffix(".png").stat().st_size > 10_000


def _fallback_case(slug: str = "digiwise"):
    """A bundled case without plate points (so the plate shows its structured data)."""
    from generator.content import load_framework
    from generator.validate import load_cases

    root = Path(__file__).resolve().parent.parent
    framework = load_framework(root)
    case = next(c for c in load_cases(root, framework.codes()) if c.slug == slug)
    return case.model_copy(update={"praatplaat": None}), framework


def test_a_case_without_points_shows_its_data_without_cuts(tmp_path: Path) -> None:
    case, framework = _fallback_case("media-innovatie-campus")
    rendered = render_one(Diagram(case.slug, case_dot(case, framework), "t", "d"))
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(rendered.pdf)
    found = words(pdf)
    text = " ".join(word.text for word in found)
    assert "…" not in text
    assert "Hoofdvorm" in text or "Formeel" in text, "design from the codes"
    assert "Kort:" in text and "Lang:" in text, "goals by term"
    assert re.search(r"en nog \d+ op de casuspagina", text), "what did not fit is counted, not cut"
    assert Counter(round(w.size(), 1) for w in found).most_common(1)[0][0] == style.BODY_SIZE


def test_plate_points_that_do_not_fit_are_named(tmp_path: Path) -> None:
    case, _ = _fallback_case()
    from generator.model import Praatplaat

    long = "woord " * 30
    case = case.model_copy(update={"praatplaat": Praatplaat(doelen=[long.strip()], drivers=["x" * 110] * 4)})
    problems = dict(plate_problems(case))
    assert "179 tekens lang; er passen er 120. Haal er 59 tekens af" in problems[("praatplaat", "doelen", 0)]
    assert ("praatplaat", "drivers") in problems and "passen niet in het blok" in problems[("praatplaat", "drivers")]
    assert ROOM > 0


def test_validation_reports_plate_points_at_file_line_column(project: Path) -> None:
    from generator.cli import main

    path = project / "cases" / "digiwise.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    - Zestien werkgroepen teruggebracht tot zeven\n",
                        "    - " + "Zestien werkgroepen teruggebracht tot zeven, " * 3 + "\n")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("    - Zestien werkgroepen teruggebracht tot zeven, Zestien"))
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["--root", str(project), "validate"]) == 1
    assert re.search(rf"cases/digiwise\.yml:{line}:7: praatplaat\.design\[1\]: dit punt is \d+ tekens lang; er passen er 120", err.getvalue()), err.getvalue()


def test_the_longest_allowed_data_still_renders_without_cuts(tmp_path: Path) -> None:
    """Everything at its limit, in wide letters and glyphs the font lacks: the plate is drawn
    (Graphviz would report a cell too small), and nothing is cut off with an ellipsis."""
    from generator.model import Bron, Doelen

    case, framework = _fallback_case()
    wide = "WMW 漢字 🙂 " * 40
    case = case.model_copy(update={
        "naam": "Wijkteam " * 9,
        "doelen": Doelen(propositie="p", kort=[wide[:300]] * 8, middellang=[wide[:300]] * 8, lang=[wide[:300]] * 8),
        "bronnen": [Bron(sectie=f"§{i} " + "W" * 30) for i in range(20)],
    })
    assert plate_problems(case) == []
    rendered = render_one(Diagram(case.slug, case_dot(case, framework), "t", "d"))
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(rendered.pdf)
    text = " ".join(word.text for word in words(pdf))
    assert "…" not in text and re.search(r"en nog \d+ op de casuspagina", text)


def test_a_name_too_long_for_the_header_is_named() -> None:
    case, _ = _fallback_case()
    problems = dict(plate_problems(case.model_copy(update={"naam": "WM" * 90})))
    assert "te lang voor de kop van de praatplaat" in problems[("naam",)]
    wide, narrow = (int(re.search(r"er passen er ongeveer (\d+)", dict(plate_problems(case.model_copy(update={"naam": letters * 200})))[("naam",)]).group(1))
                    for letters in ("W", "il"))
    assert 0 < wide < narrow, (wide, narrow)  # the room follows the letters, not one fixed number
    assert title_fits("W" * wide) and not title_fits("W" * (wide + 1))


@pytest.mark.parametrize("size, count", [(style.BODY_SIZE, count) for count in (1, 2, 5, 8, 12, 16)]  # block text
                         + [(style.QUESTION_SIZE, count) for count in (1, 3, 6)]  # questions of the blank plate
                         + [(style.FOOTER_SIZE, 2), (style.LEGEND_SIZE, 2)])  # footer and legend: two lines
def test_estimated_text_height_holds_what_graphviz_draws(size: int, count: int) -> None:
    """The plate reserves text_height() for each cell; Graphviz must fit the lines in that height.
    At 1.2 × the size the estimate fell short from five lines on ("cell size too small"), and
    valid cases with long goals failed to build."""
    from generator.textfit import text_height

    lines = '<BR ALIGN="LEFT"/>'.join(["Inmiddels coördineert de hybride financiering"] * count) + '<BR ALIGN="LEFT"/>'
    height = text_height(["x"] * count, size)
    dot = (f'digraph g {{ layout=nop; n [shape=plain, pos="100,100!", label=<<TABLE BORDER="0" CELLBORDER="0" '
           f'CELLSPACING="0" CELLPADDING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="600" HEIGHT="{height}" CELLPADDING="0" '
           f'VALIGN="TOP" ALIGN="LEFT"><FONT POINT-SIZE="{size}">{lines}</FONT></TD></TR></TABLE>>]; }}')
    render_one(Diagram("hoogte", dot, "", ""))  # raises BuildError on Graphviz's "cell size too small"
