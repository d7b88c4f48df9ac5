"""Source notes on a case page, as a reader sees them in Debian's chromium (issue 16).

The notes ("bron: §5.3.1", "interpretatie redactie …") must be visible, smaller than the text they
follow, and pass axe; the article shows no inline "(§…)" any more. Screenshots at desktop (1280)
and phone (390) width go to tests/artifacts/.
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser_support import ARTIFACTS, axe_source, launch

pytestmark = pytest.mark.browser

CASE = "startacademie"  # many notes: drivers, design, effects, tensions, an editorial region


@pytest.fixture(scope="module")
def in_browser() -> Iterator:
    """Run a function with a chromium of its own, in a thread of its own: tests/test_browser.py keeps
    a sync Playwright open for the whole session, and a second one cannot start in the same thread."""
    executor = ThreadPoolExecutor(max_workers=1)  # one thread: Playwright objects stay in it
    state: dict = {}

    def start() -> None:
        from playwright.sync_api import sync_playwright

        state["playwright"] = sync_playwright().start()
        state["browser"] = launch(state["playwright"])

    def stop() -> None:
        if "browser" in state:
            state["browser"].close()
        if "playwright" in state:
            state["playwright"].stop()

    try:
        executor.submit(start).result()
        yield lambda function, *args: executor.submit(function, state["browser"], *args).result()
    finally:
        executor.submit(stop).result()
        executor.shutdown()


def open_case(chromium, base_url: str, width: int):
    context = chromium.new_context(base_url=base_url, viewport={"width": width, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"casussen/{CASE}/")
    return context, page


@pytest.mark.parametrize("width", [1280, 390])
def test_source_notes_are_small_visible_notes(in_browser, base_url: str, width: int) -> None:
    in_browser(_check_notes, base_url, width)


def _check_notes(chromium, base_url: str, width: int) -> None:
    context, page = open_case(chromium, base_url, width)
    try:
        notes = page.locator("article .bron-noot")
        assert notes.count() >= 15
        assert notes.first.is_visible()
        sizes = page.evaluate("""() => {
            const note = document.querySelector('article td .bron-noot');
            const cell = note.closest('td');
            return [parseFloat(getComputedStyle(note).fontSize), parseFloat(getComputedStyle(cell).fontSize)];
        }""")
        assert sizes[0] < sizes[1], sizes
        label = page.locator("article .redactie-label").first
        assert label.is_visible() and label.inner_text().strip().lower() == "interpretatie redactie"
        titled = page.locator("article .bron-ref[title]").first
        assert titled.get_attribute("title"), "a listed reference shows its title on hover"
        text = page.locator("article").inner_text()
        assert "(§" not in text and "Interpretatie van de redactie" not in text
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"bronnen-{CASE}-{width}.png"))
        page.locator("article h2", has_text="3. Drivers").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"bronnen-{CASE}-{width}-drivers.png"))
    finally:
        context.close()


def test_case_page_with_notes_passes_axe(in_browser, base_url: str) -> None:
    in_browser(_check_axe, base_url)


def _check_axe(chromium, base_url: str) -> None:
    context, page = open_case(chromium, base_url, 1280)
    try:
        page.add_script_tag(content=axe_source())
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} → " + ", ".join(str(n["target"]) for n in v["nodes"][:4])
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], "\n".join(serious)
    finally:
        context.close()
