"""The classic worst cases for a backtracking regular expression, and a budget to hold it to.

Inputs, for a pattern: from its parse tree (`re._parser`, the parser `re` itself uses), one
*pump* per quantified group (a shortest string its body matches) and the text before it (a
shortest string the pattern matches up to that group); each pump is repeated to a long run,
bare, after its prefix, and after its prefix with a character that fails the rest (the near
miss); each alternation with more than one branch that the pump's characters can enter is
covered because the pump of every branch is tried. Then the generic runs every text pattern
meets in a repository: blank lines, spaces, tabs, one repeated letter, digit or punctuation
mark, and a few two-character alternations (`" \\n"`, `"a "`), 50-100 KB each.

The budget (`within_budget`): the time `finditer` over the whole text and `fullmatch` take,
measured with `time.perf_counter` (the suite's own clock), must stay under `FACTOR` times the
time a linear calibration pattern takes on the same text, or under `FLOOR` seconds, whichever
is larger. The calibration (`CALIBRATION`: a class, a lazy quantifier and an alternation that
every character enters) costs work proportional to the text on any machine, so the ratio, not
the machine's speed, is judged: a linear pattern stays within a small multiple of it, a
quadratic one is thousands of times over at 50 KB. Each text is first tried at a small size and
grown geometrically, so an exponential pattern is caught near 20 characters instead of hanging;
an over-budget time is measured twice more and the least of the three is judged, so a busy
machine preempting one run does not fail the test.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

FACTOR = 100.0
FLOOR = 0.1
"""Seconds: below this any pattern passes (timer resolution and interpreter noise)."""
STOP_AFTER = 4.0
"""A match is stopped (by SIGALRM, which `re` heeds) once it has run this many budgets."""
PUMP_SIZES = (8, 16, 24, 32, 64, 2048, 20_000)
"""Lengths each pump is grown through (characters of the repeated part): quadratic work at 20
KB is some 10^8 steps, hundreds of times the budget; exponential work shows near 20."""
RUN_SIZES = (64, 2048, 65_536)
"""Lengths of the generic runs (64 KB: the blank-line requirements file of the issue was 40)."""
CALIBRATION = re.compile(r"(?:\w|\W)(?=\x00)")
GENERIC = ("\n", " ", "\t", "a", "0", "-", "#", "/", " \n", "a ", "\r\n", "*", "=", ".", "`")


@dataclass(frozen=True)
class Attack:
    """`prefix + pump * n + suffix`, for each n of `sizes`."""

    label: str
    prefix: str
    pump: str
    suffix: str
    sizes: tuple[int, ...] = PUMP_SIZES

    def text(self, n: int) -> str:
        return self.prefix + self.pump * max(1, n // max(1, len(self.pump))) + self.suffix


@dataclass(frozen=True)
class Verdict:
    """The slowest attack on a pattern: its label, size, seconds and the budget it had."""

    label: str
    size: int
    seconds: float
    budget: float

    @property
    def ok(self) -> bool:
        return self.seconds <= self.budget


def attacks(pattern: re.Pattern[Any]) -> list[Attack]:
    """Every attack on `pattern`, deduplicated, in a stable order."""
    source = pattern.pattern
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    found: dict[tuple[str, str, str], str] = {}
    try:
        tree = sre_parse.parse(text, pattern.flags & ~re.DEBUG)
    except re.error:
        tree = None
    if tree is not None:
        for prefix, pump in _pumps(list(tree), ""):
            for suffix in ("\x00", "\n"):
                found.setdefault((prefix, pump, suffix), f"pump {pump!r} after {prefix[-20:]!r}")
    runs = [Attack(f"run of {run!r}", "", run, "", RUN_SIZES) for run in GENERIC]
    pumps = [Attack(label, *key) for key, label in found.items() if key not in _RUN_KEYS]
    return pumps + runs


_RUN_KEYS = {("", run, "") for run in GENERIC}


def within_budget(pattern: re.Pattern[Any], attack: Attack, anchored: bool = False) -> Verdict:
    """The first size at which `attack` is over budget, else its largest size; an `anchored`
    pattern is applied at the text's start only (`match`, `fullmatch`)."""
    verdict = Verdict(attack.label, 0, 0.0, FLOOR)
    for size in attack.sizes:
        text = attack.text(size)
        verdict = _judge(pattern, attack.label, size, text, anchored)
        if not verdict.ok:
            verdict = min(
                (_judge(pattern, attack.label, size, text, anchored, True) for _ in range(2)),
                key=lambda v: v.seconds,
                default=verdict,
            )
            if not verdict.ok:
                return verdict
    return verdict


