"""Output is inert: names and instruction text never reach a terminal, a page or a log raw."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from auditor import registry
from auditor.api import audit
from auditor.model import RenderOptions, Report
from tests.hostile.output_repo import (
    CLEAR,
    HOSTILE_NAMES,
    OSC52,
    PAYLOAD,
    build,
    raw_controls,
)
from tests.hostile.writes_repo import cli

pytestmark = pytest.mark.skipif(os.name == "nt", reason="control characters in file names")


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("hostile") / "repo")


@pytest.fixture(scope="module")
def report(hostile_root: Path) -> Report:
    return audit(hostile_root)


def rendered(report: Report, fmt: str, **options: object) -> str:
    return registry.load_renderers().get(fmt)(report, RenderOptions(verbosity=1, **options))  # type: ignore[arg-type]


def test_the_fixture_puts_every_hostile_string_into_the_report(report: Report) -> None:
    paths = {finding.path for finding in report.findings}
    assert set(HOSTILE_NAMES) <= paths
    assert any(PAYLOAD in finding.message for finding in report.findings)


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
def test_the_text_report_shows_escapes_instead_of_sending_them(
    report: Report, colour: bool
) -> None:
    text = rendered(report, "text", color=colour, width=400)
    assert raw_controls(text, colour) == []
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "src/osc\\x1b]52;c;ZXZpbA==\\x07.py" in plain
    assert "src/cls\\x1b[2J\\x1b[H.py" in plain and "src/c1\\x9b2J.py" in plain
    assert "src/rtl\\u202etxt.py" in plain
    assert "src/new\\nline.py" in plain  # a line break in a name forges no line
    assert not any(line.startswith("line.py") for line in plain.splitlines())


def test_stdout_and_a_text_report_file_are_inert(
    hostile_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = cli(capsys, "audit", hostile_root, "-v", "-o", tmp_path / "report.txt")
    assert ran.code in (0, 1)
    assert raw_controls(ran.out) == [] and raw_controls(ran.err) == []
    written = (tmp_path / "report.txt").read_text()
    assert raw_controls(written) == []
    assert "src/osc\\x1b]52;c;ZXZpbA==\\x07.py" in written


def test_json_keeps_the_names_exactly_and_escapes_every_control(report: Report) -> None:
    text = rendered(report, "json")
    assert raw_controls(text) == []
    paths = {finding["path"] for finding in json.loads(text)["findings"]}
    assert set(HOSTILE_NAMES) <= paths


URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+")
"""A relative URI reference of unreserved, sub-delims, `@`, `/` and percent-escapes (RFC
3986), with no `:` at all, so its first segment cannot read as a scheme."""


def test_sarif_uris_are_valid_percent_encoded_relative_references(report: Report) -> None:
    text = rendered(report, "sarif")
    assert raw_controls(text) == []
    run = json.loads(text)["runs"][0]
    locations = [
        location["physicalLocation"]["artifactLocation"]
        for result in run["results"]
        for location in result["locations"]
    ]
    uris = {location["uri"] for location in locations}
    assert all(URI_REFERENCE.fullmatch(uri) for uri in uris), sorted(uris)
    assert set(HOSTILE_NAMES) <= {unquote(uri) for uri in uris}
    assert {location["uriBaseId"] for location in locations} == {"%SRCROOT%"}


def test_html_escapes_script_in_names_and_in_instruction_text(report: Report) -> None:
    page = rendered(report, "html")
    assert raw_controls(page) == []
    for raw in ("<img src=x onerror", "<script>alert(1)", "<script>alert(2)", "</script>alert"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert len(re.findall(r"<script\b", page)) == 1  # the page's own, inline


def test_agents_md_output_quoting_a_hand_written_file_is_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build(tmp_path / "repo")
    for args in ((), ("--check",), ("--explain", "src")):
        ran = cli(capsys, "agents-md", root, *args)
        assert ran.code in (0, 1), ran.err
        assert raw_controls(ran.out) == [] and raw_controls(ran.err) == [], args
    dry_run = cli(capsys, "agents-md", root).out
    assert "\\x1b]52;c;ZXZpbA==\\x07" in dry_run  # the current AGENTS.md, quoted in the diff


def test_an_error_naming_a_hostile_path_is_one_inert_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = cli(capsys, "audit", tmp_path / f"missing{OSC52}{CLEAR}")
    assert ran.code == 2
    assert raw_controls(ran.err) == [] and len(ran.err.splitlines()) == 1
    assert "missing\\x1b]52;c;ZXZpbA==\\x07" in ran.err


def test_a_diff_of_hostile_reports_is_inert(
    hostile_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = build(tmp_path / "clean")
    for name in HOSTILE_NAMES:
        (clean / name).unlink()
    assert cli(capsys, "audit", clean, "-q", "-o", tmp_path / "old.json").code in (0, 1)
    assert cli(capsys, "audit", hostile_root, "-q", "-o", tmp_path / "new.json").code in (0, 1)
    for fmt in ("text", "markdown"):
        ran = cli(
            capsys, "diff", tmp_path / "old.json", tmp_path / "new.json", "-v", "--format", fmt
        )
        assert raw_controls(ran.out) == [], fmt
        assert "src/osc\\x1b" in ran.out.replace("\\\\", "\\"), fmt  # Markdown doubles it
