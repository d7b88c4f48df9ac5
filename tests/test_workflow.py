"""The pull-request check: GitHub's workflow schema, a zizmor audit (offline), and the shape that
keeps it working on GitHub's runners (Debian container, validation first, pinned actions)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ZIZMOR_CONFIG = ROOT / ".github" / "zizmor.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_matches_githubs_workflow_schema() -> None:
    # check-jsonschema ships SchemaStore's github-workflows schema; --builtin-schema needs no network
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def zizmor(*args: str) -> list[dict]:
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--format", "json", "--config", str(ZIZMOR_CONFIG), *args, str(WORKFLOW)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings, read below
    return json.loads(result.stdout or "[]")


def test_zizmor_finds_nothing() -> None:
    assert [finding["ident"] for finding in zizmor()] == []


def test_zizmor_pedantic_finds_nothing_above_low() -> None:
    findings = zizmor("--persona", "pedantic", "--min-severity", "medium")
    assert [(finding["ident"], finding["determinations"]["severity"]) for finding in findings] == []


def test_every_ignored_zizmor_rule_is_explained() -> None:
    text = ZIZMOR_CONFIG.read_text(encoding="utf-8")
    rules = yaml.safe_load(text)["rules"]
    for rule in rules:
        block = text.split(f"  {rule}:", 1)[1].split("\n  ", 1)[1]
        assert block.lstrip().startswith("#"), f"zizmor.yml: {rule} has no explanation"


def test_the_tests_run_in_a_debian_container() -> None:
    check = workflow()["jobs"]["check"]
    image = check["container"]["image"] if isinstance(check["container"], dict) else check["container"]
    assert re.match(r"^(python:3\.1[1-9]-bookworm|debian:bookworm)(@sha256:[0-9a-f]{64})?$", image), image
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in check["steps"])


def test_validation_is_the_first_step_after_checkout() -> None:
    steps = workflow()["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert steps[0]["with"]["persist-credentials"] is False
    assert steps[1] == {"name": "Casusbestanden controleren", "run": "./run validate"}


def test_actions_are_pinned_by_commit_with_the_version_named() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert len(uses) >= 4
    for reference, comment in uses:
        assert PINNED.match(reference), reference
        assert re.match(r"\s+# v\d+(\.\d+)*$", comment), f"{reference}: no version comment"


def test_triggers_and_permissions_stay_minimal() -> None:
    data = workflow()
    assert set(data["on"]) == {"pull_request", "push"}
    assert data["on"]["push"] == {"branches": ["main"]}
    assert data["permissions"] == {"contents": "read"}
    assert "permissions" not in data["jobs"]["check"]
    assert data["jobs"]["publish"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["publish"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def test_a_pull_requests_site_is_uploaded_for_review() -> None:
    steps = workflow()["jobs"]["check"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"].rstrip("/") == "site"
    build = next(index for index, step in enumerate(steps) if step.get("name") == "Site bouwen")
    assert "GITHUB_STEP_SUMMARY" in steps[build]["run"]
    assert steps.index(upload) > build
