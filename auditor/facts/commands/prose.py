"""What a document says around a command: the directory it names and whether it is the suite."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator, Sequence

WHOLE_SUITE = re.compile(
    r"""(?ix)\b(?:full|whole|entire|complete)\s+(?:test[\s-]?suite|suite|set\s+of\s+tests|tests?)\b
      | \ball\s+(?:of\s+)?(?:the\s+)?(?:unit\s+)?(?:tests|test\s+suites|specs)\b"""
)
"""Prose that introduces the whole test suite ("Run the full test suite", "run all tests")."""
NAMED_DIRECTORY = re.compile(
    r"""(?ix)\b(?:in|inside|within|from)\s+(?:the\s+)?
        \[?`?(?P<name>[\w.][\w./-]*?)/?`?\]?(?:\([^)\s]*\))?\s+(?:sub)?(?:directory|folder|dir)\b"""
)
"""Prose naming where the commands after it run ("In the [`test_suite`] directory")."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
DIRECTIVE = re.compile(r"(?i)\b(?:run|execute|type|invoke|start|build|test|go|cd)\b|:\s*$")
"""A sentence that tells where to run what follows ("In the `docs` directory, run:", or only
"In the `docs` directory"), not one that describes a directory ("Inside the gemfiles
directory, we have one per Rails")."""
CD_SPAN = re.compile(r"`cd\s+(?P<name>[\w.][\w./-]*?)/?`")
FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,})")


EXTRA_SECTION = re.compile(
    r"(?i)\b(?:extra|additional|optional|other|more|special(?:i[sz]ed)?)\b.*\b(?:tests?|environments?|"
    r"suites?|checks?|targets?)\b|\bfilter(?:ing|s)?\b"
)
"""A section for runs besides the main one ("Extra Test Environments", "Other checks") or for
parts of it ("Test Filtering")."""
HEADING = re.compile(r"^\s{0,3}#{1,6}\s++(?P<title>(?:[^\s#]++|[\s#]++(?=[^\s#]))++)[\s#]*+$")
"""A Markdown heading; its title ends at its last character that is not a blank or a `#`."""


def heading_above(lines: Sequence[str], line: int) -> str:
    """The title of the Markdown heading nearest above 1-based `line` ("" when none)."""
    for text in reversed(lines[: max(line - 1, 0)]):
        match = HEADING.match(text)
        if match:
            return match.group("title")
    return ""


RST_UNDERLINE = re.compile(r"^([=\-~^*+#'\".:_])\1{2,}\s*$")
"""A reStructuredText title's underline (`=====`)."""
USAGE_SECTION = re.compile(
    r"(?i)\b(?:usage|overview|features?|examples?|quick\s*start|tutorial|introduction"
    r"|how\s+to\s+use|getting\s+started|synopsis)\b"
)
CONTRIBUTOR_SECTION = re.compile(r"(?i)test|develop|contribut|hack|build|running|local")


def shows_usage(lines: Sequence[str], line: int) -> bool:
    """Whether 1-based `line` of a README shows how to use the project rather than how to work
    on it: in the introduction of a README that has sections (the pitch before them), or in
    a section for users ("Overview", "Usage" and the sections inside it; not "Running the
    tests", "Development")."""
    headings = list(_headings(lines))
    titled = bool(headings) and headings[0][1] == 1  # a top-level first heading is the title
    stack: list[tuple[int, int, str]] = []
    for at, level, title in headings:
        if at >= line - 1:
            break
        while stack and stack[-1][1] >= level:
            stack.pop()
        stack.append((at, level, title))
    sections = [title for at, _, title in stack if not (titled and at == headings[0][0])]
    if any(CONTRIBUTOR_SECTION.search(title) for title in sections):
        return False
    if not sections:
        return len(headings) > int(titled)
    return any(USAGE_SECTION.search(title) for title in sections)


def heading_lines(lines: Sequence[str]) -> tuple[int, ...]:
    """The 1-based lines of the document's headings (Markdown, reStructuredText), outside
    fences: where its sections start."""
    return tuple(at + 1 for at, _, _ in _headings(lines))


