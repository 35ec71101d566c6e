"""Python scaffolds: a pytest module per untested module, and pytest's configuration when the
repository has none.

The configuration, only when no file configures pytest (`facts.testing.pytest_config`): a
`[tool.pytest.ini_options]` table with `testpaths` (where the tests were put) and
`pythonpath` (the import roots of the modules they import, so `pytest` finds them without an
install), appended to `pyproject.toml`; without one, the same in a new `pytest.ini` (a new
`pyproject.toml` would switch a `setup.py` project's pip builds to PEP 517). No `conftest.py`
is written: with `pythonpath` set it would hold nothing. An existing configuration is never
changed.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from auditor.facts.testing.pytest_config import PytestConfig, pytest_config
from auditor.facts.testing.untested import UntestedModule
from auditor.scaffold.marker import with_marker
from auditor.scaffold.python_layout import PythonPlacer, import_name

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources
    from auditor.facts.subject import Subject
    from auditor.scaffold.plan import PlannedFile, PlannedModule

PYPROJECT = "pyproject.toml"
PYTEST_INI = "pytest.ini"
DEFAULT_LINE_LENGTH = 88


class PythonScaffolder:
    """Makes the test module of each Python module of one plan."""

    def __init__(self, subject: Subject) -> None:
        self.subject = subject
        self.config: PytestConfig | None = pytest_config(subject.sources)
        self.placer = PythonPlacer(subject.files, self.config, subject.facts.test_dirs)
        self.line_length = ruff_line_length(subject.sources)
        self.roots: dict[str, str] = {}
        """Test path -> the import root of the module it imports."""

    def name_of(self, module: UntestedModule) -> str:
        """How `--module` names `module`: its import name (Python), else its path."""
        if module.language != "python":
            return module.path
        named = import_name(self.subject.files, module.path)
        return named[0] if named else module.path

    def module_names(self) -> dict[str, str]:
        """Import name -> path of every Python module of the repository."""
        found: dict[str, str] = {}
        for record in self.subject.files.files:
            if record.path.endswith(".py") and (
                named := import_name(self.subject.files, record.path)
            ):
                found.setdefault(named[0], record.path)
        return found

    def scaffold(self, module: UntestedModule) -> tuple[list[PlannedFile], str]:
        """The test file of `module`, or ([], why there is none)."""
        import libcst

        from auditor.scaffold.plan import GeneratedInvalid, PlannedFile
        from auditor.scaffold.python_source import read_module_api
        from auditor.scaffold.python_test import python_test_module

        text = self.subject.files.text(module.path)
        if text is None:
            return [], "the file could not be read as text"
        if import_name(self.subject.files, module.path) is None:
            return [], "its path is not a Python import name"
        place = self.placer.place(module.path)
        if place is None:
            return [], "every test file name it could have is taken"
        try:
            api = read_module_api(text)
        except libcst.ParserSyntaxError as error:
            return [], f"libcst cannot parse it: {str(error).splitlines()[0]}"
        doctests = not (self.config is not None and self.config.doctest_modules)
        flags = self.config.doctest_optionflags if self.config else ("ELLIPSIS",)
        body = python_test_module(place.import_name, api, doctests, flags, self.line_length)
        try:
            libcst.parse_module(body)  # what is written parses
        except libcst.ParserSyntaxError:
            raise GeneratedInvalid("the generated test does not parse (a bug: report it)") from None
        self.roots[place.test_path] = place.import_root
        content = with_marker("#", module.path, body)
        current = self.subject.files.text(place.test_path)
        files = [PlannedFile(place.test_path, content, current, module.path)]
        if place.new_package is not None:  # a new test directory, a package like the others
            files.append(PlannedFile(place.new_package, with_marker("#", module.path, "")))
        return files, ""

    def config_files(self, modules: Sequence[PlannedModule]) -> list[PlannedFile]:
        """pytest's configuration for the planned tests, when the repository has none."""
        tests = [t for m in modules if m.module.language == "python" for t in m.tests]
        if self.config is not None or not tests:
            return []
        testpaths = sorted({_top(t) for t in tests})
        pythonpath = sorted({self.roots.get(t, "") or "." for t in tests})
        if any(not p.isprintable() or " " in p for p in (*testpaths, *pythonpath)):
            return []  # pytest splits these lists at spaces
        if self.subject.files.file(PYPROJECT) is None:
            return [_pytest_ini(testpaths, pythonpath)]
        current = self.subject.files.text(PYPROJECT)
        if current is None:
            return []
        return _pyproject_table(current, testpaths, pythonpath)


