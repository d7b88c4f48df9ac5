"""Stage 5: praatplaten as DOT text. Pure functions; rendering happens in generator/render.py.

The layout has a fixed shape: one node per block of the redeneerlijn (six nodes, five edges),
so no case can make layout explode. Node ids and every attribute are the generator's own;
contributor text only ever fills cells of HTML-like labels, after `cell_text` escaped it.
"""
from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from dataclasses import dataclass

from generator import style
from generator.content import Framework
from generator.model import Case

WORD_JOINER = "\u2060"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Row:
    text: str
    kind: str = "text"  # text | heading | mark | blank


def cell_text(text: str, width: int = style.WRAP) -> str:
    """Escape one piece of text for a cell of an HTML-like label, wrapped with <BR/>.

    Entities cover the characters HTML-like labels treat as markup. Graphviz expands escape
    sequences such as \\N after decoding entities, so a word joiner follows every backslash.
    """
    lines = textwrap.wrap(" ".join(CONTROL.sub(" ", text).split()), width=width, break_long_words=True, break_on_hyphens=True) or [""]
    escaped = []
    for line in lines:
        if line and all(unicodedata.category(char) == "Cf" for char in line):
            line = " " + line  # a line of only invisible characters (U+00AD) leaves Pango without a layout
        line = html.escape(line, quote=True).replace("\\", "\\" + WORD_JOINER)
        escaped.append(line.replace("[", "&#91;").replace("]", "&#93;").replace("{", "&#123;").replace("}", "&#125;"))
    return '<BR ALIGN="LEFT"/>'.join(escaped) + '<BR ALIGN="LEFT"/>'


def _block_label(number: int, title: str, colours: tuple[str, str, str], rows: list[Row]) -> str:
    header, body, header_text = colours
    out = ['<<TABLE BORDER="1" COLOR="#333333" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" BGCOLOR="' + body + '">',
           f'<TR><TD BGCOLOR="{header}" ALIGN="LEFT"><FONT POINT-SIZE="{style.TITLE_SIZE}" COLOR="{header_text}"><B>'
           f"{number}. {cell_text(title)}</B></FONT></TD></TR>"]
    for row in rows:
        if row.kind == "heading":
            out.append(f'<TR><TD ALIGN="LEFT"><B>{cell_text(row.text)}</B></TD></TR>')
        elif row.kind == "mark":
            out.append(f'<TR><TD ALIGN="LEFT" BGCOLOR="{style.HIGHLIGHT_FILL}" BORDER="2" COLOR="{style.HIGHLIGHT_BORDER}">'
                       f"<B>{style.MARK} {cell_text(row.text, style.WRAP - 2)}</B></TD></TR>")
        elif row.kind == "blank":
            out.append('<TR><TD ALIGN="LEFT" HEIGHT="60" BORDER="1" COLOR="#999999" STYLE="dashed"> </TD></TR>')
        else:
            out.append(f'<TR><TD ALIGN="LEFT">{cell_text(row.text)}</TD></TR>')
    out.append("</TABLE>>")
    return "".join(out)


def _graph(name: str, title: str, blocks: list[tuple[str, str, list[Row]]]) -> str:
    """DOT for six blocks in two rows of three, connected in the order of the redeneerlijn."""
    lines = [f"digraph {name} {{",
             f'  graph [rankdir=TB, nodesep=0.35, ranksep=0.45, fontname="{style.FONT}", labelloc=t, fontsize=20, '
             f"label=<<B>{cell_text(title, 120)}</B>>, pad=0.2];",
             f'  node [shape=plain, fontname="{style.FONT}", fontsize={style.FONT_SIZE}];',
             '  edge [color="#333333", penwidth=2, arrowsize=1.2];']
    for index, (code, block_title, rows) in enumerate(blocks):
        label = _block_label(index + 1, block_title, style.BLOCK_COLOURS[code], rows)
        lines.append(f"  b{index + 1} [label={label}];")
    lines.append("  { rank=same; b1; b2; b3; }")
    lines.append("  { rank=same; b4; b5; b6; }")
    lines.append("  b1 -> b4 [style=invis]; b2 -> b5 [style=invis]; b3 -> b6 [style=invis];")
    lines.append("  b1 -> b2; b2 -> b3; b3 -> b4 [constraint=false]; b4 -> b5; b5 -> b6;")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _titles(framework: Framework) -> dict[str, str]:
    return {blok.code: blok.titel for blok in framework.redeneerlijn.blokken}


