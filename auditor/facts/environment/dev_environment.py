"""How a development environment is set up: dev containers, task runners, version pins."""

from __future__ import annotations

import re

from auditor.facts.ecosystem.projects import project_dirs
from auditor.facts.ecosystem.tables import has_table
from auditor.facts.layout.aside_dirs import lies_aside
from auditor.facts.sources import FactSources

ROOT_MARKERS: dict[str, str] = {
    ".devcontainer.json": "devcontainer",
    "Makefile": "makefile", "GNUmakefile": "makefile", "makefile": "makefile",
    "justfile": "justfile", "Justfile": "justfile", ".justfile": "justfile",
    "Taskfile.yml": "taskfile", "Taskfile.yaml": "taskfile",
    "taskfile.yml": "taskfile", "taskfile.yaml": "taskfile",
    "Taskfile.dist.yml": "taskfile", "Taskfile.dist.yaml": "taskfile",
    "tox.ini": "tox", "tox.toml": "tox",
    "noxfile.py": "nox",
    "flake.nix": "nix", "shell.nix": "nix", "default.nix": "nix", "devenv.nix": "nix",
    ".config/mise.toml": "version_pin", ".mise/config.toml": "version_pin",
    ".github/workflows/copilot-setup-steps.yml": "copilot_setup",
    ".github/workflows/copilot-setup-steps.yaml": "copilot_setup",
}  # fmt: skip
"""Root-relative paths that mark a way of setting up or driving the environment."""
VERSION_PINS = frozenset({
    ".python-version", ".nvmrc", ".node-version", ".tool-versions", "rust-toolchain",
    "rust-toolchain.toml", ".go-version", ".java-version", ".ruby-version", ".sdkmanrc",
    "mise.toml", ".mise.toml", ".python-versions",
})  # fmt: skip
"""Files that pin a toolchain version, at the root or in a project directory."""
DEVCONTAINER = re.compile(r"^\.devcontainer/(?:[^/]+/)?devcontainer\.json$")
COMPOSE = re.compile(r"^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$")
TOX_IN_SETUP_CFG = re.compile(r"^\[tox:tox\]", re.MULTILINE)
ENV_EXAMPLES = frozenset({
    ".env.example", ".env.sample", ".env.template", ".env.dist", "example.env", "env.example",
})  # fmt: skip


def dev_environment(src: FactSources) -> tuple[str, ...]:
    """Markers of a reproducible environment (devcontainer, makefile, version_pin, ...), sorted.

    Task runners (make, just, task, tox, nox) and nix count only at the root, where an agent
    starts; `dockerfile` counts at any depth (services keep theirs beside their code);
    `version_pin` at the root and in project directories (`projects.project_dirs`);
    `devcontainer` is `.devcontainer.json` or `.devcontainer/[name/]devcontainer.json`;
    `copilot_setup` is the Copilot coding agent's `copilot-setup-steps` workflow.
    """
    projects = project_dirs(src)
    found: set[str] = set()
    for record in src.repo.files:
        path = record.path
        directory, _, name = path.rpartition("/")
        if path in ROOT_MARKERS:
            found.add(ROOT_MARKERS[path])
        elif DEVCONTAINER.match(path):
            found.add("devcontainer")
        if _is_container_file(name):
            found.add("dockerfile")
        if name in VERSION_PINS and directory in projects:
            found.add("version_pin")
    if "tox" not in found and _tox_configured_elsewhere(src):
        found.add("tox")
    return tuple(sorted(found))


def _is_container_file(name: str) -> bool:
    lower = name.lower()
    for base in ("dockerfile", "containerfile"):
        if lower == base or lower.startswith(base + ".") or lower.endswith("." + base):
            return True
    return COMPOSE.match(lower) is not None


def _tox_configured_elsewhere(src: FactSources) -> bool:
    """tox's configuration in `[tool.tox]` of pyproject.toml or `[tox:tox]` of setup.cfg."""
    if src.repo.file("pyproject.toml") and has_table(src.toml("pyproject.toml"), "tool", "tox"):
        return True
    setup_cfg = src.text("setup.cfg") if src.repo.file("setup.cfg") else None
    return setup_cfg is not None and TOX_IN_SETUP_CFG.search(setup_cfg) is not None


def env_example(src: FactSources) -> str | None:
    """The path of the example environment file (.env.example and kin), or None.

    The shallowest wins (ties: by path); files under test, fixture, example and docs
    directories are data, not the repository's own example.
    """
    found = [
        record.path
        for record in src.repo.files
        if record.path.rpartition("/")[2] in ENV_EXAMPLES
        and not lies_aside(record.path.rpartition("/")[0])
    ]
    return min(found, key=lambda path: (path.count("/"), path), default=None)
