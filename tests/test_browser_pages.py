"""Pages that read like a public knowledge site (issue 14), in Debian's chromium through Playwright:
axe on the new and changed pages, screenshots of a case page at desktop and phone width, the
overview's filters in the address, sorting, the empty-result message, filters folded on a phone,
two cases side by side, and "Casussen" marked in the sidebar on a case page.

Screenshots are left in tests/artifacts/ (pages-*.png) for a person to look at.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import ARTIFACTS, axe_source, launch

pytestmark = pytest.mark.browser

CASE = "food-academy-nijkerk"
OTHER = "startacademie"
AXE_PAGES = ["", "casussen/", "casussen/?type=SGS", f"casussen/{CASE}/", "casussen/innovatieraad/", "colofon/",
             f"vergelijken/twee/?a={CASE}&b={OTHER}", "vergelijken/thema/", "vergelijken/design/",
             "vergelijken/bouwblokken/", "redeneerlijn/", "redeneerlijn/drivers/", "404.html"]


class BrowserThread:
    """Debian's chromium driven from a thread of its own. Playwright's sync API refuses to start
    a second time in a thread where it already runs (tests/test_browser.py keeps a browser open
    for the whole session), so this module's browser lives in one worker thread and every test
    body runs there."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pages-browser")
        self.pool.submit(self._start).result()

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self.manager = sync_playwright()
        self.browser = launch(self.manager.start())

    def _stop(self) -> None:
        self.browser.close()
        self.manager.__exit__(None, None, None)

    def run(self, body, *args):
        return self.pool.submit(body, self.browser, *args).result(timeout=180)

    def close(self) -> None:
        self.pool.submit(self._stop).result()
        self.pool.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    thread = BrowserThread()
    yield thread
    thread.close()


@contextmanager
def opened(browser, base_url: str, width: int = 1280, javascript: bool = True):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900}, locale="nl-NL",
                                  java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def in_page(chromium: BrowserThread, base_url: str):
    """in_page(body, width=1280): run body(page) in a fresh page of the browser thread."""
    def run(body, width: int = 1280, javascript: bool = True):
        def inside(browser):
            with opened(browser, base_url, width, javascript) as page:
                return body(page)
        return chromium.run(inside)
    return run


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("url", AXE_PAGES, ids=lambda url: url or "home")
def test_axe_finds_no_serious_or_critical_violation_on_new_and_changed_pages(in_page, url: str) -> None:
    def body(page):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=axe_source())
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} → " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], "\n".join(serious)
        assert page.errors == []
    in_page(body)


@pytest.mark.parametrize("width", [1280, 390])
def test_case_page_screenshots(in_page, width: int) -> None:
    def body(page):
        page.goto(f"casussen/{CASE}/")
        page.wait_for_load_state("networkidle")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"pages-casus-{CASE}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 20_000
        # nothing sticks out sideways on a phone: the page itself does not scroll horizontally
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the screen"
        assert page.locator(".in-het-kort").is_visible() and page.locator(".feiten").is_visible()
    in_page(body, width)


def test_sidebar_marks_casussen_on_a_case_page(in_page) -> None:
    def body(page):
        page.goto(f"casussen/{CASE}/")
        active = page.locator(".md-sidebar--primary a.md-nav__link--active")
        assert active.count() >= 1
        assert "Casussen" in active.first.inner_text()
    in_page(body)


def test_overview_filters_live_in_the_address(in_page) -> None:
    def body(page):
        page.goto("casussen/?type=SGS")
        visible = page.locator("#casus-tabel tbody tr:not([hidden])")
        assert page.locator("#casus-filter select[name=type]").input_value() == "SGS"
        assert visible.count() == 4
        page.select_option("#casus-filter select[name=status]", "on-hold")
        assert query(page) == {"type": ["SGS"], "status": ["on-hold"]}
        assert visible.count() == 1
        shared = page.url
        page.goto("about:blank")
        page.goto(shared)
        assert page.locator("#casus-tabel tbody tr:not([hidden])").count() == 1
        page.click("#casus-filter button[type=reset]")
        page.wait_for_function("!window.location.search")
        assert page.locator("#casus-tabel tbody tr:not([hidden])").count() == 11
    in_page(body)


