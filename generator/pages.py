"""Stage 4: render Markdown pages from validated objects through Jinja2 templates.

Templates are files under generator/templates. Every `{{ … }}` output is escaped for Markdown
unless it is `Md` (Markdown the generator built itself), so contributor text cannot become
markup by forgetting a filter. A missing value fails the render instead of printing nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator, Mapping
from typing import Any

import hashlib
import html
import json
import posixpath
import re

import jinja2
import jinja2.bccache
import yaml

from generator import compare
from generator.content import Framework
from generator.escape import Escaper, HtmlText, Md, jinja_inert, link
from generator.datapackage import LICENSE, version
from generator.model import Case
from generator.siteconfig import build_date

TEMPLATES = Path(__file__).parent / "templates"
LATER = "<!-- later -->"  # where theme/main.html puts back what a page set aside for after Markdown


@dataclass(frozen=True)
class Site:
    """Everything the templates may read: the framework, the cases and the diagram files."""

    framework: Framework
    cases: tuple[Case, ...]
    diagrams: Mapping[str, str]  # name → inline SVG (without XML prolog)
    built: date = field(default_factory=build_date)  # shown on the open-data page; see siteconfig


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process (`serve` renders every few
    seconds), by Jinja's own key: template name and a checksum of its source."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


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
                             bytecode_cache=_COMPILED,
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
    env.globals["score_of"] = compare.scores
    env.filters["html"] = lambda value: Md(html.escape(str(value), quote=True))
    uitleg = {item.term: item.uitleg for item in framework.afkortingen.afkortingen}
    text = HtmlText(uitleg)
    env.filters["h"] = text.inline  # contributor text inside raw HTML blocks, abbreviations marked
    env.filters["paragraphs"] = text.paragraphs
    env.globals["abbreviations_for"] = lambda *texts: Md("".join(
        f"\n*[{term}]: {uitleg[term]}" for term in text.terms_in(" ".join(texts))) + "\n")
    return env


def page_url(path: str, directory_urls: bool) -> str:
    """Where MkDocs puts a file of the docs folder, as a URL path relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


@lru_cache(maxsize=4096)
def _relative_folder(folder: str, base: str) -> str:
    return posixpath.relpath(folder or ".", base or ".")


def href(here: str, target: str, fragment: str = "", directory_urls: bool = True) -> Md:
    """A relative link from page `here` to docs file `target`, as MkDocs would write it.

    For raw HTML, where MkDocs does not rewrite or check links: the same answer as its own
    rewriting of `[…](target)` for use_directory_urls true (the site) and false (the offline
    bundle). tests/test_browser.py crawls every link of the built site."""
    source, destination = page_url(here, directory_urls), page_url(target, directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source) + "/"
    folder = posixpath.dirname(target)  # a page's URL lies under its file's folder: relpath once per folder pair
    up = _relative_folder(folder, base.rstrip("/"))
    relative = (up + "/" if up != "." else "") + destination[len(folder) + 1 if folder else 0:]
    if not relative:
        relative = "./"
    return Md(html.escape(relative + (f"#{fragment}" if fragment else ""), quote=True))


HEAD_TEXT = {"title": False, "description": True}  # front matter texts the theme prints as HTML → escape quotes too


