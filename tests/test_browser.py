"""The built site as a reader gets it, in Debian's chromium driven by Playwright.

The site of the `built_site` fixture is served on 127.0.0.1 (a free port) from a thread. The tests
click through the overview, search once (the search itself: test_browser_search.py), look at the praatplaten, fetch the PDFs, listen for
console errors and for requests to anything but the local server, check every internal link and
anchor, run axe-core, use the keyboard, print to PDF and open the offline bundle from file://.
Screenshots and the printed PDF are left in tests/artifacts/ for a person to look at.

Run them alone with `./run test -m browser`; they need /usr/bin/chromium and `npm ci` (axe-core).
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from browser_support import ARTIFACTS, axe_source, crawl, page_paths, search, serve
from conftest import make_project

pytestmark = pytest.mark.browser

CASE = "food-academy-nijkerk"  # the case the brief names; any case would do
AXE_PAGES = ["", "casussen/", f"casussen/{CASE}/", "redeneerlijn/", "praatplaten/"]


# --- fixtures --------------------------------------------------------------------------------------

# `browser` (one chromium for the whole session) is in conftest.py, shared by the browser test modules.


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def case_slugs(built_site: Path) -> list[str]:
    slugs = sorted(path.stem for path in (built_site / "cases").glob("*.yml"))
    assert CASE in slugs
    return slugs


@pytest.fixture
def page(browser, base_url: str) -> Iterator:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Visit:
    """What happened while a browser went through pages: every request, and every problem."""
    urls: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def watch(self, context, page) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: None if (request.failure or "").endswith("ERR_ABORTED") else
                   self.problems.append(f"request failed: {request.url} ({request.failure})"))
        context.on("response", lambda response: None if response.status < 400 else
                   self.problems.append(f"HTTP {response.status}: {response.url}"))
        page.on("console", lambda message: None if message.type != "error" else
                self.problems.append(f"{page.url}: console error: {message.text} at {message.location}"))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: uncaught {error}"))


@pytest.fixture(scope="session")
def every_page(browser, base_url: str, site: Path) -> Visit:
    """Load every HTML page of the site once (and search once), recording requests and problems."""
    visit = Visit(urls=[base_url + path for path in page_paths(site)])
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    visit.watch(context, page)
    for url in visit.urls:
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            visit.problems.append(f"{url}: HTTP {response and response.status}")
    page.goto(base_url)
    search(page, "Nijkerk")
    page.wait_for_load_state("networkidle")
    context.close()
    return visit


def heading(page) -> str:
    """The page's h1 as a reader sees it (without the permalink sign of its headerlink)."""
    return page.locator("article h1").first.text_content().replace("\u00b6", "").strip()


# --- reading -------------------------------------------------------------------------------------

def test_home_page_loads(page, base_url: str, artifacts: Path) -> None:
    response = page.goto("")
    assert response is not None and response.status == 200
    assert "Horizontale samenwerking in het mbo" in page.title()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("article h1").first.is_visible()
    assert page.locator("nav.md-nav--primary").first.is_visible()
    page.screenshot(path=artifacts / "browser-home.png", full_page=True)


def test_case_page_screenshot(page, artifacts: Path) -> None:
    page.goto(f"casussen/{CASE}/")
    page.locator(".praatplaat svg").first.wait_for()
    assert heading(page) == "Food Academy Nijkerk"
    page.screenshot(path=artifacts / f"browser-casus-{CASE}.png", full_page=True)
    page.screenshot(path=artifacts / f"browser-casus-{CASE}-top.png")


def test_every_case_is_reachable_by_clicking_from_the_overview(page, case_slugs: list[str]) -> None:
    for slug in case_slugs:
        page.goto("casussen/")
        link = page.locator(f'article a[href="{slug}/"]').first
        assert link.is_visible(), f"no visible link to {slug} on the overview"
        name = link.text_content().strip()
        link.click()
        page.wait_for_url(f"**/casussen/{slug}/")
        assert heading(page) == name
        assert page.locator("article h2", has_text="1. Aanleiding").count() == 1, slug


# Search (Pagefind online, lunr offline) is tested in tests/test_browser_search.py.


