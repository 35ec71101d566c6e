"""Where a Python module's test goes, and the name it is imported by.

The import name: the module's dotted path below its import root, the directory above its
topmost regular package (`src/pkg/sub/mod.py` -> `pkg.sub.mod`); a module outside any
regular package is a namespace package module below `src/` or the root (`tools/gen.py` ->
`tools.gen`).

The test's directory, first that applies: pytest's `testpaths` (its first entry); the
repository's main test directory (`facts.test_dirs`, most test files first); beside the
module, when the repository's Python tests all live beside their modules; else `tests/`.
Below a test directory the module's packages are mirrored without the top one
(`pkg/sub/mod.py` -> `tests/sub/test_mod.py`). The file is named by pytest's `python_files`
(`test_mod.py`, or `mod_test.py` for `*_test.py`), and its name is kept unique among all
Python test files (a parent package is prefixed: `test_sub_mod.py`) so pytest's default
import mode never meets two test modules of one name.
"""

from __future__ import annotations

import fnmatch
import keyword
import posixpath
from dataclasses import dataclass

from auditor.facts.files import RepositoryFiles
from auditor.facts.layout.places import ranked_test_dirs
from auditor.facts.testing.pytest_config import DEFAULT_PYTHON_FILES, PytestConfig
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


def import_name(repo: RepositoryFiles, path: str) -> tuple[str, str] | None:
    """(dotted name, import root) of the module at `path`, or None when it has no name
    Python can import (`0001_initial.py`, `my-tools/x.py`)."""
    dirs = path.split("/")[:-1]
    top = len(dirs)
    while top > 0 and repo.file("/".join(dirs[:top]) + "/__init__.py") is not None:
        top -= 1
    if top == len(dirs):  # not in a regular package
        top = 1 if dirs and dirs[0] in SOURCE_ROOTS else 0
    parts = path[:-3].split("/")[top:]
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
        return None
    return ".".join(parts), "/".join(dirs[:top])


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
        self.test_dir = _test_dir(repo, config, test_dirs)
        tests = [f.path for f in repo.files if f.is_test and f.path.endswith(".py")]
        self.taken = {posixpath.basename(p) for p in tests}

    def place(self, path: str) -> PythonPlace | None:
        named = import_name(self.repo, path)
        if named is None:
            return None
        dotted, root = named
        names = dotted.split(".")
        if self.test_dir is None:
            directory = posixpath.dirname(path)
        else:
            directory = posixpath.join(self.test_dir, *names[1:-1])
        for size in range(1, len(names) + 1):
            file_name = self._file_name("_".join(names[-size:]))
            test_path = posixpath.join(directory, file_name)
            if file_name not in self.taken or self._scaffold_of(test_path, path):
                self.taken.add(file_name)
                return PythonPlace(dotted, root, test_path)
        return None

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


def _test_dir(
    repo: RepositoryFiles, config: PytestConfig | None, test_dirs: tuple[str, ...]
) -> str | None:
    """The directory new tests go to; None for beside their modules."""
    if config is not None and config.testpaths:
        return _clean(config.testpaths[0])
    ranked = ranked_test_dirs(repo, test_dirs)
    python_dirs = [d for d in ranked if any(_python_test(f) for f in repo.under(d))]
    if python_dirs:
        return python_dirs[0]
    python_tests = [f for f in repo.files if _python_test(f)]
    if any(posixpath.basename(f.path).startswith("test_") for f in python_tests):
        return None
    return "tests"


def _python_test(record: SourceFile) -> bool:
    return record.is_test and record.path.endswith(".py")


def _clean(path: str) -> str:
    return posixpath.normpath(path.removeprefix("./")).strip("/") or "tests"
