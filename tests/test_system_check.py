"""The session-start check: a missing browser stops the run with what to install, once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_pytest(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=600)


def test_a_missing_browser_stops_the_run_with_what_to_install(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    env = {"HSVMBO_CHROMIUM": str(missing)}
    if os.geteuid() == 0:  # as root the check would install chromium with apt: hide apt-get
        env["PATH"] = str(Path(sys.executable).parent)
    result = run_pytest("-q", "tests/test_browser.py", **env)
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    assert "sudo apt-get install chromium" in output
    assert str(missing) in output
    assert "passed" not in output and "failed" not in output  # stopped before any test ran


def test_the_run_says_which_browser_it_uses() -> None:
    result = run_pytest("-q", "--collect-only", "tests/test_browser.py")
    assert "browser: /usr/bin/chromium (Chromium" in result.stdout, result.stdout + result.stderr


def test_no_browser_check_when_no_browser_test_runs(tmp_path: Path) -> None:
    result = run_pytest("-q", "--collect-only", "-m", "not browser", "tests/test_browser.py",
                        HSVMBO_CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode in (0, 5), result.stdout + result.stderr
    assert "browser:" not in result.stdout
