"""Stage 1: read YAML strictly, keeping the position of every node.

One loader for `validate` and `build`. Every scalar stays a string (the schema types it), so
YAML 1.1 surprises (`no` → False, `010` → 8, bare dates) cannot change a value. Anchors,
aliases, explicit tags, duplicate and complex keys are refused; size and nesting depth are
capped before anything walks the tree; bytes are decoded as strict UTF-8.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.events import AliasEvent
from yaml.resolver import BaseResolver

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml: the pure loader does all the work
    CParser = None  # type: ignore[assignment,misc]
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Diagnostic, InputError, format_path
from generator.messages import t, yaml_problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20
# Control characters, bidi marks, overrides and isolates, line/paragraph separators, the BOM,
# surrogates and the Unicode noncharacters: refused in the raw file and, after YAML has decoded
# its escapes ("\x01", "\u202E", "\uFFFF"), in every key and value.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_FORBIDDEN_BELOW = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f" + _FORBIDDEN_BELOW + _NONCHARACTERS + "]")
VALUE_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f" + _FORBIDDEN_BELOW + _NONCHARACTERS + "]")  # a value may hold tab and newline only
# The same sets without the noncharacters (all at U+FDD0 and above): for a text without any
# character up there, which is nearly every text, they find the same and run about 10× faster
# (the astral characters in a set slow Python's matcher down).
_FORBIDDEN_LOW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f" + _FORBIDDEN_BELOW + "]")
_VALUE_FORBIDDEN_LOW = re.compile("[\x00-\x08\x0b-\x1f" + _FORBIDDEN_BELOW + "]")
_HIGH = re.compile("[\ufdd0-\U0010ffff]")  # one range: as fast as the low sets


MAX_COMBINING = 4  # combining marks in a row; more only stack up over the line above (and the header)

NULLS = {"", "~", "null", "Null", "NULL"}
Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded file: its data (strings, lists, dicts) and the line/column of every path."""

    path: str
    data: Any
    problems: list[Diagnostic] = field(default_factory=list)
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, parts: Path_, key: bool = False) -> tuple[int, int]:
        """The line and column of the deepest known node on this path (1-based)."""
        table = self.key_marks if key else self.marks
        for end in range(len(parts), -1, -1):
            found = table.get(parts[:end]) or self.marks.get(parts[:end])
            if found:
                return found
        return (1, 1)


class _Refused(yaml.MarkedYAMLError):
    """A refusal of ours: its message is already the one to show."""


class _StrictComposer:
    """The refusals, applied while composing nodes from parser events."""

    _depth = 0

    def _refuse(self, mark: yaml.Mark, message: str) -> None:
        raise _Refused(problem=message, problem_mark=mark)

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            self._refuse(event.start_mark, t("alias", anchor=event.anchor))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._refuse(event.start_mark, t("anchor", anchor=anchor))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            self._refuse(event.start_mark, t("tag", tag=tag))
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self._refuse(event.start_mark, t("too_deep", limit=MAX_DEPTH))
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


class _StrictLoader(_StrictComposer, yaml.BaseLoader):
    """PyYAML's pure-Python BaseLoader with the refusals: slow, but its messages are the clearest."""

    def __init__(self, stream: str, name: str):
        yaml.BaseLoader.__init__(self, stream)
        self.name = name


