"""What a workspace package inherits from its workspace root: manager, lockfile, tools, CI.

A package's own files say little about how it is worked on: in a pnpm, yarn, uv or cargo
workspace the package manager, the lockfile, the CI, the hooks, the linters and the agent
instructions usually live at the root and serve every package. `inherit` merges the root's
facts into the facts derived from the package's own files:

- package managers and lockfiles: the root's, for the ecosystems the package uses, when the
  package has no lockfile of its own (its `npm`/`pip` was only the fallback guess); test
  commands the package derived with that fallback (`npm test`, `npx vitest run`) are spelled
  with the root's manager (`pnpm test`, `pnpm exec vitest run`);
- test frameworks of the root for the package's languages; the root's test commands after the
  package's own (they run from the root);
- the root's vendored, generated, data and fixture paths inside the package;
- the root's CONTRIBUTING, licence, security policy, code of conduct and CODEOWNERS where the
  package has none of its own;
- linters, formatters and type checkers the root runs, for the package's languages; pre-commit;
  CI providers and files; the root-level agent instruction files (agents read them from any
  directory below).

Inherited paths are relative to the package (`../../pnpm-lock.yaml`); a package view reads
them from the root. Everything else (languages, tests, README, sizes, profile) is the package's.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace

from auditor.facts.model import Command, Docs, Facts, SetAside, ToolUse

PYTHON = frozenset({"uv", "pip", "poetry", "pdm", "hatch", "pipenv", "conda"})
JAVASCRIPT = frozenset({"npm", "pnpm", "yarn", "bun"})
FRAMEWORK_LANGUAGES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("pytest", "unittest"), frozenset({"python"})),
    **dict.fromkeys(
        ("vitest", "jest", "mocha", "jasmine", "playwright", "cypress", "ava", "karma"),
        frozenset({"javascript", "typescript"}),
    ),
    "go test": frozenset({"go"}),
    "cargo test": frozenset({"rust"}),
    **dict.fromkeys(("junit", "testng", "kotest", "spock"), frozenset({"java", "kotlin", "scala"})),
    **dict.fromkeys(("rspec", "minitest"), frozenset({"ruby"})),
    **dict.fromkeys(("phpunit", "pest"), frozenset({"php"})),
    **dict.fromkeys(("xunit", "nunit", "mstest"), frozenset({"csharp"})),
}
"""The languages a test framework tests; a framework not listed is inherited by any package."""
TOOL_LANGUAGES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("ruff", "flake8", "pylint", "black", "isort", "mypy", "pyright", "basedpyright", "ty"),
        frozenset({"python"}),
    ),
    **dict.fromkeys(
        ("eslint", "oxlint", "biome", "tsc", "standard", "xo", "svelte-check"),
        frozenset({"javascript", "typescript"}),
    ),
    **dict.fromkeys(("clippy", "rustfmt"), frozenset({"rust"})),
    **dict.fromkeys(
        ("gofmt", "goimports", "govet", "golangci-lint", "staticcheck"), frozenset({"go"})
    ),
}
"""The languages a tool checks; a tool not listed (prettier, shellcheck) is inherited by all."""
LOCKFILE_ECOSYSTEMS = {
    "uv.lock": "python", "poetry.lock": "python", "pdm.lock": "python",
    "Pipfile.lock": "python", "conda-lock.yml": "python", "package-lock.json": "javascript",
    "npm-shrinkwrap.json": "javascript", "pnpm-lock.yaml": "javascript",
    "yarn.lock": "javascript", "bun.lockb": "javascript", "bun.lock": "javascript",
    "Cargo.lock": "cargo", "go.sum": "go", "go.work.sum": "go", "Gemfile.lock": "bundler",
    "gems.locked": "bundler", "composer.lock": "composer", "gradle.lockfile": "gradle",
    "packages.lock.json": "dotnet", "Package.resolved": "swiftpm", "flake.lock": "nix",
}  # fmt: skip
"""The ecosystem a root lockfile locks; other pinned files (requirements) count as Python."""
FALLBACK_SPELLINGS = (("npm test", "{m} test"), ("npm run ", "{m} run "), ("npx ", "{m} exec "))


def inherit(own: Facts, root: Facts, directory: str) -> Facts:
    """`own` (a package's facts) with what it inherits from `root` (its workspace root's)."""
    up = "../" * len([part for part in directory.split("/") if part])
    languages = frozenset(own.languages)
    managers, lockfiles = _managers(own, root, up)
    commands = _respelled(own.test_commands, own, managers)
    return replace(
        own,
        package_managers=managers,
        lockfiles=lockfiles,
        test_frameworks=_union(own.test_frameworks, _for(root.test_frameworks, languages)),
        test_commands=_unique((*commands, *(_moved(c, up) for c in root.test_commands))),
        tools=_tools(own.tools, root.tools, languages, up),
        pre_commit=own.pre_commit or root.pre_commit,
        ci_providers=_union(own.ci_providers, root.ci_providers),
        ci_files=(*own.ci_files, *(up + path for path in root.ci_files)),
        instruction_files=(*own.instruction_files, *_root_level(root.instruction_files, up)),
        set_aside=_set_aside(own, root, directory, up),
        set_aside_files=own.set_aside_files | _below(root.set_aside_files, directory),
        docs=_docs(own, root, up),
        parent=root,
    )


SHARED_DOCS = ("contributing", "license", "security", "code_of_conduct", "codeowners")
"""The root's documents that speak for every package (its README and architecture are its own)."""


