"""`auditor agents-md --check`: the engine running the instruction-drift rules, as `file:line`.

The verdicts are the rules' own, so `--check` and `audit` can never disagree: a stale managed
block (INS005), a path that does not exist (INS006), a command that does not resolve (INS007).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditor import engine
from auditor.facts.subject import Subject
from auditor.registry import load_rules

DRIFT_RULES = ("INS005", "INS006", "INS007")
"""The rules that judge whether instruction files still match the repository."""


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} ({self.rule})"


def drift(
    subject: Subject, selected: Iterable[engine.SelectedRule] | None = None
) -> tuple[Problem, ...]:
    """What the drift rules among `selected` (default: all three) find, by file and line."""
    if selected is None:
        selected = [engine.SelectedRule(r, r.defaults()) for r in load_rules()]
    outcomes = engine.run([s for s in selected if s.rule.id in DRIFT_RULES], subject)
    found = [
        Problem(finding.path or "", finding.line or 1, finding.message, finding.rule)
        for finding in engine.findings(outcomes)
    ]
    return tuple(sorted(found, key=lambda p: (p.path, p.line, p.message)))
