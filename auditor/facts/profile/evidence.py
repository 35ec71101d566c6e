"""What the root manifests say about a repository's kind: entry points, web stacks, publishing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.facts.ecosystem.tables import has_table, strings, table_at, value_at
from auditor.facts.sources import FactSources

DEPLOY_FILES = frozenset({
    "Dockerfile", "Containerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml",
    "compose.yaml", "Procfile", "app.yaml", "fly.toml", "vercel.json", "netlify.toml",
    "render.yaml", "serverless.yml", "serverless.yaml",
})  # fmt: skip
"""Files at the root that deploy or run the repository as a service."""
WEB_FRAMEWORKS = frozenset({
    "django", "flask", "fastapi", "starlette", "tornado", "aiohttp", "sanic", "pyramid",
    "bottle", "falcon", "litestar", "quart", "streamlit", "gradio", "dash",
    "express", "koa", "fastify", "@nestjs/core", "next", "nuxt", "@sveltejs/kit",
    "react-scripts", "gatsby", "@remix-run/node", "@angular/core",
    "actix-web", "axum", "rocket", "warp", "poem", "tide",
    "rails", "sinatra", "laravel/framework", "symfony/framework-bundle",
})  # fmt: skip
"""Dependencies that make a project a web application or service (not a library of one)."""
GO_WEB_MODULES = re.compile(
    r"github\.com/(gin-gonic/gin|labstack/echo|gofiber/fiber|go-chi/chi|gorilla/mux|beego/)"
)
JVM_WEB = re.compile(r"spring-boot|io\.quarkus|io\.micronaut|<packaging>\s*war\s*<")
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
GO_MODULE_LINE = re.compile(r"(?m)^module\s.*$")
"""go.mod's own name (gin's go.mod names gin): not one of its dependencies."""
GO_MAIN = re.compile(r"(?m)^package main\b")
PYTHON_SCRIPT_TABLES = (("project", "scripts"), ("project", "gui-scripts"),
                        ("tool", "poetry", "scripts"))  # fmt: skip
CLI_EXTRAS = frozenset({"cli", "console", "scripts", "cmd", "command-line"})
"""Extras that gate a Python package's commands: the commands are an add-on to a library."""
JS_LIBRARY_KEYS = ("exports", "main", "module", "types", "typings")
GEM_WEB = re.compile(r"""(?m)^[^\S\n]*gem\s+["'](rails|sinatra)["']""")


@dataclass(frozen=True, slots=True)
class ManifestEvidence:
    """The signals of a repository's kind found at its root."""

    deployable: bool = False
    """It ships a Dockerfile, compose file, Procfile or a hosting platform's config."""
    web_framework: bool = False
    entry_points: bool = False
    """It installs commands: `[project.scripts]`, package.json `bin`, a Rust or Go main."""
    publishable: bool = False
    """It is a package others install: a build backend, a public package.json, a crate."""
    library: bool = False
    """It declares itself a library others import: a Rust library crate without a binary, a
    gemspec, a Composer package of type library, a package.json with `exports`, `main`,
    `module` or `types` and no `bin`, a Python package whose commands need an extra
    (`httpx[cli]`). This outweighs a Dockerfile (a test harness) and a gated command."""


def manifest_evidence(src: FactSources) -> ManifestEvidence:
    """The signals of every root manifest, combined."""
    signals = (
        _python(src),
        _javascript(src),
        _rust(src),
        _go(src),
        _jvm(src),
        _ruby(src),
        _php(src),
    )
    return ManifestEvidence(
        deployable=any(src.repo.file(name) for name in DEPLOY_FILES),
        web_framework=any(s.web_framework for s in signals),
        entry_points=any(s.entry_points for s in signals),
        publishable=any(s.publishable for s in signals),
        library=any(s.library for s in signals),
    )


