"""Stage 6: the only code that writes output, and only inside the generator's own folders.

`sync_tree` rewrites a staging folder so it holds exactly the given files, touching only files
whose bytes changed (so MkDocs' watcher and dirty reload see real changes only). `publish`
builds a site into a temporary sibling folder and swaps it in whole when everything succeeded,
so a failed build leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.errors import BuildError


def _inside(base: Path, relative: str) -> Path:
    target = (base / relative).resolve()
    if not target.is_relative_to(base.resolve()) or target == base.resolve():
        raise BuildError(f"refusing to write outside {base}: {relative}")
    return target


def sync_tree(base: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Make `base` hold exactly `files` (relative path → bytes); return (written, removed)."""
    base.mkdir(parents=True, exist_ok=True)
    targets = {relative: _inside(base, relative) for relative in files}
    written = []
    for relative, data in sorted(files.items()):
        target = targets[relative]
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        written.append(relative)
    wanted = {str(target) for target in targets.values()}
    removed = []
    for path in sorted(base.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            if str(path.resolve()) not in wanted and str(path) not in wanted:
                path.unlink()
                removed.append(str(path.relative_to(base)))
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
