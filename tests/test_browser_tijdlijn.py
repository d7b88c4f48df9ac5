"""tijdlijn/maken/ and the drawn timelines, in Debian's chromium through Playwright.

A team adds events and phases, reloads (they stay), prints one landscape page that holds every
typed text, downloads the YAML and puts it into a copy of a bundled case that `python -m generator
validate` must accept. Left in tests/artifacts/ for a person to look at: the printed and the empty
sheet (PDF and PNG), a bundled case's timeline opened in the maker and printed, and screenshots of
the maker and of a case page's timeline at 1280 and 390 pixels wide.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser_support import axe_source

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CASE = "twents-fonds-voor-vakmanschap"  # a bundled case with three dated events
NAME = 'Zorgacademie <Twente> & "co"'
EVENTS = [  # year, month, kind, text: typed the way a team would
    ("2019", "03", "start", "Convenant getekend door ROC en vijf zorgbedrijven <b>uit de regio</b>"),
    ("2020", "", "subsidie", "RIF-subsidie toegekend voor vier jaar & een eigen leerwerkplaats"),
    ("2022", "09", "leiderschap", "Trekker vertrekt; {{ nieuwe }} projectleider van het ROC"),
]
PHASES = [("verkennend", "2019", "2020", "Zoeken naar richting"), ("uitbouwend", "2021", "", "Meer bedrijven sluiten aan")]


def _add_everything(page) -> None:
    page.fill("#tl-naam", NAME)
    for year, month, kind, text in EVENTS:
        page.fill("#tl-g-jaar", year)
        page.select_option("#tl-g-maand", month)
        page.select_option("#tl-g-soort", kind)
        page.fill("#tl-g-tekst", text)
        page.click("#tl-gebeurtenis button[type=submit]")
    for code, start, end, note in PHASES:
        page.select_option("#tl-f-code", code)
        page.fill("#tl-f-van-jaar", start)
        page.fill("#tl-f-tot-jaar", end)
        page.fill("#tl-f-toelichting", note)
        page.click("#tl-fase button[type=submit]")
    page.select_option("#tl-d-0-2a", "stuwend")
    page.select_option("#tl-d-1-2h", "remmend")


def _pdf(page, path: Path) -> tuple[str, tuple[float, float]]:
    """Print as chromium's print dialog would (the page's own @page size), keep the PDF and a PNG of
    it, and return the text pdftotext finds (in drawing order), on one line."""
    page.emulate_media(media="print")
    path.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height, f"not landscape: {width} x {height}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(path), str(path.with_suffix(""))], check=True)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split()), (width, height)


def test_a_team_draws_prints_and_downloads_a_timeline_that_validates_in_a_case(page, artifacts: Path, tmp_path: Path) -> None:
    page.goto("tijdlijn/maken/")
    _add_everything(page)
    assert page.locator("#tl-gebeurtenissen li").count() == 3
    assert page.locator("#tl-tekening svg circle").count() == 3
    assert "Uitbouwend" in page.locator("#tl-tekening svg").text_content()
    page.reload()
    assert page.locator("#tl-gebeurtenissen li").count() == 3, "events stay in the browser"
    assert page.locator("#tl-fasen fieldset").count() == 2
    assert page.input_value("#tl-naam") == NAME
    assert page.input_value("#tl-d-1-2h") == "remmend"
    texts = page.locator("#tl-gebeurtenissen").inner_text()
    assert all(text in texts for *_, text in EVENTS)
    assert page.locator("#tl-gebeurtenissen b").count() == 0, "typed markup stays text"

    text, size = _pdf(page, artifacts / "tijdlijn-afdruk-a3.pdf")
    assert abs(size[0] - 1190.6) < 2, size  # A3 landscape (420 mm wide) is the default
    for typed in [NAME, *(e[3] for e in EVENTS), *(p[3] for p in PHASES)]:
        assert " ".join(typed.split()) in text, f"{typed!r} is not on the printed page"
    assert "2a Leiderschap" in text and "+ stuwend" in text and "− remmend" in text and "Soorten gebeurtenissen" in text
    page.check("input[name=tl-papier][value=A4]")
    text_a4, size_a4 = _pdf(page, artifacts / "tijdlijn-afdruk-a4.pdf")
    assert abs(size_a4[0] - 841.9) < 2 and EVENTS[0][3] in text_a4

    with page.expect_download() as download:
        page.click("#tl-download")
    snippet = tmp_path / "tijdlijn.yml"
    download.value.save_as(snippet)
    assert subprocess.run([sys.executable, "-m", "generator", "validate", str(snippet)], cwd=ROOT).returncode == 0
    fields = yaml.safe_load(snippet.read_text(encoding="utf-8"))
    assert set(fields) == {"tijdlijn", "fase", "fasen"} and fields["fase"] == {"code": "uitbouwend", "toelichting": PHASES[1][3]}
    assert [e["datum"] for e in fields["tijdlijn"]] == ["2019-03", "2020", "2022-09"]
    assert fields["fasen"][0]["drivers"] == [{"code": "2a", "rol": "stuwend"}] and "tot" not in fields["fasen"][1]

    # the same snippet, pasted into a copy of a bundled case (its own tijdlijn and fase replaced)
    project = tmp_path / "project"
    (project / "cases").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(ROOT / "content"), str(project / "content")], check=True)
    lines = (ROOT / "cases" / f"{CASE}.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        if re.match(r"^(tijdlijn|fase|fasen):", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    (project / "cases" / f"{CASE}.yml").write_text("".join(kept) + snippet.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "validate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

    # open the downloaded file again after clearing: everything is back
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#tl-wissen")
    assert page.locator("#tl-gebeurtenissen li").count() == 0 and page.input_value("#tl-naam") == ""
    page.set_input_files("#tl-open", str(snippet))
    page.wait_for_function("document.querySelectorAll('#tl-gebeurtenissen li').length === 3")
    assert page.locator("#tl-fasen fieldset").count() == 2 and page.input_value("#tl-naam") == NAME


def test_empty_printable_version_has_an_axis_and_fits_one_page(page, artifacts: Path) -> None:
    page.goto("tijdlijn/maken/")
    page.evaluate("window.print = () => {}")  # the button opens the print dialog; the test prints itself
    page.click("#tl-print-leeg")
    assert page.locator("#tl-blad svg line").count() > 20  # the axis with its ticks and the writing lines
    text, _ = _pdf(page, artifacts / "tijdlijn-leeg-a3.pdf")
    assert "Tijdlijn van ____" in text and "Fase 1" in text and "2j Betrokkenheid docenten" in text and "12." in text


def test_a_bundled_case_timeline_opens_in_the_maker_and_prints(page, artifacts: Path, tmp_path: Path) -> None:
    case = yaml.safe_load((ROOT / "cases" / f"{CASE}.yml").read_text(encoding="utf-8"))
    snippet = tmp_path / "casus.yml"
    snippet.write_text(yaml.safe_dump({"tijdlijn": case["tijdlijn"], "fase": case["fase"]}, allow_unicode=True), encoding="utf-8")
    page.goto("tijdlijn/maken/")
    page.fill("#tl-naam", case["naam"])
    page.set_input_files("#tl-open", str(snippet))
    page.wait_for_function(f"document.querySelectorAll('#tl-gebeurtenissen li').length === {len(case['tijdlijn'])}")
    assert "huidige fase (Uitbouwend) zonder datums" in page.locator("#tl-status").inner_text()  # named, not drawn
    page.fill("#tl-naam", case["naam"])
    text, _ = _pdf(page, artifacts / f"tijdlijn-casus-{CASE}.pdf")
    assert case["naam"] in text and all(" ".join(e["tekst"].split()) in text for e in case["tijdlijn"])


def test_keyboard_and_screen_reader_can_add_an_event(page) -> None:
    page.goto("tijdlijn/maken/")
    page.focus("#tl-g-jaar")
    page.keyboard.type("20x1")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Eerste gesprek")
    page.keyboard.press("Enter")
    error = page.locator("#tl-g-fout")
    assert "vier cijfers" in error.inner_text()
    assert page.evaluate("document.activeElement.id") == "tl-g-jaar" and page.get_attribute("#tl-g-jaar", "aria-invalid") == "true"
    page.fill("#tl-g-jaar", "2021")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('tl-status').textContent.includes('Gebeurtenis toegevoegd')")
    assert page.get_attribute("#tl-status", "role") == "status"
    assert page.locator("#tl-gebeurtenissen li").count() == 1
    delete = page.locator("#tl-gebeurtenissen button")
    assert "Eerste gesprek" in delete.get_attribute("aria-label")
    assert page.get_attribute("#tl-tekening svg", "role") == "img" and "1 gebeurtenis" in page.get_attribute("#tl-tekening svg", "aria-label")


# At phone width axe is pointed at this parts: Material's navigation drawer and the other
# sections of a case page have findings of their own there (see the report of issue 20).
@pytest.mark.parametrize("url, narrow", [("tijdlijn/maken/", "article"), (f"casussen/{CASE}/", "figure.tijdlijn, .tijdlijn-lijst"),
                                         ("vergelijken/tijdlijn/", "article")])
def test_axe_finds_no_serious_or_critical_violation(page, url: str, narrow: str) -> None:
    page.goto(url)
    if url.startswith("tijdlijn"):
        _add_everything(page)
    page.add_script_tag(content=axe_source())
    for width, context in ((1280, "document"), (390, f"{{include: [{', '.join(repr([s.strip()]) for s in narrow.split(','))}]}}")):
        page.set_viewport_size({"width": width, "height": 900})
        result = page.evaluate(f"async () => await axe.run({context}, {{resultTypes: ['violations']}})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} → " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{width}px: " + "\n".join(serious)


def test_screenshots_at_desktop_and_phone_width(context, artifacts: Path) -> None:
    page = context.new_page()
    page.goto("tijdlijn/maken/")
    _add_everything(page)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("tijdlijn/maken/")
        page.locator("#tl-tekening svg").scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"tijdlijn-maken-{width}.png")
        page.screenshot(path=artifacts / f"tijdlijn-maken-{width}-heel.png", full_page=True)
        page.goto(f"casussen/{CASE}/#tijdlijn")
        svg = page.locator("figure.tijdlijn svg")
        assert svg.is_visible() and svg.bounding_box()["width"] >= min(width - 40, 600)
        page.screenshot(path=artifacts / f"tijdlijn-casus-{CASE}-{width}.png")
        page.goto("vergelijken/tijdlijn/")
        page.screenshot(path=artifacts / f"tijdlijn-vergelijken-{width}.png", full_page=True)


@pytest.mark.slow
def test_the_maker_works_from_file_in_the_offline_bundle(browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    from conftest import make_project
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("offline-tijdlijn") / "project")
    build_site(root, offline=True)
    maker = root / "site-offline" / "tijdlijn" / "maken.html"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(maker.as_uri())
    page.fill("#tl-g-jaar", "2020")
    page.fill("#tl-g-tekst", "Offline getekend")
    page.click("#tl-gebeurtenis button[type=submit]")
    page.reload()
    assert page.locator("#tl-gebeurtenissen li").inner_text().startswith("2020")
    assert page.locator("#tl-tekening svg circle").count() == 1
    with page.expect_download() as download:
        page.click("#tl-download")
    assert "Offline getekend" in Path(download.value.path()).read_text(encoding="utf-8")
    context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []
