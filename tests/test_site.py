"""Build the whole site from the bundled cases and look at the HTML a reader gets."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from htmltext import main_content, parse, text_of
from report_tables import TABLE_5_2, TABLE_6_2

BLOCKS = ["1. Aanleiding", "2. Doelen", "3. Drivers", "4. Design", "5. Randvoorwaarden", "6. Output en outcome"]


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


def test_site_has_home_overview_framework_and_every_case(built_site: Path) -> None:
    site = built_site / "site"
    assert (site / "index.html").is_file()
    for url in ["casussen", "redeneerlijn", "praatplaten", "over-het-onderzoek",
                *(f"redeneerlijn/{b}" for b in ("aanleiding", "doelen", "drivers", "design", "randvoorwaarden", "output"))]:
        assert (site / url / "index.html").is_file(), url
    assert sorted(p.name for p in (site / "casussen").iterdir() if p.is_dir()) == sorted(TABLE_5_2)


def test_site_is_dutch(built_site: Path) -> None:
    html = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "lunr.nl" in (built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8") or \
        '"lang":["nl"]' in (built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8").replace(" ", "")


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_case_page_has_every_block_in_order(built_site: Path, slug: str) -> None:
    html = main_content(page(built_site, f"casussen/{slug}"))
    headings = parse(html).headings
    present = [block for block in BLOCKS if block in headings]
    positions = [headings.index(block) for block in present]
    assert positions == sorted(positions), headings
    assert len(present) >= 4, headings
    if len(present) < len(BLOCKS):  # a block without anything is left out, and the page says so once
        assert text_of(html).count("zegt de bron niets") == 1


@pytest.mark.parametrize("slug", sorted(TABLE_5_2))
def test_case_page_shows_type_of_table_5_2(built_site: Path, slug: str) -> None:
    text = text_of(main_content(page(built_site, f"casussen/{slug}")))
    expected = {"OCS": "OCS: Operationele, op een collectief gerichte samenwerking",
                "SGS": "SGS: Strategische, op een gebied gerichte samenwerking"}[TABLE_5_2[slug]]
    assert f"Type {expected}" in text


@pytest.mark.parametrize("slug", sorted(TABLE_6_2))
def test_case_page_lists_scan_items_of_table_6_2(built_site: Path, slug: str) -> None:
    html = main_content(page(built_site, f"casussen/{slug}"))
    start = html.index('id="samenwerkingsscan"')
    section = html[start: html.index("<h2", start)]
    shown = set(re.findall(r"<strong><a [^>]*>(\d[a-j]) ", section))
    assert shown == TABLE_6_2[slug]


def test_overview_links_every_case(built_site: Path) -> None:
    html = main_content(page(built_site, "casussen"))
    links = {href.strip("/").split("/")[0] for href in parse(html).links if not href.startswith(("#", "http", ".."))}
    assert set(TABLE_5_2) <= links
    text = text_of(html)
    assert text.count("OCS") >= 7 and text.count("SGS") >= 4


def test_case_pages_are_not_in_the_sidebar(built_site: Path) -> None:
    html = page(built_site, "casussen")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'): html.index("</nav>", html.index('<nav class="md-nav md-nav--primary"'))]
    assert "food-academy-nijkerk" not in nav


def test_framework_pages_show_the_questions(built_site: Path) -> None:
    text = text_of(main_content(page(built_site, "redeneerlijn/design")))
    assert "Zijn de relevante publieke en private partijen betrokken?" in text
    assert "Organisatie-netwerk" in text and "Stimuleringsregeling" in text
    text = text_of(main_content(page(built_site, "redeneerlijn/randvoorwaarden")))
    assert "Past het design nog bij het doel?" in text and "Wendbaarheid" in text


def test_silent_source_is_said_not_hidden(built_site: Path) -> None:
    """An empty field is left out; a block without anything is named in one line."""
    html = main_content(page(built_site, "casussen/food-academy-nijkerk"))
    facts = html[html.index('class="feiten"'):html.index("</section>", html.index('class="feiten"'))]
    assert "Start" not in re.findall(r"<dt>([^<]*)</dt>", facts), "no start year in the source: no row"
    assert "niet beschreven" not in text_of(html)
    assert "Over gedateerde gebeurtenissen zegt de bron niets." in text_of(html)


def test_build_is_deterministic(built_site: Path) -> None:
    from generator.build import generate

    assert generate(built_site) == generate(built_site)


def test_set_aside_html_is_back_in_place_and_out_of_the_site(built_site: Path) -> None:
    """The theme override put every set-aside piece (praatplaat, section bodies) back at its marker."""
    pages = list((built_site / "site").rglob("*.html"))
    assert pages and not [p for p in pages if "<!-- later -->" in p.read_text(encoding="utf-8")]
    assert not (built_site / "site/_theme").exists()
    html = page(built_site, "casussen/food-academy-nijkerk")
    order = [html.index('<svg role="img"'), html.index('id="1-aanleiding"'), html.index("Externe oorzaak</span>"),
             html.index('id="2-doelen"'), html.index("Korte termijn:"), html.index('id="bronnen"'), html.index("Kort portret")]
    assert order == sorted(order)
    docs = json.loads((built_site / "site/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = [doc for doc in docs if doc["location"].startswith("casussen/food-academy-nijkerk/")]
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in entries)
    assert "Foodbedrijven in de regio Nijkerk" in text and "Vraag:" in text and "Kerncijfers" in text, "summary and key facts are searchable"
    assert "Externe oorzaak" not in text and "Kort portret" not in text, "the sections after them are not"
