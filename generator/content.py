"""Read the framework under content/: redeneerlijn, vocabularies and the samenwerkingsscan."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.errors import Diagnostic, InputError
from generator.load import Document, load_file
from generator.model import SOURCES_VOCABULARY, Afkortingen, Antwoord, Bronverwijzingen, Redeneerlijn, Scan, Synoniemen, Vocabulary
from generator.validate import diagnostics_from
from generator.messages import t


SCAN_FIT = "scan_antwoorden:"  # prefix of the validation-context keys: item code → answers that fit


@dataclass(frozen=True)
class ScanEntry:
    code: str
    categorie: str
    titel: str
    vraag: str
    uitleg: str | None
    antwoorden: str  # the code of its kind of answer (antwoordsoorten in samenwerkingsscan.yml)


@dataclass(frozen=True)
class Framework:
    redeneerlijn: Redeneerlijn
    vocabularies: dict[str, Vocabulary]
    scan: Scan
    scan_entries: tuple[ScanEntry, ...]
    afkortingen: Afkortingen
    bronverwijzingen: Bronverwijzingen
    synoniemen: Synoniemen  # search: a query for one word of a group also looks for the others

    def codes(self) -> dict[str, list[str]]:
        """Every vocabulary's codes, as the validation context expects them."""
        result = {name: [item.code for item in vocab.items] for name, vocab in self.vocabularies.items()}
        result["scan_items"] = [entry.code for entry in self.scan_entries]
        result["scan_antwoorden"] = list(dict.fromkeys(a.code for soort in self.scan.antwoordsoorten for a in soort.antwoorden))
        for entry in self.scan_entries:  # which answers fit which item, for validate._check_case
            result[SCAN_FIT + entry.code] = [a.code for a in self.scan_answers(entry.code)]
        result[SOURCES_VOCABULARY] = self.bronverwijzingen.codes()
        return result

    def scan_answers(self, code: str) -> list[Antwoord]:
        """The answers that fit scan item code (drivers: a direction; the others: a judgement)."""
        kind = self.scan_entry(code).antwoorden
        return next(soort.antwoorden for soort in self.scan.antwoordsoorten if soort.code == kind)

    def scan_answer_label(self, code: str, answer: str) -> str:
        return next(a.label for a in self.scan_answers(code) if a.code == answer)

    def label(self, vocabulary: str, code: str) -> str:
        return self.vocabularies[vocabulary].label(code)

    def scan_entry(self, code: str) -> ScanEntry:
        return next(entry for entry in self.scan_entries if entry.code == code)


def _parse(document: Document, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(document.data)
    except ValidationError as err:
        raise InputError(diagnostics_from(err, document, model)) from None


def _scan_entries(scan: Scan, vocabularies: dict[str, Vocabulary], name: str) -> tuple[ScanEntry, ...]:
    entries: list[ScanEntry] = []
    kinds = {soort.code for soort in scan.antwoordsoorten}
    for categorie in scan.categorieen:
        if categorie.antwoorden not in kinds:
            raise InputError([Diagnostic(name, 1, 1, "categorieen", t("unknown_answer_kind", kind=categorie.antwoorden, valid=", ".join(sorted(kinds))))])
        for item in categorie.items:
            entries.append(ScanEntry(item.code, categorie.code, item.vraag, item.vraag, item.uitleg, categorie.antwoorden))
        if categorie.vocabulaire:
            if categorie.vocabulaire not in vocabularies:
                raise InputError([Diagnostic(name, 1, 1, "categorieen", t("unknown_vocabulary", name=categorie.vocabulaire))])
            for index, item in enumerate(vocabularies[categorie.vocabulaire].items):
                code = f"{categorie.code}{chr(ord('a') + index)}"
                entries.append(ScanEntry(code, categorie.code, item.label, categorie.vraag_per_item or item.label, item.uitleg,
                                          categorie.antwoorden))
    return tuple(entries)


def load_framework(root: Path) -> Framework:
    """Read content/redeneerlijn.yml, vocabulaires.yml and samenwerkingsscan.yml under root."""
    content = root / "content"
    names = {key: f"content/{key}.yml" for key in ("redeneerlijn", "vocabulaires", "samenwerkingsscan", "afkortingen", "bronverwijzingen",
                                                   "synoniemen")}
    docs = {key: load_file(content / f"{key}.yml", name) for key, name in names.items()}
    redeneerlijn = _parse(docs["redeneerlijn"], Redeneerlijn)
    vocab_data = docs["vocabulaires"].data
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Diagnostic] = []
    for key, value in vocab_data.items():
        try:
            vocabularies[key] = Vocabulary.model_validate(value)
        except ValidationError as err:
            problems.extend(diagnostics_from(err, docs["vocabulaires"], Vocabulary, prefix=(key,)))
    if problems:
        raise InputError(problems)
    scan = _parse(docs["samenwerkingsscan"], Scan)
    afkortingen = _parse(docs["afkortingen"], Afkortingen)
    synoniemen = _parse(docs["synoniemen"], Synoniemen)
    bronverwijzingen = _parse(docs["bronverwijzingen"], Bronverwijzingen)
    problems = content_source_problems(docs, bronverwijzingen.codes())
    if problems:
        raise InputError(problems)
    return Framework(redeneerlijn, vocabularies, scan, _scan_entries(scan, vocabularies, names["samenwerkingsscan"]), afkortingen,
                     bronverwijzingen, synoniemen)


def split_sources(text: str) -> list[str]:
    """The references in a `bron:` field of content/: a comma-separated list ('§3.2, §5.4')."""
    return [part.strip() for part in text.split(",") if part.strip()]


def content_source_problems(docs: dict[str, Document], known: list[str]) -> list[Diagnostic]:
    """Every `bron:` in content/ must list references from content/bronverwijzingen.yml."""
    problems: list[Diagnostic] = []

    def walk(document: Document, value: object, parts: tuple) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "bron" and isinstance(inner, str) and document is not docs.get("bronverwijzingen"):
                    for ref in split_sources(inner):
                        if ref not in known:
                            near = difflib.get_close_matches(ref, known, n=3, cutoff=0.6)
                            hint = f" Bedoelt u {' of '.join(repr(n) for n in near)}?" if near else ""
                            problems.append(Diagnostic(document.path, *document.position(parts + (key,)), ".".join(map(str, parts + (key,))),
                                                       f"onbekende bronverwijzing '{ref[:60]}': die staat niet in content/bronverwijzingen.yml.{hint} "
                                                       "Schrijf verwijzingen gescheiden door komma's, bijvoorbeeld '§3.2, §5.4'."))
                else:
                    walk(document, inner, parts + (key,))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(document, inner, parts + (index,))

    for document in docs.values():
        walk(document, document.data, ())
    return problems
