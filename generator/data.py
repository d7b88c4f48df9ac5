"""Open data: every case as one JSON file and one CSV file, generated from the validated model."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Case

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def case_record(case: Case) -> dict[str, Any]:
    """The case as plain data, with the derived type code and its URL on the site."""
    record = case.model_dump(mode="json")
    record["type_code"] = case.type_code
    record["url"] = f"casussen/{case.slug}/"
    return record


def cases_json(cases: list[Case] | tuple[Case, ...], records: list[dict[str, Any]] | None = None) -> str:
    """One JSON array (json's C encoder: no indent)."""
    records = [case_record(case) for case in cases] if records is None else records
    return json.dumps(records, ensure_ascii=False, sort_keys=True) + "\n"


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


def cases_csv(cases: list[Case] | tuple[Case, ...], records: list[dict[str, Any]] | None = None) -> str:
    """One row per case; nested objects become dotted columns, lists of objects JSON cells."""
    records = [case_record(case) for case in cases] if records is None else records
    rows = []
    for record in records:
        row: dict[str, str] = {}
        _flatten(record, "", row)
        rows.append(row)
    columns = {key: index for index, key in enumerate(records[0])} if records else {}
    ordered = sorted({key for row in rows for key in row}, key=lambda key: (columns.get(key.split(".")[0], 99), key))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ordered, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _safe_cell(row.get(key, "")) for key in ordered})
    return out.getvalue()


def data_files(cases: list[Case] | tuple[Case, ...]) -> dict[str, str]:
    """The downloadable files, by their path in the site."""
    records = [case_record(case) for case in cases]  # model_dump once per case, for both files
    return {"data/casussen.json": cases_json(cases, records), "data/casussen.csv": cases_csv(cases, records)}
