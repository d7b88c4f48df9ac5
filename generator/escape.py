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

LEADING_COLON = re.compile(r"^:")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class Md(str):
    """Markdown that the templates may emit as is: built by the generator, never by a contributor."""


@lru_cache(maxsize=4)
def markdown_extensions(config: Path) -> tuple[str, ...]:
    """The markdown_extensions named in mkdocs.yml (names only; options do not change escaping)."""
    from generator.siteconfig import config_loader  # mkdocs.yml may use MkDocs' `!ENV` (forks)

    data = yaml.load(config.read_text(encoding="utf-8"), Loader=config_loader())  # noqa: S506 (a SafeLoader)
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
        return Md("\n\n".join(self._escape(part) for part in paragraphs if part))

    def _escape(self, text: str) -> str:
        text = self.pattern.sub(lambda m: "\\" + m.group(), CONTROL.sub("", text))
        # def_list reads a paragraph that starts with ':' as a definition; `\:` is no Markdown escape
        return LEADING_COLON.sub("&#58;", html.escape(text, quote=True))


class HtmlText:
    """Contributor text as HTML for raw HTML blocks, where Markdown does nothing: HTML-escaped,
    with the site's abbreviations wrapped in <abbr title> as Markdown's abbr extension would."""

    def __init__(self, abbreviations: dict[str, str]):
        self.titles = {term: html.escape(title, quote=True) for term, title in abbreviations.items()}
        terms = sorted(abbreviations, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\b") if terms else None
        self._short: dict[str, Md] = {}  # names and labels recur on many pages; long texts do not

    def inline(self, text: object) -> Md:
        """One line: control characters dropped, whitespace collapsed, escaped, abbreviations marked."""
        if text is None:
            raise ValueError("a template printed a missing value (None); guard it with {% if %}")
        value = str(text)
        known = self._short.get(value)
        if known is None:
            known = Md(self._mark(" ".join(CONTROL.sub("", value).split())))
            if len(value) <= 160:
                self._short[value] = known
        return known

    def paragraphs(self, text: object) -> list[Md]:
        """Each paragraph (split at blank lines) as one escaped line; empty ones dropped."""
        parts = re.split(r"\n\s*\n", CONTROL.sub("", str(text)))
        return [Md(self._mark(" ".join(part.split()))) for part in parts if part.strip()]

    def terms_in(self, text: str) -> list[str]:
        return sorted({m.group() for m in self.pattern.finditer(text)}) if self.pattern else []

    def _mark(self, text: str) -> str:
        if not self.pattern or not self.pattern.search(text):
            return html.escape(text, quote=True)
        out, last = [], 0
        for m in self.pattern.finditer(text):
            out.append(html.escape(text[last:m.start()], quote=True))
            out.append(f'<abbr title="{self.titles[m.group()]}">{html.escape(m.group(), quote=True)}</abbr>')
            last = m.end()
        out.append(html.escape(text[last:], quote=True))
        return "".join(out)


def jinja_inert(text: str) -> str:
    """HTML that a Jinja theme template includes (and so parses as a template): every brace as a
    character reference, so no `{{`, `{%` or `{#` from contributor text reaches Jinja."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def link(text: str, url: str, escaper: Escaper) -> Md:
    """A link to a URL the model has already checked (http(s)/mailto, no quotes or spaces)."""
    return Md(f"[{escaper.inline(text)}](<{url}>)")
