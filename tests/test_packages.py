"""Monorepos: package views inherit from the workspace root, and each package is scored."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from auditor.api import audit
from auditor.facts.subject import Subject
from auditor.model import RenderOptions, Status
from auditor_reports.text import render
from tests.fixtures.profiles import PNPM_WORKSPACE

MakeSubject = Callable[..., Subject]
MakeRepo = Callable[..., Path]

UV_WORKSPACE = {
    "pyproject.toml": """[project]
name = "suite"
version = "0.1.0"

[tool.uv.workspace]
members = ["packages/*"]

[dependency-groups]
dev = ["pytest>=8", "ruff>=0.5"]

[tool.pytest.ini_options]
testpaths = ["tests"]
""",
    "uv.lock": "version = 1\n",
    "tests/test_core.py": "def test_core():\n    assert True\n",
    ".pre-commit-config.yaml": (
        "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n"
        "    hooks:\n      - id: ruff\n"
    ),
    "packages/core/pyproject.toml": (
        '[project]\nname = "core"\nversion = "0.1.0"\ndependencies = ["httpx"]\n'
    ),
    "packages/core/src/core/__init__.py": "def f():\n    return 1\n",
    "packages/web/package.json": '{"name": "web", "private": true}\n',
    "packages/web/index.js": "export const x = 1;\n",
}


def test_three_packages_scored_and_ordered(make_repo: MakeRepo) -> None:
    report = audit(make_repo(PNPM_WORKSPACE))
    scores = {package.path: package for package in report.packages}
    core, web, legacy = (scores[f"packages/{name}"] for name in ("core", "web", "legacy"))
    assert core.score > web.score > legacy.score
    assert core.level > web.level > legacy.level
    assert (core.score, core.level, core.failing) == (100.0, 5, ())
    assert {"NAV003", "NAV004"} <= set(web.failing)
    assert {"FEE001", "NAV001"} <= set(legacy.failing)


def test_the_text_report_lists_the_weakest_first_and_sums_up(make_repo: MakeRepo) -> None:
    report = audit(make_repo(PNPM_WORKSPACE))
    text = render(report, RenderOptions(width=120))
    section = text[text.index("Packages") :]
    assert re.search(rf"2 of 3 at level {report.score.level} or above", section)
    order = [section.index(f"packages/{name}") for name in ("legacy", "web", "core")]
    assert order == sorted(order)


def test_a_package_inherits_the_workspace_manager_lockfile_and_tools(
    make_subject: MakeSubject,
) -> None:
    facts = make_subject(PNPM_WORKSPACE).package("packages/legacy").facts
    assert facts.package_managers == ("pnpm",)
    assert facts.lockfiles == ("../../pnpm-lock.yaml",)
    assert facts.test_frameworks == ("vitest",)
    assert facts.test_command is not None
    assert facts.test_command.text == "cd ../.. && pnpm test"  # the root's, run from the root
    assert facts.test_command.path == "../../AGENTS.md"
    assert (facts.linters, facts.formatters, facts.type_checkers) == (
        ("eslint",),
        ("prettier",),
        ("tsc",),
    )
    assert facts.ci_providers == ("github-actions",)
    assert "../../AGENTS.md" in facts.instruction_files
    assert facts.parent is not None and facts.parent.profile == "monorepo"
    assert facts.to_json()["lockfiles"] == ["../../pnpm-lock.yaml"]


def test_commands_spelled_with_the_fallback_npm_use_the_workspace_manager(
    make_subject: MakeSubject,
) -> None:
    files = {
        "package.json": '{"private": true, "packageManager": "pnpm@9.1.0"}',
        "pnpm-workspace.yaml": "packages:\n  - a\n  - b\n",
        "a/package.json": '{"name": "a", "scripts": {"test": "vitest run"}}',
        "a/test/a.test.js": "test('a', () => {});\n",
        "b/package.json": '{"name": "b", "devDependencies": {"vitest": "1"}}',
        "b/test/b.test.js": "test('b', () => {});\n",
    }
    index = make_subject(files)
    a, b = index.package("a").facts, index.package("b").facts
    assert a.test_command is not None and a.test_command.text == "pnpm test"
    assert b.test_command is not None and b.test_command.text == "pnpm exec vitest run"
    own = index.package("a", inherit=False).facts
    assert own.test_command is not None and own.test_command.text == "npm test"
    assert own.parent is None and own.lockfiles == ()


def test_a_package_keeps_its_own_lockfile_and_manager(make_subject: MakeSubject) -> None:
    files = {**PNPM_WORKSPACE, "packages/core/package-lock.json": "{}\n"}
    facts = make_subject(files).package("packages/core").facts
    assert facts.package_managers == ("npm",)
    assert facts.lockfiles == ("package-lock.json",)


def test_uv_packages_inherit_by_ecosystem(make_subject: MakeSubject) -> None:
    index = make_subject(UV_WORKSPACE)
    core, web = index.package("packages/core").facts, index.package("packages/web").facts
    assert core.package_managers == ("uv",)
    assert core.lockfiles == ("../../uv.lock",)
    assert "pytest" in core.test_frameworks and "ruff" in core.linters
    assert core.pre_commit
    assert web.package_managers == ("npm",)
    assert web.lockfiles == () and "pytest" not in web.test_frameworks
    assert "ruff" not in web.linters


def test_tests_kept_at_the_workspace_root_leave_fee001_not_applicable(
    make_repo: MakeRepo,
) -> None:
    report = audit(make_repo(UV_WORKSPACE))
    core = next(p for p in report.packages if p.path == "packages/core")
    assert "FEE001" not in core.failing
    legacy = next(
        p for p in audit(make_repo(PNPM_WORKSPACE)).packages if p.path == "packages/legacy"
    )
    assert "FEE001" in legacy.failing


def test_a_package_view_reads_workspace_files_through_dotdot(make_subject: MakeSubject) -> None:
    index = make_subject(PNPM_WORKSPACE).files
    view = index.package("packages/core")
    assert view.text("../../AGENTS.md") == index.text("AGENTS.md")
    record = view.file("../../pnpm-lock.yaml")
    assert record is not None and record.path == "pnpm-lock.yaml"
    assert view.text("../../../outside.txt") is None
    assert view.file("../../../etc/passwd") is None
    assert index.text("../AGENTS.md") is None
    assert index.package("packages/core", inherit=False).text("../../AGENTS.md") is None


def test_package_rules_judge_inherited_facts(make_repo: MakeRepo) -> None:
    report = audit(make_repo(PNPM_WORKSPACE))
    assert report.score.rules
    core = next(p for p in report.packages if p.path == "packages/core")
    assert core.facts.test_command == "pnpm test"
    statuses = {r.id: r.status for r in report.score.rules}
    assert statuses["FEE001"] is Status.PASS


MIT_GRANT = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
    'software and associated documentation files (the "Software"), to deal in the Software '
    "without restriction\n"
)


def test_a_package_inherits_the_roots_shared_documents(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["packages/*"]}\n',
        "CONTRIBUTING.md": "# Contributing\n",
        "LICENSE": "MIT License\n\nCopyright (c) 2024 Acme\n\n" + MIT_GRANT,
        "README.md": "# Root\n",
        "packages/web/package.json": '{"name": "web"}\n',
        "packages/web/README.md": "# Web\n",
        "packages/web/index.js": "module.exports = 1;\n",
        "packages/api/package.json": '{"name": "api"}\n',
        "packages/api/CONTRIBUTING.md": "# The API's own guide\n",
        "packages/api/index.js": "module.exports = 2;\n",
    }
    subject = make_subject(files)
    web, api = subject.package("packages/web").facts, subject.package("packages/api").facts
    assert (web.docs.contributing, web.docs.license, web.docs.readme) == (
        "../../CONTRIBUTING.md", "../../LICENSE", "README.md",
    )  # fmt: skip
    assert web.docs.license_spdx is not None
    assert web.docs.license_spdx == subject.facts.docs.license_spdx
    assert api.docs.contributing == "CONTRIBUTING.md"  # its own wins
