"""The workshop tools (issue 15) in Debian's chromium: "Zelf een praatplaat maken"
(praatplaten/maken/) and the samenwerkingsscan for a team meeting.

Every field of the praatplaat form is filled, printed (one A3 landscape page holding every typed
text), downloaded as a case file that `generator validate` accepts, and found again after a reload.
Every scan item is answered with a note, printed (answers in the PDF), and downloaded as CSV (one
row per item) and YAML (valid as a case's `scan` field). axe finds nothing serious on either page.
Screenshots (desktop and phone) and the PDFs as PNG are left in tests/artifacts/.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser_support import ARTIFACTS, axe_source

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
MM_PER_PT = 25.4 / 72


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split())


def to_png(pdf: Path, stem: str) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(ARTIFACTS / stem)], check=True)


def axe_serious(page) -> list[str]:
    page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×) {v['nodes'][0]['target']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def validate(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "validate", *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


# --- zelf een praatplaat maken ------------------------------------------------------------------------

def fill_praatplaat(page) -> list[str]:
    """Fill every field of the form with distinct text; returns the texts that must be printed."""
    typed: list[str] = []
    for index, field in enumerate(page.locator("#pp-form textarea[data-veld], #pp-form input[type=text][data-veld]").all()):
        veld = field.get_attribute("data-veld")
        if veld == "bronnen.0.sectie":
            text = "Eigen gegevens"
        elif veld == "instellingen":
            text = "Testcollege Oost\nRegio College West"
        elif veld.startswith("doelen.") and veld != "doelen.propositie":
            text = f"Doel{index}a kort\nDoel{index}b kort"
        elif veld.startswith(("drivers.", "aandachtspunten.")):
            text = f"Tekst{index} {veld.split('.')[1]}"  # one line each: ten drivers and five points share a block
        else:
            text = f"Tekst{index} <b>&amp; \"{veld}\""
        field.fill(text)
        if veld == "naam":
            continue  # replaced below
        typed.extend(line for line in text.split("\n"))
    for select in page.locator("#pp-form select[data-veld]").all():
        options = [value for value in select.locator("option").evaluate_all("os => os.map(o => o.value)") if value]
        select.select_option(options[-1])
    for box in page.locator("#pp-form input[type=checkbox][data-veld]").all()[:2]:
        box.check()
    return typed


def test_make_a_praatplaat_print_download_validate_reload(page, context, artifacts: Path, tmp_path: Path) -> None:
    page.goto("praatplaten/maken/")
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#pp-form").is_visible()
    # each block of the redeneerlijn with its guiding questions
    assert page.locator("#pp-form fieldset.pp-blok").count() == 7
    assert "Wat is het doel van de samenwerking?" in page.locator("#pp-blok-doelen").inner_text()
    # a download before the required fields are filled says what is missing
    page.click("#pp-download")
    assert "Nog nodig" in page.locator("#pp-melding").inner_text()
    typed = fill_praatplaat(page)
    page.fill("#pp-naam", "Samen Sterk in Oost & West")
    typed.append("Samen Sterk in Oost & West")
    page.screenshot(path=artifacts / "workshop-praatplaat-maken.png", full_page=True)

    # print: one A3 landscape page with every typed text on it
    page.emulate_media(media="print")
    page.wait_for_function("document.getElementById('pp-plaat').dataset.schaal !== undefined")
    scale = float(page.locator("#pp-plaat").get_attribute("data-schaal"))
    (artifacts / "workshop-praatplaat-maken-schaal.txt").write_text(f"{scale}\n")
    assert 0.7 < scale <= 1, scale  # every field filled: zoomed out a little, if at all
    pdf = artifacts / "workshop-praatplaat-maken.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages"
    box = reader.pages[0].mediabox
    width, height = float(box.width) * MM_PER_PT, float(box.height) * MM_PER_PT
    assert abs(width - 420) < 2 and abs(height - 297) < 2, (width, height)
    text = pdf_text(pdf)
    absent = [t for t in typed if " ".join(t.split()) not in text]
    assert absent == [], absent
    assert "Wat is het doel van de samenwerking?" in text and "Lees van 1 naar 6" in text
    to_png(pdf, "workshop-praatplaat-maken-print")

    # download: a case file that validate accepts unchanged, schema line on top
    with page.expect_download() as info:
        page.click("#pp-download")
    download = info.value
    assert download.suggested_filename == "samen-sterk-in-oost-west.yml"
    target = tmp_path / "cases" / download.suggested_filename
    target.parent.mkdir()
    download.save_as(target)
    content = target.read_text(encoding="utf-8")
    assert content.startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
    result = validate(target)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copy(target, artifacts / "workshop-praatplaat-maken.yml")

    # reload: everything is still there
    page.reload()
    assert page.locator("#pp-naam").input_value() == "Samen Sterk in Oost & West"
    assert page.locator("#pp-output-resultaten").input_value().startswith("Tekst")
    assert page.locator("#pp-form input[type=checkbox][data-veld]:checked").count() == 2

    # clear, then open the downloaded file: the form is filled again
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#pp-wissen")
    assert page.locator("#pp-naam").input_value() == ""
    page.set_input_files("#pp-open", str(target))
    page.wait_for_function("document.getElementById('pp-naam').value !== ''")
    assert page.locator("#pp-naam").input_value() == "Samen Sterk in Oost & West"
    assert page.locator("#pp-instellingen").input_value() == "Testcollege Oost\nRegio College West"
    with page.expect_download() as again:
        page.click("#pp-download")
    second = tmp_path / "again.yml"
    again.value.save_as(second)
    assert second.read_text(encoding="utf-8").split("\n", 2)[2] == content.split("\n", 2)[2], "open → download loses nothing"

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "workshop-praatplaat-maken-phone.png", full_page=True)


def test_praatplaat_form_is_accessible(page) -> None:
    page.goto("praatplaten/maken/")
    page.locator("#pp-form").wait_for()
    assert axe_serious(page) == []


# --- samenwerkingsscan ---------------------------------------------------------------------------------

def test_scan_answers_print_csv_and_yaml(page, artifacts: Path, tmp_path: Path) -> None:
    page.goto("samenwerkingsscan/")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.fill("#scan-naam", "Team Oost")
    items = page.locator("fieldset.scan-item")
    codes = items.evaluate_all("fs => fs.map(f => f.dataset.code)")
    assert len(codes) == 25
    chosen: dict[str, str] = {}
    for index, code in enumerate(codes):
        radios = page.locator(f"fieldset[data-code='{code}'] input[type=radio]")
        values = radios.evaluate_all("rs => rs.map(r => r.value)")
        # drivers are answered with a direction, the other items with a judgement
        assert values == (["stuwend", "remmend", "speelt-niet"] if code.startswith("2") else ["sterk", "redelijk", "aandachtspunt", "nvt"]), code
        radios.nth(index % len(values)).check()
        chosen[code] = page.locator(f"fieldset[data-code='{code}'] input:checked + *").count() and values[index % len(values)] or values[index % len(values)]
        page.fill(f"#scan-notitie-{code}", f"Notitie {code} = \"belangrijk\"")
    assert "25 van 25 items beantwoord" in page.locator("#scan-samenvatting").inner_text()
    # the numbering: each category names its block of the redeneerlijn
    assert "Blok 6 van de redeneerlijn" in page.locator("article").inner_text()
    assert "python" not in page.locator("article").inner_text().lower()
    page.screenshot(path=artifacts / "workshop-scan.png", full_page=True)

    labels = {"stuwend": "Stuwend", "remmend": "Remmend", "speelt-niet": "Speelt niet", "sterk": "Sterk punt",
              "redelijk": "Redelijk", "aandachtspunt": "Aandachtspunt", "nvt": "N.v.t."}
    page.emulate_media(media="print")
    pdf = artifacts / "workshop-scan.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.emulate_media(media="screen")
    text = pdf_text(pdf)
    for code, answer in chosen.items():
        assert f"Notitie {code} = \"belangrijk\"" in text, code
    assert text.count("Antwoord:") == 25
    for answer in set(chosen.values()):
        assert f"Antwoord: {labels[answer]}" in text, answer
    assert "Samenvatting" in text and "Drivers die stuwen" in text and "Team Oost" in text
    to_png(pdf, "workshop-scan-print")

    # CSV: one row per item, Dutch headers, UTF-8 with BOM
    with page.expect_download() as info:
        page.click("#scan-download-csv")
    csv_path = tmp_path / "scan.csv"
    info.value.save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 25 and [row["Code"] for row in rows] == codes
    assert list(rows[0])[:6] == ["Code", "Categorie van de scan", "Blok van de redeneerlijn", "Item", "Antwoord", "Notitie"]
    assert all(row["Antwoord"] == labels[chosen[row["Code"]]] for row in rows)
    assert rows[0]["Notitie"] == f"Notitie {codes[0]} = \"belangrijk\""

    # YAML: the case format's scan field, valid on its own and inside a case
    with page.expect_download() as info:
        page.click("#scan-download")
    yaml_path = tmp_path / "scan.yml"
    info.value.save_as(yaml_path)
    result = validate(yaml_path)
    assert result.returncode == 0, result.stdout + result.stderr
    scan_text = yaml_path.read_text(encoding="utf-8")
    assert "python" not in scan_text.lower() and "CONTRIBUTING.md" in scan_text
    case = (ROOT / "cases" / "startacademie.yml").read_text(encoding="utf-8")
    head, _, tail = case.partition("\nscan:\n")
    rest = tail.split("\n")
    while rest and (rest[0].startswith(" ") or not rest[0]):
        rest.pop(0)
    body = scan_text[scan_text.index("scan:\n"):]
    combined = tmp_path / "cases" / "startacademie.yml"
    combined.parent.mkdir()
    combined.write_text(head + "\n" + body + "\n".join(rest), encoding="utf-8")
    result = validate(combined)
    assert result.returncode == 0, result.stdout + result.stderr

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "workshop-scan-phone.png", full_page=False)


def test_blank_scan_prints_tick_boxes(page, artifacts: Path) -> None:
    page.goto("samenwerkingsscan/papier/")
    assert page.locator(".scan-vakjes").count() == 25
    page.emulate_media(media="print")
    pdf = artifacts / "workshop-scan-papier.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = pdf_text(pdf)
    assert text.count("Speelt niet") == 10 and text.count("Aandachtspunt") >= 15
    to_png(pdf, "workshop-scan-papier")


@pytest.mark.parametrize("path", ["samenwerkingsscan/", "samenwerkingsscan/papier/", "werken-met-de-instrumenten/"])
def test_scan_pages_are_accessible(page, path: str, artifacts: Path) -> None:
    page.goto(path)
    assert axe_serious(page) == []
    if path.startswith("werken"):
        page.screenshot(path=artifacts / "workshop-werken-met-de-instrumenten.png", full_page=True)


# --- offline bundle (file://) ----------------------------------------------------------------------

def test_tools_work_offline_from_file(browser, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """Both tools in the offline bundle opened from disk: they start, keep what is typed across a
    reload, open a case file (js-yaml from the bundle) and ask nothing from the network."""
    from conftest import make_project
    from generator.build import build_site

    root = make_project(tmp_path_factory.mktemp("offline-workshop") / "project")
    build_site(root, offline=True)
    bundle = root / "site-offline"
    context = browser.new_context(locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((bundle / "praatplaten" / "maken.html").as_uri())
    page.fill("#pp-naam", "Offline samen")
    page.reload()
    assert page.locator("#pp-naam").input_value() == "Offline samen"
    case = tmp_path / "food-academy-nijkerk.yml"
    shutil.copy(ROOT / "cases" / "food-academy-nijkerk.yml", case)
    page.set_input_files("#pp-open", str(case))
    page.wait_for_function("document.getElementById('pp-naam').value === 'Food Academy Nijkerk'")
    assert "Food Academy Nijkerk" in page.locator("#pp-plaat").inner_text()
    page.goto((bundle / "samenwerkingsscan.html").as_uri())
    page.check("fieldset[data-code='2e'] input[value=remmend]")
    page.reload()
    assert page.locator("fieldset[data-code='2e'] input[value=remmend]").is_checked()
    context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:"))] == []
