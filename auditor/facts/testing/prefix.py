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


LOCKFILES = (("uv", "uv.lock"), ("poetry", "poetry.lock"), ("pdm", "pdm.lock"),
             ("pipenv", "Pipfile.lock"), ("pnpm", "pnpm-lock.yaml"), ("yarn", "yarn.lock"),
             ("bun", "bun.lock"), ("bun", "bun.lockb"))  # fmt: skip
PYPROJECT = ("pyproject.toml",)
ROOT_MANIFESTS: dict[str, tuple[str, ...]] = {
    "uv": PYPROJECT, "poetry": PYPROJECT, "pdm": PYPROJECT, "hatch": PYPROJECT,
    "pipenv": ("Pipfile",), "conda": ("environment.yml", "environment.yaml"),
    "pip": ("pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "requirements-dev.txt"),
    "npm": ("package.json",), "pnpm": ("package.json",), "yarn": ("package.json",),
    "bun": ("package.json",), "cargo": ("Cargo.toml",), "go": ("go.mod", "go.work"),
    "maven": ("pom.xml",), "gradle": ("build.gradle", "build.gradle.kts", "settings.gradle",
    "settings.gradle.kts"), "bundler": ("Gemfile", "gems.rb"), "composer": ("composer.json",),
}  # fmt: skip
"""Files at the root that show a manager speaks for the root project."""


def main_manager(managers: tuple[str, ...], files: RepositoryFiles) -> str | None:
    """The manager the project is worked with: the one whose lockfile the root commits, else
    an environment manager before pip and npm, else the first; a manager whose manifest is at
    the root before one that only a subdirectory uses (a crate beside a Python package)."""
    at_root = [m for m in managers if any(files.file(name) for name in ROOT_MANIFESTS.get(m, ()))]
    for candidates in (at_root, list(managers)):
        for manager, lockfile in LOCKFILES:
            if manager in candidates and files.file(lockfile) is not None:
                return manager
        for preferred in MANAGER_PREFERENCE:
            if preferred in candidates:
                return preferred
        if candidates:
            return candidates[0]
    return None


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
