"""`python -m generator serve` serves the site and shows an edited case without a restart."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def test_serve_rebuilds_when_a_case_changes(project: Path, tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    url = f"http://127.0.0.1:{port}/casussen/digiwise/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        assert wait_for(lambda: (fetch(url) or "").find("Digiwise") >= 0, 60) is not None, "server did not come up"
        case = project / "cases" / "digiwise.yml"
        data = yaml.safe_load(case.read_text(encoding="utf-8"))
        data["samenvatting"] = "Een bewerkte samenvatting met het woord Zeppelinvaart."
        case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        took = wait_for(lambda: "Zeppelinvaart" in (fetch(url) or ""), 30)
        assert took is not None, "the edit never showed up"
        # a section body is set aside for the theme (not in the page's Markdown): it must show too
        data["aanleiding"]["tekst"] = "Een bewerkte aanleiding over Luchtschipbouw."
        case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert wait_for(lambda: "Luchtschipbouw" in (fetch(url) or ""), 30) is not None, "an edited section never showed up"
        broken = case.read_text(encoding="utf-8").replace("status: actief", "status: kapot")
        case.write_text(broken, encoding="utf-8")
        time.sleep(2)
        assert "Zeppelinvaart" in (fetch(url) or ""), "a broken edit keeps the last good page"
    finally:
        server.terminate()
        server.wait(timeout=20)
    log.seek(0)
    assert "onbekende code 'kapot'" in log.read()
    log.close()
