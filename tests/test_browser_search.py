"""Search as a reader uses it, in Debian's chromium: Pagefind on the served site, lunr in the
offline bundle opened from file:// (issue 13).

For every bundled case a word that occurs only in its blocks (not in its name, theme or summary)
is worked out from the case file here, searched for, and must lead to that case's section;
Dutch inflected forms find their stem and the other way round; a synonym from
content/synoniemen.yml widens a query; the chrome of the overview (its filters) is not found; the
shortcut, the highlight on the target page and axe (results open) are checked. Screenshots
(`search-results.png`, `search-results-phone.png`, `search-offline.png`) go to tests/artifacts/.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from browser_support import axe_source, search, serve
from conftest import make_project
from htmltext import main_content, parse, text_of

pytestmark = pytest.mark.browser

CASE = "food-academy-nijkerk"
# The blocks of the redeneerlijn and what the case page shows after them (not the name, theme,
# summary or key facts at the top of the page).
BLOCKS = ("aanleiding", "doelen", "drivers", "externe_drivers", "particulier_en_publiek", "design", "aandachtspunten",
          "spanningen", "output", "scan", "tijdlijn", "katapult")
CODE_KEYS = {"code", "codes", "rol", "soort", "score", "datum", "sectie", "url", "hoofdvorm", "formaliteit",
             "juridische_vormen", "wijziging", "vormen", "bronnen", "redactie"}  # codes, sources, editorial notes
# (searched, on some page only the other form). No bundled page has "samenwerkingen" without
# "samenwerking", so that direction is shown with "instelling" → "instellingen".
INFLECTIONS = [("opleidingen", "opleiding"), ("samenwerkingen", "samenwerking"), ("instellingen", "instelling"),
               ("opleiding", "opleidingen"), ("instelling", "instellingen")]
WORD = re.compile(r"[a-zà-ÿ]{8,}")


# --- fixtures --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture
def page(browser, base_url: str) -> Iterator:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture(scope="module")
def offline_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("offline-search") / "project")
    build_site(root, offline=True)
    return root / "site-offline"


@pytest.fixture
def offline_page(browser, offline_bundle: Path) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto((offline_bundle / "index.html").as_uri())
    yield page
    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []


# --- what to look for, worked out from the inputs -------------------------------------------------

def _strings(value, key: str = "") -> Iterator[str]:
    if key in CODE_KEYS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _strings(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child, key)


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def block_words(root: Path) -> dict[str, str]:
    """For every case: a word of its blocks that is not in its name, theme or summary and that
    occurs in as few other cases as possible (so that the case is among the first results)."""
    cases = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((root / "cases").glob("*.yml"))}
    spread = Counter(word for data in cases.values() for word in _words(" ".join(_strings(data))))
    chosen = {}
    for slug, data in cases.items():
        top = _words(" ".join(str(data.get(key, "")) for key in ("naam", "thema", "samenvatting")))
        candidates = _words(" ".join(s for key in BLOCKS for s in _strings(data.get(key), key))) - top
        assert candidates, f"{slug}: no word of its blocks is missing from its name, theme and summary"
        chosen[slug] = min(candidates, key=lambda word: (spread[word], -len(word), word))
    return chosen


def page_text(site: Path, relative: str) -> str:
    return text_of(main_content((site / relative).read_text(encoding="utf-8"))).lower()


def pages_with(site: Path, pattern: str) -> set[str]:
    """Pages ('casussen/x/index.html') whose article text matches pattern."""
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")
            if path.parent != site / "search" and re.search(pattern, page_text(site, path.relative_to(site).as_posix()))}


def result_pages(urls: list[str], base: str) -> set[str]:
    """The pages of result links, in the form of pages_with()."""
    return {urlsplit(url).path.removeprefix(urlsplit(base).path) + "index.html" for url in urls}


def section_ids(html: str) -> set[str]:
    return {attrs["id"] for tag, attrs in parse(main_content(html)).tags if tag in ("h2", "h3") and attrs.get("id")}


# --- online: Pagefind ------------------------------------------------------------------------------

def test_search_finds_a_case_by_a_word_in_its_text(page, base_url: str) -> None:
    page.goto("")
    results = search(page, "Nijkerk")
    assert any(urlsplit(url).path.endswith(f"/casussen/{CASE}/") for url in results), results


def test_every_case_is_found_by_a_word_only_in_its_blocks(page, built_site: Path, site: Path) -> None:
    words = block_words(built_site)
    assert len(words) == len(list((built_site / "cases").glob("*.yml"))) >= 10
    page.goto("")
    missed = []
    for slug, word in words.items():
        html = (site / "casussen" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"\b{word}\b", text_of(main_content(html)).lower()), f"{slug}: {word!r} is not on its page"
        sections = section_ids(html)
        links = [urlsplit(url) for url in search(page, word)]
        anchors = [link.fragment for link in links if link.path.endswith(f"/casussen/{slug}/")]
        if not any(anchor in sections for anchor in anchors):
            missed.append(f"{slug}: {word!r} gave {anchors or 'no link to the case'}")
    assert missed == [], "\n".join(missed)


def test_a_result_names_the_case_and_the_section_and_marks_the_word_there(page, built_site: Path, artifacts: Path) -> None:
    word = block_words(built_site)[CASE]
    page.goto("")
    search(page, word)
    link = page.locator(f".md-search-result__link[href*='/casussen/{CASE}/'][href*='#']").first
    title = link.locator("h1, h2").first.text_content()
    assert title.startswith("Food Academy Nijkerk › "), title
    assert re.search(rf"(?i){word}", link.locator("mark").first.text_content())
    page.screenshot(path=artifacts / "search-results.png")
    target = urlsplit(link.get_attribute("href"))
    assert parse_qs(target.query)["zoek"] == [word]
    link.click()
    page.wait_for_url(f"**/casussen/{CASE}/**")
    marked = page.locator("article mark.zoek-markering")
    assert marked.count() >= 1 and word in marked.first.text_content().lower()
    # the marked word is in the section the result named
    section = title.split(" › ", 1)[1]
    in_section = page.evaluate("""([id, word]) => {
        const heading = document.getElementById(id); let node = heading.nextElementSibling, text = '';
        while (node && !/^H[1-3]$/.test(node.tagName)) { text += node.textContent; node = node.nextElementSibling; }
        return [heading.textContent, text.toLowerCase().includes(word)]; }""", [target.fragment, word])
    assert section in in_section[0] and in_section[1], in_section


@pytest.mark.parametrize("query, other", INFLECTIONS)
def test_an_inflected_form_finds_its_stem_and_back(page, site: Path, base_url: str, query: str, other: str) -> None:
    """A page that has only the other form of the word (never the one searched for) is found."""
    # a word on its own, not the tail of a hyphenated compound ("Mbo-instelling" in the fact box is
    # one word to the index, and searching its tail is a different matter than stemming)
    only_other = pages_with(site, rf"(?<![-\w]){other}\b") - pages_with(site, rf"\b{query}\b")
    assert only_other, f"no page has {other!r} without {query!r}: pick other words"
    page.goto("")
    shown = result_pages(search(page, query), base_url)
    assert shown, f"{query!r} shows no result"
    # the header lists the best 25 pages; Pagefind itself is asked for every page it finds
    urls = page.evaluate("""async ([module, query]) => {
        const pagefind = await import(module);
        const search = await pagefind.search(query);
        return Promise.all(search.results.map(async result => (await result.data()).url)); }""",
        [base_url + "pagefind/pagefind.js", query])
    found = shown | result_pages([urljoin(base_url, url) for url in urls], base_url)
    assert found & only_other, f"{query!r} found none of {sorted(only_other)[:5]}…"


def test_a_synonym_widens_the_query(page, built_site: Path, site: Path, base_url: str) -> None:
    groups = yaml.safe_load((built_site / "content" / "synoniemen.yml").read_text(encoding="utf-8"))["groepen"]
    group = next(g["woorden"] for g in groups if "bekostiging" in g["woorden"])
    without = {p for p in pages_with(site, r".") if "bekostiging" not in page_text(site, p)}
    with_synonym = {p for p in without if any(re.search(rf"\b{re.escape(w.lower())}", page_text(site, p)) for w in group if w != "bekostiging")}
    assert with_synonym, "no page has a synonym of 'bekostiging'"
    page.goto("")
    found = result_pages(search(page, "bekostiging"), base_url)
    assert found & with_synonym
    assert not search(page, "xyzzyqwv")  # a word that is nowhere finds nothing


def test_the_overview_filters_are_not_indexed(page, base_url: str) -> None:
    """The filter form of the overview ('Alle', 'Wis filters', its option labels) is chrome."""
    page.goto("")
    assert "casussen/index.html" not in result_pages(search(page, "Wis filters"), base_url)
    search(page, "Operationele")
    excerpts = page.locator(".md-search-result__article p").all_text_contents()
    assert excerpts and not [e for e in excerpts if re.search(r"Alle|\(\d+\)", e) and "Operationele" in e]


def test_shortcut_keys_open_the_search_and_arrows_reach_the_results(page, base_url: str) -> None:
    page.goto(f"casussen/{CASE}/")
    for key in ["/", "s"]:
        page.locator("body").press("Escape")
        page.locator("article h1").click()
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')"), key
        assert page.evaluate("document.getElementById('__search').checked"), key
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked"), key
    page.keyboard.press("/")
    page.keyboard.type("Nijkerk")
    page.wait_for_function("() => document.querySelector('.md-search[data-zoeken]').dataset.gezocht === 'Nijkerk'")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "zoek=Nijkerk" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**zoek=Nijkerk**")


def test_first_search_downloads_only_part_of_the_index(page, site: Path, base_url: str) -> None:
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto("")
    search(page, "Nijkerk")
    index_files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and p.suffix in (".pf_index", ".pf_fragment")]
    fetched = [url for url in loaded if url.endswith((".pf_index", ".pf_fragment"))]
    assert fetched and len(fetched) < len(index_files), (len(fetched), len(index_files))
    assert not [url for url in loaded if url.endswith("search_index.json")], "Material's index is loaded too"


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_or_critical_violation_with_results_open(browser, base_url: str, width: int, artifacts: Path) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900}, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("")
    assert search(page, "samenwerkingen")
    if width < 600:
        page.screenshot(path=artifacts / "search-results-phone.png")
    page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [f"{v['id']} ({v['impact']}): {v['help']} → " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)


# --- offline bundle: lunr from file:// -------------------------------------------------------------

@pytest.mark.slow
def test_offline_every_case_is_found_by_a_word_only_in_its_blocks(offline_page, offline_bundle: Path, built_site: Path) -> None:
    missed = []
    for slug, word in block_words(built_site).items():
        sections = section_ids((offline_bundle / "casussen" / f"{slug}.html").read_text(encoding="utf-8"))
        links = [urlsplit(url) for url in search(offline_page, word)]
        assert all(link.scheme == "file" for link in links)
        anchors = [link.fragment for link in links if link.path.endswith(f"/casussen/{slug}.html")]
        if not any(anchor in sections for anchor in anchors):
            missed.append(f"{slug}: {word!r} gave {anchors or 'no link to the case'}")
    assert missed == [], "\n".join(missed)


@pytest.mark.slow
@pytest.mark.parametrize("query, other", INFLECTIONS)
def test_offline_an_inflected_form_finds_its_stem_and_back(offline_page, offline_bundle: Path, query: str, other: str) -> None:
    def pages(pattern: str) -> set[str]:
        return {p.relative_to(offline_bundle).as_posix() for p in offline_bundle.rglob("*.html")
                if "<article" in (html := p.read_text(encoding="utf-8")) and re.search(pattern, text_of(main_content(html)).lower())}

    only_other = pages(rf"\b{other}\b") - pages(rf"\b{query}\b")
    assert only_other
    found = {urlsplit(url).path.split("/site-offline/", 1)[1] for url in search(offline_page, query)}
    assert found & only_other, f"{query!r} found none of {sorted(only_other)[:5]}…"


@pytest.mark.slow
def test_offline_synonym_and_target_page(offline_page, offline_bundle: Path, artifacts: Path) -> None:
    found = search(offline_page, "bekostiging")
    assert found, "bekostiging (only through its synonyms) finds nothing offline"
    offline_page.screenshot(path=artifacts / "search-offline.png")
    offline_page.locator(".md-search-result__link").first.click()
    offline_page.wait_for_load_state()
    assert offline_page.url.startswith("file://") and "zoek=bekostiging" in offline_page.url
    assert offline_page.locator("article mark.zoek-markering").count() >= 1


# --- contributor text in results is text -----------------------------------------------------------

@pytest.mark.slow
def test_payloads_in_results_stay_text_online_and_offline(browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A case whose every field is a payload (tests/hostile.py): searching for its words shows the
    markup as text in the results, runs nothing and adds no element but the result markup."""
    from generator.build import build_site
    from hostile import write_hostile_case

    root = make_project(tmp_path_factory.mktemp("hostile-search") / "project", cases=False)
    write_hostile_case(root / "cases")
    build_site(root)
    build_site(root, offline=True)

    def check(page) -> None:
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for query in ["alert", "onerror", "script"]:
            assert search(page, query), query
            tags = set(page.eval_on_selector_all(".md-search-result__list *", "nodes => nodes.map(n => n.tagName.toLowerCase())"))
            assert tags <= {"li", "a", "article", "div", "h1", "h2", "p", "mark"}, tags
            excerpts = " ".join(page.locator(".md-search-result__list p").all_text_contents())
            assert "<" in excerpts or "alert" in excerpts
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state()
        assert page.locator("article mark.zoek-markering").count() >= 1
        assert dialogs == []

    with serve(root / "site") as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("")
        check(page)
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto((root / "site-offline" / "index.html").as_uri())
    check(page)
    context.close()
