"""What `serve` relies on: one Memo across stages re-parses only edited files, renders only
changed praatplaten, and rewrites only files whose bytes changed, without trusting anything
but the bytes on disk."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import validate
from generator.build import STAGING, Memo, stage
from generator.errors import InputError


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the loader parses (not the ones it takes from the cache)."""
    names: list[str] = []
    real = validate.load_bytes

    def counting(raw: bytes, name: str):
        names.append(name)
        return real(raw, name)

    monkeypatch.setattr(validate, "load_bytes", counting)
    return names


def edit(project: Path, slug: str, field: str, value: object) -> None:
    path = project / "cases" / f"{slug}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_second_stage_parses_renders_and_writes_nothing(project: Path, parsed: list[str]) -> None:
    memo = Memo()
    first = stage(project, memo=memo)
    assert len(parsed) == 11 and first.diagrams_rendered == 12
    parsed.clear()
    second = stage(project, memo=memo)
    assert parsed == [] and second.diagrams_rendered == 0
    assert second.written == [] and second.removed == []


def test_an_edit_reparses_and_rewrites_only_that_case(project: Path, parsed: list[str]) -> None:
    memo = Memo()
    stage(project, memo=memo)
    parsed.clear()
    edit(project, "digiwise", "naam", "Digiwise vernieuwd")
    report = stage(project, memo=memo)
    assert parsed == ["cases/digiwise.yml"]
    assert report.diagrams_rendered == 1, "the name is on the praatplaat"
    assert "casussen/digiwise.md" in report.written and "praatplaten/digiwise.pdf" in report.written
    # other case pages change only when they link to the case: as a related case or as previous/next
    linking = {f"casussen/{path.stem}.md" for path in (project / STAGING / "_theme" / "later" / "casussen").glob("*.html")
               if "digiwise/" in path.read_text(encoding="utf-8")}
    others = [path for path in report.written if path.startswith("casussen/")
              and path not in ("casussen/digiwise.md", "casussen/index.md", "casussen/overzicht.json")]
    assert others and set(others) <= linking
    assert "Digiwise vernieuwd" in (project / STAGING / "casussen" / "digiwise.md").read_text(encoding="utf-8")


def test_a_staged_file_changed_behind_the_memo_is_restored(project: Path) -> None:
    memo = Memo()
    stage(project, memo=memo)
    page = project / STAGING / "casussen" / "digiwise.md"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"Digiwise", b"Vervalst", 1))
    report = stage(project, memo=memo)
    assert report.written == ["casussen/digiwise.md"] and page.read_bytes() == good


def test_a_broken_edit_fails_and_the_next_good_one_recovers(project: Path) -> None:
    memo = Memo()
    stage(project, memo=memo)
    edit(project, "digiwise", "status", "kapot")
    with pytest.raises(InputError) as caught:
        stage(project, memo=memo)
    assert any("onbekende code 'kapot'" in str(d) and d.file == "cases/digiwise.yml" for d in caught.value.diagnostics)
    edit(project, "digiwise", "status", "actief")
    edit(project, "digiwise", "thema", "Weer goed")
    report = stage(project, memo=memo)
    assert "casussen/digiwise.md" in report.written


def test_a_new_file_is_checked_next_to_cached_cases(project: Path) -> None:
    memo = Memo()
    stage(project, memo=memo)
    source = (project / "cases" / "digiwise.yml").read_text(encoding="utf-8")
    (project / "cases" / "digiwise-kopie.yml").write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        stage(project, memo=memo)
    messages = [str(d) for d in caught.value.diagnostics]
    assert any("cases/digiwise-kopie.yml" in m and "moet gelijk zijn aan de bestandsnaam" in m for m in messages)


def test_a_changed_vocabulary_revalidates_every_case(project: Path, parsed: list[str]) -> None:
    memo = Memo()
    stage(project, memo=memo)
    parsed.clear()
    vocabularies = project / "content" / "vocabulaires.yml"
    text = vocabularies.read_text(encoding="utf-8")
    vocabularies.write_text(text.replace("    - {code: gestopt, label: Gestopt}\n", ""), encoding="utf-8")
    try:
        stage(project, memo=memo)
    except InputError as err:  # a bundled case may use the removed code; then that is reported
        assert all("gestopt" in d.message for d in err.diagnostics)
    assert len(parsed) == 11
    vocabularies.write_text(text, encoding="utf-8")
    parsed.clear()
    stage(project, memo=memo)
    assert len(parsed) == 11


def staged_tree(project: Path) -> dict[str, bytes]:
    base = project / STAGING
    return {str(path.relative_to(base)): path.read_bytes() for path in sorted(base.rglob("*")) if path.is_file()}


def test_incremental_stages_equal_a_clean_stage(project: Path, tmp_path: Path) -> None:
    """Whatever the memo reuses, the staged tree after edits is byte for byte what a clean stage writes."""
    import shutil

    memo = Memo()
    stage(project, memo=memo)
    edit(project, "digiwise", "naam", "Digiwise vernieuwd")
    edit(project, "food-academy-nijkerk", "thema", "Een ander thema met RIF en LLO")
    stage(project, memo=memo)
    edit(project, "innovatieraad", "provincies", ["gelderland", "utrecht"])  # changes which cases are related
    edit(project, "twents-fonds-voor-vakmanschap", "naam", "Twents Fonds (nieuw)")  # on a timeline drawn across cases
    stage(project, memo=memo)
    (project / "cases" / "startacademie.yml").unlink()
    stage(project, memo=memo)
    clean = tmp_path / "clean"
    shutil.copytree(project / "cases", clean / "cases")
    shutil.copytree(project / "content", clean / "content")
    shutil.copy(project / "mkdocs.yml", clean / "mkdocs.yml")
    stage(clean)
    assert staged_tree(project) == staged_tree(clean)


def test_unchanged_files_are_not_read_again(project: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]) -> None:
    read: list[str] = []
    real = validate.read_file
    monkeypatch.setattr(validate, "read_file", lambda path, name: read.append(name) or real(path, name))
    memo = Memo()
    stage(project, memo=memo)
    assert len(read) == 11
    read.clear(), parsed.clear()
    stage(project, memo=memo)
    assert read == [] and parsed == []
    case = project / "cases" / "digiwise.yml"
    case.write_bytes(case.read_bytes())  # touched, same bytes: read again, not parsed again
    stage(project, memo=memo)
    assert read == ["cases/digiwise.yml"] and parsed == []
