"""Baselines end to end: record, gate only on what is new, list what was fixed, shrink."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor.baseline_file import _validator
from auditor.cli import run

MakeRepo = Callable[..., Path]
TANGLED = (
    "def tangled(rows):\n    for row in rows:\n        if row:\n            while row:\n"
    "                for cell in row:\n                    if cell:\n"
    "                        row = None\n    return rows\n"
)
FILES = {
    "README.md": "# app\n\nAn app that does a thing for the people who need the thing done.\n",
    "app.py": "def f(x: int) -> int:\n    return x\n",
    "shapes.py": TANGLED,
}
OVERSIZED = "DATA = [\n" + "    1,\n" * 1200 + "]\n"


class Ran:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def auditor(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    def call(*args: str) -> Ran:
        code = run(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return call


def _new(report: Any) -> list[tuple[str, str | None]]:
    return [(f["rule"], f["path"]) for f in report["findings"] if f["baseline"] == "new"]


def test_a_baseline_gates_only_what_is_new(
    make_repo: MakeRepo, auditor: Callable[..., Ran]
) -> None:
    root = make_repo(FILES, git=True)
    base = root / ".auditor-baseline.json"
    wrote = auditor("baseline", str(root), "--no-cache")
    assert wrote.code == 0 and "wrote" in wrote.out
    recorded = json.loads(base.read_text())
    jsonschema.validate(recorded, _validator().schema)
    assert recorded["findings"] == sorted(
        recorded["findings"], key=lambda f: (f["path"] or "", f["rule"], f["fingerprint"])
    )
    assert "NAV005" in {f["rule"] for f in recorded["findings"]}
    audit = ("audit", str(root), "--no-cache", "--baseline", str(base), "--format", "json")

    clean = auditor(*audit, "--fail-on-new", "--fail-on", "low")
    assert clean.code == 0, clean.err
    assert _new(clean.json()) == [] and clean.json()["baseline"]["known"] > 0

    (root / "data.py").write_text(OVERSIZED)
    grown = auditor(*audit, "--fail-on-new")
    assert grown.code == 1
    assert _new(grown.json()) == [("NAV002", "data.py")]
    assert "1 new finding(s) (--fail-on-new): NAV002 data.py" in grown.err

    (root / "data.py").unlink()
    assert auditor(*audit, "--fail-on-new").code == 0

    (root / "shapes.py").write_text("# a comment\n" * 50 + TANGLED)
    moved = auditor(*audit, "--fail-on-new")
    assert moved.code == 0 and _new(moved.json()) == []

    (root / "shapes.py").write_text("def tangled(rows):\n    return rows\n")
    fixed = auditor(*audit, "--fail-on-new")
    assert fixed.code == 0
    assert [(e["rule"], e["path"]) for e in fixed.json()["baseline"]["fixed"]] == [
        ("NAV005", "shapes.py")
    ]
    updated = auditor("baseline", str(root), "--update", "--no-cache")
    assert updated.code == 0 and "1 fixed dropped" in updated.out
    after = json.loads(base.read_text())
    assert [f for f in recorded["findings"] if f not in after["findings"]] == [
        f for f in recorded["findings"] if f["rule"] == "NAV005"
    ]
    assert len(after["findings"]) == len(recorded["findings"]) - 1


def test_update_adds_new_findings_only_when_accepted(
    make_repo: MakeRepo, auditor: Callable[..., Ran]
) -> None:
    root = make_repo(FILES, git=True)
    base = root / ".auditor-baseline.json"
    assert auditor("baseline", str(root), "--no-cache").code == 0
    before = json.loads(base.read_text())
    (root / "data.py").write_text(OVERSIZED)
    kept = auditor("baseline", str(root), "--update", "--no-cache")
    assert "1 new not added" in kept.out
    assert json.loads(base.read_text()) == before  # the ratchet did not loosen
    accepted = auditor("baseline", str(root), "--update", "--accept-new", "--no-cache")
    assert "1 new added" in accepted.out
    after = json.loads(base.read_text())
    assert {f["rule"] for f in after["findings"]} - {f["rule"] for f in before["findings"]} == {
        "NAV002"
    }
    assert after["score"] < before["score"] and "NAV002" in after["failing_rules"]


def test_the_ratchet_names_the_rules_that_lowered_the_score(
    make_repo: MakeRepo, auditor: Callable[..., Ran]
) -> None:
    root = make_repo(FILES, git=True)
    base = root / ".auditor-baseline.json"
    assert auditor("baseline", str(root), "--no-cache").code == 0
    same = auditor("audit", str(root), "--no-cache", "--baseline", str(base), "-q",
                   "--fail-on-regression")  # fmt: skip
    assert same.code == 0
    (root / "data.py").write_text(OVERSIZED)
    worse = auditor("audit", str(root), "--no-cache", "--baseline", str(base), "-q",
                    "--fail-on-regression")  # fmt: skip
    assert worse.code == 1
    assert "is below the baseline's" in worse.err and "newly failing NAV002" in worse.err


def test_every_format_marks_new_and_known(make_repo: MakeRepo, auditor: Callable[..., Ran]) -> None:
    root = make_repo(FILES, git=True)
    base = root / ".auditor-baseline.json"
    assert auditor("baseline", str(root), "--no-cache").code == 0
    (root / "data.py").write_text(OVERSIZED)
    audit = ("audit", str(root), "--no-cache", "--baseline", str(base))
    sarif = auditor(*audit, "--format", "sarif").json()
    states = {r["ruleId"]: r["baselineState"] for r in sarif["runs"][0]["results"]}
    assert states["NAV002"] == "new" and states["NAV005"] == "unchanged"
    text = auditor(*audit).out
    assert text.index("New findings (1)") < text.index("known finding(s), already in")
    assert "NAV005" not in text.split("New findings")[1].split("known finding")[0]
    markdown = auditor(*audit, "--format", "markdown").out
    assert "## New findings (1)" in markdown and "known findings, already in" in markdown
    html = auditor(*audit, "--format", "html").out
    assert html.index("state-new") < html.index("state-known")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such baseline"),
        ("{not json", "not valid JSON"),
        ('{"baseline_version": 1}', "not an auditor baseline"),
        (
            '{"baseline_version": 1, "score": 50, "level": 2, "failing_rules": [], '
            '"findings": [{"fingerprint": "xyz", "rule": "A", "path": null, "message": ""}]}',
            "findings/0/fingerprint",
        ),
    ],
)
def test_a_missing_or_malformed_baseline_is_one_line_and_exit_2(
    make_repo: MakeRepo, auditor: Callable[..., Ran], content: str | None, says: str
) -> None:
    root = make_repo(FILES)
    base = root / "b.json"
    if content is not None:
        base.write_text(content)
    ran = auditor("audit", str(root), "--no-cache", "--baseline", str(base))
    assert ran.code == 2 and ran.out == ""
    assert ran.err.count("\n") == 1 and says in ran.err and str(base) in ran.err


def test_gate_flags_that_need_a_baseline_say_so(
    make_repo: MakeRepo, auditor: Callable[..., Ran]
) -> None:
    ran = auditor("audit", str(make_repo(FILES)), "--fail-on-new")
    assert ran.code == 2 and "--fail-on-new needs --baseline" in ran.err