class _FastStrictLoader(_StrictComposer, Composer, CParser, BaseConstructor, BaseResolver):
    """libyaml's event parser (about 5× faster) under the same Python composer and refusals."""

    def __init__(self, stream: str, name: str):
        CParser.__init__(self, stream)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)
        Composer.__init__(self)
        self.name = name


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes, name: str) -> str:
    """Strict UTF-8 with a located error; a BOM is dropped; control and bidi characters refused."""
    if len(raw) > MAX_BYTES:
        raise InputError([Diagnostic(name, 1, 1, "", t("file_too_large", limit=MAX_BYTES, size=len(raw)))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        prefix = raw[: err.start].decode("utf-8", errors="replace")
        line, col = _position(prefix, len(prefix))
        raise InputError([Diagnostic(name, line, col, "", t("not_utf8", byte=raw[err.start]))]) from None
    return text


def _forbidden(text: str, full: re.Pattern, low: re.Pattern) -> re.Pattern:
    """The full set for a text with a character at U+FDD0 or above, else the same set without the
    noncharacters (which only a character up there can be)."""
    return full if _HIGH.search(text) else low


def _check_characters(text: str, name: str) -> None:
    problems = []
    for match in _forbidden(text, FORBIDDEN_CHARS, _FORBIDDEN_LOW).finditer(text):
        line, col = _position(text, match.start())
        problems.append(Diagnostic(name, line, col, "", t("control_character", code=ord(match.group()))))
        if len(problems) >= 10:
            break
    if problems:
        raise InputError(problems)


def _construct(node: Node, parts: Path_, doc: Document, name: str) -> Any:
    doc.marks[parts] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        if not node.style and node.value in NULLS:  # plain style: None from PyYAML, '' from libyaml
            return None
        _check_value(node, parts, doc, name)
        return node.value
    if isinstance(node, SequenceNode):
        return [_construct(item, parts + (i,), doc, name) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise InputError([Diagnostic(name, key_node.start_mark.line + 1, key_node.start_mark.column + 1, "", t("complex_key"))])
            key = key_node.value
            _check_value(key_node, parts + (key,), doc, name)
            if key in first_seen:
                raise InputError([Diagnostic(name, key_node.start_mark.line + 1, key_node.start_mark.column + 1, ".".join(map(str, parts + (key,))),
                                             t("duplicate_key", key=key, first=first_seen[key]))])
            first_seen[key] = key_node.start_mark.line + 1
            doc.key_marks[parts + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            value = _construct(value_node, parts + (key,), doc, name)
            if value is not None:  # null means absent: `naam: ~` is a missing naam
                result[key] = value
        return result
    raise InputError([Diagnostic(name, 1, 1, "", t("unsupported_node", kind=type(node).__name__))])


def _check_value(node: ScalarNode, parts: Path_, doc: Document, name: str) -> None:
    """The character rules on a decoded scalar (escapes included), located at the scalar."""
    value = node.value
    if value.isascii() and value.isprintable():
        return
    where = lambda: (name, node.start_mark.line + 1, node.start_mark.column + 1, format_path(parts))  # noqa: E731
    found = _forbidden(value, VALUE_FORBIDDEN, _VALUE_FORBIDDEN_LOW).search(value)
    if found:
        doc.problems.append(Diagnostic(*where(), t("value_character", code=ord(found.group()))))
        return
    if value.isascii() or not any(unicodedata.category(char).startswith("M") for char in set(value) if not char.isascii()):
        return  # no combining mark at all (the usual case: Dutch letters come precomposed), so no run of them
    run = 0
    for char in value:
        if unicodedata.category(char).startswith("M"):
            run += 1
            if run > MAX_COMBINING:
                doc.problems.append(Diagnostic(*where(), t("combining", limit=MAX_COMBINING)))
                return
        else:
            run = 0


def load_text(text: str, name: str) -> Document:
    """Parse one YAML document from text; raise InputError with a location on any problem."""
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
        raise InputError([Diagnostic(name, 1, 1, "", t("file_too_large_plain", limit=MAX_BYTES))])
    _check_characters(text, name)
    root = _fast_root(text, name)
    if root is None:
        root = _pure_root(text, name)
    return _document(root, name)


def _fast_root(text: str, name: str) -> Node | None:
    """Parse with libyaml; None on any problem, so the pure loader words the error the same way."""
    if CParser is None:
        return None
    loader = _FastStrictLoader(text, name)
    try:
        return loader.get_single_node() or _EMPTY
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


_EMPTY = ScalarNode("tag:yaml.org,2002:null", "")


def _pure_root(text: str, name: str) -> Node | None:
    try:
        loader = _StrictLoader(text, name)
    except yaml.reader.ReaderError as err:
        line, col = _position(text, err.position)
        raise InputError([Diagnostic(name, line, col, "", t("yaml_character", character=repr(err.character)))]) from None
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Diagnostic(name, line, col, "", err.problem if isinstance(err, _Refused) else yaml_problem(str(err.problem or err.context or "?")))]) from None
    except yaml.reader.ReaderError as err:
        line, col = _position(text, err.position)
        raise InputError([Diagnostic(name, line, col, "", t("yaml_character", character=repr(err.character)))]) from None
    except yaml.YAMLError as err:
        raise InputError([Diagnostic(name, 1, 1, "", t("yaml_invalid", detail=str(err)[:200]))]) from None
    finally:
        loader.dispose()
    return root


def _document(root: Node | None, name: str) -> Document:
    if root is None or root is _EMPTY:
        raise InputError([Diagnostic(name, 1, 1, "", t("empty_file"))])
    if not isinstance(root, MappingNode):
        raise InputError([Diagnostic(name, root.start_mark.line + 1, root.start_mark.column + 1, "", t("top_not_mapping"))])
    doc = Document(path=name, data=None)
    doc.data = _construct(root, (), doc, name)
    if doc.problems:
        raise InputError(doc.problems[:20])
    return doc


def read_file(path: Path, name: str) -> bytes:
    """The file's bytes (at most MAX_BYTES + 1). Symlinks are refused, so nothing outside the tree
    is read, and so is anything but a regular file (a FIFO or device would block or never end):
    opened without following links and without blocking, then checked with fstat."""
    if path.is_symlink():
        raise InputError([Diagnostic(name, 1, 1, "", t("symlink"))])
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError([Diagnostic(name, 1, 1, "", t("symlink"))]) from None
        raise InputError([Diagnostic(name, 1, 1, "", t("unreadable", reason=err.strerror))]) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError([Diagnostic(name, 1, 1, "", t("not_regular_file"))])
        try:
            return handle.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError([Diagnostic(name, 1, 1, "", t("unreadable", reason=err.strerror))]) from None


def load_file(path: Path, name: str | None = None) -> Document:
    """Read and parse one file."""
    name = name or str(path)
    return load_bytes(read_file(path, name), name)


def load_bytes(raw: bytes, name: str) -> Document:
    return load_text(decode(raw, name), name)
