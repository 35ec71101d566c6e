"""What a generated AGENTS.md block states, chosen from the facts: commands, places, boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.agents_md.house_rules import contradicts, forbidden_commands
from auditor.agents_md.inline_code import code_span, refusal
from auditor.facts.commands.workflow import CommandChooser
from auditor.facts.layout.places import boundaries, package_dirs, source_dirs, test_places
from auditor.facts.subject import Subject
from auditor.inert_text import visible
from auditor.report_facts import Source

CODE_SPAN = re.compile(r"`([^`\n]+)`")


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One bullet: a label (which may hold code spans) and the code spans it names."""

    label: str
    spans: tuple[str, ...]
    sources: tuple[Source | None, ...] = ()
    """Where each command span was found (file, line, why), beside `spans`; empty for lines
    that name no command."""
    jobs: tuple[str, ...] = ()
    """The jobs a command line's commands do: setup, build, test, single_test, lint, format,
    type_check (`Lint and format` does two)."""

    @property
    def text(self) -> str:
        """The bullet as the template writes it, without the leading `- `."""
        named = ", ".join(code_span(span) for span in self.spans)
        return f"{self.label}: {named}" if named else self.label


@dataclass(frozen=True, slots=True)
class AgentsPlan:
    """The content of the managed block, section by section; empty sections are left out."""

    commands: tuple[PlanLine, ...]
    layout: tuple[PlanLine, ...]
    boundaries: tuple[PlanLine, ...]
    docs: tuple[PlanLine, ...]
    left_out: tuple[str, ...] = ()
    """The repository values the block does not state because they cannot be written safely
    (`inline_code.refusal`), each with its line's label and the reason."""

    def spans(self) -> frozenset[str]:
        """Every code span the rendered block holds: what staleness is judged on."""
        lines = (*self.commands, *self.layout, *self.boundaries, *self.docs)
        return frozenset(span for line in lines for span in CODE_SPAN.findall(line.text))


@dataclass(frozen=True, slots=True)
class PlanScope:
    """Which part of the repository a plan speaks for.

    `package` is the package directory for a nested AGENTS.md ("" for the root); `manager`
    overrides the package manager a package view detects (a pnpm workspace's packages are
    run with pnpm even without their own lockfile); `nested` lists the packages that have
    their own AGENTS.md, which the root file points to.
    """

    package: str = ""
    manager: str | None = None
    nested: tuple[str, ...] = ()


def agents_plan(subject: Subject, scope: PlanScope | None = None) -> AgentsPlan:
    """The plan for the AGENTS.md of `subject` (a repository, or a package view of one)."""
    scope = scope or PlanScope()
    chooser = CommandChooser(subject, scope.manager)
    forbidden = forbidden_commands(subject)

    def runnable(text: str | None) -> str | None:
        """`text` if it resolves here and the repository's instructions do not forbid it, in
        the form that runs unattended."""
        if not chooser.resolves(text) or text is None or contradicts(text, forbidden):
            return None
        return chooser.unattended(text)

    def command_line(label: str, chosen: str | None, job: str) -> PlanLine | None:
        text = runnable(chosen)
        return PlanLine(label, (text,), (chooser.source(chosen),), (job,)) if text else None

    test = chooser.test()
    tests = test if chooser.tests_something(runnable(test)) else None
    commands = [
        command_line("Set up", chooser.setup(), "setup"),
        command_line("Build", chooser.build(), "build"),
        command_line("Run the tests", tests, "test"),
        command_line("Run one test", chooser.single_test(), "single_test"),
        *_tool_lines(chooser, forbidden),
    ]
    layout = [
        _line("Source", *source_dirs(subject)),
        _line("Packages", *package_dirs(subject)),
        _line("Tests", *test_places(subject)),
    ]
    if scope.nested:
        paths = tuple(f"{directory}/AGENTS.md" for directory in scope.nested)
        layout.append(PlanLine("Each package's own commands are in", paths))
    left_out: list[str] = []
    return AgentsPlan(
        commands=_vetted(commands, left_out, command=True),
        layout=_vetted(layout, left_out),
        boundaries=_vetted((PlanLine(*line) for line in boundaries(subject)), left_out),
        docs=_vetted(_docs(subject), left_out),
        left_out=tuple(left_out),
    )


