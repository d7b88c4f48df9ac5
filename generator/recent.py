"""When each case was added: the date of the commit that added its file, read from git.

Only for the home page's "recently added" list. Outside a git checkout (a downloaded copy, the
benchmark corpus) nothing is known and the list is left out; a case file git does not track yet
(a new case in a pull request) counts as the newest.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

UNTRACKED = "9999-12-31"  # sorts after every real date: not yet committed, so the newest


def added_dates(root: Path, slugs: list[str]) -> dict[str, str]:
    """slug → YYYY-MM-DD of the commit that added cases/<slug>.yml ({} outside a git checkout)."""
    try:
        result = subprocess.run(["git", "log", "--diff-filter=A", "--format=%x00%cs", "--name-only", "--", "cases/"],
                                cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    found: dict[str, str] = {}
    for chunk in result.stdout.split("\0")[1:]:
        date, *names = chunk.strip().splitlines() or [""]
        for name in names:
            slug = Path(name).stem
            if name.startswith("cases/") and name.endswith(".yml"):
                found.setdefault(slug, date)  # newest first: a file added, removed and added again counts from the last time
    return {slug: found.get(slug, UNTRACKED) for slug in slugs}


def most_recent(added: dict[str, str], count: int = 5) -> list[str]:
    """The slugs of the `count` most recently added cases, newest first (same date: by slug)."""
    return [slug for slug, _ in sorted(added.items(), key=lambda item: (-_ordinal(item[1]), item[0]))][:count]


def _ordinal(date: str) -> int:
    return int(date.replace("-", ""))
