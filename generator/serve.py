"""`serve`: preview the site; regenerate the staging folder when cases/ or content/ change.

MkDocs serves build/docs with live reload (with current click it reloads the browser only when
`--livereload` is given). This loop watches the sources and re-stages them; only files whose
bytes changed are rewritten, so MkDocs rebuilds on real changes only. A broken case file
prints its errors and leaves the last good pages in place.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.build import stage
from generator.errors import BuildError, InputError

POLL_SECONDS = 0.3


def _snapshot(root: Path) -> dict[str, float]:
    state = {}
    for folder in (root / "cases", root / "content"):
        for path in folder.rglob("*"):
            if path.is_file():
                state[str(path)] = path.stat().st_mtime_ns
    return state


def _stage(root: Path) -> None:
    try:
        report = stage(root)
        print(f"staged: {len(report.written)} changed, {len(report.removed)} removed", flush=True)
    except InputError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic, file=sys.stderr, flush=True)
        print("Fix the error(s) above; the preview keeps the last good version.", file=sys.stderr, flush=True)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr, flush=True)


def _stop(signum, frame) -> None:
    raise SystemExit(0)


def serve(root: Path, address: str) -> int:
    signal.signal(signal.SIGTERM, _stop)  # so the MkDocs child is stopped too
    _stage(root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--config-file", str(root / "mkdocs.yml"), "--dev-addr", address]
    server = subprocess.Popen(command, cwd=root, env=env)
    seen = _snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(root)
            if now != seen:
                seen = now
                _stage(root)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return server.returncode or 0
