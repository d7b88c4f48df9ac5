"""A fork sets its site's name and address by environment variables, without editing a template
or mkdocs.yml (README: "Running your own copy")."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_project

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def test_site_name_and_url_come_from_the_environment(tmp_path: Path) -> None:
    project = make_project(tmp_path / "fork")
    before = (project / "mkdocs.yml").read_bytes()
    env = {**os.environ, "HSVMBO_SITE_NAME": "Samenwerking in zorg en welzijn",
           "HSVMBO_SITE_URL": "https://zorg.example.net/kennisbank/"}
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Home - Samenwerking in zorg en welzijn</title>" in home
    assert "Horizontale samenwerking in het mbo</title>" not in home
    assert '<link rel="canonical" href="https://zorg.example.net/kennisbank/">' in home
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://zorg.example.net/kennisbank/casussen/digiwise/</loc>" in sitemap
    assert "hsvmbo.example.org" not in sitemap
    assert (project / "mkdocs.yml").read_bytes() == before


def test_without_the_variables_the_defaults_hold(built_site: Path) -> None:
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://hsvmbo.example.org/">' in home
    assert "Horizontale samenwerking in het mbo" in home
