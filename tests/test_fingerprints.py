"""Finding fingerprints survive edits that move code: no rule keys on a line or a measurement."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from auditor import api
from auditor.baseline import fingerprint
from auditor.model import Finding, RenderOptions
from auditor_reports.json_report import render as render_json
from auditor_reports.sarif import render as render_sarif

MakeRepo = Callable[..., Path]

BODY = "".join(f"    total += {i}\n" for i in range(110))
NESTED = (
    "def tangled(rows):\n    for row in rows:\n        if row:\n            while row:\n"
    "                for cell in row:\n                    if cell:\n"
    "                        row = None\n"
)
BRANCHY = "def branchy(x):\n" + "".join(
    f"    if x == {i}:\n        return {i}\n" for i in range(20)
)
TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
FILES: dict[str, str] = {
    "README.md": "# app\n\nAn app.\n",
    "AGENTS.md": "# Agents\n\n- Read `docs/missing.md` first.\n- Run `make nothing-here`.\n",
    "app/long.py": f"def helper():\n    return 1\n\n\ndef long_one():\n    total = 0\n{BODY}"
    "    return total\n\n\ndef other_long():\n    total = 0\n"
    f"{BODY}    return total\n",
    "app/shapes.py": f"{NESTED}\n\n{BRANCHY}",
    "app/settings.py": 'import os\n\nHOST = os.environ["APP_SECRET_HOST"]\n'
    f'TOKEN_VALUE = "{TOKEN}"\n',
}


def _fingerprints(root: Path) -> dict[str, tuple[str, str | None, int | None]]:
    report = api.audit(root)
    return {f.fingerprint: (f.rule, f.path, f.line) for f in report.findings}


def _edited(files: Mapping[str, str]) -> dict[str, str]:
    """Every file's code moved down 50 lines, an unrelated function renamed, a long function
    grown by 10 lines."""
    edited = {}
    for path, text in files.items():
        pad = "# moved down\n" * 50 if path.endswith(".py") else "\n" * 50
        edited[path] = pad + text
    grown = "    total = 0\n" + "    total += 0\n" * 10
    edited["app/long.py"] = (
        edited["app/long.py"]
        .replace("def helper():", "def renamed_helper():")
        .replace("def long_one():\n    total = 0\n", "def long_one():\n" + grown, 1)
    )
    return edited


def test_moving_renaming_and_growing_code_changes_no_fingerprint(make_repo: MakeRepo) -> None:
    before = _fingerprints(make_repo(FILES, git=True))
    after = _fingerprints(make_repo(_edited(FILES), git=True))
    rules = {rule for rule, _, _ in before.values()}
    assert {"NAV003", "NAV004", "NAV005", "INS006", "INS007", "SAF002", "DOC004"} <= rules
    assert sorted(after) == sorted(before)
    assert all(after[f][:2] == before[f][:2] for f in before)
    moved = [f for f, (_, _, line) in before.items() if line is not None]
    assert moved and all(after[f][2] != before[f][2] for f in moved)  # the lines did change


def test_identical_keys_in_one_file_are_told_apart_by_order() -> None:
    first = fingerprint("NAV003", "a.py", "f", 0)
    assert first != fingerprint("NAV003", "a.py", "f", 1)
    assert first == fingerprint("NAV003", "a.py", "f", 0)
    assert first != fingerprint("NAV003", "b.py", "f", 0)


def test_a_finding_has_one_fingerprint_in_json_and_sarif(make_repo: MakeRepo) -> None:
    report = api.audit(make_repo(FILES, git=True))
    options = RenderOptions(verbosity=1)
    in_json = [f["fingerprint"] for f in json.loads(render_json(report, options))["findings"]]
    results = json.loads(render_sarif(report, options))["runs"][0]["results"]
    in_sarif = [r["partialFingerprints"]["auditorFingerprint/v1"] for r in results]
    expected = [f.fingerprint for f in report.findings]
    assert in_json == expected
    assert sorted(in_sarif) == sorted(expected)
    assert len(set(expected)) == len(expected)
    assert all(isinstance(f, Finding) for f in report.findings)
