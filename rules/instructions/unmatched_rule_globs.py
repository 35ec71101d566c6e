"""INS023: a scoped rule file whose globs match no file, so it never loads."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.agents import instruction_tree
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

from .rule_files import rule_files


def applies(ctx: RuleContext) -> bool:
    tree = instruction_tree(ctx.subject)
    return any(tree.frontmatter(r.path).items(r.glob_key) for r in rule_files(ctx))


def check(ctx: RuleContext) -> Iterator[Violation]:
    tree = instruction_tree(ctx.subject)
    for rule in rule_files(ctx):
        front = tree.frontmatter(rule.path)
        globs = front.items(rule.glob_key)
        if not globs or any(g.startswith("!") for g in globs):
            continue
        if tree.matching_files(globs, rule.base) == 0:
            shown = ", ".join(globs)
            yield Violation(
                f"{rule.glob_key} {shown} matches no file, so {rule.vendor} never loads "
                f"{rule.path}",
                rule.path,
                front.line(rule.glob_key),
                key=shown,
            )


RULE = Rule(
    id="INS023",
    name="rule-globs-match-nothing",
    title="Scoped rule whose globs match no file",
    category=Category.INSTRUCTIONS,
    severity=Severity.MEDIUM,
    level=3,
    evidence=Evidence(
        Grade.MODERATE,
        "Cursor rules docs (Auto Attached rules load when a file matches `globs`) and GitHub "
        "Copilot docs (path-specific instructions apply to files matching `applyTo`): a glob "
        "that matches nothing means the rule is never loaded.",
    ),
    rationale=(
        "A scoped rule loads only when the agent works on a file its globs match. Globs that "
        "match no file in the repository, usually after a directory was renamed or a pattern "
        "was mistyped, leave the rule dead while everyone believes it applies."
    ),
    fix="Point the globs at paths that exist (check the directory names), or delete the rule.",
    fix_prompt=(
        "The rule file named in the finding has globs that match no file in this repository. "
        "Find the files the rule is meant for, correct the pattern (relative to the "
        "repository root), or delete the rule if its files are gone. "
        "Verify with: auditor audit . --select INS023"
    ),
    check=check,
    reads=frozenset({Reads.TREE}),
    applies=applies,
    examples=(
        passing(
            {"src/app.py": "x = 1\n", ".cursor/rules/py.mdc": "---\nglobs: src/**/*.py\n---\nx\n"}
        ),
        passing(
            {
                "web/a.tsx": "x\n",
                ".github/instructions/ts.instructions.md": (
                    '---\napplyTo: "**/*.{ts,tsx}"\n---\nx\n'
                ),
            },
            "brace alternatives",
        ),
        failing(
            {"src/app.py": "x = 1\n", ".cursor/rules/py.mdc": "---\nglobs: lib/**/*.py\n---\nx\n"}
        ),
        not_applicable({".cursor/rules/all.mdc": "---\nalwaysApply: true\n---\nx\n"}),
    ),
    per_package=False,
)
