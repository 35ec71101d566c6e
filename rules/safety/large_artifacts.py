"""SAF007: large data files and minified bundles committed where agents search and read."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Rule, RuleContext, Violation, failing, passing

from .secret_patterns import is_minified

LOCKFILE_NAMES = frozenset({
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
    "Cargo.lock", "go.sum", "poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock",
    "composer.lock", "Gemfile.lock", "gradle.lockfile", "packages.lock.json", "flake.lock",
})  # fmt: skip
"""Lockfiles are large by nature and needed; they are not artifacts."""
VENDORED_TOOLS = (".yarn/releases/", ".yarn/plugins/", ".yarn/sdks/")
"""Yarn's own release and plugins, committed as Yarn recommends."""
DESIGN_FORMATS = (".ai", ".eps", ".ps", ".pdf", ".psd", ".sketch")
"""Design and print formats that happen to be text: agents neither search nor read them."""


def check(ctx: RuleContext) -> Iterator[Violation]:
    limit = int(ctx.option("max_kib")) * 1024
    lockfiles = set(ctx.facts.lockfiles)
    for record in ctx.index.files:
        name = record.path.rpartition("/")[2]
        if not record.is_text or record.is_generated or record.path in lockfiles:
            continue
        if name in LOCKFILE_NAMES or record.path.startswith(VENDORED_TOOLS):
            continue
        if record.size > limit and not name.lower().endswith(DESIGN_FORMATS):
            yield Violation(f"a {record.size // 1024:,} KiB text file", record.path, key="large")
        elif record.language is not None and is_minified(record):
            yield Violation(f"{record.path} looks minified", record.path, key="minified")


BIG = "id,value\n" + "1,abcdefghij\n" * 110_000

RULE = Rule(
    id="SAF007",
    name="large-artifacts",
    title="Large data files or bundles committed",
    category=Category.SAFETY,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "Mishra (arXiv 2605.14362): leaving out files over 1 MB cut context tokens by 79.6%; "
        "Claude Code's read tool stops at 25,000 tokens (about 100 KB), so such files cannot "
        "be read whole.",
    ),
    rationale=(
        "Data dumps, recorded responses and minified bundles are text an agent's search "
        "walks into: one grep match returns a megabyte line, one read exhausts the budget, "
        "and none of it is code to change. Keep them out of the tree, or mark them "
        "(`linguist-generated`/`linguist-vendored` in .gitattributes, or the auditor's "
        "`exclude`) so tools and reviewers skip them. Lockfiles are not judged."
    ),
    fix=(
        "Move large data to release assets, Git LFS or a download step; mark files that must "
        "stay as linguist-vendored or linguist-generated in .gitattributes."
    ),
    fix_prompt=(
        "Large text files or minified bundles are committed (see the findings). For each, "
        "find what uses it; if it is a build output, delete it and ignore it in .gitignore; "
        "if it is data the tests need, move it to Git LFS or mark it `linguist-vendored` in "
        ".gitattributes and name it as do-not-read in AGENTS.md. Run the tests afterwards. "
        "Verify with: auditor audit . --select SAF007"
    ),
    check=check,
    options=(Option("max_kib", 1024, "Largest text file allowed, in KiB."),),
    examples=(
        passing({"data/small.csv": "id,value\n1,2\n", "package-lock.json": BIG}),
        passing(
            {"data/big.csv": BIG, ".gitattributes": "data/*.csv linguist-vendored\n"},
            "marked as vendored",
        ),
        failing({"data/big.csv": BIG}),
    ),
    per_package=False,
)
