"""Stage 6: the only code that writes output, and only inside the generator's own folders.

`sync_tree` rewrites a staging folder so it holds exactly the given files, touching only files
whose bytes changed (so MkDocs' watcher and dirty reload see real changes only). `publish`
builds a site into a temporary sibling folder and swaps it in whole when everything succeeded,
so a failed build leaves the previous site as it was.
"""
from __future__ import annotations

import errno
import filecmp
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from typing import BinaryIO
from pathlib import Path

from generator.errors import BuildError
from generator.messages import t


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


Writer = Callable[[BinaryIO], None]  # writes a file too large to hold in memory, piece by piece


def as_bytes(data: bytes | Writer) -> bytes:
    """The bytes a file would get (a writer's output collected in memory)."""
    if isinstance(data, bytes):
        return data
    out = io.BytesIO()
    data(out)
    return out.getvalue()


def sync_tree(base: Path, files: Iterable[tuple[str, bytes | Writer]], manifest: Manifest | None = None) -> tuple[list[str], list[str]]:
    """Make `base` hold exactly `files` ((relative path, bytes or writer) pairs, consumed one by
    one); return (written, removed). Only files whose bytes differ are replaced."""
    base.mkdir(parents=True, exist_ok=True)
    resolved = base.resolve()
    written: list[str] = []
    wanted: set[str] = set()
    seen: set[str] = set()
    for relative, data in files:
        if relative in seen:  # second guard behind the reserved slugs: no page replaces another
            raise BuildError(t("written_twice", path=relative))
        seen.add(relative)
        known = manifest.target(relative, data) if manifest and isinstance(data, bytes) else None
        if known:  # written by the last sync, unchanged since, same bytes: no need to resolve or read
            wanted.add(str(known))
            continue
        target = _inside(resolved, relative)
        wanted.add(str(target))
        if _replace(target, data):
            written.append(relative)
        if manifest and isinstance(data, bytes):
            manifest.record(relative, target, data)
    if manifest:
        manifest.entries = {relative: entry for relative, entry in manifest.entries.items() if relative in seen}
    removed = []
    for folder, folders, names in os.walk(resolved, topdown=False):  # never follows symlinks
        for name in names + [name for name in folders if os.path.islink(os.path.join(folder, name))]:
            path = os.path.join(folder, name)
            if path not in wanted:
                os.unlink(path)
                removed.append(os.path.relpath(path, resolved))
        if folder != str(resolved) and not os.listdir(folder):
            os.rmdir(folder)
    return sorted(written), sorted(removed)


def _replace(target: Path, data: bytes | Writer) -> bool:
    """Give target these bytes (or what the writer writes) unless it already holds them; True if replaced."""
    existing = target.is_file() and not target.is_symlink()
    if isinstance(data, bytes) and existing and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                data(out)
        if not isinstance(data, bytes) and existing:
            filecmp.clear_cache()  # its cache is keyed by size and mtime, and tmp is written again each time
            if filecmp.cmp(tmp, target, shallow=False):
                return False
        os.replace(tmp, target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system or
    the file system cannot, so the caller falls back."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def remove_stale(site_dir: Path) -> None:
    """Remove what an interrupted publish left next to site_dir (only call it holding the build lock)."""
    for prefix in (f".{site_dir.name}-new-", f".{site_dir.name}-old-"):
        for path in site_dir.parent.glob(prefix + "*"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def publish(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run build(tmp) into a fresh sibling folder, then swap it in for site_dir.

    The swap is one exchange rename, so at every moment site_dir is the whole old or the whole
    new site, and stays a real folder (GitHub's upload-pages-artifact reads site/). Where the
    exchange is not available, two renames (a moment without site_dir)."""
    parent = site_dir.parent
    remove_stale(site_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=parent))
    os.chmod(tmp, 0o755)
    try:
        build(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if site_dir.is_dir() and not site_dir.is_symlink():
        if _exchange(tmp, site_dir):
            shutil.rmtree(tmp, ignore_errors=True)  # now the old site
            return
        old = parent / f".{site_dir.name}-old-{os.getpid()}"
        os.replace(site_dir, old)
        os.replace(tmp, site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return
    if site_dir.is_symlink() or site_dir.exists():
        site_dir.unlink()  # a link or a file in the way: never followed, never kept
    os.replace(tmp, site_dir)


class BuildLock:
    """One build at a time per checkout: an exclusive flock on the project folder itself (no
    lock file to write or leave behind); the kernel releases it when the process dies."""

    def __init__(self, root: Path, wait: bool = False):
        self.root, self.wait, self._fd = root, wait, -1

    def __enter__(self) -> "BuildLock":
        import fcntl

        self._fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(self._fd)
            raise BuildError("er loopt al een build in deze map; wacht tot die klaar is en probeer het dan opnieuw") from None
        return self

    def __exit__(self, *exc) -> None:
        os.close(self._fd)  # closing the descriptor releases the lock
