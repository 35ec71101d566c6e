"""`auditor agents-md --check`: what is out of date or does not resolve, as `file:line` lines."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.agents_md.render import stale_blocks
from auditor.facts.references.dangling import dangling_references
from auditor.facts.subject import Subject


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def drift(subject: Subject) -> tuple[Problem, ...]:
    """Stale managed blocks, dangling paths and unresolved commands, by file and line."""
    found = [
        Problem(path, line, "the managed block is out of date; run `auditor agents-md --write`")
        for path, line in stale_blocks(subject)
    ]
    found.extend(Problem(r.path, r.line, r.problem) for r in dangling_references(subject))
    return tuple(sorted(found, key=lambda p: (p.path, p.line, p.message)))
