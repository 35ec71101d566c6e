"""INS038: a skill other agents also read uses fields only one client understands."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.model import AgentFile
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .skill_files import SPEC, SPEC_FIELDS, has_skills, skill_directory, skills

CLIENT_FIELDS: dict[str, tuple[str, ...]] = {
    "disable-model-invocation": ("claude", "copilot"),
    "user-invocable": ("claude", "copilot"),
    "argument-hint": ("claude", "copilot"),
    "context": ("claude",),
    "agent": ("claude",),
    "model": ("claude",),
    "effort": ("claude",),
    "hooks": ("claude",),
    "paths": ("claude",),
}
"""Fields outside the specification, and the agents whose docs define them (Claude Code's
skills frontmatter reference; VS Code's Agent Skills reference for Copilot)."""
DEFAULTS = {
    "disable-model-invocation": "false",
    "user-invocable": "true",
    "context": "inherit",
    "model": "inherit",
}
"""A field set to the value a client assumes anyway changes nothing anywhere: not reported."""
OWNERS = {".claude": "claude", ".github": "copilot", ".cursor": "cursor", ".gemini": "gemini"}
"""The agent each skills directory belongs to; `.agents/skills/` is the shared one."""


def check(ctx: RuleContext) -> Iterator[Violation]:
    paths_of: dict[str, list[AgentFile]] = {}
    for skill in skills(ctx):
        paths_of.setdefault(skill.source, []).append(skill)
    for source, reached in sorted(paths_of.items()):
        front = reached[0].frontmatter
        for field in sorted(set(front.data or {}) - SPEC_FIELDS):
            clients = CLIENT_FIELDS.get(field)
            if (front.text(field) or "").lower() == DEFAULTS.get(field):
                continue
            shared = [s for s in reached if clients and _owner(s) not in clients]
            if not clients or not shared:
                continue
            readers = sorted({a for s in shared for a in s.agents if a not in clients})
            where = skill_directory(shared[0])
            yield Violation(
                f"`{field}` is understood by {', '.join(clients)} only; read from "
                f"{where}/ by {', '.join(readers)}, it is ignored there",
                source,
                front.line(field),
                key=field,
            )


def _owner(skill: AgentFile) -> str | None:
    directory = skill_directory(skill).rsplit("/", 1)[0].rpartition("/")[2]
    return OWNERS.get(directory)


MANUAL = "---\nname: deploy\ndescription: Deploy. Use when asked to ship.\n"

RULE = Rule(
    id="INS038",
    name="client-specific-skill-fields",
    title="Shared skill relies on one client's frontmatter fields",
    category=Category.INSTRUCTIONS,
    severity=Severity.LOW,
    level=3,
    evidence=Evidence(
        Grade.CONVENTION,
        f"{SPEC}: the portable fields are name, description, license, compatibility, "
        "metadata and allowed-tools; Claude Code skills docs: `disable-model-invocation`, "
        "`context`, `model`, `hooks` ... extend the standard; VS Code Agent Skills reference: "
        "Codex reads `.agents/skills/`.",
    ),
    rationale=(
        "`.agents/skills/` is read by Codex, Copilot, Cursor and Gemini CLI, and a skill "
        "linked into several agents' directories is read by each. A field one client "
        "invented does nothing in the others: `disable-model-invocation: true`, written to "
        "keep a deploy skill manual in Claude Code, leaves Codex free to run it whenever a "
        "task matches; `model` or `context: fork` silently change nothing. The author's "
        "intent holds for one agent and not for the rest."
    ),
    fix=(
        "Keep shared skills to the specification's fields; put a client's extensions in a "
        "copy under that client's own directory (`.claude/skills/`), or say the restriction "
        "in the body ('Run only when the user asks for a deploy') so every agent reads it."
    ),
    fix_prompt=(
        "The skill named in the finding is read by several agents but uses a frontmatter "
        "field only one of them understands. Either move the skill to that agent's own "
        "skills directory, or remove the field and state its intent in the description or "
        "body in words every agent follows. Verify with: auditor audit . --select INS038"
    ),
    check=check,
    applies=has_skills,
    examples=(
        passing(
            {".claude/skills/deploy/SKILL.md": MANUAL + "disable-model-invocation: true\n---\n"}
        ),
        passing({".agents/skills/deploy/SKILL.md": MANUAL + "license: MIT\n---\n"}),
        passing(
            {".agents/skills/deploy/SKILL.md": MANUAL + "user-invocable: true\n---\n"},
            "a field set to its default",
        ),
        failing(
            {".agents/skills/deploy/SKILL.md": MANUAL + "disable-model-invocation: true\n---\n"}
        ),
        failing({".agents/skills/deploy/SKILL.md": MANUAL + "context: fork\n---\n"}, "context"),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}),
    ),
    per_package=False,
)
