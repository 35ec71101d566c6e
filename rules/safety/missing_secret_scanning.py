"""SAF004: no secret scanner runs in the repository's hooks or CI."""

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

from .secret_use import secret_use

SCANNERS = re.compile(
    r"\b(?:gitleaks|detect-secrets|trufflehog|trufflesecurity|ggshield|secretlint|talisman|"
    r"git-secrets|ripsecrets|betterleaks|kingfisher)\b",
    re.IGNORECASE,
)
"""Secret scanners, as hook ids, actions, images and commands name them."""
HOOK_CONFIGS = (
    ".pre-commit-config.yaml", "lefthook.yml", "lefthook.yaml", ".lefthook.yml",
    ".husky/pre-commit", "package.json",
)  # fmt: skip
SCANNER_CONFIGS = (
    ".gitleaks.toml", ".gitleaksignore", ".secrets.baseline", ".trufflehog.yml",
    ".secretlintrc.json", ".secretlintrc", ".talismanrc", ".github/secret_scanning.yml",
)  # fmt: skip
"""Files that exist only when a scanner is set up (GitHub's secret_scanning.yml tunes the
hosted scanner)."""


def applies(ctx: RuleContext) -> bool:
    return secret_use(ctx) is not None


def scanner_config(ctx: RuleContext) -> str | None:
    if found := next((path for path in SCANNER_CONFIGS if ctx.index.file(path)), None):
        return found
    for path in (*HOOK_CONFIGS, *ctx.facts.ci_files):
        if ctx.index.file(path) and SCANNERS.search(ctx.index.text(path) or ""):
            return path
    return None


def check(ctx: RuleContext) -> Iterator[Violation]:
    if scanner_config(ctx) is None:
        yield Violation("no secret scanner (gitleaks, detect-secrets, trufflehog) in hooks or CI")


PRE_COMMIT = (
    "repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.21.2\n"
    "    hooks:\n      - id: gitleaks\n"
)
APP = {"app.py": 'import os\n\nKEY = os.environ["STRIPE_API_KEY"]\n'}

RULE = Rule(
    id="SAF004",
    name="missing-secret-scanning",
    title="No secret scanning",
    category=Category.SAFETY,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.MODERATE,
        "GitGuardian, State of Secrets Sprawl 2026: AI-assisted commits leaked secrets at "
        "about twice the baseline rate; scanners in hooks or CI stop a leak before it is "
        "pushed. Hosted scanning (GitHub secret scanning) is invisible to a static audit.",
    ),
    rationale=(
        "Agents write configuration, fixtures and scripts quickly, and now and then paste a "
        "real token into them. A secret scanner in the pre-commit hooks or in CI catches "
        "that before the credential reaches the remote, where revoking it is the only fix. "
        "Judged where credentials are in use (an env example, credential-named settings the "
        "code reads, secret-like files). Scanning enabled in the hosting service's settings "
        "cannot be seen from the files; commit its configuration (.github/secret_scanning.yml) "
        "to make it visible."
    ),
    fix=(
        "Add gitleaks (or detect-secrets, trufflehog) to .pre-commit-config.yaml and to a CI "
        "job on pull requests."
    ),
    fix_prompt=(
        "No secret scanner runs in this repository. Add the gitleaks hook to "
        ".pre-commit-config.yaml (create it if needed, with a pinned rev) and a CI step on "
        "pull requests that runs gitleaks over the changes. Run it once over the whole "
        "repository; if it reports findings, do not print the values, list the files for the "
        "maintainers, and allowlist only confirmed test fixtures in .gitleaks.toml. "
        "Verify with: auditor audit . --select SAF004"
    ),
    check=check,
    reads=frozenset({Reads.CONFIG, Reads.CI}),
    applies=applies,
    examples=(
        passing({".pre-commit-config.yaml": PRE_COMMIT, **APP}),
        passing(
            {
                ".github/workflows/ci.yml": "jobs:\n  s:\n    steps:\n"
                "      - uses: gitleaks/gitleaks-action@v2\n",
                **APP,
            },
            "a CI action",
        ),
        failing(APP),
        not_applicable({"app.py": "x = 1\n"}, "no credentials in use"),
    ),
    per_package=False,
    profiles=CODE_PROFILES,
)
