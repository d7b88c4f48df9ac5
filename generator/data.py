"""Open data: every case as one JSON file and one CSV file, generated from the validated model.

Both files are written case by case (`write_json`, `write_csv`), so their size never sits in
memory at once. The CSV columns come from the model, not from the data: every field, nested
objects as dotted columns, in model order, so a column does not vanish when no case fills it.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from pydantic import BaseModel

from generator.model import Case

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
JSON_PATH, CSV_PATH = "data/casussen.json", "data/casussen.csv"
DERIVED = ("type_code", "url")  # added to every record by case_record


def case_record(case: Case) -> dict[str, Any]:
    """The case as plain data, with the derived type code and its URL on the site."""
    record = case.model_dump(mode="json")
    record["type_code"] = case.type_code
    record["url"] = f"casussen/{case.slug}/"
    return record


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a field that holds one object (optionally None); lists stay one column."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


def _columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    columns = []
    for name, info in model.model_fields.items():
        key = f"{prefix}.{name}" if prefix else name
        nested = _nested_model(info.annotation)
        columns.extend(_columns(nested, key) if nested else [key])
    return columns


COLUMNS = tuple(_columns(Case)) + DERIVED
_TEXT_COLUMNS = frozenset(COLUMNS)  # a dict at a column's own path is a text with sources


@dataclass(frozen=True)
class CaseData:
    """One case as it appears in the open-data files: its JSON object and its CSV line."""

    json: str
    csv: str


def case_data(case: Case) -> CaseData:
    record = case_record(case)
    row: dict[str, str] = {}
    _flatten(record, "", row)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([_safe_cell(row.get(key, "")) for key in COLUMNS])
    return CaseData(json.dumps(record, ensure_ascii=False, sort_keys=True), out.getvalue())


def _flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    if isinstance(value, dict) and prefix in _TEXT_COLUMNS:
        # a text with sources ({tekst, bronnen, redactie}): the CSV cell holds the text; the JSON
        # file holds its sources
        row[prefix] = str(value.get("tekst", ""))
    elif isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else key, row)
    elif isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            row[prefix] = "; ".join("" if item is None else str(item) for item in value)
        else:
            row[prefix] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        row[prefix] = "" if value is None else str(value)


def _safe_cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading quote stops that."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _header() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(COLUMNS)
    return out.getvalue()


def write_json(parts: Iterable[CaseData], out: BinaryIO) -> None:
    """One JSON array, as json.dumps(list) writes it, one case at a time."""
    out.write(b"[")
    for index, part in enumerate(parts):
        out.write((", " if index else "").encode() + part.json.encode("utf-8"))
    out.write(b"]\n")


def write_csv(parts: Iterable[CaseData], out: BinaryIO) -> None:
    """One row per case; nested objects become dotted columns, lists of objects JSON cells."""
    out.write(_header().encode("utf-8"))
    for part in parts:
        out.write(part.csv.encode("utf-8"))


def data_writers(cases: Iterable[Case]) -> list[tuple[str, Callable[[BinaryIO], None]]]:
    """Writers for both files that dump each case once and hold none of it in memory: the JSON
    writer also spools the CSV rows to a temporary file, which the CSV writer then copies. Run
    them in the order given."""
    spool = tempfile.TemporaryFile()

    def json_and_spool(out: BinaryIO) -> None:
        def parts() -> Iterator[CaseData]:
            for case in cases:
                part = case_data(case)
                spool.write(part.csv.encode("utf-8"))
                yield part
        write_json(parts(), out)

    def csv_from_spool(out: BinaryIO) -> None:
        with spool:
            out.write(_header().encode("utf-8"))
            spool.seek(0)
            shutil.copyfileobj(spool, out)

    return [(JSON_PATH, json_and_spool), (CSV_PATH, csv_from_spool)]