def front_matter(**fields: Any) -> Md:
    """YAML front matter written by yaml.safe_dump, never by string formatting.

    Material prints page.title and page.meta as trusted HTML (in <title>, the header topic, the
    navigation, <meta name="description" content="…">, the search index), so the texts that reach
    it are HTML-escaped here, once; the theme override prints them as they are."""
    for key, quote in HEAD_TEXT.items():
        if fields.get(key) is not None:
            fields[key] = html.escape(" ".join(str(fields[key]).split()), quote=quote)
    return Md("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=True) + "---\n\n")


@dataclass
class PageMemo:
    """Rendered pages kept between two runs (`serve`): case pages (page text, set-aside HTML) by a
    key the caller derives from everything a case page depends on (the case file, the framework,
    the URL style), and concept pages by the keys of the cases they show. keys: slug → key for
    this run. Only the entries of the last run are kept."""

    keys: dict[str, str] = field(default_factory=dict)
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    concepts: dict[str, tuple[str, str]] = field(default_factory=dict)  # concept pages (page, set-aside HTML) by path and the keys of the cases they show
    abbreviated: dict[str, tuple[str, str]] = field(default_factory=dict)  # path → (page, page with its abbreviations)
    rows: dict[tuple[str, ...], str] = field(default_factory=dict)  # list-page rows: (page, case key, extra) → HTML


def render_pages(site: Site, escaper: Escaper, directory_urls: bool = True, known: PageMemo | None = None) -> dict[str, str]:
    """Every generated page: relative path under docs → Markdown text."""
    return dict(iter_pages(site, escaper, directory_urls, known))


def iter_pages(site: Site, escaper: Escaper, directory_urls: bool = True,
               known: PageMemo | None = None) -> Iterator[tuple[str, str]]:
    """Every generated page as (relative path under docs, Markdown text), one after the other,
    so that a site of thousands of cases is never held in memory whole.

    directory_urls: the URL style of the MkDocs build (false for the offline bundle), for the
    links in raw HTML blocks. known: pages from an earlier run (`serve`), reused by key."""
    env = _environment(escaper, site.framework)
    pages: dict[str, str] = {}  # rendered, not yet handed out
    common = {"site": site, "front_matter": front_matter}
    own = {f"casussen/{case.slug}.md" for case in site.cases}  # abbreviations of their own: see casus.md.j2
    previous = known.abbreviated if known else {}
    abbreviated: dict[str, tuple[str, str]] = {}

    def drain() -> Iterator[tuple[str, str]]:
        """Hand out what is rendered, with the abbreviation definitions the page uses."""
        for path in list(pages):
            text = pages.pop(path)
            if path.endswith(".md") and path not in own:
                before = previous.get(path)
                full = before[1] if before and before[0] == text else text + abbreviations(site.framework, text)
                if known:
                    abbreviated[path] = (text, full)
                text = full
            yield path, text

    earlier_rows, rows = (known.rows if known else {}), {}

    def render(template: str, path: str, aside: str | None = None, **context: Any) -> None:
        """Render a page; with `aside`, what the template sets aside with later() goes to
        _theme/later/<aside>.html (the template writes `later: later_name` in its front matter)."""
        to = lambda target, fragment="": href(path, target, fragment, directory_urls)  # noqa: E731

        def cached(case: Case, *extra: str, caller) -> Md:
            """`{% call cached(case, name, …) %}row{% endcall %}`: a list page's row for one case,
            reused while the case (its key) and whatever else the row shows (extra) are unchanged."""
            key = known.keys.get(case.slug) if known else None
            if not key:
                return Md(caller())
            full = (path, key, *extra)
            row = rows[full] = earlier_rows.get(full) or Md(caller())
            return row

        pieces: list[str] = []
        pages[path] = env.get_template(template).render(**common, to=to, cached=cached, later=_later(pieces),
                                                        later_name=aside or "", **context)
        if not aside:
            if pieces or LATER in pages[path]:
                raise ValueError(f"{path}: set HTML aside without a name for it")
            return
        if pages[path].count(LATER) != len(pieces):
            raise ValueError(f"{path}: {LATER} in the page text; only later() may write it")
        text = jinja_inert(LATER.join(pieces))
        pages[f"_theme/later/{aside}.html"] = text
        # the page's own text changes with what it set aside, so MkDocs' dirty rebuild (serve) redoes it
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        pages[path] = pages[path].replace("---\n", f"---\nlater_digest: {digest}\n", 1)

    render("redeneerlijn_index.md.j2", "redeneerlijn/index.md", "redeneerlijn")
    for blok in site.framework.redeneerlijn.blokken:
        render("redeneerlijn_blok.md.j2", f"redeneerlijn/{blok.code}.md", blok=blok)
    render("casussen.md.j2", "casussen/index.md", "lijsten/casussen", cases=site.cases, facets=compare.facet_options(site.framework, site.cases),
           filter_json=compare.filter_json(site.cases))
    yield from drain()
    fresh: dict[str, tuple[str, str]] = {}
    for case in site.cases:
        path, aside = f"casussen/{case.slug}.md", f"_theme/later/casussen/{case.slug}.html"
        key = known.keys.get(case.slug) if known else None
        if key and key in known.entries:
            pages[path], pages[aside] = known.entries[key]
        else:
            render("casus.md.j2", path, f"casussen/{case.slug}", case=case)
        if key:
            fresh[key] = (pages[path], pages[aside])
        yield from drain()
    if known:
        known.entries = fresh
    render("praatplaten.md.j2", "praatplaten.md", "lijsten/praatplaten", cases=site.cases)
    yield from drain()
    for _ in _cross_case_pages(site, render, pages, known):
        yield from drain()
    if known:
        known.abbreviated, known.rows = abbreviated, rows


def _later(pieces: list[str]):
    """`{{ later(html) }}` or `{% call later() %}html{% endcall %}`: set the HTML aside for the theme
    override, which puts it back at the marker left in the page (see theme/main.html)."""
    def later(html: str | None = None, caller=None) -> Md:
        pieces.append((caller() if caller else html).strip() + "\n")
        return Md(LATER + ("\n\n" if caller else "\n"))
    return later


def _cross_case_pages(site: Site, render, pages: dict[str, str], known: PageMemo | None) -> Iterator[None]:
    """Render the pages across cases; yields after each, so the caller can hand it out."""
    cases, framework = site.cases, site.framework
    render("vergelijken_index.md.j2", "vergelijken/index.md")
    yield
    for name in ("thema", "typologie", "doelen", "design", "meerwaarde", "scan"):
        render(f"vergelijken_{name}.md.j2", f"vergelijken/{name}.md", f"lijsten/vergelijken/{name}", cases=cases)
        yield
    render("vergelijken_tijdlijn.md.j2", "vergelijken/tijdlijn.md", "lijsten/vergelijken/tijdlijn", cases=cases, years=compare.years(cases))
    yield
    render("vergelijken_bouwblokken.md.j2", "vergelijken/bouwblokken.md", "lijsten/vergelijken/bouwblokken", cases=cases,
           with_form=compare.by_form(cases))
    yield
    concept_pages = compare.concept_pages(framework, cases)
    render("begrippen_index.md.j2", "begrippen/index.md", pages=concept_pages)
    yield
    titles = {"drivers": "Driver uit de cases", "externe_drivers": "Externe driver", "aandachtspunten": "Aandachtspunt",
              "spanningen": "Spanning of dilemma", "maatschappelijke_waarde": "Maatschappelijke meerwaarde", "bouwblokken": "Bouwblok"}
    fresh: dict[str, tuple[str, str]] = {}
    for page in concept_pages:
        vocabulary = framework.vocabularies[page["vocabulary"]]
        source = ("Katapult (2022)" if page["vocabulary"] == "bouwblokken"
                  else f"Eindrapport, {vocabulary.bron}" if vocabulary.bron else "eigen indeling van de site")
        # a concept page shows only the cases that mention the concept: reuse it while those are unchanged
        involved = [mention.case.slug for mention in page["mentions"]] + [case.slug for case in page["steering"]]
        key = "\0".join([page["path"], *(known.keys.get(slug, "") for slug in involved)]) if known else ""
        aside = "lijsten/" + page["path"].removesuffix(".md")
        outputs = (page["path"], f"_theme/later/{aside}.html")
        if known and key in known.concepts:
            pages[outputs[0]], pages[outputs[1]] = known.concepts[key]
        else:
            render("begrip.md.j2", page["path"], aside, page=page, title=titles[page["vocabulary"]], source=source,
                   own=vocabulary.eigen)
        if known and all(known.keys.get(slug) for slug in involved):
            fresh[key] = (pages[outputs[0]], pages[outputs[1]])
        yield
    if known:
        known.concepts = fresh
    scan = {"items": [{"code": e.code, "categorie": e.categorie, "titel": e.titel} for e in framework.scan_entries],
            "antwoorden": [{"code": a.code, "label": a.label} for a in framework.scan.antwoorden]}
    render("samenwerkingsscan.md.j2", "samenwerkingsscan.md", scan_json=json.dumps(scan, ensure_ascii=False).replace("<", "\\u003c"))
    yield
    render("open_data.md.j2", "open-data.md", cases=cases, built=site.built, version=version(site.built), license=LICENSE)
    yield


def _term_pattern(term: str) -> str:
    """A term as it may appear in the page source: punctuation possibly backslash-escaped, `&` as
    `&amp;` (how escape.py writes contributor text)."""
    parts = []
    for ch in term:
        if ch == "&":
            parts.append(r"\\?(?:&amp;|&)")
        elif ch.isalnum():
            parts.append(re.escape(ch))
        else:
            parts.append(r"\\?" + re.escape(ch))
    return "".join(parts)


_ABBREVIATIONS: dict[str, re.Pattern[str]] = {}


def _uses(text: str, term: str) -> bool:
    """Whether abbr would find term in the page: between word boundaries, as \\b…\\b does.

    The pattern starts with the literal term (so `re` can scan for it fast) and the boundary
    before it is checked by hand: a leading \\b makes `re` try every position of the page."""
    pattern = _ABBREVIATIONS.get(term)
    if pattern is None:
        pattern = _ABBREVIATIONS[term] = re.compile(_term_pattern(term) + r"\b")
    first_is_word = bool(re.match(r"\w", term))
    for match in pattern.finditer(text):
        start = match.start()
        before_is_word = start > 0 and bool(re.match(r"\w", text[start - 1]))
        if before_is_word != first_is_word:
            return True
    return False


def abbreviations(framework: Framework, text: str) -> str:
    """Abbreviation definitions (Markdown abbr) so terms like RIF show their meaning as a tooltip.

    Only the terms the page uses. abbr marks a term between word boundaries (\\b…\\b) in the
    rendered text; the same test on the Markdown source, which also allows the escaped forms,
    never drops a term abbr would mark (a definition too many only costs time)."""
    lines = [f"*[{item.term}]: {item.uitleg}" for item in framework.afkortingen.afkortingen if _uses(text, item.term)]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