def _python(src: FactSources) -> ManifestEvidence:
    data = src.toml("pyproject.toml") if src.repo.file("pyproject.toml") else None
    names = {_requirement(text) for text in strings(value_at(data, "project", "dependencies"))}
    names.update(table_at(data, "tool", "poetry", "dependencies") or {})
    requirements = src.text("requirements.txt") if src.repo.file("requirements.txt") else None
    names.update(_requirement(line) for line in (requirements or "").splitlines())
    setup = " ".join(src.text(p) or "" for p in ("setup.py", "setup.cfg") if src.repo.file(p))
    extras = set(table_at(data, "project", "optional-dependencies") or {})
    return ManifestEvidence(
        web_framework=bool({n.lower() for n in names} & WEB_FRAMEWORKS),
        entry_points=_python_scripts(data) or "console_scripts" in setup,
        publishable=has_table(data, "build-system") or bool(setup),
        library=_python_scripts(data) and bool(extras & CLI_EXTRAS),
    )


def _python_scripts(pyproject: Any) -> bool:
    return any(has_table(pyproject, *keys) for keys in PYTHON_SCRIPT_TABLES)


def _requirement(text: str) -> str:
    match = REQUIREMENT_NAME.match(text)
    return match.group(1) if match else ""


def _javascript(src: FactSources) -> ManifestEvidence:
    manifest = src.json("package.json") if src.repo.file("package.json") else None
    if not isinstance(manifest, dict):
        return ManifestEvidence()
    runtime = manifest.get("dependencies")
    names = set(runtime) if isinstance(runtime, dict) else set()  # dev dependencies test it
    return ManifestEvidence(
        web_framework=bool(names & WEB_FRAMEWORKS),
        entry_points=bool(manifest.get("bin")),
        publishable=manifest.get("private") is not True and "name" in manifest,
        library=not manifest.get("bin") and any(key in manifest for key in JS_LIBRARY_KEYS),
    )


def _rust(src: FactSources) -> ManifestEvidence:
    data = src.toml("Cargo.toml") if src.repo.file("Cargo.toml") else None
    if not has_table(data, "package"):
        return ManifestEvidence()
    crates = set(table_at(data, "dependencies") or {})
    binary = bool(value_at(data, "bin")) or bool(src.repo.file("src/main.rs"))
    library = has_table(data, "lib") or bool(src.repo.file("src/lib.rs"))
    return ManifestEvidence(
        web_framework=bool(crates & WEB_FRAMEWORKS),
        entry_points=binary or src.repo.is_dir("src/bin"),
        publishable=library,
        library=library and not (binary or src.repo.is_dir("src/bin")),
    )


def _go(src: FactSources) -> ManifestEvidence:
    if not src.repo.file("go.mod"):
        return ManifestEvidence()
    mains = (
        f.path
        for f in src.repo.files
        if f.language == "go" and not f.is_test and (f.path.count("/") == 0 or _in_cmd(f.path))
    )
    return ManifestEvidence(
        web_framework=bool(GO_WEB_MODULES.search(GO_MODULE_LINE.sub("", src.text("go.mod") or ""))),
        entry_points=any(GO_MAIN.search(src.text(path) or "") for path in mains),
        publishable=True,
    )


def _in_cmd(path: str) -> bool:
    return path.startswith("cmd/")


def _jvm(src: FactSources) -> ManifestEvidence:
    builds = ("pom.xml", "build.gradle", "build.gradle.kts")
    jvm = " ".join(src.text(p) or "" for p in builds if src.repo.file(p))
    return ManifestEvidence(web_framework=bool(JVM_WEB.search(jvm)), publishable=bool(jvm))


def _ruby(src: FactSources) -> ManifestEvidence:
    gems = src.text("Gemfile") or "" if src.repo.file("Gemfile") else ""
    gemspec = any("/" not in f.path and f.path.endswith(".gemspec") for f in src.repo.files)
    return ManifestEvidence(
        web_framework=bool(GEM_WEB.search(gems)), publishable=gemspec, library=gemspec
    )


def _php(src: FactSources) -> ManifestEvidence:
    composer = src.json("composer.json") if src.repo.file("composer.json") else None
    named = isinstance(composer, dict) and isinstance(composer.get("name"), str)
    library = named and value_at(composer, "type") in (None, "library")
    web = bool(set(table_at(composer, "require") or {}) & WEB_FRAMEWORKS)
    return ManifestEvidence(web_framework=web, publishable=library, library=library)