def _judge(
    pattern: re.Pattern[Any], label: str, size: int, text: str, anchored: bool, fresh: bool = False
) -> Verdict:
    """The time of `pattern` on `text` against its budget; `fresh`: the calibration measured
    again now, under the same load as the pattern."""
    subject: str | bytes = text
    if isinstance(pattern.pattern, bytes):
        subject = text.encode("utf-8", "surrogateescape")
    if fresh:
        _LINEAR.pop(subject, None)
    budget = max(FLOOR, FACTOR * _linear(subject))
    seconds = _seconds(pattern, subject, STOP_AFTER * budget, anchored)
    return Verdict(label, size, seconds, budget)


class _Stopped(Exception):
    """A match ran past its time: `re` checks for signals while it backtracks."""


def _stop(_signal: int, _frame: object) -> None:
    raise _Stopped


_CALIBRATION_BYTES = re.compile(CALIBRATION.pattern.encode())
_LINEAR: dict[str | bytes, float] = {}


def _linear(subject: str | bytes) -> float:
    """The calibration's time on `subject`, the least of three runs (kept: texts repeat)."""
    if subject not in _LINEAR:
        calibration = CALIBRATION if isinstance(subject, str) else _CALIBRATION_BYTES
        if len(_LINEAR) > 4096:
            _LINEAR.clear()
        _LINEAR[subject] = min(_seconds(calibration, subject) for _ in range(3))
    return _LINEAR[subject]


def _seconds(
    pattern: re.Pattern[Any], subject: str | bytes, limit: float = 0.0, anchored: bool = False
) -> float:
    """Seconds `finditer` (`match` when `anchored`) and `fullmatch` take; stopped by an alarm
    after `limit` seconds (0: none)."""
    previous = signal.signal(signal.SIGALRM, _stop) if limit else None
    start = time.perf_counter()
    try:
        if limit:
            signal.setitimer(signal.ITIMER_REAL, limit)
        if anchored:
            pattern.match(subject)
        else:
            for _ in pattern.finditer(subject):
                pass
        pattern.fullmatch(subject)
    except _Stopped:
        pass
    finally:
        if limit:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def _pumps(items: list[tuple[Any, Any]], before: str) -> Iterator[tuple[str, str]]:
    """(prefix, pump) of each quantified group in the sequence `items`, recursively."""
    for index, (op, av) in enumerate(items):
        prefix = before + "".join(_shortest(item) for item in items[:index])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _low, high, body = av
            if high == sre.MAXREPEAT or high > 1:
                for pump in _samples(list(body)):
                    if pump:
                        yield prefix, pump
            yield from _pumps(list(body), prefix)
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            yield from _pumps(list(av[-1] if op == sre.SUBPATTERN else av), prefix)
        elif op == sre.BRANCH:
            for branch in av[1]:
                yield from _pumps(list(branch), prefix)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _pumps(list(av[1]), prefix)


def _samples(items: list[tuple[Any, Any]]) -> list[str]:
    """Short strings `items` matches: the shortest, and one per branch of a top alternation."""
    samples = [_sequence(items)]
    if len(items) == 1 and items[0][0] == sre.BRANCH:
        samples += [_sequence(list(b)) for b in items[0][1][1]]
    if len(items) == 1 and items[0][0] == sre.SUBPATTERN:
        samples += _samples(list(items[0][1][-1]))
    if len(items) == 1 and items[0][0] == sre.IN:
        samples += _class_members(items[0][1])
    return list(dict.fromkeys(s for s in samples if s))


def _sequence(items: list[tuple[Any, Any]]) -> str:
    return "".join(_shortest(item) for item in items)


def _shortest(item: tuple[Any, Any]) -> str:
    """A short string `item` matches; one character where it must match at least one."""
    op, av = item
    if op == sre.LITERAL:
        return chr(av)
    if op == sre.NOT_LITERAL:
        return "a" if av != ord("a") else "b"
    if op == sre.ANY:
        return "a"
    if op == sre.IN:
        members = _class_members(av)
        return members[0] if members else "a"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) * min(low, 50)
    if op == sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op == sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op == sre.BRANCH:
        return _sequence(list(av[1][0]))
    return ""


CATEGORY_MEMBERS = {
    sre.CATEGORY_DIGIT: "0",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_SPACE: " \n\t",
    sre.CATEGORY_NOT_SPACE: "a",
    sre.CATEGORY_WORD: "a_0",
    sre.CATEGORY_NOT_WORD: " -\n",
}


def _class_members(items: list[tuple[Any, Any]]) -> list[str]:
    """Characters a character class `[...]` admits (a few, not all)."""
    if items and items[0][0] == sre.NEGATE:
        excluded = {chr(av) for op, av in items[1:] if op == sre.LITERAL}
        return [c for c in (" ", "a", "\n", "-", "0", "x") if c not in excluded][:2]
    members: list[str] = []
    for op, av in items:
        if op == sre.LITERAL:
            members.append(chr(av))
        elif op == sre.RANGE:
            members.append(chr(av[0]))
        elif op == sre.CATEGORY:
            members.extend(CATEGORY_MEMBERS.get(av, "a"))
    return list(dict.fromkeys(members))
