"""A generated fleet: git repositories whose readiness grows with their quality number."""

from __future__ import annotations

from pathlib import Path

from tests.git_history import make_history

LANGUAGES = ("python", "javascript", "go")
CI = """on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
"""
FEATURES: tuple[dict[str, dict[str, str]], ...] = (
    {"*": {"README.md": "# service\n\nA small service.\n\n## Development\n\nRun the tests.\n"}},
    {
        "python": {"tests/test_app.py": "from app import main\n\n\ndef test_main():\n    main()\n"},
        "javascript": {"app.test.js": "test('main', () => {});\n"},
        "go": {
            "main_test.go": 'package main\n\nimport "testing"\n\nfunc TestMain2(t *testing.T) {}\n'
        },
    },
    {
        "python": {"Makefile": "test:\n\tpython -m pytest\n"},
        "javascript": {},
        "go": {"Makefile": "test:\n\tgo test ./...\n"},
    },
    {
        "*": {
            "AGENTS.md": "# AGENTS.md\n\n## Commands\n\n- Test: `make test`\n\n"
            "## Boundaries\n\n- Never commit secrets.\n"
        }
    },
    {
        "*": {
            ".github/workflows/ci.yml": CI,
        }
    },
    {"*": {"LICENSE": "MIT License\n\nCopyright (c) 2024\n"}},
    {"*": {"CONTRIBUTING.md": "# Contributing\n\nRun `make test` before you push.\n"}},
    {
        "*": {
            ".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
            "    rev: v0.5.0\n    hooks:\n      - id: ruff\n"
        }
    },
    {"*": {"ARCHITECTURE.md": "# Architecture\n\nOne module, `app`, with one entry point.\n"}},
)
BASE = {
    "python": {
        "app.py": "def main():\n    return 1\n",
        "pyproject.toml": '[project]\nname = "app"\nversion = "1.0"\n',
    },
    "javascript": {
        "index.js": "function main() {\n  return 1;\n}\nmodule.exports = { main };\n",
        "package.json": '{"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}}\n',
    },
    "go": {
        "main.go": "package main\n\nfunc main() {}\n",
        "go.mod": "module example.com/app\n\ngo 1.22\n",
    },
}


def fleet_repository(root: Path, quality: int, language: str) -> Path:
    """A repository with the first `quality` features of FEATURES, in `language`."""
    files = dict(BASE[language])
    for feature in FEATURES[:quality]:
        files.update(feature.get("*", feature.get(language, {})))
    make_history(root, [files])
    return root


def make_fleet(parent: Path, count: int = 20) -> list[tuple[Path, int]]:
    """`count` repositories named q<quality>-<language>-<n>, and each one's quality."""
    made = []
    for number in range(count):
        quality = number % (len(FEATURES) + 1)
        language = LANGUAGES[number % len(LANGUAGES)]
        root = parent / f"q{quality}-{language}-{number:02d}"
        made.append((fleet_repository(root, quality, language), quality))
    return made


def audited_fleet(parent: Path, count: int = 20) -> tuple[Path, list[tuple[Path, int]]]:
    """A generated fleet audited into `parent/out` (reports, HTML reports and fleet.json)."""
    from auditor.fleet import run_fleet

    fleet = make_fleet(parent / "repos", count)
    out = parent / "out"
    out.mkdir()
    run_fleet([str(root) for root, _ in fleet], out, jobs=2)
    return out, fleet
