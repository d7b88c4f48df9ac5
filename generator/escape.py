"""Contributor text is data: turn it into Markdown that renders as exactly that text.

`html.escape` alone is not enough: `[x](javascript:…)` stays a live link and `{: onclick=…}`
an attribute under attr_list. So after escaping HTML, every character that the configured
Markdown extensions treat as syntax is backslash-escaped. The set comes from a Markdown
instance built with the same extensions as mkdocs.yml, minus whitespace (some extensions add
a space to it, and an escaped space renders as a non-breaking one).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

import markdown
import yaml

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class Md(str):
    """Markdown that the templates may emit as is: built by the generator, never by a contributor."""


@lru_cache(maxsize=4)
def markdown_extensions(config: Path) -> tuple[str, ...]:
    """The markdown_extensions named in mkdocs.yml (names only; options do not change escaping)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    names = []
    for entry in data.get("markdown_extensions", []):
        names.append(next(iter(entry)) if isinstance(entry, dict) else entry)
    return tuple(names)


@lru_cache(maxsize=4)
def escaped_chars(extensions: tuple[str, ...]) -> frozenset[str]:
    instance = markdown.Markdown(extensions=list(extensions))
    return frozenset(ch for ch in instance.ESCAPED_CHARS if not ch.isspace()) | frozenset("&<>\"'")


class Escaper:
    """Escapes text for the Markdown dialect that mkdocs.yml configures."""

    def __init__(self, extensions: tuple[str, ...]):
        self.chars = escaped_chars(extensions)
        self.pattern = re.compile("[" + re.escape("".join(sorted(self.chars - set("&<>\"'")))) + "]")

    def inline(self, text: str) -> Md:
        """One line of text: newlines collapse to spaces; safe in a paragraph, heading or table cell."""
        return Md(self._escape(" ".join(str(text).split())))

    def block(self, text: str) -> Md:
        """Text that may hold paragraphs: each paragraph escaped, blank lines kept between them."""
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", str(text))]
        # ':' is no Markdown escape, but a paragraph starting with it makes the one before a
        # definition term (def_list): start it with the character reference instead
        return Md("\n\n".join(re.sub("^:", "&#58;", self._escape(part)) for part in paragraphs if part))

    def _escape(self, text: str) -> str:
        text = self.pattern.sub(lambda m: "\\" + m.group(), CONTROL.sub("", text))
        return html.escape(text, quote=True)


def link(text: str, url: str, escaper: Escaper) -> Md:
    """A link to a URL the model has already checked (http(s)/mailto, no quotes or spaces)."""
    return Md(f"[{escaper.inline(text)}](<{url}>)")
