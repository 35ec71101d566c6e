"""Where a generated AGENTS.md says things live, and what it says not to touch."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from auditor.facts.layout.aside_dirs import lies_aside
from auditor.facts.layout.generated import generated_paths
from auditor.facts.layout.package_sources import python_package_dirs
from auditor.facts.subject import Subject

MAX_PLACES = 3
ROOT = "./"
"""How the repository root is named among source places."""
NESTED_SOURCE_ROOTS = frozenset({"src", "lib", "source", "app"})
MIGRATIONS = re.compile(r"(?:^|/)(?:migrations|alembic/versions|db/migrate)/")
TEST_ENDING = re.compile(r"\.(?:test|spec)\.[cm]?[jt]sx?$")
LOCK_TOOLS = {
    "uv.lock": "uv lock",
    "poetry.lock": "poetry lock",
    "pdm.lock": "pdm lock",
    "Pipfile.lock": "pipenv lock",
    "package-lock.json": "npm install",
    "pnpm-lock.yaml": "pnpm install",
    "yarn.lock": "yarn install",
    "bun.lock": "bun install",
    "bun.lockb": "bun install",
    "Cargo.lock": "cargo update",
    "go.sum": "go mod tidy",
    "Gemfile.lock": "bundle install",
    "composer.lock": "composer update",
}
"""Lockfiles and the command that rewrites each."""


def source_dirs(subject: Subject) -> tuple[str, ...]:
    """The few directories that hold the hand-written source (`src/shop/`): the Python packages
    the manifests declare (`package_sources`), then the areas holding a tenth of all source in
    other languages; tests, samples, docs and set-aside (vendored, generated...) files aside."""
    if subject.facts.workspace is not None:
        return ()  # the packages say it
    declared = python_package_dirs(subject.sources)
    areas = _source_areas(subject, skip_python=bool(declared))
    total = sum(_source_areas(subject).values()) if declared else sum(areas.values())
    ranked = sorted(areas.items(), key=lambda item: (-item[1], item[0]))
    chosen = [area for area, count in ranked[:MAX_PLACES] if count * 10 >= total]
    chosen = [a for a in chosen if not any(a.startswith(o + "/") for o in chosen if o)]
    found = [*declared, *(f"{area}/" if area else ROOT for area in chosen)]
    return tuple(dict.fromkeys(found))[:MAX_PLACES]


def _source_areas(subject: Subject, skip_python: bool = False) -> Counter[str]:
    """Hand-written source files per area: top directory, or two deep under `src/`."""
    tests = subject.facts.test_dirs
    aside = subject.facts.set_aside_files
    areas: Counter[str] = Counter()
    for record in subject.files.files:
        if not record.is_source or record.is_test or _below(record.path, tests):
            continue
        if record.path in aside or (skip_python and record.language == "python"):
            continue
        parts = record.path.split("/")[:-1]
        if lies_aside("/".join(parts)):
            continue
        nested = len(parts) > 1 and parts[0] in NESTED_SOURCE_ROOTS
        areas["/".join(parts[: 2 if nested else 1])] += 1
    return areas


def package_dirs(subject: Subject) -> tuple[str, ...]:
    """The workspace's packages (a few, then their common parent)."""
    workspace = subject.facts.workspace
    if workspace is None:
        return ()
    packages = workspace.packages
    if len(packages) <= MAX_PLACES * 2:
        return tuple(f"{p}/" for p in packages)
    parents = Counter(posixpath.dirname(p) or p for p in packages)
    return tuple(f"{parent}/" for parent, _ in parents.most_common(MAX_PLACES))


def main_test_dirs(subject: Subject) -> tuple[str, ...]:
    """The test directories, most test files first; those of samples and docs only if alone."""
    dirs = subject.facts.test_dirs
    own = [d for d in dirs if not lies_aside(posixpath.dirname(d))] or list(dirs)
    counts = Counter(d for d in own for f in subject.files.under(d) if f.is_test)
    return tuple(sorted(own, key=lambda d: (-counts[d], d)))


def test_places(subject: Subject) -> tuple[str, ...]:
    """The test directories, or the name pattern of tests kept beside the code."""
    dirs = main_test_dirs(subject)
    if dirs:
        return tuple(f"{d}/" for d in sorted(dirs[:MAX_PLACES]))
    frameworks = set(subject.facts.test_frameworks)
    if "go test" in frameworks:
        return ("*_test.go",)
    endings = Counter(
        match.group(0)
        for f in subject.files.files
        if f.is_test and (match := TEST_ENDING.search(f.path))
    )
    return tuple(f"*{ending}" for ending, _ in endings.most_common(2))


def boundaries(subject: Subject) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(what not to do, the paths it is about) for generated, lockfile, secret, migration paths."""
    facts = subject.facts
    found: list[tuple[str, tuple[str, ...]]] = []
    generated, total = generated_paths(subject)
    if generated:
        more = f" ({total} places in all)" if total > len(generated) else ""
        found.append((f"Do not edit generated or vendored files{more}", generated))
    locks = [path for path in facts.lockfiles if "/" not in path]
    for lock in locks:
        tool = LOCK_TOOLS.get(lock)
        if tool is not None:  # a pinned requirements.txt may well be kept by hand
            found.append((f"Do not edit `{lock}` by hand; `{tool}` rewrites it", ()))
    secrets = _secret_files(subject)
    if secrets:
        found.append(("Do not commit secrets or read them into the conversation", secrets))
    migrations = sorted(
        {
            f.path[: m.end()]
            for f in subject.files.files
            if (m := MIGRATIONS.search(f.path)) and not lies_aside(f.path[: m.start()])
        }
    )
    if migrations:
        found.append(
            ("Do not edit existing migrations; add a new one", tuple(migrations[:MAX_PLACES]))
        )
    return tuple(found)


def _secret_files(subject: Subject) -> tuple[str, ...]:
    """`.env` when the repository ignores it or ships an example of it."""
    example = subject.facts.env_example
    ignore = subject.files.text(".gitignore") or ""
    ignored = any(
        line.strip().lstrip("/") in (".env", ".env*", ".env.*", "*.env")
        for line in ignore.splitlines()
    )
    return (".env",) if ignored or example else ()


def _below(path: str, directories: tuple[str, ...]) -> bool:
    return any(path.startswith(directory.rstrip("/") + "/") for directory in directories)
