"""How the project runs a program: `uv run`, `poetry run`, `pnpm exec`, `bundle exec`, wrappers.

The one place that knows the package manager's prefix. The test command (`suite`), the single
test (`single_test`) and the AGENTS.md generator all spell programs through it, so the report
and the generated file say the same command.
"""

from __future__ import annotations

from auditor.facts.files import RepositoryFiles

ENVIRONMENT_RUN = {
    "uv": "uv run",
    "poetry": "poetry run",
    "pdm": "pdm run",
    "pipenv": "pipenv run",
}
"""Python managers that keep the project's environment, and how to run a program inside it."""
JS_EXEC = {"npm": "npx", "pnpm": "pnpm exec", "yarn": "yarn", "bun": "bunx"}
"""How each JavaScript manager runs a package's binary (`pnpm exec vitest`)."""
MANAGER_PREFERENCE = ("uv", "poetry", "pdm", "pipenv", "pnpm", "yarn", "bun")
WRAPPERS = {"gradle": "gradlew", "mvn": "mvnw"}
"""Build tools whose repositories commit a wrapper script that pins the tool's version."""


def main_manager(managers: tuple[str, ...]) -> str | None:
    """The manager the project is worked with: an environment manager before pip and npm,
    else the first."""
    for preferred in MANAGER_PREFERENCE:
        if preferred in managers:
            return preferred
    return managers[0] if managers else None


def python_program(manager: str | None, program: str) -> str:
    """`program` (`pytest`, `python -m unittest`) run in the project's environment."""
    prefix = ENVIRONMENT_RUN.get(manager or "")
    return f"{prefix} {program}" if prefix else program


def js_program(manager: str | None, program: str) -> str:
    """A package binary run by the JavaScript manager: `npx jest`, `pnpm exec vitest run`."""
    return f"{JS_EXEC.get(manager or '', 'npx')} {program}"


def ruby_program(files: RepositoryFiles, program: str, directory: str = "") -> str:
    """A gem's executable, through Bundler when the project has a Gemfile (`bundle exec rake`)."""
    gemfile = f"{directory}/Gemfile" if directory else "Gemfile"
    return f"bundle exec {program}" if files.file(gemfile) else program


def build_tool(files: RepositoryFiles, tool: str, directory: str = "") -> str:
    """`./gradlew` or `./mvnw` when the wrapper is committed in `directory`, else the tool."""
    wrapper = WRAPPERS.get(tool)
    if wrapper is None:
        return tool
    path = f"{directory}/{wrapper}" if directory else wrapper
    return f"./{wrapper}" if files.file(path) else tool
