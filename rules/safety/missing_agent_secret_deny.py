"""SAF005: the repository has secret files to protect but tells no agent to stay out of them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

from .secret_use import secret_use

IGNORE_FILES = (".cursorignore", ".aiderignore", ".geminiignore", ".codeiumignore", ".aiignore")
"""Files whose gitignore-style patterns keep paths out of an agent's reach."""
SECRET_PATTERN = re.compile(r"\.env|secret|credential|\.pem|\.key\b|id_rsa", re.IGNORECASE)


def applies(ctx: RuleContext) -> bool:
    return secret_use(ctx) is not None


def denies_secrets(ctx: RuleContext) -> bool:
    for path in IGNORE_FILES:
        if ctx.index.file(path) and SECRET_PATTERN.search(ctx.index.text(path) or ""):
            return True
    return any(
        SECRET_PATTERN.search(rule)
        for settings in ctx.facts.agent_settings
        for rule in settings.deny
    )


def check(ctx: RuleContext) -> Iterator[Violation]:
    if not denies_secrets(ctx):
        yield Violation(
            f"secrets are expected here ({secret_use(ctx)}) but no agent deny rule or "
            "ignore file keeps agents out of them"
        )


DENY = '{"permissions": {"deny": ["Read(./.env)", "Read(./.env.*)", "Read(./secrets/**)"]}}\n'
APP = {".env.example": "API_KEY=your-key\n", "app.py": "x = 1\n"}

RULE = Rule(
    id="SAF005",
    name="missing-agent-secret-deny",
    title="Agents not kept away from secret files",
    category=Category.SAFETY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Vendor documentation: Claude Code's settings (`permissions.deny` with `Read(./.env)`) "
        "and the ignore files of Cursor, Aider and Gemini CLI; deny rules cover the agent's "
        "file tools, not shell commands, so they are defence in depth.",
    ),
    rationale=(
        "A developer's checkout holds the real .env, keys and credentials that git ignores, "
        "and an agent that reads them sends them to its model provider and may copy them "
        "into code or logs. Deny rules in .claude/settings.json and ignore files such as "
        ".cursorignore and .aiderignore keep those files out of the agent's context. Judged "
        "when the repository uses secrets: an env example, secret-like settings read by the "
        "code, or secret-like files."
    ),
    fix=(
        'Add `"permissions": {"deny": ["Read(./.env)", "Read(./.env.*)"]}` to '
        ".claude/settings.json, and the same patterns to .cursorignore / .aiderignore."
    ),
    fix_prompt=(
        "Agents working in this repository are not kept away from its secret files. Create "
        "or extend .claude/settings.json with permissions.deny entries for `Read(./.env)`, "
        "`Read(./.env.*)` and any key or credential paths the project uses (check .gitignore), "
        "keeping existing settings; add the same paths to .cursorignore and .aiderignore. Do "
        "not deny .env.example. Verify with: auditor audit . --select SAF005"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS, Reads.CONFIG, Reads.SOURCES, Reads.DOCS}),
    applies=applies,
    examples=(
        passing({**APP, ".claude/settings.json": DENY}),
        passing({**APP, ".cursorignore": ".env\n*.pem\n"}, "an ignore file"),
        failing(APP),
        failing(
            {"app.py": 'import os\n\nKEY = os.environ["OPENAI_API_KEY"]\n'},
            "the code reads an API key",
        ),
        not_applicable({"app.py": "x = 1\n"}, "no secrets in sight"),
    ),
    per_package=False,
)
