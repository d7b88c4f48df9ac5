"""The praatplaat on the web, in Debian's chromium: the same design as the print, no tooltips
with internal node names, and a link that opens the plate full size (zoomable on a phone).
Screenshots at desktop (1280) and phone (390) width go to tests/artifacts/."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser_support import ARTIFACTS, launch

CASE = "platform-vo-mbo-groningen"
PAGES = ["redeneerlijn/", f"casussen/{CASE}/"]


def in_browser(check: Callable) -> None:
    """Run `check(browser)` with a chromium of its own, in a thread of its own: Playwright's sync
    API refuses to start a second time in the thread where test_browser.py's session runs it."""
    def run() -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = launch(playwright)
            try:
                check(chromium)
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


def new_page(browser, base_url: str, width: int):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900}, locale="nl-NL",
                                  is_mobile=width < 500, has_touch=width < 500)
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.mark.parametrize("url", PAGES)
def test_no_tooltips_from_node_names(base_url: str, url: str) -> None:
    in_browser(lambda browser: _no_tooltips(browser, base_url, url))


def _no_tooltips(browser, base_url: str, url: str) -> None:
    context, page = new_page(browser, base_url, 1280)
    page.goto(url)
    svg = page.locator(".praatplaat svg").first
    titles = svg.evaluate("s => [...s.querySelectorAll('title')].map(t => t.parentNode === s ? 'own' : t.textContent)")
    assert titles == ["own"], titles
    ids = svg.evaluate("s => [...s.querySelectorAll('[id]')].map(e => e.id)")
    assert ids and all(i.startswith("pp-") for i in ids), ids
    assert len(ids) == len(set(ids))
    assert svg.evaluate("s => [...s.querySelectorAll('[title], a')].length") == 0
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_full_size_link_opens_the_plate(base_url: str, width: int) -> None:
    in_browser(lambda browser: _full_size(browser, base_url, width))


def _full_size(browser, base_url: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context, page = new_page(browser, base_url, width)
    page.goto(f"casussen/{CASE}/")
    figure = page.locator("figure.praatplaat")
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=str(ARTIFACTS / f"praatplaat-web-{width}.png"))
    link = page.get_by_role("link", name="Open de praatplaat op volle grootte")
    assert link.is_visible()
    href = link.get_attribute("href")
    assert href.endswith(f"praatplaten/{CASE}.svg"), href
    for name in ("Pdf voor A3 liggend", "Pdf voor A4 liggend"):
        assert page.get_by_role("link", name=name).is_visible()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/praatplaten/{CASE}.svg")
    svg = page.locator("svg").first
    box = svg.bounding_box()
    assert box and box["width"] >= width * 0.9, ("the plate fills the screen", box)
    assert "Praatplaat: Platform VO-MBO Groningen" in svg.text_content()
    page.screenshot(path=str(ARTIFACTS / f"praatplaat-volle-grootte-{width}.png"))
    response = page.request.get(base_url + f"praatplaten/{CASE}.svg")
    assert response.headers["content-type"].split(";")[0] == "image/svg+xml"
    context.close()
