"""How to run one test, with a real test of the repository: `pytest path::name`, `go test -run`.

Built from the chosen test command (`command`), with the same prefix (`prefix`): when the
suite runs as `uv run pytest`, one test runs as `uv run pytest tests/test_a.py::test_x`; when
it runs from a directory (`cd crates/core && cargo test`), so does the single test.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from auditor.facts.files import RepositoryFiles
from auditor.facts.layout.places import ranked_test_dirs
from auditor.facts.model import Command, CommandTemplate
from auditor.facts.runners.registry import runners_of
from auditor.facts.runners.resolution import located_invocations, reach
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources
from auditor.facts.testing.command_template import Part, prefixed, templated
from auditor.facts.testing.frameworks import PYTEST_REQUIREMENT
from auditor.facts.testing.prefix import ENVIRONMENT_RUN, build_tool, js_program

PYTHON_TEST = re.compile(r"^(?:(class)\s+(\w+)|([ \t]*)(?:async\s+)?def\s+(test\w*)\s*\()", re.M)
GO_TEST = re.compile(r"^func (Test\w+)\(\s*\w+ \*testing\.T\)", re.M)
RUST_TEST = re.compile(r"#\[(?:tokio::)?test\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)")
JS_TEST = re.compile(r"^[^\S\n]*(?:it|test)\(\s*(['\"])([\w .,:/-]{1,60})\1", re.M)
JS_TEST_FILE = re.compile(r"\.(?:test|spec)\.[cm]?[jt]sx?$")
SAFE_PREFIX = re.compile(r"^[\w ./:=-]+$")
MAX_FILES = 400
T = TypeVar("T")
Builder = Callable[["Where", str], CommandTemplate | None]
"""How one test runner's single test is built: from where it runs and the test command."""
PythonTest = tuple[str, str | None, str]
"""(file, class or None, function) of one Python test."""
OWN_ENVIRONMENTS = frozenset({"tox", "nox", "hatch", "pdm", "poe"})
"""Runners that run a command in an environment of their own: outside, run it the project's
way (`uv run pytest`), not as the env's line says."""


@dataclass(frozen=True, slots=True)
class Where:
    """What a single test is built from: the files, where the run happens, the manager."""

    files: RepositoryFiles
    test_dirs: tuple[str, ...]
    cwd: str
    manager: str | None
    project_pytest: bool = True
    """Whether the project's own dependencies (not a tox env's) bring pytest."""

    def local(self, path: str) -> str:
        return posixpath.relpath(path, self.cwd) if self.cwd else path


def single_test(
    src: FactSources, test_dirs: tuple[str, ...], test: Command | None, manager: str | None
) -> CommandTemplate | None:
    """One real test run on its own, with the runner the test command reaches, as a template
    whose values give that example (`Facts.single_test_command`); or None."""
    if test is None:
        return None
    for invocation, text, cwd in _reached_runners(src, test):
        build = BUILDERS.get(invocation.program)
        where = Where(src.repo, test_dirs, cwd, manager, _project_declares_pytest(src))
        found = build(where, text) if build else _through_script(src, where, invocation)
        if found:
            return prefixed(f"cd {cwd} && ", found) if cwd else found
    return None


def _reached_runners(src: FactSources, test: Command) -> Iterator[tuple[Invocation, str, str]]:
    """(invocation, the text to take its prefix from, its directory) of what the test runs."""
    for command in reach(runners_of(src), test):
        text = "" if command.origin in OWN_ENVIRONMENTS else command.text
        for invocation, cwd in located_invocations(command):
            yield invocation, text.split("&&")[-1].strip(), cwd


def _through_script(
    src: FactSources, where: Where, invocation: Invocation
) -> CommandTemplate | None:
    """`scripts/test tests/test_a.py::test_x`: a test script that hands its arguments to pytest
    (`pytest "$@"`) runs one test when given one."""
    written = invocation.head
    path = written
    if invocation.program in ("bash", "sh") and invocation.args:
        path = invocation.args[0]
        written = f"{invocation.program} {path}"
    path = posixpath.normpath(posixpath.join(where.cwd, path.removeprefix("./")))
    text = where.files.text(path) if "/" in written and where.files.file(path) else None
    if text is None or not FORWARDS_TO_PYTEST.search(text):
        return None
    found = _first(where, lambda p: p.endswith(".py"), _python_test)
    return templated(f"{written} ", *_pytest_node(found)) if found else None


FORWARDS_TO_PYTEST = re.compile(r"(?m)^[^#\n]*\bpytest\b[^\n]*[\"']?\$[@*]")
"""A script line that runs pytest with the script's own arguments."""


