"""`auditor agents-md --check`: the engine running the instruction-drift rules, as `file:line`.

The verdicts are the rules' own, so `--check` and `audit` can never disagree: a stale managed
block (INS005), a path that does not exist (INS006), a command that does not resolve (INS007).

A rule that could not judge (an instruction file or manifest it could not read, or the rule
raised) is a problem too: the check cannot say the instructions are up to date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditor import engine
from auditor.facts.subject import Subject
from auditor.registry import load_rules
from auditor.unread_inputs import unread_inputs

DRIFT_RULES = ("INS005", "INS006", "INS007")
"""The rules that judge whether instruction files still match the repository."""


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    """None for an input that was not judged at all."""
    message: str
    rule: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message} ({self.rule})"


def drift(
    subject: Subject, selected: Iterable[engine.SelectedRule] | None = None
) -> tuple[Problem, ...]:
    """What the drift rules among `selected` (default: all three) find, by file and line."""
    if selected is None:
        selected = [engine.SelectedRule(r, r.defaults()) for r in load_rules()]
    chosen = [s for s in selected if s.rule.id in DRIFT_RULES]
    outcomes = engine.run(chosen, subject)
    found = [
        Problem(finding.path or "", finding.line or 1, finding.message, finding.rule)
        for finding in engine.findings(outcomes)
    ]
    view = subject.facts.report_view()
    unjudged = {*engine.unjudged(outcomes), *unread_inputs(chosen, subject.files.diagnostics, view)}
    found.extend(Problem(u.path or ".", None, f"not checked: {u.reason}", u.rule) for u in unjudged)
    return tuple(sorted(found, key=lambda p: (p.path, p.line or 0, p.message, p.rule)))
