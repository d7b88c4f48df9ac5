"""One visual style for praatplaten on screen and in print, defined once.

Everything a plate looks like is here: font, type sizes, colours and the grid on the A3 sheet
(all lengths in points, 1/72 inch). The web SVG and both PDFs (A3, and A4 as the same drawing
scaled down) are drawn from one layout with these numbers; nothing is scaled to fit, so a type
size here is the size on the A3 sheet.

Block colours come from the Okabe–Ito palette, which stays distinguishable for the common
forms of colour blindness; each block also carries its number, so a black-and-white print
loses nothing. Header text colour is chosen for contrast on its fill.
"""
from __future__ import annotations

FONT = "DejaVu Sans"
FONT_FILES = {False: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
              True: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}
WIDTH_ALLOWANCE = 1.03  # measured widths × this, for hinting and rounding in Pango
LINE_FACTOR = 1.2  # line spacing in Graphviz's HTML-like labels, × the type size

# Type sizes on the A3 sheet, in points. The same on every plate; never scaled to fit.
PLATE_TITLE_SIZE = 20  # the plate's title, top left
LONG_TITLE_SIZE = 10  # a title too long for one line: two lines at this size
BLOCK_TITLE_SIZE = 24  # "1. Aanleiding"
QUESTION_SIZE = 16  # guiding questions on the blank plate
BODY_SIZE = 14  # points and data on a case plate
WRITE_LABEL_SIZE = 12  # "Onze situatie" in the writing area
LEGEND_SIZE = 10
FOOTER_SIZE = 9  # the smallest text on any plate
MIN_SIZE = FOOTER_SIZE

BLOCK_COLOURS = {
    "aanleiding": ("#E69F00", "#FDF1D9", "#000000"),  # orange: header fill, body fill, header text
    "doelen": ("#56B4E9", "#E3F2FB", "#000000"),  # sky blue
    "drivers": ("#009E73", "#DDF2EC", "#000000"),  # bluish green
    "design": ("#F0E442", "#FCFAD9", "#000000"),  # yellow
    "randvoorwaarden": ("#0072B2", "#DCEBF5", "#FFFFFF"),  # blue
    "output": ("#D55E00", "#F9E4D6", "#000000"),  # vermillion
}
INK = "#222222"  # text, block borders and arrows
MUTED = "#555555"  # footer, captions
WRITE_FILL = "#FFFFFF"  # the writing area on the blank plate
WRITE_BORDER = "#777777"
HIGHLIGHT_FILL = "#FFFFFF"
HIGHLIGHT_BORDER = "#000000"
MARK = "★"  # marks the scan items that steered a case (table 6.2)
BULLET = "•"

# The sheet: A3 landscape (420 × 297 mm), and A4 landscape for handouts (the same drawing × 1/√2).
MM = 72 / 25.4
PAGE = (420 * MM, 297 * MM)
PAGE_A4 = (297 * MM, 210 * MM)
MARGIN = 10 * MM  # printers need it; nothing is drawn inside it
INSET = 2  # extra room inside the margin, for line widths
LEFT = MARGIN + INSET
TOP = MARGIN + INSET
RIGHT = PAGE[0] - MARGIN - INSET
BOTTOM = PAGE[1] - MARGIN - INSET

# The grid: a header band (title, legend), two rows of three blocks with arrows between them,
# and a footer band. Block sizes are whole points (Graphviz table sizes are integers).
HEADER_HEIGHT = 28
FOOTER_HEIGHT = 24
BAND_GAP = 5  # between the header or footer band and the blocks
COLUMN_GAP = 36  # room for an arrow between two blocks in a row
ROW_GAP = 26  # room for the arrow from block 3 back to block 4
BLOCK_WIDTH = int((RIGHT - LEFT - 2 * COLUMN_GAP) / 3)
BLOCK_HEIGHT = int((BOTTOM - TOP - HEADER_HEIGHT - FOOTER_HEIGHT - 2 * BAND_GAP - ROW_GAP) / 2)
BORDER = 2  # block border width
HEADER_CELL = 36  # height of a block's title bar
PADDING = 6  # inside a block
ARROW_WIDTH = 3
ARROW_SIZE = 1.3

# The blank plate: each block keeps a writing area of at least this size (7.6 cm: a sticky note)
# and at least half of the block.
WRITE_MIN = 76 * MM
WRITE_MIN_SHARE = 0.5

# Plate points in the case model (field `praatplaat`): how many per block and how long.
POINTS_MAX = 4
POINT_MAX_CHARS = 120
