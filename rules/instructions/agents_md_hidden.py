"""INS020: AGENTS.md exists, but an agent the repository evidently uses never reads it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from auditor.facts.agents import agents_md_ignored, gemini_names, instruction_tree
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing


def _agents_files(ctx: RuleContext) -> list[str]:
    return [p for p in ctx.facts.instruction_files if p.rpartition("/")[2] == "AGENTS.md"]


def applies(ctx: RuleContext) -> bool:
    names = {p.rpartition("/")[2] for p in ctx.facts.instruction_files}
    return bool(_agents_files(ctx)) and bool(names & {"CLAUDE.md", "GEMINI.md"})


def check(ctx: RuleContext) -> Iterator[Violation]:
    tree = instruction_tree(ctx.subject)
    for agents in _agents_files(ctx):
        claude = agents_md_ignored(tree, agents)
        if claude is not None and not _mentions(ctx, claude, "AGENTS.md"):
            yield _violation(claude, agents, "Claude Code")
    if "AGENTS.md" in gemini_names(tree) or not tree.is_file("AGENTS.md"):
        return
    for gemini in [p for p in ctx.facts.instruction_files if p.rpartition("/")[2] == "GEMINI.md"]:
        agents = posixpath.join(posixpath.dirname(gemini), "AGENTS.md")
        imported = {path for _, path in tree.imports(gemini)}
        hidden = tree.link_target(gemini) != agents and agents not in imported
        if tree.is_file(agents) and hidden and not _mentions(ctx, gemini, "AGENTS.md"):
            yield _violation(gemini, agents, "Gemini CLI")


def _mentions(ctx: RuleContext, path: str, name: str) -> bool:
    return name in (ctx.index.text(path) or "")


def _violation(own: str, agents: str, agent: str) -> Violation:
    return Violation(
        f"{own} neither imports {agents} (`@AGENTS.md`) nor links to it, so {agent} "
        f"never reads {agents}",
        own,
        1,
        key=agents,
    )


RULE = Rule(
    id="INS020",
    name="agents-md-hidden-from-agent",
    title="AGENTS.md invisible to an agent the repository uses",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Claude Code memory docs: Claude Code reads CLAUDE.md and `@path` imports, and reads "
        "AGENTS.md natively only where no CLAUDE.md exists (agentsmd/agents.md#244); Gemini CLI "
        "reads GEMINI.md unless `context.fileName` names AGENTS.md (geminicli.com docs).",
    ),
    rationale=(
        "A CLAUDE.md or GEMINI.md beside AGENTS.md is what that agent reads instead. If it "
        "neither imports AGENTS.md nor is a link to it, every command and boundary written "
        "in AGENTS.md is invisible to that agent, and the two files drift apart."
    ),
    fix=(
        "Make AGENTS.md the single source: put `@AGENTS.md` on the first line of CLAUDE.md "
        "(and GEMINI.md), or replace the file with a symbolic link to AGENTS.md."
    ),
    fix_prompt=(
        "The file named in the finding hides AGENTS.md from its agent. Move anything in it "
        "that AGENTS.md lacks into AGENTS.md, then reduce the file to the single line "
        "`@AGENTS.md` plus only what is specific to that agent. Do not duplicate content. "
        "Verify with: auditor audit . --select INS020"
    ),
    check=check,
    reads=frozenset({Reads.INSTRUCTIONS}),
    applies=applies,
    examples=(
        passing({"AGENTS.md": "Run `pytest`.\n", "CLAUDE.md": "@AGENTS.md\n"}),
        passing(
            {"AGENTS.md": "Run `pytest`.\n", "CLAUDE.md": "Read AGENTS.md first.\n"},
            "CLAUDE.md sends Claude to AGENTS.md",
        ),
        passing(
            {
                "AGENTS.md": "Run `pytest`.\n",
                "GEMINI.md": "x\n",
                ".gemini/settings.json": ('{"context": {"fileName": ["AGENTS.md", "GEMINI.md"]}}'),
            },
            "Gemini is set to read AGENTS.md",
        ),
        failing({"AGENTS.md": "Run `pytest`.\n", "CLAUDE.md": "# Claude\n\nUse `make test`.\n"}),
        failing(
            {"AGENTS.md": "Run `pytest`.\n", "GEMINI.md": "Use `make test`.\n"},
            "Gemini CLI reads only GEMINI.md",
        ),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}),
    ),
    per_package=False,
)
