"""The project holds itself to its own standards: packaging, layering, lint, types, docs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from auditor import registry
from auditor.ruledoc import expected_docs

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE_DIRS = {"auditor": "auditor", "auditor_rules": "rules", "auditor_reports": "reports"}


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_every_package_directory_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    present = set()
    for name, directory in PACKAGE_DIRS.items():
        for init in (PROJECT / directory).rglob("__init__.py"):
            parts = init.parent.relative_to(PROJECT / directory).parts
            present.add(".".join((name, *parts)))
    assert present == listed


@pytest.mark.slow
def test_layering_contracts_hold() -> None:
    done = subprocess.run([tool("lint-imports")], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_is_clean(command: list[str]) -> None:
    done = subprocess.run(
        [tool("ruff"), *command, "auditor", "rules", "reports", "tests", "benchmarks"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    done = subprocess.run([tool("mypy")], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_rule_docs_are_generated_from_declarations() -> None:
    stale = [
        str(path.relative_to(PROJECT))
        for path, content in expected_docs(registry.load_rules(), PROJECT).items()
        if not path.exists() or path.read_text("utf-8") != content
    ]
    assert not stale, f"stale rule docs {stale}: run `auditor rules --write-docs .`"


def test_no_orphan_rule_pages() -> None:
    ids = {rule.id for rule in registry.load_rules()}
    pages = {p.stem for p in (PROJECT / "docs" / "rules").glob("*.md")}
    assert pages <= ids, f"pages of rules that no longer exist: {sorted(pages - ids)}"


def test_heavy_parsers_are_not_imported_by_a_plain_run() -> None:
    """tree-sitter and libcst load only when a syntax tree is needed."""
    code = (
        "import sys, auditor.cli, auditor.api, auditor.index.build;"
        "heavy = {'tree_sitter', 'libcst'};"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
