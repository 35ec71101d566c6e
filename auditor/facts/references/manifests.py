"""Whether a build tool or package manager finds its manifest where a command runs it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from itertools import pairwise

from auditor.facts.ecosystem.python_extras import python_extras
from auditor.facts.files import RepositoryFiles
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources

MISSING = "no runner: "
"""Prefix of a problem that is only a missing manifest (forgiven in READMEs, which also show
commands for the reader's own project)."""
CARGO_PROJECT = frozenset({
    "build", "b", "test", "t", "check", "c", "clippy", "fmt", "run", "r", "bench", "doc", "d",
    "nextest", "update", "fetch", "tree", "metadata", "llvm-cov", "tarpaulin", "hack", "deny",
})  # fmt: skip
"""cargo subcommands that work on the package or workspace around the working directory."""
GO_MODULE = frozenset({"build", "test", "vet", "run", "generate", "list", "mod"})
PYTHON_PROJECT = ("pyproject.toml", "setup.py", "setup.cfg")
GRADLE_FILES = ("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")
EXTRAS = re.compile(r"^(?P<path>[^\[]*)(?:\[(?P<extras>[^\]]*)\])?$")
ARCHIVE = re.compile(r"\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|egg)$")
"""A built distribution installed by path, not a project directory."""
GROUP_OPTIONS = {
    "uv": {"--group": "groups", "--extra": "extras", "--only-group": "groups"},
    "poetry": {"--with": "poetry_groups", "--only": "poetry_groups", "-E": "extras",
               "--extras": "extras"},
    "pdm": {"-G": "pdm_groups", "--group": "pdm_groups"},
}  # fmt: skip
"""Options naming an extra or group, and which declared names (`PythonExtras`) they take."""


class ManifestJudge:
    """Finds the manifest each build tool and package manager needs (Cargo.toml, go.mod,
    pyproject.toml, pom.xml, package.json, Gemfile, requirements files) where it runs."""

    def __init__(self, files: RepositoryFiles, src: FactSources) -> None:
        self.files = files
        self.src = src

    def problem(self, invocation: Invocation, cwd: str) -> str | None:
        check = CHECKS.get(invocation.program)
        return check(self, invocation, cwd) if check else None

    def _up(self, cwd: str, *names: str) -> str | None:
        """The nearest of `names` in `cwd` or a directory above it, inside the repository."""
        directory = cwd
        while True:
            for name in names:
                path = posixpath.join(directory, name) if directory else name
                if self.files.file(path) is not None:
                    return path
            if not directory:
                return None
            directory = posixpath.dirname(directory)

    def _here(self, cwd: str, *names: str) -> str | None:
        for name in names:
            path = posixpath.join(cwd, name) if cwd else name
            if self.files.file(path) is not None:
                return path
        return None

    def _cargo(self, invocation: Invocation, cwd: str) -> str | None:
        args = invocation.args
        if not args or args[0] not in CARGO_PROJECT or _has(args, "--manifest-path"):
            return None
        if self._up(cwd, "Cargo.toml") is None:
            return MISSING + f"`cargo {args[0]}`: no Cargo.toml in {_where(cwd)} or above"
        return None

    def _go(self, invocation: Invocation, cwd: str) -> str | None:
        args = invocation.args
        if not args or args[0] not in GO_MODULE or any(a.endswith(".go") for a in args):
            return None
        if args[:2] == ("mod", "init"):
            return None
        module = self._up(cwd, "go.mod")
        if module is None and self._up(cwd, "go.work") is None:
            return MISSING + f"`go {args[0]}`: no go.mod in {_where(cwd)} or above"
        if module is None or self._up(cwd, "go.work") is not None:
            return None
        for arg in args[1:]:
            if not arg.startswith("./") or arg == "./...":
                continue
            target = posixpath.normpath(posixpath.join(cwd, arg.removesuffix("/...")))
            nested = self._up(target, "go.mod")
            if nested not in (None, module):
                inner = posixpath.dirname(nested)
                return f"`go {args[0]} {arg}`: {inner}/ is a module of its own ({nested})"
        return None

    def _pip(self, invocation: Invocation, cwd: str) -> str | None:
        args = invocation.args
        if args[:2] == ("pip", "install"):  # `uv pip install`
            args = args[1:]
        if not args or args[0] != "install":
            return None
        rest = list(args[1:])
        for option, value in pairwise([*rest, ""]):
            named = value if option in ("-r", "--requirement", "-c", "--constraint") else ""
            if option.startswith("-r") and len(option) > 2:
                named = option[2:]
            if named and self._here(cwd, named) is None:
                return f"`pip install -r {named}`: no {named} in {_where(cwd)}"
        for arg in rest:
            found = self._local_project(arg.strip("'\""), cwd)
            if found:
                return found
        return None

    def _local_project(self, arg: str, cwd: str) -> str | None:
        """`.`, `./sub`, `.[test]`: a local project to install, and the extras it names."""
        found = self._project_directory(arg, cwd)
        if found is None:
            return None
        directory, extras = found
        if self._here(directory, *PYTHON_PROJECT) is None:
            return f"`pip install {arg}`: no pyproject.toml or setup.py in {_where(directory)}"
        data = self.src.toml(posixpath.join(directory, "pyproject.toml")) or {}
        declared = python_extras(self.src, directory)
        wanted = [e.strip() for e in extras.split(",") if e.strip()]
        unknown = [e for e in wanted if declared is not None and e not in declared.extras]
        if "project" in data and unknown:  # setup.py's extras are code: not judged
            return f"`pip install {arg}`: the project declares no extra `{unknown[0]}`"
        return None

    def _project_directory(self, arg: str, cwd: str) -> tuple[str, str] | None:
        """(directory, extras) of a local project argument that exists, else None (a URL, an
        archive, a path outside the repository or one the path judge names)."""
        match = EXTRAS.match(arg)
        if match is None or not (arg.startswith(".") or "/" in match.group("path")):
            return None
        path = match.group("path")
        directory = posixpath.normpath(posixpath.join(cwd, path)) if path else cwd
        directory = "" if directory == "." else directory
        if directory.startswith("..") or "://" in arg or ARCHIVE.search(path):
            return None
        if directory and not self.files.is_dir(directory):
            return None
        return directory, match.group("extras") or ""

    def _python_manager(self, invocation: Invocation, cwd: str) -> str | None:
        program, args = invocation.program, invocation.args
        if program == "uv" and args[:1] == ("pip",):
            return self._pip(invocation, cwd)
        installs = {"uv": ("sync", "lock"), "poetry": ("install", "lock", "sync"),
                    "pdm": ("install", "sync", "lock")}  # fmt: skip
        if not args or args[0] not in installs[program]:
            return None
        manifest = self._up(cwd, "pyproject.toml")
        if manifest is None:
            return MISSING + f"`{program} {args[0]}`: no pyproject.toml in {_where(cwd)} or above"
        declared = python_extras(self.src, posixpath.dirname(manifest))
        options = GROUP_OPTIONS[program]
        for option, value in zip(args, [*args[1:], ""], strict=True):
            kind = options.get(option)
            if kind is None or declared is None or not value or value.startswith("-"):
                continue
            names: tuple[str, ...] = getattr(declared, kind)
            for name in value.split(","):
                if name not in names and name != ":all":
                    return f"`{program} {args[0]} {option} {name}`: {manifest} declares no `{name}`"
        return None

    def _maven(self, invocation: Invocation, cwd: str) -> str | None:
        if _has(invocation.args, "-f", "--file") or _no_project(invocation.args):
            return None
        if self._here(cwd, "pom.xml") is None:
            return MISSING + f"`{invocation.head}`: no pom.xml in {_where(cwd)}"
        return None

    def _gradle(self, invocation: Invocation, cwd: str) -> str | None:
        if _has(invocation.args, "-p", "--project-dir", "-b", "--build-file"):
            return None
        if _no_project(invocation.args):
            return None
        if self._up(cwd, *GRADLE_FILES) is None:
            return MISSING + f"`{invocation.head}`: no Gradle build in {_where(cwd)} or above"
        return None

    def _js_install(self, invocation: Invocation, cwd: str) -> str | None:
        args = invocation.args
        bare = not args or (args[0] in ("install", "i", "ci") and all(
            a.startswith("-") for a in args[1:]))  # fmt: skip
        if not bare:
            return None
        if self._up(cwd, "package.json") is None:
            verb = args[0] if args else "install"
            return MISSING + f"`{invocation.program} {verb}`: no package.json in {_where(cwd)}"
        locked = self._up(cwd, "package-lock.json", "npm-shrinkwrap.json")
        if args[:1] == ("ci",) and locked is None:
            return "`npm ci`: no package-lock.json to install from"
        return None

    def _bundle(self, invocation: Invocation, cwd: str) -> str | None:
        if invocation.args[:1] not in (("install",), ("exec",), ()):
            return None
        if self._up(cwd, "Gemfile", "gems.rb") is None:
            return MISSING + f"`bundle`: no Gemfile in {_where(cwd)} or above"
        return None

    def _composer(self, invocation: Invocation, cwd: str) -> str | None:
        if invocation.args[:1] not in (("install",), ("test",), ("run-script",), ()):
            return None
        if self._here(cwd, "composer.json") is None:
            return MISSING + f"`composer`: no composer.json in {_where(cwd)}"
        return None


NO_PROJECT = frozenset({"-v", "--version", "-h", "--help", "-version", "init"})
"""Arguments that ask about the tool itself or make a new project: no manifest needed."""


def _no_project(args: tuple[str, ...]) -> bool:
    return not args or any(a in NO_PROJECT or a.startswith("archetype:") for a in args)


def _has(args: tuple[str, ...], *options: str) -> bool:
    return any(a in options or a.startswith(tuple(f"{o}=" for o in options)) for a in args)


def _where(directory: str) -> str:
    return f"{directory}/" if directory else "the repository root"


CHECKS: dict[str, Callable[[ManifestJudge, Invocation, str], str | None]] = {
    "cargo": ManifestJudge._cargo, "go": ManifestJudge._go, "pip": ManifestJudge._pip,
    "pip3": ManifestJudge._pip, "uv": ManifestJudge._python_manager,
    "poetry": ManifestJudge._python_manager, "pdm": ManifestJudge._python_manager,
    "mvn": ManifestJudge._maven, "mvnw": ManifestJudge._maven,
    "gradle": ManifestJudge._gradle, "gradlew": ManifestJudge._gradle,
    "npm": ManifestJudge._js_install, "pnpm": ManifestJudge._js_install,
    "yarn": ManifestJudge._js_install, "bun": ManifestJudge._js_install,
    "bundle": ManifestJudge._bundle, "composer": ManifestJudge._composer,
}  # fmt: skip
