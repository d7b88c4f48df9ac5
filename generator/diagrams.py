"""Stage 5: praatplaten as DOT text. Pure functions; rendering happens in generator/render.py.

Every plate has the same fixed layout (generator/style.py): a header band with the title and
the legend, six blocks of the redeneerlijn in two rows of three in reading order with arrows,
and a footer with title, source, page address and build date. Every node is pinned to its place
on the A3 sheet (Graphviz's `nop` layout draws them where they are put), and every block is an
HTML-like table of a fixed size whose text is broken into lines here, by the font's own widths,
so the generator knows that it fits. Node ids and every attribute are the generator's own;
contributor text only ever fills cells of HTML-like labels, after `escape_line` escaped it.
"""
from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date

from typing import TYPE_CHECKING

from generator import style
from generator.model import Case
from generator.textfit import in_font, line_height, text_height, width, wrap

if TYPE_CHECKING:
    from generator.content import Framework

WORD_JOINER = "\u2060"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
WRAP = 38  # characters per line for `cell_text` (free text outside the plate grid)
BR = '<BR ALIGN="LEFT"/>'
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
REPORT = "Eindrapport Verduurzaming van publieke waarde door samenwerking in het mbo, NRO 2022"
SCAN_BLOCK = {"1": "doelen", "2": "drivers", "3": "design", "4": "output", "5": "randvoorwaarden"}


def clean(text: str) -> str:
    """Control characters become spaces and runs of white space one space."""
    return " ".join(CONTROL.sub(" ", text).split())


def escape_line(line: str) -> str:
    """Escape one line of text for an HTML-like label.

    Entities cover the characters HTML-like labels treat as markup. Graphviz expands escape
    sequences such as \\N after decoding entities, so a word joiner follows every backslash.
    """
    if line and all(unicodedata.category(char) == "Cf" for char in line):
        line = " " + line  # a line of only invisible characters (U+00AD) leaves Pango without a layout
    line = html.escape(line, quote=True).replace("\\", "\\" + WORD_JOINER)
    return line.replace("[", "&#91;").replace("]", "&#93;").replace("{", "&#123;").replace("}", "&#125;")


def lines_label(lines: list[str]) -> str:
    """Lines already broken to width, escaped and left-aligned."""
    return BR.join(escape_line(line) for line in lines) + BR


def cell_text(text: str, width: int = WRAP) -> str:
    """Escape one piece of text for a cell of an HTML-like label, wrapped by character count."""
    lines = textwrap.wrap(clean(text), width=width, break_long_words=True, break_on_hyphens=True) or [""]
    return lines_label(lines)


# --- the plate's content -------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One entry in a block: a point (with a bullet), a steering scan item (★, framed) or a note."""

    text: str
    kind: str = "point"  # point | mark | note
    rank: int = 0  # when not every row fits, lower ranks are kept first (the first goal of each term)


@dataclass(frozen=True)
class PlateContext:
    """What the footer needs besides the plate: the site's address and the build date."""

    site_url: str = "https://hsvmbo.example.org/"
    built: date = date(2026, 1, 1)

    def address(self, page: str) -> str:
        return self.site_url.rstrip("/") + "/" + page

    def day(self) -> str:
        return f"{self.built.day} {MONTHS[self.built.month - 1]} {self.built.year}"


@dataclass(frozen=True)
class Block:
    code: str
    number: int
    title: str
    rows: tuple[Row, ...] = ()
    questions: tuple[str, ...] = ()  # the blank plate: guiding questions above a writing area


@dataclass(frozen=True)
class Plate:
    name: str  # used for node ids in the SVG
    title: str
    blocks: tuple[Block, ...]
    legend: tuple[str, ...]
    footer: tuple[str, str]
    blank: bool = False


# --- measuring -----------------------------------------------------------------------------------

