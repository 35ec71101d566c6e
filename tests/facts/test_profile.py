"""Repository profiles: detection from manifests and the file mix, the config override, and
rules that declare where they apply."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import load_config
from auditor.errors import ConfigError
from auditor.facts.profile.detect import PROFILES
from auditor.facts.subject import Subject
from auditor.model import Category, Evidence, Grade, Severity, Status
from auditor.registry import load_rules
from auditor.rule import CODE_PROFILES, Rule, RuleContext, Violation, failing, passing
from tests.fixtures import profiles

MakeSubject = Callable[..., Subject]
MakeRepo = Callable[..., Path]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (profiles.DOCS_SITE, "docs"),
        (profiles.LIBRARY, "library"),
        (profiles.CLI, "cli"),
        (profiles.SERVICE, "application"),
        (profiles.INFRASTRUCTURE, "infrastructure"),
        (profiles.DATA, "data"),
        (profiles.PNPM_WORKSPACE, "monorepo"),
    ],
)
def test_fixture_profiles(
    make_subject: MakeSubject, files: Mapping[str, str], expected: str
) -> None:
    facts = make_subject(files).facts
    assert facts.profile == expected
    assert facts.profile == expected
    assert "profile" not in facts.to_json()  # the facts keys are a contract: profile is top-level


GO_MAIN = "package main\n\nfunc main() {}\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"go.mod": "module example.com/tool\n", "main.go": GO_MAIN}, "cli"),
        ({"go.mod": "module example.com/tool\n", "cmd/tool/main.go": GO_MAIN}, "cli"),
        (
            {
                "go.mod": "module example.com/web\n\nrequire github.com/gin-gonic/gin v1.10.0\n",
                "main.go": GO_MAIN,
            },
            "application",
        ),
        (
            {"go.mod": "module github.com/gin-gonic/gin\n", "gin.go": "package gin\n"},
            "library",
        ),
        ({"Cargo.toml": '[package]\nname = "x"\n', "src/lib.rs": "pub fn f() {}\n"}, "library"),
        ({"Cargo.toml": '[package]\nname = "x"\n', "src/main.rs": "fn main() {}\n"}, "cli"),
        (
            {
                "pyproject.toml": '[project]\nname = "x"\n\n[project.scripts]\nx = "x:main"\n',
                "x.py": "def main():\n    pass\n",
            },
            "cli",
        ),
        (
            {"package.json": '{"name": "site", "private": true}', "index.js": "go();\n"},
            "application",
        ),
        (
            {
                "package.json": '{"name": "ui", "private": true, "dependencies": {"next": "14"}}',
                "pages/index.tsx": "export default function Home() { return null; }\n",
            },
            "application",
        ),
        ({"scripts/run.py": "print('hello')\n"}, "application"),
        ({"README.md": "# Notes\n"}, "docs"),
        ({}, "docs"),
    ],
)
def test_manifest_evidence(
    make_subject: MakeSubject, files: Mapping[str, str], expected: str
) -> None:
    assert make_subject(files).facts.profile == expected


def test_a_library_with_a_large_manual_is_still_a_library(make_subject: MakeSubject) -> None:
    files = dict(profiles.LIBRARY)
    files.update({f"docs/page{i}.rst": profiles.PAGE.format(title=i) for i in range(5)})
    files["docs/conf.py"] = "project = 'slugs'\n"
    files["src/slugs/core.py"] = "def f(x):\n    return x\n" * 100
    assert make_subject(files).facts.profile == "library"


def test_a_dockerfile_beside_much_code_is_not_infrastructure(make_subject: MakeSubject) -> None:
    files = {"Dockerfile": "FROM python:3.12\n" * 5, "app.py": "x = 1\n" * 200}
    assert make_subject(files).facts.profile == "application"


def test_a_package_view_has_its_own_profile(make_subject: MakeSubject) -> None:
    files = {
        "pnpm-workspace.yaml": "packages:\n  - docs\n  - lib\n",
        "docs/package.json": '{"name": "docs", "private": true}',
        "docs/.vitepress/config.ts": "export default {}\n",
        **{f"docs/guide/page{i}.md": profiles.PAGE.format(title=i) for i in range(3)},
        "lib/package.json": '{"name": "lib", "version": "1.0.0"}',
        "lib/index.js": "export const x = 1;\n",
    }
    index = make_subject(files)
    assert index.facts.profile == "monorepo"
    assert index.package("docs").facts.profile == "docs"
    assert index.package("lib").facts.profile == "library"


def test_profiles_are_sorted_and_known() -> None:
    assert list(PROFILES) == sorted(PROFILES)
    assert set(PROFILES) > CODE_PROFILES


def test_config_declares_the_profile(make_repo: MakeRepo) -> None:
    root = make_repo({**profiles.LIBRARY, ".auditor.toml": 'profile = "application"\n'})
    config = load_config(root)
    assert config.profile == "application"
    assert audit(root, config).repository.profile == "application"


def test_unknown_profile_is_a_config_error_naming_the_allowed_ones(make_repo: MakeRepo) -> None:
    root = make_repo({"pyproject.toml": '[tool.auditor]\nprofile = "website"\n'})
    with pytest.raises(ConfigError, match="profile must be one of application, cli, data, docs"):
        load_config(root)


def test_rule_declarations_name_known_profiles_only() -> None:
    rule = _rule(frozenset({"library", "website"}))
    assert any("website" in problem for problem in rule.problems())
    assert not _rule(CODE_PROFILES).problems()


def _rule(profiles_: frozenset[str] | None) -> Rule:
    def check(ctx: RuleContext) -> list[Violation]:
        return [Violation("always")]

    return Rule(
        id="TST001",
        name="always-fails",
        title="Always fails",
        category=Category.FEEDBACK,
        severity=Severity.HIGH,
        level=1,
        evidence=Evidence(Grade.STRONG, "test"),
        rationale="r",
        fix="f",
        fix_prompt="p",
        check=check,
        examples=(passing({}), failing({})),
        profiles=profiles_,
    )


def test_a_rule_outside_its_profiles_is_not_applicable(make_repo: MakeRepo) -> None:
    root = make_repo(profiles.DOCS_SITE)
    report = audit(root, rules=[_rule(CODE_PROFILES)])
    (result,) = report.score.rules
    assert result.status is Status.NOT_APPLICABLE
    assert result.message == "not for docs"
    assert report.findings == ()
    assert report.score.score == 100.0


@pytest.mark.parametrize(
    ("files", "profile"), [(profiles.DOCS_SITE, "docs"), (profiles.LIBRARY, "library")]
)
def test_rules_that_do_not_apply_find_nothing(
    make_repo: MakeRepo, files: Mapping[str, str], profile: str
) -> None:
    rules = load_rules()
    report = audit(make_repo(files), rules=[*rules, _rule(frozenset({"application"}))])
    assert report.repository.profile == profile
    excluded = {rule.id for rule in rules if not rule.fits(profile)} | {"TST001"}
    assert {"FEE001", "FEE002"} <= excluded or profile == "library"
    statuses = {result.id: result.status for result in report.score.rules}
    assert all(statuses[rule_id] is Status.NOT_APPLICABLE for rule_id in excluded)
    assert not [finding for finding in report.findings if finding.rule in excluded]


@pytest.mark.parametrize(
    "files",
    [
        {"pyproject.toml": "project = 1\n[tool]\npoetry = 'x'\n", "a.py": "x = 1\n"},
        {"pyproject.toml": "[project\n", "a.py": "x = 1\n"},
        {"package.json": '["not", "an", "object"]', "a.js": "x;\n"},
        {"package.json": '{"bin": 7, "private": "yes", "dependencies": []}', "a.js": "x;\n"},
        {"Cargo.toml": 'package = "x"\nbin = 3\n', "src/lib.rs": "\n"},
        {"go.mod": b"\xff\xfe\x00module", "main.go": b"\x00\x01package main"},
        {"composer.json": '{"require": ["laravel/framework"], "type": 3}', "a.php": "<?php\n"},
        {"Gemfile": "gem 'rails'\n", "x.gemspec": "Gem::Specification.new\n", "a.rb": "1\n"},
    ],
)
def test_malformed_manifests_still_give_a_profile(
    make_subject: MakeSubject, files: Mapping[str, str | bytes]
) -> None:
    assert make_subject(files).facts.profile in PROFILES


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "Cargo.toml": '[package]\nname = "x"\n\n[workspace]\nmembers = ["benches"]\n',
                "src/lib.rs": "pub fn f() {}\n",
                "benches/Cargo.toml": '[package]\nname = "bench"\n',
                "benches/src/main.rs": "fn main() {}\n",
            },
            "library",
        ),
        (
            {
                "Cargo.toml": '[package]\nname = "x"\n\n[workspace]\nmembers = ["derive"]\n',
                "src/lib.rs": "pub fn f() {}\n",
                "derive/Cargo.toml": '[package]\nname = "x-derive"\n',
                "derive/src/lib.rs": "pub fn g() {}\n",
            },
            "monorepo",
        ),
        (
            {
                "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n\n[project]\n'
                'name = "h"\n\n[project.optional-dependencies]\ncli = ["click"]\n\n'
                '[project.scripts]\nh = "h:main"\n',
                "h/__init__.py": "def main(): pass\n",
            },
            "library",
        ),
        (
            {
                "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n\n[project]\n'
                'name = "h"\n\n[project.scripts]\nh = "h:main"\n',
                "h/__init__.py": "def main(): pass\n",
            },
            "cli",
        ),
        (
            {
                "composer.json": '{"name": "a/http", "require": {"psr/http-message": "^2"}}',
                "Dockerfile": "FROM php:8\n",
                "src/Client.php": "<?php\nclass Client {}\n",
            },
            "library",
        ),
        (
            {
                "package.json": '{"name": "ky", "exports": "./dist/index.js",'
                ' "devDependencies": {"express": "^4"}}',
                "source/index.ts": "export const x = 1;\n",
            },
            "library",
        ),
        (
            {
                "package.json": '{"name": "site", "dependencies": {"express": "^4"}}',
                "server.js": "x\n",
            },
            "application",
        ),
    ],
)
def test_libraries_are_told_from_applications_by_their_manifests(
    make_subject: MakeSubject, files: dict[str, str], expected: str
) -> None:
    assert make_subject(files).facts.profile == expected
