"""GitHub Actions workflows: steps with the env and directory they run in, and `uses:` steps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from auditor.facts.ci.matrix_expressions import matrix_keys, with_entry
from auditor.facts.ci.providers import ci_file_providers
from auditor.facts.commands.locate import LineLocator
from auditor.facts.model import Command
from auditor.facts.sources import FactSources

ENV_EXPRESSION = re.compile(r"\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}")
MATRIX_EXPRESSION = re.compile(r"\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}")
ROOT_VALUES = frozenset({".", "./"})
"""Matrix values that name the root: a key holding one lists directories to run in."""
Matrix = dict[str, tuple[str, ...]]
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
    for job_step in job_steps(config):
        yield job_step.step


class JobStep(NamedTuple):
    """A step of a workflow's job (or of a composite action: no job, no matrix)."""

    job: str | None
    step: dict[str, Any]
    env: dict[str, str]
    """The plain `env` values the step sees."""
    directory: Any
    """The job's (or workflow's) default working directory."""
    matrix: Matrix
    """The job's matrix keys with plain values (`workspace: [".", examples]`)."""
    entries: tuple[dict[str, str], ...] = ()
    """The job's `matrix.include` entries with plain values, each one run of the job."""
    runs_on: str = ""
    """The job's `runs-on`, as written."""


def job_steps(config: Any) -> Iterator[JobStep]:
    """Each step of a workflow's jobs, in order, with what it sees (`JobStep`)."""
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
        matrix, entries, runs_on = _matrix(job), _included(job), str(job.get("runs-on") or "")
        for step in steps if isinstance(steps, list) else ():
            if isinstance(step, dict):
                step_env = {**env, **_env(step.get("env"))}
                yield JobStep(str(name), step, step_env, directory, matrix, entries, runs_on)
    runs = config.get("runs")
    if isinstance(runs, dict) and isinstance(runs.get("steps"), list):
        for step in runs["steps"]:
            if isinstance(step, dict):
                yield JobStep(None, step, top, None, {})


def _matrix(job: dict[str, Any]) -> Matrix:
    """The job's `strategy.matrix` keys whose value is a list of plain scalars."""
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    if not isinstance(matrix, dict):
        return {}
    return {
        str(key): tuple(str(v) for v in values)
        for key, values in matrix.items()
        if isinstance(values, list)
        and values
        and all(isinstance(v, str | int | float) and "${{" not in str(v) for v in values)
    }


def _included(job: dict[str, Any]) -> tuple[dict[str, str], ...]:
    """The job's `strategy.matrix.include` entries, each with its plain scalar values."""
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    include = matrix.get("include") if isinstance(matrix, dict) else None
    entries = include if isinstance(include, list) else []
    return tuple(
        {str(k): str(v).strip() for k, v in entry.items() if isinstance(v, str | int | float)}
        for entry in entries
        if isinstance(entry, dict)
    )


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


class StepScript(NamedTuple):
    """A `run:` step's script as written, as run (plain values put in), where it runs, and
    the matrix entry it is one of ("" when it is the step's plain run)."""

    written: str
    script: str
    directory: str | None
    entry: str = ""


def github_scripts(config: Any) -> Iterator[StepScript]:
    """The `run:` scripts of a workflow's steps (`step_scripts`)."""
    for job_step in job_steps(config):
        yield from step_scripts(job_step)


def step_scripts(job_step: JobStep) -> list[StepScript]:
    """A `run:` step's scripts, none for a `uses:` step: `${{ env.NAME }}` replaced by the
    plain value the step sees, and `${{ matrix.KEY }}` by the key's values (in the script and
    the working directory): its one value, or each of the values of a key that lists the
    directories to run in (one is the root, `.`; axum's `workspace: [".", examples]`), one
    script each. The root's is the step's plain run; each other is one matrix entry. Other
    matrix expressions stay as written (a command with placeholders)."""
    step, env = job_step.step, job_step.env
    run = step.get("run")
    if not isinstance(run, str):
        return []
    directory = step.get("working-directory") or job_step.directory
    written = str(directory) if isinstance(directory, str) else ""
    read = matrix_keys(run) | matrix_keys(written)
    if read and not read & set(job_step.matrix):  # keys only `include` entries set
        found = _entry_scripts(job_step, run, written)
        if found:
            return found
    named = {key for text in (run, written) for key in MATRIX_EXPRESSION.findall(text)}
    values = {k: v for k, v in job_step.matrix.items() if k in named and _expanded(v)}
    return _listed_scripts(run, env, directory, values)


def _listed_scripts(
    run: str, env: dict[str, str], directory: Any, values: dict[str, tuple[str, ...]]
) -> list[StepScript]:
    """One script per combination of the listed matrix values a step reads."""
    found: list[StepScript] = []
    for combination in itertools.product(*values.values()):
        chosen = dict(zip(values, combination, strict=True))
        entry = " ".join(
            v for k, v in chosen.items() if len(values[k]) > 1 and v not in ROOT_VALUES
        )
        script = _with_matrix(_with_env(run, env), chosen)
        where = directory if not isinstance(directory, str) else _with_matrix(directory, chosen)
        found.append(StepScript(run, script, _plain_directory(where, env), entry))
    return found


def _entry_scripts(job: JobStep, run: str, written: str) -> list[StepScript]:
    """A step whose matrix expressions read only keys that `include` entries set, one script
    per entry (kotlin-result's `./gradlew ${{ matrix.tasks }}`, jinja's `tox run -e ${{
    matrix.tox || format('py{0}', matrix.python) }}`: `matrix_expressions`). Where the entries
    pick the machine (`runs-on: ${{ matrix.os || 'ubuntu-latest' }}`), a Linux entry's is a
    plain run of the step and every other is one matrix entry; otherwise each is one entry."""
    found: list[StepScript] = []
    for chosen in job.entries:
        script = with_entry(_with_env(run, job.env), chosen)
        directory = with_entry(written, chosen) if written else ""
        if script is None or directory is None:
            continue
        machine = with_entry(job.runs_on, chosen) or job.runs_on
        linux = machine != job.runs_on and machine.startswith(("ubuntu", "linux"))
        entry = "" if linux else " ".join(sorted(chosen.values()))
        found.append(StepScript(run, script, _plain_directory(directory or None, job.env), entry))
    return found


def _expanded(values: tuple[str, ...]) -> bool:
    return len(values) == 1 or bool(ROOT_VALUES & set(values))


def _with_matrix(text: str, chosen: dict[str, str]) -> str:
    """`text` with `${{ matrix.KEY }}` of the `chosen` keys replaced; `./` from the root's `.`
    (`${{ matrix.workspace }}/Cargo.toml`) kept, as the value written."""
    return MATRIX_EXPRESSION.sub(lambda match: chosen.get(match.group(1), match.group(0)), text)


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
