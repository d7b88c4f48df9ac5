"""Stage 6: the only code that writes output, and only inside the generator's own folders.

`sync_tree` rewrites a staging folder so it holds exactly the given files, touching only files
whose bytes changed (so MkDocs' watcher and dirty reload see real changes only). `publish`
builds a site into a temporary sibling folder and swaps it in whole when everything succeeded,
so a failed build leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.errors import BuildError


def _inside(base: Path, relative: str) -> Path:
    """base / relative, refused if it would leave base (base must be resolved already)."""
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise BuildError(f"refusing to write outside {base}: {relative}")
    return target


class Manifest:
    """What the last sync wrote: path → (bytes, size, mtime_ns), so the next sync can skip reading
    a file back when its stat is unchanged since we wrote it and its new bytes are the same."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[bytes, int, int]] = {}

    def unchanged(self, relative: str, target: Path, data: bytes) -> bool:
        entry = self.entries.get(relative)
        if entry is None or not (entry[0] is data or entry[0] == data):
            return False
        try:
            status = target.lstat()
        except OSError:
            return False
        return stat.S_ISREG(status.st_mode) and (status.st_size, status.st_mtime_ns) == entry[1:]

    def record(self, relative: str, target: Path, data: bytes) -> None:
        status = target.lstat()
        self.entries[relative] = (data, status.st_size, status.st_mtime_ns)


def sync_tree(base: Path, files: dict[str, bytes], manifest: Manifest | None = None) -> tuple[list[str], list[str]]:
    """Make `base` hold exactly `files` (relative path → bytes); return (written, removed)."""
    base.mkdir(parents=True, exist_ok=True)
    resolved = base.resolve()
    manifest = manifest or Manifest()
    written = []
    wanted = set()
    for relative, data in sorted(files.items()):
        target = _inside(resolved, relative)
        wanted.add(str(target))
        if manifest.unchanged(relative, target, data):
            continue
        if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            written.append(relative)
        manifest.record(relative, target, data)
    manifest.entries = {relative: entry for relative, entry in manifest.entries.items() if relative in files}
    removed = []
    for path in sorted(resolved.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            if str(path) not in wanted:
                path.unlink()
                removed.append(str(path.relative_to(resolved)))
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def publish(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run build(tmp) into a fresh sibling folder, then swap it in for site_dir."""
    parent = site_dir.parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=parent))
    os.chmod(tmp, 0o755)
    try:
        build(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = parent / f".{site_dir.name}-old-{os.getpid()}"
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(tmp, site_dir)
    shutil.rmtree(old, ignore_errors=True)
