"""Property-based fuzzing: mutated case files never cause a traceback or a hang, in the
validator or in the generator stage of the build."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import load_framework
from generator.errors import InputError
from generator.load import load_text
from generator.validate import parse_case

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (ROOT / "cases" / "food-academy-nijkerk.yml").read_text(encoding="utf-8")
CODES = load_framework(ROOT).codes()
YAML_BITS = [":", "- ", "\n", "  ", "\t", "&a ", "*a", "!!str ", "{", "}", "[", "]", ",", "#", "|", ">", "'", '"', "\\", "?",
             "---\n", "...", "%YAML 1.1\n", "no", "010", "1:20", "2024-13-45", "\x00", "\u202e", "é", "🎉", "\r\n", "~", "null"]


def mutate(text: str, seed: int, edits: int) -> str:
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(edits):
        position = rng.randrange(len(chars) + 1)
        action = rng.random()
        if action < 0.4:
            chars[position:position] = list(rng.choice(YAML_BITS))
        elif action < 0.7 and chars:
            del chars[position: position + rng.randint(1, 8)]
        elif chars:
            start = rng.randrange(len(chars))
            chars[position:position] = chars[start: start + rng.randint(1, 30)]
    return "".join(chars)


def check_document(text: str) -> None:
    try:
        parse_case(load_text(text, "cases/food-academy-nijkerk.yml"), CODES)
    except InputError as err:
        assert err.diagnostics
        for diagnostic in err.diagnostics:
            assert diagnostic.line >= 1 and diagnostic.column >= 1 and diagnostic.message


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=12))
def test_text_mutations_only_raise_located_input_errors(seed: int, edits: int) -> None:
    check_document(mutate(SOURCE, seed, edits))


VALUES = st.one_of(st.none(), st.text(max_size=50), st.integers(), st.lists(st.text(max_size=10), max_size=3),
                   st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=2), st.sampled_from(["2e", "OCS", "++", "2021-02-30"]))


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


def replace_at(node, path, value):
    if not path:
        return value
    node[path[0]] = replace_at(node[path[0]], path[1:], value)
    return node


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_structure_mutations_only_raise_located_input_errors(data: st.DataObject) -> None:
    document = yaml.safe_load(SOURCE)
    all_paths = [p for p in paths(document) if p]
    for _ in range(data.draw(st.integers(1, 4))):
        all_paths = [p for p in paths(document) if p]
        path = data.draw(st.sampled_from(all_paths))
        document = replace_at(document, path, data.draw(VALUES))
    check_document(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_case_through_the_generator_stage(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    """The generator stage of the build (pages, praatplaten, data) on a mutated case: it either
    builds or stops with located input errors."""
    from conftest import make_project
    from generator.build import generate

    root = make_project(tmp_path_factory.mktemp("fuzz") / "p", cases=False)
    document = yaml.safe_load(SOURCE)
    rng = random.Random(seed)
    strings = [p for p in paths(document) if p and isinstance(_get(document, p), str) and p[-1] not in ("slug",)]
    for path in rng.sample(strings, k=min(6, len(strings))):
        replace_at(document, path, rng.choice(["<b>x</b>", "{{ 1 }}", "a\\", "\\N", "[x](javascript:y)", "é" * 150, "", "x" * 2100, "2e"]))
    (root / "cases" / "food-academy-nijkerk.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        files = generate(root)
        assert "casussen/food-academy-nijkerk.md" in files
    except InputError as err:
        assert all(d.line >= 1 for d in err.diagnostics)


def _get(node, path):
    for part in path:
        node = node[part]
    return node
