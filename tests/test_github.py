"""Under GitHub Actions, validate also prints each problem as an `::error` workflow command and
writes a job summary; elsewhere it does not."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import github
from generator.errors import Diagnostic

ROOT = Path(__file__).resolve().parent.parent


def validate(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "validate"], cwd=project,
                          env={**clean, **env}, capture_output=True, text=True, timeout=300)


def test_annotation_line_under_github_actions(project: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "bad" / "unknown-key-typo.yml", project / "cases" / "unknown-key-typo.yml")
    summary = tmp_path / "summary.md"
    result = validate(project, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    plain = [line for line in result.stderr.splitlines() if line.startswith("cases/unknown-key-typo.yml:")]
    assert len(plain) == 1
    file, line, column, rest = plain[0].split(":", 3)
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    field = rest.split(":")[0].strip()
    assert annotations == [f"::error file={file},line={line},col={column},title={field}::{github.escape_data(plain[0])}"]
    text = summary.read_text(encoding="utf-8")
    assert "1 fout gevonden" in text and "unknown\\-key\\-typo\\.yml" in text


def test_no_annotations_outside_github_actions(project: Path) -> None:
    shutil.copy(ROOT / "tests" / "bad" / "unknown-key-typo.yml", project / "cases" / "unknown-key-typo.yml")
    result = validate(project)
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr


def test_a_clean_run_writes_a_green_summary(project: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = validate(project, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    assert "::error" not in result.stdout
    assert "✅ Alle 11 casusbestanden zijn in orde." in summary.read_text(encoding="utf-8")


def test_workflow_command_escaping() -> None:
    diagnostic = Diagnostic("cases/a,b:c%.yml", 3, 7, "links[0]", "100% fout\r\nnieuwe regel")
    line = github.annotation(diagnostic)
    assert line == ("::error file=cases/a%2Cb%3Ac%25.yml,line=3,col=7,title=links[0]::"
                    "cases/a,b:c%25.yml:3:7: links[0]: 100%25 fout%0D%0Anieuwe regel")
    assert "\n" not in line and "\r" not in line


def test_summary_shows_contributor_text_as_text() -> None:
    text = github.summary([Diagnostic("cases/x.yml", 1, 1, "naam", "<script>alert(1)</script> | [klik](javascript:x)")])
    row = text.splitlines()[-1]
    assert "<script>" not in row and "&lt;script&gt;" in row
    assert row.count(" | ") == 4  # the pipe inside the message is escaped, so the row keeps five cells
    assert "\\[klik\\]\\(javascript" in row
