"""Contributor text through the Markdown escaper renders as exactly that text, never as markup."""
from __future__ import annotations

from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.escape import Escaper, HtmlText, markdown_extensions
from htmltext import parse

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = markdown_extensions(ROOT / "mkdocs.yml")
ESCAPER = Escaper(EXTENSIONS)
PAYLOADS = ["javascript:alert(1)", "{: onclick=x }", ":smile:", "[^1]", "*[HTML]: x", "==x==", "--8<-- \".env\"",
            "<script>", "](", "{{ 7*7 }}", "&amp;", "&#x27;", "<!--", "1. ", "# ", "| a |", "```", "    code", "\\"]
ALPHABET = st.sampled_from(list(" abc*_`[](){}<>#+-.!|\\:=~^&;'\"/\n") + PAYLOADS + ["RIF", "O&O"])
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


def render(text: str) -> str:
    return markdown.Markdown(extensions=list(EXTENSIONS)).convert(text)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_inline_text_is_one_paragraph_of_itself(text: str) -> None:
    expected = " ".join(text.split())
    html = render(ESCAPER.inline(text))
    tags = [tag for tag, _ in parse(html).tags]
    if expected:
        assert tags == ["p"], html
        assert " ".join("".join(parse(html).text).split()) == expected
    else:
        assert tags == []


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_block_text_keeps_paragraphs_and_nothing_else(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    html = render(ESCAPER.block(text))
    assert {tag for tag, _ in parse(html).tags} <= {"p"}, html


def test_known_payloads_stay_text() -> None:
    for payload, literal in [("[klik](javascript:alert(1))", "[klik](javascript:alert(1))"),
                             ('**b**{: onclick="alert(1)" }', '**b**{: onclick="alert(1)" }'),
                             ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
                             ('--8<-- "/etc/hostname"', '--8<-- "/etc/hostname"')]:
        html = render(ESCAPER.inline(payload))
        assert [tag for tag, _ in parse(html).tags] == ["p"]
        assert "".join(parse(html).text).strip() == literal


HTML_TEXT = HtmlText({"RIF": "Regionaal <b>Investeringsfonds</b>", "O&O": 'fonds "x"'})


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_html_text_in_a_raw_block_is_itself(text: str) -> None:
    """Case page bodies are raw HTML blocks: contributor text there is escaped HTML, and Markdown
    leaves it alone; the only element it may add is <abbr> for a known abbreviation."""
    expected = " ".join(text.split())
    html = render("<p>" + HTML_TEXT.inline(text) + "</p>\n\n<ul>\n<li>" + HTML_TEXT.inline(text) + "</li>\n</ul>")
    doc = parse(html)
    assert [tag for tag, _ in doc.tags if tag != "abbr"] == ["p", "ul", "li"], html
    assert all(attrs in ({"title": "Regionaal <b>Investeringsfonds</b>"}, {"title": 'fonds "x"'})
               for tag, attrs in doc.tags if tag == "abbr")
    assert " ".join("".join(doc.text).split()) == " ".join(f"{expected} {expected}".split())


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_html_paragraphs_are_paragraphs_of_text(parts: list[str]) -> None:
    html = render("\n\n".join(f"<p>{p}</p>" for p in HTML_TEXT.paragraphs("\n\n".join(parts))))
    assert {tag for tag, _ in parse(html).tags} <= {"p", "abbr"}, html


def test_html_text_marks_abbreviations_as_markdown_would() -> None:
    assert HTML_TEXT.inline("RIF-subsidie, O&O en RIFT") == (
        '<abbr title="Regionaal &lt;b&gt;Investeringsfonds&lt;/b&gt;">RIF</abbr>-subsidie, '
        '<abbr title="fonds &quot;x&quot;">O&amp;O</abbr> en RIFT')
