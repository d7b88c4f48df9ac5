"""The built site read as a teacher or policy officer would (issue 14): Dutch chrome, no internal
keys next to their labels, case pages linked to their concepts and to other cases, empty data
left out, a colofon, and a home page that leads to every part of the site."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.content import load_framework
from generator.compare import CONCEPTS, concept_path, related_cases
from generator.validate import load_cases
from htmltext import main_content, parse, text_of

ROOT = Path(__file__).resolve().parent.parent
SLUGS = sorted(path.stem for path in (ROOT / "cases").glob("*.yml"))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


BLOCK = re.compile(r"</?(?:p|div|dt|dd|li|td|th|h[1-6]|nav|section|header|footer|label|option|summary|ul|ol|table|tr)\b[^>]*>")


def visible_text(html: str) -> str:
    """The text of a whole page, chrome included, without scripts, styles and inline SVG; a
    boundary between blocks (a table cell and the next, a term and its description) shows as ¦,
    so words that only meet across a boundary do not count as written next to each other."""
    return text_of(BLOCK.sub(" ¦ ", re.sub(r"<svg\b.*?</svg>", " ", html, flags=re.S)))


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="module")
def framework():
    return load_framework(ROOT)


def page_targets(site: Path, url: str) -> set[str]:
    """Every page a page links to, as a site path like 'casussen/digiwise/' (fragments dropped)."""
    base = f"http://x/{url}"
    targets = set()
    for href in parse(read(site, url)).links:
        absolute = urljoin(base, href)
        if absolute.startswith("http://x/"):
            targets.add(absolute.removeprefix("http://x/").split("#")[0])
    return targets


# --- Dutch throughout -----------------------------------------------------------------------------

ENGLISH_CHROME = ["Made with", "Not found", "404 - Not", "On hold", "Table of contents", "Back to top",
                  "Skip to content", "Previous", "Next", "Type to start searching", "Last update"]


def test_no_english_chrome_on_any_page(site: Path) -> None:
    found = {}
    for path in html_pages(site):
        text = visible_text(path.read_text(encoding="utf-8"))
        hits = [phrase for phrase in ENGLISH_CHROME if phrase in text]
        if hits:
            found[str(path.relative_to(site))] = hits
    assert not found, found


def test_404_page_is_dutch(site: Path) -> None:
    text = visible_text((site / "404.html").read_text(encoding="utf-8"))
    assert "Pagina niet gevonden" in text
    assert "Not found" not in text


def test_footer_is_dutch_and_links_to_the_colofon(site: Path) -> None:
    html = read(site, "casussen")
    footer = html[html.index('<footer class="md-footer">'):]
    assert "Made with" not in footer
    assert "Colofon" in text_of(footer)
    assert any(urljoin("http://x/casussen/", href) == "http://x/colofon/" for href in parse(footer).links)


def test_one_word_for_a_case_in_the_site_text(site: Path) -> None:
    """'casus'/'casussen' everywhere the site speaks; 'cases' only where a contributor wrote it."""
    for url in ["", "casussen", "begrippen", "redeneerlijn/randvoorwaarden", "redeneerlijn/drivers", "vergelijken",
                "begrippen/driver-2a"]:
        headings = " ".join(parse(main_content(read(site, url))).headings)
        assert not re.search(r"\bcases\b", headings), (url, headings)
    assert not re.search(r"\bcases\b", text_of(main_content(read(site, "begrippen"))))


def test_no_internal_key_next_to_its_label(site: Path, framework) -> None:
    """No page prints a code that is a word in front of its own label ('leiderschap Leiderschap')."""
    pairs = {(item.code, item.label) for vocabulary in framework.vocabularies.values() for item in vocabulary.items
             if not re.fullmatch(r"[0-9]+[a-z]?|[A-Z]|\+\+?", item.code)}
    assert ("leiderschap", "Leiderschap") in pairs  # the check covers the case the issue names
    found = []
    for path in html_pages(site):
        text = visible_text(path.read_text(encoding="utf-8"))
        for code, label in pairs:
            if re.search(rf"(?<![\w-]){re.escape(code)} {re.escape(label)}\b", text):
                found.append((str(path.relative_to(site)), code, label))
        # and generally: a lower-case word directly followed by itself capitalised
        for match in re.finditer(r"\b([a-zà-ÿ][\w-]{3,}) ([A-ZÀ-Ý][\w-]{3,})\b", text):
            if match.group(1) == match.group(2).lower():
                found.append((str(path.relative_to(site)), match.group(0)))
    assert not found, found[:20]


def test_status_and_phase_labels_are_dutch_and_spelled_once(framework) -> None:
    assert framework.label("status", "on-hold") == "Op pauze"
    phase = framework.label("fasen", "heroriëntatie")
    event = framework.label("gebeurtenissen", "heroriëntatie")
    assert phase == event == "Heroriëntatie"


# --- case pages -----------------------------------------------------------------------------------

def case_codes(case) -> dict[str, set[str]]:
    return {
        "drivers": {d.code for d in case.drivers},
        "externe_drivers": {d.code for d in case.externe_drivers},
        "aandachtspunten": {a.code for a in case.aandachtspunten},
        "spanningen": {s.code for s in case.spanningen},
        "maatschappelijke_waarde": {w.code for w in case.output.maatschappelijke_waarde} if case.output else set(),
        "bouwblokken": {b.code for b in case.katapult.bouwblokken} if case.katapult else set(),
    }


@pytest.fixture(scope="module")
def cases(framework):
    return {case.slug: case for case in load_cases(ROOT, framework.codes())}


@pytest.mark.parametrize("slug", SLUGS)
def test_case_page_links_to_the_concept_page_of_every_code(site: Path, cases, slug: str) -> None:
    targets = page_targets(site, f"casussen/{slug}/")
    expected = {concept_path(vocabulary, code).removesuffix(".md") + "/"
                for vocabulary, codes in case_codes(cases[slug]).items() for code in codes}
    assert expected, "every bundled case has codes"
    assert expected <= targets, sorted(expected - targets)
    # scan items link too: drivers to their concept page, the others into the samenwerkingsscan
    for item in cases[slug].scan:
        if item.code[0] == "2":
            assert f"begrippen/driver-{item.code}/" in targets
        else:
            assert "samenwerkingsscan/" in targets


@pytest.mark.parametrize("slug", SLUGS)
def test_case_page_links_to_at_least_two_other_cases(site: Path, slug: str) -> None:
    others = {target for target in page_targets(site, f"casussen/{slug}/")
              if re.fullmatch(r"casussen/[a-z0-9-]+/", target) and target != f"casussen/{slug}/"}
    assert len(others) >= 2, others
    html = main_content(read(site, f"casussen/{slug}"))
    assert "Verwante casussen" in parse(html).headings
    assert 'rel="prev"' in html or 'rel="next"' in html


def test_related_cases_share_something_and_exclude_the_case_itself(cases) -> None:
    ordered = tuple(cases[slug] for slug in SLUGS)
    related = related_cases(ordered)
    for slug, items in related.items():
        assert len(items) == 3
        assert all(item["case"].slug != slug for item in items)
        assert all(item["shared"] for item in items), slug


@pytest.mark.parametrize("slug", SLUGS)
def test_case_page_has_at_most_one_empty_block_line(site: Path, slug: str) -> None:
    html = main_content(read(site, f"casussen/{slug}"))
    text = text_of(html)
    lines = len(re.findall(r"zegt de bron niets|niet beschreven|Niet beschreven|niet genoemd in de bron|Nog niet ingedeeld", text))
    assert lines <= 1, text


@pytest.mark.parametrize("slug", SLUGS)
def test_case_page_starts_with_in_het_kort_and_facts(site: Path, cases, slug: str) -> None:
    html = main_content(read(site, f"casussen/{slug}"))
    headings = parse(html).headings
    assert headings[1:4] == ["In het kort", "Lessen uit het onderzoek", "Feiten"], headings
    facts = html[html.index('class="feiten"'):html.index("</section>", html.index('class="feiten"'))]
    facts_text = text_of(facts)
    assert "Type" in facts_text and "Status" in facts_text
    case = cases[slug]
    if case.output and case.output.cijfers:
        assert "Kerncijfers" in facts_text
        for figure in case.output.cijfers:
            if figure.datum:
                assert figure.datum in facts_text
    if not case.startjaar:
        assert "Start" not in re.findall(r"<dt>([^<]*)</dt>", facts)


@pytest.mark.parametrize("slug", SLUGS)
def test_in_het_kort_shows_the_lessons_with_their_sources(site: Path, cases, framework, slug: str) -> None:
    """Issue 14: the box at the top holds the lessons the report draws for this case, each with
    its source as a small note (and the editors' label where the lesson is their reading)."""
    case = cases[slug]
    assert len(case.lessen) >= 2, f"{slug}: every bundled case carries at least two lessons"
    html = main_content(read(site, f"casussen/{slug}"))
    box = html[html.index('class="in-het-kort"'):html.index("</section>", html.index('class="in-het-kort"'))]
    assert "Lessen uit het onderzoek" in text_of(box)
    items = re.findall(r"<li>(.*?)</li>", box[box.index('class="lessen"'):], flags=re.S)
    assert len(items) == len(case.lessen)
    for item, les in zip(items, case.lessen):
        notes = re.findall(r'<small class="bron-noot">(.*?)</small>', item, flags=re.S)
        assert len(notes) == 1, item
        assert text_of(notes[0]) == "bron: " + ", ".join(les.bronnen)
        titled = [ref for ref in les.bronnen if framework.bronverwijzingen.titel(ref)]
        assert notes[0].count(' title="') == len(titled), notes[0]  # a report reference names its part as a tooltip
        assert text_of(re.sub(r"<small\b.*?</small>", "", item, flags=re.S)) == les.tekst
        assert ('class="redactie-noot"' in item) == bool(les.redactie), item


def test_inline_source_references_become_small_notes(site: Path) -> None:
    html = main_content(read(site, "casussen/mbo-instellingen-noord-holland"))
    body = re.sub(r"<svg\b.*?</svg>", "", html, flags=re.S)
    body = body[body.index('id="1-aanleiding"'):body.index('id="bronnen"')]
    assert 'class="bron-noot"' in body or 'class="bron"' in body
    assert not re.search(r"\(§\d[\d.]*\)", text_of(body))


def test_empty_hoofdvorm_is_not_shown(site: Path, cases) -> None:
    assert not any(case.design and case.design.hoofdvorm for case in cases.values())  # premise: all empty
    for url in ["casussen", "vergelijken/design", "vergelijken/typologie"] + [f"casussen/{slug}" for slug in SLUGS]:
        assert "Hoofdvorm" not in text_of(main_content(read(site, url))), url


# --- colofon, home, redeneerlijn ------------------------------------------------------------------

def test_colofon_has_publisher_source_licence_date_and_accessibility(site: Path) -> None:
    text = text_of(main_content(read(site, "colofon")))
    for phrase in ["Wie maakt deze site", "Verduurzaming van publieke waarde door samenwerking in het mbo",
                   "CC BY 4.0", "Open data", "Toegankelijkheid", "WCAG", "Zelf bijdragen", "Gemaakt met", "MkDocs", "Graphviz"]:
        assert phrase in text, phrase
    built = re.search(r"gebouwd op (\d\d)-(\d\d)-(\d{4})", text)
    assert built, text
    day = datetime(int(built.group(3)), int(built.group(2)), int(built.group(1)), tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - day).days) <= 1


