"""Facts that note each one read (`read_log.note_fact`), for a rule whose answer is kept."""

from __future__ import annotations

from typing import Any

from auditor.facts.model import Facts
from auditor.index.read_log import WHOLE, note_fact


class RecordedFacts:
    """`facts`, saying which of them are read: a field or property by name and value; a
    method (whose answer may depend on any of them) as all of them."""

    __slots__ = ("_facts",)

    def __init__(self, facts: Facts) -> None:
        object.__setattr__(self, "_facts", facts)

    def __getattr__(self, name: str) -> Any:
        facts: Facts = object.__getattribute__(self, "_facts")
        value = getattr(facts, name)
        if callable(value):
            note_fact(WHOLE, facts)
        else:
            note_fact(name, value)
        return value

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("facts are read-only")


def facts_hold(read: dict[str, Any], facts: Facts) -> bool:
    """Whether `facts` hold every value `read` recorded."""
    return all((facts if n == WHOLE else getattr(facts, n)) == v for n, v in read.items())
