"""The benchmark's synthetic corpus (benchmarks/synthetic.py) is valid and exercises every field
of the case model, so the benchmark measures pages as full as real ones can get. A field added to
the model without a place in the corpus fails here, not halfway through a benchmark run."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import check_corpus, field_paths, write_corpus  # noqa: E402


def test_synthetic_corpus_is_valid_and_uses_every_model_field(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_corpus(root, 200)
    result = check_corpus(root, 200)  # validates with the generator's loader; asserts no field is unused
    assert result["cases"] == 200
    assert {"lessen", "lessen.bronnen", "fasen.drivers.rol", "praatplaat.output", "scan.antwoord"} <= field_paths()
