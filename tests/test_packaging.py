"""The package as pip builds it: no setuptools warnings, and every file the generator reads at run
time (templates, the theme override, the case template, fonts.conf) inside the wheel."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def runtime_files() -> list[str]:
    """Every file under generator/ that is not Python source or bytecode."""
    package = ROOT / "generator"
    return sorted(f"generator/{path.relative_to(package).as_posix()}" for path in package.rglob("*")
                  if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Build the wheel offline from a copy of the sources (a build in place would write build/)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation", "--no-index",
                             "--disable-pip-version-check", "-w", str(work / "out"), str(source)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list((work / "out").glob("hsvmbo_site-*.whl"))
    assert len(wheels) == 1
    return wheels[0], result.stdout + result.stderr


def test_the_wheel_holds_every_runtime_file(wheel: tuple[Path, str]) -> None:
    expected = runtime_files()
    assert "generator/templates/theme/main.html" in expected
    assert "generator/templates/nieuwe-casus.yml.tmpl" in expected
    assert "generator/fonts.conf" in expected
    assert len([name for name in expected if name.endswith(".j2")]) >= 15
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    assert [name for name in expected if name not in names] == []


def test_the_build_gives_no_setuptools_warning(wheel: tuple[Path, str]) -> None:
    warnings = re.findall(r"\w*(?:Deprecation|Backend|Setuptools)\w*Warning.*", wheel[1])
    assert warnings == []


def test_the_license_is_an_spdx_expression(wheel: tuple[Path, str]) -> None:
    archive = zipfile.ZipFile(wheel[0])
    metadata = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
    text = archive.read(metadata).decode("utf-8")
    assert "License-Expression: MIT" in text
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in archive.namelist())
