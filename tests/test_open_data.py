"""The open data as a described Frictionless Data Package: loaded and checked as a data user would."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from generator.content import load_framework
from generator.data import COLUMNS
from generator.datapackage import datapackage, records_schema, table_schema, version
from generator.siteconfig import build_date, site_config
from tests.htmltext import main_content, text_of

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir(built_site: Path) -> Path:
    return built_site / "site/data"


def test_frictionless_reports_the_package_valid(data_dir: Path) -> None:
    """`frictionless validate` (the data user's tool) checks every row of every resource."""
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                            cwd=data_dir, capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report, ensure_ascii=False)[:3000]
    assert result.returncode == 0
    checked = {task["name"]: task["stats"] for task in report["tasks"]}
    assert set(checked) == {"casussen", "casussen-json", "vocabulaires"}
    assert checked["casussen"]["rows"] == 11


def test_every_csv_column_is_described_in_dutch(data_dir: Path) -> None:
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "casussen")["schema"]["fields"]
    header = next(csv.reader(io.StringIO((data_dir / "casussen.csv").read_text(encoding="utf-8"))))
    assert [field["name"] for field in fields] == header == list(COLUMNS)
    for field in fields:
        assert field["title"] and len(field["description"]) > 15, field
        assert field["type"] in {"string", "integer", "list", "array"}, field
    by_name = {field["name"]: field for field in fields}
    assert by_name["startjaar"]["type"] == "integer"
    assert by_name["drivers"]["type"] == "array" and "JSON-lijst" in by_name["drivers"]["description"]
    assert by_name["provincies"]["type"] == "list" and by_name["provincies"]["delimiter"] == "; "
    assert by_name["status"]["constraints"]["enum"] == [item.code for item in load_framework(ROOT).vocabularies["status"].items]
    assert by_name["naam"]["constraints"]["required"] is True
    assert "required" not in by_name["fase.code"].get("constraints", {}), "a field of an optional object may be empty"


def test_every_code_column_lists_its_vocabulary(data_dir: Path) -> None:
    framework = load_framework(ROOT)
    fields = table_schema(framework)["fields"]
    coded = {field["name"]: field["constraints"]["enum"] for field in fields if "enum" in field.get("constraints", {})}
    assert coded["type.orientatie"] == framework.codes()["orientaties"]
    assert coded["status"] == framework.codes()["status"]
    vocabularies = list(csv.DictReader(io.StringIO((data_dir / "vocabulaires.csv").read_text(encoding="utf-8"))))
    labels = {(row["vocabulaire"], row["code"]): row["label"] for row in vocabularies}
    assert labels[("drivers", "2e")] == framework.label("drivers", "2e")
    assert ("scan_items", "5c") in labels
    for name, vocabulary in framework.vocabularies.items():  # every code of every list, and nothing twice
        assert all((name, item.code) in labels for item in vocabulary.items)
    assert len(labels) == len(vocabularies)


def test_every_json_record_validates_against_the_schema_the_package_names(data_dir: Path) -> None:
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "casussen-json")
    schema = json.loads((data_dir / resource["jsonSchema"]).read_text(encoding="utf-8"))
    records = json.loads((data_dir / resource["path"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert len(records) == 11
    for record in records:
        errors = [error.message[:200] for error in validator.iter_errors([record])]
        assert not errors, (record["slug"], errors)
    broken = dict(records[0], url="javascript:alert(1)")
    assert list(validator.iter_errors([broken])), "the derived fields are checked too"
    assert list(validator.iter_errors([dict(records[0], onbekend="x")])), "no field beyond the schema"


def _built(data_dir: Path) -> date:
    """The build date the package records: the day the session's site was built (which may be
    yesterday when the test run crosses midnight), never in the future and at most a day old."""
    created = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))["created"]
    built = date.fromisoformat(created[:10])
    assert created == f"{built.isoformat()}T00:00:00Z"
    assert 0 <= (build_date() - built).days <= 1, created
    return built


def test_package_carries_licence_version_date_and_sources(data_dir: Path) -> None:
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    built = _built(data_dir)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] == version(built)
    assert any("Verduurzaming van publieke waarde" in source["title"] for source in package["sources"])
    assert package["homepage"] == site_config(ROOT).site_url


def test_open_data_page_shows_licence_version_and_date(built_site: Path) -> None:
    page = text_of(main_content((built_site / "site/open-data/index.html").read_text(encoding="utf-8")))
    built = _built(built_site / "site/data")
    assert f"Versie: {version(built)}" in page
    assert f"Gemaakt op: {built.day} " in page and str(built.year) in page
    assert "Creative Commons Naamsvermelding 4.0" in page
    assert "datapackage.json" in page and "pd.read_csv" in page
    assert "Licentie CC-BY-4.0" in page, "a citation line to copy"


def test_records_schema_is_the_case_schema_plus_derived_fields() -> None:
    framework = load_framework(ROOT)
    record = records_schema(framework)["$defs"]["Casusrecord"]
    case = json.loads((ROOT / "schema/case.schema.json").read_text(encoding="utf-8"))
    assert set(record["properties"]) == set(case["properties"]) | {"type_code", "url"}
    assert record["additionalProperties"] is False


def test_source_date_epoch_sets_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date() == date(2023, 11, 14)
    assert datapackage(load_framework(ROOT), build_date(), "https://x.example/")["version"] == "2023.11.14"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    from generator.errors import BuildError
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        build_date()


def test_site_url_from_env_tag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs.yml may read the address from the environment (`!ENV`), as MkDocs allows."""
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nsite_url: !ENV [HSVMBO_TEST_URL, 'https://standaard.example/']\n")
    monkeypatch.delenv("HSVMBO_TEST_URL", raising=False)
    assert site_config(tmp_path).site_url == "https://standaard.example/"
    monkeypatch.setenv("HSVMBO_TEST_URL", "https://fork.example/regio")
    assert site_config(tmp_path).site_url == "https://fork.example/regio/"
