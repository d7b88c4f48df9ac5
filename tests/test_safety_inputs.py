"""Issue #11, "one rule at the one door": what `validate` accepts, `build` builds; what it refuses,
it refuses with file:line:column and no traceback. Inputs that cannot live in tests/bad/ (file
names, folders, FIFOs) and inputs that must build (null, theme markers) are tested here."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.build import build_site, generate
from generator.cli import main
from generator.content import load_framework
from generator.errors import BuildError
from generator.reserved import reserved_slugs
from generator.write import sync_tree

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (Path(__file__).parent / "fixtures" / "minimaal.yml").read_text(encoding="utf-8")


def _case(project: Path, text: str, name: str = "minimaal.yml") -> Path:
    for old in (project / "cases").iterdir():
        if old.is_file():
            old.unlink()
        else:
            shutil.rmtree(old)
    target = project / "cases" / name
    target.write_text(text, encoding="utf-8")
    return target


def test_null_means_absent(project: Path) -> None:
    """`onderzoeksvraag: null` and `~` are no text "null" and "~" on the page (libyaml's plain style is '')."""
    text = MINIMAL + "onderzoeksvraag: null\nstatus_toelichting: ~\nstartjaar:\n"
    _case(project, text)
    files = generate(project)
    page = files["casussen/minimaal.md"].decode("utf-8")
    assert "Onderzoeksvraag" not in page
    assert "null" not in page and "~" not in page.split("---", 2)[2]


def test_theme_marker_in_head_fields_builds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`<!-- later -->` as name or theme crashed the build after part of build/docs was written."""
    text = MINIMAL.replace("naam: Minimale casus", "naam: '<!-- later -->'").replace(
        "thema: Een kleine samenwerking om de validator mee te testen.", "thema: '<!-- later --> en <!-- x -->'")
    _case(project, text)
    assert main(["--root", str(project), "validate"]) == 0
    assert main(["--root", str(project), "build"]) == 0, capsys.readouterr().err
    page = (project / "site" / "casussen" / "minimaal" / "index.html").read_text(encoding="utf-8")
    assert "&lt;!-- later --&gt;" in page
    assert "<title>&lt;!-- later --&gt;" in page


def test_uppercase_extension_and_subfolder_are_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _case(project, MINIMAL, "minimaal.YML")
    (project / "cases" / "oud").mkdir()
    (project / "cases" / "oud" / "minimaal.yml").write_text(MINIMAL, encoding="utf-8")
    assert main(["--root", str(project), "validate"]) == 1
    err = capsys.readouterr().err
    assert "cases/minimaal.YML:1:1: casusbestanden eindigen op .yml" in err
    assert "cases/oud:1:1: submappen van cases/ worden niet gelezen" in err
    assert "Traceback" not in err


def test_fifo_is_refused_without_hanging(project: Path) -> None:
    _case(project, MINIMAL)
    os.mkfifo(project / "cases" / "pijp.yml")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "validate"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "cases/pijp.yml:1:1: dit is geen gewoon bestand" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_cases_folder_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / "cases")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "cases/:1:1: de map cases/ ontbreekt" in err and "Traceback" not in err


def test_cases_that_is_a_file_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / "cases")
    (project / "cases").write_text("geen map", encoding="utf-8")
    assert main(["--root", str(project), "validate"]) == 1
    err = capsys.readouterr().err
    assert "cases/:1:1: de map cases/ is niet te lezen" in err and "Traceback" not in err


def test_reserved_slugs_come_from_the_generator() -> None:
    reserved = reserved_slugs(ROOT, load_framework(ROOT))
    # pages, PDFs and folders the generator writes itself
    assert {"index", "redeneerlijn", "casussen", "praatplaten", "vergelijken", "tijdlijn", "open-data", "samenwerkingsscan"} <= reserved
    assert not reserved & {"digiwise", "food-academy-nijkerk"}


@pytest.mark.parametrize("name", ["Redeneerlijn", "Index", "Praatplaten"])
def test_new_case_refuses_reserved_names(name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "new-case", name]) == 1
    err = capsys.readouterr().err
    assert "een naam die de site zelf gebruikt" in err and "gereserveerd: " in err and "redeneerlijn" in err
    assert not (project / "cases" / f"{name.lower()}.yml").exists()


def test_reserved_slug_list_is_printed_whole(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _case(project, MINIMAL.replace("slug: minimaal", "slug: redeneerlijn"), "redeneerlijn.yml")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "cases/redeneerlijn.yml:3:7: slug:" in err
    listed = err.split("gereserveerd: ", 1)[1].split(")", 1)[0].split(", ")
    assert set(listed) == reserved_slugs(project, load_framework(project))
    assert not (project / "site").exists()


def test_duplicate_staged_file_is_refused(tmp_path: Path) -> None:
    """The second guard: a file staged twice (a page or PDF name taken twice) fails the build."""
    with pytest.raises(BuildError, match="twee keer"):
        sync_tree(tmp_path / "docs", [("casussen/index.md", b"a"), ("casussen/index.md", b"b")])


def test_duplicate_praatplaat_name_is_refused(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    """The second guard for diagrams: a case praatplaat named like the blank one."""
    import generator.validate as validate

    _case(project, MINIMAL.replace("slug: minimaal", "slug: redeneerlijn"), "redeneerlijn.yml")
    monkeypatch.setattr(validate, "reserved_slugs", lambda root, framework: frozenset())  # the first guard off
    with pytest.raises(BuildError, match="twee praatplaten heten 'redeneerlijn'"):
        generate(project)


def test_escaped_characters_fail_validate_and_build_alike(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An escape in a double-quoted scalar is checked like the raw character (was: Graphviz error
    without a location, or published as is)."""
    _case(project, MINIMAL.replace("naam: Minimale casus", 'naam: "a\\x01b"'))
    assert main(["--root", str(project), "validate"]) == 1
    first = capsys.readouterr().err
    assert main(["--root", str(project), "build"]) == 1
    second = capsys.readouterr().err
    assert "cases/minimaal.yml:2:7: naam: teken U+0001 is niet toegestaan" in first
    assert first.splitlines()[0] == second.splitlines()[0]


def test_short_combining_sequences_stay_valid(project: Path) -> None:
    _case(project, MINIMAL.replace("naam: Minimale casus", "naam: Cafe\u0301 en Vie\u0302\u0323t"))
    assert "casussen/minimaal.md" in generate(project)


def test_fast_character_check_refuses_exactly_what_the_full_sets_refuse() -> None:
    """load.py tries the forbidden-character sets without the noncharacters first (10× faster);
    for every code point, alone and after ordinary text, the verdict is the full set's."""
    from generator.load import _FORBIDDEN_LOW, _VALUE_FORBIDDEN_LOW, FORBIDDEN_CHARS, VALUE_FORBIDDEN, _forbidden

    differ = [code for code in range(0x110000) for text in (chr(code), "Dé tekst " + chr(code))
              if bool(_forbidden(text, FORBIDDEN_CHARS, _FORBIDDEN_LOW).search(text)) != bool(FORBIDDEN_CHARS.search(text))
              or bool(_forbidden(text, VALUE_FORBIDDEN, _VALUE_FORBIDDEN_LOW).search(text)) != bool(VALUE_FORBIDDEN.search(text))]
    assert differ == []
    assert FORBIDDEN_CHARS.search("\U0010fffe") and VALUE_FORBIDDEN.search("a\ufdd0") and not VALUE_FORBIDDEN.search("a\tb\né")
