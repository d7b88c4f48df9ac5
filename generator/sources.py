"""Source references of a case: every text item's `bronnen` must name a part of the report listed
in content/bronverwijzingen.yml, or one of the case's own sources (a `sectie` under `bronnen`).

The model already refuses unknown report references (§, tabel, figuur …) field by field; this
check, run after the model, handles the other names, which only the whole case can judge.
"""
from __future__ import annotations

import difflib
from typing import Any

from generator.errors import Diagnostic, format_path
from generator.load import Document
from generator.model import SOURCES_VOCABULARY, Case


def own_sources(case: Case) -> list[str]:
    return [bron.sectie for bron in case.bronnen]


def item_references(data: Any, parts: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, reference) for every entry of an item-level `bronnen:` list (lists of text)."""
    found: list[tuple[tuple, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "bronnen" and parts and isinstance(value, list):
                found += [(parts + (key, index), ref) for index, ref in enumerate(value) if isinstance(ref, str)]
            else:
                found += item_references(value, parts + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += item_references(value, parts + (index,))
    return found


def source_problems(case: Case, document: Document, codes: dict[str, list[str]]) -> list[Diagnostic]:
    known = codes.get(SOURCES_VOCABULARY)
    if known is None:
        return []
    own = own_sources(case)
    problems = []
    for parts, ref in item_references(document.data):
        ref = ref.strip()
        if ref in known or ref in own:
            continue
        near = difflib.get_close_matches(ref, known + own, n=3, cutoff=0.6)
        hint = f" Bedoelt u {' of '.join(repr(n) for n in near)}?" if near else ""
        problems.append(Diagnostic(document.path, *document.position(parts), format_path(parts),
                                   f"onbekende bron '{ref[:60]}': noem een paragraaf, tabel of figuur uit content/bronverwijzingen.yml, "
                                   f"of zet deze bron eerst onder `bronnen:` van de casus (als `- sectie: {ref[:60]}`).{hint}"))
    return problems