def _pytest_node(found: PythonTest) -> tuple[Part, ...]:
    """`{file}::{name}` or `{file}::{class}::{name}`: a pytest node id."""
    path, cls, name = found
    inside: tuple[Part, ...] = (("class", cls), "::") if cls else ()
    return (("file", path), "::", *inside, ("name", name))


def _pytest(where: Where, text: str) -> CommandTemplate | None:
    found = _first(where, lambda p: p.endswith(".py"), _python_test)
    if found is None:
        return None
    match = re.match(r"^(.*?\bpytest)\b", text)
    prefix = match.group(1) if match else ""
    if not prefix or not SAFE_PREFIX.match(prefix) or prefix.startswith("cd "):
        run = ENVIRONMENT_RUN.get(where.manager or "", "python -m")
        if not where.project_pytest:  # pytest comes with a tox or nox env only
            return _unittest(where, run, found)
        prefix = f"{run} pytest"
    return templated(f"{prefix} ", *_pytest_node(found))


def _unittest(where: Where, run: str, found: PythonTest) -> CommandTemplate | None:
    """`poetry run python -m unittest tests.test_a.ATest.test_x`, for TestCase classes."""
    path, cls, name = found
    text = where.files.text(posixpath.join(where.cwd, path))
    if cls is None or not text or "TestCase" not in text:
        return None
    module = path.removesuffix(".py").replace("/", ".")
    python = "python -m" if run == "python -m" else f"{run} python -m"
    dotted = (("module", module), ".", ("class", cls), ".", ("name", name))
    return templated(f"{python} unittest ", *dotted)


PROJECT_MANIFESTS = ("pyproject.toml", "setup.cfg", "setup.py", "Pipfile")


def _project_declares_pytest(src: FactSources) -> bool:
    """Whether pytest is among the project's own dependencies or requirements files."""
    requirements = src.repo.glob("/requirements*.txt", "/requirements/*.txt", "/requirements*.in")
    paths = (*PROJECT_MANIFESTS, *(f.path for f in requirements))
    return any(PYTEST_REQUIREMENT.search(src.text(p) or "") for p in paths if src.repo.file(p))


def _python_test(path: str, text: str) -> PythonTest | None:
    name = path.rsplit("/", 1)[-1]
    if not (name.startswith("test_") or name.endswith("_test.py")):
        return None
    cls = None
    for match in PYTHON_TEST.finditer(text):
        if match.group(1):
            cls = match.group(2)
        elif not match.group(3):
            return (path, None, match.group(4))
        elif cls is not None:
            return (path, cls, match.group(4))
    return None


def _go(where: Where, text: str) -> CommandTemplate | None:
    def test(path: str, source: str) -> CommandTemplate | None:
        match = GO_TEST.search(source) if path.endswith("_test.go") else None
        if match is None:
            return None
        directory = posixpath.dirname(path)
        package = "./" + directory if directory else "."
        return templated("go test -run '^", ("name", match.group(1)), "$' ", ("package", package))

    return _first(where, lambda p: p.endswith("_test.go"), test)


def _cargo(where: Where, text: str) -> CommandTemplate | None:
    def test(path: str, source: str) -> CommandTemplate | None:
        match = RUST_TEST.search(source)
        if match is None:
            return None
        crate = _crate_of(where, path)
        package: tuple[Part, ...] = ("-p ", ("crate", crate), " ") if crate else ()
        return templated("cargo test ", *package, ("name", match.group(1)))

    return _first(where, lambda p: p.endswith(".rs"), test, tests_only=False)


def _crate_of(where: Where, path: str) -> str | None:
    """The package name of the crate holding `path`, when it is not the crate run from."""
    directory = posixpath.dirname(path)
    while directory and directory != ".":
        manifest = where.files.text(posixpath.join(where.cwd, directory, "Cargo.toml"))
        if manifest is not None:
            name = re.search(r'^[^\S\n]*name\s*=\s*"([\w-]+)"', manifest, re.M)
            return name.group(1) if name else None
        directory = posixpath.dirname(directory)
    return None


def _js(runner: str) -> Builder:
    def build(where: Where, text: str) -> CommandTemplate | None:
        def test(path: str, source: str) -> CommandTemplate | None:
            match = JS_TEST.search(source)
            if match is None:
                return None
            run = js_program(where.manager, "vitest run" if runner == "vitest" else runner)
            return templated(f"{run} ", ("file", path), ' -t "', ("name", match.group(2)), '"')

        return _first(where, lambda p: bool(JS_TEST_FILE.search(p)), test)

    return build


NODE_TEST_FILE = re.compile(r"\.test\.[cm]?js$")
NODE_TEST_IMPORT = re.compile(r"""(?:require\(|from\s+)["']node:test["']""")


