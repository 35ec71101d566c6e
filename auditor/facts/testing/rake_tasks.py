"""Which rake tasks run the test suite: `task default: :spec`, `RSpec::Core::RakeTask.new`, ..."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.sources import FactSources

RAKEFILES = ("Rakefile", "rakefile", "Rakefile.rb")
TASK_FILES = ("/rakelib/*.rake", "/tasks/*.rake", "/lib/tasks/*.rake")
SUITE_TASK = re.compile(
    r"(?:RSpec::Core::RakeTask|Rake::TestTask|Minitest::TestTask|Cucumber::Rake::Task)"
    r"\.(?:new|create)\s*(?:\(\s*[:\"']?(\w+))?"
)
"""Tasks that run a test framework: their name (the framework's default name without one)."""
DEFAULT_NAMES = {"RSpec": "spec", "Rake::Test": "test", "Minitest": "test", "Cucumber": "features"}
TASK = re.compile(
    r"""^[^\S\n]*task\s*+\(?+\s*+(?::(\w+)\s*+=>|(\w+):|["'](\w+)["']\s*+=>)\s*+
        (\[[^\]]*\]|%[iw][\[(][^\])]*[\])]|:\w+|["'][\w:]+["'])""",
    re.MULTILINE | re.VERBOSE,
)
"""`task default: :spec`, `task :ci => [:spec, :rubocop]`, `task default: %i[test lint]`."""
PLAIN_TASK = re.compile(
    r"""^[^\S\n]*task\s*+\(?+\s*+[:"'](\w+)["']?+\s*+(?:do\b|\{|,|$)""", re.MULTILINE
)
RUNS_SUITE = re.compile(r"\b(?:rspec|minitest|ruby\s+-Itest|bin/rails\s+test|rails\s+test)\b")
WORD = re.compile(r"\w+")


def rake_test_tasks(src: FactSources) -> frozenset[str]:
    """Names of the rake tasks that run the test suite; "" stands for the default task."""
    texts = [src.text(path) or "" for path in _task_files(src)]
    if not texts:
        return frozenset()
    text = "\n".join(texts)
    deps: dict[str, list[str]] = {}
    for match in TASK.finditer(text):
        name = match.group(1) or match.group(2) or match.group(3)
        deps.setdefault(name, []).extend(WORD.findall(match.group(4).removeprefix("%i")))
    suites = {*_suite_tasks(text), *_plain_tasks(text)}
    suites.update(name for name in ("spec", "test") if name in deps)

    def runs(name: str, seen: frozenset[str]) -> bool:
        if name in suites:
            return True
        return any(d not in seen and runs(d, seen | {d}) for d in deps.get(name, ()))

    found = {name for name in {*deps, *suites} if runs(name, frozenset({name}))}
    if "default" in found:
        found.add("")
    return frozenset(found)


def _task_files(src: FactSources) -> list[str]:
    paths = [name for name in RAKEFILES if src.repo.file(name)]
    if not paths:
        return []
    return [*paths, *(f.path for f in src.repo.glob(*TASK_FILES))]


def _suite_tasks(text: str) -> Iterator[str]:
    for match in SUITE_TASK.finditer(text):
        if match.group(1):
            yield match.group(1)
            continue
        framework = match.group(0)
        yield next(name for key, name in DEFAULT_NAMES.items() if framework.startswith(key))


def _plain_tasks(text: str) -> Iterator[str]:
    """Tasks with a body (`task :spec do ... end`) whose body runs a test framework."""
    for match in PLAIN_TASK.finditer(text):
        body = text[match.end() : match.end() + 400].split("\nend", 1)[0]
        if RUNS_SUITE.search(body):
            yield match.group(1)
