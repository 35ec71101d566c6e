"""SAF008: a CODEOWNERS file with invalid owners, or leaving source directories unowned."""

from __future__ import annotations

import re
from collections.abc import Iterator

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

OWNER = re.compile(r"^(?:@[\w.-]+(?:/[\w.-]+)?|[^@\s]+@[^@\s]+\.\w+)$")
"""`@user`, `@org/team` or an email address."""
SECTION = re.compile(r"^\^?\[[^\]]+\](?:\[\d+\])?(?:\s+\S+)*$")
"""A GitLab section header: `[Docs]`, `^[Optional][2] @owner`."""


ASIDE = frozenset({"docs", "doc", "examples", "example", "samples", "benchmarks", "scripts"})
"""Top-level directories whose code is not the product (docs config, samples, scripts)."""


def applies(ctx: RuleContext) -> bool:
    """Judged where a CODEOWNERS file exists: whether a project needs one depends on its team,
    which the files do not show (a one-team project gains nothing from it)."""
    return ctx.facts.docs.codeowners is not None


def rules_of(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line, pattern, owners) of each rule; sections and comments left out."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = re.sub(r"(?<!\\)#.*", "", raw).strip()
        if line and not SECTION.match(line):
            pattern, *owners = line.split()
            yield number, pattern, owners


def source_dirs(ctx: RuleContext) -> list[str]:
    """Top-level directories holding hand-written, non-test source (vendored and generated
    trees aside)."""
    found = {f.path.split("/", 1)[0] for f in ctx.code_files() if not f.is_test and "/" in f.path}
    return sorted(d for d in found if not d.startswith(".") and d.lower() not in ASIDE)


def check(ctx: RuleContext) -> Iterator[Violation]:
    path = ctx.facts.docs.codeowners or ""
    patterns = []
    for line, pattern, owners in rules_of(ctx.index.text(path) or ""):
        patterns.append(pattern)
        bad = [owner for owner in owners if not OWNER.match(owner)]
        if bad:
            yield Violation(
                f"owner {bad[0]!r} is not @user, @org/team or an email", path, line, key=bad[0]
            )
    covered = {f.path.split("/", 1)[0] for f in ctx.index.glob(*patterns)} if patterns else set()
    missing = [d for d in source_dirs(ctx) if d not in covered]
    if missing:
        yield Violation(f"no owner for {', '.join(missing)}", path, key="coverage")


RULE = Rule(
    id="SAF008",
    name="invalid-codeowners",
    title="CODEOWNERS invalid or leaving source unowned",
    category=Category.SAFETY,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Indirect: Yoshioka et al. 2026 (arXiv 2601.18749) found reviewer engagement the "
        "strongest correlate of agent pull requests being integrated; CODEOWNERS requests "
        "those reviews. Factory's readiness model lists it. No direct measurement.",
    ),
    rationale=(
        "Agent pull requests get merged when someone who knows the code reviews them. "
        "CODEOWNERS requests that review automatically, and branch protection can require "
        "it, so an agent's change to a directory always reaches its owner, but only where "
        "the file is right: a line whose owner is not `@user`, `@org/team` or an email is an "
        "error GitHub ignores, and a source directory no pattern matches has no owner at all. "
        "Repositories without CODEOWNERS are not judged: whether one helps depends on the team."
    ),
    fix=(
        "Fix owners that are not @-names or emails, and add a default rule (`* @org/team`) or "
        "rules for the source directories no pattern covers."
    ),
    fix_prompt=(
        "This repository's CODEOWNERS has invalid owners or leaves source directories "
        "unowned (see the findings). Fix each owner to an @user, @org/team or email, and add "
        "a default rule `* @OWNER` or one rule per uncovered directory. Do not invent owners: "
        "use the maintainers the file already names, and leave a TODO comment where unsure. "
        "Verify with: auditor audit . --select SAF008"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.TREE}),
    applies=applies,
    examples=(
        passing({".github/CODEOWNERS": "* @acme/core\n", "src/app.py": "x = 1\n"}),
        passing(
            {"CODEOWNERS": "/src/ @alice dev@example.com\n", "src/app.py": "x = 1\n"},
            "a directory rule with an email owner",
        ),
        failing({".github/CODEOWNERS": "* alice\n", "src/app.py": "x = 1\n"}, "owner without @"),
        failing(
            {".github/CODEOWNERS": "/docs/ @alice\n", "src/app.py": "x = 1\n", "docs/a.md": ""},
            "src/ has no owner",
        ),
        not_applicable({"src/app.py": "x = 1\n"}, "no CODEOWNERS: not judged"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
