"""Across the cases: comparison tables, concept pages, overview filter data and open data
are all derived from the case files, and agree with them and with the report."""
from __future__ import annotations

import csv
import io
import json
from html import unescape
import re
from pathlib import Path

import pytest

from generator.content import load_framework
from generator.validate import load_cases
from htmltext import main_content, parse, text_of
from report_tables import TABLE_5_2, TABLE_6_2

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cases():
    framework = load_framework(ROOT)
    return {case.slug: case for case in load_cases(ROOT, framework.codes())}


def rows(built_site: Path, url: str) -> dict[str, str]:
    """Table rows of a page, keyed by the slug of the case the first cell links to."""
    html = main_content((built_site / "site" / url / "index.html").read_text(encoding="utf-8"))
    result = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        link = re.search(r'href="\.\./\.\./casussen/([a-z0-9-]+)/', row) or re.search(r'href="\.\./casussen/([a-z0-9-]+)/', row)
        if link:
            result[link.group(1)] = text_of(row)
    return result


def test_table_5_2_lists_every_case_under_its_type(built_site: Path) -> None:
    html = main_content((built_site / "site/vergelijken/typologie/index.html").read_text(encoding="utf-8"))
    ocs, sgs = html.split('id="sgs-strategische-op-een-gebied-gerichte-samenwerking"')
    for slug, code in TABLE_5_2.items():
        assert f"casussen/{slug}/" in (ocs if code == "OCS" else sgs), slug
        assert f"casussen/{slug}/" not in (sgs if code == "OCS" else ocs), slug


def test_table_6_2_lists_every_case_with_its_scan_items(built_site: Path) -> None:
    table = rows(built_site, "vergelijken/scan")
    assert set(table) == set(TABLE_6_2)
    for slug, codes in TABLE_6_2.items():
        assert set(re.findall(r"\b(\d[a-j])\b", table[slug])) == codes, table[slug]


def test_goal_table_matches_case_data(built_site: Path, cases) -> None:
    table = rows(built_site, "vergelijken/doelen")
    assert set(table) == set(cases)
    for slug, case in cases.items():
        for goal in case.doelen.kort + case.doelen.middellang + case.doelen.lang:
            assert " ".join(goal.split()) in table[slug], (slug, goal)


def test_design_table_matches_case_data(built_site: Path, cases, ) -> None:
    framework = load_framework(ROOT)
    table = rows(built_site, "vergelijken/design")
    for slug, case in cases.items():
        if case.design and case.design.hoofdvorm:
            assert framework.label("hoofdvormen", case.design.hoofdvorm) in table[slug]
        if case.design and case.design.wijziging:
            assert framework.label("ontwerpwijziging", case.design.wijziging) in table[slug]


def test_value_table_marks_exactly_the_named_labels(built_site: Path, cases) -> None:
    html = main_content((built_site / "site/vergelijken/meerwaarde/index.html").read_text(encoding="utf-8"))
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)[1:]:
        slug = re.search(r"casussen/([a-z0-9-]+)/", row).group(1)
        cells = [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)][1:]
        named = {w.code for w in cases[slug].output.maatschappelijke_waarde}
        assert {str(i + 1) for i, cell in enumerate(cells) if cell} == named, slug


def test_theme_table_shows_each_theme_with_its_question_as_tooltip(built_site: Path, cases) -> None:
    table = rows(built_site, "vergelijken/thema")
    html = main_content((built_site / "site/vergelijken/thema/index.html").read_text(encoding="utf-8"))
    for slug, case in cases.items():
        assert " ".join(case.thema.split())[:60] in table[slug]
        if case.onderzoeksvraag:
            row = re.search(rf'casussen/{slug}/.*?</tr>', html, flags=re.S).group(0)
            title = re.search(r'<td title="([^"]*)"', row).group(1)
            assert " ".join(case.onderzoeksvraag.split())[:40] in " ".join(unescape(title).split())


