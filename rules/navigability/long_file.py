"""NAV002: a source file with more lines than a module usually should have."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, not_applicable, passing


def applies(ctx: RuleContext) -> bool:
    return any(True for _ in ctx.code_files())


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_lines"))
    for record in ctx.code_files():
        if record.lines > limit:
            yield Violation(f"file is {record.lines:,} lines (limit {limit:,})", record.path)


RULE = Rule(
    id="NAV002",
    name="long-file",
    title="Source file too long",
    category=Category.NAVIGABILITY,
    severity=Severity.MEDIUM,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "pylint's max-module-lines default (1,000, C0302); agent readers page files in windows "
        "of 100 (SWE-agent) to 2,000 (Claude Code) lines. No study ties a line count to agent "
        "success.",
    ),
    rationale=(
        "Agents view files through windows of a hundred to a couple of thousand lines, so a "
        "module of thousands of lines is read in pieces, and the piece that matters is easy to "
        "miss. Long modules also gather unrelated responsibilities, which turns small tasks "
        "into edits spread across one crowded file. The 1,000-line limit is pylint's default, "
        "a convention rather than a measured threshold."
    ),
    fix="Split the module into smaller modules by responsibility, keeping its public interface.",
    fix_prompt=(
        "The source file named in the finding is longer than 1,000 lines. Split it into "
        "cohesive modules, each with one responsibility, along existing boundaries (classes, "
        "groups of related functions). Keep its public names importable from the original "
        "path, change no behaviour, and run the tests after each step. "
        "Verify with: auditor audit . --select NAV002"
    ),
    check=check,
    applies=applies,
    options=(Option("max_lines", 1000, "Lines a source file may have."),),
    examples=(
        passing({"app.py": "x = 1\n" * 400}),
        failing({"app.py": "x = 1\n" * 1200}),
        failing({"app.py": "x = 1\n" * 40}, "a stricter limit", max_lines=30),
        not_applicable({"notes.md": "line\n" * 2000}, "no source code"),
    ),
)
