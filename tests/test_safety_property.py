"""Issue #11, property: a generated or mutated case file either fails `validate` (located, no
traceback) or builds. `validate` and `build` share one door, so there is nothing in between."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_site, generate
from generator.cli import main
from generator.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (ROOT / "cases" / "food-academy-nijkerk.yml").read_text(encoding="utf-8")
NAME = "food-academy-nijkerk.yml"

# Text with everything a contributor (or attacker) can type or escape: controls, bidi, combining
# marks, noncharacters, markup and template syntax, the theme's own marker.
HOSTILE_BITS = ["<!-- later -->", "</title><script>alert(1)</script>", '" onmouseover="alert(1)', "{{ 7*7 }}", "{% raw %}",
                "[x](javascript:y)", "\\", "\u202e", "\u2066", "\u061c", "\x01", "\x85", "\ufffe", "\uffff", "\u0301" * 6,
                "e\u0301", "🎉", "~", "null", "", " ", "x" * 300, "١٢٣", "https://.", "2021-13-01", "-->", "]]>", "&amp;"]
TEXT = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.sampled_from(HOSTILE_BITS),
                 st.lists(st.sampled_from(HOSTILE_BITS), min_size=1, max_size=4).map("".join))


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))
    elif isinstance(node, str):
        yield prefix


def _set(node, path, value):
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import make_project

    return make_project(tmp_path_factory.mktemp("property") / "project", cases=False)


def _validate(root: Path, text: str, capsys: pytest.CaptureFixture[str]) -> int:
    for stale in ("site", "build"):
        shutil.rmtree(root / stale, ignore_errors=True)
    (root / "cases" / NAME).write_bytes(text.encode("utf-8", errors="surrogatepass"))
    status = main(["--root", str(root), "validate"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if status:
        assert err.startswith(f"cases/{NAME}:"), err
    return status


def _mutated(data: st.DataObject) -> str:
    document = yaml.safe_load(SOURCE)
    strings = [path for path in _paths(document) if path[-1] != "slug"]
    for _ in range(data.draw(st.integers(1, 5))):
        _set(document, data.draw(st.sampled_from(strings)), data.draw(TEXT))
    if data.draw(st.booleans()):  # YAML writes non-printables as escapes ("\x01", "\u202E")
        return yaml.safe_dump(document, allow_unicode=data.draw(st.booleans()), sort_keys=False)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    for _ in range(data.draw(st.integers(1, 4))):  # and raw edits of the text itself
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice(HOSTILE_BITS + [": ", "\n- ", "'", '"', "\t"]) + text[at:]
    return text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_validate_accepts_only_what_the_generator_builds(workspace: Path, capsys: pytest.CaptureFixture[str], data: st.DataObject) -> None:
    text = _mutated(data)
    if _validate(workspace, text, capsys) == 0:
        try:
            files = generate(workspace)
        except InputError as err:  # pragma: no cover - the failure message shows what slipped through
            pytest.fail(f"validate accepted what the build refuses: {err}")
        assert f"casussen/{NAME[:-4]}.md" in files


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_accepted_case_builds_the_whole_site(workspace: Path, capsys: pytest.CaptureFixture[str], data: st.DataObject) -> None:
    """The whole build, MkDocs --strict included, on valid texts that look like markup or syntax:
    accepted by validate (asserted), so the build must succeed."""
    document = yaml.safe_load(SOURCE)
    texts = [path for path in _paths(document)  # free text: not codes, dates, links, source references or short figures
             if " " in _get(document, path) and "bronnen" not in path and path[-1] != "waarde"]
    for path in data.draw(st.lists(st.sampled_from(texts), min_size=3, max_size=8)):
        _set(document, path, data.draw(st.sampled_from(VALID_BITS)))
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    assert _validate(workspace, text, capsys) == 0
    build_site(workspace)
    assert (workspace / "site" / "casussen" / NAME[:-4] / "index.html").is_file()


VALID_BITS = ["<!-- later -->", "</title><script>alert(1)</script>", '" onmouseover="alert(1)', "{{ 7*7 }} {% raw %}",
              "[x](javascript:y)", "a \\", "Cafe\u0301 🎉", "--> ]]> &amp;"]


def _get(node, path):
    for part in path:
        node = node[part]
    return node
