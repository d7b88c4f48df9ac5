"""One visual style for praatplaten on screen and in print, defined once.

Block colours come from the Okabe–Ito palette, which stays distinguishable for the common
forms of colour blindness; each block also carries its number, so a black-and-white print
loses nothing. Header text colour is chosen for contrast on its fill.
"""
from __future__ import annotations

FONT = "DejaVu Sans"
FONT_SIZE = 11
TITLE_SIZE = 15
WRAP = 38  # characters per line inside a block

BLOCK_COLOURS = {
    "aanleiding": ("#E69F00", "#FDF1D9", "#000000"),  # orange: header fill, body fill, header text
    "doelen": ("#56B4E9", "#E3F2FB", "#000000"),  # sky blue
    "drivers": ("#009E73", "#DDF2EC", "#000000"),  # bluish green
    "design": ("#F0E442", "#FCFAD9", "#000000"),  # yellow
    "randvoorwaarden": ("#0072B2", "#DCEBF5", "#FFFFFF"),  # blue
    "output": ("#D55E00", "#F9E4D6", "#000000"),  # vermillion
}
HIGHLIGHT_FILL = "#FFFFFF"
HIGHLIGHT_BORDER = "#000000"
MARK = "★"  # marks the scan items that steered a case (table 6.2)

# A3 landscape in inches (420 × 297 mm), with a margin for printers.
PAGE_INCHES = (16.54, 11.69)
MARGIN_INCHES = 0.4
