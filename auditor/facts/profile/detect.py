"""Repository profiles: what kind of repository (or package) this is, from manifests and files.

The profile decides which rules apply: a docs site is not asked for unit tests, a
configuration-only repository not for a linter. Detection, first match wins:

1. `monorepo`: the root declares a workspace (uv, pnpm, npm, yarn, bun, cargo, go, maven,
   gradle) of several packages: a root package (a Cargo `[package]`, a root go.mod) and one
   member, or two members, not counting benches, fuzz targets, xtask and examples.
2. `data`, `infrastructure` or `docs`: the repository's own code (hand-written source and its
   tests, outside examples, docs, fixtures and hidden directories; shell not counted) is
   small beside the largest of notebooks and datasets, infrastructure configuration
   (Terraform, Helm, Kubernetes, Ansible, Dockerfiles), or documentation (Markdown, MDX,
   reStructuredText, AsciiDoc): at most a quarter of its lines, or, for documentation with a
   static-site config at the root (mkdocs, Docusaurus, VitePress, Hugo, Jekyll, mdBook,
   Antora, Sphinx), at most as many. A repository with no code and nothing else is `docs`.
3. `application`: a web framework among the root manifests' runtime dependencies.
4. `library`: the manifest declares a library others import (a Rust library crate without a
   binary, a gemspec, a Composer library, a package.json with `exports`/`main`/`types` and no
   `bin`, a Python package whose commands need an extra such as `[cli]`).
5. `application`: a Dockerfile, compose file, Procfile or hosting config at the root.
6. `cli`: the root manifest installs commands (`[project.scripts]`, package.json `bin`, a
   Rust binary, a Go `package main` at the root or under `cmd/`).
7. `library`: a package others install (a build backend, a package.json not marked private, a
   Rust library crate, a Go module, a Maven or Gradle build, a gemspec).
8. `application` otherwise: code that is run, not installed.

`[tool.auditor] profile = "..."` overrides the detection for the repository.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditor.facts.ecosystem.tables import has_table
from auditor.facts.ecosystem.workspace import find_workspace
from auditor.facts.layout.aside_dirs import TEST_SUFFIXES, lies_aside
from auditor.facts.profile.evidence import ManifestEvidence, manifest_evidence
from auditor.facts.profile.names import PROFILES
from auditor.facts.sources import FactSources
from auditor.index.records import SourceFile

__all__ = ["PROFILES", "detect_profile"]

SUPPORT_DIRS = frozenset({
    "bench", "benches", "benchmark", "benchmarks", "fuzz", "xtask", "xtasks", "example",
    "examples", "test", "tests", "test_suite", "test-suite",
})  # fmt: skip
"""Workspace members that serve the one package beside them, not packages of their own."""
CODE_SHARE = 4
"""Code counts as small beside another kind when it has at most a quarter of its lines."""
DOC_SUFFIXES = (".md", ".mdx", ".markdown", ".rst", ".adoc", ".asciidoc")
STANDARD_DOCS = ("readme", "license", "licence", "changelog", "contributing", "security",
                 "code_of_conduct", "authors", "notice", "agents", "claude")  # fmt: skip
"""Root documents every kind of repository has: not evidence of a docs repository."""
SITE_CONFIGS = frozenset({
    "mkdocs.yml", "mkdocs.yaml", "docusaurus.config.js", "docusaurus.config.ts",
    "docusaurus.config.mjs", "hugo.toml", "hugo.yaml", "hugo.json", "_config.yml",
    "book.toml", "antora.yml", "antora-playbook.yml", "docfx.json", "conf.py",
    ".vitepress/config.js", ".vitepress/config.ts", ".vitepress/config.mts",
    ".vitepress/config.mjs", ".vuepress/config.js", ".vuepress/config.ts",
})  # fmt: skip
"""Static-site generators' configs, at the root (`docs/conf.py` is a library's manual)."""
INFRA_SUFFIXES = (".tf", ".tfvars", ".hcl", ".nomad", ".bicep", ".dockerfile")
INFRA_NAMES = frozenset({
    "Dockerfile", "Containerfile", "Chart.yaml", "kustomization.yaml", "kustomization.yml",
    "ansible.cfg", "helmfile.yaml", "Pulumi.yaml", "Vagrantfile", "docker-compose.yml",
    "docker-compose.yaml", "compose.yml", "compose.yaml",
})  # fmt: skip
INFRA_DIRS = frozenset({"k8s", "kubernetes", "manifests", "charts", "helm", "roles",
                        "playbooks", "terraform", "ansible", "deploy", "deployment"})  # fmt: skip
"""YAML below a directory of one of these names is infrastructure configuration."""
NOTEBOOK_SUFFIXES = (".ipynb", ".Rmd", ".qmd")
DATASET_SUFFIXES = (".csv", ".tsv", ".parquet", ".feather", ".arrow", ".h5", ".hdf5", ".npy",
                    ".npz", ".jsonl", ".xlsx", ".xls", ".dta", ".sav", ".rds", ".RData",
                    ".nc", ".avro", ".orc")  # fmt: skip
DATASET_LINES = 50
"""What a binary dataset file counts for, in lines (its text lines when it has them)."""


@dataclass(frozen=True, slots=True)
class FileMix:
    """Lines of the repository's own code and of each non-code kind of content."""

    code: int
    kinds: Counter[str]
    """docs, infrastructure, data -> lines."""
    site: bool


