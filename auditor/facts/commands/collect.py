"""Commands the repository runs or documents: CI steps, hooks, task runners, scripts, docs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from auditor.facts.ci.commands import ci_commands
from auditor.facts.commands.documented import document_commands
from auditor.facts.model import Command
from auditor.facts.runners.hooks import hook_commands
from auditor.facts.runners.justfile import just_recipes
from auditor.facts.runners.makefile import make_targets, makefiles
from auditor.facts.runners.nox_sessions import nox_sessions
from auditor.facts.runners.package_scripts import npm_scripts
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.tox_config import tox_envs
from auditor.facts.sources import FactSources

__all__ = [
    "collect_commands",
    "docs_files",
    "just_recipes",
    "make_targets",
    "nox_sessions",
    "npm_scripts",
    "tox_envs",
]

DOCS_FILE = re.compile(
    r"""(?:readme|contributing|development|developing|hacking)(?:\.[\w.-]+)?
      | \.github/contributing(?:\.\w+)?
      | docs?/(?:[^/]+/){0,2}(?:contributing|development|developing|hacking|dev[-_]guide)
        (?:\.\w+|/[^/]+)?""",
    re.VERBOSE | re.IGNORECASE,
)
DOC_SUFFIXES = ("", ".md", ".markdown", ".mdx", ".rst", ".txt")
"""Where developer documentation is looked for commands (full, case-insensitive match): the
files so named, and those in a `docs/contributing/` (or development) directory."""


def docs_files(src: FactSources) -> tuple[str, ...]:
    """README, CONTRIBUTING and development guides whose commands count (origin docs), sorted."""
    found = []
    for record in src.repo.files:
        name = record.path.rsplit("/", 1)[-1]
        suffix = name[name.find(".") :].lower() if "." in name else ""
        if record.is_text and DOCS_FILE.fullmatch(record.path) and suffix in DOC_SUFFIXES:
            found.append(record.path)
    return tuple(sorted(found))


def collect_commands(src: FactSources, instruction_files: tuple[str, ...]) -> tuple[Command, ...]:
    """Every command found, in a stable order (by path, then line; 1-based lines).

    Origins and what each holds:

    - `ci`: each command line of GitHub Actions `run:` steps (and of composite actions),
      GitLab `script`/`before_script`/`after_script`, CircleCI `run`, Azure `script`/`bash`/
      `pwsh`, Travis, AppVeyor, Buildkite, Bitbucket, Drone, Woodpecker, Semaphore and Cirrus
      scripts, Jenkinsfile `sh`/`bat` steps. Multi-line scripts are cut into lines
      (continuations joined, comments, bare `fi`/`done` and here-documents left out). In
      GitHub workflows `${{ env.X }}` takes the plain value of `env:`, `${{ matrix.X }}` the
      key's one value or, for a key that lists directories (one is `.`), each of them (one
      command per value, at the step's line), and a step's `working-directory` becomes
      `cd DIR && ...`, and so does a `cd DIR` on an earlier line of the same script.
      `uses:` steps are not commands, except `actions-rs/cargo` and
      `gradle/gradle-build-action`, which only run the command their inputs name (`cargo
      test --all`).
    - `pre-commit`: hooks of .pre-commit-config.yaml (the hook id for a hook repository's
      hook, `entry args` for a `local` hook; `stages: [manual]` hooks left out), lefthook and
      husky `pre-commit` commands, simple-git-hooks, lint-staged tasks.
    - `make`, `just`, `task`, `npm-script`, `tox`, `nox`, `hatch`, `pdm`, `poe`: the recipe
      lines, script bodies, env and session commands (Makefile variables expanded). Makefiles
      and package.json files of samples, templates, docs and test data are not the
      repository's (`sample_dirs`).
    - `instructions` (the `instruction_files`) and `docs` (`docs_files`): shell code blocks,
      console blocks (their `$ ` lines), unlabelled blocks and inline code that start with a
      known program, prompts stripped; plain-text files' "quoted" commands too. A block runs
      in the directory the paragraph before it names and follows its own `cd` lines.
    """
    runners = runners_of(src)
    found = [
        *ci_commands(src),
        *hook_commands(src),
        *_make_commands(src, runners),
        *_task_runner_commands(runners),
        *_python_runner_commands(runners),
        *_documented_commands(src, instruction_files),
    ]
    unique = dict.fromkeys(found)
    return tuple(sorted(unique, key=lambda c: (c.path, c.line or 0)))


def _flatten(table: Mapping[str, Iterable[Command]]) -> Iterator[Command]:
    """The commands of every entry of `table`, entry by entry."""
    return (command for commands in table.values() for command in commands)


def _make_commands(src: FactSources, runners: TaskRunners) -> list[Command]:
    """The recipe lines of every target of every Makefile of the repository."""
    found: list[Command] = []
    for path in makefiles(src):
        directory = path.rpartition("/")[0]
        found.extend(c for target in runners.make(directory).values() for c in target.recipe)
    return found


def _task_runner_commands(runners: TaskRunners) -> list[Command]:
    """just recipe bodies, Taskfile task commands and package.json scripts."""
    found: list[Command] = [c for recipe in runners.just.values() for c in recipe.body]
    found.extend(c for task in runners.tasks.values() for c in task.commands)
    for directory in runners.package_dirs:
        found.extend(runners.scripts(directory).values())
    return found


def _python_runner_commands(runners: TaskRunners) -> list[Command]:
    """tox (base and env commands), nox sessions, hatch, pdm and poe scripts."""
    found: list[Command] = []
    tox = runners.tox
    if tox is not None:
        found.extend(tox.base)
        found.extend(_flatten(tox.envs))
    if runners.nox is not None:
        found.extend(_flatten(runners.nox.sessions))
    for table in (runners.hatch, runners.pdm, runners.poe):
        found.extend(_flatten(table))
    return found


def _documented_commands(src: FactSources, instruction_files: tuple[str, ...]) -> list[Command]:
    """Commands of the instruction files (origin instructions), then of the other docs (docs)."""
    found: list[Command] = []
    docs = [path for path in docs_files(src) if path not in instruction_files]
    for origin, paths in (("instructions", instruction_files), ("docs", docs)):
        for path in paths:
            text = src.text(path)
            if text is not None:
                found.extend(document_commands(path, text, origin, src.repo.is_dir))
    return found
