"""Open data as a described package: a Frictionless Data Package (`data/datapackage.json`).

Everything here is derived from the model and the framework, never kept by hand:
- the CSV resource gets a Table Schema with a field for every column in `data.COLUMNS`: its type,
  a Dutch title and description (from the model's field descriptions), and the allowed codes of
  the vocabulary a column refers to;
- the JSON resource names the records schema it follows (`data/casussen.schema.json`): the case
  schema plus the two derived fields every record carries;
- the vocabularies are a resource of their own (`data/vocabulaires.csv`), so a code in a row can be
  resolved to its label without the site.
The package carries the licence, a version and the build date (see `builddate`).
"""
from __future__ import annotations

import csv
import io
import json
import types
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.content import Framework
from generator.data import COLUMNS, CSV_PATH, DERIVED, JSON_PATH
from generator.model import Case
from generator.schema import case_schema

PACKAGE_PATH = "data/datapackage.json"
RECORDS_SCHEMA_PATH = "data/casussen.schema.json"
VOCABULARIES_PATH = "data/vocabulaires.csv"
LIST_DELIMITER = "; "  # how data._flatten joins a list of plain values in one CSV cell

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
}
SOURCES = [
    {
        "title": "Eindrapport Verduurzaming van publieke waarde door samenwerking in het mbo "
                 "(Vrije Universiteit Amsterdam, Hogeschool van Arnhem en Nijmegen, SEO Economisch "
                 "Onderzoek; Nationaal Regieorgaan Onderwijsonderzoek, 2022)",
        "path": "https://www.nro.nl/",
    },
    {
        "title": "Katapult, Netwerken, ecosystemen en samenwerkingsverbanden (2022)",
        "path": "https://www.katapult.nl/",
    },
]
DERIVED_FIELDS = {
    "type_code": ("Typecode", "Afgeleid uit type.orientatie en type.object: OCS (operationele, op een "
                  "collectief gerichte samenwerking) of SGS (strategische, op een gebied gerichte "
                  "samenwerking), zoals in tabel 5.2 van het rapport; leeg voor andere combinaties."),
    "url": ("Adres op de site", "Het adres van het casusportret, ten opzichte van de hoofdpagina van de site."),
}


def version(built: date) -> str:
    """The data's version: the build date as year.month.day (it changes with every published build)."""
    return f"{built.year}.{built.month}.{built.day}"


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without None, and whether None was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _vocabulary(annotation: Any) -> str | None:
    """The vocabulary named by a Code(...) annotation, if any."""
    for meta in getattr(annotation, "__metadata__", ()):
        extra = getattr(meta, "json_schema_extra", None)
        if isinstance(extra, dict) and "x-vocabulary" in extra:
            return extra["x-vocabulary"]
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _title(column: str) -> str:
    parts = [part.replace("_", " ") for part in column.split(".")]
    return " – ".join(part[:1].upper() + part[1:] for part in parts)


def _field_info(column: str) -> tuple[Any, bool]:
    """The pydantic FieldInfo of a dotted column, and whether every object above it is required
    (a required field of an optional object may still be empty in a row)."""
    model: type[BaseModel] = Case
    *parents, name = column.split(".")
    parents_required = True
    for parent in parents:
        info = model.model_fields[parent]
        model, optional = _unwrap(info.annotation)
        parents_required = parents_required and info.is_required() and not optional
    return model.model_fields[name], parents_required


