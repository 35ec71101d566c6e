"""Comparing two JSON reports: matching by fingerprint, changes, the gate, and bad documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from auditor.model import Category, RenderOptions, ReportDiff, Severity, Status
from auditor.report_diff import compare, regressions
from auditor.report_document import ReportDocumentError, parse, read
from auditor_reports import diff_markdown, diff_text
from auditor_reports.json_report import to_document
from tests.reports.sample import sample_report


class DiffSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


def old_document() -> dict[str, Any]:
    return json.loads(json.dumps(to_document(sample_report())))  # type: ignore[no-any-return]


def new_document() -> dict[str, Any]:
    """The sample after a change: the secret removed, one finding moved, one function added."""
    doc = copy.deepcopy(old_document())
    doc["findings"] = [f for f in doc["findings"] if f["rule"] != "SAF001"]
    moved = next(f for f in doc["findings"] if f["message"].startswith("`dispatch`"))
    moved["line"] += 40
    added = dict(moved, message="`cancel` is 99 lines (limit 80)", line=1500, fingerprint="new0")
    doc["findings"].append(added)
    for rule in doc["rules"]:
        if rule["id"] == "SAF001":
            rule["status"] = "pass"
    doc["score"], doc["level"] = 78.1, 4
    for category in doc["categories"]:
        if category["id"] == "safety":
            category["score"] = 100.0
    doc["packages"][0]["score"] = 52.0
    return doc


def diff() -> ReportDiff:
    return compare(parse(old_document()), parse(new_document()))


def test_findings_are_matched_by_fingerprint_not_line() -> None:
    result = diff()
    assert [f.rule for f in result.fixed] == ["SAF001"]
    assert [f.message for f in result.introduced] == ["`cancel` is 99 lines (limit 80)"]
    assert result.unchanged == len(sample_report().findings) - 1


def test_duplicate_fingerprints_are_matched_one_to_one() -> None:
    old, new = old_document(), old_document()
    new["findings"].append(dict(new["findings"][0]))
    result = compare(parse(old), parse(new))
    assert len(result.introduced) == 1 and not result.fixed


def test_score_level_categories_rules_and_packages() -> None:
    result = diff()
    assert (result.old.score, result.new.score, result.old.level, result.new.level) == (
        65.6, 78.1, 3, 4,
    )  # fmt: skip
    safety = next(c for c in result.categories if c.id is Category.SAFETY)
    assert (safety.old, safety.new) == (11.1, 100.0)
    assert [(r.id, r.old, r.new) for r in result.rules] == [("SAF001", Status.FAIL, Status.PASS)]
    assert [(p.path, p.old_score, p.new_score) for p in result.packages] == [
        ("packages/api", 48.2, 52.0)
    ]


def test_a_rule_only_one_side_ran_is_a_change() -> None:
    new = old_document()
    new["rules"] = [r for r in new["rules"] if r["id"] != "DOC001"]
    change = compare(parse(old_document()), parse(new)).rules
    assert [(r.id, r.old, r.new) for r in change] == [("DOC001", Status.PASS, None)]


def test_regressions() -> None:
    better = diff()
    assert regressions(better, score=True, fail_on=None) == [
        "1 new finding at or above low severity"
    ]
    assert regressions(better, score=True, fail_on=Severity.HIGH) == []
    assert regressions(better, score=False, fail_on=None) == []
    assert regressions(better, score=False, fail_on=Severity.MEDIUM) == [
        "1 new finding at or above medium severity"
    ]
    worse = compare(parse(new_document()), parse(old_document()))
    assert regressions(worse, score=True, fail_on=Severity.CRITICAL) == [
        "score fell from 78.1 to 65.6",
        "level fell from 4 to 3",
        "1 new finding at or above critical severity",
    ]


def test_identical_reports_have_no_changes() -> None:
    same = compare(parse(old_document()), parse(old_document()))
    assert not (same.fixed or same.introduced or same.rules or same.packages)
    assert regressions(same, score=True, fail_on=None) == []


BAD_DOCUMENTS = {
    "not-an-object": [],
    "no-version": {"score": 1},
    "missing-findings": {k: v for k, v in old_document().items() if k != "findings"},
    "bad-severity": {**old_document(), "findings": [{**old_document()["findings"][0],
                                                     "severity": "blocker"}]},
    "score-string": {**old_document(), "score": "65"},
}  # fmt: skip


@pytest.mark.parametrize("document", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_malformed_documents_are_one_line_errors(document: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReportDocumentError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not an auditor JSON report: ") and "\n" not in message


def test_unreadable_invalid_and_other_major_versions(tmp_path: Path) -> None:
    with pytest.raises(ReportDocumentError, match="cannot read the report"):
        read(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportDocumentError, match="not valid JSON"):
        read(broken)
    future = tmp_path / "future.json"
    future.write_text(json.dumps({**old_document(), "schema_version": "2.0"}), encoding="utf-8")
    with pytest.raises(ReportDocumentError, match=r"schema_version 2\.0 .*reads 1\.x"):
        read(future)
    minor = tmp_path / "minor.json"
    minor.write_text(json.dumps({**old_document(), "schema_version": "1.7"}), encoding="utf-8")
    assert read(minor).score == 65.6


@pytest.mark.parametrize("verbosity", [-1, 0], ids=["quiet", "normal"])
def test_markdown_diff_matches_snapshot(verbosity: int, snapshot: SnapshotAssertion) -> None:
    rendered = diff_markdown.render(diff(), RenderOptions(verbosity=verbosity))
    assert rendered == snapshot.use_extension(DiffSnapshot)


def test_text_diff_matches_snapshot(snapshot: SnapshotAssertion) -> None:
    assert diff_text.render(diff(), RenderOptions()) == snapshot


def test_markdown_diff_reads_like_a_pr_comment() -> None:
    md = diff_markdown.render(diff(), RenderOptions())
    assert md.startswith("## Agent readiness: 65.6 → 78.1 (+12.5) · Level 3 → 4\n")
    assert "| **Score** | 65.6 | 78.1 | **+12.5** |" in md
    assert "| safety | 11.1 | 100.0 | +88.9 |" in md
    assert md.index("### New findings (1)") < md.index("### Fixed findings (1)")
    assert "| [SAF001] | fail | pass |" in md
    assert "[SAF001]: https://" in md
    assert md == diff_markdown.render(diff(), RenderOptions())
