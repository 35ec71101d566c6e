"""ENV003: nothing states which version of the language runtime the project needs."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.environment.runtime_pins import FINDERS, runtime_of, runtime_pin
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

WHERE = {
    "python": ".python-version, pyproject.toml",
    "javascript": ".nvmrc, package.json",
    "go": "go.mod",
    "rust": "rust-toolchain.toml, Cargo.toml",
    "ruby": ".ruby-version, Gemfile, *.gemspec",
    "php": ".tool-versions, composer.json",
    "java": ".java-version, pom.xml",
}
"""Where each runtime's version is usually pinned, for the message."""


def runtime(ctx: RuleContext) -> str | None:
    return runtime_of(ctx.facts.primary_language)


def applies(ctx: RuleContext) -> bool:
    return runtime(ctx) in FINDERS


def check(ctx: RuleContext) -> Iterator[Violation]:
    name = runtime(ctx) or ""
    if runtime_pin(ctx.subject.sources, name) is not None:
        return
    yield Violation(f"no {ctx.facts.primary_language} version is pinned (in {WHERE[name]}, ...)")


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
    reads=frozenset({Reads.MANIFESTS, Reads.CONFIG}),
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
        passing(
            {
                "Cargo.toml": '[workspace]\nmembers = ["core"]\n',
                "core/Cargo.toml": '[package]\nname = "core"\nrust-version = "1.70"\n',
                "core/src/lib.rs": "pub fn f() {}\n",
            },
            "rust-version in a member crate",
        ),
        passing(
            {
                "Gemfile": "gemspec\n",
                "rack.gemspec": "Gem::Specification.new { |s| s.required_ruby_version = '>= 3' }\n",
                "lib/rack.rb": "module Rack; end\n",
            },
            "required_ruby_version in the gemspec",
        ),
        not_applicable({"main.c": "int main(void) { return 0; }\n"}, "C has no runtime to pin"),
    ),
    per_package=False,
    profiles=CODE_PROFILES | {"data"},  # a docs site or configuration has no runtime
)
