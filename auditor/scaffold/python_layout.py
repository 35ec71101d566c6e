"""Where a Python module's test goes, and the name it is imported by.

The import name: the module's dotted path below its import root, the directory above its
topmost regular package (`src/pkg/sub/mod.py` -> `pkg.sub.mod`); a module outside any
regular package is a namespace package module below `src/` or the root (`tools/gen.py` ->
`tools.gen`).

The test's directory follows what most of the repository's Python tests do (`_layout`): a
`tests/` inside each package (`sympy/core/tests/test_x.py`), one test tree (the main test
directory, `facts.test_dirs`; the module's packages mirrored below it without the top one:
`pkg/sub/mod.py` -> `tests/sub/test_mod.py`), or beside the module; `tests/` when there are
none. A place outside pytest's `testpaths` moves below their first entry, where pytest
looks. The file is named by pytest's `python_files` (`test_mod.py`, or `mod_test.py` for
`*_test.py`), and its name is kept unique among all Python test files (a parent package is
prefixed: `test_sub_mod.py`) so pytest's default import mode never meets two test modules of
one name.
"""

from __future__ import annotations

import fnmatch
import keyword
import posixpath
from collections import Counter
from dataclasses import dataclass

from auditor.facts.files import RepositoryFiles
from auditor.facts.layout.places import ranked_test_dirs
from auditor.facts.testing.pytest_config import DEFAULT_PYTHON_FILES, PytestConfig
from auditor.index.imports import package_dirs
from auditor.index.records import SourceFile
from auditor.scaffold.marker import scaffolded_module

SOURCE_ROOTS = ("src", "lib")
"""Directories commonly put on `sys.path` (src layouts) for namespace packages below them."""


@dataclass(frozen=True, slots=True)
class PythonPlace:
    """How a module is imported and where its test is written."""

    import_name: str
    import_root: str
    """The directory that must be on `sys.path` ("" for the repository root)."""
    test_path: str
    new_package: str | None = None
    """The `__init__.py` to write beside it: its directory is new, and the repository's other
    test directories of its kind are packages."""


def import_name(repo: RepositoryFiles, path: str) -> tuple[str, str] | None:
    """(dotted name, import root) of the module at `path`, or None when it has no name
    Python can import (`0001_initial.py`, `my-tools/x.py`). A directory the build installs
    under another name (`[tool.setuptools.package-dir]`: `auditor_rules = "rules"`) gives
    that name; its import root is "" (the installed package)."""
    for package, directory in package_dirs(repo.text("pyproject.toml")).items():
        if path.startswith(directory + "/"):
            mapped = _dotted([*package.split("."), *path[len(directory) + 1 : -3].split("/")])
            return (mapped, "") if mapped is not None else None
    dirs = path.split("/")[:-1]
    top = len(dirs)
    while top > 0 and repo.file("/".join(dirs[:top]) + "/__init__.py") is not None:
        top -= 1
    if top == len(dirs):  # not in a regular package
        top = 1 if dirs and dirs[0] in SOURCE_ROOTS else 0
    dotted = _dotted(path[:-3].split("/")[top:])
    return (dotted, "/".join(dirs[:top])) if dotted is not None else None


def _dotted(parts: list[str]) -> str | None:
    """`pkg.mod` for [pkg, mod] (a package's `__init__` named by the package), or None when a
    part is no Python identifier."""
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    if not parts or not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
        return None
    return ".".join(parts)


