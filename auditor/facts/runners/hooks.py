"""Git hook commands: pre-commit hooks, lefthook and husky `pre-commit` scripts, lint-staged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.facts.ci.providers import LEFTHOOK_FILES
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.runners.package_scripts import lint_staged_commands
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources

PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
LOCAL_REPOS = frozenset({"local", "meta"})


@dataclass(frozen=True, slots=True)
class PreCommitHook:
    """A hook of .pre-commit-config.yaml: its id, the repository it comes from, its command.

    The command's text is the hook id for a hook from a hook repository, and the hook's
    `entry` (with its `args`) for a `local` hook, whose entry is the command it runs.
    """

    id: str
    repo: str
    command: Command
    manual: bool = False
    """Its only stage is `manual`: it runs on request (`--hook-stage manual`), not on commit."""


def pre_commit_hooks(src: FactSources) -> tuple[PreCommitHook, ...]:
    """The hooks of .pre-commit-config.yaml, in file order."""
    config = src.yaml(PRE_COMMIT_CONFIG)
    repos = config.get("repos") if isinstance(config, dict) else None
    if not isinstance(repos, list):
        return ()
    locator = LineLocator(src.text(PRE_COMMIT_CONFIG))
    found = []
    for repo in repos:
        if not isinstance(repo, dict) or not isinstance(repo.get("hooks"), list):
            continue
        url = str(repo.get("repo", ""))
        for hook in repo["hooks"]:
            if not isinstance(hook, dict) or not isinstance(hook.get("id"), str):
                continue
            line = locator.find(hook["id"])
            text = hook["id"]
            if url in LOCAL_REPOS and isinstance(hook.get("entry"), str):
                args = hook.get("args")
                words = [str(a) for a in args] if isinstance(args, list) else []
                text = " ".join([hook["entry"].strip(), *words])
            command = Command(text, PRE_COMMIT_CONFIG, line, "pre-commit")
            found.append(PreCommitHook(hook["id"], url, command, hook.get("stages") == ["manual"]))
    return tuple(found)


def hook_commands(src: FactSources) -> list[Command]:
    """Every command a git hook manager runs before a commit (origin pre-commit)."""
    found = [hook.command for hook in pre_commit_hooks(src) if not hook.manual]
    for path in LEFTHOOK_FILES:
        if src.repo.file(path):
            found.extend(_lefthook(src.yaml(path), path, LineLocator(src.text(path))))
    husky = ".husky/pre-commit"
    text = src.text(husky)
    if text is not None:
        for line, command in script_lines(text, 1):
            if "husky.sh" not in command and not command.startswith((". ", "source ")):
                found.append(Command(command, husky, line, "pre-commit"))
    found.extend(_simple_git_hooks(src))
    found.extend(lint_staged_commands(src))
    return found


def _simple_git_hooks(src: FactSources) -> Iterator[Command]:
    """The `pre-commit` command of simple-git-hooks (package.json or .simple-git-hooks.json)."""
    for path, key in (("package.json", "simple-git-hooks"), (".simple-git-hooks.json", None)):
        config = src.json(path) if src.repo.file(path) else None
        hooks = config.get(key) if key and isinstance(config, dict) else config
        command = hooks.get("pre-commit") if isinstance(hooks, dict) else None
        if isinstance(command, str) and command.strip():
            locator = LineLocator(src.text(path))
            yield Command(command.strip(), path, locator.find(command), "pre-commit")


def _lefthook(config: Any, path: str, locator: LineLocator) -> Iterator[Command]:
    hook = config.get("pre-commit") if isinstance(config, dict) else None
    if not isinstance(hook, dict):
        return
    commands = hook.get("commands")
    entries = list(commands.values()) if isinstance(commands, dict) else []
    jobs = hook.get("jobs")
    entries.extend(jobs if isinstance(jobs, list) else [])
    for entry in entries:
        run = entry.get("run") if isinstance(entry, dict) else None
        if isinstance(run, str) and run.strip():
            yield Command(run.strip(), path, locator.find(run), "pre-commit")
