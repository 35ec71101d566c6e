"""Rake tasks that run a test suite: test tasks the Rakefile defines, and the tasks (`default`
among them) that depend on one. Read as text (Ruby is never run)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at

RAKEFILES = ("Rakefile", "rakefile", "Rakefile.rb", "rakefile.rb")
TEST_TASK = re.compile(
    r"(?P<kind>RSpec::Core::RakeTask\.new|Rake::TestTask\.new|Minitest::TestTask\.create"
    r"|Cucumber::Rake::Task\.new)\s*(?:\(\s*[:\"']?(?P<name>[\w:-]+)?)?"
)
"""Task libraries that define a test task, and the name given (default `spec` or `test`)."""
TASK = re.compile(
    r"""^[^\S\n]*task\s*+\(?+\s*+(?::(?P<sym>[\w-]+)|["'](?P<str>[\w:-]+)["']|(?P<key>[\w-]+):)
        \s*+(?:=>|(?<=:)\s)?+\s*+(?P<deps>%[iw]\[[^\]]*\]|\[[^\]]*\]|:[\w-]+|["'][\w:-]+["'])?""",
    re.VERBOSE | re.MULTILINE,
)
"""`task default: :spec`, `task :default => %i[spec rubocop]`, `task :ci => [:test]`."""
DEPENDENCY = re.compile(r"[\w:-]+")


@dataclass(frozen=True, slots=True)
class RakeTasks:
    """The test tasks of a Rakefile and what each task depends on."""

    path: str
    tests: dict[str, int] = field(default_factory=dict)
    """Test task name -> the line defining it."""
    dependencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def testing(self, name: str) -> tuple[str, int] | None:
        """The test task that `rake name` runs (itself or a dependency), with its line."""
        seen: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop(0)
            if current in seen:
                continue
            seen.add(current)
            if current in self.tests:
                return current, self.tests[current]
            pending.extend(self.dependencies.get(current, ()))
        return None


def rake_tasks(src: FactSources, directory: str = "") -> RakeTasks | None:
    """The Rakefile of `directory` with the `rakelib/*.rake` files rake loads, or None."""
    prefix = f"{directory}/" if directory else ""
    path = next((prefix + n for n in RAKEFILES if src.repo.file(prefix + n)), None)
    if path is None:
        return None
    tasks = RakeTasks(path)
    rakelib = [f.path for f in src.repo.under(f"{prefix}rakelib") if f.path.endswith(".rake")]
    for file in (path, *sorted(rakelib)):
        _read(tasks, src.text(file) or "")
    return tasks


def _read(tasks: RakeTasks, text: str) -> None:
    for match in TEST_TASK.finditer(text):
        default = "features" if "Cucumber" in match.group("kind") else None
        default = default or ("spec" if "RSpec" in match.group("kind") else "test")
        name = match.group("name") or default
        tasks.tests.setdefault(name, line_at(text, match.start()))
    for match in TASK.finditer(text):
        name = match.group("sym") or match.group("str") or match.group("key")
        deps = match.group("deps") or ""
        words = DEPENDENCY.findall(deps.removeprefix("%i").removeprefix("%w"))
        line = line_at(text, match.start())
        tasks.lines.setdefault(name, line)
        if words:
            previous = tasks.dependencies.get(name, ())
            tasks.dependencies[name] = (*previous, *(w.lstrip(":") for w in words))
