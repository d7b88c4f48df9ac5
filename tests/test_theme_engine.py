"""The theme override is engine-neutral: with a `split` filter (MiniJinja, Zensical's engine) it
calls no Python string method; without one (Jinja2, MkDocs) it gives the same output."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment, SecurityError

ROOT = Path(__file__).resolve().parent.parent
MAIN = (ROOT / "generator" / "templates" / "theme" / "main.html").read_text(encoding="utf-8")
BASE = "<main>{% block content %}<p>A</p><!-- later --><p>B</p><!-- later --><p>C</p>{% endblock %}</main>"
LATER = "<svg>1</svg><!-- later --><div>2</div>"
EXPECTED = "<main><p>A</p><svg>1</svg><p>B</p><div>2</div><p>C</p></main>"


class NoStringMethods(SandboxedEnvironment):
    """Like MiniJinja without pycompat: a string has no attributes, so `text.split(…)` fails."""

    def getattr(self, obj, attribute):  # noqa: A003 (Jinja's name)
        if isinstance(obj, str):
            raise SecurityError(f"string method {attribute!r} called")
        return super().getattr(obj, attribute)


def render(environment: jinja2.Environment, meta: dict) -> str:
    return environment.get_template("main.html").render(page={"meta": meta})


def loader() -> jinja2.DictLoader:
    return jinja2.DictLoader({"main.html": MAIN, "base.html": BASE, "later/x.html": LATER})


def test_under_jinja2_without_a_split_filter() -> None:
    assert render(jinja2.Environment(loader=loader()), {"later": "x"}) == EXPECTED


def test_with_a_split_filter_no_string_method_is_called() -> None:
    environment = NoStringMethods(loader=loader())
    environment.filters["split"] = lambda text, separator: str(text).split(separator)
    assert render(environment, {"later": "x"}) == EXPECTED


def test_the_sandbox_does_catch_a_string_method() -> None:
    environment = NoStringMethods(loader=loader())  # no split filter: the Jinja2 branch must fail here
    with pytest.raises(SecurityError):
        render(environment, {"later": "x"})


def test_a_page_without_later_is_left_as_is() -> None:
    assert render(jinja2.Environment(loader=loader()), {}) == "<main><p>A</p><!-- later --><p>B</p><!-- later --><p>C</p></main>"