INNER_WIDTH = style.BLOCK_WIDTH - 2 * style.BORDER  # a block's cells
TEXT_WIDTH = INNER_WIDTH - 2 * style.PADDING  # the text column inside a block
BODY_HEIGHT = style.BLOCK_HEIGHT - 2 * style.BORDER - style.HEADER_CELL  # below the title bar
BULLET_WIDTH = 18  # the bullet column
ROW_PAD = 3  # cell padding around each row of a case plate
QUESTION_PAD = 2  # the same on the blank plate
MARK_BORDER = 1
TEXT_SLACK = 2  # points kept free in every text cell, so Pango's rounding never overflows it
POINT_WIDTH = TEXT_WIDTH - BULLET_WIDTH - 2 * ROW_PAD - TEXT_SLACK
MARK_WIDTH = TEXT_WIDTH - 2 * ROW_PAD - 2 * MARK_BORDER - TEXT_SLACK
QUESTION_WIDTH = TEXT_WIDTH - BULLET_WIDTH - 2 * QUESTION_PAD - TEXT_SLACK
ROOM = BODY_HEIGHT - 2 * style.PADDING  # height for a block's rows
WRITE_GAP = 2  # kept free between the questions and the writing area


def row_lines(row: Row) -> list[str]:
    if row.kind == "mark":
        return wrap(clean(row.text), style.BODY_SIZE, MARK_WIDTH, bold=True)
    return wrap(clean(row.text), style.BODY_SIZE, POINT_WIDTH, bold=False)


def row_height(row: Row) -> int:
    extra = 2 * MARK_BORDER if row.kind == "mark" else 0
    return text_height(row_lines(row), style.BODY_SIZE) + 2 * ROW_PAD + extra


def rows_height(rows: list[Row] | tuple[Row, ...]) -> int:
    return sum(row_height(row) for row in rows)


def question_lines(question: str) -> list[str]:
    return wrap(clean(question), style.QUESTION_SIZE, QUESTION_WIDTH)


def questions_height(questions: tuple[str, ...] | list[str]) -> int:
    return sum(text_height(question_lines(q), style.QUESTION_SIZE) + 2 * QUESTION_PAD for q in questions)


def write_area(questions: tuple[str, ...] | list[str]) -> tuple[int, int]:
    """Width and height of the writing area under a blank block's questions."""
    return TEXT_WIDTH, ROOM - questions_height(questions) - WRITE_GAP


# --- the blank plate and the case plates ---------------------------------------------------------

def legend_lines(blank: bool) -> tuple[str, ...]:
    if blank:
        return ("Schrijf per blok op wat voor jullie geldt; volg de pijlen.",
                "Alle vragen en voorbeelden: de redeneerlijn op de site.")
    return (f"{style.MARK} scan 2f = scan-item dat het verloop sterk bepaalde (tabel 6.2)",
            "2a–2j drivers  ·  1–5 meerwaarde  ·  a–g effecten  ·  A–F spanningen")


def legend_width(lines: tuple[str, ...]) -> int:
    return int(max(width(line, style.LEGEND_SIZE) for line in lines)) + 8


def _footer(title: str, sources: list[str], page: str, context: PlateContext) -> tuple[str, str]:
    """Two lines: title and source, then page address and build date. With a long title or many
    sections the source lists fewer sections ("en meer"); the first arrangement that fits is used."""
    room = FRAME_WIDTH - TEXT_SLACK
    where = f"{context.address(page)}   ·   gemaakt op {context.day()}"

    def source(count: int) -> str:
        if not sources:
            return f"Bron: {REPORT}"
        more = " en meer" if count < len(sources) else ""
        return f"Bron: {REPORT}: {', '.join(sources[:count])}{more}" if count else f"Bron: {REPORT}; meer op de pagina"

    title, sources = in_font(title), [in_font(section) for section in sources]  # the footer's lines have no room to grow
    candidates = [(f"{title}   ·   {source(count)}", where) for count in range(min(len(sources), 6), -1, -1)]
    candidates += [(source(0), f"{title}   ·   {where}"), (source(0), where)]
    for first, second in candidates:
        if width(first, style.FOOTER_SIZE) <= room and width(second, style.FOOTER_SIZE) <= room:
            return first, second
    return f"Bron: {REPORT}", context.site_url  # a page address too long for the sheet: the site's own


def framework_plate(framework: "Framework", context: PlateContext = PlateContext()) -> Plate:
    """The blank praatplaat: per block its questions and an open area to write in."""
    blocks = tuple(Block(blok.code, number, blok.titel, questions=tuple(blok.plaatvragen or blok.vragen))
                   for number, blok in enumerate(framework.redeneerlijn.blokken, start=1))
    title = "Praatplaat: de redeneerlijn"
    return Plate("redeneerlijn", title, blocks, legend_lines(True),
                 _footer(title, ["figuur 3.1"], "redeneerlijn/", context), blank=True)


