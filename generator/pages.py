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

from generator import compare, timeline
from generator.content import Framework
from generator.escape import Escaper, HtmlText, Md, jinja_inert, link
from generator.datapackage import LICENSE, version
from generator.model import Case
from generator.recent import most_recent
from generator.siteconfig import build_date

TEMPLATES = Path(__file__).parent / "templates"
LATER = "<!-- later -->"  # where theme/main.html puts back what a page set aside for after Markdown


@dataclass(frozen=True)
class Site:
    """Everything the templates may read: the framework, the cases and the diagram files."""

    framework: Framework
    cases: tuple[Case, ...]
    diagrams: Mapping[str, str]  # name → inline SVG (without XML prolog)
    added: Mapping[str, str] = field(default_factory=dict)  # slug → date its file was added (recent.py); may be empty
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
                             bytecode_cache=_COMPILED, extensions=["jinja2.ext.do"],
                             finalize=finalize, autoescape=False, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["block"] = escaper.block
    env.filters["label"] = lambda code, vocab: framework.label(vocab, code)
    env.filters["md"] = Md  # only for strings the generator builds (links to known slugs)
    env.filters["cell"] = lambda value: Md(escaper.inline(value).replace("|", "\\|"))
    env.globals["fw"] = framework
    env.globals["link"] = lambda text, url: link(text, url, escaper)
    env.globals["concept"] = lambda vocabulary, code: compare.concept_path(vocabulary, code)
    env.globals["concepts"] = compare.CONCEPTS
    env.globals["concept_codes"] = {name: {item.code for item in framework.vocabularies[name].items} for name in compare.CONCEPTS}
    # a code is printed next to its label only when it is a number the reader can refer to
    # (2b, 5, A), never when it is a word that repeats the label ("leiderschap Leiderschap")
    env.tests["number"] = lambda code: bool(re.fullmatch(r"[0-9]+[a-z]?|[A-Z]", str(code)))
    env.filters["is_number"] = env.tests["number"]
    env.filters["lower_first"] = lambda text: text[:1].lower() + text[1:]
    env.globals["facets_of"] = compare.filter_facets
    env.globals["type_short"] = lambda case: compare.type_short(framework, case)
    env.globals["overview_cells"] = lambda case: compare.overview_cells(framework, case)
    env.globals["events"] = compare.events_by_year
    env.globals["score_of"] = compare.scores
    env.filters["html"] = lambda value: Md(html.escape(str(value), quote=True))
    env.globals["timeline_of"] = lambda case: timeline.of_case(case, framework)
    env.globals["timeline_svg"] = lambda drawn, name: Md(timeline.case_svg(drawn, name))  # escapes its own text

    def timeline_across(cases: tuple[Case, ...]) -> tuple[list, list[Md]]:
        rows, figures = timeline.across(cases, framework)
        return rows, [Md(figure) for figure in figures]  # the drawing escapes its own text
    env.globals["timeline_across"] = timeline_across
    env.filters["when"] = timeline.when
    uitleg = {item.term: item.uitleg for item in framework.afkortingen.afkortingen}
    text = HtmlText(uitleg)
    env.filters["h"] = text.inline  # contributor text inside raw HTML blocks, abbreviations marked
    env.filters["paragraphs"] = text.paragraphs
    env.filters["notes"] = source_notes
    env.globals["abbreviations_for"] = lambda *texts: Md("".join(
        f"\n*[{term}]: {uitleg[term]}" for term in text.terms_in(" ".join(texts))) + "\n")
    return env


_SOURCE = re.compile(r" ?\(((?:kader (?:bij )?)?(?:§|tabel )[0-9][^()<>&\n]{0,60})\)")
_EDITORIAL = re.compile(r"Interpretatie van de redactie(?: \(([^()<>&\n]{0,60})\))?: ?")


