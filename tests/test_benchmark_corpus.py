"""The benchmark keeps working as the generator changes: its synthetic corpus
(benchmarks/synthetic.py) is valid and exercises every field of the case model, so it measures
pages as full as real ones can get, and benchmarks/run.py runs end to end at a small size. A field
added to the model without a place in the corpus, or a changed internal call, fails here rather
than halfway through a benchmark run."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import check_corpus, field_paths, write_corpus  # noqa: E402

from generator.siteconfig import config_loader  # noqa: E402  (reads mkdocs.yml's !ENV tags as MkDocs does)


def test_synthetic_corpus_is_valid_and_uses_every_model_field(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_corpus(root, 200)
    result = check_corpus(root, 200)  # validates with the generator's loader; asserts no field is unused
    assert result["cases"] == 200
    assert {"lessen", "lessen.bronnen", "fasen.drivers.rol", "praatplaat.output", "scan.antwoord"} <= field_paths()


def test_naive_baseline_lists_every_case_in_nav_and_keeps_further_list_pages_out(tmp_path: Path) -> None:
    """Past 100 cases the overview has further pages (casussen/pagina_2.md …) that are in no nav;
    the naive config must keep them out of nav as the real one does, or MkDocs --strict fails."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.run import naive_config

    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    config = yaml.load((tmp_path / naive_config(tmp_path, ["een-casus", "twee-casus"])).read_text(encoding="utf-8"), Loader=config_loader())
    assert "/casussen/pagina_*.md" in config["not_in_nav"].split()
    assert "/casussen/*.md" not in config["not_in_nav"].split()
    [casussen] = [entry["Casussen"] for entry in config["nav"] if isinstance(entry, dict) and "Casussen" in entry]
    assert casussen == ["casussen/index.md", "casussen/een-casus.md", "casussen/twee-casus.md"]


@pytest.mark.slow
def test_benchmark_runs_end_to_end_at_a_small_size(tmp_path: Path) -> None:
    """benchmarks/run.py at 20 cases (no naive baseline, which needs system Graphviz): every stage,
    the rebuild after one edit and serve run on the current generator, and the edit rewrites only
    what belongs to the edited case. Figures are not asserted; the run only has to work."""
    out = tmp_path / "bench"
    command = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "20", "--baseline-sizes", "--warm-sizes", "20",
               "--edit-size", "20", "--no-check", "--out", str(out), "--results", str(tmp_path / "results.md"),
               "--json", str(tmp_path / "results.json")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [row] = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert row["n"] == 20 and row["sizes"]["case_pages"] == 20
    assert row["edit"]["unexpected"] == [] and row["edit"]["missing"] == [], row["edit"]
    assert row["serve"]["edit_shown"] is not None
    assert "| **full build (cold stage + MkDocs)** |" in (tmp_path / "results.md").read_text(encoding="utf-8")