def test_praatplaten_are_visible(page) -> None:
    for url in ["redeneerlijn/", f"casussen/{CASE}/"]:
        page.goto(url)
        svg = page.locator(".praatplaat svg").first
        assert svg.is_visible(), url
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 200, (url, box)
        assert svg.get_attribute("role") == "img" and svg.locator("title").first.text_content(), url


def test_pdf_links_answer_with_a_pdf(page, site: Path, base_url: str, case_slugs: list[str]) -> None:
    pdfs = crawl(site).pdfs
    assert {f"praatplaten/{slug}.pdf" for slug in case_slugs} | {"praatplaten/redeneerlijn.pdf"} <= pdfs
    page.goto("praatplaten/")
    linked = set(page.eval_on_selector_all("article a[href$='.pdf']", "links => links.map(a => a.href)"))
    assert {base_url + pdf for pdf in pdfs} >= linked and len(linked) >= len(case_slugs)
    for pdf in sorted(pdfs):
        response = page.request.get(base_url + pdf)
        assert response.status == 200, pdf
        assert response.headers["content-type"].split(";")[0] == "application/pdf", (pdf, response.headers)
        assert response.body().startswith(b"%PDF-"), pdf


# --- nothing goes wrong on any page ------------------------------------------------------------

def test_every_page_was_visited(every_page: Visit, base_url: str, case_slugs: list[str]) -> None:
    expected = ["", "casussen/", "praatplaten/", "over-het-onderzoek/", "redeneerlijn/",
                *(f"redeneerlijn/{block}/" for block in ("aanleiding", "doelen", "drivers", "design", "randvoorwaarden", "output")),
                *(f"casussen/{slug}/" for slug in case_slugs)]
    assert {base_url + path for path in expected} <= set(every_page.urls)


def test_no_page_logs_a_console_error(every_page: Visit) -> None:
    assert every_page.problems == []


def test_no_request_leaves_127_0_0_1(every_page: Visit, base_url: str) -> None:
    assert len(every_page.requests) > len(every_page.urls)
    foreign = sorted({url for url in every_page.requests if not url.startswith(base_url) and not url.startswith(("data:", "blob:"))})
    assert foreign == []


def test_no_internal_link_or_anchor_is_broken(site: Path) -> None:
    result = crawl(site)
    assert result.pages > 20 and result.checked > 1000
    assert result.broken == [], "\n".join(result.broken)