def test_home_links_to_every_part_of_the_site(site: Path) -> None:
    targets = page_targets(site, "")
    for part in ["casussen/", "redeneerlijn/", "praatplaten/", "samenwerkingsscan/", "vergelijken/", "begrippen/",
                 "vergelijken/twee/", "colofon/"]:
        assert part in targets, part
    html = main_content(read(site, ""))
    assert 'class="grid cards"' in html
    assert html.count('<li>') >= 6  # six cards


def test_home_lists_the_most_recently_added_cases_from_git(tmp_path: Path, framework, cases) -> None:
    """recent.py reads when each case file was added from git; a file git does not track yet is
    the newest. The home page lists five, newest first; outside git the list is left out."""
    import subprocess

    from generator.escape import Escaper, Md, markdown_extensions
    from generator.pages import Site, render_pages
    from generator.recent import added_dates, most_recent

    repo = tmp_path / "repo"
    (repo / "cases").mkdir(parents=True)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for slug, date in [("digiwise", "2024-01-10T12:00:00"), ("startacademie", "2025-03-01T12:00:00")]:
        (repo / "cases" / f"{slug}.yml").write_text("x", encoding="utf-8")
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "-q", "-m", slug], check=True,
                       env={"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date, "PATH": "/usr/bin:/bin"})
    (repo / "cases" / "innovatieraad.yml").write_text("x", encoding="utf-8")  # not committed yet
    added = added_dates(repo, ["digiwise", "startacademie", "innovatieraad"])
    assert added == {"digiwise": "2024-01-10", "startacademie": "2025-03-01", "innovatieraad": "9999-12-31"}
    assert most_recent(added) == ["innovatieraad", "startacademie", "digiwise"]
    assert added_dates(tmp_path / "no-git-here", ["digiwise"]) == {}

    ordered = tuple(cases[slug] for slug in SLUGS)
    diagrams = {name: Md("<svg></svg>") for name in ["redeneerlijn", *SLUGS]}
    escaper = Escaper(markdown_extensions(ROOT / "mkdocs.yml"))
    home = render_pages(Site(framework, ordered, diagrams, added=added), escaper)["index.md"]
    listed = re.findall(r"\(casussen/([a-z0-9-]+)\.md\)", home[home.index("## Als laatste toegevoegd"):])
    assert listed == ["innovatieraad", "startacademie", "digiwise"]
    assert "Als laatste toegevoegd" not in render_pages(Site(framework, ordered, diagrams), escaper)["index.md"]


@pytest.mark.parametrize("block", ["aanleiding", "doelen", "drivers", "design", "randvoorwaarden", "output"])
def test_redeneerlijn_block_shows_examples_from_the_cases(site: Path, block: str) -> None:
    html = main_content(read(site, f"redeneerlijn/{block}"))
    assert "Zo zie je dit in de casussen" in parse(html).headings
    section = html[html.index('id="zo-zie-je-dit-in-de-casussen"'):]
    linked = {t for t in parse(section).links if re.fullmatch(r"\.\./\.\./casussen/[a-z0-9-]+/", t)}
    assert len(linked) >= 2, linked


def test_numbering_is_explained_once_on_the_redeneerlijn_page(site: Path) -> None:
    text = text_of(main_content(read(site, "redeneerlijn")))
    assert "Nummers en codes" in text
    assert "2a tot en met 2j" in text
    assert text_of(main_content(read(site, "redeneerlijn/drivers"))).startswith("3. Drivers")


# --- overview and comparison pages ----------------------------------------------------------------

def test_overview_cells_are_short_and_rows_carry_their_filter_codes(site: Path) -> None:
    html = main_content(read(site, "casussen"))
    table = html[html.index('id="casus-tabel"'):html.index("</table>")]
    cells = re.findall(r"<td>(.*?)</td>", table, flags=re.S)
    assert cells
    assert max(len(text_of(cell)) for cell in cells) <= 120
    assert len(re.findall(r"<tr data-type=", table)) == len(SLUGS)
    facets = re.findall(r'<select name="([a-z]+)"', html)
    assert "hoofdvorm" not in facets and "type" in facets
    assert 'id="casus-leeg"' in html


def test_overview_data_for_pages_beyond_the_first(site: Path) -> None:
    data = json.loads((site / "casussen" / "overzicht.json").read_text(encoding="utf-8"))
    assert len(data["rows"]) == len(SLUGS)
    assert {row["href"] for row in data["rows"]} == {f"{slug}/" for slug in SLUGS}


def test_list_pages_split_into_pages_of_at_most_100_rows(tmp_path: Path) -> None:
    """With 230 cases the overview and every comparison page come in pages of at most 100 rows,
    linked to each other."""
    from generator.compare import LIST_PAGE, part_path, parts

    assert LIST_PAGE == 100
    assert [len(chunk) for chunk in parts(tuple(range(230)))] == [100, 100, 30]
    assert part_path("casussen/index.md", 2) == "casussen/pagina_2.md"
    assert part_path("vergelijken/thema.md", 3) == "vergelijken/thema_3.md"
    assert part_path("vergelijken/thema.md", 1) == "vergelijken/thema.md"


def test_small_page_size_splits_lists_and_concept_pages(monkeypatch: pytest.MonkeyPatch, framework, cases) -> None:
    """With 4 rows a page, the bundled 11 cases give three pages of every list, linked to each
    other, and a concept named by more than 4 cases gets pages too; every case is on exactly one page."""
    from generator import compare
    from generator.escape import Escaper, Md, markdown_extensions
    from generator.pages import Site, render_pages

    monkeypatch.setattr(compare, "LIST_PAGE", 4)
    ordered = tuple(cases[slug] for slug in SLUGS)
    diagrams = {name: Md("<svg></svg>") for name in ["redeneerlijn", *SLUGS]}
    pages = render_pages(Site(framework, ordered, diagrams), Escaper(markdown_extensions(ROOT / "mkdocs.yml")))
    for first, rest in [("casussen/index.md", ["casussen/pagina_2.md", "casussen/pagina_3.md"]),
                        ("vergelijken/thema.md", ["vergelijken/thema_2.md", "vergelijken/thema_3.md"]),
                        ("praatplaten.md", ["praatplaten_2.md", "praatplaten_3.md"])]:
        assert all(path in pages for path in rest) and compare.part_path(first, 4) not in pages
        assert "Pagina 1 van 3" in pages[first] and "(thema_2.md)" in pages["vergelijken/thema.md"]
    rows = [re.findall(r'<tr data-type=[^>]*><td><a href="(?:\.\./)?([a-z0-9-]+)/"', pages[f"_theme/later/lijsten/casussen{suffix}.html"])
            for suffix in ("", "-2", "-3")]
    assert [len(r) for r in rows] == [4, 4, 3] and sorted(sum(rows, [])) == SLUGS
    # a driver every case names: split too, each page with its own set-aside list
    shared = next(code for code in ("2e", "2f") if all(code in {d.code for d in c.drivers} for c in ordered))
    assert f"begrippen/driver-{shared}_3.md" in pages
    assert "Pagina 2 van 3" in pages[f"begrippen/driver-{shared}_2.md"]


def test_compare_two_page_is_a_list_of_links_without_javascript(site: Path) -> None:
    html = main_content(read(site, "vergelijken/twee"))
    links = {t for t in page_targets(site, "vergelijken/twee/") if re.fullmatch(r"casussen/[a-z0-9-]+/", t)}
    assert links >= {f"casussen/{slug}/" for slug in SLUGS}
    assert 'id="twee-app" class="twee" hidden' in html


def test_timelines_page_is_split_like_the_lists(monkeypatch: pytest.MonkeyPatch, framework, cases) -> None:
    """The drawn timelines of all cases grow with the corpus (about 5 KB a case): they are split into
    pages of compare.TIMELINE_PAGE cases, each with its own drawing and the pager."""
    from generator import compare
    from generator.escape import Escaper, Md, markdown_extensions
    from generator.pages import Site, render_pages

    monkeypatch.setattr(compare, "TIMELINE_PAGE", 4)
    ordered = tuple(cases[slug] for slug in SLUGS)
    diagrams = {name: Md("<svg></svg>") for name in ["redeneerlijn", *SLUGS]}
    pages = render_pages(Site(framework, ordered, diagrams), Escaper(markdown_extensions(ROOT / "mkdocs.yml")))
    assert {"vergelijken/tijdlijn.md", "vergelijken/tijdlijn_2.md", "vergelijken/tijdlijn_3.md"} <= set(pages)
    assert "vergelijken/tijdlijn_4.md" not in pages and "Pagina 1 van 3" in pages["vergelijken/tijdlijn.md"]
    named = [set(re.findall(r'href="\.\./\.\./casussen/([a-z0-9-]+)/#tijdlijn"|href="\.\./casussen/([a-z0-9-]+)/#tijdlijn"',
                            pages[f"_theme/later/lijsten/vergelijken/tijdlijn{suffix}.html"])) for suffix in ("", "-2", "-3")]
    slugs = [{a or b for a, b in found} for found in named]
    assert all(len(page) <= 4 for page in slugs) and set().union(*slugs) <= set(SLUGS) and len(set().union(*slugs)) >= 5
    assert sum(len(page) for page in slugs) == len(set().union(*slugs)), "every case on one page only"