def test_concept_pages_list_the_cases_that_name_them(built_site: Path, cases) -> None:
    for code in ("2e", "2i"):
        html = main_content((built_site / f"site/begrippen/driver-{code}/index.html").read_text(encoding="utf-8"))
        linked = set(re.findall(r"casussen/([a-z0-9-]+)/", html))
        naming = {slug for slug, case in cases.items() if any(d.code == code for d in case.drivers)}
        assert naming <= linked and naming
    for vocab, prefix in (("aandachtspunten", "aandachtspunt"), ("spanningen", "spanning"), ("bouwblokken", "bouwblok")):
        framework = load_framework(ROOT)
        for item in framework.vocabularies[vocab].items:
            assert (built_site / f"site/begrippen/{prefix}-{item.code.lower()}/index.html").is_file()


def test_overview_filter_data_and_counts(built_site: Path, cases) -> None:
    html = (built_site / "site/casussen/index.html").read_text(encoding="utf-8")
    data = {}
    for attrs, slug in re.findall(r'<tr( data-[^>]*)><td><a href="([a-z0-9-]+)/"', html):
        data[slug] = {key: value.split() for key, value in re.findall(r'data-([a-z]+)="([^"]*)"', attrs)}
    assert set(data) == set(cases)
    for slug, case in cases.items():
        assert data[slug]["type"] == [TABLE_5_2[slug]]
        assert data[slug]["driver"] == sorted({d.code for d in case.drivers})
    start = html.index('<details class="casus-filter-uitklap"')
    form = html[start: html.index("</form>", start)]
    assert f"OCS: Operationele, op een collectief gerichte samenwerking ({list(TABLE_5_2.values()).count('OCS')})" in text_of(form) or \
        f"Operationele, op een collectief gerichte samenwerking ({list(TABLE_5_2.values()).count('OCS')})" in text_of(form)
    assert "hidden" in form.split(">")[0], "the form only appears when JavaScript runs"


def test_open_data_holds_every_case_and_field(built_site: Path, cases) -> None:
    records = json.loads((built_site / "site/data/casussen.json").read_text(encoding="utf-8"))
    assert {r["slug"] for r in records} == set(cases)
    for record in records:
        assert set(type(cases[record["slug"]]).model_fields) <= set(record)
        assert record["type_code"] == TABLE_5_2[record["slug"]]
    table = list(csv.DictReader(io.StringIO((built_site / "site/data/casussen.csv").read_text(encoding="utf-8"))))
    assert {row["slug"] for row in table} == set(cases)
    columns = {column.split(".")[0] for column in table[0]}
    assert set(type(next(iter(cases.values()))).model_fields) <= columns, "columns come from the model, filled or not"
    assert "design.hoofdvorm" in table[0] and "design" not in table[0], "a nested object is dotted columns only"
    fan = next(row for row in table if row["slug"] == "food-academy-nijkerk")
    assert fan["naam"] == "Food Academy Nijkerk" and fan["type.orientatie"] == "operationeel"
    assert json.loads(fan["drivers"])[0]["code"] == cases["food-academy-nijkerk"].drivers[0].code


def test_csv_cells_cannot_become_formulas() -> None:
    from generator.data import _safe_cell

    assert _safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _safe_cell("gewoon") == "gewoon"


def test_abbreviations_become_tooltips(built_site: Path) -> None:
    html = main_content((built_site / "site/casussen/digiwise/index.html").read_text(encoding="utf-8"))
    assert re.search(r'<abbr title="Regionaal Investeringsfonds[^"]*">RIF</abbr>', html)


