"""Shared fixtures: a throw-away copy of the project to build in, and one built site per session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from current output")


@pytest.fixture(autouse=True)
def own_render_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts with an empty praatplaat cache, so counts of rendered diagrams mean something."""
    monkeypatch.setenv("HSVMBO_CACHE_DIR", str(tmp_path_factory.mktemp("render-cache")))


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright, one for the whole session (Playwright's sync API
    allows one instance at a time, so every browser test file shares it)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Browser tests need the Python package playwright: run `./run test` (installs .[test]) "
                    "or `.venv/bin/pip install playwright`; never `playwright install`.", pytrace=False)
    from browser_support import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def make_project(target: Path, cases: bool = True) -> Path:
    """A copy of the project's inputs (cases/, content/, mkdocs.yml) to build in."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "mkdocs.offline.yml", target / "mkdocs.offline.yml")
    if cases:
        shutil.copytree(ROOT / "cases", target / "cases")
    else:
        (target / "cases").mkdir()
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled cases built once with the real command path; returns the project root."""
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("built") / "project")
    build_site(root)
    return root

