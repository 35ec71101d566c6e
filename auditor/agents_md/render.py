"""The AGENTS.md `auditor agents-md` proposes: the managed block rendered from the plan."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2

from auditor.agents_md.managed_block import BEGIN, END, find_block, has_markers, replace_block, wrap
from auditor.agents_md.plan import AgentsPlan, managed_plan
from auditor.errors import UsageError
from auditor.facts.subject import Subject

NAME = "AGENTS.md"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One instruction file as it is and as it should be."""

    path: str
    """Repository-relative POSIX path."""
    current: str | None
    proposed: str
    generated: bool
    """Whether the current file is the auditor's (it holds the markers), or there is none."""

    @property
    def changed(self) -> bool:
        return self.current != self.proposed


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("auditor.agents_md", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render_block(plan: AgentsPlan) -> str:
    """The managed block for `plan`, markers included, without a trailing newline."""
    body = _environment().get_template("agents.md.j2").render(plan=plan)
    return wrap(_tidy(body))


def propose(subject: Subject, packages: bool = False) -> tuple[Proposal, ...]:
    """The root AGENTS.md and, with `packages`, one per workspace package; root first."""
    workspace = subject.facts.workspace
    members = workspace.packages if workspace is not None else ()
    nested = tuple(d for d in members if packages or subject.files.file(f"{d}/{NAME}") is not None)
    proposals = [_proposal(subject, NAME, managed_plan(subject, "", nested))]
    for directory in nested if packages else ():
        proposals.append(
            _proposal(subject, f"{directory}/{NAME}", managed_plan(subject, directory))
        )
    return tuple(proposals)


def _proposal(subject: Subject, path: str, plan: AgentsPlan) -> Proposal:
    block = render_block(plan)
    current = subject.files.text(path) if subject.files.file(path) is not None else None
    if current is None:
        text = _environment().get_template("agents_new_file.md.j2").render(block=block)
        return Proposal(path, None, text, generated=True)
    if has_markers(current) and find_block(current) is None:
        raise UsageError(
            f"{path}: `{BEGIN}` has no `{END}` after it; mend the markers by hand, then re-run"
        )
    ours = find_block(current) is not None
    return Proposal(path, current, replace_block(current, block), generated=ours)


def stale_blocks(subject: Subject) -> tuple[tuple[str, int], ...]:
    """(path, line of the begin marker) of each managed AGENTS.md block that is out of date."""
    stale = []
    for path in subject.facts.instruction_files:
        directory, _, name = path.rpartition("/")
        text = (
            subject.files.text(path)
            if name == NAME and subject.files.file(path) is not None
            else None
        )
        found = find_block(text) if text else None
        if text is not None and found is None and has_markers(text):
            stale.append((path, text.count("\n", 0, text.find("auditor:begin")) + 1))
            continue
        if text is None or found is None:
            continue
        if text[found.start : found.end] != render_block(managed_plan(subject, directory)):
            stale.append((path, found.first_line))
    return tuple(stale)


def _tidy(body: str) -> str:
    """No runs of blank lines, none at either end."""
    lines: list[str] = []
    for line in body.strip("\n").splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines)
