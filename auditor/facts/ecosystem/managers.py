"""Package managers and lockfiles, read from the manifests of the repository's projects."""

from __future__ import annotations

from auditor.facts.ecosystem.pinned_requirements import is_fully_pinned
from auditor.facts.ecosystem.projects import project_dirs
from auditor.facts.ecosystem.tables import has_table, table_at
from auditor.facts.ecosystem.workspace import declared_package_manager
from auditor.facts.sources import FactSources

MANAGER_FILES: dict[str, str] = {
    "uv.lock": "uv", "uv.toml": "uv",
    "poetry.lock": "poetry",
    "pdm.lock": "pdm", "pdm.toml": "pdm", ".pdm-python": "pdm",
    "Pipfile": "pipenv", "Pipfile.lock": "pipenv",
    "environment.yml": "conda", "environment.yaml": "conda", "conda-lock.yml": "conda",
    "package-lock.json": "npm", "npm-shrinkwrap.json": "npm",
    "pnpm-lock.yaml": "pnpm", "pnpm-workspace.yaml": "pnpm",
    "yarn.lock": "yarn", ".yarnrc.yml": "yarn", ".yarnrc": "yarn",
    "bun.lockb": "bun", "bun.lock": "bun",
    "Cargo.toml": "cargo", "go.mod": "go", "go.work": "go", "pom.xml": "maven",
    "build.gradle": "gradle", "build.gradle.kts": "gradle",
    "settings.gradle": "gradle", "settings.gradle.kts": "gradle",
    "Gemfile": "bundler", "gems.rb": "bundler", "composer.json": "composer",
    "Package.swift": "swiftpm",
}  # fmt: skip
"""A file of this name in a project directory means the repository uses that manager."""
DOTNET_SUFFIXES = (".csproj", ".fsproj", ".vbproj", ".sln")
PYTHON_MANAGERS = frozenset({"uv", "pip", "poetry", "pdm", "hatch", "pipenv", "conda"})
PYTHON_MANIFESTS = frozenset({"pyproject.toml", "setup.py", "setup.cfg"})
JS_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
PDM_BACKEND_KEYS = frozenset({"build", "version"})
"""`[tool.pdm]` keys that configure only the pdm-backend build backend, not pdm the tool."""

LOCKFILE_NAMES = frozenset({
    "uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "conda-lock.yml",
    "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock",
    "bun.lockb", "bun.lock", "Cargo.lock", "go.sum", "go.work.sum", "Gemfile.lock",
    "gems.locked", "composer.lock", "packages.lock.json", "gradle.lockfile", "flake.lock",
    "Package.resolved",
})  # fmt: skip


def package_managers(src: FactSources) -> tuple[str, ...]:
    """Lowercase names of the package managers the repository uses (sorted).

    Evidence counts in project directories only (`projects.project_dirs`: the root, workspace
    packages, shallow manifest directories), so a fixture's manifest says nothing. `pip` is
    named for requirements files, or for Python manifests when no other Python manager shows;
    `npm` for package.json when no other JavaScript manager does. hatchling or pdm-backend as
    a build backend alone does not make hatch or pdm the manager: that takes hatch
    environments (`[tool.hatch.envs]`, `envs` in hatch.toml) or pdm's own settings.
    """
    projects = project_dirs(src)
    found: set[str] = set()
    names: set[str] = set()
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if directory in projects:
            names.add(name)
            found.update(_managers_of(src, record.path, name))
        elif _is_requirements_dir_file(directory, name, projects):
            found.add("pip")
    if names & PYTHON_MANIFESTS and not found & PYTHON_MANAGERS:
        found.add("pip")
    if "package.json" in names and not found & JS_MANAGERS:
        found.add("npm")
    return tuple(sorted(found))


def _managers_of(src: FactSources, path: str, name: str) -> set[str]:
    if name in MANAGER_FILES:
        return {MANAGER_FILES[name]}
    if name.endswith(DOTNET_SUFFIXES):
        return {"dotnet"}
    if _is_requirements_name(name) or ("requirements" in name and name.endswith(".in")):
        return {"pip"}
    if name == "pyproject.toml":
        return _pyproject_managers(src, path)
    if name == "hatch.toml":
        return {"hatch"} if has_table(src.toml(path), "envs") else set()
    if name == "package.json":
        named = declared_package_manager(src.json(path))
        return {named} if named else set()
    return set()


def _pyproject_managers(src: FactSources, path: str) -> set[str]:
    data = src.toml(path)
    found = set()
    if has_table(data, "tool", "uv"):
        found.add("uv")
    if has_table(data, "tool", "poetry"):
        found.add("poetry")
    if has_table(data, "tool", "hatch", "envs"):
        found.add("hatch")
    pdm = table_at(data, "tool", "pdm")
    if pdm is not None and set(pdm) - PDM_BACKEND_KEYS:
        found.add("pdm")
    return found


def lockfiles(src: FactSources) -> tuple[str, ...]:
    """Paths of the lockfiles the repository commits (sorted).

    The lockfiles of every package manager (see `LOCKFILE_NAMES`) in project directories, and
    fully pinned pip requirements there (`*requirements*.txt`, `requirements/*.txt`, other
    `*.lock` files such as rye's `requirements.lock`): every requirement `name==version` or
    hashed.
    """
    projects = project_dirs(src)
    found = []
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if directory in projects and name in LOCKFILE_NAMES:
            found.append(record.path)
        elif _may_be_pinned_requirements(directory, name, projects):
            text = src.text(record.path)
            if text is not None and is_fully_pinned(text):
                found.append(record.path)
    return tuple(sorted(found))


def _may_be_pinned_requirements(directory: str, name: str, projects: frozenset[str]) -> bool:
    if directory in projects:
        return _is_requirements_name(name) or name.endswith(".lock")
    return name.endswith(".txt") and _is_requirements_dir_file(directory, name, projects)


def _is_requirements_name(name: str) -> bool:
    """`requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`, ..."""
    return "requirements" in name and name.endswith(".txt")


def _is_requirements_dir_file(directory: str, name: str, projects: frozenset[str]) -> bool:
    """`requirements/dev.txt` and kin: pip requirements kept in a directory of their own."""
    parent, _, base = directory.rpartition("/")
    return base == "requirements" and parent in projects and name.endswith((".txt", ".in"))
