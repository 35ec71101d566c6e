"""The terminal report: golden output at each verbosity, colour only when asked, robustness."""

from __future__ import annotations

import dataclasses
import re

import pytest
from syrupy.assertion import SnapshotAssertion

from auditor.model import (
    Category,
    Finding,
    Grade,
    RenderOptions,
    ReportFacts,
    Repository,
    Severity,
)
from auditor_reports.text import render
from tests.reports.sample import sample_report, tidy_report
from tests.reports.snapshots import TextSnapshot

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def text_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextSnapshot)


@pytest.mark.parametrize("verbosity", [-1, 0, 1], ids=["quiet", "normal", "verbose"])
def test_sample_matches_snapshot(verbosity: int, text_snapshot: SnapshotAssertion) -> None:
    assert render(sample_report(), RenderOptions(verbosity=verbosity)) == text_snapshot


def test_tidy_matches_snapshot(text_snapshot: SnapshotAssertion) -> None:
    assert render(tidy_report(), RenderOptions()) == text_snapshot


def test_colour_only_when_asked() -> None:
    plain = render(sample_report(), RenderOptions(color=False))
    coloured = render(sample_report(), RenderOptions(color=True))
    assert "\x1b[" not in plain
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == plain


def test_is_deterministic_and_tidy() -> None:
    first = render(sample_report(), RenderOptions(verbosity=1))
    assert first == render(sample_report(), RenderOptions(verbosity=1))
    assert first.endswith("\n")
    assert all(line == line.rstrip() for line in first.splitlines())


@pytest.mark.parametrize("width", [60, 100, 160])
def test_lines_fit_the_width(width: int) -> None:
    text = render(sample_report(), RenderOptions(verbosity=1, width=width))
    assert max(len(line) for line in text.splitlines()) <= width


def test_normal_output_names_what_matters() -> None:
    text = render(sample_report(), RenderOptions())
    assert "acme-platform @ 3f9c2a1b7d4e " in text
    assert "Score 65.6 / 100  ·  Level 3 of 5" in text
    assert "Level 4 needs 4 of these 7 rules to pass: DOC003, ENV003" in text
    assert "+12.5  SAF001  No secrets are committed" in text
    assert "… and 5 more (use -v or --format json)" in text
    assert "1 of 2 at level 3 or above" in text
    assert "3 rules (DOC004, ENV002, SAF003)" in text
    assert "Not judged      NAV003 (low) — the rule raised RecursionError" in text
    assert "Not judged      SAF001 (critical) — .mcp.json: cannot parse jsonc" in text
    assert "5 files skipped or partly read: 2 binary, 1 encoding" in text


def test_quiet_shows_only_score_and_top_fixes() -> None:
    text = render(sample_report(), RenderOptions(verbosity=-1, top=2))
    assert text.splitlines()[0] == "Score 65.6 / 100  ·  Level 3 of 5"
    assert "SAF001" in text and "NAV001" in text and "INS004" not in text
    assert "Findings" not in text and "Categories" not in text


def test_verbose_lists_every_finding() -> None:
    report = sample_report()
    text = render(report, RenderOptions(verbosity=1))
    assert "more (use -v" not in text
    assert all(finding.message.split()[0] in text for finding in report.findings)
    assert "data/fixtures/big_dump.sql" in text


def test_absence_is_said_not_hidden() -> None:
    report = dataclasses.replace(tidy_report(), facts=ReportFacts())
    text = render(report, RenderOptions(verbosity=1))
    for label in ("Test command", "CI", "Instructions", "Documents"):
        assert re.search(rf"^  {label}\s+none found$", text, re.MULTILINE), label


def test_report_text_is_not_markup() -> None:
    finding = Finding(
        rule="SAF001",
        severity=Severity.HIGH,
        category=Category.SAFETY,
        message="[bold]not bold[/bold] :smile: [tool.auditor]",
        path="a[1].py",
        line=3,
        fingerprint="f",
        fix="",
        fix_prompt="",
        evidence=Grade.STRONG,
    )
    report = dataclasses.replace(
        tidy_report(), findings=(finding,), repository=Repository("[red]x[/red]", None)
    )
    text = render(report, RenderOptions(color=True))
    assert "[bold]not bold[/bold] :smile: [tool.auditor]" in ANSI.sub("", text)
    assert "a[1].py:3" in ANSI.sub("", text)
    assert "[red]x[/red]" in ANSI.sub("", text)


def test_verbose_says_where_the_test_command_came_from() -> None:
    verbose = render(sample_report(), RenderOptions(verbosity=1, width=160))
    assert re.search(r"Test command\s+uv run pytest  \(CONTRIBUTING.md:42, documented\)", verbose)
    assert "CONTRIBUTING.md:42" not in render(sample_report(), RenderOptions(width=160))