def detect_profile(src: FactSources) -> str:
    """The profile of the repository (or package) `src` reads; see the module docstring."""
    if is_monorepo(src):
        return "monorepo"
    mix = file_mix(src)
    content = content_profile(mix)
    if content is not None:
        return content
    return code_profile(manifest_evidence(src))


def is_monorepo(src: FactSources) -> bool:
    """Whether the root's workspace holds several packages of the repository's own: a root
    package with one more, or a virtual workspace with two. Members that support one package
    (benches, fuzz targets, xtask, examples, test suites: `SUPPORT_DIRS`) do not
    count, so a single library with its benches and examples is not a monorepo."""
    workspace = find_workspace(src)
    if workspace is None:
        return False
    own = [p for p in workspace.packages if not _supports(p)]
    return len(own) >= (1 if _root_is_package(src, workspace.kind) else 2)


def _root_is_package(src: FactSources, kind: str) -> bool:
    """A Cargo workspace whose root has `[package]`, a go.work beside a root go.mod."""
    if kind == "cargo":
        return has_table(src.toml("Cargo.toml"), "package")
    return kind == "go" and src.repo.file("go.mod") is not None


def _supports(directory: str) -> bool:
    parts = [part.lower() for part in directory.split("/")]
    return any(part in SUPPORT_DIRS or part.endswith(TEST_SUFFIXES) for part in parts)


def content_profile(mix: FileMix) -> str | None:
    """docs, infrastructure or data when that content dwarfs the code, else None."""
    if not mix.code and not any(mix.kinds.values()):
        return "docs"
    if not mix.kinds:
        return None
    kind, lines = max(mix.kinds.items(), key=lambda item: (item[1], item[0]))
    share = 1 if kind == "docs" and mix.site else CODE_SHARE
    return kind if lines and mix.code * share <= lines else None


def code_profile(evidence: ManifestEvidence) -> str:
    """application, cli or library, from what the manifests say."""
    if evidence.web_framework:
        return "application"
    if evidence.library:
        return "library"
    if evidence.deployable:
        return "application"
    if evidence.entry_points:
        return "cli"
    return "library" if evidence.publishable else "application"


def file_mix(src: FactSources) -> FileMix:
    """Count the lines of code, docs, infrastructure and data of the repository's files."""
    code = 0
    kinds: Counter[str] = Counter()
    for record in src.repo.files:
        directory = record.path.rpartition("/")[0]
        if _is_own_code(record, directory):
            code += record.lines
            continue
        kind = content_kind(record, directory)
        if kind is not None:
            kinds[kind] += record.lines if record.is_text else DATASET_LINES
    site = any(src.repo.file(name) for name in SITE_CONFIGS)
    return FileMix(code=code, kinds=kinds, site=site)


def _is_own_code(record: SourceFile, directory: str) -> bool:
    """Hand-written source and its tests, outside examples, docs, fixtures and hidden dirs."""
    return (
        record.is_source
        and record.language != "shell"
        and (record.is_test or not lies_aside(directory))
    )


def content_kind(record: SourceFile, directory: str) -> str | None:
    """docs, infrastructure or data for a file of that kind, else None."""
    name = record.path.rpartition("/")[2]
    if name.endswith(NOTEBOOK_SUFFIXES) or (
        name.endswith(DATASET_SUFFIXES) and not lies_aside(directory)
    ):
        return "data"
    if _is_infrastructure(name, directory):
        return "infrastructure"
    if name.lower().endswith(DOC_SUFFIXES) and not _is_standard_doc(name, directory):
        return "docs"
    return None


def _is_infrastructure(name: str, directory: str) -> bool:
    if name in INFRA_NAMES or name.endswith(INFRA_SUFFIXES) or name.startswith("Dockerfile."):
        return True
    parts = {part.lower() for part in directory.split("/")}
    return name.endswith((".yaml", ".yml", ".j2", ".tpl")) and bool(parts & INFRA_DIRS)


def _is_standard_doc(name: str, directory: str) -> bool:
    return not directory and name.lower().startswith(STANDARD_DOCS)
