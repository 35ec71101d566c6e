"""GitHub Actions workflows: steps with the env and directory they run in, and `uses:` steps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.sources import FactSources

ENV_EXPRESSION = re.compile(r"\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}")
SYNTHESISED_ACTIONS = {"actions-rs/cargo": "cargo", "gradle/gradle-build-action": "gradle"}
"""Actions that only run a command given in `with:`; CI runs that command."""


@dataclass(frozen=True, slots=True)
class ActionUse:
    """A `uses:` step of a GitHub workflow: the action (without its version) and its inputs."""

    action: str
    inputs: dict[str, Any]
    path: str
    line: int | None

    @property
    def step(self) -> Command:
        return Command(f"uses: {self.action}", self.path, self.line, "ci")


def action_uses(src: FactSources, path: str) -> list[ActionUse]:
    """The `uses:` steps of a workflow or composite action file, in document order."""
    locator = LineLocator(src.text(path))
    found = []
    for step in _steps(src.yaml(path)):
        uses = step.get("uses")
        if isinstance(uses, str) and not uses.startswith(("./", "docker://")):
            inputs = step.get("with")
            found.append(
                ActionUse(
                    uses.split("@", 1)[0].lower(),
                    inputs if isinstance(inputs, dict) else {},
                    path,
                    locator.find(uses),
                )
            )
    return found


def workflow_action_uses(src: FactSources) -> list[ActionUse]:
    """The `uses:` steps of every GitHub (and Gitea/Forgejo) workflow and composite action."""
    providers = ci_file_providers(src)
    return [
        use
        for path in sorted(providers)
        if providers[path] in ("github-actions", "gitea-actions")
        for use in action_uses(src, path)
    ]


def _steps(config: Any) -> Iterator[dict[str, Any]]:
    for step, _, _ in _steps_with_env(config):
        yield step


def _steps_with_env(config: Any) -> Iterator[tuple[dict[str, Any], dict[str, str], Any]]:
    """The steps of a workflow's jobs (or a composite action), each with the `env` it sees
    and the job's default working directory."""
    if not isinstance(config, dict):
        return
    top = _env(config.get("env"))
    jobs = config.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else ():
        if not isinstance(job, dict):
            continue
        steps = job.get("steps")
        env = {**top, **_env(job.get("env"))}
        directory = _default_directory(config) or _default_directory(job)
        for step in steps if isinstance(steps, list) else ():
            if isinstance(step, dict):
                yield step, {**env, **_env(step.get("env"))}, directory
    runs = config.get("runs")
    if isinstance(runs, dict) and isinstance(runs.get("steps"), list):
        yield from ((step, top, None) for step in runs["steps"] if isinstance(step, dict))


def _default_directory(owner: dict[str, Any]) -> Any:
    defaults = owner.get("defaults")
    run = defaults.get("run") if isinstance(defaults, dict) else None
    return run.get("working-directory") if isinstance(run, dict) else None


def _plain_directory(directory: Any) -> str | None:
    """A `working-directory` that is a plain relative path, without its `./`."""
    if not isinstance(directory, str) or "$" in directory:
        return None
    plain = directory.strip().removeprefix("./").strip("/")
    return plain if plain and plain != "." else None


def _env(value: Any) -> dict[str, str]:
    """Plain `env:` values (those that are not themselves expressions)."""
    if not isinstance(value, dict):
        return {}
    return {
        str(k): "" if v is None else str(v)
        for k, v in value.items()
        if (v is None or isinstance(v, str | int | float)) and "${{" not in str(v)
    }


def github_scripts(config: Any) -> Iterator[tuple[str, str, str | None]]:
    """(`run:` script, the script with `${{ env.NAME }}` replaced by the plain value the step
    sees)."""
    for step, env, directory in _steps_with_env(config):
        run = step.get("run")
        if isinstance(run, str):
            directory = _plain_directory(step.get("working-directory") or directory)
            yield run, _with_env(run, env), directory


def _with_env(script: str, env: dict[str, str]) -> str:
    return ENV_EXPRESSION.sub(lambda match: env.get(match.group(1), match.group(0)), script)


def synthesised_commands(uses: list[ActionUse]) -> Iterator[Command]:
    for use in uses:
        program = SYNTHESISED_ACTIONS.get(use.action)
        if program is None:
            continue
        words = [str(use.inputs.get(k, "")) for k in ("command", "arguments", "args")]
        text = " ".join([program, *(w for w in words if w)])
        if text != program:
            yield Command(text, use.path, use.line, "ci")
