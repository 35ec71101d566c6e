"""End to end on one repository per ecosystem: facts field by field, and golden reports.

Golden files live one per report in `__snapshots__/test_ecosystems/`; the rules' prose is golden
once, in docs/rules/, and appears in them as references (`tests/golden.py`).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor import api
from auditor.config import Config
from auditor.model import RenderOptions
from auditor_reports import json_report, text
from tests.conftest import write_repo
from tests.fixtures.ecosystems import ECOSYSTEMS
from tests.golden import golden, without_prose

EXPECTED: dict[str, dict[str, Any]] = {
    "python-uv": {
        "primary_language": "python",
        "package_managers": ["uv"],
        "lockfiles": ["uv.lock"],
        "workspace": None,
        "test_frameworks": ["pytest"],
        "test_dirs": ["tests"],
        "test_file_count": 1,
        "test_command": "uv run pytest",
        "linters": ["ruff"],
        "formatters": ["ruff"],
        "type_checkers": ["mypy"],
        "pre_commit": True,
        "ci_providers": ["github-actions"],
        "ci_files": [".github/workflows/ci.yml"],
        "instruction_files": ["AGENTS.md"],
        "dev_environment": ["version_pin"],
        "docs": {"readme": "README.md", "contributing": "CONTRIBUTING.md"},
    },
    "python-poetry-tox": {
        "primary_language": "python",
        "package_managers": ["poetry"],
        "lockfiles": ["poetry.lock"],
        "test_frameworks": ["unittest"],
        "test_command": "tox",
        "linters": ["flake8"],
        "formatters": [],
        "type_checkers": [],
        "pre_commit": False,
        "ci_providers": [],
        "dev_environment": ["tox"],
    },
    "pnpm-workspace": {
        "primary_language": "typescript",
        "package_managers": ["pnpm"],
        "lockfiles": ["pnpm-lock.yaml"],
        "workspace": {"kind": "pnpm", "packages": ["packages/core", "packages/web"]},
        "test_frameworks": ["vitest"],
        "test_command": "pnpm test",
        "linters": ["eslint"],
        "formatters": ["prettier"],
        "dev_environment": ["version_pin"],
    },
    "cargo-workspace": {
        "primary_language": "rust",
        "package_managers": ["cargo"],
        "lockfiles": ["Cargo.lock"],
        "workspace": {"kind": "cargo", "packages": ["crates/cli", "crates/parser"]},
        "test_frameworks": ["cargo test"],
        "test_command": "cargo test",
        "linters": ["clippy"],
        "formatters": ["rustfmt"],
        "ci_providers": ["github-actions"],
        "dev_environment": ["version_pin"],
    },
    "go-module": {
        "primary_language": "go",
        "package_managers": ["go"],
        "lockfiles": ["go.sum"],
        "test_frameworks": ["go test"],
        "test_file_count": 1,
        "test_command": "make test",
        "linters": ["golangci-lint"],
        "dev_environment": ["makefile"],
    },
    "maven-multi": {
        "primary_language": "java",
        "package_managers": ["maven"],
        "workspace": {"kind": "maven", "packages": ["app", "core"]},
        "test_frameworks": ["junit"],
        "test_command": "mvn test",
    },
    "no-tests": {
        "primary_language": "python",
        "test_file_count": 0,
        "test_command": None,
        "test_commands": [],
        "instruction_files": [],
        "ci_providers": [],
    },
}


def audited(name: str, tmp_path: Path, git: bool = False) -> Any:
    root = write_repo(tmp_path / name, ECOSYSTEMS[name], git=git)
    return api.audit(root, Config())


@pytest.mark.parametrize("name", sorted(ECOSYSTEMS))
def test_facts_field_by_field(name: str, tmp_path: Path) -> None:
    facts = audited(name, tmp_path).facts.to_json()
    for key, expected in EXPECTED[name].items():
        if key == "docs":
            for doc, path in expected.items():
                assert facts["docs"][doc] == path, f"{name}: docs.{doc}"
        else:
            assert facts[key] == expected, f"{name}: {key}"


@pytest.mark.parametrize("name", sorted(ECOSYSTEMS))
def test_reports_are_golden_stable_and_valid(name: str, tmp_path: Path, snapshot: Any) -> None:
    report = audited(name, tmp_path)
    document = json_report.render(report, RenderOptions())
    jsonschema.validate(json.loads(document), json_report.load_schema())
    again = api.audit(tmp_path / name, Config())
    assert json_report.render(again, RenderOptions()) == document
    assert without_prose(document) == snapshot(name=name, extension_class=golden("json"))
    rendered = text.render(report, RenderOptions(width=100))
    assert without_prose(rendered) == snapshot(name=name, extension_class=golden("txt"))


def test_git_and_plain_directory_agree(tmp_path: Path) -> None:
    plain = audited("python-uv", tmp_path / "plain")
    tracked = audited("python-uv", tmp_path / "git", git=True)
    assert tracked.repository.commit is not None and plain.repository.commit is None
    assert plain.facts == tracked.facts
    assert [f.fingerprint for f in plain.findings] == [f.fingerprint for f in tracked.findings]


def test_untracked_ignored_files_are_not_audited(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", ECOSYSTEMS["python-uv"], git=True)
    (root / ".venv" / "lib").mkdir(parents=True)
    (root / ".venv" / "lib" / "big.py").write_text("x = 1\n" * 20000)
    (root / "new_module.py").write_text("def f():\n    return 1\n")
    subprocess.run(["git", "status"], cwd=root, check=True, capture_output=True)
    report = api.audit(root, Config())
    assert report.facts.languages["python"].files == 4  # 3 tracked + 1 untracked
    assert all(".venv" not in (f.path or "") for f in report.findings)


def test_monorepo_packages_are_scored(tmp_path: Path) -> None:
    report = audited("pnpm-workspace", tmp_path)
    assert [p.path for p in report.packages] == ["packages/core", "packages/web"]
    assert all(1 <= p.level <= 5 and 0 <= p.score <= 100 for p in report.packages)


FORMAT_FIXTURES = {"no-tests": "poor", "python-uv": "good", "pnpm-workspace": "monorepo"}


@pytest.mark.parametrize("name", sorted(FORMAT_FIXTURES))
@pytest.mark.parametrize("fmt", ["markdown", "sarif", "html", "badge"])
def test_every_format_is_golden_for_a_poor_a_good_and_a_monorepo(
    name: str, fmt: str, tmp_path: Path, snapshot: Any
) -> None:
    from auditor.registry import load_renderers

    render = load_renderers().get(fmt)
    report = audited(name, tmp_path)
    output = render(report, RenderOptions(verbosity=1))
    assert render(api.audit(tmp_path / name, Config()), RenderOptions(verbosity=1)) == output
    if fmt == "sarif":
        schema = json.loads(
            (Path(__file__).parent / "reports" / "sarif-schema-2.1.0.json").read_text()
        )
        jsonschema.validate(json.loads(output), schema)
    suffix = {"markdown": "md", "sarif": "sarif", "html": "html", "badge": "svg"}[fmt]
    assert without_prose(output) == snapshot(name=name, extension_class=golden(suffix))