# --- accessibility ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", AXE_PAGES, ids=lambda url: url or "home")
def test_axe_finds_no_serious_or_critical_violation(page, url: str) -> None:
    page.goto(url)
    page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} → " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; return {
        tag: e.tagName, cls: e.className, text: e.textContent.trim(), href: e.getAttribute('href'),
        inArticle: !!e.closest('article'), visible: !!(e.offsetWidth || e.offsetHeight) }; }""")


def test_keyboard_reaches_the_cases_through_the_skip_link(page, case_slugs: list[str]) -> None:
    page.goto("casussen/")
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert "md-skip" in skip["cls"] and "inhoud" in skip["text"].lower() and skip["visible"], skip
    page.keyboard.press("Enter")
    page.wait_for_function("fragment => location.hash === '#' + fragment", arg=skip["href"].lstrip("#"), timeout=5000)
    assert urlsplit(page.url).fragment == skip["href"].lstrip("#")
    page.keyboard.press("Tab")
    assert _focused(page)["inArticle"], f"after the skip link focus is not in the main content: {_focused(page)}"
    for _ in range(40):
        focused = _focused(page)
        if focused["tag"] == "A" and (focused["href"] or "").rstrip("/") in case_slugs:
            break
        assert focused["inArticle"], f"tabbing left the main content before reaching a case: {focused}"
        page.keyboard.press("Tab")
    else:
        pytest.fail("40 presses of Tab after the skip link did not reach a link to a case")
    assert focused["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/casussen/{focused['href'].rstrip('/')}/")
    assert heading(page) == focused["text"]


# --- print -----------------------------------------------------------------------------------------

def test_case_page_prints_the_article_and_the_praatplaat(page, artifacts: Path) -> None:
    page.goto(f"casussen/{CASE}/")
    name = heading(page)
    nav_labels = {" ".join(label.split()) for label in page.locator(".md-sidebar--primary .md-nav__link").all_text_contents()}
    article = " ".join(page.locator("article").first.text_content().split()).lower()
    nav_only = sorted(label for label in nav_labels if len(label) > 3 and label.lower() not in article)
    assert nav_only, nav_labels  # e.g. "Over het onderzoek", "Praatplaten"

    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".md-skip"]:
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    svg = page.locator(".praatplaat svg").first
    box = svg.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200, box
    svg_title = " ".join(svg.locator("text").first.text_content().split())

    pdf = page.pdf(format="A4", print_background=True)
    (artifacts / f"browser-casus-{CASE}-print.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert name in text and "1. Aanleiding" in text and "6. Output en outcome" in text
    assert svg_title in text, f"the praatplaat ({svg_title!r}) is not in the printed PDF"
    assert [label for label in nav_only if label in text] == [], "navigation is printed"


# --- offline bundle --------------------------------------------------------------------------------

@pytest.mark.slow
def test_offline_bundle_works_from_file(browser, tmp_path_factory: pytest.TempPathFactory, artifacts: Path) -> None:
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("offline") / "project")
    build_site(root, offline=True)
    bundle = root / "site-offline"
    assert (bundle / "search" / "zoekindex.js").is_file()
    assert not (root / "site").exists()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    visit = Visit()
    visit.watch(context, page)
    page.goto((bundle / "index.html").as_uri())
    page.locator("nav.md-nav--primary a", has_text="Casussen").first.click()
    page.wait_for_url("**/casussen/index.html")
    page.locator(f'article a[href="{CASE}.html"]').first.click()
    page.wait_for_url(f"**/casussen/{CASE}.html")
    assert heading(page) == "Food Academy Nijkerk"
    assert page.locator(".praatplaat svg").first.is_visible()

    results = search(page, "Nijkerk")
    assert any(urlsplit(url).path.endswith(f"/casussen/{CASE}.html") for url in results), results
    assert all(url.startswith("file://") for url in results)
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://")
    page.screenshot(path=artifacts / "browser-offline.png")
    context.close()

    assert [url for url in visit.requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
    assert visit.problems == []
    links = crawl(bundle)  # raw HTML links of the cross-case pages are written per URL style
    assert links.checked > 1000 and links.broken == [], "\n".join(links.broken)


# --- the overview filter and the samenwerkingsscan (issue 5) ------------------------------------

@pytest.mark.browser
def test_overview_filters_narrow_the_list_and_counts_agree(page) -> None:
    page.goto("casussen/")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    assert page.locator("#casus-filter").is_visible()
    option = page.locator("#casus-filter select[name=type] option[value=SGS]")
    expected = int(re.search(r"\((\d+)\)$", option.inner_text()).group(1))
    page.select_option("#casus-filter select[name=type]", "SGS")
    visible = page.locator("article table tbody tr:not([hidden])")
    assert visible.count() == expected == 4
    assert page.locator(".casus-teller").inner_text() == f"{expected} van {total} casussen"
    statuses = page.locator("#casus-filter select[name=status] option[value=on-hold]").inner_text()
    page.select_option("#casus-filter select[name=status]", "on-hold")
    assert visible.count() == int(re.search(r"\((\d+)\)$", statuses).group(1)) == 1
    page.click("#casus-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('article table tbody tr:not([hidden])').length === {total}")


@pytest.mark.browser
def test_scan_answers_persist_and_download_as_valid_yaml(page, tmp_path: Path) -> None:
    from generator.cli import main

    page.goto("samenwerkingsscan/")
    page.fill("#scan-naam", 'Onze "samenwerking": test \\ met tekens')
    page.check("fieldset[data-code='2e'] input[value=stuwend]")
    page.check("fieldset[data-code='5c'] input[value=aandachtspunt]")
    summary = page.locator("#scan-samenvatting").inner_text()
    assert "2e Gevoel van urgentie" in summary and "5c Wendbaarheid" in summary
    page.reload()
    assert page.locator("fieldset[data-code='2e'] input[value=stuwend]").is_checked(), "answers stay in the browser"
    with page.expect_download() as download_info:
        page.click("#scan-download")
    target = tmp_path / "samenwerkingsscan.yml"
    download_info.value.save_as(target)
    assert main(["validate", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert 'antwoord: "stuwend"' in text and 'code: "5c"' in text
