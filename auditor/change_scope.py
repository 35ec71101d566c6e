"""Pull-request mode's scope: the kinds of input a change touched, and the findings it concerns.

A finding is reported when its own file changed, or when the change touched a file of a kind
its rule reads (`Rule.reads`); a finding that names no file, of a rule that declares nothing,
on any change. Kinds are told by the facts of both sides (the work tree's and the merge
base's: a deleted CI file is known as CI from the base) and by well-known file names.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence

from auditor.facts.ecosystem.managers import (
    DOTNET_SUFFIXES,
    LOCKFILE_NAMES,
    MANAGER_FILES,
    PYTHON_MANIFESTS,
)
from auditor.index.languages import language_of
from auditor.model import ReportFacts
from auditor.rule import Reads, Rule

MANIFEST_NAMES = frozenset(
    {
        *MANAGER_FILES, *LOCKFILE_NAMES, *PYTHON_MANIFESTS, "package.json", "Makefile",
        "makefile", "GNUmakefile", "justfile", "Justfile", "Taskfile.yml", "Taskfile.yaml",
        "tox.ini", "noxfile.py", "Rakefile", "CMakeLists.txt", "meson.build", "Pipfile",
        "environment.yml", ".python-version", ".nvmrc", ".node-version", ".tool-versions",
        "rust-toolchain", "rust-toolchain.toml", "build.gradle", "build.gradle.kts",
        "settings.gradle", "settings.gradle.kts", "pom.xml",
    }
)  # fmt: skip
INSTRUCTION_PLACES = (".cursor/", ".claude/", ".windsurf/", ".clinerules", ".gemini/",
                      ".codex/", ".github/instructions/", ".github/prompts/")  # fmt: skip
INSTRUCTION_NAMES = frozenset({"AGENTS.md", "CLAUDE.md", "GEMINI.md", ".cursorrules",
                               ".windsurfrules", ".mcp.json", "copilot-instructions.md",
                               "AGENTS.override.md", "CLAUDE.local.md"})  # fmt: skip
CI_PLACES = (".github/workflows/", ".circleci/", ".buildkite/", ".woodpecker/")
CI_NAMES = frozenset({".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml", "Jenkinsfile",
                      "bitbucket-pipelines.yml", ".drone.yml", "appveyor.yml"})  # fmt: skip
CONFIG_SUFFIXES = (".toml", ".ini", ".cfg", ".yaml", ".yml", ".json", ".jsonc")
CONFIG_NAMES = frozenset({"CODEOWNERS", "Dockerfile", "Containerfile", "flake.nix",
                          "shell.nix", "default.nix", "devbox.json"})  # fmt: skip
DOC_SUFFIXES = (".md", ".markdown", ".mdx", ".rst", ".txt", ".adoc")


def touched(
    changed: Iterable[str], added_or_deleted: Iterable[str], sides: Sequence[ReportFacts]
) -> frozenset[Reads]:
    """The kinds of input the changed paths belong to (ANY whenever anything changed)."""
    kinds: set[Reads] = set()
    for path in changed:
        kinds |= kinds_of(path, sides)
    if any(True for _ in added_or_deleted):
        kinds.add(Reads.TREE)
    if kinds:
        kinds.add(Reads.ANY)
    return frozenset(kinds)


def kinds_of(path: str, sides: Sequence[ReportFacts]) -> set[Reads]:
    """The kinds of input `path` is, by the facts of either side and by its name."""
    name = posixpath.basename(path)
    kinds: set[Reads] = set()
    if language_of(path) is not None:
        kinds.add(Reads.SOURCES)
    if _is_ci(path, name, sides):
        kinds.add(Reads.CI)
    if _is_instructions(path, name, sides):
        kinds.add(Reads.INSTRUCTIONS)
    if _is_manifest(path, name, sides):
        kinds.add(Reads.MANIFESTS)
    if _is_doc(path, name, sides):
        kinds.add(Reads.DOCS)
    if _is_config(path, name, sides) and not kinds & {Reads.CI, Reads.INSTRUCTIONS}:
        kinds.add(Reads.CONFIG)
    return kinds


def _is_ci(path: str, name: str, sides: Sequence[ReportFacts]) -> bool:
    return any(path in f.ci_files for f in sides) or name in CI_NAMES or path.startswith(CI_PLACES)


def _is_instructions(path: str, name: str, sides: Sequence[ReportFacts]) -> bool:
    instructions = name in INSTRUCTION_NAMES or f"{path}/".startswith(INSTRUCTION_PLACES)
    return instructions or any(path in f.instruction_files for f in sides)


def _is_manifest(path: str, name: str, sides: Sequence[ReportFacts]) -> bool:
    manifest = name in MANIFEST_NAMES or name.endswith(DOTNET_SUFFIXES)
    return manifest or name.startswith("requirements") or any(path in f.lockfiles for f in sides)


def _is_doc(path: str, name: str, sides: Sequence[ReportFacts]) -> bool:
    documents = {p for f in sides for p in (*vars_of(f.docs).values(), f.env_example) if p}
    in_docs = path.startswith(("docs/", "doc/")) or name.lower().endswith(DOC_SUFFIXES)
    return path in documents or in_docs or name.lower().startswith(("readme", "license"))


def _is_config(path: str, name: str, sides: Sequence[ReportFacts]) -> bool:
    if any(path in f.dev_environment for f in sides) or name in CONFIG_NAMES:
        return True
    dotted = name.startswith(".") or path.startswith((".devcontainer/", ".github/"))
    return dotted or (language_of(path) is None and name.endswith(CONFIG_SUFFIXES))


def vars_of(docs: object) -> Mapping[str, str | None]:
    """The document paths a `Docs` value names."""
    names = getattr(docs, "__slots__", ())
    return {n: getattr(docs, n) for n in names if isinstance(getattr(docs, n), str | None)}


def concerns(
    path: str | None, rule: Rule | None, changed: frozenset[str], kinds: frozenset[Reads]
) -> bool:
    """Whether pull-request mode reports a finding of `rule` at `path` for a change of
    `changed` paths that touched `kinds` of input (an unknown rule: on any change)."""
    if path is not None and path in changed:
        return True
    reads = rule.reads if rule is not None else frozenset({Reads.ANY})
    if path is None and not reads:
        reads = frozenset({Reads.ANY})
    return bool(reads & kinds)
