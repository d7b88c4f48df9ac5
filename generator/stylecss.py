"""The praatplaat style (style.py) as CSS custom properties, for pages that draw a praatplaat in
HTML (praatplaten/maken/): one source for the colours, type sizes and grid of the Graphviz
praatplaten and of the printed form. Staged as assets/praatplaat-stijl.css.

Constants that style.py does not (yet) define are left out; assets/werkvormen.css then uses its
fallbacks, which are the values of the praatplaat design (git tag praatplaat-design, issue 12)."""
from __future__ import annotations

from generator import style

PATH = "assets/praatplaat-stijl.css"
PT_TO_MM = 25.4 / 72

# style.py name → (CSS name, unit): type sizes in pt, lengths in pt on the sheet (written in mm)
SIZES = {"PLATE_TITLE_SIZE": ("plaattitel", "pt"), "BLOCK_TITLE_SIZE": ("titel", "pt"), "QUESTION_SIZE": ("vraag", "pt"),
         "BODY_SIZE": ("tekst", "pt"), "LEGEND_SIZE": ("legenda", "pt"), "FOOTER_SIZE": ("voet", "pt"),
         "COLUMN_GAP": ("kolomruimte", "mm"), "ROW_GAP": ("rijruimte", "mm"), "BORDER": ("rand", "pt")}
COLOURS = {"INK": "inkt", "MUTED": "gedempt"}


def custom_properties() -> str:
    lines = ["/* Generated from generator/style.py by generator/stylecss.py: do not edit. */", ":root {",
             f'  --pp-font: "{style.FONT}", "DejaVu Sans", sans-serif;']
    for code, (head, body, text) in style.BLOCK_COLOURS.items():
        lines += [f"  --pp-{code}-kop: {head};", f"  --pp-{code}-vlak: {body};", f"  --pp-{code}-tekst: {text};"]
    for name, (css, unit) in SIZES.items():
        value = getattr(style, name, None)
        if isinstance(value, (int, float)):
            lines.append(f"  --pp-{css}: {round(value * PT_TO_MM, 2) if unit == 'mm' else value}{unit};")
    for name, css in COLOURS.items():
        value = getattr(style, name, None)
        if isinstance(value, str):
            lines.append(f"  --pp-{css}: {value};")
    lines.append("}")
    return "\n".join(lines) + "\n"
