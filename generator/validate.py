"""Stage 3: check case files against the model, the vocabulary and each other.

Every problem in every file is collected before anything is reported; each diagnostic
names the file, line, column and field, and says what would be valid.
"""
from __future__ import annotations

import difflib
import gc
import hashlib
import os
import re
import stat
import typing
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.diagrams import plate_problems
from generator.errors import Diagnostic, InputError, format_path
from generator.load import Document, load_bytes, read_file
from generator.messages import t
from generator.model import SLUG_PATTERN, WINDOWS_RESERVED, Case, ScanDocument, TijdlijnDocument
from generator.reserved import reserved_message, reserved_slugs
from generator.sources import source_problems

TIMELINE_KEYS = {"tijdlijn", "fase", "fasen"}  # the fields a drawn tijdlijn (tijdlijn/maken/) downloads

_SLUG = re.compile(SLUG_PATTERN, re.ASCII)


def _model_at(model: type[BaseModel] | None, parts: tuple) -> type[BaseModel] | None:
    """The model class that describes the mapping at this path, if any."""
    for part in parts:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _find_model(field.annotation) if field else None
    return model


def _find_model(annotation: typing.Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found:
            return found
    return None


def _message(error: dict, model: type[BaseModel], loc: tuple) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        valid = list(parent.model_fields) if parent else []
        near = difflib.get_close_matches(str(loc[-1]), valid, n=1)
        hint = t("did_you_mean", near=near[0]) if near else ""
        return t("unknown_field", name=loc[-1], hint=hint, valid=", ".join(valid))
    if kind == "missing":
        return t("missing", name=loc[-1]) + _what_fits(model, loc)
    if kind == "string_too_long":
        return t("too_long_text", limit=ctx.get("max_length"))
    if kind == "string_too_short":
        return t("empty_text")
    if kind == "too_long":
        return t("too_many", limit=ctx.get("max_length"))
    if kind == "too_short":
        return t("too_few", limit=ctx.get("min_length")) + _what_fits(model, loc)
    if kind == "string_type":
        return t("expected_text", found=_shape(error.get("input")))
    if kind == "list_type":
        return t("expected_list", found=_shape(error.get("input")))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        target = _model_at(model, loc)
        fields = t("fields_here", fields=", ".join(target.model_fields)) if target else ""
        return t("expected_mapping", found=_shape(error.get("input"))) + fields
    if kind in ("int_parsing", "int_type"):
        return t("expected_number")
    if kind in ("greater_than_equal", "greater_than"):
        return t("number_at_least", limit=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return t("number_at_most", limit=ctx.get("le", ctx.get("lt")))
    if kind in ("value_error", "unknown_code", "unknown_source") or kind.startswith("bad_"):
        return str(error["msg"]).removeprefix("Value error, ")  # raised by the model's own validators, in Dutch there
    return t("invalid_value", detail=str(error["msg"]).removeprefix("Value error, "))


def _what_fits(model: type[BaseModel], loc: tuple) -> str:
    """The field's own description, as what would be valid there ("" when it has none)."""
    if not loc or isinstance(loc[-1], int):
        return ""
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    return f". {field.description}" if field is not None and field.description else ""


def _shape(value: object) -> str:
    if isinstance(value, list):
        return t("shape_list")
    if isinstance(value, dict):
        return t("shape_mapping")
    return t("shape_text") if isinstance(value, str) else t("shape_nothing")


def diagnostics_from(err: ValidationError, document: Document, model: type[BaseModel], prefix: tuple = ()) -> list[Diagnostic]:
    """Map pydantic errors to file:line:column diagnostics through the document's marks."""
    result = []
    for error in err.errors(include_url=False):
        # drop pydantic's own steps (`function-after[…]`, `list[…]`), but never the unknown key
        # itself, which is the contributor's and may hold a '['
        last = len(error["loc"]) - 1 if error["type"] == "extra_forbidden" else -1
        loc = tuple(part for index, part in enumerate(error["loc"])
                    if index == last or not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
        full = prefix + loc
        line, column = document.position(full, key=error["type"] == "extra_forbidden")
        result.append(Diagnostic(document.path, line, column, format_path(full), _message(error, model, loc)))
    return result


def parse_case(document: Document, codes: dict[str, list[str]], reserved: frozenset[str] = frozenset()) -> Case:
    """Validate one loaded case against the model and vocabulary; raise InputError if invalid.

    reserved: the names the generator uses itself (generator.reserved), refused as slugs."""
    try:
        case = Case.model_validate(document.data, context={"vocabularies": codes})
    except ValidationError as err:
        raise InputError(diagnostics_from(err, document, Case)) from None
    problems = (_check_case(case, document, reserved) + source_problems(case, document, codes)
                + _check_scan_answers(case.scan, document, codes))
    if problems:
        raise InputError(problems)
    return case


def _check_case(case: Case, document: Document, reserved: frozenset[str]) -> list[Diagnostic]:
    problems = []
    where = lambda *parts: document.position(parts)  # noqa: E731
    stem = Path(document.path).stem
    if not _SLUG.fullmatch(case.slug):
        problems.append(Diagnostic(document.path, *where("slug"), "slug", t("bad_slug", slug=case.slug[:70], pattern=SLUG_PATTERN)))
    elif case.slug in reserved or case.slug == "index":
        problems.append(Diagnostic(document.path, *where("slug"), "slug", reserved_message(case.slug, reserved), limit=2000))
    elif case.slug in WINDOWS_RESERVED:
        problems.append(Diagnostic(document.path, *where("slug"), "slug", t("windows_reserved", slug=case.slug)))
    elif case.slug != stem:
        problems.append(Diagnostic(document.path, *where("slug"), "slug", t("slug_not_file_name", slug=case.slug, stem=stem)))
    for field, items in (("drivers", case.drivers), ("externe_drivers", case.externe_drivers), ("aandachtspunten", case.aandachtspunten),
                         ("spanningen", case.spanningen), ("scan", case.scan)):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.code in seen:
                problems.append(Diagnostic(document.path, *where(field, index, "code"), f"{field}[{index}].code", t("duplicate_code", code=item.code)))
            seen.add(item.code)
    for parts, message in plate_problems(case):
        problems.append(Diagnostic(document.path, *where(*parts), format_path(parts), message))
    return problems + _check_timeline(case, document)


def _check_timeline(record: Case | TijdlijnDocument, document: Document) -> list[Diagnostic]:
    """Events and phases from old to new; a phase ends after it begins; only the last may run on."""
    problems = []
    where = lambda *parts: document.position(parts)  # noqa: E731
    previous = ""
    for index, event in enumerate(record.tijdlijn):
        if event.datum < previous:
            problems.append(Diagnostic(document.path, *where("tijdlijn", index, "datum"), f"tijdlijn[{index}].datum", t("dates_out_of_order", date=event.datum, previous=previous)))
        previous = max(previous, event.datum)
    previous = ""
    for index, phase in enumerate(record.fasen):
        field = f"fasen[{index}]"
        if phase.van < previous:
            problems.append(Diagnostic(document.path, *where("fasen", index, "van"), f"{field}.van", f"'{phase.van}' ligt vóór het begin van de vorige fase ('{previous}'); zet de fasen van oud naar nieuw"))
        previous = max(previous, phase.van)
        if phase.tot is not None and phase.tot < phase.van[:len(phase.tot)]:
            problems.append(Diagnostic(document.path, *where("fasen", index, "tot"), f"{field}.tot", f"de fase eindigt ('{phase.tot}') vóór ze begint ('{phase.van}')"))
        if phase.tot is None and index < len(record.fasen) - 1:
            problems.append(Diagnostic(document.path, *where("fasen", index, "code"), f"{field}.tot", "alleen de laatste fase mag nog lopen (zonder 'tot'); vul 'tot' in, bijvoorbeeld de datum waarop de volgende fase begon"))
        seen: set[str] = set()
        for number, driver in enumerate(phase.drivers):
            if driver.code in seen:
                problems.append(Diagnostic(document.path, *where("fasen", index, "drivers", number, "code"), f"{field}.drivers[{number}].code", f"driver '{driver.code}' staat twee keer bij deze fase; kies één rol (stuwend, remmend of beide)"))
            seen.add(driver.code)
    return problems


def _check_scan_answers(items, document: Document, codes: dict[str, list[str]], prefix: tuple = ()) -> list[Diagnostic]:
    """Each answer fits its item (drivers: stuwend, remmend, speelt-niet; the others: sterk, …, nvt);
    at most six items without an answer (the items that steered the collaboration, table 6.2)."""
    from generator.content import SCAN_FIT

    problems = []
    for index, item in enumerate(items):
        fits = codes.get(SCAN_FIT + item.code)
        if item.antwoord is not None and fits is not None and item.antwoord not in fits:
            at = ("scan", index, "antwoord")
            problems.append(Diagnostic(document.path, *document.position(prefix + at), format_path(at),
                                       t("scan_answer_misfit", answer=item.antwoord, code=item.code, valid=", ".join(fits))))
    steering = [index for index, item in enumerate(items) if item.antwoord is None]
    if len(steering) > 6:
        at = ("scan", steering[6])
        problems.append(Diagnostic(document.path, *document.position(prefix + at), format_path(at),
                                   t("scan_too_many_steering", count=len(steering))))
    return problems


def parse_timeline(document: Document, codes: dict[str, list[str]]) -> TijdlijnDocument:
    """Validate a drawn tijdlijn (the YAML tijdlijn/maken/ downloads: tijdlijn, fase, fasen)."""
    try:
        record = TijdlijnDocument.model_validate(document.data, context={"vocabularies": codes})
    except ValidationError as err:
        raise InputError(diagnostics_from(err, document, TijdlijnDocument)) from None
    problems = _check_timeline(record, document)
    if problems:
        raise InputError(problems)
    return record


def case_paths(root: Path, paths: list[Path] | None = None) -> list[Path]:
    """The case files to read: the given ones, or every *.yml under cases/ in name order.

    What would otherwise be skipped without a word is returned too, so that reading it reports
    it: a folder, a file ending in .YML or .yaml. Hidden files and other files are left alone."""
    if paths:
        return sorted(paths)
    folder = root / "cases"
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except FileNotFoundError:
        raise InputError([Diagnostic("cases/", 1, 1, "", t("no_cases_folder"))]) from None
    except OSError as err:
        raise InputError([Diagnostic("cases/", 1, 1, "", t("cases_unreadable", reason=err.strerror))]) from None
    result = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False) or Path(entry.name).suffix.lower() in (".yml", ".yaml"):
            result.append(Path(entry.path))
    return result


def parse_scan(document: Document, codes: dict[str, list[str]]) -> ScanDocument:
    """Validate a filled-in samenwerkingsscan (the YAML the scan page downloads)."""
    try:
        scan = ScanDocument.model_validate(document.data, context={"vocabularies": codes})
    except ValidationError as err:
        raise InputError(diagnostics_from(err, document, ScanDocument)) from None
    problems = _check_scan_answers(scan.scan, document, codes)
    seen: set[str] = set()
    for index, item in enumerate(scan.scan):
        if item.code in seen:
            problems.append(Diagnostic(document.path, *document.position(("scan", index, "code")), f"scan[{index}].code",
                                       t("duplicate_code", code=item.code)))
        seen.add(item.code)
    if problems:
        raise InputError(problems)
    return scan


@dataclass(frozen=True)
class Loaded:
    """A valid case file: the case, where its slug is (for cross-file messages) and its digest."""

    case: Case
    name: str
    slug_at: tuple[int, int]
    digest: str


class CaseCache:
    """Valid cases by file name, kept between two loads, so that after an edit `serve` parses and
    validates only the edited file. A file is not even read again while it is the same file with
    the same size and mtime, and not parsed again while its bytes (SHA-256) are the same. Only the
    files of the last load are kept; the owner drops the cache when the framework changes (the
    validation depends on the vocabularies). Memory only: nothing on disk is trusted.
    """

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int, int] | None, Loaded]] = {}  # name → (stat when read, case)
        self._read: dict[str, tuple[int, int, int]] = {}  # this load: name → stat of the bytes read

    def unchanged(self, name: str, path: Path) -> Loaded | None:
        """The case, if the file has not changed since it was read (same inode, size and mtime)."""
        known = self._known.get(name)
        signature = _signature(path)
        if known is None or signature is None or known[0] != signature:
            return None
        self._read[name] = signature
        return known[1]

    def same_bytes(self, name: str, path: Path, raw: bytes, digest: str) -> Loaded | None:
        """The case, if the file just read holds the bytes it held before."""
        signature = _signature(path)
        if signature and signature[1] == len(raw):  # not changed while it was read
            self._read[name] = signature
        known = self._known.get(name)
        return known[1] if known and known[1].digest == digest else None

    def keep(self, loaded: list[Loaded]) -> None:
        self._known = {item.name: (self._read.get(item.name), item) for item in loaded}
        self._read = {}


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.lstat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns) if stat.S_ISREG(status.st_mode) else None


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Parsing and rendering allocate many objects and few cycles; with a large heap of cases the
    cyclic collector's full passes cost more than they free (reference counting still frees)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_cases(root: Path, codes: dict[str, list[str]], paths: list[Path] | None = None,
               cache: CaseCache | None = None, reserved: frozenset[str] = frozenset()) -> list[Case]:
    """Load, validate and cross-check every case; raise one InputError with every problem.

    A file named explicitly whose top level is only `scan:` (the download of the scan page) is
    checked as scan answers; one with only `tijdlijn`, `fase` and `fasen` as a drawn tijdlijn
    (tijdlijn/maken/).
    """
    return [item.case for item in load_all(root, codes, paths, cache, reserved)]


