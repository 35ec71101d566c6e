"""INS002: the AGENTS.md files Codex loads for some directory add up to more than it reads."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.index import SourceFile
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    Option,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

CHAIN_NAMES = ("AGENTS.override.md", "AGENTS.md")
"""What Codex loads from one directory, in order of preference (at most one per directory)."""


def chain_files(ctx: RuleContext) -> dict[str, SourceFile]:
    """Per directory ("" for the root), the one non-empty file Codex would load from it."""
    chosen: dict[str, SourceFile] = {}
    for name in reversed(CHAIN_NAMES):  # the preferred name is seen last and wins
        for record in ctx.index.files:
            directory, _, base = record.path.rpartition("/")
            if base == name and record.size > 0:
                chosen[directory] = record
    return chosen


def ancestors(directory: str) -> list[str]:
    """`directory` and every directory above it, root ("") first."""
    parts = directory.split("/") if directory else []
    return ["", *("/".join(parts[: i + 1]) for i in range(len(parts)))]


def applies(ctx: RuleContext) -> bool:
    return bool(chain_files(ctx))


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_bytes"))
    chosen = chain_files(ctx)
    for directory in sorted(chosen):
        chain = [chosen[d] for d in ancestors(directory) if d in chosen]
        total = sum(record.size for record in chain)
        if total > limit >= total - chain[-1].size:  # the first file that tips its chain over
            names = " + ".join(record.path for record in chain)
            yield Violation(
                f"the AGENTS.md chain {names} is {total:,} bytes (limit {limit:,}); "
                "Codex silently drops what follows",
                chain[-1].path,
            )


BIG = "- Run `make test` before you finish.\n" * 1000  # 37,000 bytes

RULE = Rule(
    id="INS002",
    name="instruction-chain-over-codex-cap",
    title="AGENTS.md chain longer than Codex reads",
    category=Category.INSTRUCTIONS,
    severity=Severity.HIGH,
    level=2,
    evidence=Evidence(
        Grade.STRONG,
        "OpenAI Codex documentation (AGENTS.md guide): project_doc_max_bytes caps the combined "
        "AGENTS.md files at 32 KiB and drops the rest; openai/codex issues report the cut is "
        "silent. A hard tool limit.",
    ),
    rationale=(
        "Codex concatenates one AGENTS.md per directory, from the repository root down to the "
        "directory it works in, and stops reading at 32 KiB. Whatever lies past the cap, usually "
        "the most specific file, never reaches the agent, and nothing tells you it was cut."
    ),
    fix=(
        "Shorten the chain: keep the root AGENTS.md to commands and boundaries, move detail "
        "into docs the file links to, and give packages their own short AGENTS.md."
    ),
    fix_prompt=(
        "The AGENTS.md files along one directory path of this repository add up to more than "
        "32 KiB, so Codex drops the end. Cut them down: keep exact commands and negative "
        "constraints, delete overviews, directory trees and advice the linter already enforces, "
        "and move long reference material into docs/ with a one-line link. Do not lose any "
        "command or boundary. Verify with: auditor audit . --select INS002"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=applies,
    options=(Option("max_bytes", 32768, "Bytes Codex reads from one AGENTS.md chain."),),
    examples=(
        passing({"AGENTS.md": "Run `make test`.\n", "pkg/AGENTS.md": "Run `make test-pkg`.\n"}),
        passing(
            {"AGENTS.md": BIG, "AGENTS.override.md": "Run `make test`.\n"},
            "AGENTS.override.md replaces AGENTS.md in its directory",
        ),
        failing({"AGENTS.md": BIG}),
        failing(
            {"AGENTS.md": BIG[:20000], "services/api/AGENTS.md": BIG[:20000]},
            "two files that fit alone overflow together",
        ),
        failing({"AGENTS.md": "Run `make test`.\n"}, "a lower limit", max_bytes=10),
        not_applicable({"CLAUDE.md": "Run `make test`.\n"}, "Codex reads only AGENTS.md files"),
    ),
    per_package=False,
)