def _vetted(
    lines: Iterable[PlanLine | None], left_out: list[str], command: bool = False
) -> tuple[PlanLine, ...]:
    """`lines` without the values that cannot be written safely (noted in `left_out`); a
    line whose every value is left out goes too."""
    kept: list[PlanLine] = []
    for line in lines:
        if line is None:
            continue
        spans, sources = [], []
        for at, span in enumerate(line.spans):
            reason = refusal(span, command)
            if reason is None:
                spans.append(span)
                sources.append(line.sources[at] if at < len(line.sources) else None)
            else:
                left_out.append(f"{line.label}: left out '{visible(span)}': {reason}")
        if spans or not line.spans:
            kept_sources = tuple(sources) if line.sources else ()
            kept.append(PlanLine(line.label, tuple(spans), kept_sources, line.jobs))
    return tuple(kept)


TOOL_KINDS = (("linter", "Lint"), ("formatter", "Format"), ("type_checker", "Type-check"))
TOOL_JOBS = {"linter": "lint", "formatter": "format", "type_checker": "type_check"}
MAX_TOOL_LINES = 4


def _tool_lines(chooser: CommandChooser, forbidden: frozenset[str]) -> list[PlanLine | None]:
    """One line per command; a command doing several jobs says so (`Lint and format`), and a
    command that does not name its tool names it (`Lint (golangci-lint)`)."""
    jobs: dict[str, list[str]] = {}
    kinds: dict[str, list[str]] = {}
    tools: dict[str, list[str]] = {}
    sources: dict[str, Source | None] = {}
    for kind, label in TOOL_KINDS:
        for tool, run in chooser.tools(kind):
            text = None if contradicts(run, forbidden) else chooser.unattended(run)
            if text is None:
                continue
            sources.setdefault(text, chooser.source(run))
            if label not in jobs.setdefault(text, []):
                jobs[text].append(label)
                kinds.setdefault(text, []).append(TOOL_JOBS[kind])
            if tool not in tools.setdefault(text, []):
                tools[text].append(tool)
    merged: dict[str, list[str]] = {}
    for text, labels in list(jobs.items())[:MAX_TOOL_LINES]:
        label = " and ".join([labels[0], *(word.lower() for word in labels[1:])])
        unnamed = [tool for tool in tools[text] if tool not in text]
        merged.setdefault(f"{label} ({', '.join(unnamed)})" if unnamed else label, []).append(text)
    return [
        PlanLine(
            label,
            tuple(texts),
            tuple(sources[text] for text in texts),
            tuple(dict.fromkeys(job for text in texts for job in kinds[text])),
        )
        for label, texts in merged.items()
    ]


def _line(label: str, *spans: str | None) -> PlanLine | None:
    kept = tuple(span for span in spans if span)
    return PlanLine(label, kept) if kept else None


def _docs(subject: Subject) -> tuple[PlanLine, ...]:
    docs = subject.facts.docs
    named = (
        ("Project overview", docs.readme),
        ("How to contribute", docs.contributing),
        ("Architecture", docs.architecture),
    )
    return tuple(PlanLine(label, (path,)) for label, path in named if path)


JS_WORKSPACES = frozenset({"pnpm", "yarn", "bun", "npm"})


def managed_plan(
    subject: Subject, directory: str = "", nested: tuple[str, ...] | None = None
) -> AgentsPlan:
    """The plan for the AGENTS.md in `directory` ("" for the root) of the repository `subject`.

    A nested file speaks for its package (a package view of the subject, run with the
    workspace's JavaScript manager); the root file points to the packages that have their own
    AGENTS.md (`nested`, by default those that exist now).
    """
    workspace = subject.facts.workspace
    if directory:
        kind = workspace.kind if workspace is not None else None
        manager = kind if kind in JS_WORKSPACES else None
        return agents_plan(subject.package(directory), PlanScope(directory, manager))
    if nested is None:
        members = workspace.packages if workspace is not None else ()
        nested = tuple(d for d in members if subject.files.file(f"{d}/AGENTS.md") is not None)
    return agents_plan(subject, PlanScope(nested=nested))
