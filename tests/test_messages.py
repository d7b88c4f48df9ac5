"""Contributors read Dutch: every message of the bad-input corpus, the summary lines and the
commands' own lines are Dutch, in the form `bestand:regel:kolom: veld: melding`."""
from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.messages import MESSAGES, YAML_PROBLEMS, t, yaml_problem

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad"
ENGLISH = re.compile(r"\b(not allowed|is missing|expected|must|unknown|did you mean|valid:|error\(s\)|nothing was written|"
                     r"file|found|invalid|cannot|at most|at least|appears twice|comes before)\b")


def test_every_bad_input_is_reported_in_dutch() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "validate", *sorted(map(str, BAD.glob("*.yml")))],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) > 60
    for line in lines[:-1]:
        match = re.match(r"^(?:/[^:]+|tests/bad/[^:]+):(\d+):(\d+): (.*)$", line)
        assert match, line
        message = match.group(3).split(": ", 1)[-1]
        assert not ENGLISH.search(message.split(" (toegestaan: ")[0]), line
    assert re.fullmatch(r"\d+ fouten; er is niets geschreven\.", lines[-1])


def test_the_suggestion_is_dutch(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "cases" / "unknown-key-typo.yml"
    target.write_bytes((BAD / "unknown-key-typo.yml").read_bytes())
    assert main(["--root", str(project), "validate", str(target)]) == 1
    err = capsys.readouterr().err
    assert "dirvers: onbekend veld 'dirvers'; bedoel je 'drivers'? (toegestaan: naam, slug," in err
    assert err.endswith("1 fout; er is niets geschreven.\n")


def test_commands_speak_dutch(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "validate"]) == 0
    assert capsys.readouterr().out == "11 casusbestanden in orde.\n"
    assert main(["--root", str(project), "new-case", "Zorgacademie Twente"]) == 0
    assert capsys.readouterr().out.startswith("cases/zorgacademie-twente.yml geschreven. Vul elk blok in")
    assert main(["--root", str(project), "validate", str(project / "cases" / "zorgacademie-twente.yml")]) == 0
    assert capsys.readouterr().out == "1 bestand in orde.\n"
    assert main(["--root", str(project), "new-case", "Zorgacademie Twente"]) == 1
    assert "dit bestand bestaat al" in capsys.readouterr().err


def test_every_template_fills_in() -> None:
    for key, template in MESSAGES.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        values = {name: 1 for name in fields}
        assert t(key, **values), key


def test_yaml_slips_are_explained_and_the_rest_is_marked() -> None:
    assert all(dutch and not ENGLISH.search(dutch) for _, dutch in YAML_PROBLEMS)
    assert yaml_problem("mapping values are not allowed here").startswith("hier mag geen 'veld: waarde' staan")
    assert yaml_problem("something new from PyYAML") == "ongeldige YAML: something new from PyYAML"
