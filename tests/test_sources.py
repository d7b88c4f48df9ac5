"""Source references on text items: the model, its validation, the open data and the case page."""
from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.content import load_framework
from generator.data import case_data
from generator.errors import InputError
from generator.load import load_text
from generator.model import SourcedText
from generator.schema import case_schema
from generator.validate import parse_case

ROOT = Path(__file__).resolve().parent.parent

BASE = """\
naam: Bronnen-casus
slug: bronnen-casus
instellingen: [Een mbo-instelling]
regio:
  tekst: Ergens in het land
  redactie: De regio is afgeleid door de redactie.
provincies: [utrecht]
sector: Zorg
thema: Een samenwerking met bronverwijzingen.
status: actief
type:
  orientatie: operationeel
  object: collectief
  bronnen: [tabel 5.2]
samenvatting: Een korte samenvatting.
drivers:
  - code: 2e
    tekst: Urgentie door personeelstekort.
    bronnen: ["§5.3.1", tabel 6.2]
    redactie: Dat dit als urgentie werkte, leidt de redactie af.
design:
  governance:
    tekst: Een stuurgroep met alle partners.
    bronnen: [interview 2023]
doelen:
  propositie: Samen meer vakmensen opleiden.
  kort:
    - Een gewoon doel.
    - tekst: Een doel met een bron.
      bronnen: [tabel 5.3]
bronnen:
  - sectie: "§4.1"
  - sectie: interview 2023
    omschrijving: Gesprek met de stuurgroep
"""


@pytest.fixture(scope="module")
def codes() -> dict[str, list[str]]:
    return load_framework(ROOT).codes()


def parse(text: str, codes: dict[str, list[str]]):
    return parse_case(load_text(text, "cases/bronnen-casus.yml"), codes)


def test_text_fields_carry_sources_and_stay_text(codes) -> None:
    case = parse(BASE, codes)
    governance = case.design.governance
    assert isinstance(governance, str) and governance == "Een stuurgroep met alle partners."
    assert governance.bronnen == ("interview 2023",) and governance.redactie is None
    assert case.drivers[0].bronnen == ["§5.3.1", "tabel 6.2"]
    assert case.drivers[0].redactie.startswith("Dat dit als urgentie")
    assert case.doelen.kort[0].bronnen == () and case.doelen.kort[1].bronnen == ("tabel 5.3",)
    assert case.regio == "Ergens in het land" and case.regio.redactie
    assert pickle.loads(pickle.dumps(governance)).bronnen == ("interview 2023",)


def test_open_data_writes_plain_text_or_text_with_sources(codes) -> None:
    record = json.loads(case_data(parse(BASE, codes)).json)
    assert record["samenvatting"] == "Een korte samenvatting."
    assert record["design"]["governance"] == {"tekst": "Een stuurgroep met alle partners.", "bronnen": ["interview 2023"]}
    assert record["doelen"]["kort"] == ["Een gewoon doel.", {"tekst": "Een doel met een bron.", "bronnen": ["tabel 5.3"]}]
    assert record["drivers"][0]["bronnen"] == ["§5.3.1", "tabel 6.2"]
    assert record["type"]["bronnen"] == ["tabel 5.2"]


def test_model_dump_validates_again_to_the_same_case(codes) -> None:
    case = parse(BASE, codes)
    again = type(case).model_validate(case.model_dump(mode="json"), context={"vocabularies": codes})
    assert again == case and again.design.governance.bronnen == ("interview 2023",)


def errors_of(text: str, codes) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse(text, codes)
    return [str(d) for d in caught.value.diagnostics]


def test_unknown_report_reference_is_located_with_nearest_match(codes) -> None:
    text = BASE.replace('bronnen: ["§5.3.1", tabel 6.2]', 'bronnen: ["§5.3.7", tabel 6.2]')
    [message] = errors_of(text, codes)
    line = text.splitlines().index('    bronnen: ["§5.3.7", tabel 6.2]') + 1
    assert message.startswith(f"cases/bronnen-casus.yml:{line}:15: drivers[0].bronnen[0]: onbekende bronverwijzing '§5.3.7'")
    assert "content/bronverwijzingen.yml" in message and "Bedoelt u '§5.3.2' of '§5.3.1'" in message


def test_unknown_table_in_case_sources_list_is_refused(codes) -> None:
    [message] = errors_of(BASE.replace('sectie: "§4.1"', "sectie: tabel 4.1"), codes)
    assert "bronnen[0].sectie: onbekende bronverwijzing 'tabel 4.1'" in message


