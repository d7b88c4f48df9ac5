"""A site built from a case whose every string is a payload holds no live payload."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.build import build_site
from hostile import write_hostile_case
from htmltext import main_content, parse, text_of

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import make_project

    root = make_project(tmp_path_factory.mktemp("hostile") / "project", cases=False)
    write_hostile_case(root / "cases")
    build_site(root)
    return root


def test_case_page_has_no_live_payload(hostile_site: Path) -> None:
    html = main_content((hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8"))
    doc = parse(html)
    tags = {tag for tag, _ in doc.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "image", "foreignobject", "table_"}
    for tag, attrs in doc.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "xlink:href"):
            assert not (attrs.get(name) or "").lower().lstrip().startswith(("javascript:", "data:")), (tag, attrs)
    text = text_of(html)
    assert "<script>alert('x')</script>" in text, "the payload is shown as text"
    assert "[klik](javascript:alert(3))" in text
    assert "{{ 7*7 }}" in text and "49" not in text
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\0"
    # as a word of its own: a short host name ("vm") is also part of the site address (hsvmbo)
    assert not re.search(rf"(?<![\w.-]){re.escape(hostname)}(?![\w.-])", text.replace("--8<-- \"/etc/hostname\"", ""))


def test_case_page_html_bodies_add_no_elements(hostile_site: Path) -> None:
    """The case page bodies are raw HTML blocks written by the template: hostile text there adds no
    element beyond the template's own (and <abbr> for known abbreviations)."""
    html = main_content((hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8"))
    start, end = html.index("<svg"), html.index("</svg>") + 6
    tags = {tag for tag, _ in parse(html[:start] + html[end:]).tags}
    assert tags <= {"h1", "h2", "h3", "a", "p", "strong", "em", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
                    "abbr", "figure", "figcaption", "article", "small", "span"}, tags
    text = text_of(html)
    assert "{{ config }} {% raw %} {#" in text and "**vet**{: onclick=\"alert(4)\" }" in text
    assert "\\*" not in text and "\\[" not in text, "Markdown escapes must not show in the HTML bodies"


def test_only_the_generator_links_out(hostile_site: Path) -> None:
    html = main_content((hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8"))
    hrefs = [attrs["href"] for tag, attrs in parse(html).tags if tag == "a" and attrs.get("href")]
    external = [href for href in hrefs if href.startswith(("http:", "https:", "mailto:", "//"))]
    assert external == ["https://example.org/pad?q=a&b=c"]


def test_overview_row_stays_one_row(hostile_site: Path) -> None:
    html = main_content((hostile_site / "site/casussen/index.html").read_text(encoding="utf-8"))
    rows = [tag for tag, _ in parse(html).tags if tag == "tr"]
    assert len(rows) == 2  # header and the one case


def test_praatplaat_svg_is_inert_and_shows_the_text(hostile_site: Path) -> None:
    html = (hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8")
    start = html.index('<svg role="img"')
    svg = html[start: html.index("</svg>", start) + 6]
    root = ET.fromstring(svg)
    names = {element.tag.replace(SVG, "") for element in root.iter()}
    assert not names & {"script", "image", "a", "foreignObject"}
    for element in root.iter():
        assert not [key for key in element.attrib if key.lower().startswith("on") or key.endswith("href")]
    text = "".join(t.text or "" for t in root.iter(f"{SVG}text")).replace("\u2060", "")
    assert "Praatplaat:" in text and "script" in text


def test_praatplaat_template_syntax_stays_text(hostile_site: Path) -> None:
    """The theme override includes the SVG as a Jinja template: braces must arrive as text."""
    staged = (hostile_site / "build/docs/_theme/later/casussen/vijandig.html").read_text(encoding="utf-8")
    assert "{" not in staged and "}" not in staged and "<svg" in staged
    html = (hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8")
    start = html.index('<svg role="img"')
    root = ET.fromstring(html[start: html.index("</svg>", start) + 6])
    text = " ".join(" ".join(t.text or "" for t in root.iter(f"{SVG}text")).replace("\u2060", "").split())
    assert "Praatplaat: {{ config }} {% raw %} {#" in text
    assert "site_name" not in text


def test_section_bodies_keep_template_syntax_as_text(hostile_site: Path) -> None:
    """The theme override includes the case page section bodies as a Jinja template too."""
    staged = (hostile_site / "build/docs/_theme/later/casussen/vijandig.html").read_text(encoding="utf-8")
    assert "{" not in staged and "}" not in staged and "<!-- later -->" in staged
    html = main_content((hostile_site / "site/casussen/vijandig/index.html").read_text(encoding="utf-8"))
    bodies = text_of(html[html.index('id="1-aanleiding"'):])
    assert "{{ config }} {% raw %} {#" in bodies and "{{ 7*7 }} {% raw %}" in bodies and "site_name" not in bodies
    assert "later -->" not in html, "every marker was replaced"


def test_praatplaat_pdf_is_one_page_without_images(hostile_site: Path) -> None:
    from pypdf import PdfReader

    data = (hostile_site / "site/praatplaten/vijandig.pdf").read_bytes()
    assert len(PdfReader(__import__("io").BytesIO(data)).pages) == 1
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data