def _docs(own: Facts, root: Facts, up: str) -> Docs:
    """The package's documents, with the root's CONTRIBUTING, licence, security policy, code
    of conduct and CODEOWNERS where the package has none of its own."""
    found = {
        name: up + path
        for name in SHARED_DOCS
        if getattr(own.docs, name) is None and (path := getattr(root.docs, name)) is not None
    }
    if "license" in found:
        found["license_spdx"] = root.docs.license_spdx
    return replace(own.docs, **found) if found else own.docs


def _set_aside(own: Facts, root: Facts, directory: str, up: str) -> tuple[SetAside, ...]:
    """The package's own set-aside paths and the root's inside the package, by path."""
    prefix = directory.rstrip("/") + "/"
    have = {entry.path for entry in own.set_aside}
    moved = [
        replace(
            entry,
            path=entry.path[len(prefix) :],
            source=entry.source[len(prefix) :]
            if entry.source.startswith(prefix)
            else up + entry.source,
        )
        for entry in root.set_aside
        if entry.path.startswith(prefix) and entry.path[len(prefix) :] not in have
    ]
    return tuple(sorted((*own.set_aside, *moved), key=lambda entry: entry.path))


def _below(paths: frozenset[str], directory: str) -> frozenset[str]:
    prefix = directory.rstrip("/") + "/"
    return frozenset(path[len(prefix) :] for path in paths if path.startswith(prefix))


def _ecosystem(manager: str) -> str:
    return "python" if manager in PYTHON else "javascript" if manager in JAVASCRIPT else manager


def _managers(own: Facts, root: Facts, up: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if own.lockfiles:
        return own.package_managers, own.lockfiles
    used = {_ecosystem(m) for m in own.package_managers}
    served = {_ecosystem(m) for m in root.package_managers} & used
    managers = {m for m in own.package_managers if _ecosystem(m) not in served}
    managers.update(m for m in root.package_managers if _ecosystem(m) in served)
    lockfiles = tuple(
        up + path
        for path in root.lockfiles
        if "/" not in path and LOCKFILE_ECOSYSTEMS.get(path, "python") in served
    )
    return tuple(sorted(managers)), lockfiles


def _respelled(
    commands: Iterable[Command], own: Facts, managers: tuple[str, ...]
) -> tuple[Command, ...]:
    """Commands spelled with the fallback `npm` by the package, spelled with the real manager."""
    real = next((m for m in managers if m in JAVASCRIPT and m != "npm"), None)
    if real is None or "npm" in managers:
        return tuple(commands)
    spelled = []
    for command in commands:
        text = command.text
        if command.origin in ("npm-script", "default"):
            for fallback, spelling in FALLBACK_SPELLINGS:
                if text.startswith(fallback):
                    text = spelling.format(m=real) + text[len(fallback) :]
                    break
        spelled.append(replace(command, text=text))
    return tuple(spelled)


def _for(names: Iterable[str], languages: frozenset[str]) -> tuple[str, ...]:
    return tuple(name for name in names if FRAMEWORK_LANGUAGES.get(name, languages) & languages)


def _tools(
    own: tuple[ToolUse, ...], root: tuple[ToolUse, ...], languages: frozenset[str], up: str
) -> tuple[ToolUse, ...]:
    have = {(tool.name, tool.kind) for tool in own}
    inherited = [
        replace(
            tool,
            config=up + tool.config if tool.config else None,
            runs=tuple(_moved(command, up) for command in tool.runs),
        )
        for tool in root
        if (tool.name, tool.kind) not in have
        and TOOL_LANGUAGES.get(tool.name, languages) & languages
    ]
    return tuple(sorted((*own, *inherited), key=lambda t: (t.kind, t.name)))


def _moved(command: Command, up: str) -> Command:
    """A root test command as the package sees it: read from `../../CONTRIBUTING.md`, run
    from the root (`cd ../.. && pnpm test`), so that it runs as written from the package."""
    if not up:
        return command
    text = f"cd {up.rstrip('/')} && {command.text}"
    return replace(command, text=text, path=posixpath.normpath(up + command.path))


def _root_level(paths: Iterable[str], up: str) -> tuple[str, ...]:
    """Instruction files at the root or in its hidden directories (`.github/...`)."""
    return tuple(up + p for p in paths if "/" not in p or p.startswith("."))


def _union(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({*first, *second}))


def _unique(commands: Iterable[Command]) -> tuple[Command, ...]:
    seen: dict[str, Command] = {}
    for command in commands:
        seen.setdefault(command.text, command)
    return tuple(seen.values())
