"""Rule outcomes kept for the next index of the same repository (`read_log.reusing`).

A rule is a function of its options, the files it reads and the facts it reads: on another
index (the next commit's) that answers those reads the same (`read_log.Reads.hold`), with
those facts equal (`recorded.facts_hold`), its outcome is the one it had. Only the last
outcome per rule, options and index is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditor.facts.recorded import facts_hold
from auditor.facts.subject import Subject
from auditor.index.read_log import Reads, recording, tag_of

if TYPE_CHECKING:
    from auditor.engine import Outcome, SelectedRule


@dataclass(frozen=True, slots=True)
class Kept:
    reads: Reads
    facts: dict[str, Any]
    outcome: Outcome


_KEPT: dict[tuple[object, ...], Kept] = {}


def reused_outcome(
    selected: SelectedRule, subject: Subject, evaluate: Callable[[SelectedRule, Subject], Outcome]
) -> Outcome:
    """`evaluate(selected, subject)`, or the outcome it had on an index that read the same."""
    index = subject.files
    options = tuple(sorted(selected.options.items()))
    key = (str(index.root), tag_of(index), selected.rule.id, options)
    facts = subject.derived_facts  # derived outside the rule's reading: each detector keeps its own
    kept = _KEPT.get(key)
    if kept is not None and facts_hold(kept.facts, facts) and kept.reads.hold(index):
        return kept.outcome
    with recording() as log:
        outcome = evaluate(selected, subject)
    _KEPT[key] = Kept(Reads.of(log, index), dict(log.facts), outcome)
    return outcome
