"""Hand-built reports for renderer tests: a realistic monorepo audit and a tidy small one."""

from __future__ import annotations

import hashlib
from types import MappingProxyType
from typing import Any

from auditor.model import (
    Category,
    CategoryScore,
    Diagnostic,
    Docs,
    FileSize,
    Finding,
    Grade,
    LanguageStat,
    NextLevel,
    PackageReport,
    Report,
    ReportFacts,
    Repository,
    RuleResult,
    Score,
    SetAside,
    Severity,
    Source,
    Status,
    Unjudged,
    Workspace,
)

C, S, G, St = Category, Severity, Grade, Status
SEVERITY_WEIGHT = {S.LOW: 1.0, S.MEDIUM: 2.0, S.HIGH: 3.0, S.CRITICAL: 4.0}
GRADE_FACTOR = {G.STRONG: 1.0, G.MODERATE: 0.75, G.CONVENTION: 0.5}

# id, name, title, category, severity, level, evidence, status, message
RULES: tuple[tuple[str, str, str, Category, Severity, int, Grade, Status, str], ...] = (
    (
        "INS001",
        "missing-agent-instructions",
        "An agent instruction file exists",
        C.INSTRUCTIONS,
        S.HIGH,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    (
        "INS002",
        "instructions-lack-test-command",
        "Instructions say how to run the tests",
        C.INSTRUCTIONS,
        S.MEDIUM,
        2,
        G.MODERATE,
        St.PASS,
        "",
    ),
    (
        "INS003",
        "stale-instruction-paths",
        "Paths named in the instructions exist",
        C.INSTRUCTIONS,
        S.LOW,
        4,
        G.CONVENTION,
        St.FAIL,
        "",
    ),
    (
        "INS004",
        "instructions-lack-boundaries",
        "Instructions say what not to touch",
        C.INSTRUCTIONS,
        S.MEDIUM,
        5,
        G.MODERATE,
        St.FAIL,
        "",
    ),
    (
        "FEE001",
        "missing-test-command",
        "Tests run with one documented command",
        C.FEEDBACK,
        S.CRITICAL,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    ("FEE002", "ci-skips-tests", "CI runs the tests", C.FEEDBACK, S.HIGH, 2, G.STRONG, St.PASS, ""),
    (
        "FEE003",
        "missing-type-checker",
        "A type checker is configured",
        C.FEEDBACK,
        S.MEDIUM,
        3,
        G.MODERATE,
        St.PASS,
        "",
    ),
    (
        "FEE004",
        "missing-pre-commit",
        "Pre-commit hooks run the fast checks",
        C.FEEDBACK,
        S.LOW,
        4,
        G.CONVENTION,
        St.FAIL,
        "",
    ),
    (
        "NAV001",
        "oversized-function",
        "Functions fit in an agent's context",
        C.NAVIGABILITY,
        S.MEDIUM,
        3,
        G.STRONG,
        St.FAIL,
        "",
    ),
    (
        "NAV002",
        "oversized-module",
        "Modules stay under 800 lines",
        C.NAVIGABILITY,
        S.MEDIUM,
        4,
        G.MODERATE,
        St.FAIL,
        "",
    ),
    (
        "NAV003",
        "deep-nesting",
        "Code is not nested more than five levels",
        C.NAVIGABILITY,
        S.LOW,
        3,
        G.CONVENTION,
        St.ERROR,
        "RecursionError: maximum recursion depth exceeded while walking src/acme/legacy/rules.py",
    ),
    (
        "DOC001",
        "missing-readme",
        "A README explains what the project is",
        C.DOCUMENTATION,
        S.HIGH,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    (
        "DOC002",
        "missing-architecture-doc",
        "An architecture overview exists",
        C.DOCUMENTATION,
        S.MEDIUM,
        3,
        G.MODERATE,
        St.PASS,
        "",
    ),
    (
        "DOC003",
        "missing-contributing",
        "CONTRIBUTING explains the workflow",
        C.DOCUMENTATION,
        S.LOW,
        4,
        G.CONVENTION,
        St.FAIL,
        "",
    ),
    (
        "DOC004",
        "missing-changelog",
        "Releases are recorded in a changelog",
        C.DOCUMENTATION,
        S.LOW,
        4,
        G.CONVENTION,
        St.NOT_APPLICABLE,
        "no release tags or version files",
    ),
    (
        "ENV001",
        "missing-lockfile",
        "Dependencies are locked",
        C.ENVIRONMENT,
        S.HIGH,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    (
        "ENV002",
        "missing-env-example",
        "Required environment variables are documented",
        C.ENVIRONMENT,
        S.MEDIUM,
        3,
        G.MODERATE,
        St.NOT_APPLICABLE,
        "no environment variables are read",
    ),
    (
        "ENV003",
        "unpinned-toolchain",
        "The toolchain version is pinned",
        C.ENVIRONMENT,
        S.LOW,
        4,
        G.CONVENTION,
        St.FAIL,
        "",
    ),
    (
        "SAF001",
        "committed-secret",
        "No secrets are committed",
        C.SAFETY,
        S.CRITICAL,
        2,
        G.STRONG,
        St.FAIL,
        "",
    ),
    (
        "SAF002",
        "missing-codeowners",
        "CODEOWNERS assigns reviewers",
        C.SAFETY,
        S.LOW,
        4,
        G.CONVENTION,
        St.PASS,
        "",
    ),
    (
        "SAF003",
        "unmarked-generated-code",
        "Generated code is marked as generated",
        C.SAFETY,
        S.MEDIUM,
        3,
        G.MODERATE,
        St.NOT_APPLICABLE,
        "no generated or vendored files found",
    ),
)

FIXES: dict[str, tuple[str, str]] = {
    "INS003": (
        "Update or remove the paths in AGENTS.md that no longer exist.",
        "In AGENTS.md, fix every path that does not exist in the repository. "
        "Verify with `auditor audit . --select INS003`.",
    ),
    "INS004": (
        "Add a 'Do not touch' section to AGENTS.md listing generated and vendored code.",
        "Add a section to AGENTS.md naming the directories an agent must not edit "
        "(generated code, migrations, vendored code). Verify with "
        "`auditor audit . --select INS004`.",
    ),
    "FEE004": (
        "Add a .pre-commit-config.yaml that runs ruff and mypy.",
        "Create .pre-commit-config.yaml with hooks for ruff and mypy, then run "
        "`pre-commit run --all-files` until it passes.",
    ),
    "NAV001": (
        "Split functions longer than 80 lines into named steps.",
        "Refactor each function listed by `auditor audit . --select NAV001` into "
        "smaller functions of under 80 lines; run `uv run pytest` after each one.",
    ),
    "NAV002": (
        "Split modules longer than 800 lines by responsibility.",
        "Split each module listed by `auditor audit . --select NAV002` into modules "
        "of under 800 lines; keep imports working; run `uv run pytest`.",
    ),
    "DOC003": (
        "Add CONTRIBUTING.md: how to set up, test, and submit a change.",
        "Write CONTRIBUTING.md covering setup (`uv sync`), tests (`uv run pytest`) "
        "and the review process. Verify with `auditor audit . --select DOC003`.",
    ),
    "ENV003": (
        "Pin the Python version in .python-version.",
        "Create .python-version containing the Python version CI uses (3.12). "
        "Verify with `auditor audit . --select ENV003`.",
    ),
    "SAF001": (
        "Remove the secret, rotate it, and read it from the environment instead.",
        "Remove the hard-coded credential from config/settings.py, read it from an "
        "environment variable, document it in .env.example. Verify with "
        "`auditor audit . --select SAF001`.",
    ),
}

# rule, message, path, line
FINDINGS: tuple[tuple[str, str, str | None, int | None], ...] = (
    ("SAF001", "AWS secret access key assigned to AWS_SECRET_ACCESS_KEY", "config/settings.py", 12),
    ("INS003", "AGENTS.md names `scripts/bootstrap.sh`, which does not exist", "AGENTS.md", 14),
    ("INS003", "AGENTS.md names `docs/api.md`, which does not exist", "AGENTS.md", 22),
    ("INS004", "AGENTS.md does not say which directories are off limits", "AGENTS.md", None),
    ("FEE004", "No pre-commit configuration: checks run only in CI", None, None),
    ("DOC003", "No CONTRIBUTING file", None, None),
    (
        "ENV003",
        "No Python version pin (.python-version or requires-python upper bound)",
        "pyproject.toml",
        None,
    ),
    ("NAV002", "Module is 1,912 lines (limit 800)", "packages/api/src/acme_api/handlers.py", None),
    ("NAV002", "Module is 1,204 lines (limit 800)", "packages/cli/src/acme_cli/commands.py", None),
    ("NAV002", "Module is 845 lines (limit 800)", "src/acme/legacy/rules.py", None),
    ("NAV001", "`dispatch` is 212 lines (limit 80)", "packages/api/src/acme_api/handlers.py", 88),
    (
        "NAV001",
        "`create_order` is 131 lines (limit 80)",
        "packages/api/src/acme_api/handlers.py",
        402,
    ),
    (
        "NAV001",
        "`update_order` is 118 lines (limit 80)",
        "packages/api/src/acme_api/handlers.py",
        610,
    ),
    ("NAV001", "`refund` is 97 lines (limit 80)", "packages/api/src/acme_api/handlers.py", 1130),
    ("NAV001", "`export_csv` is 90 lines (limit 80)", "packages/api/src/acme_api/reports.py", 41),
    ("NAV001", "`main` is 240 lines (limit 80)", "packages/cli/src/acme_cli/commands.py", 17),
    ("NAV001", "`sync` is 126 lines (limit 80)", "packages/cli/src/acme_cli/commands.py", 390),
    ("NAV001", "`doctor` is 84 lines (limit 80)", "packages/cli/src/acme_cli/commands.py", 702),
    ("NAV001", "`evaluate` is 301 lines (limit 80)", "src/acme/legacy/rules.py", 55),
    ("NAV001", "`apply_discounts` is 167 lines (limit 80)", "src/acme/legacy/rules.py", 380),
    ("NAV001", "`reconcile` is 102 lines (limit 80)", "src/acme/legacy/rules.py", 601),
    ("NAV001", "`parse_rule` is 88 lines (limit 80)", "src/acme/legacy/rules.py", 744),
    ("NAV001", "`migrate` is 93 lines (limit 80)", "src/acme/migrations/runner.py", 20),
    ("NAV001", "`build_index` is 81 lines (limit 80)", "src/acme/search/index.py", 133),
    ("NAV001", "`tokenize` is 86 lines (limit 80)", "src/acme/search/tokens.py", 9),
)

FACTS = ReportFacts(
    languages=MappingProxyType(
        {
            "python": LanguageStat(files=214, lines=38120),
            "shell": LanguageStat(files=4, lines=210),
            "typescript": LanguageStat(files=37, lines=5480),
        }
    ),
    primary_language="python",
    languages_measured=("python", "typescript"),
    languages_not_measured=("shell",),
    package_managers=("npm", "uv"),
    lockfiles=("frontend/package-lock.json", "uv.lock"),
    workspace=Workspace(kind="uv", packages=("packages/api", "packages/cli")),
    test_frameworks=("pytest", "vitest"),
    test_dirs=("frontend/src/__tests__", "tests"),
    test_file_count=96,
    test_command="uv run pytest",
    test_command_source=Source(path="CONTRIBUTING.md", line=42, reason="documented"),
    single_test_command="uv run pytest tests/test_cart.py::test_total",
    set_aside=(
        SetAside(
            path="src/acme/_vendor/",
            kind="vendored",
            source="src/acme/_vendor/vendor.txt",
            line=1,
            reason="`vendor.txt` lists the 3 projects vendored here",
        ),
    ),
    test_commands=("uv run pytest", "make test", "npm test --prefix frontend"),
    linters=("eslint", "ruff"),
    formatters=("prettier", "ruff-format"),
    type_checkers=("mypy", "tsc"),
    pre_commit=False,
    ci_providers=("github-actions",),
    ci_files=(".github/workflows/ci.yml", ".github/workflows/release.yml"),
    instruction_files=("AGENTS.md", "CLAUDE.md"),
    docs=Docs(
        readme="README.md",
        architecture="docs/architecture.md",
        license="LICENSE",
        license_spdx="Apache-2.0",
        security="SECURITY.md",
        codeowners=".github/CODEOWNERS",
    ),
    dev_environment=("devcontainer", "makefile"),
    largest_files=(
        FileSize(path="packages/api/src/acme_api/handlers.py", lines=1912, tokens=17340),
        FileSize(path="packages/cli/src/acme_cli/commands.py", lines=1204, tokens=10122),
        FileSize(path="src/acme/legacy/rules.py", lines=845, tokens=8870),
    ),
)

DIAGNOSTICS = (
    Diagnostic("assets/logo.py", "binary", "source file holds binary data"),
    Diagnostic("data/fixtures/big_dump.sql", "too-large", "48211021 bytes: measured, not parsed"),
    Diagnostic(
        "docs/legacy/notes.md", "encoding", "not valid UTF-8 at byte 1043; read with replacements"
    ),
    Diagnostic(
        "frontend/tsconfig.json", "malformed", "cannot parse JSON: trailing comma at line 9"
    ),
    Diagnostic("scripts/blob.py", "binary", "source file holds binary data"),
)


def _weight(severity: Severity, grade: Grade) -> float:
    return SEVERITY_WEIGHT[severity] * GRADE_FACTOR[grade]


def _fingerprint(rule: str, path: str | None, message: str) -> str:
    return hashlib.sha256(f"{rule}|{path}|{message}".encode()).hexdigest()[:16]


def _results(rules: Any, counts: dict[str, int]) -> tuple[RuleResult, ...]:
    applicable = [r for r in rules if r[7] in (St.PASS, St.FAIL)]
    total = sum(_weight(r[4], r[6]) for r in applicable)
    results = []
    for rid, name, title, cat, sev, level, grade, status, message in rules:
        scored = status in (St.PASS, St.FAIL)
        share = 100 * _weight(sev, grade) / total if scored else 0.0
        fix, prompt = FIXES.get(rid, (f"Make {rid} pass.", f"Make {rid} pass."))
        results.append(
            RuleResult(
                id=rid,
                name=name,
                title=title,
                category=cat,
                severity=sev,
                level=level,
                evidence=grade,
                status=status,
                weight=_weight(sev, grade) if scored else 0.0,
                contribution=share if status is St.PASS else 0.0,
                gain=share if status is St.FAIL else 0.0,
                findings=counts.get(rid, 0),
                message=message,
                fix=fix,
                fix_prompt=prompt,
            )
        )
    return tuple(results)


def _categories(results: tuple[RuleResult, ...]) -> tuple[CategoryScore, ...]:
    total = sum(r.weight for r in results)
    scores = []
    for category in Category:
        mine = [r for r in results if r.category is category and r.weight]
        weight = sum(r.weight for r in mine)
        earned = sum(r.weight for r in mine if r.status is St.PASS)
        scores.append(
            CategoryScore(
                id=category,
                score=100 * earned / weight if weight else None,
                weight=weight / total,
                passed=sum(r.status is St.PASS for r in mine),
                failed=sum(r.status is St.FAIL for r in mine),
            )
        )
    return tuple(scores)


def _findings(results: tuple[RuleResult, ...]) -> tuple[Finding, ...]:
    by_id = {r.id: r for r in results}
    findings = [
        Finding(
            rule=rid,
            severity=by_id[rid].severity,
            category=by_id[rid].category,
            message=message,
            path=path,
            line=line,
            fingerprint=_fingerprint(rid, path, message),
            fix=by_id[rid].fix,
            fix_prompt=by_id[rid].fix_prompt,
            evidence=by_id[rid].evidence,
        )
        for rid, message, path, line in FINDINGS
    ]
    return tuple(sorted(findings, key=Finding.sort_key))


UNJUDGED = (
    Unjudged(
        "NAV003",
        S.LOW,
        "the rule raised RecursionError: maximum recursion depth exceeded while walking "
        "src/acme/legacy/rules.py",
    ),
    Unjudged("SAF001", S.CRITICAL, "cannot parse jsonc: nested too deeply to read", ".mcp.json"),
)
"""A rule that raised (errored) and one that failed with an input it could not read."""


def sample_report() -> Report:
    """A uv + npm monorepo at level 3 of 5 with 25 findings, two packages and diagnostics."""
    counts: dict[str, int] = {}
    for rid, *_ in FINDINGS:
        counts[rid] = counts.get(rid, 0) + 1
    results = _results(RULES, counts)
    failing = sorted((r for r in results if r.status is St.FAIL), key=lambda r: (-r.gain, r.id))
    blocking = tuple(sorted(r.id for r in failing if r.level <= 4))
    score = Score(
        score=sum(r.contribution for r in results),
        level=3,
        next_level=NextLevel(level=4, blocking=blocking, needed=4),
        categories=_categories(results),
        rules=results,
    )
    packages = (
        PackageReport(
            "packages/api",
            48.25,
            1,
            ReportFacts(primary_language="python"),
            ("FEE001", "INS001", "NAV001", "NAV002"),
        ),
        PackageReport(
            "packages/cli",
            81.666,
            3,
            ReportFacts(
                primary_language="python",
                test_command="uv run pytest",
                test_commands=("uv run pytest",),
                test_file_count=14,
                instruction_files=("packages/cli/AGENTS.md",),
            ),
            ("NAV001",),
        ),
    )
    return Report(
        tool_name="auditor",
        tool_version="0.1.0",
        repository=Repository(
            "acme-platform", "3f9c2a1b7d4e88c0a5f1e2d3c4b5a69788796a5b", "monorepo"
        ),
        score=score,
        facts=FACTS,
        findings=_findings(results),
        packages=packages,
        diagnostics=DIAGNOSTICS,
        top_fixes=tuple(failing),
        unjudged=UNJUDGED,
    )


TIDY_RULES = (
    (
        "INS001",
        "missing-agent-instructions",
        "An agent instruction file exists",
        C.INSTRUCTIONS,
        S.HIGH,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    (
        "FEE001",
        "missing-test-command",
        "Tests run with one documented command",
        C.FEEDBACK,
        S.CRITICAL,
        1,
        G.STRONG,
        St.PASS,
        "",
    ),
    (
        "ENV001",
        "missing-lockfile",
        "Dependencies are locked",
        C.ENVIRONMENT,
        S.HIGH,
        1,
        G.STRONG,
        St.NOT_APPLICABLE,
        "no dependencies declared",
    ),
)


def tidy_report() -> Report:
    """A small repository outside git at level 5: no findings, packages or diagnostics."""
    results = _results(TIDY_RULES, {})
    facts = ReportFacts(
        languages=MappingProxyType({"go": LanguageStat(files=3, lines=120)}),
        primary_language="go",
        languages_measured=("go",),
        test_frameworks=("go test",),
        test_command="go test ./...",
        test_command_source=Source(path="go.mod", line=None, reason="framework-default"),
        test_commands=("go test ./...",),
        test_file_count=2,
        instruction_files=("AGENTS.md",),
        formatters=("gofmt",),
        docs=FACTS.docs,
        env_example=FACTS.env_example,
    )
    score = Score(
        score=100.0, level=5, next_level=None, categories=_categories(results), rules=results
    )
    return Report(
        tool_name="auditor",
        tool_version="0.1.0",
        repository=Repository("tidy", None),
        score=score,
        facts=facts,
        findings=(),
        packages=(),
        diagnostics=(),
    )
