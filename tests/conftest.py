"""Shared fixtures: a throw-away copy of the project to build in, and one built site per session."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The session's built site, served on 127.0.0.1 (a module that needs another site overrides this)."""
    from browser_support import serve

    with serve(built_site / "site") as url:
        yield url


@pytest.fixture
def context(browser, base_url: str) -> Iterator:
    """A Dutch browser context on the served site that accepts downloads."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Iterator:
    """A page in that context; the test fails if the page logs an error or throws."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/: screenshots and PDFs left for a person to look at."""
    from browser_support import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


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


POPPLER_MODULES = {"test_diagrams", "test_praatplaat_print", "test_browser_workshop", "test_browser_tijdlijn"}  # pdftoppm, pdftotext


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected: only what will run counts
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Once, before any test runs: the Debian packages the collected tests need are there (installed
    with apt when running as root), or the run stops with what to install (tests/system_check.py)."""
    import system_check

    needs = []
    if any(item.get_closest_marker("browser") for item in items):
        needs.append(system_check.CHROMIUM)
    if any(item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in POPPLER_MODULES for item in items):
        needs.append(system_check.POPPLER)
    missing = [need for need in needs if not need.present()]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if missing and system_check.can_install():
        if reporter:
            reporter.write_line(f"installing {' '.join(need.package for need in missing)} with apt-get (running as root) ...")
        failure = system_check.install([need.package for need in missing])
        missing = [need for need in missing if not need.present()]
        if failure and missing:
            pytest.exit(system_check.instructions(missing) + "\napt-get said:\n" + failure, returncode=4)
    if missing:
        pytest.exit(system_check.instructions(missing), returncode=4)
    if system_check.CHROMIUM in needs and reporter:
        reporter.write_line(f"browser: {system_check.chromium_path()} ({system_check.browser_version()}; "
                            f"set ${system_check.BROWSER_VARIABLE} to use another)")
