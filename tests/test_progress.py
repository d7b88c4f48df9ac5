"""`build` shows its stages: bars with counts on a terminal, plain lines in a log."""
from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus  # noqa: E402

CASES = 40  # the progress is the same at 1,000 (see README); 40 keeps the test short

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("progress") / "project"
    write_corpus(root, CASES)
    return root


def build_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(root), "build"]


def test_on_a_terminal_build_shows_bars_with_counts(corpus: Path) -> None:
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    process = subprocess.Popen(build_command(corpus), cwd=ROOT, stdin=secondary, stdout=secondary, stderr=secondary,
                               env={**os.environ, "TERM": "xterm"}, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError as err:  # EIO: the child closed the terminal
            if err.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert process.wait(timeout=600) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "\r" in screen  # bars redraw in place
    for label, total in (("Praatplaten tekenen", CASES + 1), ("MkDocs: pagina's bouwen", None)):
        finished = re.findall(re.escape(label) + r": 100%\|[^|]*\| (\d+)/(\d+)", screen)
        assert finished, f"no finished bar for {label!r} in:\n{screen[-3000:]}"
        done, all_ = map(int, finished[-1])
        assert done == all_ and (total is None or done == total)
    assert re.search(r"Casussen lezen en controleren: \d+ casussen", screen)
    assert "site/ gebouwd uit 40 casussen" in screen


def test_in_a_log_build_prints_one_plain_line_per_stage(corpus: Path) -> None:
    result = subprocess.run(build_command(corpus), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "\r" not in result.stderr and "%|" not in result.stderr
    assert [line.split(":")[0] for line in lines] == [
        "Casussen lezen en controleren", "Praatplaten tekenen", "Pagina's en bestanden klaarzetten", "MkDocs", "MkDocs"]
    assert lines[0].startswith(f"Casussen lezen en controleren: {CASES} casussen (")
    assert lines[1].startswith(f"Praatplaten tekenen: {CASES + 1}/{CASES + 1} praatplaten (")
    assert re.match(r"MkDocs: pagina's bouwen: (\d+)/\1 pagina's", lines[4])