def _sources(case: Case) -> list[str]:
    sections: list[str] = []
    for bron in case.bronnen:
        if clean(bron.sectie) not in sections:
            sections.append(clean(bron.sectie))
    return sections


def structured_rows(case: Case, framework: "Framework", code: str) -> list[Row]:
    """What the case's structured data says about one block, for a block without plate points."""
    label = framework.label
    rows: list[Row] = []
    if code == "aanleiding" and case.aanleiding and case.aanleiding.soort:
        rows.append(Row(f"Aanleiding: {label('aanleiding_soorten', case.aanleiding.soort)}"))
    elif code == "doelen" and case.doelen:
        for key, title in (("kort", "Kort"), ("middellang", "Middellang"), ("lang", "Lang")):
            for rank, goal in enumerate(getattr(case.doelen, key)):
                rows.append(Row(f"{title}: {goal}", rank=rank))
    elif code == "drivers":
        for driver in case.drivers:
            rows.append(Row(f"{driver.code} {label('drivers', driver.code)} ({label('driver_rollen', driver.rol).lower()})"))
        for driver in case.externe_drivers:
            rows.append(Row(f"Extern: {label('externe_drivers', driver.code)} ({label('driver_rollen', driver.rol).lower()})"))
    elif code == "design" and case.design:
        d = case.design
        if d.hoofdvorm:
            rows.append(Row(f"Hoofdvorm: {label('hoofdvormen', d.hoofdvorm)}"))
        if d.formaliteit:
            rows.append(Row(label("formaliteit", d.formaliteit)))
        if d.juridische_vormen:
            rows.append(Row("Juridisch: " + ", ".join(label("juridische_vormen", v) for v in d.juridische_vormen)))
        if d.wijziging:
            rows.append(Row(label("ontwerpwijziging", d.wijziging)))
    elif code == "randvoorwaarden":
        for punt in case.aandachtspunten:
            rows.append(Row(f"Aandachtspunt: {label('aandachtspunten', punt.code)}"))
        for spanning in case.spanningen:
            rows.append(Row(f"Spanning {spanning.code}: {label('spanningen', spanning.code)}"))
    elif code == "output" and case.output:
        for waarde in case.output.maatschappelijke_waarde:
            score = f" ({waarde.score})" if waarde.score else ""
            rows.append(Row(f"{waarde.code}. {label('maatschappelijke_waarde', waarde.code)}{score}"))
        for effect in case.output.operationele_effecten:
            rows.append(Row(f"{effect.code}. {label('operationele_effecten', effect.code)}"))
    return rows


def mark_rows(case: Case, code: str) -> list[Row]:
    """The steering scan items (table 6.2) of this block, in one framed row: "★ scan 2e  ★ scan 2f".

    A scan code starts with its category's number (2e: category 2, drivers), so this needs no
    framework and validation can reserve the row's height."""
    codes = [item.code for item in case.richtinggevend if SCAN_BLOCK.get(item.code[:1]) == code]
    return [Row("   ".join(f"{style.MARK} scan {c}" for c in codes), "mark")] if codes else []


def fit(rows: list[Row], marks: list[Row]) -> list[Row]:
    """Rows that fit the block, in their own order: marks always, then rows by rank (and order)
    while they fit, and a note of how many more the case page has. Nothing is cut off."""
    if rows_height(rows + marks) <= ROOM:
        return rows + marks
    kept: set[int] = set()
    for index in sorted(range(len(rows)), key=lambda i: (rows[i].rank, i)):
        trial = kept | {index}
        note = Row(f"en nog {len(rows) - len(trial)} op de casuspagina", "note")
        if rows_height([rows[i] for i in sorted(trial)] + [note] + marks) > ROOM:
            break
        kept = trial
    note = Row(f"en nog {len(rows) - len(kept)} op de casuspagina", "note")
    return [rows[i] for i in sorted(kept)] + [note] + marks


def case_plate(case: Case, framework: "Framework", context: PlateContext = PlateContext()) -> Plate:
    """The praatplaat of one case: the blank plate's grid, filled with its plate points or data."""
    points = case.praatplaat
    blocks = []
    for number, blok in enumerate(framework.redeneerlijn.blokken, start=1):
        written = getattr(points, blok.code, None) if points else None
        marks = mark_rows(case, blok.code)
        if written:  # validation made sure they fit
            rows = [Row(text) for text in written] + marks
        else:
            rows = fit(structured_rows(case, framework, blok.code) or [Row("De bron zegt hier niets over.", "note")], marks)
        blocks.append(Block(blok.code, number, blok.titel, rows=tuple(rows)))
    title = plate_title(case.naam)
    return Plate(case.slug, title, tuple(blocks), legend_lines(False),
                 _footer(title, _sources(case), f"casussen/{case.slug}/", context))


