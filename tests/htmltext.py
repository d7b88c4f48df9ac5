"""Small helpers to read built HTML the way a reader sees it (stdlib only)."""
from __future__ import annotations

from html.parser import HTMLParser


BREAKS = {"br", "td", "th", "p", "li", "tr", "div", "h1", "h2", "h3", "ul", "ol", "table"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in BREAKS:
            self.text.append(" ")
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("h1", "h2", "h3"):
            self._heading = []
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()).replace("¶", "").strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def text_of(html: str) -> str:
    return " ".join("".join(parse(html).text).split())


def main_content(html: str) -> str:
    """The article part of a Material page (what the generator wrote), without theme chrome."""
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start: html.index("</article>", start)]
