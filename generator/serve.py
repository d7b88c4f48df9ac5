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

import errno
import gc
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from generator.build import Memo, run_mkdocs, stage
from generator.children import die_with_parent
from generator.siteconfig import mkdocs_environment
from generator.errors import BuildError, InputError, os_error
from generator.write import BuildLock
from generator.render import warm_up
from generator.search import index_site
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


def _stage(root: Path, memo: Memo) -> bool:
    """Stage once; on any failure print what to fix and keep the last good pages. True if staged."""
    try:
        with BuildLock(root, wait=True):  # a `build` in the same checkout finishes first
            report = stage(root, memo=memo)
        print(t("serve_staged", seconds=sum(report.seconds.values()), written=len(report.written), removed=len(report.removed)), flush=True)
        return True
    except InputError as err:
        for diagnostic in err.diagnostics:
            print(diagnostic, file=sys.stderr, flush=True)
        print(t("serve_fix"), file=sys.stderr, flush=True)
    except BuildError as err:
        print(t("build_failed", detail=err), file=sys.stderr, flush=True)
    except OSError as err:
        print(os_error(err), file=sys.stderr, flush=True)
    except Exception as err:  # noqa: BLE001 - serve outlives any input; the message says what broke
        print(t("serve_unexpected", kind=type(err).__name__, detail=err), file=sys.stderr, flush=True)
        print(t("serve_waits"), file=sys.stderr, flush=True)
    finally:
        gc.collect()  # stage() runs without the cyclic collector; free its cycles now, off the critical path
    return False


def _port_free(address: str) -> str | None:
    """None if MkDocs can listen on host:port, else a plain message why not."""
    host, _, port = address.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        return f"'{address}' is geen adres met poort, zoals 127.0.0.1:8000"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: old connections do not count
            probe.bind((host.strip("[]") or "127.0.0.1", number))
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            return (f"poort {number} is al in gebruik (draait er nog een serve of een andere server?); "
                    f"stop die of kies een andere poort met --dev-addr {host or '127.0.0.1'}:{number + 1}")
        return f"kan niet luisteren op {address}: {err.strerror}"
    return None


class _Indexer:
    """The preview's search index, made in the background: a full `mkdocs build` into a temporary
    folder, then Pagefind over it; its files are staged as pagefind/… for MkDocs to serve. It
    starts once serve is up and again after a change (one at a time), so search in the preview
    lags an edit by one MkDocs build."""

    def __init__(self, root: Path):
        self.root = root
        self.thread: threading.Thread | None = None
        self.wanted = False
        self.ready: dict[str, bytes] | None = None

    def request(self) -> None:
        self.wanted = True
        self._start()

    def _start(self) -> None:
        if self.wanted and not (self.thread and self.thread.is_alive()):
            self.wanted = False
            self.thread = threading.Thread(target=self._run, name="search-index", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        with tempfile.TemporaryDirectory(prefix=".search-", dir=self.root / "build") as tmp:
            site = Path(tmp) / "site"
            try:
                run_mkdocs(self.root, site)
                index_site(site)
            except BuildError as err:
                print(t("serve_search_failed", detail=err), file=sys.stderr, flush=True)
                return
            bundle = site / "pagefind"
            self.ready = {f"pagefind/{path.relative_to(bundle).as_posix()}": path.read_bytes()
                          for path in sorted(bundle.rglob("*")) if path.is_file()}

    def take(self) -> dict[str, bytes] | None:
        """The files of a finished index (once), and start the next one if a change asked for it."""
        files, self.ready = self.ready, None
        self._start()
        return files


def _stop(signum, frame) -> None:
    raise SystemExit(0)


def serve(root: Path, address: str) -> int:
    problem = _port_free(address)
    if problem:
        print(problem, file=sys.stderr, flush=True)
        return 1
    signal.signal(signal.SIGTERM, _stop)  # so the MkDocs child is stopped too
    memo = Memo()
    seen = _snapshot(root)
    while not _stage(root, memo):  # nothing to serve yet: wait for a fix
        while _snapshot(root) == seen:
            time.sleep(POLL_SECONDS)
        seen = _snapshot(root)
    try:
        warm_up()
    except BuildError as err:
        print(t("build_failed", detail=err), file=sys.stderr, flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **mkdocs_environment()}
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict", "--config-file", str(root / "mkdocs.yml"), "--dev-addr", address]
    server = subprocess.Popen(command, cwd=root, env=env, preexec_fn=die_with_parent)  # no stale preview after a killed serve
    indexer = _Indexer(root)
    indexer.request()
    seen = _snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(root)
            files = indexer.take()
            if files is not None:
                memo.search = files
            changed = now != seen
            if changed:
                seen = now
                indexer.request()
            if changed or files is not None:
                _stage(root, memo)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return server.returncode or 0
