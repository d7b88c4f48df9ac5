"""Across the cases: the data behind the comparison pages, concept pages and the overview filter.

Pure functions from validated cases to plain structures; the templates only loop over them.
Nothing here is typed twice: every table is derived from the case files.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from generator.content import Framework
from generator.model import Case

# Vocabularies that get a page per code, with the URL prefix of those pages.
CONCEPTS = {
    "drivers": "driver",
    "externe_drivers": "extern",
    "aandachtspunten": "aandachtspunt",
    "spanningen": "spanning",
    "maatschappelijke_waarde": "meerwaarde",
    "bouwblokken": "bouwblok",
}


@dataclass(frozen=True)
class Mention:
    case: Case
    text: str | None
    extra: str | None = None  # e.g. the role of a driver or the score of a value


def concept_path(vocabulary: str, code: str) -> str:
    return f"begrippen/{CONCEPTS[vocabulary]}-{code.lower()}.md"


def mentions(case: Case, vocabulary: str, code: str) -> list[Mention]:
    """Where one case speaks of one code, with its own line about it."""
    found: list[Mention] = []
    if vocabulary == "drivers":
        found += [Mention(case, d.tekst, d.rol) for d in case.drivers if d.code == code]
    elif vocabulary == "externe_drivers":
        found += [Mention(case, d.tekst, d.rol) for d in case.externe_drivers if d.code == code]
    elif vocabulary == "aandachtspunten":
        found += [Mention(case, a.tekst) for a in case.aandachtspunten if a.code == code]
    elif vocabulary == "spanningen":
        found += [Mention(case, s.tekst) for s in case.spanningen if s.code == code]
    elif vocabulary == "maatschappelijke_waarde" and case.output:
        found += [Mention(case, w.tekst, w.score) for w in case.output.maatschappelijke_waarde if w.code == code]
    elif vocabulary == "bouwblokken" and case.katapult:
        found += [Mention(case, b.tekst) for b in case.katapult.bouwblokken if b.code == code]
    return found


def _codes(case: Case, vocabulary: str) -> set[str]:
    """The codes of vocabulary that case mentions (one pass over the case; see mentions)."""
    if vocabulary == "drivers":
        return {d.code for d in case.drivers}
    if vocabulary == "externe_drivers":
        return {d.code for d in case.externe_drivers}
    if vocabulary == "aandachtspunten":
        return {a.code for a in case.aandachtspunten}
    if vocabulary == "spanningen":
        return {s.code for s in case.spanningen}
    if vocabulary == "maatschappelijke_waarde":
        return {w.code for w in case.output.maatschappelijke_waarde} if case.output else set()
    if vocabulary == "bouwblokken":
        return {b.code for b in case.katapult.bouwblokken} if case.katapult else set()
    return set()


def concept_pages(framework: Framework, cases: tuple[Case, ...]) -> list[dict]:
    """One entry per concept page: vocabulary, item and the cases that mention it.

    Linear in the cases: each case is read once per vocabulary, not once per code."""
    pages = []
    for vocabulary in CONCEPTS:
        found_by_code: dict[str, list[Mention]] = {}
        steering_by_code: dict[str, list[Case]] = {}
        for case in cases:
            for code in sorted(_codes(case, vocabulary)):
                found_by_code.setdefault(code, []).extend(mentions(case, vocabulary, code))
            if vocabulary == "drivers":
                for code in dict.fromkeys(s.code for s in case.richtinggevend):
                    steering_by_code.setdefault(code, []).append(case)
        for item in framework.vocabularies[vocabulary].items:
            found = found_by_code.get(item.code, [])
            steering = steering_by_code.get(item.code, [])
            pages.append({"vocabulary": vocabulary, "item": item, "path": concept_path(vocabulary, item.code),
                          "mentions": found, "steering": steering})
    return pages


def filter_facets(case: Case) -> dict[str, list[str]]:
    """The codes the overview filter can select a case by (only validated codes and slugs)."""
    design = case.design
    return {
        "type": [case.type_code or "overig"],
        "provincie": list(case.provincies),
        "status": [case.status],
        "fase": [case.fase.code] if case.fase else [],
        "hoofdvorm": [design.hoofdvorm] if design and design.hoofdvorm else [],
        "driver": sorted({d.code for d in case.drivers}),
        "meerwaarde": sorted({w.code for w in case.output.maatschappelijke_waarde}) if case.output else [],
        "bouwblok": sorted({b.code for b in case.katapult.bouwblokken}) if case.katapult else [],
    }


LIST_PAGE = 100  # rows per page of a list or comparison page; more cases go to further pages
TIMELINE_PAGE = 25  # cases per page of the drawn timelines (one drawing of at most 25 rows each; 300 KB a page)


def parts(cases: tuple, size: int | None = None) -> list[tuple]:
    """The cases (or mentions) of a list page split into pages of `size`, by default LIST_PAGE
    (always at least one, maybe empty)."""
    size = size or LIST_PAGE
    return [cases[i:i + size] for i in range(0, len(cases), size)] or [()]


def part_path(path: str, number: int) -> str:
    """Where page `number` (1-based) of the list page `path` is: next to it, so the page's relative
    links hold (casussen/index.md → casussen/pagina_2.md, vergelijken/thema.md →
    vergelijken/thema_2.md). A slug has no underscore, so no case page can take the name.
    Page 1 is the page itself."""
    if number == 1:
        return path
    if path.endswith("/index.md"):
        return f"{path.removesuffix('index.md')}pagina_{number}.md"
    return f"{path.removesuffix('.md')}_{number}.md"


FACETS = [("type", "typen", "Type"), ("provincie", "provincies", "Provincie"), ("status", "status", "Status"),
          ("fase", "fasen", "Fase"), ("hoofdvorm", "hoofdvormen", "Hoofdvorm"), ("driver", "drivers", "Driver"),
          ("meerwaarde", "maatschappelijke_waarde", "Maatschappelijke meerwaarde"), ("bouwblok", "bouwblokken", "Bouwblok")]


def filter_json(cases: tuple[Case, ...]) -> str:
    """JSON for a <script type="application/json"> block; `<` is escaped so it cannot end the block."""
    data = {case.slug: filter_facets(case) for case in cases}
    return json.dumps(data, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")


def facet_options(framework: Framework, cases: tuple[Case, ...]) -> list[dict]:
    """Each filter with its options (only codes some case has) and how many cases have each.

    A filter with fewer than two options is left out: it cannot narrow the list (Hoofdvorm,
    empty for every bundled case)."""
    result = []
    facets = [filter_facets(case) for case in cases]
    for key, vocabulary, title in FACETS:
        counts: dict[str, int] = {}
        for facet in facets:
            for code in facet[key]:
                counts[code] = counts.get(code, 0) + 1
        options = [{"code": item.code, "label": item.label, "count": counts[item.code]}
                   for item in framework.vocabularies[vocabulary].items if item.code in counts]
        if key == "type" and "overig" in counts:
            options.append({"code": "overig", "label": "Ander type", "count": counts["overig"]})
        if len(options) >= 2:
            result.append({"key": key, "title": title, "options": options})
    return result


def type_short(framework: Framework, case: Case) -> str:
    return case.type_code or framework.label("orientaties", case.type.orientatie)


def overview_cells(framework: Framework, case: Case) -> list[str]:
    """The short values of a case's row in the overview: name, schools, provinces, type, status, start."""
    return [case.naam, ", ".join(case.instellingen), ", ".join(framework.label("provincies", p) for p in case.provincies if p != "onbekend") or "–",
            type_short(framework, case), framework.label("status", case.status), str(case.startjaar or "")]