def title_lines(title: str, legend: tuple[str, ...]) -> tuple[int, list[str]] | None:
    """The plate title's type size and lines: one line at the title size, or, for a long name,
    two lines at the smaller size; None if even that does not fit next to the legend."""
    room = int(FRAME_WIDTH) - legend_width(legend) - TEXT_SLACK
    if width(title, style.PLATE_TITLE_SIZE, bold=True) <= room:
        return style.PLATE_TITLE_SIZE, [title]
    lines = wrap(title, style.LONG_TITLE_SIZE, room, bold=True)
    return (style.LONG_TITLE_SIZE, lines) if len(lines) <= 2 else None


def title_fits(name: str) -> bool:
    """Whether a case name fits the plate's header next to the legend."""
    return title_lines(plate_title(name), legend_lines(False)) is not None


def plate_title(name: str) -> str:
    """The plate's title for a case name, in the characters of the plate's font only: a character
    drawn from another font (an emoji, CJK) sets a taller line than the fixed header and footer
    leave room for. The case page keeps the name as written."""
    return f"Praatplaat: {in_font(clean(name))}"


def title_room(name: str) -> int:
    """How many characters of this name fit the header: the longest start of it that fits (the
    room depends on the letters, so a name of wide letters gets fewer than one of narrow ones)."""
    text = clean(name)
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if title_fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


# --- DOT -----------------------------------------------------------------------------------------

FRAME_WIDTH = style.RIGHT - style.LEFT


def _block_origin(index: int) -> tuple[float, float]:
    """Top-left corner of block index 0–5 on the sheet, y measured from the top."""
    row, column = divmod(index, 3)
    x = style.LEFT + column * (style.BLOCK_WIDTH + style.COLUMN_GAP)
    y = style.TOP + style.HEADER_HEIGHT + style.BAND_GAP + row * (style.BLOCK_HEIGHT + style.ROW_GAP)
    return x, y


def _pos(x: float, y_from_top: float) -> str:
    return f'"{x:.2f},{style.PAGE[1] - y_from_top:.2f}!"'


def _block_label(block: Block, blank: bool) -> str:
    header, body, header_text = style.BLOCK_COLOURS[block.code]
    out = [f'<<TABLE BORDER="{style.BORDER}" COLOR="{style.INK}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" '
           f'FIXEDSIZE="TRUE" WIDTH="{style.BLOCK_WIDTH}" HEIGHT="{style.BLOCK_HEIGHT}" BGCOLOR="{body}">',
           f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{INNER_WIDTH}" HEIGHT="{style.HEADER_CELL}" BGCOLOR="{header}" ALIGN="LEFT" '
           f'CELLPADDING="3"><FONT POINT-SIZE="{style.BLOCK_TITLE_SIZE}" COLOR="{header_text}"><B>'
           f"\u2002{block.number}. {escape_line(block.title)}</B></FONT></TD></TR>",
           f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{INNER_WIDTH}" HEIGHT="{BODY_HEIGHT}" VALIGN="TOP" ALIGN="LEFT" '
           f'CELLPADDING="{style.PADDING}">',
           '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">']
    if blank:
        for question in block.questions:
            out.append(f'<TR><TD WIDTH="{BULLET_WIDTH}" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="{QUESTION_PAD}">'
                       f'<FONT POINT-SIZE="{style.QUESTION_SIZE}">{style.BULLET}</FONT></TD>'
                       f'<TD WIDTH="{TEXT_WIDTH - BULLET_WIDTH}" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="{QUESTION_PAD}"><FONT POINT-SIZE="{style.QUESTION_SIZE}">'
                       f"{lines_label(question_lines(question))}</FONT></TD></TR>")
        area_w, area_h = write_area(block.questions)
        out.append(f'<TR><TD COLSPAN="2" FIXEDSIZE="TRUE" WIDTH="{area_w}" HEIGHT="{area_h}" BGCOLOR="{style.WRITE_FILL}" '
                   f'BORDER="1" COLOR="{style.WRITE_BORDER}" STYLE="dashed" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="6">'
                   f'<FONT POINT-SIZE="{style.WRITE_LABEL_SIZE}" COLOR="{style.MUTED}">Onze situatie</FONT></TD></TR>')
    else:
        for row in block.rows:
            text = lines_label(row_lines(row))
            if row.kind == "mark":
                out.append(f'<TR><TD COLSPAN="2" WIDTH="{TEXT_WIDTH}" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="{ROW_PAD}" BGCOLOR="{style.HIGHLIGHT_FILL}" '
                           f'BORDER="{MARK_BORDER}" COLOR="{style.HIGHLIGHT_BORDER}"><B>{text}</B></TD></TR>')
            else:
                bullet = style.BULLET if row.kind == "point" else " "
                colour = f' COLOR="{style.MUTED}"' if row.kind == "note" else ""
                out.append(f'<TR><TD WIDTH="{BULLET_WIDTH}" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="{ROW_PAD}">{bullet}</TD>'
                           f'<TD WIDTH="{TEXT_WIDTH - BULLET_WIDTH}" ALIGN="LEFT" VALIGN="TOP" CELLPADDING="{ROW_PAD}"><FONT{colour} POINT-SIZE="{style.BODY_SIZE}">'
                           f"{text}</FONT></TD></TR>")
        rest = ROOM - rows_height(block.rows)
        if rest > 0:  # takes up the free height, which Graphviz would otherwise share out between the rows
            out.append(f'<TR><TD COLSPAN="2" HEIGHT="{rest}" WIDTH="{TEXT_WIDTH}"></TD></TR>')
    out.append("</TABLE></TD></TR></TABLE>>")
    return "".join(out)


