"""ENV003: nothing states which version of the language runtime the project needs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import (
    CODE_PROFILES,
    Rule,
    RuleContext,
    Violation,
    failing,
    not_applicable,
    passing,
)

GRADLE_PIN = re.compile(r"jvmToolchain|languageVersion|sourceCompatibility|jvmTarget|release\s*=")
PINS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "python": (
        ("pyproject.toml", re.compile(r"^\s*(?:requires-python|python)\s*=", re.MULTILINE)),
        ("setup.cfg", re.compile(r"^\s*python_requires\s*=", re.MULTILINE)),
        ("setup.py", re.compile(r"\bpython_requires\s*=")),
        ("Pipfile", re.compile(r"^\s*python_(?:full_)?version\s*=", re.MULTILINE)),
    ),
    "javascript": (("package.json", re.compile(r'"(?:engines|volta)"\s*:\s*\{')),),
    "go": (("go.mod", re.compile(r"^\s*(?:go|toolchain)\s+\d", re.MULTILINE)),),
    "rust": (("Cargo.toml", re.compile(r"^\s*rust-version\s*=", re.MULTILINE)),),
    "java": (
        ("pom.xml", re.compile(r"<(?:maven\.compiler\.(?:release|source)|release|java\.version)>")),
        ("*.gradle", GRADLE_PIN),
        ("*.gradle.kts", GRADLE_PIN),
    ),
    "ruby": (("Gemfile", re.compile(r"^\s*ruby\s", re.MULTILINE)),),
    "php": (("composer.json", re.compile(r'"php"\s*:')),),
}
"""Per language, the manifests (a `*` name: any of them in the tree) and the setting in them
that pins the runtime version. Version files (`.python-version`, `.nvmrc`, `.tool-versions`,
`rust-toolchain.toml`, ...) are found by the index (`version_pin` in `Facts.dev_environment`)."""
ALIASES = {"typescript": "javascript", "kotlin": "java", "scala": "java"}
VERSION_FILES = {
    "python": ".python-version", "javascript": ".nvmrc", "go": "go.mod",
    "rust": "rust-toolchain.toml", "java": ".java-version", "ruby": ".ruby-version",
    "php": ".tool-versions",
}  # fmt: skip


def runtime(ctx: RuleContext) -> str | None:
    primary = ctx.facts.primary_language
    return ALIASES.get(primary, primary) if primary is not None else None


def applies(ctx: RuleContext) -> bool:
    return runtime(ctx) in PINS


def check(ctx: RuleContext) -> Iterator[Violation]:
    if "version_pin" in ctx.facts.dev_environment:
        return
    name = runtime(ctx) or ""
    for pattern, setting in PINS.get(name, ()):
        single = ctx.index.file(pattern)
        records = ctx.index.glob(pattern) if "*" in pattern else (single,) if single else ()
        for record in records:
            text = ctx.index.text(record.path)
            if text is not None and setting.search(text):
                return
    where = ", ".join([VERSION_FILES[name], PINS[name][0][0]])
    yield Violation(f"no {ctx.facts.primary_language} version is pinned (in {where}, ...)")


RULE = Rule(
    id="ENV003",
    name="unpinned-runtime",
    title="Runtime version not pinned",
    category=Category.ENVIRONMENT,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Practice backed by the class of failure, not by a measurement of this fix: set-up "
        "benchmarks (SetupBench, GitTaskBench) trace many agent failures to the environment, "
        "and a wrong interpreter or toolchain version is a common one.",
    ),
    rationale=(
        "An agent creating an environment picks whatever interpreter or toolchain it finds. "
        "If the project needs a newer one (or breaks on the newest), the failure shows up as "
        "odd syntax or dependency errors that the agent then tries to fix in the code. A "
        "version pin in the manifest or a version file removes that guess."
    ),
    fix=(
        "State the supported runtime version: requires-python in pyproject.toml or "
        ".python-version, engines.node in package.json or .nvmrc, rust-version or "
        "rust-toolchain.toml, the Java release in the build file, or a .tool-versions file."
    ),
    fix_prompt=(
        "This repository does not state which runtime version it needs. Find the oldest "
        "version CI tests against (or the one the code requires) and pin it where the "
        "ecosystem expects: requires-python in pyproject.toml (plus .python-version for the "
        "development default), engines.node in package.json and .nvmrc, rust-version in "
        "Cargo.toml, maven.compiler.release in pom.xml, or .tool-versions. "
        "Verify with: auditor audit . --select ENV003"
    ),
    check=check,
    applies=applies,
    examples=(
        passing(
            {
                "pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.11"\n',
                "app.py": "x = 1\n",
            }
        ),
        passing({".nvmrc": "20\n", "index.js": "export const x = 1;\n"}, "a version file"),
        failing({"pyproject.toml": '[project]\nname = "app"\n', "app.py": "x = 1\n"}),
        not_applicable({"main.c": "int main(void) { return 0; }\n"}, "C has no runtime to pin"),
    ),
    per_package=False,
    profiles=CODE_PROFILES | {"data"},  # a docs site or configuration has no runtime
)
