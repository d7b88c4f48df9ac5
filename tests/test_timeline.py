"""generator/timeline.py: the SVG timelines of the case and comparison pages, and the checks on
`fasen` and on a downloaded tijdlijn file (tijdlijn/maken/)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import timeline
from generator.content import load_framework
from generator.model import Case
from generator.validate import load_cases

ROOT = Path(__file__).resolve().parent.parent
NS = "{http://www.w3.org/2000/svg}"
HOSTILE = ['</text><script>alert(1)</script>', '"><svg onload=alert(2)>', "{{ 7*7 }} {% raw %}", "a & b < c > d ' \"",
           "<![CDATA[x]]> <!-- y --> &amp; &#x41;", "x\x00y\x1bz\u202edef\ufffe"]


@pytest.fixture(scope="module")
def framework():
    return load_framework(ROOT)


@pytest.fixture(scope="module")
def cases(framework) -> dict[str, Case]:
    return {case.slug: case for case in load_cases(ROOT, framework.codes())}


def _case(cases: dict[str, Case], **changes) -> Case:
    base = cases["twents-fonds-voor-vakmanschap"].model_dump()
    base.update(changes)
    return Case.model_validate(base)


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    return ["".join(node.itertext()) for node in root.iter(f"{NS}text")]


def test_case_svg_is_well_formed_accessible_and_inert(cases, framework) -> None:
    events = [{"datum": f"20{10 + i}", "soort": "mijlpaal", "tekst": text} for i, text in enumerate(HOSTILE)]
    case = _case(cases, naam='Naam "met" <tags> & {{ accolades }}', tijdlijn=events, startjaar=None,
                 fasen=[{"code": "verkennend", "van": "2010", "tot": "2012-06", "drivers": [{"code": "2a", "rol": "stuwend"}]},
                        {"code": "uitbouwend", "van": "2012-07", "drivers": [{"code": "2h", "rol": "remmend"}]}])
    drawn = timeline.of_case(case, framework)
    svg = timeline.case_svg(drawn, case.naam)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and "Naam" in root.get("aria-label")
    tags = {element.tag.removeprefix(NS) for element in root.iter()}
    assert tags <= {"svg", "rect", "line", "circle", "text", "g", "title"}, tags  # no script, no link, no foreignObject
    assert not any(name.startswith("on") or "href" in name for element in root.iter() for name in element.attrib)
    assert "<script" not in svg and "&lt;script&gt;" in svg
    texts = " ".join(_texts(svg))
    assert "</text><script>alert(" in texts and '"><svg onload=alert(2)>' in texts  # shown as the text it is
    assert "x\x00y" not in texts and "\u202e" not in texts and "xyzdef" in texts.replace("\u2026", "")
    assert "Verkennend" in texts and "+2a" in texts and "−2h" in texts
    assert len(drawn.events) == len(HOSTILE) and drawn.first == 2010 and drawn.last == 2016


def test_long_text_is_wrapped_and_cut_in_the_drawing_but_whole_in_the_list(cases, framework) -> None:
    long = "woord " * 30 + "einde"
    case = _case(cases, tijdlijn=[{"datum": "2020-02", "soort": "start", "tekst": long.strip()}])
    texts = _texts(timeline.case_svg(timeline.of_case(case, framework), case.naam))
    card = [t for t in texts if t.startswith("woord")]
    assert 1 < len(card) <= 3 and card[-1].endswith("…")
    assert all(timeline.text_width(line, 11.5) <= timeline.LABEL_W - 14 for line in card)
    assert timeline.of_case(case, framework).events[0].tekst == long.strip()  # the page's list gets all of it


def test_empty_timeline(cases, framework) -> None:
    case = _case(cases, tijdlijn=[], startjaar=None, fasen=[])
    drawn = timeline.of_case(case, framework)
    assert drawn.empty and drawn.events == () and drawn.bands == ()
    rows, figures = timeline.across((case,), framework)
    assert rows == [] and figures == []


def test_start_year_becomes_an_open_start_marker_only_without_a_start_event(cases, framework) -> None:
    case = _case(cases, startjaar=2016, tijdlijn=[{"datum": "2019", "soort": "mijlpaal", "tekst": "Eerste cursus."}])
    events = timeline.of_case(case, framework).events
    assert [(e.number, e.datum, e.soort, e.derived) for e in events] == [(1, "2016", "start", True), (2, "2019", "mijlpaal", False)]
    assert [e.derived for e in timeline.of_case(cases["twents-fonds-voor-vakmanschap"], framework).events] == [False, False, False]


def test_dates_on_the_axis() -> None:
    assert timeline.when("2021") == "2021" and timeline.when("2021-08") == "aug 2021" and timeline.when("2021-08-05") == "5 aug 2021"
    assert timeline.start_of("2021-07") == pytest.approx(2021.5) and timeline.end_of("2021") == 2022.0
    assert timeline.end_of("2021-12") == pytest.approx(2022.0)


def test_cross_case_figures_have_a_row_per_case_with_a_timeline(cases, framework) -> None:
    ordered = tuple(cases[slug] for slug in sorted(cases))
    rows, figures = timeline.across(ordered, framework)
    with_events = {slug for slug, case in cases.items() if case.tijdlijn or case.startjaar or case.fasen}
    assert {case.slug for case, _ in rows} == with_events and len(figures) == 1
    root = ET.fromstring(figures[0])
    assert root.get("role") == "img"
    titles = ["".join(t.itertext()) for t in root.iter(f"{NS}title")]
    assert sum(len(case.tijdlijn) for case, _ in rows) <= len(titles)
    assert any("Ruim 5.350 aanvragen" in title for title in titles)
    years = {int(t) for t in _texts(figures[0]) if re.fullmatch(r"\d{4}", t)}
    for case, _ in rows:
        for event in case.tijdlijn:
            assert int(event.datum[:4]) in years


def test_many_cases_are_drawn_in_figures_of_at_most_25_rows(cases, framework) -> None:
    base = cases["twents-fonds-voor-vakmanschap"].model_dump()
    many = tuple(Case.model_validate({**base, "slug": f"casus-{i}", "naam": f"Casus {i}"}) for i in range(60))
    rows, figures = timeline.across(many, framework)
    assert len(rows) == 60 and len(figures) == 3
    assert [len(ET.fromstring(f).findall(f".//{NS}circle")) for f in figures] == [75, 75, 30]


# --- `fasen` in a case, and a downloaded tijdlijn file ---------------------------------------------

def _validate(tmp_path: Path, text: str, capsys) -> tuple[int, str]:
    from generator.cli import main

    path = tmp_path / "tijdlijn.yml"
    path.write_text(text, encoding="utf-8")
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err


GOOD = '''tijdlijn:
  - datum: "2019-03"
    soort: "start"
    tekst: "Convenant getekend"
  - datum: "2022"
    soort: "evaluatie"
    tekst: "Eerste evaluatie"
fase:
  code: "uitbouwend"
fasen:
  - code: "verkennend"
    van: "2019-03"
    tot: "2020"
    drivers:
      - code: "2a"
        rol: "stuwend"
  - code: "uitbouwend"
    van: "2021"
'''


def test_a_downloaded_timeline_validates_on_its_own(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, GOOD, capsys)
    assert code == 0, err


@pytest.mark.parametrize("change, message", [
    (('van: "2021"', 'van: "2018"'), "fasen[1].van: '2018' ligt vóór het begin van de vorige fase"),
    (('tot: "2020"', 'tot: "2019-01"'), "fasen[0].tot: de fase eindigt ('2019-01') vóór ze begint ('2019-03')"),
    (('    tot: "2020"\n', ''), "fasen[0].tot: alleen de laatste fase mag nog lopen"),
    (('        rol: "stuwend"\n', '        rol: "stuwend"\n      - code: "2a"\n        rol: "remmend"\n'), "driver '2a' staat twee keer"),
    (('soort: "evaluatie"', 'soort: "feest"'), "tijdlijn[1].soort: onbekende code 'feest'"),
    (('code: "verkennend"', 'code: "slapend"'), "fasen[0].code: onbekende code 'slapend'"),
])
def test_timeline_mistakes_are_located(tmp_path: Path, capsys, change: tuple[str, str], message: str) -> None:
    assert change[0] in GOOD
    code, err = _validate(tmp_path, GOOD.replace(change[0], change[1], 1), capsys)
    assert code == 1 and message in err, err
    assert re.search(r"tijdlijn\.yml:\d+:\d+: ", err), err


def test_a_year_as_end_covers_a_start_in_that_year(tmp_path: Path, capsys) -> None:
    code, err = _validate(tmp_path, GOOD.replace('tot: "2020"', 'tot: "2019"'), capsys)
    assert code == 0, err


def test_the_example_in_contributing_validates(tmp_path: Path, capsys) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Een tijdlijn toevoegen"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    code, err = _validate(tmp_path, example, capsys)
    assert code == 0, err