def _node_test(where: Where, text: str) -> CommandTemplate | None:
    """`node --test --test-name-pattern="adds" test/a.test.js`: one test of node's own runner,
    which `borp` and `node --test` run (a JavaScript file that imports `node:test`)."""

    def test(path: str, source: str) -> CommandTemplate | None:
        match = JS_TEST.search(source) if NODE_TEST_IMPORT.search(source) else None
        if match is None or not SAFE_PREFIX.match(path):
            return None
        name = ("name", match.group(2))
        return templated('node --test --test-name-pattern="', name, '" ', ("file", path))

    return _first(where, lambda p: bool(NODE_TEST_FILE.search(p)), test)


def _node(where: Where, text: str) -> CommandTemplate | None:
    return _node_test(where, text) if re.search(r"(?:^|\s)--test\b", text) else None


JVM_TEST_METHOD = re.compile(
    r"@Test\b(?:\([^)]*\))?\s+(?:@\w+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|protected|internal|open|override|suspend)\s+)*(?:void|fun)\s+(\w+)\s*\("
)
"""A JUnit test method: `@Test public void parses()`, `@Test fun parses()`."""
JVM_CLASS = re.compile(r"^[^\S\n]*(?:[\w@]+\s+)*class\s+\w+", re.M)
JVM_ABSTRACT = re.compile(r"\babstract\s+class\b")
"""A base class of tests (`abstract class AbstractLangTest`): naming it runs no test."""


def _jvm(tool: str) -> Builder:
    """`./mvnw -pl core test -Dtest=ParserTest#parses`, `./gradlew :core:test --tests
    ParserTest.parses` (the class alone when its file holds other classes, whose tests the
    simple name would not reach)."""

    def build(where: Where, text: str) -> CommandTemplate | None:
        def test(path: str, source: str) -> CommandTemplate | None:
            if JVM_ABSTRACT.search(source):
                return None
            name = path.rsplit("/", 1)[-1].removesuffix(".java").removesuffix(".kt")
            module = path.split("/src/test/", 1)[0] if "/src/test/" in path else ""
            program = build_tool(where.files, tool, where.cwd)
            method = JVM_TEST_METHOD.search(source)
            one_class = len(JVM_CLASS.findall(source)) == 1
            if tool == "mvn":
                within: tuple[Part, ...] = (" -pl ", ("maven_module", module)) if module else ()
                chosen: tuple[Part, ...] = ("#", ("method", method.group(1))) if method else ()
                selected = ("class", name), *(chosen if one_class else ())
                return templated(program, *within, " test -Dtest=", *selected)
            project = ":" + module.replace("/", ":")
            task: tuple[Part, ...] = (("project", project), ":test") if module else ("test",)
            chosen = (".", ("method", method.group(1))) if method else ()
            selected = ("class", name), *(chosen if one_class else ())
            return templated(f"{program} ", *task, " --tests ", *selected)

        return _first(where, lambda p: p.endswith(("Test.java", "Test.kt")), test)

    return build


def _first(
    where: Where,
    wanted: Callable[[str], bool],
    name_of: Callable[[str, str], T | None],
    tests_only: bool = True,
) -> T | None:
    """`name_of(path, text)` for the first test file below the run's directory that yields a
    name (`path` relative to that directory): those of the main test directories first (not a
    sample's or a script's), then by path."""
    seen = 0
    main = ranked_test_dirs(where.files, where.test_dirs)
    rank = {d: i for i, d in enumerate(main)}

    def order(path: str) -> tuple[int, str]:
        found = [rank[d] for d in main if path.startswith(d + "/")]
        return (min(found) if found else len(main), path)

    records = where.files.under(where.cwd) if where.cwd else where.files.files
    for record in sorted(records, key=lambda f: order(f.path)):
        if (tests_only and not record.is_test) or not wanted(record.path):
            continue
        seen += 1
        if seen > MAX_FILES:
            return None
        text = where.files.text(record.path)
        found = name_of(where.local(record.path), text) if text else None
        if found:
            return found
    return None


BUILDERS: dict[str, Builder] = {
    "pytest": _pytest,
    "go": _go,
    "cargo": _cargo,
    "vitest": _js("vitest"),
    "jest": _js("jest"),
    "borp": _node_test,
    "node": _node,
    "mvn": _jvm("mvn"),
    "./mvnw": _jvm("mvn"),
    "mvnw": _jvm("mvn"),
    "gradle": _jvm("gradle"),
    "./gradlew": _jvm("gradle"),
    "gradlew": _jvm("gradle"),
}
"""Per test runner program: how to name one real test."""
