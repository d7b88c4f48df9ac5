"""Support for tests/test_browser.py: Debian's chromium through Playwright, a local web server for a
built site, and a static crawl of the site's links and anchors.

Nothing here downloads a browser: Playwright drives the chromium that `apt-get install chromium`
puts at /usr/bin/chromium (.ci/run installs it).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright: Playwright) -> Browser:
    """Debian's chromium, headless; a clear failure (never a skip) when it is not installed."""
    if not CHROMIUM.is_file():
        pytest.fail(f"Browser tests need Debian's chromium at {CHROMIUM}: run `sudo apt-get install chromium` "
                    "(.ci/run installs it). Playwright must not download a browser of its own.", pytrace=False)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"The accessibility tests need axe-core at {AXE.relative_to(ROOT)}: run `npm ci` in the "
                    "repository root (.ci/run does).", pytrace=False)
    return AXE.read_text(encoding="utf-8")


# --- a web server for the built site, on 127.0.0.1 and a free port ---------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (signature of the base class)
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that leaves a page mid-download resets the connection; that is not a test failure


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve directory over HTTP from a thread; yields the base URL ('http://127.0.0.1:PORT/')."""
    server = _QuietServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- the pages of a built site ------------------------------------------------------------------

def page_paths(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to its root ('', 'casussen/', '404.html')."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative)
    return paths


def search(page: Page, query: str) -> list[str]:
    """Type query into the header search (Pagefind, or lunr in the offline bundle; see
    content/assets/zoeken.js) and return the absolute URLs of the result links, once the results
    for this query are shown."""
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():  # narrow screens: the field hides behind a button
        toggle.click()
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)  # one query, not one per keystroke
    page.wait_for_function("q => document.querySelector('.md-search[data-zoeken]').dataset.gezocht === q", arg=query.strip())
    meta = page.locator(".md-search-result__meta").text_content() or ""
    assert "overeenkomend" in meta, f"search for {query!r} failed: {meta}"
    if "Geen overeenkomende" in meta:
        return []
    return page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "links => links.map(a => a.href)")


# --- a static crawl: every internal reference and #anchor resolves --------------------------------

_REFERENCES = {("a", "href"), ("a", "xlink:href"), ("link", "href"), ("script", "src"), ("img", "src"),
               ("iframe", "src"), ("source", "src"), ("image", "href"), ("image", "xlink:href"), ("use", "href")}


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if (tag, name) in _REFERENCES:
                self.refs.append((tag, value.strip()))


@cache
def _parsed(file: Path) -> _Refs:
    refs = _Refs()
    refs.feed(file.read_text(encoding="utf-8"))
    return refs


@dataclass
class Crawl:
    pages: int = 0
    checked: int = 0
    broken: list[str] = field(default_factory=list)
    pdfs: set[str] = field(default_factory=set)


_BASE = "http://site.invalid/"


def crawl(site: Path) -> Crawl:
    """Check every internal reference of every page: the file exists and, for links with a
    #fragment, an element with that id (or <a name>) exists on the target page."""
    result = Crawl()
    for path in page_paths(site):
        result.pages += 1
        source = site / (path + "index.html" if path.endswith("/") or path == "" else path)
        for tag, value in _parsed(source).refs:
            if not value or value.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            url = urlsplit(urljoin(_BASE + path, value))
            if f"{url.scheme}://{url.netloc}/" != _BASE:
                continue  # another site: not followed (the browser tests check nothing is fetched from one)
            result.checked += 1
            target = site / unquote(url.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                result.broken.append(f"{path or '/'}: <{tag}> {value!r} → missing {target.relative_to(site)}")
                continue
            if target.suffix == ".pdf":
                result.pdfs.add(target.relative_to(site).as_posix())
            fragment = unquote(url.fragment)
            if tag == "a" and fragment and fragment != "top" and target.suffix == ".html" and fragment not in _parsed(target).ids:
                result.broken.append(f"{path or '/'}: <a> {value!r} → no id {fragment!r} on {target.relative_to(site)}")
    return result
