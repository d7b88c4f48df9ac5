"""`serve`: preview the site; regenerate the staging folder when cases/ or content/ change.

MkDocs serves build/docs with live reload (with current click it reloads the browser only when
`--livereload` is given) and `--dirty`: after the first full build it rebuilds only the pages
whose staged file changed (`--no-strict`, since MkDocs counts its own "dirty build" notice as a
warning; `build` stays strict). This loop watches the sources and re-stages them with one Memo, so
only edited case files are parsed again and only files whose bytes changed are rewritten. A
broken case file prints its errors and leaves the last good pages in place. (A dirty rebuild
does not delete the page of a case file that was removed; restart serve to drop it.)
"""
from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.build import Memo, stage
from generator.errors import BuildError, InputError
from generator.render import warm_up
from generator.messages import t

POLL_SECONDS = 0.15  # one stat per source file: a few ms at 1,000 cases


def _snapshot(root: Path) -> dict[str, int]:
    """mtime of every file under cases/ and content/ (one stat per file)."""
    state = {}
    for folder in (root / "cases", root / "content"):
        for base, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(base, name)
                try:
                    state[path] = os.stat(path).st_mtime_ns
                except OSError:  # removed while we looked
                    pass
    return state


def _stage(root: Path, memo: Memo) -> None:
    try:
        report = stage(root, memo=memo)
        print(t("serve_staged", seconds=sum(report.seconds.values()), written=len(report.written), removed=len(report.removed)), flush=True)
    except InputError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic, file=sys.stderr, flush=True)
        print(t("serve_fix"), file=sys.stderr, flush=True)
    except BuildError as err:
        print(t("build_failed", detail=err), file=sys.stderr, flush=True)
    gc.collect()  # stage() runs without the cyclic collector; free its cycles now, off the critical path


def _stop(signum, frame) -> None:
    raise SystemExit(0)


def serve(root: Path, address: str) -> int:
    signal.signal(signal.SIGTERM, _stop)  # so the MkDocs child is stopped too
    memo = Memo()
    _stage(root, memo)
    warm_up()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict", "--config-file", str(root / "mkdocs.yml"), "--dev-addr", address]
    server = subprocess.Popen(command, cwd=root, env=env)
    seen = _snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(root)
            if now != seen:
                seen = now
                _stage(root, memo)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return server.returncode or 0
