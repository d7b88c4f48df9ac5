"""Issue #11 in the browser: a site built from fully poisoned cases (every field, the head fields
`naam` and `thema` included) opened page by page in Debian's chromium. No dialog, no page error,
no `javascript:` URL, no event-handler attribute, no <base> or refresh; long words and combining
marks do not widen the page or a table; a case named like a section keeps the section's anchor.

Run them alone with `./run test tests/test_browser_hostile.py`; they need /usr/bin/chromium.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from browser_support import ARTIFACTS, page_paths, search, serve
from conftest import make_project
from hostile import hostile_case

pytestmark = pytest.mark.browser

MINIMAL = yaml.safe_load((Path(__file__).parent / "fixtures" / "minimaal.yml").read_text(encoding="utf-8"))
# Breakouts for every context the head and the theme print a text in.
HEAD_NAME = "Naam</title><script>alert('title')</script><base href=\"javascript:alert('base')//\">"
HEAD_THEME = ("x\" onfocus=\"alert('attr')\" autofocus x=\"' ><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('refresh')\">"
              "<!-- later --><svg onload=alert('svg')>")
LONG = "Samenwerkingsverbandontwikkelingsprogramma" * 4  # 168 letters without a space
STACK = ("Z" + "\u0301\u0302\u0303\u0304") * 40  # four combining marks on every letter: the most the validator allows

FORBIDDEN_DOM = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /(^|url=)\\s*javascript:/.test(value))
        found.push(`${el.tagName} ${name}=${value}`);
    }
  }
  for (const el of document.querySelectorAll('base, meta[http-equiv]')) found.push(el.outerHTML);
  return found;
}"""


def _case(slug: str, **fields) -> dict:
    return {**MINIMAL, "slug": slug, **fields}


def _poisoned() -> dict[str, dict]:
    hostile = hostile_case()
    hostile.update(naam=HEAD_NAME, thema=HEAD_THEME, regio=HEAD_THEME[:200], sector=HEAD_NAME)
    return {
        "vijandig": hostile,
        "thema-marker": _case("thema-marker", naam="<!-- later -->", thema="<!-- later --> <!-- x -->"),
        "lange-woorden": _case("lange-woorden", naam=LONG[:42], thema=LONG, regio=LONG, sector=LONG, instellingen=[LONG],
                               samenvatting=" ".join([LONG] * 5),
                               tijdlijn=[{"datum": "2020", "soort": "start", "tekst": LONG}]),
        "gestapeld": _case("gestapeld", naam=STACK[:200], thema=STACK[:200]),
        "casus-tijdlijn": _case("casus-tijdlijn", naam="Tijdlijn", tijdlijn=[{"datum": "2021", "soort": "start", "tekst": "Begin."}]),
    }


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("poisoned") / "project", cases=True)
    for slug, data in _poisoned().items():
        (root / "cases" / f"{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build_site(root)
    return root / "site"


@pytest.fixture(scope="module")
def base_url(poisoned_site: Path) -> Iterator[str]:
    with serve(poisoned_site) as url:
        yield url


def _context(browser, base_url: str, width: int = 1280):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900}, locale="nl-NL")
    context.set_default_timeout(20_000)
    return context


def test_no_page_runs_contributor_script(browser, base_url: str, poisoned_site: Path) -> None:
    context = _context(browser, base_url)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems: dict[str, list[str]] = {}
    paths = page_paths(poisoned_site)
    assert "casussen/vijandig/" in paths
    for path in paths:
        page.goto(path, wait_until="load")
        page.keyboard.press("Tab")  # autofocus / onfocus would fire now
        found = page.evaluate(FORBIDDEN_DOM)
        if found:
            problems[path] = found
    page.goto("casussen/vijandig/", wait_until="load")
    assert page.title().startswith("Naam</title><script>"), "the name is the page title, as text"
    assert page.locator("meta[name=description]").get_attribute("content") == " ".join(HEAD_THEME.split())
    assert page.locator(".md-header__topic").last.text_content().strip().startswith("Naam</title>")
    results = search(page, "Naam")  # the search index and its results hold the head texts too
    assert any("vijandig" in url for url in results)
    page.wait_for_timeout(300)
    context.close()
    assert not dialogs, dialogs
    assert not errors, errors
    assert not problems, problems


def test_theme_marker_is_text(browser, base_url: str) -> None:
    context = _context(browser, base_url)
    page = context.new_page()
    page.goto("casussen/thema-marker/")
    assert page.locator("h1").first.text_content().startswith("<!-- later -->")
    assert page.title().startswith("<!-- later -->")
    assert page.locator(".praatplaat svg").count() == 1, "the page's own set-aside HTML still goes back in"
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_long_words_do_not_widen_page_or_tables(browser, base_url: str, width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = _context(browser, base_url, width)
    page = context.new_page()
    wide: dict[str, object] = {}
    for path in ("casussen/", "casussen/lange-woorden/", "casussen/gestapeld/", "vergelijken/thema/", "vergelijken/doelen/",
                 "vergelijken/typologie/", "vergelijken/tijdlijn/", "vergelijken/design/", "praatplaten/"):
        page.goto(path, wait_until="load")
        measured = page.evaluate("""() => {
          const article = document.querySelector('article') || document.body;
          const limit = article.getBoundingClientRect().width + 1;
          // a table may scroll sideways (a timeline has many columns), but no cell may be wider than
          // the column, and no table grow to thousands of pixels (it was 20,000 px)
          const cells = [...document.querySelectorAll('article td, article th')].map(c => c.getBoundingClientRect().width).filter(w => w > limit);
          const tables = [...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().width).filter(w => w > 1600);
          return {page: document.documentElement.scrollWidth, viewport: innerWidth, cells, tables, limit};
        }""")
        if measured["page"] > measured["viewport"] + 1 or measured["cells"] or measured["tables"]:
            wide[path] = measured
        if path in ("casussen/", "casussen/lange-woorden/", "casussen/gestapeld/"):
            page.screenshot(path=str(ARTIFACTS / f"hostile-{path.strip('/').replace('/', '-')}-{width}.png"))
    context.close()
    assert not wide, wide


def test_combining_marks_stay_out_of_the_header(browser, base_url: str) -> None:
    """The title's marks (four a letter at most) paint inside the heading, not over the header bar."""
    context = _context(browser, base_url)
    page = context.new_page()
    page.goto("casussen/gestapeld/")
    header = page.locator("header.md-header").bounding_box()
    heading = page.locator("article h1").first
    box = heading.bounding_box()
    assert box["y"] >= header["y"] + header["height"]
    assert page.evaluate("el => getComputedStyle(el).overflow", heading.element_handle()) == "hidden"
    context.close()


def test_case_named_like_a_section_keeps_the_section_anchor(browser, base_url: str) -> None:
    context = _context(browser, base_url)
    page = context.new_page()
    page.goto("casussen/casus-tijdlijn/#tijdlijn")
    target = page.locator("#tijdlijn")
    assert target.evaluate("el => el.tagName") == "H2"
    assert target.text_content().strip().startswith("Tijdlijn")
    assert page.locator("article h1").first.get_attribute("id") == "casus"
    context.close()