def source_notes(text: str) -> Md:
    """Escaped HTML of a case text with its inline source references ("(§5.3.1)") as small notes
    and a leading "Interpretatie van de redactie:" as a small label. Only runs of digits, §, words
    and punctuation are matched, in text that is already escaped, so nothing new can become markup."""
    text = _SOURCE.sub(lambda m: f' <small class="bron" title="Bron in het eindrapport">{m.group(1)}</small>', str(text))
    text = _EDITORIAL.sub(lambda m: '<span class="label" title="Niet letterlijk uit het rapport: een interpretatie van de redactie">'
                          'Interpretatie redactie</span> ' + (f'<small class="bron">{m.group(1)}</small> ' if m.group(1) else ""), text)
    return Md(text)


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
    related: dict = field(default_factory=dict)  # compare.related_cases' last choice, by every case's features
    timelines: dict[tuple[str, ...], tuple] = field(default_factory=dict)  # drawn timelines across cases, by their keys


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
    earlier_timelines, timelines = (known.timelines if known else {}), {}
    drawn_across = env.globals["timeline_across"]

    def timeline_across(cases: tuple[Case, ...]) -> tuple[list, list[Md]]:
        """The cases drawn on one time axis, reused while every one of them is unchanged (serve)."""
        keys = tuple(known.keys.get(case.slug) or "" for case in cases) if known else ()
        if not keys or not all(keys):
            return drawn_across(cases)
        drawn = timelines[keys] = earlier_timelines.get(keys) or drawn_across(cases)
        return drawn
    common["timeline_across"] = timeline_across

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

    by_slug = {case.slug: case for case in site.cases}
    render("index.md.j2", "index.md", recent=[by_slug[slug] for slug in most_recent(dict(site.added)) if slug in by_slug])
    def render_list(template: str, path: str, aside: str, cases: tuple[Case, ...], size: int | None = None, **context: Any) -> None:
        """A list page over the cases, split into pages of `size` (compare.LIST_PAGE) rows (see _pager.md.j2)."""
        chunks = compare.parts(cases, size)
        paths = [compare.part_path(path, number) for number in range(1, len(chunks) + 1)]
        for number, (chunk, here) in enumerate(zip(chunks, paths), start=1):
            links = [{"number": n, "current": n == number,
                      "href": posixpath.relpath(target, posixpath.dirname(here) or ".")} for n, target in enumerate(paths, start=1)]
            render(template, here, aside if number == 1 else f"{aside}-{number}", cases=chunk, total=len(cases),
                   pager={"number": number, "count": len(chunks), "links": links}, **context)

    render("redeneerlijn_index.md.j2", "redeneerlijn/index.md", "redeneerlijn")
    for nummer, blok in enumerate(site.framework.redeneerlijn.blokken, start=1):
        render("redeneerlijn_blok.md.j2", f"redeneerlijn/{blok.code}.md", blok=blok, nummer=nummer,
               examples=compare.block_examples(site.framework, site.cases, blok.code))
    facets = compare.facet_options(site.framework, site.cases)
    render_list("casussen.md.j2", "casussen/index.md", "lijsten/casussen", site.cases, facets=facets)
    pages["casussen/overzicht.json"] = compare.overview_json(
        site.framework, site.cases, lambda case: href("casussen/index.md", f"casussen/{case.slug}.md", "", directory_urls))
    yield from drain()
    fresh: dict[str, tuple[str, str]] = {}
    related, around = compare.related_cases(site.cases, memo=known.related if known else None), compare.neighbours(site.cases)
    for case in site.cases:
        path, aside = f"casussen/{case.slug}.md", f"_theme/later/casussen/{case.slug}.html"
        key = known.keys.get(case.slug) if known else None
        if key:  # the page also shows its related and neighbouring cases: reuse it only while they are unchanged
            others = [item["case"].slug for item in related[case.slug]] + [other.slug for other in around[case.slug] if other]
            key = "\0".join([key, *(f"{slug}={known.keys.get(slug, '')}" for slug in others)])
        if key and key in known.entries:
            pages[path], pages[aside] = known.entries[key]
        else:
            render("casus.md.j2", path, f"casussen/{case.slug}", case=case, related=related[case.slug],
                   previous=around[case.slug][0], next=around[case.slug][1])
        if key:
            fresh[key] = (pages[path], pages[aside])
        yield from drain()
    if known:
        known.entries = fresh
    render_list("praatplaten.md.j2", "praatplaten.md", "lijsten/praatplaten", site.cases)
    yield from drain()
    for _ in _cross_case_pages(site, render, render_list, pages, known):
        yield from drain()
    if known:
        known.abbreviated, known.rows, known.timelines = abbreviated, rows, timelines


def _later(pieces: list[str]):
    """`{{ later(html) }}` or `{% call later() %}html{% endcall %}`: set the HTML aside for the theme
    override, which puts it back at the marker left in the page (see theme/main.html)."""
    def later(html: str | None = None, caller=None) -> Md:
        pieces.append((caller() if caller else html).strip() + "\n")
        return Md(LATER + ("\n\n" if caller else "\n"))
    return later