def overview_json(framework: Framework, cases: tuple[Case, ...], href) -> str:
    """Every row of the overview, for assets/filter.js when the list spans more than one page:
    cells as text (the script puts them in with textContent), the link and the filter codes."""
    rows = [{"href": str(href(case)), "cells": overview_cells(framework, case), "title": case.thema,
             "f": filter_facets(case)} for case in cases]
    return json.dumps({"rows": rows}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def years(cases: tuple[Case, ...]) -> list[int]:
    """The span of years the timelines cover, for one common time axis."""
    found = {int(event.datum[:4]) for case in cases for event in case.tijdlijn}
    found |= {case.startjaar for case in cases if case.startjaar}
    return list(range(min(found), max(found) + 1)) if found else []


def events_by_year(case: Case) -> dict[int, list]:
    result: dict[int, list] = {}
    if case.startjaar and not any(event.soort == "start" for event in case.tijdlijn):
        result.setdefault(case.startjaar, []).append(None)
    for event in case.tijdlijn:
        result.setdefault(int(event.datum[:4]), []).append(event)
    return result


def scores(case: Case) -> dict[str, str | None]:
    """Maatschappelijke meerwaarde by code → its score (None: named without one); first mention wins."""
    result: dict[str, str | None] = {}
    for value in case.output.maatschappelijke_waarde if case.output else []:
        result.setdefault(value.code, value.score)
    return result


def by_form(cases: tuple[Case, ...]) -> dict[str, list[Case]]:
    """Samenwerkingsvorm code → the cases of that form, in case order (every code present)."""
    result: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        for code in dict.fromkeys(case.katapult.vormen if case.katapult else []):
            result[code].append(case)
    return result


def first_sentence(text: str | None, limit: int = 220) -> str:
    """The first sentence of a text (at most `limit` characters, cut at a word), for examples."""
    if not text:
        return ""
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        if end in text:
            text = text[: text.index(end) + 1]
            break
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def _example(framework: Framework, case: Case, block: str) -> tuple[str, str] | None:
    """What one case says about one block of the redeneerlijn: (what, a sentence), or None."""
    if block == "aanleiding" and case.aanleiding:
        what = framework.label("aanleiding_soorten", case.aanleiding.soort) if case.aanleiding.soort else ""
        return what, first_sentence(case.aanleiding.tekst)
    if block == "doelen" and case.doelen and case.doelen.propositie:
        return "", first_sentence(case.doelen.propositie)
    if block == "drivers" and case.drivers:
        driver = case.drivers[0]
        return f"{driver.code} {framework.label('drivers', driver.code)}", first_sentence(driver.tekst)
    if block == "design" and case.design:
        design = case.design
        what = framework.label("formaliteit", design.formaliteit) if design.formaliteit else ""
        text = design.ontwerp or design.governance or design.passendheid
        return (what, first_sentence(text)) if text else None
    if block == "randvoorwaarden" and case.aandachtspunten:
        punt = case.aandachtspunten[0]
        return framework.label("aandachtspunten", punt.code), first_sentence(punt.tekst)
    if block == "output" and case.output:
        text = case.output.resultaten or case.output.ervaren_opbrengst or case.output.beoogd
        return ("", first_sentence(text)) if text else None
    return None


def block_examples(framework: Framework, cases: tuple[Case, ...], block: str, count: int = 4) -> list[dict]:
    """Up to `count` cases that show a block of the redeneerlijn, one of each type first, each
    with what it says about the block (for "Zo zie je dit in de casussen")."""
    found, seen_types = [], set()
    rest = []
    for case in cases:
        example = _example(framework, case, block)
        if not example or not example[1]:
            continue
        item = {"case": case, "what": example[0], "text": example[1]}
        kind = case.type_code or "overig"
        (rest if kind in seen_types else found).append(item)
        seen_types.add(kind)
        if len(found) >= count:
            break
    return (found + rest)[:count]


def _features(case: Case) -> dict[str, int]:
    """What two cases can share, with its weight for "Verwante casussen"."""
    features = {f"type:{case.type_code or case.type.orientatie + '/' + case.type.object}": 3}
    features.update({f"driver:{d.code}": 2 for d in case.drivers})
    features.update({f"bouwblok:{b.code}": 1 for b in (case.katapult.bouwblokken if case.katapult else [])})
    features.update({f"meerwaarde:{w.code}": 1 for w in (case.output.maatschappelijke_waarde if case.output else [])})
    features.update({f"provincie:{p}": 1 for p in case.provincies if p != "onbekend"})
    return features


def related_cases(cases: tuple[Case, ...], count: int = 3, memo: dict | None = None) -> dict[str, list[dict]]:
    """slug → up to `count` other cases that share the most with it (type, drivers, bouwblokken,
    meerwaarde, provincie; weighted), each with what they share. Ties: case order.

    memo (serve): the choice depends only on every case's features in case order, so an edit that
    leaves them alone (a text, a name) reuses the last choice instead of scoring all pairs again."""
    features = [_features(case) for case in cases]
    signature = (count, tuple(tuple(own) for own in features))  # a feature's weight follows from its name
    if memo is not None and memo.get("signature") == signature:
        picks = memo["picks"]
    else:
        picks = _pick_related(features, count)
        if memo is not None:
            memo.update(signature=signature, picks=picks)
    return {case.slug: [{"case": cases[other], "shared": _shared(features[index], features[other])} for other in picks[index]]
            for index, case in enumerate(cases)}


def _pick_related(features: list[dict[str, int]], count: int) -> list[list[int]]:
    """For each case, the indices of the `count` cases with the highest summed weight of shared
    features; linear in the pairs that share something, through an index of who has what."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(features):
        for name in own:
            holders[name].append(index)
    picks = []
    for index, own in enumerate(features):
        score: dict[int, int] = defaultdict(int)
        for name, weight in own.items():
            for other in holders[name]:
                score[other] += weight
        score.pop(index, None)
        picks.append([other for other, _ in sorted(score.items(), key=lambda item: (-item[1], item[0]))[:count]])
    return picks


def _shared(mine: dict[str, int], theirs: dict[str, int]) -> dict[str, list[str]]:
    shared: dict[str, list[str]] = defaultdict(list)
    for name in mine:
        if name in theirs:
            kind, code = name.split(":", 1)
            shared[kind].append(code)
    return dict(shared)


def neighbours(cases: tuple[Case, ...]) -> dict[str, tuple[Case | None, Case | None]]:
    """slug → (previous case, next case) in the order of the overview."""
    return {case.slug: (cases[i - 1] if i > 0 else None, cases[i + 1] if i + 1 < len(cases) else None)
            for i, case in enumerate(cases)}
