"""The cross-case pages: links in their raw HTML blocks, and the abbreviations a page gets."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.escape import HtmlText
from generator.pages import abbreviations, href

text_html = HtmlText({}).inline  # the `h` filter, without abbreviations


@pytest.mark.parametrize("here, target, fragment, site, offline", [
    ("casussen/index.md", "casussen/x.md", "", "x/", "x.html"),
    ("vergelijken/thema.md", "casussen/x.md", "tijdlijn", "../../casussen/x/#tijdlijn", "../casussen/x.html#tijdlijn"),
    ("praatplaten.md", "casussen/x.md", "praatplaat", "../casussen/x/#praatplaat", "casussen/x.html#praatplaat"),
    ("praatplaten.md", "praatplaten/x.pdf", "", "x.pdf", "praatplaten/x.pdf"),
    ("begrippen/driver-a.md", "begrippen/index.md", "", "../", "index.html"),
    ("vergelijken/bouwblokken.md", "begrippen/bouwblok-b.md", "", "../../begrippen/bouwblok-b/", "../begrippen/bouwblok-b.html"),
])
def test_href_matches_mkdocs_urls(here: str, target: str, fragment: str, site: str, offline: str) -> None:
    assert href(here, target, fragment, directory_urls=True) == site
    assert href(here, target, fragment, directory_urls=False) == offline


def test_text_html_is_inert_one_line_text() -> None:
    assert text_html("<script>alert('x')</script>\n\n[a](javascript:b) \x02wzxhzdk:0\x03") == \
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; [a](javascript:b) wzxhzdk:0"
    with pytest.raises(ValueError):
        text_html(None)


def _framework(*terms: str) -> SimpleNamespace:
    items = [SimpleNamespace(term=term, uitleg=f"uitleg {term}") for term in terms]
    return SimpleNamespace(afkortingen=SimpleNamespace(afkortingen=items))


def test_only_the_abbreviations_a_page_uses_are_appended() -> None:
    framework = _framework("RIF", "O&O", "DUS-I", "aoc", "ROC", "MKB")
    text = "Een RIF-project met O&amp;O en DUS\\-I, geen RIFF of xaoc; MKB"
    assert abbreviations(framework, text) == "\n\n*[RIF]: uitleg RIF\n*[O&O]: uitleg O&O\n*[DUS-I]: uitleg DUS-I\n*[MKB]: uitleg MKB\n"
    assert abbreviations(framework, "xROC ROCx") == ""
