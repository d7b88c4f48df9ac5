"""Timelines as inline SVG: a case's events on a time axis with its phase bands, and all cases on
one common axis (a row per case).

Plain text in, SVG text out: every piece of contributor text is XML-escaped here (characters XML
cannot hold are dropped), the SVG holds no script, no link and no id, and it carries role="img"
with a summary; the page puts the full text beside it as a list. tijdlijn/maken/ (content/assets/
tijdlijn.js) draws the same picture in the browser from the colours and sizes in STYLE.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from generator.content import Framework
from generator.model import Case

# Okabe–Ito colours and ink as the praatplaten (generator/style.py): line colour, light fill
PHASE_COLOURS = {
    "verkennend": ("#0072B2", "#E3F2FB"),
    "uitbouwend": ("#009E73", "#DDF2EC"),
    "herorientatie": ("#E69F00", "#FDF1D9"),
    "afrondend": ("#CC79A7", "#F7E8F0"),
}
KIND_COLOURS = {
    "start": "#009E73", "subsidie": "#0072B2", "leiderschap": "#D55E00", "partners": "#56B4E9", "pauze": "#777777",
    "evaluatie": "#CC79A7", "heroriëntatie": "#E69F00", "mijlpaal": "#000000", "rapportage": "#0072B2", "stop": "#D55E00",
}
INK, MUTED, GRID = "#222222", "#555555", "#c8c8c8"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
WIDTH = 720
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
STYLE = {"width": WIDTH, "phase_colours": PHASE_COLOURS, "kind_colours": KIND_COLOURS, "ink": INK, "muted": MUTED, "grid": GRID,
         "font": FONT, "months": MONTHS}  # what tijdlijn.js draws with

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NARROW, _WIDE = set("fijlrtI.,:;'!|()[]/ "), set("mwMW@%")


def esc(text: object) -> str:
    """Text for SVG character data or an attribute: one line, XML-escaped, nothing XML cannot hold."""
    return html.escape(" ".join(_NOT_XML.sub("", str(text)).split()), quote=True)


def _units(text: str) -> int:
    """Estimated width in hundredths of the type size; whole numbers, so widths add up exactly."""
    return sum(36 if ch in _NARROW else 92 if ch in _WIDE else 72 if ch.isupper() else 60 for ch in text)


def text_width(text: str, size: float) -> float:
    """Estimated width of text in a sans-serif font (DejaVu Sans runs wide): enough to keep labels apart."""
    return _units(text) * size / 100


def wrap(text: str, width: float, size: float, lines: int) -> list[str]:
    """Break text into at most `lines` lines of at most `width`; a cut-off last line ends in '…'."""
    words, result, current, current_units = " ".join(_NOT_XML.sub("", text).split()).split(" "), [], "", 0
    space = _units(" ")
    for word in words:
        word_units = _units(word)
        candidate_units = current_units + space + word_units if current else word_units
        if candidate_units * size / 100 <= width or not current:
            current, current_units = (f"{current} {word}" if current else word), candidate_units
        else:
            result.append(current)
            current, current_units = word, word_units
            if len(result) > lines:  # the lines after these are cut off anyway
                break
    result.append(current)
    result = [_fit(line, width, size) for line in result]
    if len(result) > lines:
        result = result[:lines]
        result[-1] = _fit(result[-1] + " …", width, size, force=True)
    return result


def _fit(line: str, width: float, size: float, force: bool = False) -> str:
    if text_width(line, size) <= width and not force:
        return line
    while line and text_width(line + "…", size) > width:
        line = line[:-1]
    return line.rstrip(" …") + "…"


def when(datum: str) -> str:
    """A date as a reader says it: '2021', 'aug 2021', '31 aug 2021'."""
    parts = datum.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def start_of(datum: str) -> float:
    """A date as a year with its fraction, at its start ('2021-07' → 2021.5)."""
    parts = [int(p) for p in datum.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def end_of(datum: str) -> float:
    """The end of the period a date names ('2021' → 2022.0, '2021-07' → 2021.583…)."""
    parts = [int(p) for p in datum.split("-")]
    if len(parts) == 1:
        return parts[0] + 1.0
    if len(parts) == 2:
        return parts[0] + parts[1] / 12
    return start_of(datum) + 1 / 365


@dataclass(frozen=True)
class Event:
    number: int
    datum: str
    soort: str
    label: str  # the kind's label from the vocabulary
    tekst: str
    derived: bool = False  # made from `startjaar`, not from `tijdlijn`
    source: Any = field(default=None, compare=False)  # the case's Gebeurtenis (its sources), if any


@dataclass(frozen=True)
class Band:
    code: str
    label: str
    van: str
    tot: str | None
    stuwend: tuple[str, ...] = ()
    remmend: tuple[str, ...] = ()
    source: Any = field(default=None, compare=False)  # the case's Periode (its sources)

    @property
    def period(self) -> str:
        return f"{when(self.van)} – {when(self.tot) if self.tot else 'nu'}"


@dataclass(frozen=True)
class Timeline:
    """What a case's tijdlijn shows: numbered events, phase bands and the axis they span."""

    events: tuple[Event, ...]
    bands: tuple[Band, ...]
    first: int
    last: int  # the axis runs from 1 January of `first` to 1 January of `last`

    @property
    def empty(self) -> bool:
        return not self.events and not self.bands


