"""Measured prototypes of two generator fixes found with the benchmarks (not used by the build).

    python benchmarks/prototypes.py benchmarks/out/n1000    # a corpus written by run.py or synthetic.py

1. Strict YAML through libyaml: the same refusals as generator.load._StrictLoader (aliases,
   anchors, explicit tags, depth), but libyaml scans and parses (PyYAML's CParser) and only the
   composition runs in Python. Checked here: identical data, marks and key marks for every file.
2. A3 wrapping without parsing the content stream: render._a3 uses pypdf's
   merge_transformed_page, which decodes and re-tokenises Graphviz's whole content stream. Setting
   the MediaBox to A3 and wrapping the old content in `q <scale> 0 0 <scale> dx dy cm … Q` gives
   the same page (same geometry as _a3) at a fraction of the cost.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.events import AliasEvent
from yaml.resolver import BaseResolver

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import generator.load as L  # noqa: E402
from generator import style  # noqa: E402


# --- 1. libyaml-backed strict loader -------------------------------------------------------------

class FastStrictLoader(Composer, CParser, BaseConstructor, BaseResolver):
    """Python Composer (with the strict checks) on top of libyaml's event parser."""

    def __init__(self, stream: str, name: str):
        CParser.__init__(self, stream)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)
        Composer.__init__(self)
        self.name = name
        self._depth = 0

    def _refuse(self, mark, message: str) -> None:
        raise yaml.MarkedYAMLError(problem=message, problem_mark=mark)

    def compose_node(self, parent, index):  # same checks as generator.load._StrictLoader.compose_node
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self._refuse(event.start_mark, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._refuse(event.start_mark, f"anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            self._refuse(event.start_mark, f"explicit tags ({tag}) are not allowed")
        self._depth += 1
        if self._depth > L.MAX_DEPTH:
            self._refuse(event.start_mark, f"nesting deeper than {L.MAX_DEPTH} levels")
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1


def fast_load_text(text: str, name: str) -> L.Document:
    loader = FastStrictLoader(text, name)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    doc = L.Document(path=name, data=None)
    doc.data = L._construct(root, (), doc, name)
    return doc


# --- 2. A3 without content-stream parsing --------------------------------------------------------

def a3_wrap(raw_pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, RectangleObject

    reader = PdfReader(io.BytesIO(raw_pdf))
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    page_w, page_h = (inches * 72 for inches in style.PAGE_INCHES)
    margin = style.MARGIN_INCHES * 72
    scale = min((page_w - 2 * margin) / width, (page_h - 2 * margin) / height)
    dx = (page_w - width * scale) / 2 - float(box.left) * scale
    dy = (page_h - height * scale) / 2 - float(box.bottom) * scale
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(f"q {scale:.6f} 0 0 {scale:.6f} {dx:.4f} {dy:.4f} cm\n".encode())
    after.set_data(b"\nQ\n")
    contents = page["/Contents"]
    old = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(before), *old, writer._add_object(after)])
    page.mediabox = RectangleObject([0, 0, page_w, page_h])
    for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
        if key in page:
            del page[key]
    writer.add_metadata({"/Producer": "hsvmbo generator", "/Creator": "Graphviz via pygraphviz"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> int:
    from generator.build import _diagrams
    from generator.content import load_framework
    from generator.render import _a3, _draw, _prepare_environment
    from generator.validate import load_cases

    root = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/n1000")
    files = sorted((root / "cases").glob("*.yml"))
    texts = [(L.decode(path.read_bytes(), path.name), path.name) for path in files]
    clock = time.perf_counter()
    slow = [L.load_text(text, name) for text, name in texts]
    t_slow = time.perf_counter() - clock
    clock = time.perf_counter()
    fast = [fast_load_text(text, name) for text, name in texts]
    t_fast = time.perf_counter() - clock
    same = all(a.data == b.data and a.marks == b.marks and a.key_marks == b.key_marks for a, b in zip(slow, fast))
    print(f"YAML, {len(files)} case files: generator.load {t_slow:.2f} s, libyaml-backed {t_fast:.2f} s "
          f"({t_slow / t_fast:.1f}×); identical data and positions: {same}")
    for bad in ("a: &x 1\nb: *x\n", "a: !!python/object 1\n", "a:\n" + "".join("  " * i + "- \n" for i in range(1, 25))):
        try:
            fast_load_text(bad, "bad.yml")
            print("  NOT refused:", bad[:30])
        except yaml.MarkedYAMLError as err:
            print(f"  refused at {err.problem_mark.line + 1}:{err.problem_mark.column + 1}: {err.problem}")

    framework = load_framework(root)
    cases = load_cases(root, framework.codes(), files[:40])
    diagrams = _diagrams(framework, cases)[1:]
    _prepare_environment()
    raws = [_draw(diagram.dot, "pdf") for diagram in diagrams]
    clock = time.perf_counter()
    old = [_a3(raw) for raw in raws]
    t_old = (time.perf_counter() - clock) / len(raws)
    clock = time.perf_counter()
    new = [a3_wrap(raw) for raw in raws]
    t_new = (time.perf_counter() - clock) / len(raws)
    clock = time.perf_counter()
    for diagram in diagrams:
        _draw(diagram.dot, "svg")
        _draw(diagram.dot, "pdf")
    t_draw = (time.perf_counter() - clock) / len(diagrams)
    print(f"A3 per praatplaat: render._a3 {t_old * 1000:.1f} ms, a3_wrap {t_new * 1000:.1f} ms ({t_old / t_new:.1f}×); "
          f"Graphviz layout+draw svg+pdf {t_draw * 1000:.1f} ms; mean PDF size {sum(map(len, old)) // len(old)} → {sum(map(len, new)) // len(new)} bytes")
    out = root / "prototype-a3"
    out.mkdir(exist_ok=True)
    (out / "old.pdf").write_bytes(old[0])
    (out / "new.pdf").write_bytes(new[0])
    print(f"  compare: pdftoppm -png -r 30 {out}/old.pdf {out}/old; pdftoppm -png -r 30 {out}/new.pdf {out}/new")
    return 0


if __name__ == "__main__":
    sys.exit(main())
