"""The bundled case portraits: all valid, and faithful to the report's tables 5.2 and 6.2."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content import load_framework
from generator.validate import load_cases
from report_tables import ON_HOLD, TABLE_5_2, TABLE_6_2

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cases():
    framework = load_framework(ROOT)
    return {case.slug: case for case in load_cases(ROOT, framework.codes())}


def test_every_bundled_case_validates(cases) -> None:
    assert set(cases) == set(TABLE_5_2)


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_type_matches_table_5_2(cases, slug: str) -> None:
    assert cases[slug].type_code == TABLE_5_2[slug]


@pytest.mark.parametrize("slug", sorted(TABLE_6_2))
def test_scan_items_match_table_6_2(cases, slug: str) -> None:
    assert {item.code for item in cases[slug].scan} == TABLE_6_2[slug]


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_status_follows_section_2_2(cases, slug: str) -> None:
    assert (cases[slug].status == "on-hold") == (slug in ON_HOLD)


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_portrait_is_complete(cases, slug: str) -> None:
    case = cases[slug]
    assert case.aanleiding and case.doelen and case.design and case.output
    assert case.drivers, "every case names at least one driver in §5.3 or table 6.2"
    assert any(bron.sectie.startswith("§4.") for bron in case.bronnen), "cites its chapter 4 portrait"
    assert any("6.2" in bron.sectie for bron in case.bronnen), "cites table 6.2"


def test_case_files_name_the_schema() -> None:
    for path in sorted((ROOT / "cases").glob("*.yml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schema/case.schema.json", path


# Sources of statements (issue 16): the portraits carry their sources in fields, not in the prose.

def _strings(value, path=()):
    """(path, text) for every string in a loaded YAML tree."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, path + (index,))
    elif isinstance(value, str):
        yield path, value


def _documents(folder: str):
    from generator.load import load_file

    return [load_file(path, str(path.relative_to(ROOT))) for path in sorted((ROOT / folder).glob("*.yml"))]


LISTED = None


def _listed() -> set[str]:
    global LISTED
    if LISTED is None:
        LISTED = set(load_framework(ROOT).bronverwijzingen.codes())
    return LISTED


INLINE_REFERENCE = re.compile(r"(?:§\d+(?:\.\d+)*|(?:tabel|figuur) \d+\.\d+)")


@pytest.mark.parametrize("document", _documents("cases"), ids=lambda d: d.path)
def test_case_texts_hold_no_inline_sources_or_editorial_sentences(document) -> None:
    for path, text in _strings(document.data):
        assert "(§" not in text and "(tabel " not in text, (path, text)
        if path[-1] != "redactie":
            assert "interpretatie van de redactie" not in text.lower(), (path, text)
            assert "afgeleid door de redactie" not in text.lower(), (path, text)


@pytest.mark.parametrize("document", _documents("cases"), ids=lambda d: d.path)
def test_every_source_reference_of_a_bundled_case_is_listed(document) -> None:
    """The bundled portraits cite the report only: every `bronnen` entry, every `sectie` and every
    §/table/figure named in a text exists in content/bronverwijzingen.yml."""
    from generator.sources import item_references

    for parts, ref in item_references(document.data):
        assert ref in _listed(), (parts, ref)
    for bron in document.data["bronnen"]:
        assert bron["sectie"] in _listed(), bron
    for path, text in _strings(document.data):
        for ref in INLINE_REFERENCE.findall(text):
            assert ref in _listed(), (path, ref)


@pytest.mark.parametrize("document", _documents("content"), ids=lambda d: d.path)
def test_every_source_reference_in_content_is_listed(document) -> None:
    from generator.content import split_sources

    for path, text in _strings(document.data):
        if path and path[-1] == "bron" and not document.path.endswith("bronverwijzingen.yml"):
            for ref in split_sources(text):
                assert ref in _listed(), (path, ref)
        for ref in INLINE_REFERENCE.findall(text):
            assert ref in _listed(), (path, ref)


def test_every_phase_is_marked_editorial(cases) -> None:
    """The report gives no phase per case (issue 16): a phase is always the editors' reading."""
    phased = [case for case in cases.values() if case.fase]
    assert phased, "some portraits name a phase"
    for case in phased:
        assert case.fase.redactie, case.slug


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_urgency_and_shared_interests_in_every_case(cases, slug: str) -> None:
    """§5.3.1 (5) and (6): a looming staff shortage gives urgency in all cases, and shared
    interests play a role in all collaborations studied."""
    codes = {driver.code for driver in cases[slug].drivers}
    assert {"2e", "2f"} <= codes, codes
    for driver in cases[slug].drivers:
        if driver.code in ("2e", "2f"):
            assert "§5.3.1" in driver.bronnen or "tabel 6.2" in driver.bronnen, (slug, driver.code)


def test_one_spelling_per_term() -> None:
    texts = [text for folder in ("cases", "content") for document in _documents(folder) for _, text in _strings(document.data)]
    joined = "\n".join(texts)
    for wrong in ("herorientatie", "Herbezinning", "On hold", "on hold gezet", "McDonalds", "zorgoogpunt", "pro-actief", "BBL", "ICT"):
        assert wrong not in joined, wrong
