"""Each command the plan states keeps where it was found: the file and line an agent checks."""

from __future__ import annotations

from collections.abc import Callable

from auditor.agents_md.plan import managed_plan
from auditor.facts.subject import Subject
from auditor.report_facts import Source

Make = Callable[..., Subject]
MAKEFILE = "setup:\n\tpip install -e .\n\nlint:\n\truff check .\n\ntest:\n\tpytest\n"
FILES = {
    "Makefile": MAKEFILE,
    "pyproject.toml": '[project]\nname = "p"\nversion = "0"\n\n[tool.ruff]\n',
    "tests/test_a.py": "def test_a():\n    pass\n",
    "pkg/__init__.py": "",
}


def sources(subject: Subject) -> dict[str, tuple[tuple[str, Source | None], ...]]:
    plan = managed_plan(subject)
    return {line.label: tuple(zip(line.spans, line.sources, strict=True)) for line in plan.commands}


def test_commands_name_the_line_that_defines_them(make_subject: Make) -> None:
    lines = sources(make_subject(FILES))
    assert lines["Set up"] == (("make setup", Source("Makefile", 1, "make target")),)
    assert lines["Lint (ruff)"] == (("make lint", Source("Makefile", 5, "make: runs ruff")),)
    (test, origin), *_ = lines["Run the tests"]
    assert test == "make test" and origin is not None and origin.path == "Makefile"
    ((single, built),) = lines["Run one test"]
    assert single.startswith("pytest ") and built is not None
    assert (built.path, built.reason) == (origin.path, "built from the test command")


def test_a_default_command_names_the_manifest_it_is_for(make_subject: Make) -> None:
    files = {
        "Cargo.toml": '[package]\nname = "c"\nversion = "0.1.0"\n',
        "Cargo.lock": "version = 3\n",
        "src/lib.rs": "#[test]\nfn t() {}\n",
    }
    lines = sources(make_subject(files))
    ((build, origin),) = lines["Build"]
    assert build == "cargo build" and origin == Source("Cargo.lock", None, "cargo default")


def test_layout_lines_carry_no_sources(make_subject: Make) -> None:
    plan = managed_plan(make_subject(FILES))
    assert all(line.sources == () for line in (*plan.layout, *plan.boundaries, *plan.docs))


def test_a_command_doing_two_jobs_names_both(make_subject: Make) -> None:
    makefile = "lint:\n\truff check .\n\truff format --check .\n\ntest:\n\tpytest\n"
    plan = managed_plan(make_subject({**FILES, "Makefile": makefile}))
    jobs = {line.label: line.jobs for line in plan.commands}
    assert jobs["Lint and format (ruff)"] == ("lint", "format")
    assert jobs["Run the tests"] == ("test",) and jobs["Run one test"] == ("single_test",)
