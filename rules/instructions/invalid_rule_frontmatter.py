"""INS022: a rule file whose frontmatter its agent cannot read as intended."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.agents import Frontmatter, instruction_tree
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Rule, RuleContext, Violation, failing, not_applicable, passing

from .rule_files import RuleFile, rule_files

KEYS = {
    "Cursor": ("description", "globs", "alwaysApply"),
    "Copilot": ("applyTo", "description", "excludeAgent", "name"),
    "Windsurf": ("trigger", "globs", "description"),
    "Claude Code": ("paths", "description"),
    "Cline": ("paths", "description"),
}
GLOB_KEYS = ("glob", "globs", "applyto", "path", "paths", "files", "include")
TRIGGERS = ("always_on", "manual", "model_decision", "glob")


def applies(ctx: RuleContext) -> bool:
    return any(True for _ in rule_files(ctx))


def check(ctx: RuleContext) -> Iterator[Violation]:
    tree = instruction_tree(ctx.subject)
    for rule in rule_files(ctx):
        front = tree.frontmatter(rule.path)
        for line, problem in [*front.problems, *_problems(rule, front)]:
            yield Violation(f"{rule.path}: {problem}", rule.path, line, key=problem)


def _problems(rule: RuleFile, front: Frontmatter) -> Iterator[tuple[int, str]]:
    yield from _misspelt_keys(rule, front)
    if rule.vendor == "Cursor":
        always = front.text("alwaysApply")
        if always is not None and always.lower() not in ("true", "false"):
            yield front.line("alwaysApply"), f"alwaysApply is {always!r}, not true or false"
    if rule.vendor == "Windsurf":
        yield from _windsurf_trigger(front)
    if rule.vendor == "Copilot" and not front.items("applyTo") and not front.text("description"):
        yield 1, "no applyTo, so Copilot never applies it on its own"


def _misspelt_keys(rule: RuleFile, front: Frontmatter) -> Iterator[tuple[int, str]]:
    known = KEYS[rule.vendor]
    for key in front.values:
        if key not in known and _normal(key) in (*GLOB_KEYS, "alwaysapply"):
            wanted = "alwaysApply" if _normal(key) == "alwaysapply" else rule.glob_key
            if key != wanted:
                yield front.line(key), f"{rule.vendor} reads `{wanted}`, not `{key}`"


def _windsurf_trigger(front: Frontmatter) -> Iterator[tuple[int, str]]:
    trigger = front.text("trigger")
    if trigger is not None and trigger not in TRIGGERS:
        yield front.line("trigger"), f"trigger {trigger!r} is not one of {', '.join(TRIGGERS)}"
    if trigger == "glob" and not front.items("globs"):
        yield front.line("trigger"), "trigger is glob but no globs are given"


def _normal(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


RULE = Rule(
    id="INS022",
    name="invalid-rule-frontmatter",
    title="Rule file frontmatter its agent misreads",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Cursor rules docs (description, globs, alwaysApply), GitHub Copilot custom "
        "instructions docs (applyTo), Windsurf rules docs (trigger, globs): a rule loads only "
        "through these keys; a misspelt key or an unclosed block leaves the rule unloaded.",
    ),
    rationale=(
        "Scoped rule files decide when they load from their frontmatter. A misspelt key "
        "(`glob`, `always_apply`), an unclosed `---` block or a value the agent does not "
        "understand silently turns the rule into one that never loads, or loads everywhere."
    ),
    fix="Use exactly the keys the agent documents, and close the frontmatter with `---`.",
    fix_prompt=(
        "Fix the frontmatter of the rule file named in the finding: use only the keys its "
        "agent documents (Cursor: description, globs, alwaysApply; Copilot: applyTo; "
        "Windsurf: trigger, globs), give alwaysApply true or false, and close the block with "
        "`---`. Verify with: auditor audit . --select INS022"
    ),
    check=check,
    applies=applies,
    examples=(
        passing({".cursor/rules/py.mdc": "---\nglobs: **/*.py\nalwaysApply: false\n---\nx\n"}),
        passing({".github/instructions/py.instructions.md": '---\napplyTo: "**/*.py"\n---\nx\n'}),
        failing({".cursor/rules/py.mdc": "---\nglob: **/*.py\n---\nx\n"}, "a misspelt key"),
        failing({".cursor/rules/py.mdc": "---\nalwaysApply: yes\nx\n"}, "never closed"),
        failing({".github/instructions/py.instructions.md": "Use ruff.\n"}, "no applyTo"),
        not_applicable({"AGENTS.md": "Run `pytest`.\n"}),
    ),
    per_package=False,
)
