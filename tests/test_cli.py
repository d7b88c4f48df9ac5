"""The command line: validate, new-case, schema, and the all-or-nothing build."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from test_bad_inputs import tree_digest

ROOT = Path(__file__).resolve().parent.parent


def test_validate_clean_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "11 casusbestanden in orde." in capsys.readouterr().out


def test_validate_as_a_process_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yml"
    bad.write_bytes(b"naam: [\x00\xff")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}:1:")


def test_new_case_writes_a_valid_template(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "new-case", "Café \"Samen\" & Co: Zeeland"]) == 0
    target = project / "cases" / "cafe-samen-co-zeeland.yml"
    assert target.exists()
    assert main(["--root", str(project), "validate", str(target)]) == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["naam"] == "Café \"Samen\" & Co: Zeeland"
    text = target.read_text(encoding="utf-8")
    for block in ("# 1. Aanleiding", "# 2. Doelen", "# 3. Drivers", "# 4. Design", "# 5. Randvoorwaarden", "# 6. Output en outcome"):
        assert block in text


def test_new_case_optional_blocks_validate_once_uncommented(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The template's commented blocks (lessen, fasen, praatplaat) are what a contributor gets by
    removing the '# ': that must give a valid case, with the lesson and its source kept."""
    assert main(["--root", str(project), "new-case", "Zorgacademie Zeeland"]) == 0
    target = project / "cases" / "zorgacademie-zeeland.yml"
    text = target.read_text(encoding="utf-8")
    block_lines = [line for line in text.splitlines() if line.startswith(("# lessen:", "# fasen:", "# praatplaat:"))]
    assert len(block_lines) == 3, block_lines
    uncommented, inside = [], False
    for line in text.splitlines():
        if line.startswith(("# lessen:", "# fasen:", "# praatplaat:")):
            inside = True
        elif inside and not line.startswith("#  "):
            inside = False
        uncommented.append(line[2:] if inside else line)
    target.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "validate", str(target)]) == 0, capsys.readouterr().err
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["lessen"][0]["bronnen"] == ["eigen gegevens"]
    assert data["praatplaat"] and data["fasen"]


def test_the_lessons_example_in_contributing_validates(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("**Lessen bovenaan.**"):]
    example = section[section.index("```yaml\n") + 8:section.index("```", section.index("```yaml\n") + 8)]
    lines = [line.removeprefix("  ") for line in example.splitlines()]  # the block sits in a list item
    minimal = (ROOT / "tests" / "fixtures" / "minimaal.yml").read_text(encoding="utf-8")
    target = project / "cases" / "minimaal.yml"
    target.write_text(minimal + "\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--root", str(project), "validate", str(target)]) == 0, capsys.readouterr().err
    assert len(yaml.safe_load(target.read_text(encoding="utf-8"))["lessen"]) == 2


def test_new_case_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "cases" / "digiwise.yml").read_bytes()
    assert main(["--root", str(project), "new-case", "Digiwise"]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert (project / "cases" / "digiwise.yml").read_bytes() == before


def test_committed_schema_is_current() -> None:
    from generator.schema import schema_text

    assert (ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8") == schema_text(ROOT), \
        "schema/case.schema.json is stale: run python -m generator schema"


def test_bundled_cases_satisfy_the_published_schema() -> None:
    schema = json.loads((ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((ROOT / "cases").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))  # what an editor sees
        errors = [f"{list(e.absolute_path)}: {e.message[:100]}" for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors)


def test_schema_rejects_unknown_codes() -> None:
    schema = json.loads((ROOT / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "cases" / "digiwise.yml").read_text(encoding="utf-8"))
    data["drivers"][0]["code"] = "2k"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))


def test_failed_mkdocs_build_keeps_previous_site(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build"]) == 0
    before = tree_digest(project / "site")
    inputs = tree_digest(project / "cases") + tree_digest(project / "content")
    page = project / "content" / "paginas" / "over-het-onderzoek.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    inputs = tree_digest(project / "cases") + tree_digest(project / "content")
    assert main(["--root", str(project), "build"]) == 1
    assert "bestaat-niet.md" in capsys.readouterr().err
    assert tree_digest(project / "site") == before
    assert tree_digest(project / "cases") + tree_digest(project / "content") == inputs
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_second_build_rewrites_only_what_changed(project: Path) -> None:
    from generator.build import build_site

    first = build_site(project)
    assert first.diagrams_rendered == 12
    unchanged = build_site(project)
    assert unchanged.written == [] and unchanged.diagrams_rendered == 0
    case = project / "cases" / "digiwise.yml"
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    data["thema"] = "Een nieuw thema voor deze casus."
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    edited = build_site(project)
    assert edited.diagrams_rendered == 0, "the praatplaat does not show the theme"
    # the theme is the tooltip of the name in the overview and the cell of the theme table
    assert set(edited.written) == {"casussen/digiwise.md", "casussen/index.md", "_theme/later/lijsten/casussen.html",
                                   "casussen/overzicht.json", "vergelijken/thema.md", "_theme/later/lijsten/vergelijken/thema.html",
                                   "data/casussen.json", "data/casussen.csv"}
