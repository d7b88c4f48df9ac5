"""Output for GitHub Actions: each problem as an `::error` workflow command, so that GitHub shows it
on the pull request's changed line, and a short job summary ($GITHUB_STEP_SUMMARY).

Only used when GITHUB_ACTIONS=true; elsewhere the plain `file:line:column: field: message` lines
are all there is. Escaping follows GitHub's workflow-command rules: in the message %, CR and LF
are percent-encoded; in property values also ':' and ','.
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping

from generator.errors import Diagnostic

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def active(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    """`::error file=cases/x.yml,line=14,col=5,title=drivers[1].code::message`."""
    properties = [f"file={escape_property(diagnostic.file)}", f"line={diagnostic.line}", f"col={diagnostic.column}"]
    if diagnostic.path:
        properties.append(f"title={escape_property(diagnostic.path)}")
    return f"::error {','.join(properties)}::{escape_data(str(diagnostic))}"


def _cell(text: str) -> str:
    """Contributor text in a Markdown table cell: shown as text, never as markup or a table break."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\r", " ").replace("\n", " ")


def summary(diagnostics: Iterable[Diagnostic], checked: int | None = None, shown: int = 50) -> str:
    """The job summary in Markdown (Dutch: contributors read it)."""
    problems = list(diagnostics)
    if not problems:
        count = f"{checked} " if checked is not None else ""
        return f"### Casusbestanden controleren\n\n✅ Alle {count}casusbestanden zijn in orde.\n"
    lines = ["### Casusbestanden controleren", "",
             f"❌ {len(problems)} {'fout' if len(problems) == 1 else 'fouten'} gevonden. Er is niets gepubliceerd. "
             "Verbeter de regels hieronder en sla het bestand opnieuw op in je pull request.", "",
             "| bestand | regel | kolom | veld | melding |", "| --- | --- | --- | --- | --- |"]
    for item in problems[:shown]:
        lines.append(f"| {_cell(item.file)} | {item.line} | {item.column} | {_cell(item.path) or '—'} | {_cell(item.message)} |")
    if len(problems) > shown:
        lines.append(f"\nen nog {len(problems) - shown} meer (zie het log van deze stap).")
    return "\n".join(lines) + "\n"


def report(diagnostics: list[Diagnostic], checked: int | None = None, environ: Mapping[str, str] = os.environ) -> None:
    """Under GitHub Actions: print the annotations and append the job summary."""
    if not active(environ):
        return
    for diagnostic in diagnostics:
        print(annotation(diagnostic), flush=True)
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(summary(diagnostics, checked))
