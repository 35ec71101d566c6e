"""How to run one test, with a real test of the repository: `pytest path::name`, `go test -run`."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator

from auditor.facts.layout.places import main_test_dirs
from auditor.facts.model import Command
from auditor.facts.runners.registry import TaskRunners
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.subject import Subject

PYTHON_TEST = re.compile(r"^(?:(class)\s+(\w+)|([ \t]*)(?:async\s+)?def\s+(test\w*)\s*\()", re.M)
GO_TEST = re.compile(r"^func (Test\w+)\(\s*\w+ \*testing\.T\)", re.M)
RUST_TEST = re.compile(r"#\[(?:tokio::)?test\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)")
JS_TEST = re.compile(r"^\s*(?:it|test)\(\s*(['\"])([\w .,:/-]{1,60})\1", re.M)
JS_TEST_FILE = re.compile(r"\.(?:test|spec)\.[cm]?[jt]sx?$")
SAFE_PREFIX = re.compile(r"^[\w ./:=-]+$")
MAX_FILES = 400
EXEC = {"npm": "npx", "pnpm": "pnpm exec", "yarn": "yarn", "bun": "bunx"}
RUNNER_PREFIX = {"uv": "uv run ", "poetry": "poetry run ", "pdm": "pdm run "}
OWN_ENVIRONMENTS = frozenset({"tox", "nox", "hatch", "pdm", "poe"})
"""Runners that run a command in an environment of their own: outside, run it the project's
way (`uv run pytest`), not as the env's line says."""


def single_test_command(
    subject: Subject, runners: TaskRunners, test: Command, manager: str | None
) -> str | None:
    """One real test run on its own, with the runner the test command reaches; or None."""
    for program, text in _reached_runners(runners, test):
        build = BUILDERS.get(program)
        found = build(subject, text, manager) if build else None
        if found:
            return found
    return None


def _reached_runners(runners: TaskRunners, test: Command) -> Iterator[tuple[str, str]]:
    """(program, the text to take its prefix from) of what the test command runs."""
    for command in reach(runners, test):
        text = "" if command.origin in OWN_ENVIRONMENTS else command.text
        for invocation, _ in located_invocations(command):
            yield invocation.program, text


def _pytest(subject: Subject, text: str, manager: str | None) -> str | None:
    found = _first(subject, lambda p: p.endswith(".py"), _python_test)
    if found is None:
        return None
    match = re.match(r"^(.*?\bpytest)\b", text)
    prefix = match.group(1) if match else ""
    if not prefix or not SAFE_PREFIX.match(prefix) or prefix.startswith("cd "):
        prefix = RUNNER_PREFIX.get(manager or "", "python -m ") + "pytest"
    return f"{prefix} {found}"


def _python_test(path: str, text: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    if not (name.startswith("test_") or name.endswith("_test.py")):
        return None
    cls = None
    for match in PYTHON_TEST.finditer(text):
        if match.group(1):
            cls = match.group(2)
        elif not match.group(3):
            return f"{path}::{match.group(4)}"
        elif cls is not None:
            return f"{path}::{cls}::{match.group(4)}"
    return None


def _go(subject: Subject, text: str, manager: str | None) -> str | None:
    def test(path: str, source: str) -> str | None:
        match = GO_TEST.search(source) if path.endswith("_test.go") else None
        if match is None:
            return None
        directory = posixpath.dirname(path)
        return (
            f"go test -run '^{match.group(1)}$' ./{directory}"
            if directory
            else (f"go test -run '^{match.group(1)}$' .")
        )

    return _first(subject, lambda p: p.endswith("_test.go"), test)


def _cargo(subject: Subject, text: str, manager: str | None) -> str | None:
    def test(path: str, source: str) -> str | None:
        match = RUST_TEST.search(source)
        if match is None:
            return None
        crate = _crate_of(subject, path)
        return (
            f"cargo test -p {crate} {match.group(1)}" if crate else (f"cargo test {match.group(1)}")
        )

    return _first(subject, lambda p: p.endswith(".rs"), test, tests_only=False)


def _crate_of(subject: Subject, path: str) -> str | None:
    """The package name of the crate holding `path`, when it is not the root crate."""
    directory = posixpath.dirname(path)
    while directory:
        manifest = subject.files.text(f"{directory}/Cargo.toml")
        if manifest is not None:
            name = re.search(r'^\s*name\s*=\s*"([\w-]+)"', manifest, re.M)
            return name.group(1) if name else None
        directory = posixpath.dirname(directory)
    return None


def _js(runner: str) -> Callable[[Subject, str, str | None], str | None]:
    def build(subject: Subject, text: str, manager: str | None) -> str | None:
        def test(path: str, source: str) -> str | None:
            match = JS_TEST.search(source)
            if match is None:
                return None
            prefix = EXEC.get(manager or "", "npx")
            run = "vitest run" if runner == "vitest" else runner
            return f'{prefix} {run} {path} -t "{match.group(2)}"'

        return _first(subject, lambda p: bool(JS_TEST_FILE.search(p)), test)

    return build


def _maven(subject: Subject, text: str, manager: str | None) -> str | None:
    def test(path: str, source: str) -> str | None:
        name = path.rsplit("/", 1)[-1].removesuffix(".java").removesuffix(".kt")
        module = path.split("/src/test/", 1)[0] if "/src/test/" in path else ""
        program = "./mvnw" if subject.files.file("mvnw") else "mvn"
        where = f" -pl {module}" if module else ""
        return f"{program}{where} test -Dtest={name}"

    return _first(subject, lambda p: p.endswith(("Test.java", "Test.kt")), test)


def _first(
    subject: Subject,
    wanted: Callable[[str], bool],
    name_of: Callable[[str, str], str | None],
    tests_only: bool = True,
) -> str | None:
    """`name_of(path, text)` for the first test file that yields a name: those of the main test
    directories first (not a sample's or a script's), then by path."""
    seen = 0
    main = main_test_dirs(subject)
    rank = {d: i for i, d in enumerate(main)}

    def order(path: str) -> tuple[int, str]:
        where = [rank[d] for d in main if path.startswith(d + "/")]
        return (min(where) if where else len(main), path)

    for record in sorted(subject.files.files, key=lambda f: order(f.path)):
        if (tests_only and not record.is_test) or not wanted(record.path):
            continue
        seen += 1
        if seen > MAX_FILES:
            return None
        text = subject.files.text(record.path)
        found = name_of(record.path, text) if text else None
        if found:
            return found
    return None


BUILDERS: dict[str, Callable[[Subject, str, str | None], str | None]] = {
    "pytest": _pytest,
    "go": _go,
    "cargo": _cargo,
    "vitest": _js("vitest"),
    "jest": _js("jest"),
    "mvn": _maven,
    "./mvnw": _maven,
    "mvnw": _maven,
}
"""Per test runner program: how to name one real test."""
