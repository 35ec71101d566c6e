"""Paths and commands named in instruction files, README and CONTRIBUTING that do not resolve."""

from __future__ import annotations

import posixpath
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.facts.commands.documented import FENCE, INLINE, RST_INLINE
from auditor.facts.files import RepositoryFiles
from auditor.facts.references.commands import CommandJudge
from auditor.facts.references.paths import PathJudge
from auditor.facts.subject import Subject
from auditor.index.read_log import ReadLog, shared

LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
DOCUMENTED = frozenset({"instructions", "docs"})
NEW_FILE_CONTEXT = re.compile(
    r"\b(?:create[sd]?|creating|write|writing|example|for instance|such as|named|called"
    r"|generated?|will be|would be|new file)\b|\be\.?g\.|\bi\.e\."
    r"|\byour\s+(?:own\s+)?(?:project|app|application|repo(?:sitory)?|code(?:base)?)\b"
    r"|\b(?:does|do|did)\s*(?:not|n't)\s+(?:ship|have|include|contain|exist)\b|\bthere\s+is\s+no\b",
    re.IGNORECASE,
)
"""Words around a path that say it is one to make, an example of a name, one in the reader's
own project, or one the repository does not have ("does not ship its own `X`")."""
_CACHE: weakref.WeakKeyDictionary[Subject, tuple[tuple[Reference, ...], ReadLog]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True, slots=True)
class Reference:
    """A path or command a document names that the repository does not resolve."""

    path: str
    """The document, repository-relative."""
    line: int
    kind: str
    """path | command"""
    text: str
    """The path or command as written."""
    problem: str


def checked_documents(subject: Subject) -> tuple[str, ...]:
    """Every agent instruction file with text, and the root README and CONTRIBUTING."""
    facts, index = subject.facts, subject.files
    docs = [facts.docs.readme, facts.docs.contributing]
    found = {p for p in (*facts.instruction_files, *docs) if p and index.file(p) is not None}
    return tuple(sorted(found))


def dangling_references(subject: Subject) -> tuple[Reference, ...]:
    """Every dangling path and unresolved command, by document and line (computed once)."""
    return shared(_CACHE, subject, lambda: tuple(_find(subject)))


def _find(subject: Subject) -> Iterator[Reference]:
    index = subject.files
    paths = PathJudge(index)
    commands = CommandJudge(subject, paths)
    documents = checked_documents(subject)
    instructions = set(subject.facts.instruction_files)
    found: list[Reference] = []
    for document in documents:
        found.extend(_path_references(index, paths, document))
    wanted = set(documents)
    for command in subject.facts.commands:
        if command.origin not in DOCUMENTED or command.path not in wanted:
            continue
        strict = command.path in instructions
        tried = [
            list(commands.problems(command, d, strict))
            for d in _base_directories(command.path, strict)
        ]
        problems = tried[0] if all(tried) else []  # said as from the first place a reader tries
        for problem in problems:
            line = command.line or 1
            found.append(Reference(command.path, line, "command", command.text, problem))
    unique = dict.fromkeys(found)
    return iter(sorted(unique, key=lambda r: (r.path, r.line, r.kind, r.text)))


def _base_directories(document: str, instruction_file: bool) -> tuple[str, ...]:
    """Where a reader runs a document's commands: a nested instruction file's in its own
    directory, else from the root (an agent's shell starts at the root: `tests/CLAUDE.md`'s
    `composer test` runs there); another document's (`docs/contributing.md`) from the root,
    else from its own directory. A command resolves when it does from one of them."""
    directory = posixpath.dirname(document)
    if directory.startswith(".."):  # a package view reading the workspace's file: its root
        return ("/".join(part for part in directory.split("/") if part == ".."),)
    if directory.startswith(".") or not directory:
        return ("",)
    return (directory, "") if instruction_file else ("", directory)


def _path_references(
    index: RepositoryFiles, judge: PathJudge, document: str
) -> Iterator[Reference]:
    text = index.text(document) or ""
    directory = posixpath.dirname(document)
    base = _base_directories(document, True)[0]  # code_span also tries the root
    spans = RST_INLINE if document.lower().endswith((".rst", ".rest")) else INLINE
    for number, line in _prose_lines(text):
        if NEW_FILE_CONTEXT.search(line):
            continue
        for match in spans.finditer(line):
            span = match.group(match.lastindex or 0).strip()
            missing = judge.code_span(span, base)
            if missing:
                yield Reference(document, number, "path", span, f"`{span}` does not exist")
        for match in LINK.finditer(spans.sub(" ", line)):  # `[a](b)` in code is no link
            missing = judge.link(match.group(1), directory)
            if missing:
                target = match.group(1)
                problem = f"link to `{target}`: no such file"
                yield Reference(document, number, "path", target, problem)


def _prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of the lines outside fenced code blocks and HTML comments."""
    fence = ""
    comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(2)
            continue
        if comment or line.lstrip().startswith("<!--"):
            comment = "-->" not in line
            continue
        yield number, line
