"""Which rake tasks run the test suite: `task default: :spec`, `RSpec::Core::RakeTask.new`, ...

Read as text (Ruby is never run), one Rakefile per directory with the task files it loads. A
task runs the suite when it is a test-library task (`Rake::TestTask.new`), a task whose body
runs a test framework, a task named for the suite (`test`, `spec`, or one of the `test`
namespace: `test:unit`) that does something, or a task that depends on one of these, through
its prerequisites (`task ci: ['test:ci']`) or the tasks its body invokes
(`Rake::Task['base_test'].invoke`). Tasks defined inside `namespace :test do ... end` are
named `test:<name>`, as rake names them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping

from auditor.facts.sources import FactSources

RAKEFILES = ("Rakefile", "rakefile", "Rakefile.rb")
TASK_FILES = ("rakelib/*.rake", "tasks/*.rake", "lib/tasks/*.rake")
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
INVOKES = re.compile(r"Rake::Task\[\s*+[:\"']?+([\w:]+)[\"']?+\s*+\]\.(?:invoke|execute)\b")
"""`Rake::Task['base_test'].invoke`: a task whose body runs another task."""
NAMESPACE = re.compile(r"^([^\S\n]*)namespace\s*+\(?+\s*+[:\"'](\w+)[\"']?+\s*+\)?+\s*+do\b")
END = re.compile(r"^([^\S\n]*)end\b")
DEPENDENCY = re.compile(r"[\w:]+")
SUITE_NAMES = ("test", "spec")
"""Task names that promise the suite, and the namespaces whose tasks do (`test:unit`)."""


def rake_test_tasks(src: FactSources, directory: str = "") -> frozenset[str]:
    """Names of the rake tasks that run the test suite when rake runs in `directory`; ""
    stands for the default task."""
    texts = [src.text(path) or "" for path in _task_files(src, directory)]
    if not texts:
        return frozenset()
    deps: dict[str, list[str]] = {}
    suites: set[str] = set()
    for text in texts:
        _read(text, deps, suites)
    suites.update(name for name in deps if _named_for_the_suite(name))

    def runs(name: str, seen: frozenset[str]) -> bool:
        if name in suites:
            return True
        return any(d not in seen and runs(d, seen | {d}) for d in deps.get(name, ()))

    found = {name for name in {*deps, *suites} if runs(name, frozenset({name}))}
    if "default" in found:
        found.add("")
    return frozenset(found)


def rakefile_directories(src: FactSources) -> Mapping[str, frozenset[str]]:
    """Each directory holding a Rakefile whose tasks run tests ("" for the root), with the
    test tasks of that Rakefile."""
    directories = {
        posixpath.dirname(record.path)
        for record in src.repo.files
        if posixpath.basename(record.path) in RAKEFILES
    }
    found = {directory: rake_test_tasks(src, directory) for directory in sorted(directories)}
    return {directory: tasks for directory, tasks in found.items() if tasks}


def _named_for_the_suite(name: str) -> bool:
    """`test`, `spec`, or a task of their namespace (`test:unit`, not `test` alone without a
    prerequisite or body, which callers check)."""
    return name in SUITE_NAMES or name.split(":", 1)[0] in SUITE_NAMES


def _read(text: str, deps: dict[str, list[str]], suites: set[str]) -> None:
    prefixes = _namespace_prefixes(text)
    known = {
        prefixes[_line_of(text, m.start())] + _task_name(m)
        for pattern in (TASK, PLAIN_TASK)
        for m in pattern.finditer(text)
    }
    for match in TASK.finditer(text):
        prefix = prefixes[_line_of(text, match.start())]
        name = prefix + _task_name(match)
        words = DEPENDENCY.findall(match.group(4).removeprefix("%i").removeprefix("%w"))
        deps.setdefault(name, []).extend(_resolve(w.lstrip(":"), prefix, known) for w in words)
    for match in PLAIN_TASK.finditer(text):
        prefix = prefixes[_line_of(text, match.start())]
        name = prefix + match.group(1)
        body = _body(text, match.start(), match.end())
        if RUNS_SUITE.search(body):
            suites.add(name)
        invoked = [_resolve(m.group(1), prefix, known) for m in INVOKES.finditer(body)]
        if invoked:
            deps.setdefault(name, []).extend(invoked)
    for match in TASK.finditer(text):  # `task :unit => [:setup] do ... end`: its body too
        prefix = prefixes[_line_of(text, match.start())]
        body = _body(text, match.start(), match.end())
        if RUNS_SUITE.search(body):
            suites.add(prefix + _task_name(match))
    suites.update(_suite_tasks(text))


def _task_name(match: re.Match[str]) -> str:
    return next(group for group in match.groups()[:3] if group)


def _resolve(name: str, prefix: str, known: set[str]) -> str:
    """A prerequisite as rake finds it: in the task's own namespace first, then from the top."""
    return prefix + name if prefix and prefix + name in known else name


def _namespace_prefixes(text: str) -> list[str]:
    """For each line (0-based), the namespace prefix of a task defined there (`test:`)."""
    open_namespaces: list[tuple[int, str]] = []
    prefixes = []
    for line in text.splitlines():
        prefixes.append("".join(f"{name}:" for _, name in open_namespaces))
        if (start := NAMESPACE.match(line)) is not None:
            open_namespaces.append((len(start.group(1)), start.group(2)))
        elif (
            (end := END.match(line))
            and open_namespaces
            and (len(end.group(1)) == open_namespaces[-1][0])
        ):
            open_namespaces.pop()
    return [*prefixes, ""]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _body(text: str, start: int, end: int) -> str:
    """What follows a task's definition up to the `end` at its own indentation (at most 40
    lines): the task's body."""
    line = text[text.rfind("\n", 0, start) + 1 :].split("\n", 1)[0]
    indent = len(line) - len(line.lstrip(" \t"))
    first, *lines = text[end:].split("\n")[:40]
    body = [first]
    for line in lines:
        if END.match(line) and len(line) - len(line.lstrip(" \t")) <= indent:
            break
        body.append(line)
    return "\n".join(body)


def _task_files(src: FactSources, directory: str) -> list[str]:
    prefix = f"{directory}/" if directory else ""
    paths = [prefix + name for name in RAKEFILES if src.repo.file(prefix + name)]
    if not paths:
        return []
    patterns = [f"/{prefix}{pattern}" for pattern in TASK_FILES]
    return [*paths[:1], *(f.path for f in src.repo.glob(*patterns))]


def _suite_tasks(text: str) -> Iterator[str]:
    for match in SUITE_TASK.finditer(text):
        if match.group(1):
            yield match.group(1)
            continue
        framework = match.group(0)
        yield next(name for key, name in DEFAULT_NAMES.items() if framework.startswith(key))
