"""Golden files pin the generated Markdown, DOT and error messages; `--update-golden` rewrites
them, and a reviewer reads the diff."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.content import load_framework
from generator.diagrams import case_dot, framework_dot
from generator.escape import Escaper, Md, markdown_extensions
from generator.pages import Site, render_pages
from generator.validate import load_cases

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_CASES = ["food-academy-nijkerk", "platform-vo-mbo-groningen"]


def check(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}; run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; if intended, run pytest --update-golden and review the diff"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    framework = load_framework(ROOT)
    cases = load_cases(ROOT, framework.codes())
    diagrams = {name: Md(f'<svg aria-label="{name}"></svg>') for name in ["redeneerlijn", *(c.slug for c in cases)]}
    return render_pages(Site(framework, tuple(cases), diagrams), Escaper(markdown_extensions(ROOT / "mkdocs.yml")))


@pytest.mark.parametrize("slug", GOLDEN_CASES)
def test_case_markdown(pages: dict[str, str], slug: str, update_golden: bool) -> None:
    check(f"{slug}.md", pages[f"casussen/{slug}.md"], update_golden)
    check(f"{slug}.later.html", pages[f"_theme/later/casussen/{slug}.html"], update_golden)


def test_overview_markdown(pages: dict[str, str], update_golden: bool) -> None:
    check("casussen.md", pages["casussen/index.md"], update_golden)
    check("casussen.later.html", pages["_theme/later/lijsten/casussen.html"], update_golden)


def test_dot(update_golden: bool) -> None:
    framework = load_framework(ROOT)
    check("redeneerlijn.dot", framework_dot(framework), update_golden)
    case = next(c for c in load_cases(ROOT, framework.codes()) if c.slug == "food-academy-nijkerk")
    check("food-academy-nijkerk.dot", case_dot(case, framework), update_golden)


def test_error_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "content", root / "content")
    (root / "cases").mkdir()
    for name in ("unknown-key-typo.yml", "unknown-driver-code.yml", "two-errors-in-one-file.yml", "duplicate-key.yml", "alias-bomb.yml"):
        shutil.copyfile(Path(__file__).parent / "bad" / name, root / "cases" / name)
    assert main(["--root", str(root), "validate"]) == 1
    check("errors.txt", capsys.readouterr().err, update_golden)
