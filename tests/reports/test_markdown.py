"""The Markdown report: golden output, escaping, links, and what a PR reviewer needs to see."""

from __future__ import annotations

import dataclasses
import re

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from auditor.model import Category, Finding, Grade, RenderOptions, Report, Severity
from auditor_reports.markdown import render
from auditor_reports.markdown_text import code, fenced, location, text
from tests.reports.sample import sample_report, tidy_report


class MarkdownSnapshot(SingleFileSnapshotExtension):
    """A golden Markdown report: one `.md` file per snapshot, exactly as written."""

    _write_mode = WriteMode.TEXT
    file_extension = "md"


@pytest.fixture
def md_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(MarkdownSnapshot)


@pytest.mark.parametrize("verbosity", [-1, 0, 1], ids=["quiet", "normal", "verbose"])
def test_sample_matches_snapshot(verbosity: int, md_snapshot: SnapshotAssertion) -> None:
    assert render(sample_report(), RenderOptions(verbosity=verbosity)) == md_snapshot


def test_tidy_matches_snapshot(md_snapshot: SnapshotAssertion) -> None:
    assert render(tidy_report(), RenderOptions()) == md_snapshot


def test_is_byte_stable_and_tidy() -> None:
    first = render(sample_report(), RenderOptions(verbosity=1))
    assert first == render(sample_report(), RenderOptions(verbosity=1, color=True, width=40))
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\n\n\n" not in first
    assert all(line == line.rstrip() for line in first.splitlines())


def test_headline_next_level_and_categories() -> None:
    md = render(sample_report(), RenderOptions())
    assert md.startswith("# Agent readiness: acme-platform\n")
    assert "**Score 65.6 / 100 · Level 3 of 5** · commit `3f9c2a1b7d4e`" in md
    assert "**Level 4** needs 4 of these 7 failing rules to pass:" in md
    assert "- [SAF001] No secrets are committed (safety, level 2, +12.5 points)" in md
    assert "| safety | 11.1 | 1 of 2 |" in md
    assert "Level 5 is the top level" in render(tidy_report(), RenderOptions())


def test_top_fixes_carry_their_prompt_in_a_details_block() -> None:
    md = render(sample_report(), RenderOptions())
    first = md.index("1. **+12.5** · [SAF001] **No secrets are committed** (critical, 1 finding)")
    details = md.index("<details><summary>Prompt for a coding agent</summary>", first)
    assert md.index("```text\n   Remove the hard-coded credential", details) > details
    assert md.count("Prompt for a coding agent") == 5


def test_findings_grouped_by_category_with_line_links() -> None:
    md = render(sample_report(), RenderOptions())
    headings = re.findall(r"^### (\w+) · \d+ findings? \(.*\)$", md, re.MULTILINE)
    assert headings == ["instructions", "feedback", "navigability", "documentation",
                        "environment", "safety"]  # fmt: skip
    assert "| **critical** | [config/settings.py:12](config/settings.py#L12) | [SAF001] |" in md
    assert "| low | repository | [FEE004] |" in md
    assert "### navigability · 18 findings (18 medium)" in md
    assert "[SAF001]: https://github.com/" in md and md.rstrip().endswith("SAF003.md")


def test_long_categories_fold_when_verbose_and_are_counted_otherwise() -> None:
    report = sample_report()
    many = tuple(
        dataclasses.replace(report.findings[0], message=f"finding {i}", fingerprint=f"fp{i:03}")
        for i in range(30)
    )
    crowded = dataclasses.replace(report, findings=many)
    normal = render(crowded, RenderOptions())
    assert "… and 5 more (the JSON and SARIF reports list them all)." in normal
    verbose = render(crowded, RenderOptions(verbosity=1))
    assert "<details><summary>5 more</summary>" in verbose and "finding 29" in verbose
    assert "more (the JSON" not in verbose
    flood = tuple(
        dataclasses.replace(report.findings[0], message=f"finding {i}", fingerprint=f"fp{i:04}")
        for i in range(300)
    )
    capped = render(dataclasses.replace(report, findings=flood), RenderOptions(verbosity=1))
    assert "<details><summary>225 more</summary>" in capped
    assert "… and 50 more (the JSON and SARIF reports list them all)." in capped


def test_packages_weakest_first_with_summary() -> None:
    md = render(sample_report(), RenderOptions())
    assert "1 of 2 packages at level 3 or above." in md
    assert md.index("| `packages/api` | 48.2 | 1 |") < md.index("| `packages/cli` | 81.7 | 3 |")


def test_unassessed_rules_and_skipped_files_are_listed() -> None:
    md = render(sample_report(), RenderOptions())
    assert "- Not applicable: [DOC004] Releases are recorded in a changelog — no release" in md
    assert (
        "- **Not judged** (low): [NAV003] Code is not nested more than five levels — "
        "the rule raised Recursion" in md
    )
    assert (
        "- **Not judged** (critical): [SAF001] No secrets are committed — `.mcp.json`: cannot" in md
    )
    assert "- 5 files skipped or partly read (2 binary, 1 encoding, 1 malformed, 1 too-large)" in md
    assert "| `frontend/tsconfig.json` | malformed | cannot parse JSON" in md


def test_quiet_is_headline_and_top_fixes_only() -> None:
    md = render(sample_report(), RenderOptions(verbosity=-1, top=2))
    assert "## Top fixes" in md and "## Findings" not in md and "## Categories" not in md
    assert md.count("<details>") == 2


def _hostile(report: Report) -> Report:
    finding = Finding(
        rule="SAF001", severity=Severity.HIGH, category=Category.SAFETY,
        message="a | b <script>alert(1)</script> *bold* [x](http://evil) `ok` and a ` stray",
        path="dir with space/we|ird_[name].py", line=3, fingerprint="f" * 16,
        fix="f", fix_prompt="Run ```sh\nrm -rf /\n``` never", evidence=Grade.STRONG,
    )  # fmt: skip
    top = dataclasses.replace(report.top_fixes[0], fix_prompt=finding.fix_prompt)
    return dataclasses.replace(report, findings=(finding,), top_fixes=(top,))


def test_hostile_text_cannot_break_tables_or_inject_html() -> None:
    md = render(_hostile(sample_report()), RenderOptions())
    row = next(line for line in md.splitlines() if "alert(1)" in line)
    assert row.count(" | ") == 3  # four cells, however many pipes the message held
    assert "<script>" not in md and "\\<script\\>" in row
    assert "\\[x\\](http://evil)" in row and "`ok`" in row and "\\` stray" in row
    label = "dir with space/we\\|ird\\_\\[name\\].py:3"
    assert f"[{label}](dir%20with%20space/we%7Cird_%5Bname%5D.py#L3)" in row
    assert "````text\n   Run ```sh" in md


def test_escaping_helpers() -> None:
    assert text("a|b") == "a\\|b"
    assert text("use `x|y` here") == "use `x\\|y` here"
    assert text("line\nbreak") == "line break"
    assert code("a`b") == "``a`b``"
    assert code("`edge`") == "`` `edge` ``"
    assert location(None, None) == "repository"
    assert location("a.py", None) == "[a.py](a.py)"
    assert fenced("one ``` two").startswith("````text\n")
