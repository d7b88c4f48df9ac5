"""Stage 4: render Markdown pages from validated objects through Jinja2 templates.

Templates are files under generator/templates. Every `{{ … }}` output is escaped for Markdown
unless it is `Md` (Markdown the generator built itself), so contributor text cannot become
markup by forgetting a filter. A missing value fails the render instead of printing nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import html
import json

import jinja2
import yaml

from generator import compare
from generator.content import Framework
from generator.escape import Escaper, HtmlText, Md, jinja_inert, link
from generator.model import Case

TEMPLATES = Path(__file__).parent / "templates"
LATER = "<!-- later -->"  # where theme/main.html puts back what a page set aside for after Markdown


@dataclass(frozen=True)
class Site:
    """Everything the templates may read: the framework, the cases and the diagram files."""

    framework: Framework
    cases: tuple[Case, ...]
    diagrams: dict[str, str]  # name → inline SVG (without XML prolog)


def _environment(escaper: Escaper, framework: Framework) -> jinja2.Environment:
    def finalize(value: Any) -> str:
        if value is None:
            raise ValueError("a template printed a missing value (None); guard it with {% if %}")
        if isinstance(value, Md):
            return value
        if isinstance(value, (int, float)):
            return str(value)
        return escaper.inline(str(value))

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             finalize=finalize, autoescape=False, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["block"] = escaper.block
    env.filters["label"] = lambda code, vocab: framework.label(vocab, code)
    env.filters["md"] = Md  # only for strings the generator builds (links to known slugs)
    env.filters["cell"] = lambda value: Md(escaper.inline(value).replace("|", "\\|"))
    env.globals["fw"] = framework
    env.globals["link"] = lambda text, url: link(text, url, escaper)
    env.globals["concept"] = lambda vocabulary, code: compare.concept_path(vocabulary, code)
    env.globals["events"] = compare.events_by_year
    env.filters["html"] = lambda value: Md(html.escape(str(value), quote=True))
    uitleg = {item.term: item.uitleg for item in framework.afkortingen.afkortingen}
    text = HtmlText(uitleg)
    env.filters["h"] = text.inline  # contributor text inside raw HTML blocks (casus.md.j2)
    env.filters["paragraphs"] = text.paragraphs
    env.globals["abbreviations_for"] = lambda *texts: Md("".join(
        f"\n*[{term}]: {uitleg[term]}" for term in text.terms_in(" ".join(texts))) + "\n")
    return env


def front_matter(**fields: Any) -> Md:
    """YAML front matter written by yaml.safe_dump, never by string formatting."""
    return Md("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=True) + "---\n\n")


def render_pages(site: Site, escaper: Escaper) -> dict[str, str]:
    """Every generated page: relative path under docs → Markdown text."""
    env = _environment(escaper, site.framework)
    pages: dict[str, str] = {}
    common = {"site": site, "front_matter": front_matter}

    def render(template: str, path: str, **context: Any) -> None:
        pages[path] = env.get_template(template).render(**common, **context)

    def render_later(template: str, path: str, name: str, **context: Any) -> None:
        pieces: list[str] = []
        render(template, path, later=_later(pieces), **context)
        if pages[path].count(LATER) != len(pieces):
            raise ValueError(f"{path}: {LATER} in the page text; only later() may write it")
        pages[f"_theme/later/{name}.html"] = jinja_inert(LATER.join(pieces))

    render_later("redeneerlijn_index.md.j2", "redeneerlijn/index.md", "redeneerlijn")
    for blok in site.framework.redeneerlijn.blokken:
        render("redeneerlijn_blok.md.j2", f"redeneerlijn/{blok.code}.md", blok=blok)
    render("casussen.md.j2", "casussen/index.md", cases=site.cases, facets=compare.facet_options(site.framework, site.cases),
           filter_json=compare.filter_json(site.cases))
    for case in site.cases:
        render_later("casus.md.j2", f"casussen/{case.slug}.md", case.slug, case=case)
    own = {f"casussen/{case.slug}.md" for case in site.cases}  # abbreviations of their own: see casus.md.j2
    render("praatplaten.md.j2", "praatplaten.md", cases=site.cases)
    _cross_case_pages(site, render)
    for path, text in pages.items():
        if path.endswith(".md") and path not in own:
            pages[path] = text + abbreviations(site.framework)
    return pages


def _later(pieces: list[str]):
    """`{{ later(html) }}` or `{% call later() %}html{% endcall %}`: set the HTML aside for the theme
    override, which puts it back at the marker left in the page (see theme/main.html)."""
    def later(html: str | None = None, caller=None) -> Md:
        pieces.append((caller() if caller else html).strip() + "\n")
        return Md(LATER + ("\n\n" if caller else "\n"))
    return later


def _cross_case_pages(site: Site, render) -> None:
    cases, framework = site.cases, site.framework
    render("vergelijken_index.md.j2", "vergelijken/index.md")
    for name in ("thema", "typologie", "doelen", "design", "meerwaarde", "scan"):
        render(f"vergelijken_{name}.md.j2", f"vergelijken/{name}.md", cases=cases)
    render("vergelijken_tijdlijn.md.j2", "vergelijken/tijdlijn.md", cases=cases, years=compare.years(cases))
    render("vergelijken_bouwblokken.md.j2", "vergelijken/bouwblokken.md", cases=cases,
           with_form=lambda code: [c for c in cases if c.katapult and code in c.katapult.vormen])
    concept_pages = compare.concept_pages(framework, cases)
    render("begrippen_index.md.j2", "begrippen/index.md", pages=concept_pages)
    titles = {"drivers": "Driver uit de cases", "externe_drivers": "Externe driver", "aandachtspunten": "Aandachtspunt",
              "spanningen": "Spanning of dilemma", "maatschappelijke_waarde": "Maatschappelijke meerwaarde", "bouwblokken": "Bouwblok"}
    for page in concept_pages:
        vocabulary = framework.vocabularies[page["vocabulary"]]
        source = ("Katapult (2022)" if page["vocabulary"] == "bouwblokken" else f"Eindrapport, {vocabulary.bron}")
        render("begrip.md.j2", page["path"], page=page, title=titles[page["vocabulary"]], source=source)
    scan = {"items": [{"code": e.code, "categorie": e.categorie, "titel": e.titel} for e in framework.scan_entries],
            "antwoorden": [{"code": a.code, "label": a.label} for a in framework.scan.antwoorden]}
    render("samenwerkingsscan.md.j2", "samenwerkingsscan.md", scan_json=json.dumps(scan, ensure_ascii=False).replace("<", "\\u003c"))
    render("open_data.md.j2", "open-data.md", cases=cases)


def abbreviations(framework: Framework) -> str:
    """Abbreviation definitions (Markdown abbr) so terms like RIF show their meaning as a tooltip."""
    lines = [f"*[{item.term}]: {item.uitleg}" for item in framework.afkortingen.afkortingen]
    return "\n\n" + "\n".join(lines) + "\n"