def _cross_case_pages(site: Site, render, render_list, pages: dict[str, str], known: PageMemo | None) -> Iterator[None]:
    """Render the pages across cases; yields after each, so the caller can hand it out."""
    cases, framework = site.cases, site.framework
    hoofdvorm = any(case.design and case.design.hoofdvorm for case in cases)  # a column only when some case has one
    render("vergelijken_index.md.j2", "vergelijken/index.md")
    yield
    render("vergelijken_twee.md.j2", "vergelijken/twee.md", "lijsten/vergelijken/twee", cases=cases)
    yield
    for name in ("thema", "typologie", "doelen", "design", "meerwaarde", "scan"):
        render_list(f"vergelijken_{name}.md.j2", f"vergelijken/{name}.md", f"lijsten/vergelijken/{name}", cases, hoofdvorm=hoofdvorm)
        yield
    # pages of compare.TIMELINE_PAGE cases, each drawn on its own time axis (timeline_across)
    render_list("vergelijken_tijdlijn.md.j2", "vergelijken/tijdlijn.md", "lijsten/vergelijken/tijdlijn", cases, compare.TIMELINE_PAGE)
    yield
    render_list("vergelijken_bouwblokken.md.j2", "vergelijken/bouwblokken.md", "lijsten/vergelijken/bouwblokken", cases,
                with_form=compare.by_form(cases))
    yield
    concept_pages = compare.concept_pages(framework, cases)
    render("begrippen_index.md.j2", "begrippen/index.md", pages=concept_pages)
    yield
    titles = {"drivers": "Driver uit de casussen", "externe_drivers": "Externe driver", "aandachtspunten": "Aandachtspunt",
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
        chunks = compare.parts(tuple(page["mentions"]))
        if len(chunks) > 1:  # more cases than fit one page: pages of compare.LIST_PAGE mentions, not kept in the memo
            paths = [compare.part_path(page["path"], number) for number in range(1, len(chunks) + 1)]
            for number, (chunk, here) in enumerate(zip(chunks, paths), start=1):
                links = [{"number": n, "current": n == number, "href": posixpath.basename(target)}
                         for n, target in enumerate(paths, start=1)]
                render("begrip.md.j2", here, aside if number == 1 else f"{aside}_{number}", page={**page, "mentions": list(chunk)},
                       title=titles[page["vocabulary"]], source=source, own=vocabulary.eigen,
                       pager={"number": number, "count": len(chunks), "links": links}, total=len(page["mentions"]))
                yield
            continue
        if known and key in known.concepts:
            pages[outputs[0]], pages[outputs[1]] = known.concepts[key]
        else:
            render("begrip.md.j2", page["path"], aside, page=page, title=titles[page["vocabulary"]], source=source,
                   own=vocabulary.eigen, pager={"number": 1, "count": 1, "links": []}, total=len(page["mentions"]))
        if known and all(known.keys.get(slug) for slug in involved):
            fresh[key] = (pages[outputs[0]], pages[outputs[1]])
        yield
    if known:
        known.concepts = fresh
    blokken = {blok.code: {"nummer": index + 1, "titel": blok.titel} for index, blok in enumerate(framework.redeneerlijn.blokken)}
    scan = {"items": [{"code": e.code, "categorie": e.categorie, "titel": e.titel, "soort": e.antwoorden,
                       "blok": blokken[framework.scan.categorieen[[c.code for c in framework.scan.categorieen].index(e.categorie)].blok]["nummer"]}
                      for e in framework.scan_entries],
            "categorieen": [{"code": c.code, "titel": c.titel} for c in framework.scan.categorieen],
            "soorten": {soort.code: [{"code": a.code, "label": a.label} for a in soort.antwoorden] for soort in framework.scan.antwoordsoorten}}
    render("samenwerkingsscan.md.j2", "samenwerkingsscan.md", blanco=False, blokken=blokken, prefix="",
           scan_json=json.dumps(scan, ensure_ascii=False).replace("<", "\\u003c"))
    yield
    render("samenwerkingsscan.md.j2", "samenwerkingsscan/papier.md", blanco=True, blokken=blokken, prefix="../", scan_json="")
    yield
    render("praatplaat_maken.md.j2", "praatplaten/maken.md", maken_json=json.dumps(maken_data(framework), ensure_ascii=False).replace("<", "\\u003c"))
    yield
    render("tijdlijn_maken.md.j2", "tijdlijn/maken.md", "tijdlijn/maken", data_json=timeline_json(framework))
    yield
    render("open_data.md.j2", "open-data.md", cases=cases, built=site.built, version=version(site.built), license=LICENSE)
    yield


def maken_data(framework: Framework) -> dict[str, Any]:
    """What the praatplaat form (praatplaten/maken/) needs: the blocks with their questions and the
    codes a case must choose from, with their labels."""
    def options(vocabulary: str) -> list[dict[str, str]]:
        return [{"code": item.code, "label": item.label} for item in framework.vocabularies[vocabulary].items]
    return {"blokken": [{"code": b.code, "titel": b.titel, "vragen": b.vragen} for b in framework.redeneerlijn.blokken],
            "codes": {name: options(name) for name in ("provincies", "status", "orientaties", "objecten", "drivers", "driver_rollen",
                                                          "aandachtspunten", "aanleiding_soorten")}}


def timeline_json(framework: Framework) -> str:
    """What tijdlijn/maken/ draws with: the code lists and the drawing's colours (for a
    <script type="application/json"> block; `<` escaped so it cannot end the block)."""
    def items(vocabulary: str) -> list[dict[str, str]]:
        return [{"code": item.code, "label": item.label} for item in framework.vocabularies[vocabulary].items]

    data = {"soorten": items("gebeurtenissen"), "fasen": items("fasen"), "drivers": items("drivers"), "stijl": timeline.STYLE}
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


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
