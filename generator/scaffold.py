"""`new-case`: write cases/<slug>.yml from a commented template, never over an existing file."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from generator.errors import Diagnostic, InputError
from generator.model import WINDOWS_RESERVED
from generator.messages import t

TEMPLATE = Path(__file__).parent / "templates" / "nieuwe-casus.yml.tmpl"


def slugify(name: str) -> str:
    """'Food Academy Nijkerk' → 'food-academy-nijkerk' (ASCII, at most 63 characters)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:63].rstrip("-")
    if not slug or slug in WINDOWS_RESERVED:
        raise InputError([Diagnostic("new-case", 1, 1, "naam", t("no_file_name", name=name[:60]))])
    return slug


def new_case(root: Path, name: str) -> Path:
    """Write the template for `name`; refuse if the file exists. Returns the new path."""
    from generator.content import load_framework
    from generator.reserved import reserved_message, reserved_slugs

    name = " ".join(name.split())
    slug = slugify(name)
    reserved = reserved_slugs(root, load_framework(root))
    if slug in reserved:
        raise InputError([Diagnostic("new-case", 1, 1, "naam", reserved_message(slug, reserved), limit=2000)])
    target = root / "cases" / f"{slug}.yml"
    if target.exists() or target.is_symlink():
        raise InputError([Diagnostic(f"cases/{slug}.yml", 1, 1, "", t("file_exists"))])
    # The name goes in as a YAML scalar written by the YAML library, never by string formatting.
    naam = yaml.safe_dump(name, allow_unicode=True, default_style='"').strip().removesuffix("...").strip()
    text = TEMPLATE.read_text(encoding="utf-8").replace("__NAAM__", naam).replace("__SLUG__", slug)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return target