def of_case(case: Case, framework: Framework) -> Timeline:
    """The case's events (with a start from `startjaar` when no event says when it began) and phases."""
    kinds = framework.vocabularies["gebeurtenissen"]
    dated = [(e.datum, e.soort, e.tekst, e) for e in case.tijdlijn]
    if case.startjaar and not any(e.soort == "start" for e in case.tijdlijn):
        dated.insert(0, (str(case.startjaar), "start", "Begin van de samenwerking (startjaar in het portret).", None))
        dated.sort(key=lambda item: item[0])
    events = tuple(Event(i + 1, d, s, kinds.label(s), t, source is None, source) for i, (d, s, t, source) in enumerate(dated))
    phases = framework.vocabularies["fasen"]
    bands = tuple(Band(p.code, phases.label(p.code), p.van, p.tot,
                       tuple(d.code for d in p.drivers if d.rol in ("stuwend", "beide")),
                       tuple(d.code for d in p.drivers if d.rol in ("remmend", "beide")), p) for p in case.fasen)
    years = [int(e.datum[:4]) for e in events] + [int(b.van[:4]) for b in bands]
    ends = [end_of(e.datum) for e in events] + [end_of(b.tot or b.van) for b in bands]
    if not years:
        return Timeline((), (), 0, 0)
    first, last = min(years), max(int(-(-end // 1)) for end in ends)
    return Timeline(events, bands, first, max(last, first + 1))


class _Axis:
    def __init__(self, first: int, last: int, left: float, right: float):
        self.first, self.last, self.left, self.right = first, last, left, right

    def x(self, year: float) -> float:
        return round(self.left + (year - self.first) / (self.last - self.first) * (self.right - self.left), 1)

    def ticks(self) -> list[tuple[int, bool]]:
        """Every year, with whether it carries a label (fewer labels on a long axis)."""
        span = self.last - self.first
        step = 1 if span <= 14 else 2 if span <= 28 else 5
        return [(year, (year - self.first) % step == 0) for year in range(self.first, self.last + 1)]


def _open(width: float, height: float, label: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="tijdlijn-svg" viewBox="0 0 {width:g} {height:g}" '
            f'width="{width:g}" height="{height:g}" role="img" aria-label="{esc(label)}" '
            f'font-family="{FONT}" font-size="12" fill="{INK}">']


def _band(axis: _Axis, band: Band, top: float, height: float, end: float, detail: bool) -> list[str]:
    line, fill = PHASE_COLOURS.get(band.code, (MUTED, "#eeeeee"))
    x0, x1 = axis.x(start_of(band.van)), axis.x(end_of(band.tot) if band.tot else end)
    width = max(x1 - x0, 2)
    out = [f'<rect x="{x0}" y="{top}" width="{width:g}" height="{height}" rx="3" fill="{fill}" stroke="{line}" stroke-width="1.5"'
           + ('' if band.tot else ' stroke-dasharray="6 3"') + '/>']
    if not detail or width < 24:
        return out
    room = width - 10
    out.append(f'<text x="{x0 + 5}" y="{top + 15}" font-weight="bold">{esc(_fit(band.label, room, 12))}</text>')
    drivers = " ".join([*(f"+{c}" for c in band.stuwend), *(f"−{c}" for c in band.remmend)])
    second = f"{band.period}" + (f" · {drivers}" if drivers else "")
    out.append(f'<text x="{x0 + 5}" y="{top + 31}" font-size="11" fill="{MUTED}">{esc(_fit(second, room, 11))}</text>')
    return out


def _axis(axis: _Axis, y: float, top: float, labels_at: float) -> list[str]:
    out = [f'<line x1="{axis.left}" y1="{y}" x2="{axis.right}" y2="{y}" stroke="{INK}" stroke-width="2"/>']
    for year, labelled in axis.ticks():
        x = axis.x(year)
        out.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{y + 5}" stroke="{GRID}" stroke-width="1"/>')
        if labelled and year < axis.last:
            out.append(f'<text x="{axis.x(year + 0.5)}" y="{labels_at}" text-anchor="middle" fill="{MUTED}">{year}</text>')
    return out


def _marker(x: float, y: float, event: Event, radius: float = 10) -> list[str]:
    colour = KIND_COLOURS.get(event.soort, INK)
    fill = "#ffffff" if event.derived else colour
    ink = colour if event.derived else "#ffffff" if colour not in ("#E69F00", "#56B4E9") else "#000000"
    return [f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{fill}" stroke="{colour}" stroke-width="2"/>',
            f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="11" font-weight="bold" fill="{ink}">{event.number}</text>']


def _spread(xs: list[float], gap: float, right: float) -> list[float]:
    """Marker positions at least `gap` apart, in order, none past `right`."""
    placed: list[float] = []
    for x in xs:
        placed.append(max(x, placed[-1] + gap) if placed else x)
    overshoot = placed[-1] - right if placed else 0
    return [p - max(0.0, overshoot) for p in placed]


LABEL_W, LINE_H = 180.0, 15


def case_svg(timeline: Timeline, name: str) -> str:
    """One case: phase bands above the axis, numbered events on it, a card per event below."""
    axis = _Axis(timeline.first, timeline.last, 24, WIDTH - 24)
    band_top, band_h = 8, 38 if timeline.bands else 0
    axis_y = band_top + band_h + 30  # year labels between the bands and the axis, clear of the markers
    out: list[str] = []
    for band in timeline.bands:
        out += _band(axis, band, band_top, band_h, timeline.last, detail=True)
    out += _axis(axis, axis_y, band_top, axis_y - 13)
    xs = _spread([axis.x(start_of(e.datum)) for e in timeline.events], 22, axis.right)
    lanes: list[float] = []  # right edge of the last card in each lane
    cards, stems, bottom = [], [], axis_y + 20
    for event, x in zip(timeline.events, xs):
        head, kind = f"{event.number}. {when(event.datum)}", _fit(event.label, LABEL_W - 14, 11)
        lines = wrap(event.tekst, LABEL_W - 14, 11.5, 3)
        width = min(LABEL_W, max(text_width(head, 12.5), text_width(kind, 11), *(text_width(line, 11.5) for line in lines)) + 14)
        left = min(max(x - 14, axis.left - 16), axis.right + 16 - width)
        lane = next((i for i, edge in enumerate(lanes) if edge + 10 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = left + width
        top = axis_y + 24 + lane * (LINE_H * 5 + 16)
        height = LINE_H * (len(lines) + 2) + 8
        bottom = max(bottom, top + height)
        stems.append(f'<line x1="{x}" y1="{axis_y}" x2="{x}" y2="{top}" stroke="{MUTED}" stroke-width="1"/>')
        cards.append(f'<rect x="{left}" y="{top}" width="{width:.1f}" height="{height}" rx="4" fill="#ffffff" stroke="{GRID}"/>')
        cards.append(f'<text x="{left + 7}" y="{top + 15}" font-size="11.5" font-weight="bold">{esc(head)}</text>')
        cards.append(f'<text x="{left + 7}" y="{top + 15 + LINE_H}" font-size="11" fill="{MUTED}">{esc(kind)}</text>')
        for i, line in enumerate(lines):
            cards.append(f'<text x="{left + 7}" y="{top + 15 + LINE_H * (i + 2)}" font-size="11.5">{esc(line)}</text>')
    markers = [part for event, x in zip(timeline.events, xs) for part in _marker(x, axis_y, event)]
    height = bottom + 10
    summary = (f"Tijdlijn van {name}: {len(timeline.events)} gebeurtenis(sen) en {len(timeline.bands)} fase(n), "
               f"{timeline.first}–{timeline.last - 1}. De lijst eronder geeft alles in tekst.")
    return "".join(_open(WIDTH, height, summary) + out + stems + cards + markers + ["</svg>"])


ROW_H, NAME_W = 34, 180


def cases_svg(rows: list[tuple[str, Timeline]], first: int, last: int) -> str:
    """Several cases on one axis: a row per case with its phase bands and numbered events."""
    axis = _Axis(first, last, NAME_W + 10, WIDTH - 16)
    top = 30
    out = [f'<rect x="0" y="{top + i * ROW_H}" width="{WIDTH}" height="{ROW_H}" fill="#f3f3f3"/>' for i in range(1, len(rows), 2)]
    for year, labelled in axis.ticks():
        x = axis.x(year)
        out.append(f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{top + len(rows) * ROW_H}" stroke="{GRID}" stroke-width="1"/>')
        if labelled and year < last:
            out.append(f'<text x="{axis.x(year + 0.5)}" y="{top - 10}" text-anchor="middle" fill="{MUTED}">{year}</text>')
    for index, (name, timeline) in enumerate(rows):
        y = top + index * ROW_H
        out.append(f'<text x="6" y="{y + ROW_H / 2 + 4}">{esc(_fit(name, NAME_W - 10, 12))}</text>')
        out.append(f'<line x1="{axis.left}" y1="{y + ROW_H / 2}" x2="{axis.right}" y2="{y + ROW_H / 2}" stroke="{GRID}" stroke-width="1"/>')
        for band in timeline.bands:
            out += _band(axis, band, y + 5, ROW_H - 10, last, detail=False)
        xs = _spread([axis.x(start_of(e.datum)) for e in timeline.events], 20, axis.right)
        for event, x in zip(timeline.events, xs):
            out.append(f'<g><title>{esc(f"{when(event.datum)} · {event.label}: {event.tekst}")}</title>')
            out += _marker(x, y + ROW_H / 2, event, 9)
            out.append("</g>")
    height = top + len(rows) * ROW_H + 6
    names = ", ".join(name for name, _ in rows[:6]) + (" en meer" if len(rows) > 6 else "")
    summary = f"Tijdlijnen op één tijdas, {first}–{last - 1}: {names}. De lijst eronder geeft alles in tekst."
    return "".join(_open(WIDTH, height, summary) + out + ["</svg>"])


ROWS_PER_FIGURE = 25  # a long list of cases is drawn as several figures, each with its own year labels


def across(cases: tuple[Case, ...], framework: Framework) -> tuple[list[tuple[Case, Timeline]], list[str]]:
    """The cases that have a timeline (with it) and the SVG figures that draw them on one axis."""
    rows = [(case, of_case(case, framework)) for case in cases]
    rows = [(case, timeline) for case, timeline in rows if not timeline.empty]
    if not rows:
        return [], []
    first, last = min(t.first for _, t in rows), max(t.last for _, t in rows)
    figures = [cases_svg([(case.naam, t) for case, t in rows[i:i + ROWS_PER_FIGURE]], first, last)
               for i in range(0, len(rows), ROWS_PER_FIGURE)]
    return rows, figures