def _headings(lines: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(0-based line, level, title) of each Markdown heading (level: its `#` count) and each
    reStructuredText title (level: the order its underline first appears), outside fences."""
    rst_levels: list[str] = []
    fenced = False
    for at, text in enumerate(lines):
        if FENCE_LINE.match(text):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(text)
        if match:
            yield at, len(text.strip()) - len(text.strip().lstrip("#")), match.group("title")
        elif not fenced and at and RST_UNDERLINE.match(text) and _rst_title(lines[at - 1]):
            overlined = at > 1 and RST_UNDERLINE.match(lines[at - 2]) is not None
            mark = text.strip()[0] + ("/" if overlined else "")  # an overlined title differs
            if mark not in rst_levels:
                rst_levels.append(mark)
            yield at - 1, rst_levels.index(mark) + 1, lines[at - 1].strip()


def _rst_title(text: str) -> bool:
    return bool(text.strip()) and not RST_UNDERLINE.match(text) and not FENCE_LINE.match(text)


def in_extra_section(lines: Sequence[str], line: int) -> bool:
    """Whether 1-based `line` sits in a section for extra runs ("Extra Test Environments")."""
    return bool(EXTRA_SECTION.search(heading_above(lines, line)))


OTHER_JOB = (
    r"(?:build|compile|lint|format|type[\s-]?check|set\s?up|install|bootstrap|bench(?:mark)?s?"
    r"|docs?|documentation|release|publish|clean|run\s+one\s+test|single\s+test)"
)
OTHER_JOB_LABEL = re.compile(
    rf"(?ix)^\s*+(?:[-*+]|\d+[.)])?+\s*+(?:\*\*|__)?+\s*+{OTHER_JOB}[\w\s()-]{{0,20}}?"
    r"(?:\*\*|__)?\s*[:\u2013\u2014]\s*$"
)
"""A list item's label for another job than the tests ("- Build: `mvn package`")."""
OTHER_JOB_DESCRIPTION = re.compile(rf"(?ix)^\s*[-:\u2013\u2014]\s*{OTHER_JOB}\b")
"""A description after the command for another job ("- `pnpm build` - Build all packages")."""
TEST_WORD = re.compile(r"(?i)\b(?:tests?|specs?|suite)\b")


def labelled_for_another_job(introduction: str) -> bool:
    """Whether `introduction` (the line holding an inline command) labels the command for
    another job than running the tests ("- Build: `mvn package`", "- `make docs` - Build the
    docs"; not "- Build and test: `make`")."""
    label, _, rest = introduction.partition("`")
    if label.strip(" -*+"):
        pattern, text = OTHER_JOB_LABEL, label
    else:
        pattern, text = OTHER_JOB_DESCRIPTION, rest.partition("`")[2]
    return bool(pattern.match(text)) and not TEST_WORD.search(text)


def introduces_whole_suite(introduction: str) -> bool:
    """Whether `introduction` says that what follows runs the whole test suite."""
    return bool(WHOLE_SUITE.search(introduction))


def paragraph_before(lines: Sequence[str], index: int) -> str:
    """The paragraph (or heading) that ends right before 0-based line `index`, on one line;
    "" when a code block ends there."""
    end = index
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = end
    while start > 0 and lines[start - 1].strip() and not FENCE_LINE.match(lines[start - 1]):
        start -= 1
        if lines[start].lstrip().startswith("#"):
            break  # a Markdown heading opens its paragraph
    if end and FENCE_LINE.match(lines[end - 1]):
        return ""
    return " ".join(line.strip() for line in lines[start:end])


def comment_above(block: Sequence[str], index: int) -> str:
    """The group of `#` comment lines nearest above line `index` of a code block, on one line."""
    found: list[str] = []
    for line in reversed(block[:index]):
        text = line.strip()
        if text.startswith("#"):
            found.insert(0, text.lstrip("#").strip())
        elif found:
            break
    return " ".join(found)


def named_directory(paragraph: str, path: str, is_dir: Callable[[str], bool]) -> str:
    """The directory `paragraph` says the commands after it run in ("In the `x` directory",
    "`cd x`, then"), from the root: one that exists at the root or beside the document at
    `path`; "" for none."""
    named = [
        match
        for sentence in SENTENCE_END.split(paragraph)
        for match in NAMED_DIRECTORY.finditer(sentence)
        if DIRECTIVE.search(sentence) or not sentence[match.end() :].strip(" \t.,:;#*_`]")
    ]
    for match in (*named, *CD_SPAN.finditer(paragraph)):
        name = match.group("name").removeprefix("./").rstrip("/")
        for directory in (name, posixpath.join(posixpath.dirname(path), name)):
            if name not in ("", ".", "..") and is_dir(posixpath.normpath(directory)):
                return posixpath.normpath(directory)
    return ""
