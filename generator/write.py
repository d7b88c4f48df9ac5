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
    """What the last sync wrote: path → (bytes, size, mtime_ns, resolved target), so the next sync
    can skip a file whose new bytes are the same and whose stat is unchanged since we wrote it."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[bytes, int, int, Path]] = {}

    def target(self, relative: str, data: bytes) -> Path | None:
        """The file the last sync wrote for `relative`, if it still holds exactly `data`."""
        entry = self.entries.get(relative)
        if entry is None or not (entry[0] is data or entry[0] == data):
            return None
        try:
            status = entry[3].lstat()
        except OSError:
            return None
        return entry[3] if stat.S_ISREG(status.st_mode) and (status.st_size, status.st_mtime_ns) == entry[1:3] else None

    def record(self, relative: str, target: Path, data: bytes) -> None:
        status = target.lstat()
        self.entries[relative] = (data, status.st_size, status.st_mtime_ns, target)


def sync_tree(base: Path, files: dict[str, bytes], manifest: Manifest | None = None) -> tuple[list[str], list[str]]:
    """Make `base` hold exactly `files` (relative path → bytes); return (written, removed)."""
    base.mkdir(parents=True, exist_ok=True)
    resolved = base.resolve()
    manifest = manifest or Manifest()
    written = []
    wanted = set()
    for relative, data in sorted(files.items()):
        known = manifest.target(relative, data)
        if known:  # written by the last sync, unchanged since, same bytes: no need to resolve or read
            wanted.add(str(known))
            continue
        target = _inside(resolved, relative)
        wanted.add(str(target))
        if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            written.append(relative)
        manifest.record(relative, target, data)
    manifest.entries = {relative: entry for relative, entry in manifest.entries.items() if relative in files}
    removed = []
    for folder, folders, names in os.walk(resolved, topdown=False):  # never follows symlinks
        for name in names + [name for name in folders if os.path.islink(os.path.join(folder, name))]:
            path = os.path.join(folder, name)
            if path not in wanted:
                os.unlink(path)
                removed.append(os.path.relpath(path, resolved))
        if folder != str(resolved) and not os.listdir(folder):
            os.rmdir(folder)
    return written, sorted(removed)


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
