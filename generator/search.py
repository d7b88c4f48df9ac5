"""The search index, built from the finished HTML after MkDocs ran (so it sees every word,
including what the theme put back after Markdown) and before the new site is swapped in: a
failed index is a failed build.

    index_site(site_dir)     → Pagefind (site/pagefind/): Dutch stemming, loaded in small chunks
    index_offline(site_dir)  → search/zoekindex.js for the offline bundle opened from file://,
                               where Pagefind cannot load its files; the page script searches it
                               with lunr and its Dutch stemmer
    synonyms_js(framework)   → assets/synoniemen.js: content/synoniemen.yml for the page script

Both indexes read the same part of each page (ROOT) and skip the same chrome (EXCLUDE), and split
a page into sections at every heading with an id, so a result names the page and the section
("Food Academy Nijkerk › 3. Drivers") and links to its anchor.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from generator.children import die_with_parent
from generator.content import Framework
from generator.errors import BuildError
from generator.messages import t

ROOT = "article.md-content__inner"  # the page's article: no header, navigation or footer
# Chrome that is not text to find: permalink signs, the overview's filters, the praatplaat SVG
# (its words are the page's own), interactive parts hidden until script runs, and tables that
# repeat what the case pages say.
EXCLUDE = (".headerlink", "form", "figure.praatplaat", "[hidden]", "table[data-search-exclude]", "[data-pagefind-ignore]")
OFFLINE_INDEX = "search/zoekindex.js"


def index_site(site_dir: Path) -> str:
    """Run Pagefind (the binary from the pagefind[bin] wheel) over site_dir; return its summary."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "nl",
               "--root-selector", ROOT, "--exclude-selectors", ", ".join(EXCLUDE)]
    env = {**os.environ, "NO_COLOR": "1"}
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env, preexec_fn=die_with_parent)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise BuildError(t("pagefind_could_not_run", detail=err)) from None
    output = result.stdout + result.stderr
    pages = re.search(r"Indexed (\d+) pages?", output)
    if result.returncode != 0 or not pages or int(pages.group(1)) == 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise BuildError(t("pagefind_failed", code=result.returncode, detail=output[-2000:]))
    return f"{pages.group(1)} pages"


# --- the offline index -----------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP_ALWAYS = {"script", "style", "template", "svg"}
_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"}


def _matches(selector: str, tag: str, attrs: dict[str, str | None]) -> bool:
    """The small part of CSS that EXCLUDE and ROOT use: tag, .class and [attribute], combined."""
    match = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[\w-]+\])*)", selector.strip())
    if not match:
        raise ValueError(f"unsupported selector {selector!r}")
    name, classes, attributes = match.groups()
    have = set((attrs.get("class") or "").split())
    return ((not name or name == tag)
            and all(cls in have for cls in classes.split(".")[1:])
            and all(attr in attrs for attr in re.findall(r"\[([\w-]+)\]", attributes)))


@dataclass
class Section:
    anchor: str
    title: str
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    """The sections of one page's ROOT element, without EXCLUDE, as text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, is root, is skipped)
        self.in_root = self.skipping = 0
        self.heading: tuple[str, list[str]] | None = None  # (anchor, its text) while inside a heading
        self.sections: list[Section] = [Section("", "")]

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        root = not self.in_root and _matches(ROOT, tag, attrs)
        skip = bool(self.in_root or root) and (tag in _SKIP_ALWAYS or any(_matches(s, tag, attrs) for s in EXCLUDE))
        if tag in _VOID:
            self._space(tag)
            return
        self.stack.append((tag, root, skip))
        self.in_root += root
        self.skipping += skip
        if self.in_root and not self.skipping and tag in _HEADINGS and tag != "h1" and attrs.get("id"):
            self.heading = (attrs["id"] or "", [])
        self._space(tag)

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self._space(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, root, skip = self.stack.pop()
            self.in_root -= root
            self.skipping -= skip
            if open_tag in _HEADINGS and self.heading and not self.skipping:
                anchor, words = self.heading
                self.sections.append(Section(anchor, _clean(" ".join(words))))
                self.heading = None
            if open_tag == tag:
                break
        self._space(tag)

    def handle_data(self, data: str) -> None:
        if not self.in_root or self.skipping:
            return
        if self.heading:
            self.heading[1].append(data)
        elif any(tag == "h1" for tag, _, _ in self.stack) and len(self.sections) == 1:
            self.sections[0].title += data
        else:
            self.sections[-1].text.append(data)

    def _space(self, tag: str) -> None:
        if tag not in _INLINE and self.in_root and not self.skipping and not self.heading:
            self.sections[-1].text.append(" ")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_sections(html: str) -> tuple[str, list[Section]]:
    """The title (the first h1) and the sections of one built page."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    sections = [Section(s.anchor, _clean(s.title), [_clean("".join(s.text))]) for s in reader.sections]
    return sections[0].title, [s for s in sections if s.text[0] or s.anchor]


def index_offline(site_dir: Path) -> int:
    """Write search/zoekindex.js (one record per section) for the offline bundle; return its size."""
    records = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative == "404.html" or relative.startswith(("assets/", "search/")):
            continue
        title, sections = page_sections(path.read_text(encoding="utf-8"))
        if not title:
            continue
        for section in sections:
            records.append({"u": relative + (f"#{section.anchor}" if section.anchor else ""), "p": title,
                            "s": section.title, "x": section.text[0]})
    if not records:
        raise BuildError(t("offline_index_empty"))
    # a script, not JSON: a page opened from file:// may load scripts but not fetch files
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    text = f"window.__zoekIndex = {data};\n"
    target = site_dir / OFFLINE_INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def synonyms_js(framework: Framework) -> bytes:
    """content/synoniemen.yml as a script that sets window.__zoekSynoniemen (lists of lowercase words)."""
    groups = [[word.lower() for word in group.woorden] for group in framework.synoniemen.groepen]
    data = json.dumps(groups, ensure_ascii=True).replace("</", "<\\/")
    return f"window.__zoekSynoniemen = {data};\n".encode("utf-8")
