"""FEE003: a test command exists, but no file an agent reads first mentions it."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts import Command
from auditor.facts.shell.heads import runs_same_program
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    CODE_PROFILES,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

READ_FIRST = frozenset({"instructions", "docs"})
"""Command origins an agent reads before it starts: instruction files, the README,
CONTRIBUTING and development guides (the index decides which docs count)."""


GUESSABLE = ("default", "build-tool")
"""Origins of commands an agent tries unprompted: a framework's or build tool's own run."""


def applies(ctx: RuleContext) -> bool:
    """Only when the tests run through something of the repository's own: a framework's
    default command alone (`go test ./...`, `cargo test`) is what agents try first anyway."""
    return any(command.origin not in GUESSABLE for command in ctx.facts.test_commands)


def read_first(commands: tuple[Command, ...]) -> list[Command]:
    return [command for command in commands if command.origin in READ_FIRST]


def check(ctx: RuleContext) -> Iterator[Violation]:
    facts = ctx.facts
    tests = facts.test_commands
    if read_first(tests):
        return
    texts = [test.text for test in tests]
    if any(runs_same_program(command.text, texts) for command in read_first(facts.commands)):
        return
    where = sorted(facts.instruction_files, key=lambda path: (path.count("/"), path))
    own = [test.text for test in tests if test.origin not in ("ci", *GUESSABLE)]
    shown = own[0] if own else tests[0].text
    yield Violation(
        f"the test command `{shown}` is in no instruction file, README or development guide",
        where[0] if where else facts.docs.readme,
    )


RULE = Rule(
    id="FEE003",
    name="undocumented-test-command",
    title="Test command not documented where agents look",
    category=Category.FEEDBACK,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): a tool named in a context file was used "
        "1.6-2.5x more often; agents.md FAQ: agents try to run the test commands a file lists; "
        "Claude Code, Codex and Copilot guidance all ask for the test command first.",
    ),
    rationale=(
        "An agent reads AGENTS.md (or its vendor's file), the README and CONTRIBUTING before it "
        "starts; it does not reverse-engineer tox.ini or a Makefile unless it must. A test "
        "command that is written down there gets run; one that is only configured gets found "
        "late, run with the wrong flags, or not at all."
    ),
    fix=(
        "Write the exact test command, in code formatting, in AGENTS.md (and the README's "
        "development section), together with how to run a single test."
    ),
    fix_prompt=(
        "This repository's test command is configured but not written down where agents look. "
        "Confirm the command that runs the whole suite (`auditor audit .` lists the test "
        "command it found among its facts), run it once, then add it to AGENTS.md (create the "
        "file if needed) and to the README's development section as a fenced code block, "
        "followed by the command that runs a single test. "
        "Verify with: auditor audit . --select FEE003"
    ),
    check=check,
    reads=frozenset({Reads.DOCS, Reads.INSTRUCTIONS, Reads.MANIFESTS, Reads.CONFIG, Reads.CI}),
    applies=applies,
    examples=(
        passing(
            {
                "Makefile": "test:\n\tpytest -q\n",
                "AGENTS.md": "# Agents\n\nRun the tests:\n\n```sh\nmake test\n```\n",
                "tests/test_app.py": "def test_ok():\n    assert True\n",
            }
        ),
        failing(
            {
                "Makefile": "test:\n\tpytest -q\n",
                "README.md": "# App\n\nA small app. Install it with `pip install app`.\n",
                "tests/test_app.py": "def test_ok():\n    assert True\n",
            }
        ),
        not_applicable({"README.md": "# Notes\n"}),
        not_applicable(
            {"go.mod": "module example.com/app\n\ngo 1.22\n", "app_test.go": "package app\n"},
            "only the framework's default command, `go test ./...`",
        ),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