def framework_dot(framework: Framework) -> str:
    """The blank praatplaat: questions and sub-lists per block, with room to write in."""
    blocks = []
    for blok in framework.redeneerlijn.blokken:
        rows = [Row(vraag) for vraag in blok.vragen]
        for lijst in blok.lijsten:
            rows.append(Row(lijst.titel, "heading"))
            vocab = framework.vocabularies[lijst.vocabulaire]
            rows.extend(Row(f"{item.code}. {item.label}" if len(item.code) <= 2 else item.label) for item in vocab.items)
        rows.append(Row("Onze situatie:", "heading"))
        rows.append(Row("", "blank"))
        blocks.append((blok.code, blok.titel, rows))
    return _graph("redeneerlijn", "Praatplaat: de redeneerlijn voor horizontale samenwerking", blocks)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def case_rows(case: Case, framework: Framework) -> dict[str, list[Row]]:
    """Short phrases from the case for each block; steering scan items marked."""
    scan = {item.code for item in case.richtinggevend}
    label = framework.label
    rows: dict[str, list[Row]] = {code: [] for code in style.BLOCK_COLOURS}
    if case.aanleiding:
        rows["aanleiding"].append(Row(_short(case.aanleiding.tekst)))
    if case.doelen:
        rows["doelen"].append(Row(_short(case.doelen.propositie)))
        for key, title in (("kort", "Kort"), ("middellang", "Middellang"), ("lang", "Lang")):
            for goal in getattr(case.doelen, key)[:3]:
                rows["doelen"].append(Row(f"{title}: {_short(goal, 100)}"))
    for driver in case.drivers:
        text = f"{driver.code} {label('drivers', driver.code)} ({label('driver_rollen', driver.rol).lower()})"
        rows["drivers"].append(Row(f"scan {text}", "mark") if driver.code in scan else Row(text))
    for driver in case.externe_drivers:
        rows["drivers"].append(Row(f"Extern: {label('externe_drivers', driver.code)}"))
    if case.design:
        d = case.design
        if d.hoofdvorm:
            rows["design"].append(Row(f"Hoofdvorm: {label('hoofdvormen', d.hoofdvorm)}"))
        if d.formaliteit:
            rows["design"].append(Row(f"{label('formaliteit', d.formaliteit)}"))
        if d.juridische_vormen:
            rows["design"].append(Row("Juridisch: " + ", ".join(label("juridische_vormen", v) for v in d.juridische_vormen)))
        if d.governance:
            rows["design"].append(Row(_short(d.governance, 120)))
    for punt in case.aandachtspunten:
        rows["randvoorwaarden"].append(Row(f"{label('aandachtspunten', punt.code)}: {_short(punt.tekst, 100)}"))
    for spanning in case.spanningen:
        rows["randvoorwaarden"].append(Row(f"Spanning {spanning.code}: {label('spanningen', spanning.code)}"))
    if case.output:
        for waarde in case.output.maatschappelijke_waarde:
            rows["output"].append(Row(f"{waarde.code}. {label('maatschappelijke_waarde', waarde.code)}"))
        if case.output.resultaten:
            rows["output"].append(Row(_short(case.output.resultaten)))
    for item in case.richtinggevend:
        entry = framework.scan_entry(item.code)
        block = {"1": "doelen", "2": "drivers", "3": "design", "4": "output", "5": "randvoorwaarden"}[entry.categorie]
        if not any(row.kind == "mark" and row.text.startswith(f"scan {item.code} ") for row in rows[block]):
            rows[block].append(Row(f"scan {item.code} {entry.titel}", "mark"))
    for code, block_rows in rows.items():
        if not block_rows:
            block_rows.append(Row("De bron zegt hier niets over."))
    return rows


def case_dot(case: Case, framework: Framework) -> str:
    """The praatplaat of one case: the framework's layout, filled with the case's answers."""
    titles = _titles(framework)
    rows = case_rows(case, framework)
    blocks = [(code, titles[code], rows[code]) for code in style.BLOCK_COLOURS]
    return _graph("praatplaat", f"Praatplaat: {case.naam}", blocks)
