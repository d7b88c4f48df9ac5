"""The names the generator itself gives to pages, PDFs and folders, which no case slug may take.

Derived from the generator, not kept by hand: the staging folder is listed as a build with no
cases would write it (pages, praatplaten of the framework, open data, theme, schema, static
pages), and every folder name and file stem in it that has the form of a slug is reserved.
A case with such a slug would replace or shadow one of those files (`redeneerlijn` the blank
praatplaat, `index` the overview page); the build refuses duplicate names as a second guard.
"""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from generator.model import SLUG_PATTERN
from generator.messages import t

_SLUG = re.compile(SLUG_PATTERN, re.ASCII)


_KNOWN: dict[tuple[Path, str], frozenset[str]] = {}


def reserved_slugs(root: Path, framework) -> frozenset[str]:
    """Every slug-shaped name in the paths the generator writes for this framework (kept per
    framework digest, so `serve` lists them again only when content/ changes)."""
    from generator.build import framework_digest, generated_paths  # the build imports the validator

    key = (root, framework_digest(root))
    if key not in _KNOWN:
        _KNOWN.clear()
        _KNOWN[key] = _names(generated_paths(root, framework))
    return _KNOWN[key]


def _names(paths) -> frozenset[str]:
    names = {"index"}
    for path in paths:
        parts = PurePosixPath(path).parts
        for part in parts[:-1]:
            names.add(part)
        stem = parts[-1].split(".", 1)[0]
        names.add(stem)
    return frozenset(name for name in names if _SLUG.fullmatch(name))


def reserved_message(slug: str, reserved: frozenset[str]) -> str:
    return t("reserved_slug", slug=slug, reserved=", ".join(sorted(reserved)))
