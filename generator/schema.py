"""The published JSON Schema of a case file, generated from the model and the vocabulary.

Editors read it through the first line of every case file
(`# yaml-language-server: $schema=../schema/case.schema.json`) to complete and check fields.
A test fails when the committed schema/case.schema.json is stale.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.content import Framework, load_framework
from generator.model import REPORT_REFERENCE, SOURCES_VOCABULARY, Case

SCHEMA_PATH = Path("schema/case.schema.json")


def _add_enums(node: Any, codes: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        vocabulary = node.pop("x-vocabulary", None)
        if vocabulary:
            node["enum"] = codes[vocabulary]
        if node.pop("x-bronverwijzing", None):
            _source_reference(node, codes[SOURCES_VOCABULARY])
        for value in node.values():
            _add_enums(value, codes)
    elif isinstance(node, list):
        for value in node:
            _add_enums(value, codes)


def _source_reference(node: dict[str, Any], known: list[str]) -> None:
    """A report reference from the list (editors complete them), or the name of an own source."""
    own = {"type": "string", "not": {"pattern": "^(?i:" + REPORT_REFERENCE.pattern + ")"}}
    node["anyOf"] = [{"enum": known}, own]


def case_schema(framework: Framework) -> dict[str, Any]:
    schema = Case.model_json_schema()
    _add_enums(schema, framework.codes())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://hsvmbo.example.org/schema/case.schema.json"
    schema["properties"]["slug"]["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$"
    return schema


def schema_json(framework: Framework) -> str:
    """The schema as the text that is committed and served."""
    return json.dumps(case_schema(framework), indent=2, ensure_ascii=False) + "\n"


def schema_text(root: Path) -> str:
    return schema_json(load_framework(root))


def write_schema(root: Path) -> Path:
    path = root / SCHEMA_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(schema_text(root), encoding="utf-8")
    return path
