"""package.json scripts, the JavaScript package manager that runs them, and lint-staged tasks."""

from __future__ import annotations

from typing import Any

from auditor.facts.commands.locate import LineLocator
from auditor.facts.layout.sample_dirs import is_sample_dir
from auditor.facts.model import Command
from auditor.facts.sources import FactSources

PLACEHOLDER_TEST = "no test specified"
"""What `npm init` writes into a `test` script that runs nothing."""
LOCKFILES = (
    ("pnpm-lock.yaml", "pnpm"),
    ("pnpm-workspace.yaml", "pnpm"),
    ("yarn.lock", "yarn"),
    ("bun.lockb", "bun"),
    ("bun.lock", "bun"),
    ("package-lock.json", "npm"),
)
LINT_STAGED_FILES = (
    ".lintstagedrc",
    ".lintstagedrc.json",
    ".lintstagedrc.yaml",
    ".lintstagedrc.yml",
)


def _join(directory: str, name: str) -> str:
    directory = directory.strip("/")
    return f"{directory}/{name}" if directory else name


def package_json_paths(src: FactSources) -> tuple[str, ...]:
    """Every package.json of the repository, sorted; none from test data, examples,
    playgrounds, docs or vendored code (`aside_dirs`)."""
    return tuple(
        f.path
        for f in src.repo.files
        if f.path.rsplit("/", 1)[-1] == "package.json"
        and not is_sample_dir(f.path.rpartition("/")[0])
    )


def npm_scripts(src: FactSources, directory: str = "") -> dict[str, Command]:
    """Script name -> its command (origin npm-script), for the package.json in `directory`."""
    path = _join(directory, "package.json")
    manifest = src.json(path)
    scripts = manifest.get("scripts") if isinstance(manifest, dict) else None
    if not isinstance(scripts, dict):
        return {}
    locator = LineLocator(src.text(path))
    locator.find_key("scripts")
    return {
        str(name): Command(body, path, locator.find_key(str(name)), "npm-script")
        for name, body in scripts.items()
        if isinstance(body, str) and body.strip()
    }


def has_real_test_script(src: FactSources, directory: str = "") -> bool:
    """Whether package.json has a `test` script that is not `npm init`'s placeholder."""
    test = npm_scripts(src, directory).get("test")
    return test is not None and PLACEHOLDER_TEST not in test.text


def package_manager(src: FactSources, directory: str = "") -> str:
    """npm, pnpm, yarn or bun: from `packageManager`, else the lockfile, else npm."""
    for where in dict.fromkeys((directory.strip("/"), "")):
        manifest = src.json(_join(where, "package.json"))
        declared = manifest.get("packageManager") if isinstance(manifest, dict) else None
        if isinstance(declared, str) and declared.split("@", 1)[0] in (
            "npm",
            "pnpm",
            "yarn",
            "bun",
        ):
            return declared.split("@", 1)[0]
        for lockfile, manager in LOCKFILES:
            if src.repo.file(_join(where, lockfile)):
                return manager
    return "npm"


def script_command(manager: str, name: str) -> str:
    """How `manager` runs script `name`: `npm test`, `pnpm run lint`."""
    if name == "test" and manager != "bun":  # `bun test` is bun's own runner, not the script
        return f"{manager} test"
    return f"{manager} run {name}"


def dependencies(src: FactSources, directory: str = "") -> frozenset[str]:
    """Names of the dependencies and devDependencies of the package.json in `directory`."""
    manifest = src.json(_join(directory, "package.json"))
    if not isinstance(manifest, dict):
        return frozenset()
    names: set[str] = set()
    for key in ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"):
        table = manifest.get(key)
        if isinstance(table, dict):
            names.update(str(name) for name in table)
    return frozenset(names)


def lint_staged_commands(src: FactSources) -> list[Command]:
    """The commands lint-staged runs on staged files (origin pre-commit)."""
    manifest = src.json("package.json")
    found: list[Command] = []
    if isinstance(manifest, dict) and isinstance(manifest.get("lint-staged"), dict):
        found.extend(_staged(manifest["lint-staged"], "package.json", src))
    for path in LINT_STAGED_FILES:
        if src.repo.file(path):
            config = src.yaml(path) if path.endswith(("yml", "yaml", "rc")) else src.json(path)
            found.extend(_staged(config, path, src))
    return found


def _staged(config: Any, path: str, src: FactSources) -> list[Command]:
    if not isinstance(config, dict):
        return []
    locator = LineLocator(src.text(path))
    found = []
    for value in config.values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and text.strip():
                found.append(Command(text.strip(), path, locator.find(text), "pre-commit"))
    return found