def _pytest_ini(testpaths: list[str], pythonpath: list[str]) -> PlannedFile:
    """A new pytest.ini naming `testpaths` and `pythonpath`."""
    from auditor.scaffold.plan import PlannedFile

    lines = ["[pytest]", f"testpaths = {' '.join(testpaths)}"]
    lines.append(f"pythonpath = {' '.join(pythonpath)}")
    return PlannedFile(PYTEST_INI, "\n".join(lines) + "\n", None)


def _pyproject_table(
    current: str, testpaths: list[str], pythonpath: list[str]
) -> list[PlannedFile]:
    """`[tool.pytest.ini_options]` appended to pyproject.toml, when appending changes nothing
    else in it (else nothing)."""
    from auditor.scaffold.plan import PlannedFile

    table = "[tool.pytest.ini_options]\n"
    table += f"testpaths = [{', '.join(json.dumps(p) for p in testpaths)}]\n"
    table += f"pythonpath = [{', '.join(json.dumps(p) for p in pythonpath)}]\n"
    content = current + ("" if current.endswith("\n") or not current else "\n") + "\n" + table
    if not _adds_only(current, content):
        return []
    return [PlannedFile(PYPROJECT, content, current, appends=True)]


def ruff_line_length(src: FactSources) -> int | None:
    """The line length ruff holds the tests to when it checks line length (E501 selected in
    `ruff.toml`, `.ruff.toml` or `pyproject.toml`'s `[tool.ruff]`), else None: by default it
    does not, and a needless `# noqa: E501` would be flagged itself (RUF100)."""
    for path in ("ruff.toml", ".ruff.toml", PYPROJECT):
        table = _ruff_table(src, path)
        if table is None:
            continue
        if not any(code in ("E", "E5", "E50", "E501", "ALL") for code in _selected(table)):
            return None
        length = table.get("line-length")
        return length if isinstance(length, int) and length > 0 else DEFAULT_LINE_LENGTH
    return None


def _ruff_table(src: FactSources, path: str) -> dict[str, Any] | None:
    """ruff's settings in `path` (`[tool.ruff]` in pyproject.toml), or None without them."""
    if src.repo.file(path) is None:
        return None
    data = src.toml(path) or {}
    tool = data.get("tool")
    table = (tool.get("ruff") if isinstance(tool, dict) else None) if path == PYPROJECT else data
    return table if isinstance(table, dict) else None


def _selected(table: dict[str, Any]) -> list[str]:
    """The rule codes `select` and `extend-select` name, at the top and under `[lint]`."""
    lint = table.get("lint")
    return [
        str(code)
        for options in (table, lint if isinstance(lint, dict) else {})
        for key in ("select", "extend-select")
        if isinstance(options.get(key), list)
        for code in options[key]
    ]


def _top(test_path: str) -> str:
    """The directory pytest should search for `test_path`: its top directory ("." beside)."""
    head = test_path.split("/", 1)
    return head[0] if len(head) > 1 else "."


def _adds_only(current: str, content: str) -> bool:
    """Whether `content` is `current` plus a pytest table and nothing else changed."""
    try:
        before, after = tomllib.loads(current), tomllib.loads(content)
    except tomllib.TOMLDecodeError:
        return False
    tool = dict(after.get("tool", {}))
    tool.pop("pytest", None)
    rest = {**after, "tool": tool} if tool or "tool" in before else dict(after)
    if not tool and "tool" not in before:
        rest.pop("tool", None)
    return rest == before
