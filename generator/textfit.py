"""Text measuring for praatplaten: line breaking by the real advance widths of the plate's font.

The plate has fixed type sizes and fixed block sizes, so every text must be broken into lines
before Graphviz sees it, and the generator must know how many lines that gives. Widths come from
the font files themselves (fontTools reads their horizontal metrics), the same DejaVu Sans that
Graphviz and Pango draw with; a small allowance covers hinting and fallback glyphs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from generator import style

SPACE = re.compile(r"\s+")
BREAK_AFTER = re.compile(r"(?<=[-/–])")  # a long word may break after a hyphen, slash or dash
FALLBACK_LINES = 1.5  # a line with such a character may be taller (CJK and emoji fonts)
FALLBACK_ADVANCE = 1.3  # em; a character the font lacks is drawn from another font (emoji, CJK): assume wide


@lru_cache(maxsize=4)
def _font_units(bold: bool) -> tuple[dict[int, int], int, int]:
    """Advance width per code point in font units, the fallback advance in font units, and the
    units per em of the plate's font. Whole units add up exactly, so the width of a line is the
    sum of the widths of its words and spaces (wrap() relies on that)."""
    from fontTools.ttLib import TTFont

    with TTFont(style.FONT_FILES[bold], lazy=True) as font:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        advances = {code: metrics[name][0] for code, name in font.getBestCmap().items()}
    return advances, round(FALLBACK_ADVANCE * per_em), per_em


def _advances(bold: bool) -> dict[int, int]:
    """The code points the plate's font has (with their advance in font units)."""
    return _font_units(bold)[0]


def in_font(text: str) -> str:
    """The text without the characters the plate's font lacks (emoji, CJK …): another font would
    draw them with a taller line, for which a one-line cell of fixed height has no room."""
    advances = _advances(False)
    return " ".join("".join(char for char in text if ord(char) in advances).split())


def _units(text: str, bold: bool) -> int:
    advances, fallback, _ = _font_units(bold)
    get = advances.get
    return sum(get(ord(char), fallback) for char in text)


def _points(units: int, size: float, bold: bool) -> float:
    return units / _font_units(bold)[2] * size * style.WIDTH_ALLOWANCE


def width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of text in points."""
    return _points(_units(text, bold), size, bold)


def line_height(size: float) -> float:
    """Distance between two lines of text in points, as Graphviz sets lines in HTML-like labels
    (1.2 × the size; measured on Graphviz 14 with DejaVu Sans)."""
    return style.LINE_FACTOR * size


def text_height(lines: list[str], size: float) -> int:
    """Height in whole points of a cell's text lines (Graphviz adds about a point). A line with a
    character the plate's font lacks is drawn partly in another font, whose line can be taller:
    it counts as FALLBACK_LINES lines."""
    advances = _advances(False)
    count = sum(1 if all(ord(char) in advances for char in line) else FALLBACK_LINES for line in lines)
    return int(count * line_height(size) + 1.999)


def _pieces(word: str, size: float, limit: float, bold: bool) -> list[str]:
    """A word wider than a line, broken after hyphens where possible, else between characters."""
    out, current = [], ""
    for part in (p for p in BREAK_AFTER.split(word) if p):
        if width(current + part, size, bold) <= limit:
            current += part
            continue
        if current:
            out.append(current)
            current = ""
        for char in part:
            if current and width(current + char, size, bold) > limit:
                out.append(current)
                current = ""
            current += char
    if current:
        out.append(current)
    return out


def wrap(text: str, size: float, limit: float, bold: bool = False) -> list[str]:
    """Break text into lines no wider than `limit` points at `size` points (greedy, by words)."""
    return list(_wrap(text, size, limit, bold))


@lru_cache(maxsize=32768)  # a plate measures the same rows several times (fit, validate, DOT)
def _wrap(text: str, size: float, limit: float, bold: bool) -> tuple[str, ...]:
    lines: list[str] = []
    current, current_units = "", 0
    space = _units(" ", bold)
    for word in SPACE.split(text.strip()):
        if not word:
            continue
        word_units = _units(word, bold)
        candidate = current_units + space + word_units if current else word_units
        if _points(candidate, size, bold) <= limit:
            current, current_units = (f"{current} {word}" if current else word), candidate
            continue
        if current:
            lines.append(current)
        if _points(word_units, size, bold) <= limit:
            current, current_units = word, word_units
        else:
            *full, current = _pieces(word, size, limit, bold)
            lines.extend(full)
            current_units = _units(current, bold)
    if current or not lines:
        lines.append(current)
    return tuple(lines)
