"""Issue #11, faults: an atomic site swap, no stale temporary folders, one build at a time, no
child process outliving a killed generator, OS errors as one plain line, and a `serve` that
checks its port and survives bad input."""
from __future__ import annotations

import errno
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from generator.cli import main
from generator.progress import PLAIN_LINE
from generator.write import BuildLock, publish


ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (Path(__file__).parent / "fixtures" / "minimaal.yml").read_text(encoding="utf-8")


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def _tagged(tag: str) -> list[int]:
    """Living processes whose environment carries tag (the build and all its children)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if tag.encode() not in (entry / "environ").read_bytes():
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            found.append(int(entry.name))
    return found


def _wait_gone(tag: str, seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = _tagged(tag)
        if not left:
            return []
        time.sleep(0.2)
    return _tagged(tag)


def _run_build(project: Path, tag: str, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "HSVMBO_KILL_TAG": tag, "HSVMBO_CACHE_DIR": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "build"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    _, err = process.communicate(timeout=600)
    return process.returncode, err


def test_killing_the_build_leaves_old_or_new_site_and_no_processes(project: Path, tmp_path: Path) -> None:
    """SIGKILL at random moments (checking, rendering in workers, MkDocs, the swap): afterwards
    site/ is the whole old or the whole new site, and no process of the build is left."""
    tag = uuid.uuid4().hex
    started = time.monotonic()
    first = _run_build(project, tag, tmp_path / "cache-0")
    assert _finish(first)[0] == 0
    duration = time.monotonic() - started
    new = _files(project / "site")
    marker = project / "site" / "OUDE-SITE.txt"
    old = new | {marker.name}
    rng = random.Random(11)
    outcomes = []
    for run in range(6):
        if not marker.exists():
            marker.write_text("oud", encoding="utf-8")
        process = _run_build(project, tag, tmp_path / f"cache-{run + 1}")  # an empty cache: render workers run
        time.sleep(rng.uniform(0.3, duration * 1.4))
        process.send_signal(signal.SIGKILL)
        _finish(process)
        left = _wait_gone(tag)
        assert not left, f"run {run}: processes outlived the killed build: {left}"
        now = _files(project / "site")
        assert now in (old, new), f"run {run}: site/ is neither the old nor the new site ({len(now)} files)"
        outcomes.append("old" if now == old else "new")
    finished = _run_build(project, tag, tmp_path / "cache-last")
    assert _finish(finished)[0] == 0
    assert _files(project / "site") == new
    assert not [p.name for p in project.iterdir() if p.name.startswith((".site-new-", ".site-old-"))]
    print("outcomes after SIGKILL:", outcomes)


def test_swap_keeps_site_a_real_folder_and_removes_stale_ones(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("oud", encoding="utf-8")
    for stale in (".site-new-abc123", ".site-old-4242"):
        (tmp_path / stale).mkdir()
        (tmp_path / stale / "x.html").write_text("x", encoding="utf-8")
    publish(site, lambda target: (target / "nieuw.html").write_text("nieuw", encoding="utf-8"))
    assert site.is_dir() and not site.is_symlink()
    assert sorted(p.name for p in site.iterdir()) == ["nieuw.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_stale_folders_are_ignored_by_git() -> None:
    # folders, named with a trailing slash: on a fresh clone they do not exist yet, and git only
    # matches a pattern like /site/ to a path it knows to be a folder
    for name in (".site-new-abc123/", ".site-old-4242/", ".site-offline-new-x/", "site/", "build/"):
        result = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT)
        assert result.returncode == 0, f"{name} is not ignored by git"


def test_second_build_in_the_same_checkout_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with BuildLock(project):
        assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "er loopt al een build in deze map" in err and "Traceback" not in err
    assert not (project / "site").exists()


def test_two_builds_at_once_never_give_a_traceback(project: Path, tmp_path: Path) -> None:
    """Was: 9 of 15 runs with a FileNotFoundError traceback (fixed temporary file names)."""
    for run in range(2):
        processes = [_run_build(project, f"pair-{run}-{i}", tmp_path / "cache") for i in range(2)]
        results = [_finish(process) for process in processes]
        assert all("Traceback" not in err for _, err in results), results
        assert sorted(code for code, _ in results) in ([0, 0], [0, 1]), results
        for code, err in results:
            if code:
                assert "er loopt al een build" in err
        assert (project / "site" / "index.html").is_file()


def test_build_folder_in_the_way_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "build").write_text("een bestand waar een map hoort", encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if not PLAIN_LINE.fullmatch(line)]  # `build` prints its stages first
    assert problems[0].startswith("fout van het besturingssysteem (") and "Traceback" not in err, err
    assert len([line for line in problems if line.strip()]) == 2


def test_full_disk_while_staging_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import generator.write as write

    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    real = os.replace
    calls = {"n": 0}

    def replace(source, target):
        calls["n"] += 1
        if calls["n"] > 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return real(source, target)

    monkeypatch.setattr(write.os, "replace", replace)
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert "de schijf is vol" in err and "Traceback" not in err
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"


# --- serve -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _serve(project: Path, port: int, log: Path, tag: str = "") -> subprocess.Popen:
    env = {**os.environ, "HSVMBO_KILL_TAG": tag or uuid.uuid4().hex}
    with log.open("w") as handle:  # the child has its own descriptor
        return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=handle, text=True)


def test_serve_refuses_a_port_in_use(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"poort {port} is al in gebruik" in result.stderr and "Traceback" not in result.stderr


def test_serve_survives_bad_input_and_a_kill_leaves_no_preview(project: Path, tmp_path: Path) -> None:
    for path in (project / "cases").iterdir():
        if path.name != "digiwise.yml":
            path.unlink()
    broken = project / "cases" / "minimaal.yml"
    broken.write_text(MINIMAL.replace("naam: Minimale casus", 'naam: "a\\x01b"'), encoding="utf-8")
    port, tag = _free_port(), uuid.uuid4().hex
    log = tmp_path / "serve.log"
    server = _serve(project, port, log, tag)
    url = f"http://127.0.0.1:{port}/casussen/minimaal/"
    try:
        assert _until(lambda: "teken U+0001 is niet toegestaan" in log.read_text(), 90), log.read_text()
        assert server.poll() is None, "serve waits for a fix instead of exiting"
        broken.write_text(MINIMAL, encoding="utf-8")
        assert _until(lambda: "Minimale casus" in (_fetch(url) or ""), 120), log.read_text()
        for bad in (MINIMAL.replace("slug: minimaal", "slug: redeneerlijn"), MINIMAL.replace("naam: Minimale casus", "naam: ~"),
                    MINIMAL.replace("naam: Minimale casus", "naam: '<!-- later -->'")):
            broken.write_text(bad, encoding="utf-8")
            time.sleep(1.5)
            assert server.poll() is None, log.read_text()
        os.mkfifo(project / "cases" / "pijp.yml")
        assert _until(lambda: "dit is geen gewoon bestand" in log.read_text(), 60), log.read_text()
        assert server.poll() is None
        (project / "cases" / "pijp.yml").unlink()
        broken.write_text(MINIMAL.replace("naam: Minimale casus", "naam: Hersteld"), encoding="utf-8")
        assert _until(lambda: "Hersteld" in (_fetch(url) or ""), 120), log.read_text()
        # no traceback from the generator (MkDocs' own dirty-rebuild loop may log one of its own)
        assert not re.search(r'File "[^"]*/generator/[a-z_]+\.py"', log.read_text()), log.read_text()
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    assert not _wait_gone(tag), "MkDocs outlived the killed serve"
    again = _serve(project, port, tmp_path / "again.log")
    try:
        assert _until(lambda: "Hersteld" in (_fetch(url) or ""), 120), (tmp_path / "again.log").read_text()
        assert "al in gebruik" not in (tmp_path / "again.log").read_text()
    finally:
        again.terminate()
        again.wait(timeout=30)


DIE_AT_STEP = """
import os, shutil, sys
from pathlib import Path
import generator.write as write
step = int(sys.argv[2])
count = [0]
def dying(real):
    def call(*args, **kwargs):
        count[0] += 1
        if count[0] == step:
            os._exit(9)  # as a SIGKILL would: no cleanup, no finally
        return real(*args, **kwargs)
    return call
write.os.replace = dying(os.replace)
write.shutil.rmtree = dying(shutil.rmtree)
write._exchange = dying(write._exchange)
write.publish(Path(sys.argv[1]) / "site", lambda tmp: (tmp / "nieuw.html").write_text("nieuw"))
"""


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_dying_at_each_step_of_the_swap_leaves_a_site(tmp_path: Path, step: int) -> None:
    """Killed at each file-system step after the new site is built (was: between the two renames,
    no site/ at all); the next publish removes what was left."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("oud", encoding="utf-8")
    subprocess.run([sys.executable, "-c", DIE_AT_STEP, str(tmp_path), str(step)], cwd=ROOT, check=False, timeout=60)
    assert site.is_dir() and not site.is_symlink()
    assert sorted(p.name for p in site.iterdir()) in (["oud.html"], ["nieuw.html"])
    publish(site, lambda target: (target / "derde.html").write_text("3", encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
