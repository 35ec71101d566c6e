"""Whether a documented command resolves: manifests, make/just targets, scripts, tox envs, nox
sessions, paths."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping

from auditor.facts.files import RepositoryFiles
from auditor.facts.model import Command
from auditor.facts.references.manifests import MISSING as MISSING_RUNNER
from auditor.facts.references.manifests import ManifestJudge
from auditor.facts.references.paths import PathJudge
from auditor.facts.runners.arguments import (
    just_words,
    make_args,
    nox_sessions_selected,
    tox_envs_selected,
)
from auditor.facts.runners.justfile import justfile_path
from auditor.facts.runners.makefile import makefile_in, read_configured_makefile
from auditor.facts.runners.package_scripts import dependencies
from auditor.facts.runners.registry import TaskRunners, runners_of
from auditor.facts.runners.resolution import located_invocations
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources
from auditor.facts.subject import Subject
from auditor.index.read_log import recorded_property

MAKE_GENERATORS = ("CMakeLists.txt", "configure", "configure.ac", "Makefile.am", "Makefile.in",
                   "meson.build", "Makefile.PL", "binding.gyp")  # fmt: skip
"""Files that mean a Makefile is generated before `make` runs."""
UNSURE_MAKE = re.compile(r"\$\(eval|^-?include\s|^sinclude\s|^[^\S\n]*define\s", re.M)
UNSURE_JUST = re.compile(r"^[^\S\n]*(?:import|mod)\b", re.M)
SCRIPT_RUNNERS = frozenset({"bash", "sh", "zsh", "python", "node", "ruby", "perl", "pwsh", "deno"})
SCRIPT_FILE = re.compile(r"\.(?:sh|bash|py|js|mjs|cjs|ts|rb|pl|ps1)$")
JS_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
JS_SHORTCUTS = frozenset({"test", "start", "stop", "restart"})
JS_SCOPED = frozenset({
    "-C", "--prefix", "--dir", "--cwd", "-w", "--workspace", "--filter", "-F", "-r",
    "--recursive", "-ws", "--workspaces", "-A", "--all",
})  # fmt: skip
PLAIN_NAME = re.compile(r"^[\w:.-]+$")
PYTHON_FACTOR = re.compile(r"^(?:py|pypy)\d*(?:\.\d+)?t?$")


class CommandJudge:
    """Says why a command documented in a file does not resolve in the repository."""

    def __init__(self, subject: Subject, paths: PathJudge) -> None:
        self.index: RepositoryFiles = subject.files
        self.src: FactSources = subject.sources
        self.paths = paths
        self.manifests = ManifestJudge(subject.files, subject.sources)

    @recorded_property
    def runners(self) -> TaskRunners:
        return runners_of(self.src)

    def problems(self, command: Command, directory: str, strict: bool = True) -> Iterator[str]:
        """Why `command`, documented in a file of `directory`, would not run as written.

        Not `strict` (README, CONTRIBUTING: they also show commands for other projects), a
        missing Makefile, justfile, tox or nox configuration is not held against it.
        """
        for invocation, cwd in located_invocations(command):
            here = _join(directory, cwd)
            check = CHECKS.get(invocation.program)
            found = self.manifests.problem(invocation, here)
            found = found or (check(self, invocation, here) if check else None)
            if found and not strict and found.startswith(MISSING_RUNNER):
                found = None
            if found:
                yield found.removeprefix(MISSING_RUNNER)
                return
            found = self._script(invocation, here) or self._path_args(invocation, here)
            if found:
                yield found
                return

    def _make(self, invocation: Invocation, cwd: str) -> str | None:
        directory, targets = make_args(invocation.args, cwd)
        if any(a in ("-f", "--file", "--makefile") or a.startswith("-f") for a in invocation.args):
            return None
        path = makefile_in(self.src, directory)
        if path is None:
            return self._no_makefile(directory)
        makefile = self.runners.makefile(directory)
        if makefile is None or UNSURE_MAKE.search(self.index.text(path) or ""):
            return None
        configured = read_configured_makefile(self.src, directory)  # `./configure` writes one
        for target in targets:
            if not PLAIN_NAME.match(target) or makefile.rule_for(target) is not None:
                continue
            known = configured is not None and configured.rule_for(target) is not None
            if not known and not self._elsewhere(target, lambda d: self.runners.make(d)):
                return f"`make {target}`: {path} has no target `{target}`"
        return None

    def _no_makefile(self, directory: str) -> str | None:
        """Why `make` cannot run in `directory`, which has no Makefile: none, when a generator
        writes one there (`./configure`, CMake)."""
        if self._generated_makefile(directory):
            return None
        return MISSING_RUNNER + f"`make`: no Makefile in {directory or 'the repository root'}"

    def _elsewhere(
        self,
        name: str,
        table: Callable[[str], Mapping[str, object]],
        directories: tuple[str, ...] | None = None,
    ) -> bool:
        """Whether another directory's Makefile (or package.json) has `name`: the document may
        mean to run it there (`cd website && yarn start` split over two lines)."""
        if directories is None:
            directories = tuple(
                posixpath.dirname(f.path)
                for f in self.index.files
                if f.path.rsplit("/", 1)[-1] in ("Makefile", "makefile", "GNUmakefile")
            )
        return any(name in table(directory) for directory in directories)

    def _generated_makefile(self, directory: str) -> bool:
        names = {f.path.rsplit("/", 1)[-1] for f in self.index.files}
        return bool(names & set(MAKE_GENERATORS)) or directory != ""

    def _just(self, invocation: Invocation, _cwd: str) -> str | None:
        path = justfile_path(self.src)
        if path is None:
            return MISSING_RUNNER + "`just`: the repository has no justfile"
        words = just_words(invocation.args)
        if not words or "=" in words[0] or UNSURE_JUST.search(self.index.text(path) or ""):
            return None
        name = words[0]
        if PLAIN_NAME.match(name) and name not in self.runners.just:
            return f"`just {name}`: {path} has no recipe `{name}`"
        return None

    def _package(self, invocation: Invocation, cwd: str) -> str | None:
        args, program = invocation.args, invocation.program
        name = _script_named(invocation)
        manifest = posixpath.join(cwd, "package.json") if cwd else "package.json"
        if name is None or self.index.file(manifest) is None or not PLAIN_NAME.match(name):
            return None
        if name in self.runners.scripts(cwd) or self._runs_elsewhere(name, program, cwd):
            return None
        return f"`{program} {' '.join(args[:2])}`: {manifest} has no script `{name}`"

    def _runs_elsewhere(self, name: str, program: str, cwd: str) -> bool:
        """Whether another package has the script, or (yarn, pnpm, bun) `name` is the binary of
        a dependency (`yarn run --inspect-brk jest`)."""
        if self._elsewhere(name, self.runners.scripts, self.runners.package_dirs):
            return True
        return program != "npm" and name in dependencies(self.src, cwd)

    def _tox(self, invocation: Invocation, _cwd: str) -> str | None:
        config = self.runners.tox
        if config is None:
            return MISSING_RUNNER + "`tox`: the repository has no tox configuration"
        declared = {*config.env_list, *config.envs}
        factors = {factor for env in declared for factor in env.split("-")}
        for env in tox_envs_selected(invocation.args) or ():
            if not PLAIN_NAME.match(env) or env == "ALL" or env in declared:
                continue
            unknown = [f for f in env.split("-") if f not in factors and not PYTHON_FACTOR.match(f)]
            if unknown:
                return f"`tox -e {env}`: {config.path} has no env `{env}`"
        return None

    def _nox(self, invocation: Invocation, _cwd: str) -> str | None:
        config = self.runners.nox
        if config is None:
            return MISSING_RUNNER + "`nox`: the repository has no noxfile.py"
        for name in nox_sessions_selected(invocation.args):
            base = re.split(r"[-(]", name, maxsplit=1)[0]
            known = name in config.sessions or base in config.sessions
            if PLAIN_NAME.match(name) and not known:
                return f"`nox -s {name}`: noxfile.py has no session `{name}`"
        return None

    @recorded_property
    def crates(self) -> frozenset[str]:
        """The package names of every Cargo.toml of the repository."""
        names = set()
        for record in self.index.files:
            if record.path.rsplit("/", 1)[-1] == "Cargo.toml":
                package = (self.src.toml(record.path) or {}).get("package")
                name = package.get("name") if isinstance(package, dict) else None
                names.add(name) if isinstance(name, str) else None
        return frozenset(names)

    def _cargo(self, invocation: Invocation, _cwd: str) -> str | None:
        """`cargo test -p NAME` where no crate of the repository is called NAME."""
        args = invocation.args
        for option, value in itertools.pairwise(args):
            named = option in ("-p", "--package") and PLAIN_NAME.match(value)
            if named and self.crates and value not in self.crates:
                return f"`cargo {args[0]} {option} {value}`: no crate is named `{value}`"
        return None

    def _script(self, invocation: Invocation, cwd: str) -> str | None:
        """A script run by its path (`./scripts/x.sh`, `bash scripts/x.sh`) that is missing."""
        head = invocation.head
        target = head if "/" in head and not head.startswith(("$", "~", "/")) else None
        if target is None and invocation.program in SCRIPT_RUNNERS:
            first = next((a for a in invocation.args if not a.startswith("-")), None)
            if invocation.args[:1] in (("-m",), ("-c",), ("-e",)):
                first = None
            target = first if first and SCRIPT_FILE.search(first) else None
        if target is None:
            return None
        path = _joined(cwd, target)
        missing = self.paths.code_span(path, "") if path else None
        return f"`{target}`: no such file" if missing else None

    def _path_args(self, invocation: Invocation, cwd: str) -> str | None:
        """A path argument (`tests/test_x.py::t`, `./cmd/...`) naming what does not exist."""
        if invocation.program in WRITERS:
            return None
        previous = ""
        for arg in invocation.args:
            option, previous = previous, arg
            if arg.startswith("-") or option in OUTPUT_OPTIONS or "/" not in arg:
                continue
            path = arg.removesuffix("/...")
            missing = self.paths.code_span(path, cwd)
            if missing:
                return f"`{arg}`: no such file or directory"
        return None


WRITERS = frozenset({
    "mkdir", "touch", "cp", "mv", "ln", "rm", "echo", "printf", "git", "docker", "tee", "curl",
    "wget", "gh", "export", "cat", "install", "rsync", "tar", "unzip", "chmod", "chown",
    "podman", "kubectl", "helm", "scp", "ssh",
})  # fmt: skip
"""Programs whose path arguments name outputs or remote places, not repository files."""
OUTPUT_OPTIONS = frozenset({"-o", "--output", "--out", "-O", "--outfile", "--output-file",
                            "--target-dir", "-d", "--dest", "--outdir", "--out-dir"})  # fmt: skip
CHECKS: dict[str, Callable[[CommandJudge, Invocation, str], str | None]] = {
    "make": CommandJudge._make, "gmake": CommandJudge._make, "just": CommandJudge._just,
    "npm": CommandJudge._package, "pnpm": CommandJudge._package, "yarn": CommandJudge._package,
    "bun": CommandJudge._package, "tox": CommandJudge._tox, "nox": CommandJudge._nox,
    "cargo": CommandJudge._cargo,
}  # fmt: skip


def _join(directory: str, cwd: str) -> str:
    if not cwd:
        return directory
    joined = posixpath.normpath(posixpath.join(directory, cwd))
    return "" if joined == "." else joined


def _joined(cwd: str, target: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(cwd, target))
    return None if joined.startswith("..") else joined


def _script_named(invocation: Invocation) -> str | None:
    """The script a package manager's invocation runs (`npm run lint`, `pnpm test`), or None
    (a filtered or scoped run, or no script)."""
    args, program = invocation.args, invocation.program
    if not args or any(a in JS_SCOPED or a.startswith("--filter") for a in args):
        return None
    if args[0] in ("run", "run-script") and len(args) > 1:
        return next((a for a in args[1:] if not a.startswith("-")), None)
    if args[0] in JS_SHORTCUTS and not (program == "bun" and args[0] == "test"):
        return args[0]
    return None
