"""The scaffold plan: which untested modules get a test file, riskiest first, and its text.

Modules come from the `untested` fact (no test imports them), ordered by its documented risk
score; `--module` and `--path` choose among them, `--limit` keeps the riskiest. Each
language's generator makes the files; every file is re-parsed before it is planned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from auditor.facts.subject import Subject
from auditor.facts.testing.untested import UntestedModule

if TYPE_CHECKING:
    from auditor.scaffold.python import PythonScaffolder


class GeneratedInvalid(ValueError):
    """A generated test that does not parse: a bug of the generator, reported per module."""


class Scaffolder(Protocol):
    """One language's generator: the files of a module's test, or why there are none."""

    def scaffold(self, module: UntestedModule) -> tuple[list[PlannedFile], str]: ...


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file the plan writes, with the text on disk when the plan was made."""

    path: str
    content: str
    current: str | None = None
    """The file's text when planned (None: it does not exist or was not read)."""
    module: str = ""
    """The source module it tests ("" for configuration)."""
    appends: bool = False
    """It adds to a file the auditor did not write (a pytest table in `pyproject.toml`)."""


@dataclass(frozen=True, slots=True)
class PlannedModule:
    """An untested module the plan scaffolds, with its risk and its test files."""

    module: UntestedModule
    name: str
    """How `--module` names it: the Python import name, else the path."""
    tests: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A module asked for or found that gets no scaffold, and why."""

    name: str
    reason: str


@dataclass(slots=True)
class Plan:
    modules: list[PlannedModule] = field(default_factory=list)
    files: list[PlannedFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as `scaffold-tests --format json` prints it (and the MCP server answers it):
    each module with its risk terms and test files, the files, what was not scaffolded."""
    return {
        "modules": [
            {
                "name": p.name,
                "path": p.module.path,
                "language": p.module.language,
                "risk": p.module.risk,
                "complexity": p.module.complexity,
                "lines": p.module.length,
                "importers": p.module.importers,
                "public": p.module.public,
                "tests": list(p.tests),
            }
            for p in plan.modules
        ],
        "files": [
            {"path": f.path, "module": f.module or None, "new": f.current is None}
            for f in plan.files
        ],
        "skipped": [{"name": s.name, "reason": s.reason} for s in plan.skipped],
    }


def make_plan(
    subject: Subject,
    modules: Sequence[str] = (),
    paths: Sequence[str] = (),
    limit: int | None = None,
) -> Plan:
    """The plan for `subject`: its untested modules (those named by `modules` or under
    `paths` when any is given), riskiest first, at most `limit` of them."""
    from auditor.scaffold.ecmascript import EcmascriptScaffolder
    from auditor.scaffold.go import GoScaffolder
    from auditor.scaffold.python import PythonScaffolder

    plan = Plan()
    coverage = subject.facts.test_coverage
    if coverage is None:
        plan.skipped.append(Skipped(".", "the test files could not be parsed"))
        return plan
    python = PythonScaffolder(subject)
    ecmascript = EcmascriptScaffolder(subject)
    scaffolders: dict[str, Scaffolder] = {
        "python": python,
        "go": GoScaffolder(subject),
        "javascript": ecmascript,
        "typescript": ecmascript,
    }
    chosen = [m for m in coverage.untested if _chosen(m, python.name_of(m), modules, paths)]
    _unmatched(plan, coverage.untested, python, modules, paths)
    for module in chosen:
        if limit is not None and len(plan.modules) >= limit:
            break
        name = python.name_of(module)
        try:
            files, problem = scaffolders[module.language].scaffold(module)
        except GeneratedInvalid as error:  # the generator's bug: this module, not the run
            files, problem = [], str(error)
        if problem:
            plan.skipped.append(Skipped(name, problem))
            continue
        plan.modules.append(PlannedModule(module, name, tuple(f.path for f in files)))
        plan.files.extend(files)
    plan.files.extend(python.config_files(plan.modules))
    return plan


def _chosen(
    module: UntestedModule, name: str, modules: Sequence[str], paths: Sequence[str]
) -> bool:
    if not modules and not paths:
        return True
    return name in modules or any(_under(module, path) for path in paths)


def _under(module: UntestedModule, path: str) -> bool:
    path = path.removeprefix("./").rstrip("/")
    return any(f == path or f.startswith(path + "/") for f in (module.path, *module.files))


def _unmatched(
    plan: Plan,
    untested: Sequence[UntestedModule],
    python: PythonScaffolder,
    modules: Sequence[str],
    paths: Sequence[str],
) -> None:
    """A `--module` or `--path` that names no untested module is said, not ignored."""
    names = {python.name_of(m) for m in untested}
    missing = [name for name in modules if name not in names]
    known = python.module_names() if missing else {}
    for name in missing:
        reason = "no untested module of that name"
        if name in known:
            reason = f"{known[name]} is imported by a test already, or is not worth a test"
        plan.skipped.append(Skipped(name, reason))
    for path in paths:
        if not any(_under(m, path) for m in untested):
            plan.skipped.append(Skipped(path, "no untested module there"))
