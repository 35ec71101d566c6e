"""DOC003: a large code base with no architecture document to map it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    CODE_PROFILES,
    Option,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

SECTION = re.compile(
    r"^#{1,3}\s+(?:architecture|design|(?:code |project |repository |source )?(?:layout|structure)"
    r"|code map|how the code is organi[sz]ed)\b",
    re.IGNORECASE | re.MULTILINE,
)
"""A heading that opens a structural map inside the README or an instruction file."""


def source_lines(ctx: RuleContext) -> int:
    return sum(f.lines for f in ctx.code_files() if not f.is_test)


def applies(ctx: RuleContext) -> bool:
    return source_lines(ctx) > int(ctx.option("min_lines"))


def mapped_in(ctx: RuleContext) -> str | None:
    """The README or instruction file holding an architecture section, if any."""
    readme = ctx.facts.docs.readme
    for path in (*ctx.facts.instruction_files, *([readme] if readme else [])):
        if SECTION.search(ctx.index.text(path) or ""):
            return path
    return None


def check(ctx: RuleContext) -> Iterator[Violation]:
    if ctx.facts.docs.architecture is None and mapped_in(ctx) is None:
        yield Violation(
            f"{source_lines(ctx):,} lines of source code and no architecture document "
            "(ARCHITECTURE.md, docs/architecture, ADRs) or architecture section"
        )


CODE = {"app.py": "x = 1\n" * 30}

RULE = Rule(
    id="DOC003",
    name="missing-architecture-doc",
    title="Large code base without an architecture document",
    category=Category.DOCUMENTATION,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Cherny-Shahar and Yehudai, Repository Intelligence Graph (arXiv 2601.10112): a "
        "structural map raised agents' accuracy on structural questions by 12% and cut time by "
        "54%; OpenAI's harness engineering report keeps architecture docs as the agents' "
        "system of record.",
    ),
    rationale=(
        "In a large code base an agent spends much of its budget finding where things live. "
        "A short architecture document (the main components, how a request or command flows "
        "through them, the invariants) gives it the map a new engineer would ask for. Judged "
        "only above a size where exploring by search stops being cheap."
    ),
    fix=(
        "Write ARCHITECTURE.md: the main components and their directories, how they depend "
        "on each other, the data flow, and invariants; link it from AGENTS.md."
    ),
    fix_prompt=(
        "This large repository has no architecture document. Write ARCHITECTURE.md at the "
        "root (under 150 lines): a one-paragraph purpose, the main components with the "
        "directory each lives in, how they depend on each other, the flow of one typical "
        "request or command, and the invariants a change must keep. Name only directories "
        "and modules that exist. Link it from AGENTS.md. "
        "Verify with: auditor audit . --select DOC003"
    ),
    check=check,
    reads=frozenset({Reads.DOCS, Reads.SOURCES}),
    applies=applies,
    options=(Option("min_lines", 20000, "Judge only code bases with more source lines."),),
    examples=(
        passing({**CODE, "ARCHITECTURE.md": "# Architecture\n"}, min_lines=10),
        passing(
            {**CODE, "AGENTS.md": "## Architecture\n\n`app.py` holds everything.\n"},
            "an architecture section in AGENTS.md",
            min_lines=10,
        ),
        failing({**CODE, "README.md": "# App\n"}, min_lines=10),
        not_applicable(CODE, "a small code base"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
