"""Continuous integration providers and files, and whether commits pass through pre-commit hooks."""

from __future__ import annotations

import re
from typing import Any

from auditor.facts.sources import FactSources

PROVIDER_FILES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (provider, re.compile(pattern))
    for provider, pattern in (
        ("github-actions", r"\.github/workflows/[^/]+\.ya?ml|\.github/actions/.+/action\.ya?ml"),
        ("gitlab-ci", r"\.gitlab-ci\.ya?ml|\.gitlab/ci/.+\.ya?ml"),
        ("circleci", r"\.circleci/config\.ya?ml"),
        (
            "azure-pipelines",
            r"\.?azure-pipelines(?:\.ya?ml|/.+\.ya?ml)|\.azure/pipelines/.+\.ya?ml",
        ),
        ("jenkins", r"Jenkinsfile(?:\.\w+)?|.+\.jenkinsfile"),
        ("travis", r"\.travis\.ya?ml"),
        ("buildkite", r"\.buildkite/[^/]*pipeline[^/]*\.ya?ml"),
        ("bitbucket-pipelines", r"bitbucket-pipelines\.ya?ml"),
        ("drone", r"\.drone\.ya?ml"),
        ("appveyor", r"\.?appveyor\.ya?ml"),
        ("woodpecker", r"\.woodpecker\.ya?ml|\.woodpecker/[^/]+\.ya?ml"),
        ("cirrus-ci", r"\.cirrus\.ya?ml"),
        ("semaphore", r"\.semaphore/[^/]+\.ya?ml"),
        ("gitea-actions", r"\.(?:gitea|forgejo)/workflows/[^/]+\.ya?ml"),
    )
)
"""CI providers and the paths of their configuration files (full matches)."""

LEFTHOOK_FILES = ("lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml")


def ci_file_providers(src: FactSources) -> dict[str, str]:
    """Each CI configuration file, mapped to its provider."""
    return src.derived("ci_file_providers", lambda: _ci_file_providers(src))


def _ci_file_providers(src: FactSources) -> dict[str, str]:
    found: dict[str, str] = {}
    for record in src.repo.files:
        for provider, pattern in PROVIDER_FILES:
            if pattern.fullmatch(record.path):
                found[record.path] = provider
                break
    return found


def ci_files(src: FactSources) -> tuple[str, ...]:
    """Paths of the CI configuration files, sorted."""
    return tuple(sorted(ci_file_providers(src)))


def ci_providers(src: FactSources) -> tuple[str, ...]:
    """Names of the CI providers configured, sorted.

    A `.github/actions/*/action.yml` alone (a published action) does not make a CI.
    """
    files = ci_file_providers(src)
    providers = {
        provider
        for path, provider in files.items()
        if not (provider == "github-actions" and path.startswith(".github/actions/"))
    }
    return tuple(sorted(providers))


def hook_managers(src: FactSources) -> tuple[str, ...]:
    """The git hook managers that run checks before each commit, sorted."""
    found = []
    config = src.yaml(".pre-commit-config.yaml")
    if isinstance(config, dict) and any(_hooks(repo) for repo in _list(config.get("repos"))):
        found.append("pre-commit")
    if any(_lefthook_pre_commit(src.yaml(path)) for path in LEFTHOOK_FILES):
        found.append("lefthook")
    husky = src.text(".husky/pre-commit")
    if husky is not None and any(_is_hook_line(line) for line in husky.splitlines()):
        found.append("husky")
    package = src.json("package.json")
    simple = package.get("simple-git-hooks") if isinstance(package, dict) else None
    simple = simple if isinstance(simple, dict) else src.json(".simple-git-hooks.json")
    if isinstance(simple, dict) and simple.get("pre-commit"):
        found.append("simple-git-hooks")
    return tuple(sorted(found))


def uses_pre_commit(src: FactSources) -> bool:
    """Whether commits pass through checks: a pre-commit config with at least one hook, or a
    lefthook, husky or simple-git-hooks `pre-commit` hook that runs something.

    Hook managers other than pre-commit count because the fact is about the feedback loop
    (checks before a commit), not about one tool; `hook_managers` says which.
    """
    return bool(hook_managers(src))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _hooks(repo: Any) -> list[Any]:
    return (
        [hook for hook in _list(repo.get("hooks")) if isinstance(hook, dict)]
        if isinstance(repo, dict)
        else []
    )


def _lefthook_pre_commit(config: Any) -> bool:
    hook = config.get("pre-commit") if isinstance(config, dict) else None
    if not isinstance(hook, dict):
        return False
    return bool(hook.get("commands") or hook.get("jobs") or hook.get("scripts"))


def _is_hook_line(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and not stripped.startswith(("#", ". ", "source "))
        and "husky.sh" not in stripped
    )
