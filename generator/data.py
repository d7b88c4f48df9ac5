"""Open data: every case as one JSON file and one CSV file, generated from the validated model."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from generator.model import Case

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def case_record(case: Case) -> dict[str, Any]:
    """The case as plain data, with the derived type code and its URL on the site."""
    record = case.model_dump(mode="json")
    record["type_code"] = case.type_code
    record["url"] = f"casussen/{case.slug}/"
    return record


@dataclass(frozen=True)
class CaseData:
    """One case as it appears in the open-data files: its JSON object and its flat CSV row."""

    json: str
    row: dict[str, str]
    lines: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False)  # CSV line by columns

    def csv_line(self, columns: tuple[str, ...]) -> str:
        line = self.lines.get(columns)
        if line is None:
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow([_safe_cell(self.row.get(key, "")) for key in columns])
            self.lines.clear()
            line = self.lines[columns] = out.getvalue()
        return line


def case_data(case: Case) -> CaseData:
    record = case_record(case)
    row: dict[str, str] = {}
    _flatten(record, "", row)
    return CaseData(json.dumps(record, ensure_ascii=False, sort_keys=True), row)


def cases_json(parts: list[CaseData]) -> str:
    """One JSON array, as json.dumps(list) writes it (json's C encoder: no indent)."""
    return "[" + ", ".join(part.json for part in parts) + "]\n"


def _flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    if isinstance(value, dict):
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


def cases_csv(cases: list[Case] | tuple[Case, ...], parts: list[CaseData]) -> str:
    """One row per case; nested objects become dotted columns, lists of objects JSON cells."""
    columns = {key: index for index, key in enumerate(case_record(cases[0]))} if cases else {}
    ordered = sorted({key for part in parts for key in part.row}, key=lambda key: (columns.get(key.split(".")[0], 99), key))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(ordered)
    columns = tuple(ordered)
    return out.getvalue() + "".join(part.csv_line(columns) for part in parts)


def data_files(cases: list[Case] | tuple[Case, ...], parts: list[CaseData] | None = None) -> dict[str, str]:
    """The downloadable files, by their path in the site; parts: case_data of each case, if known."""
    parts = [case_data(case) for case in cases] if parts is None else parts
    return {"data/casussen.json": cases_json(parts), "data/casussen.csv": cases_csv(cases, parts)}
