"""The test suite's own set-up check, run once at session start (tests/conftest.py): the Debian
packages the collected tests need are there, or the run stops at once with what to install,
instead of failing test by test. As root with apt (CI, a fresh container) it installs them.

The browser is Debian's chromium at /usr/bin/chromium, or wherever $HSVMBO_CHROMIUM points.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BROWSER_VARIABLE = "HSVMBO_CHROMIUM"
DEFAULT_BROWSER = "/usr/bin/chromium"


def chromium_path() -> Path:
    """The browser the tests drive: $HSVMBO_CHROMIUM, else Debian's /usr/bin/chromium."""
    return Path(os.environ.get(BROWSER_VARIABLE) or DEFAULT_BROWSER)


@dataclass(frozen=True)
class Need:
    package: str  # the Debian package that provides it
    what: str     # why the tests need it

    def present(self) -> bool:
        if self.package == "chromium":
            return os.access(chromium_path(), os.X_OK) and chromium_path().is_file()
        return shutil.which("pdftoppm") is not None


CHROMIUM = Need("chromium", "browser tests (Playwright drives it)")
POPPLER = Need("poppler-utils", "pdftoppm turns the praatplaat PDFs into PNGs")


def can_install() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def install(packages: list[str]) -> str:
    """apt-get install as root; returns '' or the tail of apt's output on failure."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]):
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
        if result.returncode != 0:
            return (result.stdout + result.stderr)[-1500:]
    return ""


def instructions(missing: list[Need]) -> str:
    lines = ["The tests need packages that are not installed:"]
    lines += [f"  - {need.package}: {need.what}" for need in missing]
    lines.append(f"Install them with:  sudo apt-get install {' '.join(need.package for need in missing)}")
    if CHROMIUM in missing:
        lines.append(f"(or point ${BROWSER_VARIABLE} at a Chromium binary; now looked for at {chromium_path()})")
    return "\n".join(lines)


def browser_version() -> str:
    try:
        result = subprocess.run([str(chromium_path()), "--version"], capture_output=True, text=True, timeout=60)
    except OSError:
        return "version unknown"
    return result.stdout.strip().splitlines()[0] if result.stdout.strip() else "version unknown"
