"""INS035: a credential written into an instruction file or an MCP server config."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.agents.mcp_configs import MCP_CONFIGS
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    NotJudged,
    Reads,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

from ..safety.secret_patterns import is_test_data
from .instruction_text import in_chunks, instruction_chunks
from .token_patterns import mcp_secrets, token_lines


def applies(ctx: RuleContext) -> bool:
    configs = any(ctx.index.file(config) is not None for config in MCP_CONFIGS)
    return configs or bool(ctx.facts.agent_facing_files)


def check(ctx: RuleContext) -> Iterator[Violation | NotJudged]:
    yield from in_chunks(
        ((path, chunk) for path, chunk in instruction_chunks(ctx) if not _test_data(ctx, path)),
        _tokens,
    )
    present = [config for config in MCP_CONFIGS if ctx.index.file(config) is not None]
    configs = {config.path: config for config in ctx.facts.mcp_configs}
    yield from in_chunks(((c, chunk) for c in present for chunk in ctx.index.chunks(c)), _tokens)
    for path in present:
        config = configs.get(path)
        unread = config.unread if config is not None else "the config was not read"
        if config is None or unread is not None:
            yield NotJudged(path, unread or "the config was not read")
            continue
        for what in mcp_secrets(config):
            yield Violation(f"{path} has a literal credential ({what})", path, key=what)


def _test_data(ctx: RuleContext, path: str) -> bool:
    record = ctx.index.file(path)
    return record is not None and is_test_data(record)


def _tokens(path: str, text: str) -> Iterator[Violation]:
    for line, what in token_lines(text):
        yield Violation(f"{path} holds {what}", path, line, key=what)


TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
MCP_WITH_TOKEN = '{"mcpServers": {"gh": {"env": {"GITHUB_TOKEN": "' + TOKEN + '"}}}}'

RULE = Rule(
    id="INS035",
    name="secrets-in-agent-config",
    title="Credential in an instruction file or MCP config",
    category=Category.SAFETY,
    reads=frozenset({Reads.INSTRUCTIONS}),  # it scans the agent-facing files
    severity=Severity.CRITICAL,
    level=1,
    evidence=Evidence(
        Grade.STRONG,
        "GitGuardian, State of Secrets Sprawl 2026: 24,008 secrets found in MCP configuration "
        "files, and AI-assisted commits leaked secrets at 3.2% against a 1.5% baseline.",
    ),
    rationale=(
        "MCP configs (.mcp.json, .cursor/mcp.json, .vscode/mcp.json) invite pasting an API "
        "key straight into the server's `env` or headers, and instruction files get tokens "
        "pasted as 'examples'. Both are committed, read by every agent and sent to its model "
        "provider. Values that reference the environment (`${VAR}`, `${input:x}`) are fine."
    ),
    fix=(
        "Revoke and rotate the credential, and reference it from the environment instead: "
        '`"env": {"API_KEY": "${API_KEY}"}` (or an `inputs` prompt in .vscode/mcp.json).'
    ),
    fix_prompt=(
        "The file named in the finding holds a literal credential. Do not print or copy it. "
        "Replace the value with an environment reference (`${API_KEY}`, or a VS Code "
        "`${input:...}` prompt), document the variable in .env.example, and tell the "
        "maintainers the credential must be revoked and rotated. "
        "Verify with: auditor audit . --select INS035"
    ),
    check=check,
    applies=applies,
    examples=(
        passing(
            {".mcp.json": '{"mcpServers": {"gh": {"env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}}}'}
        ),
        passing({"AGENTS.md": "Set `OPENAI_API_KEY=sk-...` in your shell.\n"}, "a placeholder"),
        failing({".mcp.json": MCP_WITH_TOKEN}),
        failing(
            {
                ".vscode/mcp.json": '{"servers": {"api": {"headers": {"Authorization": '
                '"Bearer 9f8e7d6c5b4a39f8e7d6"}}}}'
            },
            "a bearer header",
        ),
        failing({"CLAUDE.md": f"Use the token {TOKEN} for the API.\n"}, "a token in CLAUDE.md"),
        failing({".claude/skills/gh/SKILL.md": f"Call the API with {TOKEN}.\n"}, "in a skill"),
        not_applicable({"README.md": f"Token: {TOKEN}\n"}),
    ),
    per_package=False,
)