def _item_vocabularies(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(field, vocabulary) for every code field of a model."""
    found = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        vocabulary = extra.get("x-vocabulary") or _vocabulary(_unwrap(info.annotation)[0])
        if vocabulary:
            found.append((name, vocabulary))
    return found


def _table_field(column: str, framework: Framework) -> dict[str, Any]:
    if column in DERIVED:
        title, description = DERIVED_FIELDS[column]
        field: dict[str, Any] = {"name": column, "title": title, "type": "string", "description": description}
        if column == "type_code":
            field["constraints"] = {"enum": ["OCS", "SGS"]}
        else:
            field["constraints"] = {"required": True}
        return field
    info, parents_required = _field_info(column)
    annotation, optional = _unwrap(info.annotation)
    description = info.description or ""
    field = {"name": column, "title": _title(column)}
    constraints: dict[str, Any] = {}
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if _is_model(item):
            keys = ", ".join(item.model_fields)
            field["type"] = "array"
            description = (f"{description or item.__doc__.strip()} Een JSON-lijst van objecten met de "
                           f"velden {keys}; leeg als er niets is.").strip()
            coded = [f"{name} uit de lijst '{vocabulary}'" for name, vocabulary in _item_vocabularies(item)]
            if coded:
                description += f" Codes: {', '.join(coded)} (resource vocabulaires)."
        else:
            field["type"] = "list"
            field["delimiter"] = LIST_DELIMITER
            field["itemType"] = "string"
            vocabulary = _vocabulary(item)
            note = f"Meerdere waarden, gescheiden door '{LIST_DELIMITER.strip()} '."
            if vocabulary:
                note += f" Elke waarde is een code uit de lijst '{vocabulary}' (resource vocabulaires)."
            description = f"{description} {note}".strip()
        if info.is_required() and parents_required:
            constraints["required"] = True
    else:
        # A required Code(...) is unpacked by pydantic into the FieldInfo; an optional one stays
        # an Annotated type inside the union.
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        vocabulary = extra.get("x-vocabulary") or _vocabulary(annotation)
        if annotation is int:
            field["type"] = "integer"
            for meta in info.metadata:
                if getattr(meta, "ge", None) is not None:
                    constraints["minimum"] = meta.ge
                if getattr(meta, "le", None) is not None:
                    constraints["maximum"] = meta.le
        else:
            field["type"] = "string"
        if vocabulary:
            constraints["enum"] = framework.codes()[vocabulary]
            description = f"{description} Code uit de lijst '{vocabulary}' (resource vocabulaires).".strip()
        if info.is_required() and not optional and parents_required:
            constraints["required"] = True
    if not description:
        raise ValueError(f"column {column} has no description in the model")
    field["description"] = description
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(framework: Framework) -> dict[str, Any]:
    """The Table Schema of data/casussen.csv: one field per column, in column order."""
    return {
        "fields": [_table_field(column, framework) for column in COLUMNS],
        "primaryKey": ["slug"],
        "missingValues": [""],
    }


def records_schema(framework: Framework) -> dict[str, Any]:
    """The JSON Schema of data/casussen.json: an array of case records (case schema + derived fields)."""
    record = case_schema(framework)
    defs = record.pop("$defs", {})
    record.pop("$schema", None)
    record.pop("$id", None)
    record["title"] = "Casusrecord"
    record["description"] = ("Een casus zoals in data/casussen.json: alle velden van het casusbestand "
                             "(schema/case.schema.json) plus de afgeleide velden type_code en url.")
    record["properties"] = {
        **record["properties"],
        "type_code": {"anyOf": [{"enum": ["OCS", "SGS"]}, {"type": "null"}],
                      "description": DERIVED_FIELDS["type_code"][1]},
        "url": {"type": "string", "pattern": "^casussen/[a-z0-9]+(-[a-z0-9]+)*/$",
                "description": DERIVED_FIELDS["url"][1]},
    }
    record["required"] = [*record.get("required", []), *DERIVED]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Casussen",
        "description": "Alle casussen van de site, één record per casus.",
        "type": "array",
        "items": {"$ref": "#/$defs/Casusrecord"},
        "$defs": {**defs, "Casusrecord": record},
    }


VOCABULARY_COLUMNS = ("vocabulaire", "code", "label", "uitleg", "bron")


def vocabularies_csv(framework: Framework) -> bytes:
    """Every code list as rows (vocabulaire, code, label, uitleg, bron), scan items included."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VOCABULARY_COLUMNS)
    for name, vocabulary in framework.vocabularies.items():
        for item in vocabulary.items:
            writer.writerow([name, item.code, item.label, item.uitleg or "", vocabulary.bron])
    for entry in framework.scan_entries:
        writer.writerow(["scan_items", entry.code, entry.titel, entry.uitleg or "", "samenwerkingsscan (§6.2, tabel 6.2)"])
    for antwoord in framework.scan.antwoorden:
        writer.writerow(["scan_antwoorden", antwoord.code, antwoord.label, "", "samenwerkingsscan"])
    return out.getvalue().encode("utf-8")


def vocabularies_schema() -> dict[str, Any]:
    descriptions = {
        "vocabulaire": ("Lijst", "Naam van de codelijst, zoals de kolombeschrijvingen van casussen.csv die noemen."),
        "code": ("Code", "De code zoals die in casussen.csv en casussen.json staat."),
        "label": ("Label", "Het label dat de site bij de code toont."),
        "uitleg": ("Uitleg", "Korte uitleg bij de code, als die er is."),
        "bron": ("Bron", "Waar de lijst vandaan komt (paragraaf of tabel van het rapport, of Katapult)."),
    }
    return {
        "fields": [{"name": name, "title": title, "type": "string", "description": text,
                    **({"constraints": {"required": True}} if name in ("vocabulaire", "code", "label") else {})}
                   for name, (title, text) in descriptions.items()],
        "primaryKey": ["vocabulaire", "code"],
        "missingValues": [""],
    }


def datapackage(framework: Framework, built: date, site_url: str) -> dict[str, Any]:
    """The descriptor of data/datapackage.json; resource paths are relative to data/."""
    relative = lambda path: path.removeprefix("data/")  # noqa: E731
    return {
        "$schema": "https://datapackage.org/profiles/1.0/datapackage.json",
        "name": "hsvmbo-casussen",
        "title": "Horizontale samenwerking in het mbo: casusportretten",
        "description": ("Casusportretten van horizontale samenwerkingen van mbo-instellingen met bedrijven, "
                        "overheden en andere scholen, beschreven langs de redeneerlijn van het rapport "
                        "Verduurzaming van publieke waarde door samenwerking in het mbo (NRO, 2022), "
                        "met de codelijsten die de casussen gebruiken."),
        "homepage": site_url,
        "version": version(built),
        "created": f"{built.isoformat()}T00:00:00Z",
        "licenses": [LICENSE],
        "sources": SOURCES,
        "keywords": ["mbo", "samenwerking", "publieke waarde", "casussen", "beroepsonderwijs"],
        "resources": [
            {
                "name": "casussen",
                "title": "Casussen (tabel)",
                "description": "Eén rij per casus. Geneste velden staan als kolommen met een punt "
                               "(design.formaliteit); lijsten van objecten als JSON in een cel.",
                "path": relative(CSV_PATH),
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(framework),
            },
            {
                "name": "casussen-json",
                "title": "Casussen (JSON)",
                "description": "Alle casussen met alle velden, zoals in de casusbestanden, plus type_code en "
                               f"url. Elk record volgt het JSON Schema in {relative(RECORDS_SCHEMA_PATH)}.",
                "path": relative(JSON_PATH),
                "type": "json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "jsonSchema": relative(RECORDS_SCHEMA_PATH),
            },
            {
                "name": "vocabulaires",
                "title": "Codelijsten",
                "description": "Alle codelijsten met hun labels: drivers, meerwaarde, effecten, spanningen, "
                               "aandachtspunten, scan-items, Katapult-vormen en -bouwblokken en meer.",
                "path": relative(VOCABULARIES_PATH),
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": vocabularies_schema(),
            },
        ],
    }


def package_files(framework: Framework, built: date, site_url: str) -> list[tuple[str, bytes]]:
    """The package's own files (the CSV and JSON of the cases are written by generator.data)."""
    dump = lambda value: (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")  # noqa: E731
    return [
        (PACKAGE_PATH, dump(datapackage(framework, built, site_url))),
        (RECORDS_SCHEMA_PATH, dump(records_schema(framework))),
        (VOCABULARIES_PATH, vocabularies_csv(framework)),
    ]
