"""The search index: what a page gives it, the synonyms, and a failed index failing the build."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build_site
from generator.content import load_framework
from generator.errors import BuildError, InputError
from generator.search import page_sections, synonyms_js

PAGE = """<html><body><header>Kop van de site</header><nav>Navigatie</nav>
<article class="md-content__inner md-typeset">
<h1 id="casus">Food Academy <abbr title="x">FAN</abbr><a class="headerlink" href="#casus">¶</a></h1>
<p>Een samenvatting over <strong>foodbedrijven</strong>.</p>
<form class="casus-filter" hidden><label>Type <select><option>Alle</option></select></label><button>Wis filters</button></form>
<figure class="praatplaat"><svg><text>Praatplaattekst</text></svg><figcaption>Onderschrift</figcaption></figure>
<h2 id="3-drivers">3. Drivers<a class="headerlink" href="#3-drivers">¶</a></h2>
<table><tr><td>Tekentafelsessie</td><td>met 60 bedrijven</td></tr></table>
<div hidden>Verborgen</div><p data-pagefind-ignore>Genegeerd</p>
<table data-search-exclude><tr><td>Overzichtstabel</td></tr></table>
<h3 id="spanningen">Spanningen</h3><p>Leerlingdaling &amp; krimp</p>
</article><footer>Voet</footer></body></html>"""


def test_a_page_gives_its_title_and_one_section_per_heading_without_chrome() -> None:
    title, sections = page_sections(PAGE)
    assert title == "Food Academy FAN"
    assert [(s.anchor, s.title) for s in sections] == [("", "Food Academy FAN"), ("3-drivers", "3. Drivers"), ("spanningen", "Spanningen")]
    assert sections[0].text == ["Een samenvatting over foodbedrijven."]
    assert sections[1].text == ["Tekentafelsessie met 60 bedrijven"]
    assert sections[2].text == ["Leerlingdaling & krimp"]
    everything = " ".join(s.text[0] + s.title for s in sections)
    for chrome in ["Kop", "Navigatie", "Voet", "Alle", "Wis filters", "Praatplaattekst", "Onderschrift", "¶",
                   "Verborgen", "Genegeerd", "Overzichtstabel"]:
        assert chrome not in everything, chrome


def test_synonyms_come_from_content_as_a_script(tmp_path: Path, project: Path) -> None:
    framework = load_framework(project)
    script = synonyms_js(framework).decode("utf-8")
    assert script.startswith("window.__zoekSynoniemen = ") and script.endswith(";\n")
    groups = json.loads(script.removeprefix("window.__zoekSynoniemen = ").removesuffix(";\n"))
    assert ["bekostiging", "financiering", "subsidie", "rif-geld"] == [w for w in groups[0] if w != "geldstroom"]
    (project / "content" / "synoniemen.yml").write_text("groepen:\n  - woorden: [\"</script><b>\", twee]\n", encoding="utf-8")
    assert "</script" not in synonyms_js(load_framework(project)).decode("utf-8")


def test_a_group_of_one_word_is_refused_with_its_position(project: Path) -> None:
    (project / "content" / "synoniemen.yml").write_text("groepen:\n  - woorden: [alleen]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_framework(project)
    message = "\n".join(str(d) for d in caught.value.diagnostics)
    assert message.startswith("content/synoniemen.yml:2:") and "woorden" in message, message


@pytest.mark.slow
def test_a_failed_index_fails_the_build_and_leaves_site_as_it_was(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_site(project)
    before = {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")}
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    monkeypatch.setattr("generator.search.ROOT", "main.nothing-has-this")  # Pagefind then indexes no page
    with pytest.raises(BuildError, match="pagefind"):
        build_site(project)
    assert {p: p.stat().st_mtime_ns for p in (project / "site").rglob("*")} == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-new-")]