def load_all(root: Path, codes: dict[str, list[str]], paths: list[Path] | None = None,
             cache: CaseCache | None = None, reserved: frozenset[str] = frozenset()) -> list[Loaded]:
    """As load_cases, with each case's file name, slug position and digest, sorted by slug."""
    problems: list[Diagnostic] = []
    loaded: list[Loaded] = []
    with no_cyclic_gc():
        for path in case_paths(root, paths):
            name = _display(path, root)
            try:
                if not paths and path.is_dir() and not path.is_symlink():
                    raise InputError([Diagnostic(name, 1, 1, "", t("subfolder"))])
                if path.suffix == ".yaml" and not paths:
                    raise InputError([Diagnostic(name, 1, 1, "", t("yaml_extension"))])
                if path.suffix != ".yml" and not paths:
                    raise InputError([Diagnostic(name, 1, 1, "", t("yml_lowercase", stem=path.stem))])
                hit = cache.unchanged(name, path) if cache else None
                if hit is None:
                    raw = read_file(path, name)
                    digest = hashlib.sha256(raw).hexdigest()
                    hit = cache.same_bytes(name, path, raw, digest) if cache else None
                if hit is None:
                    document = load_bytes(raw, name)
                    if paths and isinstance(document.data, dict) and list(document.data) == ["scan"]:
                        parse_scan(document, codes)
                        continue
                    if paths and document.data and set(document.data) <= TIMELINE_KEYS:
                        parse_timeline(document, codes)
                        continue
                    hit = Loaded(parse_case(document, codes, reserved), name, document.position(("slug",)), digest)
                loaded.append(hit)
            except InputError as err:
                problems.extend(err.diagnostics)
    problems.extend(_cross_check(loaded))
    if problems:
        raise InputError(problems)
    if cache:
        cache.keep(loaded)
    return sorted(loaded, key=lambda item: item.case.slug)


def check_cases(root: Path, framework, paths: list[Path] | None = None, cache: CaseCache | None = None) -> list[Loaded]:
    """The one door for `validate`, `build` and `serve`: every case file under the same rules,
    slugs the generator uses itself included."""
    return load_all(root, framework.codes(), paths, cache, reserved_slugs(root, framework))


def _cross_check(loaded: list[Loaded]) -> list[Diagnostic]:
    problems = []
    seen: dict[str, Loaded] = {}
    for item in loaded:
        key = unicodedata.normalize("NFKC", item.case.slug).casefold()
        if key in seen:
            other = seen[key]
            problems.append(Diagnostic(item.name, *item.slug_at, "slug", t("duplicate_slug", slug=item.case.slug, other=other.name, line=other.slug_at[0])))
        else:
            seen[key] = item
    return problems


def _display(path: Path, root: Path) -> str:
    """The file's name as diagnostics show it: relative to the project where it lies inside it."""
    try:
        return str(path.relative_to(root))  # a file listed from root/cases: no need to resolve
    except ValueError:
        pass
    try:
        return str(path.resolve().relative_to(_resolved(root)))
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()