class PythonPlacer:
    """Places the tests of one plan, keeping their file names unique."""

    def __init__(
        self,
        repo: RepositoryFiles,
        config: PytestConfig | None,
        test_dirs: tuple[str, ...],
    ) -> None:
        self.repo = repo
        self.patterns = config.python_files if config else DEFAULT_PYTHON_FILES
        self.testpaths = tuple(_clean(p) for p in config.testpaths) if config else ()
        self.layout = _layout(repo, ranked_test_dirs(repo, test_dirs))
        tests = [f.path for f in repo.files if f.is_test and f.path.endswith(".py")]
        self.taken = {posixpath.basename(p) for p in tests}
        self.planned: set[str] = set()

    def place(self, path: str) -> PythonPlace | None:
        named = import_name(self.repo, path)
        if named is None:
            return None
        dotted, root = named
        names = dotted.split(".")
        directory = self._directory(path, names)
        new_package = self._new_package(directory)
        for size in range(1, len(names) + 1):
            file_name = self._file_name("_".join(names[-size:]))
            test_path = posixpath.join(directory, file_name)
            if self._free(directory, file_name) or self._scaffold_of(test_path, path):
                self.taken.add(file_name)
                self.planned.add(test_path)
                return PythonPlace(dotted, root, test_path, new_package)
        return None

    def _directory(self, path: str, names: list[str]) -> str:
        """The directory of the test of the module at `path` named `names`, by the layout;
        inside pytest's first `testpaths` entry when the layout's place lies outside them."""
        kind, where = self.layout
        module_dir = posixpath.dirname(path)
        if kind == INNER:
            directory = posixpath.join(module_dir, where)
        elif kind == BESIDE:
            directory = module_dir
        else:
            directory = posixpath.join(where, *names[1:-1])
        if self.testpaths and not any(_within(directory, p) for p in self.testpaths):
            directory = posixpath.join(self.testpaths[0], *names[1:-1])
        return directory

    def _new_package(self, directory: str) -> str | None:
        """The `__init__.py` a new inner test directory needs to be like the others."""
        init = posixpath.join(directory, "__init__.py")
        if self.layout[0] != INNER or self.repo.is_dir(directory) or init in self.planned:
            return None
        inner = {posixpath.dirname(f.path) for f in self.repo.files if _python_test(f)}
        inner = {d for d in inner if posixpath.basename(d) == self.layout[1]}
        packages = sum(1 for d in inner if self.repo.file(d + "/__init__.py") is not None)
        if packages * 2 <= len(inner):
            return None
        self.planned.add(init)
        return init

    def _free(self, directory: str, file_name: str) -> bool:
        """Whether a test may be called `file_name` in `directory`: in a test package (an
        `__init__.py` beside it) when no file has that path, elsewhere when no Python test
        file has that name (pytest's default import mode imports them by name alone)."""
        path = posixpath.join(directory, file_name)
        init = posixpath.join(directory, "__init__.py")
        if self.repo.file(init) is not None or init in self.planned:
            return path not in self.planned and self.repo.file(path) is None
        return file_name not in self.taken

    def _scaffold_of(self, test_path: str, module: str) -> bool:
        """Whether `test_path` is the auditor's scaffold of `module` (edited or not): its
        place stays the same from run to run."""
        text = self.repo.text(test_path)
        return text is not None and scaffolded_module(text) == module

    def _file_name(self, stem: str) -> str:
        """`stem`'s test file name by the first of pytest's `python_files` patterns that has
        one `*` and ends in `.py` (`test_*.py` when none has)."""
        for pattern in self.patterns:
            if pattern.count("*") == 1 and pattern.endswith(".py"):
                name = pattern.replace("*", stem)
                if fnmatch.fnmatch(name, pattern):
                    return name
        return f"test_{stem}.py"


INNER, TOP, BESIDE = "inner", "top", "beside"
INNER_NAMES = ("tests", "test")


def _layout(repo: RepositoryFiles, ranked: tuple[str, ...]) -> tuple[str, str]:
    """How the repository's Python tests are laid out, by what most of them do:
    (INNER, `tests`) for a test directory inside each package (`sympy/core/tests/`),
    (TOP, `tests`) for one tree of tests (the main test directory), (BESIDE, "") for
    `test_*.py` beside the modules; (TOP, `tests`) when there are no Python tests."""
    votes: Counter[tuple[str, str]] = Counter()
    for record in repo.files:
        if not _python_test(record) or posixpath.basename(record.path) == "conftest.py":
            continue
        dirs = record.path.split("/")[:-1]
        inner = next((d for d in range(1, len(dirs)) if dirs[d] in INNER_NAMES), None)
        parent = "/".join(dirs[:inner]) if inner is not None else ""
        if inner is not None and repo.file(parent + "/__init__.py") is not None:
            votes[(INNER, dirs[inner])] += 1
        elif not any(d in ranked or "/".join(dirs[: i + 1]) in ranked for i, d in enumerate(dirs)):
            votes[(BESIDE, "")] += 1
        else:
            votes[(TOP, "")] += 1
    if not votes:
        return TOP, "tests"
    (kind, where), _ = votes.most_common(1)[0]
    if kind == TOP:
        return TOP, next(iter(ranked), "tests")
    return kind, where


def _within(directory: str, top: str) -> bool:
    return top in (".", "") or directory == top or directory.startswith(top + "/")


def _python_test(record: SourceFile) -> bool:
    return record.is_test and record.path.endswith(".py")


def _clean(path: str) -> str:
    return posixpath.normpath(path.removeprefix("./")).strip("/") or "."
