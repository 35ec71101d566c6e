"""A repository in which everything that could be run writes a marker: the no-execution fixture.

Each trap writes `markers/<trap name>` (a directory outside the repository) when its tool runs
it: Python files when imported or executed, shell commands when a shell runs them, the
Makefile when make merely parses it, git hooks and the commands of `.git/config` when git
starts them, and an executable `git` at the top when a careless PATH (`.` or an empty entry)
finds it. After any auditor command, that directory must still be empty.
"""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

from tests.conftest import write_repo

PYTHON_TRAPS = (
    "setup.py",
    "conftest.py",
    "noxfile.py",
    "tests/conftest.py",
    "tests/test_trap.py",
    "trap_backend.py",
    "trap_rules.py",
    "click.py",
    "auditor.py",
    "yaml.py",
    "sitecustomize.py",
    "usercustomize.py",
    "docs/conf.py",
)
"""Files Python would run: setup.py, pytest's and nox's files, the build backend and the entry
point the pyproject names, modules that shadow the auditor's own imports, Sphinx's conf.py."""
NPM_SCRIPTS = ("preinstall", "install", "postinstall", "prepare", "pretest", "test", "build")
GIT_HOOKS = (
    "pre-commit",
    "post-checkout",
    "post-index-change",
    "pre-auto-gc",
    "reference-transaction",
    "fsmonitor-watchman",
)
"""Hooks, in `.git/hooks/` and in the `core.hooksPath` directory the config names."""
GIT_COMMANDS = {
    "core.fsmonitor": "git-fsmonitor",
    "core.pager": "git-pager",
    "core.editor": "git-editor",
    "core.sshCommand": "git-ssh",
    "core.askPass": "git-askpass",
    "diff.external": "git-diff-external",
    "diff.trap.textconv": "git-textconv",
    "filter.trap.clean": "git-filter-clean",
    "filter.trap.smudge": "git-filter-smudge",
    "filter.trap.process": "git-filter-process",
    "credential.helper": "git-credential",
    "gpg.program": "git-gpg",
    "sequence.editor": "git-sequence-editor",
}
"""`.git/config` keys whose value git runs as a program, and the marker each one writes."""


def marker_name(rel: str) -> str:
    """The marker a trap at `rel` writes: its path, flattened."""
    return rel.replace("/", "-")


def python_trap(markers: Path, rel: str) -> str:
    return f"open({str(markers / marker_name(rel))!r}, 'w').close()\nRULES = ()\n"


def shell_trap(markers: Path, name: str) -> str:
    return f"touch {shlex.quote(str(markers / name))}"


def script_trap(markers: Path, name: str) -> str:
    return f"#!/bin/sh\n{shell_trap(markers, name)}\n"


def trapped_repo(root: Path, markers: Path) -> Path:
    """The trapped repository at `root`, committed, with its git traps planted afterwards
    (so that the commit itself sets none of them off)."""
    markers.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | bytes] = {rel: python_trap(markers, rel) for rel in PYTHON_TRAPS}
    files.update(
        {
            "README.md": "# trap\n\nRun the tests with `make test` or `npm test`.\n",
            "AGENTS.md": "# Agents\n\nRun `make test` and `tox`.\n",
            "Makefile": (
                f"PARSED := $(shell {shell_trap(markers, 'make-parse')})\n"
                f"all test install:\n\t{shell_trap(markers, 'make-target')}\n"
            ),
            "package.json": json.dumps(
                {
                    "name": "trap",
                    "version": "1.0.0",
                    "scripts": {s: shell_trap(markers, f"npm-{s}") for s in NPM_SCRIPTS},
                },
                indent=2,
            ),
            ".pre-commit-config.yaml": (
                "repos:\n  - repo: local\n    hooks:\n      - id: trap\n        name: trap\n"
                f"        entry: {shell_trap(markers, 'pre-commit-hook')}\n"
                "        language: system\n        always_run: true\n"
                "        pass_filenames: false\n"
            ),
            "tox.ini": (
                "[tox]\nenvlist = py\n\n[testenv]\nallowlist_externals = touch\n"
                f"commands_pre = {shell_trap(markers, 'tox-pre')}\n"
                f"commands = {shell_trap(markers, 'tox')}\n"
            ),
            "pyproject.toml": (
                '[build-system]\nrequires = []\nbuild-backend = "trap_backend"\n'
                'backend-path = ["."]\n\n[project]\nname = "trap"\nversion = "0"\n\n'
                '[project.scripts]\ntrap = "trap_rules:main"\n\n'
                '[project.entry-points."auditor.rules"]\ntrap = "trap_rules:RULES"\n\n'
                '[project.entry-points."auditor.reports"]\ntrap = "trap_rules:render"\n\n'
                '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
            ),
            ".gitattributes": "* filter=trap diff=trap\n",
            ".envrc": shell_trap(markers, "direnv") + "\n",
            "justfile": f"test:\n    {shell_trap(markers, 'just')}\n",
        }
    )
    for hook in GIT_HOOKS:
        files[f".githooks/{hook}"] = script_trap(markers, f"hooks-path-{hook}")
    for name in GIT_COMMANDS.values():
        files[f"tools/{name}"] = script_trap(markers, name)
    files["git"] = script_trap(markers, "planted-git")
    write_repo(root, files, git=True)
    for executable in [*root.glob(".githooks/*"), *root.glob("tools/*"), root / "git"]:
        executable.chmod(0o755)
    (root / "untracked.py").write_text(python_trap(markers, "untracked.py"), "utf-8")
    _plant_git_traps(root, markers)
    return root


def _plant_git_traps(root: Path, markers: Path) -> None:
    hooks = root / ".git" / "hooks"
    for hook in GIT_HOOKS:
        path = hooks / hook
        path.write_text(script_trap(markers, f"git-hook-{hook}"), "utf-8")
        path.chmod(0o755)
    for key, name in {**GIT_COMMANDS, "core.hooksPath": ""}.items():
        value = str(root / "tools" / name) if name else ".githooks"
        subprocess.run(["git", "config", key, value], cwd=root, check=True, capture_output=True)
