"""Agent instruction files: every tool's file names, nesting, links and aider's config."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.facts.agents.instruction_files import instruction_files
from auditor.facts.subject import Subject
from tests.conftest import subject_of, write_repo

MakeSubject = Callable[..., Subject]


def found(index: Subject) -> tuple[str, ...]:
    return instruction_files(index.sources)


EVERY_KIND = [
    "AGENTS.md",
    "AGENTS.override.md",
    "AGENT.md",
    "CLAUDE.md",
    "CLAUDE.local.md",
    ".claude/CLAUDE.md",
    ".claude/rules/testing.md",
    ".claude/rules/frontend/react.md",
    "GEMINI.md",
    ".cursorrules",
    ".cursor/rules/python.mdc",
    ".cursor/rules/backend/api.mdc",
    ".cursor/rules/notes.md",
    ".github/copilot-instructions.md",
    ".github/instructions/py.instructions.md",
    ".github/instructions/web/ts.instructions.md",
    ".windsurfrules",
    ".windsurf/rules/style.md",
    ".clinerules/01-coding.md",
    ".clinerules/workflows/release.md",
]


def test_every_kind_of_instruction_file(make_subject: MakeSubject) -> None:
    index = make_subject({path: "Run `pytest`.\n" for path in EVERY_KIND} | {"README.md": "# x\n"})
    assert found(index) == tuple(sorted(EVERY_KIND))


def test_clinerules_as_a_single_file(make_subject: MakeSubject) -> None:
    assert found(make_subject({".clinerules": "Use tabs.\n"})) == (".clinerules",)


def test_nested_files_at_any_depth(make_subject: MakeSubject) -> None:
    files = {
        "AGENTS.md": "",
        "codex-rs/AGENTS.md": "",
        "codex-rs/tui/AGENTS.md": "",
        "packages/web/CLAUDE.md": "",
        "services/api/GEMINI.md": "",
        "a/b/c/d/AGENT.md": "",
        "apps/x/AGENTS.override.md": "",
        "apps/x/.cursor/rules/x.mdc": "",
    }
    assert found(make_subject(files)) == tuple(sorted(files))


@pytest.mark.parametrize(
    "path",
    [
        "docs/agents.md",
        "agents.md",
        "Agents.md",
        "claude.md",
        "docs/AGENTS.txt",
        "AGENTS.md.bak",
        "MY_AGENTS.md",
        ".cursor/rules.md",
        ".cursor/settings.json",
        ".cursor/rules/image.png",
        ".github/instructions/py.md",
        ".claude/settings.json",
        ".claude/commands/review.md",
        "docs/.github/copilot-instructions.md",
        "pkg/.github/instructions/a.instructions.md",
        ".windsurf/rules/x.txt",
        "CONVENTIONS.md",
        "GEMINI.md/readme.txt",
    ],
)
def test_look_alikes_are_not_instruction_files(make_subject: MakeSubject, path: str) -> None:
    assert found(make_subject({path: "x\n"})) == ()


def test_aider_read_list(make_subject: MakeSubject) -> None:
    files = {
        ".aider.conf.yml": "read:\n  - CONVENTIONS.md\n  - ./docs/STYLE.md\n  - missing.md\n"
        "  - /etc/passwd\n  - ../outside.md\n  - ~/global.md\n",
        "CONVENTIONS.md": "Use ruff.\n",
        "docs/STYLE.md": "Style.\n",
    }
    assert found(make_subject(files)) == ("CONVENTIONS.md", "docs/STYLE.md")


def test_aider_read_string(make_subject: MakeSubject) -> None:
    files = {".aider.conf.yml": "read: AGENTS.md\nmodel: gpt\n", "AGENTS.md": "x\n"}
    assert found(make_subject(files)) == ("AGENTS.md",)


def test_conventions_without_aider_config_is_not_one(make_subject: MakeSubject) -> None:
    files = {".aider.conf.yml": "model: gpt-4o\n", "CONVENTIONS.md": "x\n"}
    assert found(make_subject(files)) == ()


@pytest.mark.parametrize(
    "config", ["read: [unclosed\n", "- just\n- a list\n", "read: 42\n", "read:\n  - {a: 1}\n", ""]
)
def test_odd_aider_configs_do_not_crash(make_subject: MakeSubject, config: str) -> None:
    files = {".aider.conf.yml": config, "CONVENTIONS.md": "x\n"}
    assert found(make_subject(files)) == ()


def test_symlinked_instruction_file_counts_under_its_name(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"AGENTS.md": "# Agents\n"})
    os.symlink("AGENTS.md", root / "CLAUDE.md")
    os.symlink(tmp_path / "elsewhere.md", root / "GEMINI.md")  # dangling, and outside
    index = subject_of(root)
    assert [f.path for f in index.files.files] == ["AGENTS.md"]
    assert found(index) == ("AGENTS.md", "CLAUDE.md")


def test_instruction_files_in_a_package_view(make_subject: MakeSubject) -> None:
    index = make_subject({"AGENTS.md": "", "packages/cli/AGENTS.md": "", "packages/cli/x.py": ""})
    assert found(index.package("packages/cli")) == ("AGENTS.md",)


def test_facts_carry_them(make_subject: MakeSubject) -> None:
    index = make_subject({"AGENTS.md": "Run `make test`.\n", "sub/CLAUDE.md": ""})
    assert index.facts.instruction_files == ("AGENTS.md", "sub/CLAUDE.md")
    assert index.facts.to_json()["instruction_files"] == ["AGENTS.md", "sub/CLAUDE.md"]


def test_agent_settings_are_read_once_for_every_rule_and_loader(make_subject: MakeSubject) -> None:
    from auditor.facts.model import AgentSettings

    subject = make_subject(
        {
            ".claude/settings.json": '{"hooks": {"Stop": []}, "permissions": '
            '{"deny": ["Read(./.env)", "Bash(rm:*)"]}}',
            ".gemini/settings.json": '{"context": {"fileName": ["AGENTS.md", "GEMINI.md"]}}',
            ".cursor/hooks.json": "{not json",
        }
    )
    assert subject.facts.agent_settings == (
        AgentSettings(".claude/settings.json", hooks=False, deny=("Read(./.env)", "Bash(rm:*)")),
        AgentSettings(
            ".gemini/settings.json", False, context_file_names=("AGENTS.md", "GEMINI.md")
        ),
    )
    kinds = {(d.path, d.kind) for d in subject.facts.diagnostics}
    assert (".cursor/hooks.json", "malformed") in kinds
