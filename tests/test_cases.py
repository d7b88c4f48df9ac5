"""The bundled case portraits: all valid, and faithful to the report's tables 5.2 and 6.2."""
from __future__ import annotations

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
