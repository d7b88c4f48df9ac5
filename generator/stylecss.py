"""The praatplaat style (style.py) as CSS custom properties, for pages that draw a praatplaat in
HTML (praatplaten/maken/): one source for the colours and fonts of the Graphviz praatplaten and
of the printed form. Staged as assets/praatplaat-stijl.css."""
from __future__ import annotations

from generator import style

PATH = "assets/praatplaat-stijl.css"


def custom_properties() -> str:
    lines = ["/* Generated from generator/style.py by generator/stylecss.py: do not edit. */", ":root {",
             f'  --pp-font: "{style.FONT}", "DejaVu Sans", sans-serif;']
    for code, (head, body, text) in style.BLOCK_COLOURS.items():
        lines += [f"  --pp-{code}-kop: {head};", f"  --pp-{code}-vlak: {body};", f"  --pp-{code}-tekst: {text};"]
    # optional constants of the printed A3 design (issue 12); the fallbacks in site.css apply without them
    for name, css in (("TITLE_PT", "titel"), ("QUESTION_PT", "vraag"), ("BODY_PT", "tekst"), ("FOOTER_PT", "voet")):
        value = getattr(style, name, None)
        if isinstance(value, (int, float)):
            lines.append(f"  --pp-{css}-pt: {value}pt;")
    lines.append("}")
    return "\n".join(lines) + "\n"
