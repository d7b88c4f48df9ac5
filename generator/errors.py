"""Diagnostics that carry their source location, and the error that collects them."""
from __future__ import annotations

import errno
from dataclasses import dataclass, field

MAX_MESSAGE = 300


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input file: `cases/x.yml:12:5: drivers[2].code: message`."""

    file: str
    line: int
    column: int
    path: str
    message: str
    limit: int = field(default=MAX_MESSAGE, compare=False)  # longer for messages that list what is valid

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        message = self.message if len(self.message) <= self.limit else self.message[:self.limit] + "…"
        return f"{where}: {self.path}: {message}" if self.path else f"{where}: {message}"


class InputError(Exception):
    """Raised when input is invalid; carries every diagnostic found, sorted."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(set(diagnostics))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class BuildError(Exception):
    """A build step outside the input failed (MkDocs, Graphviz); the message says which."""


def format_path(parts: tuple[str | int, ...]) -> str:
    """('drivers', 2, 'code') → 'drivers[2].code'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map",
    errno.EEXIST: "bestaat al (een bestand staat in de weg)",
}


def os_error(err: OSError) -> str:
    """An OSError as one plain Dutch line: what could not be done with which path, and why."""
    reason = _OS_REASONS.get(err.errno or 0, err.strerror or str(err))
    where = f" ({err.filename})" if err.filename else ""
    return f"fout van het besturingssysteem{where}: {reason}"