def test_own_source_must_be_listed_by_the_case(codes) -> None:
    [message] = errors_of(BASE.replace("bronnen: [interview 2023]", "bronnen: [interview 2024]"), codes)
    assert "design.governance.bronnen[0]: onbekende bron 'interview 2024'" in message
    assert "Bedoelt u 'interview 2023'" in message and "`bronnen:`" in message


def test_empty_editorial_note_and_wrong_shape_are_refused(codes) -> None:
    messages = errors_of(BASE.replace("redactie: Dat dit als urgentie werkte, leidt de redactie af.", 'redactie: ""'), codes)
    assert any("drivers[0].redactie" in m and "leeg" in m for m in messages), messages
    messages = errors_of(BASE.replace("  governance:\n    tekst:", "  governance:\n    - tekst:").replace(
        "    bronnen: [interview 2023]\ndoelen", "      bronnen: [interview 2023]\ndoelen"), codes)
    assert any(m.startswith("cases/bronnen-casus.yml:") and "design.governance" in m for m in messages), messages


def test_content_bron_fields_name_listed_references(tmp_path: Path) -> None:
    from conftest import make_project

    root = make_project(tmp_path / "project", cases=False)
    path = root / "content" / "vocabulaires.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('bron: "§5.6.6"', 'bron: "§5.6.6, §5.6.9"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_framework(root)
    [message] = [str(d) for d in caught.value.diagnostics]
    assert re.match(r"content/vocabulaires\.yml:\d+:\d+: aandachtspunten\.bron: onbekende bronverwijzing '§5\.6\.9'", message), message


def test_unknown_kind_of_scan_answer_in_content_is_named_in_dutch(tmp_path: Path) -> None:
    from conftest import make_project

    root = make_project(tmp_path / "project", cases=False)
    path = root / "content" / "samenwerkingsscan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    antwoorden: richting", "    antwoorden: richtng", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_framework(root)
    [message] = [str(d) for d in caught.value.diagnostics]
    assert "onbekende antwoordsoort 'richtng' (toegestaan: " in message and "richting" in message, message


def test_schema_accepts_text_or_mapping_and_offers_the_references() -> None:
    schema = case_schema(load_framework(ROOT))
    governance = schema["$defs"]["Design"]["properties"]["governance"]["anyOf"]
    assert {"type": "string", "minLength": 1, "maxLength": 2000} in governance
    mapping = schema["$defs"]["TekstMetBronnen"]
    assert set(mapping["properties"]) == {"tekst", "bronnen", "redactie"}
    listed = mapping["properties"]["bronnen"]["items"]["anyOf"][0]["enum"]
    assert "§5.3.1" in listed and "tabel 6.2" in listed and "figuur 3.1" in listed


def test_case_page_shows_sources_as_small_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import make_project

    root = make_project(tmp_path / "project", cases=False)
    (root / "cases" / "bronnen-casus.yml").write_text(BASE, encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0, capsys.readouterr().err
    html = (root / "site" / "casussen" / "bronnen-casus" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'Urgentie door personeelstekort\. <small class="bron-noot">bron: <span class="bron-ref" title="Essenti[^"]*">§5\.3\.1</span>, '
                     r'<span class="bron-ref" title="[^"]+">tabel 6\.2</span></small> <small class="redactie-noot">'
                     r'<span class="redactie-label">interpretatie redactie</span> Dat dit als urgentie', html), html
    assert 'Een stuurgroep met alle partners. <small class="bron-noot">bron: <span class="bron-ref">interview 2023</span></small>' in html
    assert "Ergens in het land <small class=\"redactie-noot\">" in html
    assert "interview 2023: Gesprek met de stuurgroep" in html


def test_sourced_text_is_a_string() -> None:
    text = SourcedText("Tekst", ("§4.1",), "Noot")
    assert text == "Tekst" and text.tekst == "Tekst" and text.split() == ["Tekst"]


def test_csv_cell_of_a_text_with_sources_holds_the_text(codes) -> None:
    import csv
    import io

    from generator.data import COLUMNS

    row = next(csv.reader(io.StringIO(case_data(parse(BASE, codes)).csv)))
    cells = dict(zip(COLUMNS, row))
    assert cells["design.governance"] == "Een stuurgroep met alle partners."
    assert cells["regio"] == "Ergens in het land"
