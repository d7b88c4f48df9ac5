"""`python -m generator serve` also serves a search index (built in the background, issue 13)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_serve import ROOT, fetch, free_port, wait_for


@pytest.mark.slow
def test_serve_builds_a_search_index_in_the_background(project: Path, tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        assert wait_for(lambda: "Digiwise" in (fetch(base + "casussen/digiwise/") or ""), 60) is not None, "server did not come up"
        assert wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json") is not None, 240) is not None, "no search index"
        entry = json.loads(fetch(base + "pagefind/pagefind-entry.json") or "{}")
        assert "nl" in entry["languages"] and entry["languages"]["nl"]["page_count"] > 40
        assert fetch(base + "pagefind/pagefind.js")
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.seek(0)
        problems = [line for line in log.read().splitlines() if "de zoekindex voor de preview mislukte" in line]
        log.close()
        assert problems == []
