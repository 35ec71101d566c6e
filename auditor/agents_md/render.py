"""The AGENTS.md `auditor agents-md` proposes: the managed block rendered from the plan."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from auditor.agents_md.managed_block import (
    BEGIN,
    END,
    begin_offset,
    find_block,
    has_markers,
    replace_block,
    wrap,
)
from auditor.agents_md.plan import CODE_SPAN, AgentsPlan, managed_plan
from auditor.errors import UsageError
from auditor.facts.subject import Subject
from auditor.index.line_offsets import line_at

if TYPE_CHECKING:
    import jinja2

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
    left_out: tuple[str, ...] = ()
    """What the block does not state because it cannot be written safely, and why."""


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # only a run that renders a block pays for it

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


def propose(subject: Subject, packages: bool = False, directory: str = "") -> tuple[Proposal, ...]:
    """The root AGENTS.md and, with `packages`, one per workspace package; root first. With
    `directory`, only the AGENTS.md of that directory of the repository."""
    if directory:
        path = f"{directory}/{NAME}"
        return (_proposal(subject, path, _plan(subject, path, ())),)
    nested = _nested(subject, packages)
    paths = [NAME, *(f"{directory}/{NAME}" for directory in nested if packages)]
    return tuple(_proposal(subject, path, _plan(subject, path, nested)) for path in paths)


def _nested(subject: Subject, packages: bool = False) -> tuple[str, ...]:
    """The packages that get (with `packages`) or have their own AGENTS.md."""
    workspace = subject.facts.workspace
    members = workspace.packages if workspace is not None else ()
    return tuple(d for d in members if packages or subject.files.file(f"{d}/{NAME}") is not None)


def _plan(subject: Subject, path: str, nested: tuple[str, ...]) -> AgentsPlan:
    """The plan of the AGENTS.md at `path`; the root's points to the `nested` packages' files."""
    directory = path.rpartition("/")[0]
    return managed_plan(subject, directory, nested if not directory else ())


def _proposal(subject: Subject, path: str, plan: AgentsPlan) -> Proposal:
    block = render_block(plan)
    current = subject.files.text(path) if subject.files.file(path) is not None else None
    if current is None:
        text = _environment().get_template("agents_new_file.md.j2").render(block=block)
        return Proposal(path, None, text, generated=True, left_out=plan.left_out)
    if has_markers(current) and find_block(current) is None:
        raise UsageError(
            f"{path}: `{BEGIN}` has no `{END}` after it; mend the markers by hand, then re-run"
        )
    ours = find_block(current) is not None
    proposed = replace_block(current, block)
    return Proposal(path, current, proposed, generated=ours, left_out=plan.left_out)


@dataclass(frozen=True, slots=True)
class BlockDrift:
    """One way a managed block differs from what `agents-md --write` would write now."""

    path: str
    line: int
    message: str
    key: str
    """What differs (a code span, or the block itself), stable across edits."""


def managed_files(subject: Subject) -> tuple[str, ...]:
    """The AGENTS.md files that hold the auditor's markers."""
    return tuple(
        path
        for path in subject.facts.instruction_files
        if path.rpartition("/")[2] == NAME
        and subject.files.file(path) is not None
        and has_markers(subject.files.text(path) or "")
    )


def block_drift(subject: Subject) -> tuple[BlockDrift, ...]:
    """How each managed block is out of date: the one judge of INS005 and `--check`.

    Spans the block states that the facts no longer support are named at their line, spans it
    lacks at the begin marker; any other difference from the block `--write` would write now
    is one finding at the begin marker. Broken markers are a finding of their own.
    """
    drifted: list[BlockDrift] = []
    nested = _nested(subject)
    for path in managed_files(subject):
        text = subject.files.text(path) or ""
        found = find_block(text)
        if found is None:
            line = line_at(text, begin_offset(text) or 0)
            message = f"`{BEGIN}` has no `{END}` after it; mend the markers by hand"
            drifted.append(BlockDrift(path, line, message, "markers"))
            continue
        expected = render_block(_plan(subject, path, nested))
        if text[found.start : found.end] == expected:
            continue
        spans = _span_drift(path, found.body, found.first_line, expected)
        drifted.extend(spans or [BlockDrift(path, found.first_line, STALE, "block")])
    return tuple(drifted)


STALE = "the managed block is out of date; run `auditor agents-md --write`"


def _span_drift(path: str, body: str, first_line: int, expected: str) -> list[BlockDrift]:
    written: dict[str, int] = {}
    for offset, line in enumerate(body.splitlines(), start=first_line + 1):
        for span in CODE_SPAN.findall(line):
            written.setdefault(span, offset)
    wanted = set(CODE_SPAN.findall(expected))
    drifted = [
        BlockDrift(path, where, f"`{span}` in the managed block is no longer true", span)
        for span, where in sorted(written.items(), key=lambda item: item[1])
        if span not in wanted
    ]
    drifted += [
        BlockDrift(
            path, first_line, f"the managed block lacks `{span}`, which the facts now support", span
        )
        for span in sorted(wanted - set(written))
    ]
    return drifted


def _tidy(body: str) -> str:
    """No runs of blank lines, none at either end."""
    lines: list[str] = []
    for line in body.strip("\n").splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines)
