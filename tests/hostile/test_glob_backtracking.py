"""Globs and exclude patterns written by the repository are matched in linear time.

Each way a repository's glob or regular expression reaches a matcher is judged like the
regular expressions of `test_patterns_linear.py`: the hostile glob against names built to make a
backtracking matcher explode, within a budget relative to a linear calibration on the same
names (`backtracking.FACTOR`, `FLOOR`). Then one audit per glob source, with the glob planted
there, completes (a watchdog alarm turns a hang into a failure instead of a stuck suite).
"""

from __future__ import annotations

import fnmatch
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from auditor.facts.agents.paths import glob_spec
from auditor.ignore_patterns import ignore_spec, spec_regexes
from auditor.linear_regex import any_of, linear
from tests.hostile.backtracking import CALIBRATION, FACTOR, FLOOR
from tests.hostile.conftest import Outcome

HOSTILE_GLOBS = (
    "*a*a*a*a*a*a*a*a*b",
    "**/*a*a*a*a*a*a*a*a*b/**",
    "*a?a*a?a*a*a*a*a*[b]",
    "a*" * 12,
)
NAMES = tuple(
    name
    for n in (60, 200)
    for name in ("a" * n, "a" * n + "c", "/".join(["a" * 30] * (n // 30)), "ab" * (n // 2) + "c")
)
"""Names a star-heavy glob almost matches: the classic worst case for a backtracking matcher."""
HOSTILE_REGEXES = (r"^(a+)+$", r"(a|aa)*c", r"(?x) ^ (a*)* $", r".*a.*a.*a.*a.*a.*c")
Matcher = Callable[[str], object]


def _seconds(match: Matcher, names: tuple[str, ...]) -> float:
    start = time.perf_counter()
    for name in names:
        match(name)
    return time.perf_counter() - start


def _budget(names: tuple[str, ...]) -> float:
    linear_time = min(_seconds(CALIBRATION.search, names) for _ in range(3))
    return max(FLOOR, FACTOR * linear_time)


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than `seconds`."""

    def stop(_signal: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds}s: a matcher backtracks")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _gitignore(glob: str) -> Matcher:
    return ignore_spec([glob]).match_file


def _rule_globs(glob: str) -> Matcher:
    spec = glob_spec([glob, "{x,y}" + glob])  # Cursor `globs`, Copilot `applyTo`, braces expanded
    assert spec is not None
    return spec.match_file


def _combined(glob: str) -> Matcher:
    """The one expression discovery and the index join a pattern list into (config `exclude`)."""
    regexes = spec_regexes(ignore_spec([glob, "build/", "*.log"]))
    assert regexes is not None
    matcher = any_of(regexes)
    assert matcher is not None
    return matcher


def _make_pattern(glob: str) -> Matcher:
    """A Makefile pattern rule's `%` and a workspace's member glob, through `fnmatch`."""
    return lambda name: fnmatch.fnmatchcase(name, glob)


SOURCES: dict[str, Callable[[str], Matcher]] = {
    "gitignore-gitattributes-prettierignore": _gitignore,
    "cursor-globs-copilot-applyto": _rule_globs,
    "config-exclude-walk-index": _combined,
    "makefile-pattern-rules-workspace-members": _make_pattern,
}


@pytest.mark.parametrize("glob", HOSTILE_GLOBS)
@pytest.mark.parametrize("source", SOURCES)
def test_a_hostile_glob_is_matched_in_linear_time(source: str, glob: str) -> None:
    match = SOURCES[source](glob)
    with watchdog(120):
        seconds = min(_seconds(match, NAMES) for _ in range(3))
    assert seconds <= _budget(NAMES), f"{source}: {glob!r} took {seconds:.3f}s"


@pytest.mark.parametrize("regex", HOSTILE_REGEXES)
def test_a_tool_exclude_regex_is_linear_or_refused(regex: str) -> None:
    """pre-commit's `exclude:` is a regular expression: RE2 runs it in linear time, and one RE2
    refuses (here `(?x)`) is used by `re` only when it cannot backtrack badly."""
    compiled = linear(regex)
    if compiled is None:
        assert regex.startswith("(?x)") or ".*" in regex
        return
    with watchdog(120):
        seconds = min(_seconds(compiled.search, NAMES) for _ in range(3))
    assert seconds <= _budget(NAMES), f"{regex!r} took {seconds:.3f}s"


def test_a_verbose_exclude_regex_still_applies() -> None:
    compiled = linear("(?x)^(\n    lib/third_party/.*|\n    docs/conf\\.py\n  )$")
    assert compiled is not None and compiled.search("lib/third_party/x.py") is not None
    assert linear("(?x) ^ (a*)* $") is None  # nested quantifiers RE2 cannot take: refused


def test_a_name_with_undecodable_bytes_is_matched() -> None:
    assert ignore_spec(["*.log"]).match_file("bad\udcff.log")
    assert not ignore_spec(["*.py"]).match_file("bad\udcff.log")


GLOB = HOSTILE_GLOBS[0]
NAME = "a" * 60
PLANTED: dict[str, dict[str, str]] = {
    ".gitignore": {".gitignore": f"{GLOB}\n"},
    ".gitattributes": {".gitattributes": f"{GLOB} linguist-generated\n"},
    "cursor-globs": {".cursor/rules/x.mdc": f"---\nglobs: {GLOB}\n---\nUse tabs.\n"},
    "copilot-applyto": {
        ".github/instructions/x.instructions.md": f'---\napplyTo: "{GLOB}"\n---\nUse tabs.\n'
    },
    "config-exclude": {".auditor.toml": f'exclude = ["{GLOB}"]\n'},
    "pre-commit-exclude": {
        ".pre-commit-config.yaml": "exclude: '^(a+)+$'\nrepos: []\n",
    },
    "prettierignore": {".prettierignore": f"{GLOB}\n"},
}


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
@pytest.mark.parametrize("source", PLANTED)
def test_an_audit_with_a_hostile_glob_completes(
    source: str, git: bool, make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    files = {f"{NAME}/{NAME}.py": "x = 1\n", f"{NAME}c": "x\n", "AGENTS.md": "# Agents\n"}
    root = make_repo(files, git=git)
    for rel, text in PLANTED[source].items():  # after the commit: `git add` itself backtracks
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    with watchdog(300):
        outcome = audit(root)
    assert "languages" in outcome.report["facts"]
