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
    return [use for step in _steps(src.yaml(path)) if (use := step_use(step, path, locator))]


def step_use(step: dict[str, Any], path: str, locator: LineLocator) -> ActionUse | None:
    """A step's published action (not a local `./` one nor a `docker://` image), or None."""
    uses = step.get("uses")
    if not isinstance(uses, str) or uses.startswith(("./", "docker://")):
        return None
    inputs = step.get("with")
    return ActionUse(
        uses.split("@", 1)[0].lower(),
        inputs if isinstance(inputs, dict) else {},
        path,
        locator.find(uses),
    )


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
    for _, step, env, directory in job_steps(config):
        yield step, env, directory


def job_steps(config: Any) -> Iterator[tuple[str | None, dict[str, Any], dict[str, str], Any]]:
    """(job name, step, the `env` it sees, the default working directory) for each step of a
    workflow's jobs, in order; a composite action's steps have no job (None)."""
    if not isinstance(config, dict):
        return
    top = _env(config.get("env"))
    jobs = config.get("jobs")
    for name, job in jobs.items() if isinstance(jobs, dict) else ():
        if not isinstance(job, dict):
            continue
        steps = job.get("steps")
        env = {**top, **_env(job.get("env"))}
        directory = _default_directory(job) or _default_directory(config)  # the job's wins
        for step in steps if isinstance(steps, list) else ():
            if isinstance(step, dict):
                yield str(name), step, {**env, **_env(step.get("env"))}, directory
    runs = config.get("runs")
    if isinstance(runs, dict) and isinstance(runs.get("steps"), list):
        yield from ((None, step, top, None) for step in runs["steps"] if isinstance(step, dict))


def _default_directory(owner: dict[str, Any]) -> Any:
    defaults = owner.get("defaults")
    run = defaults.get("run") if isinstance(defaults, dict) else None
    return run.get("working-directory") if isinstance(run, dict) else None


def _plain_directory(directory: Any, env: dict[str, str]) -> str | None:
    """A `working-directory` as a relative path without its `./`, `${{ env.NAME }}` replaced
    by its plain value; one still holding an expression (`${{ matrix.package }}`) is kept as
    written, so the commands run there are not taken for the root's."""
    if not isinstance(directory, str):
        return None
    plain = _with_env(directory.strip(), env)
    if "$" in plain:
        return plain
    plain = plain.removeprefix("./").strip("/")
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
    sees, the step's working directory)."""
    for _, step, env, directory in job_steps(config):
        script = step_script(step, env, directory)
        if script is not None:
            yield script


def step_script(
    step: dict[str, Any], env: dict[str, str], directory: Any
) -> tuple[str, str, str | None] | None:
    """A `run:` step as `github_scripts` gives it, or None for a `uses:` step."""
    run = step.get("run")
    if not isinstance(run, str):
        return None
    where = _plain_directory(step.get("working-directory") or directory, env)
    return run, _with_env(run, env), where


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