def _band_label(cells: list[str], height: int) -> str:
    """A fixed-size band across the sheet with cells side by side (header or footer)."""
    out = [f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
           f'WIDTH="{int(FRAME_WIDTH)}" HEIGHT="{height}"><TR>', *cells]
    out.append("</TR></TABLE>>")
    return "".join(out)


def plate_dot(plate: Plate) -> str:
    """DOT for a plate with every node pinned: drawn by Graphviz's `nop` layout, unchanged."""
    page_w, page_h = style.PAGE
    name = plate.name
    lines = [f"digraph praatplaat {{",
             f'  graph [layout=nop, splines=line, pad=0, outputorder=edgesfirst, fontname="{style.FONT}", id="pp-{name}"];',
             f'  node [shape=plain, fontname="{style.FONT}", fontsize={style.BODY_SIZE}, fontcolor="{style.INK}"];',
             f'  edge [color="{style.INK}", penwidth={style.ARROW_WIDTH}, arrowsize={style.ARROW_SIZE}];',
             # the sheet itself, so that the drawing's bounding box is the page
             f'  sheet [shape=box, style=invis, fixedsize=true, label="", width={page_w / 72:.4f}, height={page_h / 72:.4f}, '
             f'pos={_pos(page_w / 2, page_h / 2)}, id="pp-{name}-vel"];']
    legend_w = legend_width(plate.legend)
    title_size, title = title_lines(plate.title, plate.legend) or (style.LONG_TITLE_SIZE, [plate.title])
    title_w = int(FRAME_WIDTH) - legend_w
    title_cell = (f'<TD FIXEDSIZE="TRUE" WIDTH="{title_w}" HEIGHT="{style.HEADER_HEIGHT}" ALIGN="LEFT" VALIGN="TOP">'
                  f'<FONT POINT-SIZE="{title_size}"><B>{lines_label(title)}</B></FONT></TD>')
    legend_cell = (f'<TD FIXEDSIZE="TRUE" WIDTH="{legend_w}" HEIGHT="{style.HEADER_HEIGHT}" ALIGN="RIGHT" '
                   f'VALIGN="TOP" BALIGN="RIGHT"><FONT POINT-SIZE="{style.LEGEND_SIZE}">'
                   + '<BR ALIGN="RIGHT"/>'.join(escape_line(line) for line in plate.legend) + '<BR ALIGN="RIGHT"/></FONT></TD>')
    header = _band_label([title_cell, legend_cell], style.HEADER_HEIGHT)
    lines.append(f"  kop [id=\"pp-{name}-kop\", label={header}, pos={_pos(style.LEFT + FRAME_WIDTH / 2, style.TOP + style.HEADER_HEIGHT / 2)}];")
    footer_cell = (f'<TD FIXEDSIZE="TRUE" WIDTH="{int(FRAME_WIDTH)}" HEIGHT="{style.FOOTER_HEIGHT}" ALIGN="LEFT" VALIGN="BOTTOM">'
                   f'<FONT POINT-SIZE="{style.FOOTER_SIZE}" COLOR="{style.MUTED}">{lines_label(list(plate.footer))}</FONT></TD>')
    footer = _band_label([footer_cell], style.FOOTER_HEIGHT)
    lines.append(f"  voet [id=\"pp-{name}-voet\", label={footer}, pos={_pos(style.LEFT + FRAME_WIDTH / 2, style.BOTTOM - style.FOOTER_HEIGHT / 2)}];")
    for index, block in enumerate(plate.blocks):
        x, y = _block_origin(index)
        lines.append(f"  b{index + 1} [id=\"pp-{name}-blok-{block.code}\", label={_block_label(block, plate.blank)}, "
                     f"pos={_pos(x + style.BLOCK_WIDTH / 2, y + style.BLOCK_HEIGHT / 2)}];")
    # arrows: 1 → 2 → 3, then from under 3 back to above 4, then 4 → 5 → 6
    x3, y3 = _block_origin(2)
    x4, y4 = _block_origin(3)
    turn_y = y3 + style.BLOCK_HEIGHT + style.ROW_GAP * 0.4
    for point, x in (("t1", x3 + style.BLOCK_WIDTH / 2), ("t2", x4 + style.BLOCK_WIDTH / 2)):
        lines.append(f"  {point} [shape=point, width=0.04, color=\"{style.INK}\", label=\"\", id=\"pp-{name}-{point}\", pos={_pos(x, turn_y)}];")
    for tail, head, extra in (("b1", "b2", ""), ("b2", "b3", ""), ("b3", "t1", ", arrowhead=none"), ("t1", "t2", ", arrowhead=none"),
                              ("t2", "b4", ""), ("b4", "b5", ""), ("b5", "b6", "")):
        lines.append(f'  {tail} -> {head} [id="pp-{name}-{tail}-{head}"{extra}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def framework_dot(framework: "Framework", context: PlateContext = PlateContext()) -> str:
    return plate_dot(framework_plate(framework, context))


def case_dot(case: Case, framework: "Framework", context: PlateContext = PlateContext()) -> str:
    return plate_dot(case_plate(case, framework, context))


# --- validation of plate points (called from generator/validate.py) ------------------------------

def plate_problems(case: Case) -> list[tuple[tuple, str]]:
    """Where a case's plate points do not fit, as (path in the file, Dutch message)."""
    problems: list[tuple[tuple, str]] = []
    if not title_fits(case.naam):
        room = title_room(case.naam)
        problems.append((("naam",), f"deze naam is te lang voor de kop van de praatplaat (twee regels): hij telt {len(clean(case.naam))} "
                         f"tekens en er passen er ongeveer {room}. Haal er ongeveer {len(clean(case.naam)) - room} af"))
    points = case.praatplaat
    if not points:
        return problems
    for code in style.BLOCK_COLOURS:
        written = getattr(points, code) or []
        for index, text in enumerate(written):
            over = len(text) - style.POINT_MAX_CHARS
            if over > 0:
                problems.append((("praatplaat", code, index), f"dit punt is {len(text)} tekens lang; er passen er {style.POINT_MAX_CHARS}. "
                                 f"Haal er {over} teken{'s' if over != 1 else ''} af"))
        if written and all(len(text) <= style.POINT_MAX_CHARS for text in written):
            rows = [Row(text) for text in written]
            used = rows_height(rows + mark_rows(case, code))
            if used > ROOM:
                lines = sum(len(row_lines(row)) for row in rows)
                problems.append((("praatplaat", code), f"deze punten passen niet in het blok op de praatplaat: ze nemen {lines} regels "
                                 f"in en er is {used - ROOM} punt te weinig hoogte (ongeveer {int((used - ROOM) / line_height(style.BODY_SIZE)) + 1} "
                                 "regel(s) te veel); maak ze korter of laat er een weg"))
    return problems


def points_left(text: str) -> int:
    """How many characters a plate point may still grow."""
    return style.POINT_MAX_CHARS - len(text)