def test_overview_says_so_when_nothing_matches(in_page) -> None:
    def body(page):
        page.goto("casussen/")
        page.select_option("#casus-filter select[name=type]", "SGS")
        # a province no SGS case is in: its count in the updated list is (0)
        zero = page.locator("#casus-filter select[name=provincie] option").filter(has_text=re.compile(r"\(0\)$")).first
        page.select_option("#casus-filter select[name=provincie]", zero.get_attribute("value"))
        assert page.locator("#casus-leeg").is_visible()
        assert "Geen casussen" in page.locator("#casus-leeg").inner_text()
        assert page.locator(".casus-teller").inner_text().startswith("0 van")
        page.click("#casus-leeg a")
        page.wait_for_function("document.querySelectorAll('#casus-tabel tbody tr:not([hidden])').length === 11")
        assert not page.locator("#casus-leeg").is_visible()
    in_page(body)


def test_columns_sort_by_a_click(in_page) -> None:
    def body(page):
        page.goto("casussen/")
        names = page.locator("#casus-tabel tbody tr td:first-child")
        before = names.all_inner_texts()
        page.click("#casus-tabel th:nth-child(1) button")
        ascending = names.all_inner_texts()
        assert ascending == sorted(before, key=str.casefold)
        page.click("#casus-tabel th:nth-child(1) button")
        assert names.all_inner_texts() == ascending[::-1]
        assert page.locator("#casus-tabel th:nth-child(1)").get_attribute("aria-sort") == "descending"
        page.click("#casus-tabel th:nth-child(6) button")  # start year: numbers ascending, empty cells last
        years = page.locator("#casus-tabel tbody tr td:nth-child(6)").all_inner_texts()
        filled = [int(y) for y in years if y.strip()]
        assert filled and filled == sorted(filled) and all(not y.strip() for y in years[len(filled):])
    in_page(body)


def test_filters_are_folded_away_on_a_phone(in_page) -> None:
    def body(page):
        page.goto("casussen/")
        assert page.locator("#casus-filter-uitklap").is_visible()
        assert not page.locator("#casus-filter select[name=type]").is_visible()
        page.click("#casus-filter-uitklap summary")
        assert page.locator("#casus-filter select[name=type]").is_visible()
        assert page.locator("#casus-tabel").is_visible()
    in_page(body, 390)


def test_two_cases_side_by_side_block_by_block(in_page) -> None:
    def body(page):
        page.goto(f"vergelijken/twee/?a={CASE}&b={OTHER}")
        page.wait_for_selector(".twee-blok")
        blocks = page.locator(".twee-blok h2").all_inner_texts()
        assert "2. Doelen" in blocks and "3. Drivers" in blocks
        first = page.locator(".twee-blok").first
        assert first.locator(".twee-kolommen > div").count() == 2
        assert "Food Academy Nijkerk" in first.inner_text() and "Startacademie" in first.inner_text()
        # choosing another case changes the address, so the comparison can be shared
        page.select_option("#twee-app select[name=b]", "digiwise")
        page.click("#twee-app button[type=submit]")
        page.wait_for_function("window.location.search.includes('b=digiwise')")
        assert query(page) == {"a": [CASE], "b": ["digiwise"]}
        page.wait_for_function("document.querySelector('.twee-blok') && document.querySelector('.twee-blok').innerText.includes('Digiwise')")
        assert page.errors == []
    in_page(body)


def test_two_cases_page_without_javascript_is_a_list_of_links(in_page) -> None:
    def body(page):
        page.goto("vergelijken/twee/")
        assert not page.locator("#twee-app").is_visible()
        links = page.locator("#twee-lijst a")
        assert links.count() == 11
        links.filter(has_text="Startacademie").click()
        page.wait_for_url(re.compile(r"/casussen/startacademie/$"))
    in_page(body, javascript=False)
