"""An input the index could not read leaves the rules that read it unjudged, not passed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import auditor.index.build as index_build
from auditor import api
from auditor.agents_md.drift import drift
from auditor.agents_md.explain import explain
from auditor.facts.subject import Subject
from auditor.gate import gate_failures
from auditor.mcp_server import answers
from auditor.mcp_server.workspace import Workspace
from auditor.model import Severity, Status
from auditor.rule import RuleContext, Violation
from tests.conftest import subject_of, write_repo
from tests.rulefactory import make_rule


def test_an_unreadable_agents_md_leaves_the_instruction_rules_unjudged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_repo(tmp_path / "r", {"AGENTS.md": "# A\n\nRun `make test`.\n", "a.py": "x = 1\n"})
    read = index_build._read_bounded

    def refuse(full: Path) -> bytes | None:
        if full.name == "AGENTS.md":  # chmod 000 as a user: root reads it anyway
            raise PermissionError(13, "Permission denied", str(full))
        return read(full)

    monkeypatch.setattr(index_build, "_read_bounded", refuse)
    report = api.audit(root)
    assert any(d.path == "AGENTS.md" and d.kind == "unreadable" for d in report.diagnostics)
    unjudged = {u.rule for u in report.unjudged if u.path == "AGENTS.md"}
    assert {"INS001", "INS035"} <= unjudged  # missing-file and secrets rules cannot judge it
    assert all(u.rule.startswith(("INS", "SAF", "FEE", "DOC", "ENV")) for u in report.unjudged)
    # the gate does not pass over what was never read
    assert gate_failures(report, None, Severity.CRITICAL)


@pytest.fixture
def unreadable_agents_md(monkeypatch: pytest.MonkeyPatch) -> None:
    read = index_build._read_bounded

    def refuse(full: Path) -> bytes | None:
        if full.name == "AGENTS.md":
            raise PermissionError(13, "Permission denied", str(full))
        return read(full)

    monkeypatch.setattr(index_build, "_read_bounded", refuse)


@pytest.mark.usefixtures("unreadable_agents_md")
def test_the_drift_check_names_an_instruction_file_it_could_not_read(tmp_path: Path) -> None:
    """`agents-md --check` said "up to date" of an AGENTS.md it never read."""
    root = write_repo(tmp_path / "r", {"AGENTS.md": "# A\n", "README.md": "# r\n"})
    problems = [str(p) for p in drift(subject_of(root, want_syntax=False))]
    assert problems == [
        "AGENTS.md: not checked: could not read AGENTS.md: the verdict leaves it out (INS005)"
    ]


@pytest.mark.usefixtures("unreadable_agents_md")
def test_explain_names_an_instruction_file_it_could_not_read(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {"AGENTS.md": "# A\n", "src/a.py": "", "README.md": "# r\n"})
    text = explain(root, "src/a.py", "codex")
    assert "OpenAI Codex (codex): no instruction file from this repository" in text
    assert text.endswith(
        "Not read, so left out above (each agent running as this user is refused too):\n"
        "  AGENTS.md: cannot read: Permission denied\n"
    )
    assert "Not read" not in explain(write_repo(tmp_path / "s", {"CLAUDE.md": "# A\n"}), ".")


@pytest.mark.usefixtures("unreadable_agents_md")
def test_the_mcp_loading_model_names_an_instruction_file_it_could_not_read(
    tmp_path: Path,
) -> None:
    root = write_repo(tmp_path / "r", {"AGENTS.md": "# A\n", "src/a.py": "", "README.md": "# r\n"})
    answer = answers.instructions_for(Workspace(root, tmp_path / "cache"), "src/a.py", "codex")
    assert answer["unreadable"] == [{"path": "AGENTS.md", "why": "cannot read: Permission denied"}]
    assert answer["agents"][0]["loaded"] == []


def test_a_rule_that_raises_on_a_package_leaves_the_repository_unjudged(
    tmp_path: Path, make_subject: Callable[..., Subject]
) -> None:
    files = {
        "package.json": '{"name": "w", "private": true, "workspaces": ["packages/*"]}',
        "packages/a/package.json": '{"name": "a"}',
        "packages/a/index.js": "module.exports = 1\n",
    }
    root = write_repo(tmp_path / "w", files)

    def check(ctx: RuleContext) -> list[Violation]:
        if ctx.facts.workspace is None:  # the package's own view
            raise ValueError("cannot read this package")
        return []

    rule = make_rule("TST001", check=check, per_package=True, severity=Severity.HIGH)
    report = api.audit(root, rules=[rule])
    assert [r.status for r in report.score.rules] == [Status.PASS]
    [unjudged] = report.unjudged
    assert (unjudged.rule, unjudged.path) == ("TST001", "packages/a")
    assert "package packages/a" in unjudged.reason and "cannot read" in unjudged.reason