def test_scan_answers_file_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    good = tmp_path / "scan.yml"
    good.write_text('# Samenwerkingsscan van Onze "samenwerking"\nscan:\n  - code: "2e"\n    antwoord: stuwend\n'
                    '    tekst: "Iedereen voelt de \\"krapte\\""\n  - code: "5c"\n    antwoord: aandachtspunt\n', encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    bad = tmp_path / "fout.yml"
    bad.write_text('scan:\n  - code: "2k"\n    antwoord: geweldig\n  - code: "2e"\n    antwoord: sterk\n'
                   '  - code: "3a"\n    antwoord: remmend\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "fout.yml:2:11: scan[0].code: onbekende code '2k'" in err
    assert "antwoord: onbekende code 'geweldig'" in err


def test_scan_answer_must_fit_its_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Drivers are answered with a direction, the other items with a judgement."""
    from generator.cli import main

    bad = tmp_path / "fout.yml"
    bad.write_text('scan:\n  - code: "2e"\n    antwoord: sterk\n  - code: "3a"\n    antwoord: remmend\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "fout.yml:3:15: scan[0].antwoord: antwoord 'sterk' past niet bij item 2e (toegestaan: stuwend, remmend, speelt-niet)" in err
    assert "fout.yml:5:15: scan[1].antwoord: antwoord 'remmend' past niet bij item 3a (toegestaan: sterk, redelijk, aandachtspunt, nvt)" in err


def test_case_with_scan_answers_shows_them_and_keeps_steering_items_apart(project: Path) -> None:
    """A case's scan field holds steering items (no answer) and a team's answers (with one)."""
    from generator.build import generate

    path = project / "cases" / "startacademie.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nscan:\n" in text
    text = text.replace("\nscan:\n", '\nscan:\n  - code: "4b"\n    antwoord: aandachtspunt\n    tekst: "Opbrengst nog onduidelijk"\n', 1)
    path.write_text(text, encoding="utf-8")
    files = generate(project)
    page = files["_theme/later/casussen/startacademie.html"].decode("utf-8")
    assert "Antwoorden uit een ingevulde samenwerkingsscan" in page and "Opbrengst nog onduidelijk" in page
    assert "<td>Aandachtspunt</td>" in page
    steering = files["_theme/later/lijsten/vergelijken/scan.html"].decode("utf-8")
    assert "4b" not in steering.split("Startacademie")[1].split("</tr>")[0]


def test_timeline_axis_covers_every_dated_event(built_site: Path, cases) -> None:
    html = main_content((built_site / "site/vergelijken/tijdlijn/index.html").read_text(encoding="utf-8"))
    figures = re.findall(r'<svg[^>]*class="tijdlijn-svg".*?</svg>', html, re.S)
    assert figures and all('role="img"' in figure for figure in figures)
    years = {int(y) for figure in figures for y in re.findall(r">(\d{4})</text>", figure)}
    for case in cases.values():
        for event in case.tijdlijn:
            assert int(event.datum[:4]) in years
            assert event.tekst.split()[0] in html  # every event is also in the list beside the drawing


def test_related_cases_reuse_their_choice_only_while_the_features_stay(cases) -> None:
    """serve keeps the choice of related cases between stages: an edit to a text or a name reuses
    it (with the edited case itself in the result), an edit to what cases share chooses again."""
    from generator.compare import related_cases

    ordered = tuple(cases[slug] for slug in sorted(cases))
    memo: dict = {}
    related_cases(ordered, memo=memo)
    picks = memo["picks"]
    renamed = tuple(case.model_copy(update={"naam": "Nieuwe naam"}) if case.slug == "digiwise" else case for case in ordered)
    reused = related_cases(renamed, memo=memo)
    assert memo["picks"] is picks
    assert reused == related_cases(renamed)
    assert any(item["case"].naam == "Nieuwe naam" for items in reused.values() for item in items)
    moved = tuple(case.model_copy(update={"provincies": ["zeeland"], "drivers": []}) if case.slug == "startacademie" else case
                  for case in ordered)
    again = related_cases(moved, memo=memo)
    assert memo["picks"] is not picks
    assert again == related_cases(moved) != related_cases(ordered)
