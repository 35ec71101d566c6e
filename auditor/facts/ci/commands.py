"""Commands CI runs: `run:` steps, `script:` lists, Jenkinsfile `sh` calls, and their kin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.facts.ci.github_workflows import action_uses, github_scripts, synthesised_commands
from auditor.facts.ci.log_styling import without_log_styling
from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.shell.directories import final_directory, located_script_lines
from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at

APPVEYOR = frozenset(
    {
        "install",
        "before_build",
        "build_script",
        "after_build",
        "before_test",
        "test_script",
        "after_test",
        "on_success",
        "on_failure",
        "on_finish",
    }
)
TRAVIS = frozenset(
    {
        "before_install",
        "install",
        "before_script",
        "script",
        "after_script",
        "after_success",
        "before_deploy",
        "before_cache",
    }
)
COMMAND_KEYS: dict[str, frozenset[str]] = {
    "github-actions": frozenset({"run"}),
    "gitea-actions": frozenset({"run"}),
    "gitlab-ci": frozenset({"script", "before_script", "after_script"}),
    "circleci": frozenset({"run"}),
    "azure-pipelines": frozenset({"script", "bash", "pwsh", "powershell"}),
    "travis": TRAVIS,
    "buildkite": frozenset({"command", "commands"}),
    "bitbucket-pipelines": frozenset({"script", "after-script"}),
    "drone": frozenset({"commands"}),
    "woodpecker": frozenset({"commands"}),
    "semaphore": frozenset({"commands"}),
    "appveyor": APPVEYOR,
    "cirrus-ci": frozenset({"script"}),
}
"""Per provider, the mapping keys whose values are shell commands (Cirrus: also `*_script`)."""
NESTED_COMMAND_KEYS = ("command", "cmd", "sh", "ps", "pwsh", "script")
"""Keys of a mapping value that hold the command (CircleCI `run: {command}`, AppVeyor `cmd`)."""
JENKINS_STEP = re.compile(
    r"""\b(?:sh|bat|powershell|pwsh)\s*+\(?+\s*+(?:script\s*+:\s*+)?
        (?P<q>'''|\"\"\"|'|")(?P<body>.*?)(?P=q)""",
    re.VERBOSE | re.DOTALL,
)


def ci_commands(src: FactSources) -> list[Command]:
    """Every command the CI configuration files run, with origin `ci`."""
    found: list[Command] = []
    for path, provider in sorted(ci_file_providers(src).items()):
        found.extend(file_commands(src, path, provider))
    return found


def file_commands(src: FactSources, path: str, provider: str, config: Any = None) -> list[Command]:
    """The commands of one CI file of `provider` (of `config`, a part of it, when given)."""
    if provider == "jenkins":
        return list(_jenkins_commands(path, src.text(path) or ""))
    config = src.yaml(path) if config is None else config
    locator = LineLocator(src.text(path))
    github = provider in ("github-actions", "gitea-actions")
    scripts = (
        ((s.written, s.script, s.directory) for s in github_scripts(config))
        if github
        else ((s, s, d) for s, d in _scripts(config, provider))
    )
    found: list[Command] = []
    for written, script, directory in scripts:
        found.extend(script_commands(script, path, locator, written, directory))
    if github:
        found.extend(synthesised_commands(action_uses(src, path)))
    return found


def _scripts(value: Any, provider: str) -> Iterator[tuple[str, str]]:
    """The command strings under the provider's command keys, anywhere in `value`, each with
    the directory it starts in: the items of one job's command keys run in one shell, in
    order (GitLab `before_script` then `script`, a Travis job's phases), so a `cd build` in
    one item holds for the next."""
    keys = COMMAND_KEYS.get(provider, frozenset())
    if isinstance(value, dict):
        cwd = ""
        for key, item in value.items():
            if key in keys or (provider == "cirrus-ci" and str(key).endswith("_script")):
                for script in _command_values(item):
                    yield script, cwd
                    cwd = final_directory(script, cwd)
            else:
                yield from _scripts(item, provider)
    elif isinstance(value, list):
        for item in value:
            yield from _scripts(item, provider)


def _command_values(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _command_values(item)
    elif isinstance(value, dict):
        for key in NESTED_COMMAND_KEYS:
            if isinstance(value.get(key), str):
                yield value[key]
                return


def script_commands(
    script: str,
    path: str,
    locator: LineLocator,
    written: str | None = None,
    directory: str | None = None,
) -> Iterator[Command]:
    """The command lines of `script`, located by the text as `written` in the file, each
    written `cd DIR && line` when it runs in DIR: the step's `working-directory`, or a `cd`
    on an earlier line of the script (`located_script_lines`)."""
    lines = script.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    at = locator.find(written or script)
    base = None if at is None else at - first
    for line, text in located_script_lines(script, base, directory or ""):
        yield Command(without_log_styling(text), path, line, "ci")


def _jenkins_commands(path: str, text: str) -> Iterator[Command]:
    for match in JENKINS_STEP.finditer(text):
        first = line_at(text, match.start("body"))
        for line, command in located_script_lines(match.group("body"), first):
            yield Command(command, path, line, "ci")
