"""Inline suppressions: `auditor: ignore[RULE] reason` in each comment syntax, reported as
suppressed, left out of the score and the gate; bad or unused ones are findings (FEE013)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor import api
from auditor.cli import run
from auditor.config import Config
from auditor.index.scan_cache import ScanCache
from auditor.index.suppressions import Suppression, comment_style, find
from auditor.model import RenderOptions, Status
from auditor_reports.sarif import render as render_sarif
from tests.conftest import index_repo

MakeRepo = Callable[..., Path]
BODY = "".join(f"    total += {i}\n" for i in range(110))
LONG = f"def long_one():\n    total = 0\n{BODY}    return total\n"


def _audit(root: Path, *select: str) -> api.Report:
    return api.audit(root, Config(select=select) if select else None)


@pytest.mark.parametrize(
    ("path", "line", "expected"),
    [
        ("a.py", b"x = 1  # auditor: ignore[NAV002] generated table, kept whole", "hash"),
        ("a.ts", b"let x = 1; // auditor: ignore[NAV002] generated table", "c"),
        ("a.go", b"/* auditor: ignore[NAV002] generated table */", "c"),
        ("q.sql", b"-- auditor: ignore[NAV002] generated table", "dash"),
        ("ci.yml", b"on: push  # auditor: ignore[NAV002] generated table", "hash"),
        ("AGENTS.md", b"<!-- auditor: ignore[NAV002] generated table -->", "html"),
    ],
)
def test_each_comment_syntax_is_read(path: str, line: bytes, expected: str) -> None:
    style = comment_style(path, "python" if path.endswith(".py") else None)
    if path.endswith((".ts", ".go")):
        style = comment_style(path, "typescript")
    assert style == expected
    assert find(b"first\n" + line + b"\n", style) == (
        Suppression(2, ("NAV002",), "generated table" + (", kept whole" if ".py" in path else "")),
    )


@pytest.mark.parametrize(
    ("data", "style"),
    [
        (b'S = "x  # auditor: ignore[NAV002] in a string"\n', "hash"),
        (b"Write `# auditor: ignore[NAV003] reason` on the line.\n", "html"),
        (b"```\n<!-- auditor: ignore[INS006] shown in a fence -->\n```\n", "html"),
        (b"# auditor: ignore[NAV002] a hash is no comment in Markdown\n", "html"),
    ],
)
def test_examples_of_the_syntax_are_not_suppressions(data: bytes, style: str) -> None:
    assert find(data, style) == ()


def test_a_suppressed_finding_is_reported_unscored_and_ungated(make_repo: MakeRepo) -> None:
    files = {"app.py": "# auditor: ignore[NAV003] a parser table, clearer whole\n" + LONG}
    root = make_repo(files)
    report = _audit(root, "NAV003", "FEE013")
    (finding,) = [f for f in report.findings if f.rule == "NAV003"]
    assert finding.suppressed == "a parser table, clearer whole"
    statuses = {r.id: r.status for r in report.score.rules}
    assert statuses == {"NAV003": Status.PASS, "FEE013": Status.PASS}
    ran = run(["audit", str(root), "--no-cache", "--select", "NAV003", "--fail-on", "low"])
    assert ran == 0
    bare = make_repo({"app.py": LONG})
    assert {r.id: r.status for r in _audit(bare, "NAV003").score.rules} == {"NAV003": Status.FAIL}


def test_markdown_findings_are_suppressed_by_an_html_comment(make_repo: MakeRepo) -> None:
    files = {
        "AGENTS.md": "# Agents\n\n<!-- auditor: ignore[INS006] written by the build step -->\n"
        "- Read `docs/missing.md` first.\n"
    }
    report = _audit(make_repo(files), "INS006", "FEE013")
    (finding,) = [f for f in report.findings if f.rule == "INS006"]
    assert finding.suppressed == "written by the build step" and finding.line == 4
    assert [f.rule for f in report.findings] == ["INS006"]


def test_a_suppression_without_reason_suppresses_nothing_and_is_a_finding(
    make_repo: MakeRepo,
) -> None:
    report = _audit(make_repo({"app.py": "# auditor: ignore[NAV003]\n" + LONG}), "NAV003", "FEE013")
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["NAV003"].suppressed is None
    assert "gives no reason" in by_rule["FEE013"].message and by_rule["FEE013"].line == 1


def test_a_suppression_that_suppresses_nothing_is_a_finding(make_repo: MakeRepo) -> None:
    files = {"app.py": "# auditor: ignore[NAV003] was long once\ndef short():\n    return 1\n"}
    root = make_repo(files)
    (finding,) = _audit(root, "NAV003", "FEE013").findings
    assert finding.rule == "FEE013" and "suppresses nothing" in finding.message
    assert _audit(root, "FEE013").findings == ()  # NAV003 did not run: not judged unused


def test_suppressed_findings_are_marked_in_json_and_sarif(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"app.py": "# auditor: ignore[NAV003] a parser table\n" + LONG})
    assert run(["audit", str(root), "--no-cache", "--format", "json"]) == 0
    (finding,) = [
        f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "NAV003"
    ]
    assert finding["suppressed"] == "a parser table"
    sarif = json.loads(render_sarif(_audit(root), RenderOptions()))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "NAV003"]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "a parser table"}]
    assert run(["audit", str(root), "--no-cache"]) == 0
    assert "Suppressed (1)" in capsys.readouterr().out


def test_the_scan_that_reads_a_file_finds_its_suppressions_and_caches_them(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo({"app.py": "x = 1  # auditor: ignore[NAV002] kept whole\n"})
    expected = (Suppression(1, ("NAV002",), "kept whole"),)
    record = index_repo(root).file("app.py")
    assert record is not None and record.suppressions == expected
    saved = ScanCache(tmp_path / "cache", root)
    saved.scan("d1", "python", b"x = 1  # auditor: ignore[NAV002] kept whole\n", False, "hash")
    saved.save()
    loaded = ScanCache(tmp_path / "cache", root)
    loaded.load()
    assert loaded.scan("d1", "python", b"", False, "hash").suppressions == expected
