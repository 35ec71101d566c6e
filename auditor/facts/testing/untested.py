"""Which source modules no test imports, riskiest first, and how many per language.

A module is covered when some test file imports it (the index's import graph, read for test
files too: Python imports, JS/TS relative imports; a Go package is covered by any `_test.go`
in its directory or a test importing it; a test importing a package's `__init__.py` or `index`
file covers the modules it re-exports). A module is a file; for Go it is the package's
directory. Only modules worth a test are counted: hand-written, not set aside (vendored,
generated, data, fixtures), not under examples, docs, benchmarks or templates
(`layout.aside_dirs`) or scripts (`bin/`, `scripts/`, `release/`), not private (`_x.py`:
tested through the public modules), not an entry point or a tool's config (`setup.py`,
`conftest.py`, `vite.config.ts`, type declarations), and defining at least one public
function or method.

The risk score, riskiest first (ties by path), from what the index already measured:

    risk = sum(complexity of its functions) + (lines of its functions) // 20
           + 3 * (modules importing it) + (public functions and methods)

so a long, branchy module that much of the code depends on is scaffolded first.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.facts.layout.aside_dirs import lies_aside
from auditor.index.records import FileSyntax, FunctionInfo, SourceFile

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles

SCAFFOLD_LANGUAGES = frozenset({"go", "javascript", "python", "typescript"})
"""The languages whose tests' imports are resolved and whose scaffolds `scaffold-tests` writes."""
NOT_MODULES = re.compile(
    r"""(?:^|/)(?:
        setup\.py | conftest\.py | noxfile\.py | fabfile\.py | manage\.py | __main__\.py
      | [^/]+\.config\.[cm]?[jt]s | [^/]+\.d\.[cm]?ts | \.?[^/]*rc\.[cm]?js
    )$""",
    re.VERBOSE,
)
"""Entry points, task files and tool configs: run, not imported, so no test imports them."""
SCRIPT_DIRS = frozenset({"bin", "scripts", "release"})
"""Directories of scripts a maintainer runs (`bin/`, `release/`), not modules code imports."""
IMPORTER_WEIGHT = 3
LINES_PER_POINT = 20


@dataclass(frozen=True, slots=True)
class UntestedModule:
    """A source module no test imports, with the measurements its risk score adds up."""

    path: str
    """The file (for Go, the package's directory), repository-relative."""
    language: str
    files: tuple[str, ...]
    """Its files: the path itself, or a Go package's non-test `.go` files."""
    complexity: int
    """The cyclomatic complexity of its functions, summed."""
    length: int
    """The lines of its functions, summed."""
    importers: int
    """How many modules of the repository import it."""
    public: int
    """Its public functions and methods."""

    @property
    def risk(self) -> int:
        """The documented score (module docstring): higher is riskier to leave untested."""
        return (
            self.complexity
            + self.length // LINES_PER_POINT
            + IMPORTER_WEIGHT * self.importers
            + self.public
        )


@dataclass(frozen=True, slots=True)
class ModuleCoverage:
    """The modules worth a test, and those of them no test imports (riskiest first)."""

    candidates: Mapping[str, int]
    """Language -> how many modules worth a test it has."""
    untested: tuple[UntestedModule, ...]

    def counts(self) -> dict[str, int]:
        """Language -> how many of its modules no test imports (0 when all are imported)."""
        counts = dict.fromkeys(sorted(self.candidates), 0)
        for module in self.untested:
            counts[module.language] += 1
        return counts


def test_coverage(repo: RepositoryFiles, set_aside: frozenset[str]) -> ModuleCoverage | None:
    """Which modules of `repo` no test imports; None when unknown (test files not parsed)."""
    parsed = list(repo.parsed())
    if not _tests_parsed(repo, {r.path for r, _ in parsed}):
        return None
    graph = repo.import_graph
    units: dict[str, list[tuple[SourceFile, FileSyntax]]] = {}
    for record, syntax in parsed:
        if _worth_a_test(record, syntax, set_aside):
            unit = posixpath.dirname(record.path) if syntax.language == "go" else record.path
            units.setdefault(unit, []).append((record, syntax))
    candidates: dict[str, int] = {}
    untested = []
    for unit, members in units.items():
        language = members[0][1].language
        candidates[language] = candidates.get(language, 0) + 1
        if unit not in graph.tested_by:
            untested.append(_measured(unit, language, members, len(graph.importers.get(unit, ()))))
    untested.sort(key=lambda m: (-m.risk, m.path))
    return ModuleCoverage(candidates, tuple(untested))


def _tests_parsed(repo: RepositoryFiles, parsed: set[str]) -> bool:
    """Whether every test file of a scaffolded language has a syntax summary (and some
    source does: an index built without syntax knows nothing of imports)."""
    code = [f for f in repo.files if f.is_source and f.language in SCAFFOLD_LANGUAGES]
    if not any(f.path in parsed for f in code):
        return not code
    return all(f.path in parsed for f in code if f.is_test)


def _worth_a_test(record: SourceFile, syntax: FileSyntax, set_aside: frozenset[str]) -> bool:
    return (
        record.is_source
        and not record.is_test
        and syntax.language in SCAFFOLD_LANGUAGES
        and record.path not in set_aside
        and not lies_aside(posixpath.dirname(record.path))
        and not SCRIPT_DIRS.intersection(record.path.split("/")[:-1])
        and not _private(record.path)
        and NOT_MODULES.search(record.path) is None
        and any(_public(syntax.language, f) for f in syntax.functions)
    )


def _private(path: str) -> bool:
    """A module named `_x` (not `__init__`) is internal: tested through the public modules."""
    name = path.rpartition("/")[2]
    return name.startswith("_") and not name.startswith("__init__.")


def _public(language: str, function: FunctionInfo) -> bool:
    """Go exports capitalised names (`Type.Method` needs both); elsewhere no `_` part."""
    if language == "go":
        return not function.nested and all(p[:1].isupper() for p in function.name.split("."))
    return function.is_public


def _measured(
    unit: str, language: str, members: list[tuple[SourceFile, FileSyntax]], importers: int
) -> UntestedModule:
    functions = [f for _, syntax in members for f in syntax.functions]
    return UntestedModule(
        path=unit,
        language=language,
        files=tuple(sorted(r.path for r, _ in members)),
        complexity=sum(f.complexity for f in functions),
        length=sum(f.lines for f in functions if not f.nested),
        importers=importers,
        public=sum(1 for f in functions if _public(language, f)),
    )
