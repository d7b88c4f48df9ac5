"""Every bad input in tests/bad/ yields exit 1, a located message, no traceback, and no writes."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main

BAD = Path(__file__).parent / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 30
    assert {p.name for p in BAD.glob("*.yml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_located_error(name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "cases" / name
    shutil.copyfile(BAD / name, target)
    status = main(["--root", str(project), "validate", str(target)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in out + err
    expected = EXPECTED[name]
    located = [line for line in err.splitlines() if re.match(rf"cases/{re.escape(name)}:{expected['line']}:\d+: ", line)]
    assert any(expected["message"] in line for line in located), err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_leaves_site_untouched(name: str, project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site", encoding="utf-8")
    shutil.copyfile(BAD / name, project / "cases" / name)
    inputs_before = tree_digest(project / "cases") + tree_digest(project / "content")
    assert main(["--root", str(project), "build"]) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good site"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert not (project / "build").exists(), "a rejected build must not stage anything"
    assert inputs_before == tree_digest(project / "cases") + tree_digest(project / "content")
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_all_errors_of_all_files_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("unknown-key-typo.yml", "unknown-driver-code.yml", "dates-out-of-order.yml"):
        shutil.copyfile(BAD / name, project / "cases" / name)
    assert main(["--root", str(project), "validate"]) == 1
    err = capsys.readouterr().err
    for fragment in ("bedoel je 'drivers'", "onbekende code '2k'", "komt vóór '2022'"):
        assert fragment in err


def test_two_errors_in_one_file_are_both_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "cases" / "two-errors-in-one-file.yml"
    shutil.copyfile(BAD / target.name, target)
    main(["--root", str(project), "validate", str(target)])
    err = capsys.readouterr().err
    assert "onbekend veld 'drivers2'" in err
    assert "aandachtspunten: hier hoort een lijst" in err


def test_symlinked_case_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "cases" / "evil.yml").symlink_to("/etc/passwd")
    assert main(["--root", str(project), "validate"]) == 1
    assert "cases/evil.yml:1:1: symbolische koppelingen zijn niet toegestaan" in capsys.readouterr().err


def test_slugs_colliding_after_case_folding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (Path(__file__).parent / "fixtures" / "minimaal.yml").read_text(encoding="utf-8")
    (project / "cases" / "minimaal.yml").write_text(source, encoding="utf-8")
    (project / "cases" / "minimaal.yaml").write_text(source, encoding="utf-8")
    assert main(["--root", str(project), "validate"]) == 1
    assert "casusbestanden eindigen op .yml" in capsys.readouterr().err


def test_unused_tag_does_not_run(tmp_path: Path, project: Path) -> None:
    marker = Path("/tmp/pwned")
    marker.unlink(missing_ok=True)
    target = project / "cases" / "python-tag.yml"
    shutil.copyfile(BAD / "python-tag.yml", target)
    main(["--root", str(project), "validate", str(target)])
    assert not marker.exists()
