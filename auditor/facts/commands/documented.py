"""Commands documented in Markdown and reStructuredText: shell code blocks and inline code."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import pairwise

from auditor.facts.commands.prose import HEADING, comment_above, named_directory, paragraph_before
from auditor.facts.model import Command
from auditor.facts.shell.directories import walk_script_lines
from auditor.facts.shell.invocations import PROMPT, invocations, strip_prompt
from auditor.facts.shell.script_lines import script_lines

CLONE = re.compile(
    r"git clone\s++(?:-\S++(?:\s++\d++)?+\s++)*+(?:\S*[^\w\s.-])?([\w.-]+?)(?:\.git)?/?(?=\s|$|`)"
)
"""`git clone https://github.com/you/name.git`: the directory it makes (`name`)."""
KNOWN_EXECUTABLES = frozenset({
    "python", "pip", "pip3", "uv", "uvx", "poetry", "pdm", "hatch", "pipenv", "rye", "pixi",
    "conda", "mamba", "tox", "nox", "pytest", "coverage", "pre-commit", "ruff", "black", "isort",
    "flake8", "pylint", "mypy", "pyright", "basedpyright", "ty", "pytype", "make", "just", "task",
    "npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx", "deno", "node", "tsc", "eslint",
    "prettier", "biome", "vitest", "jest", "mocha", "playwright", "cypress", "turbo", "nx",
    "lerna", "go", "gofmt", "golangci-lint", "cargo", "rustup", "rustc", "mvn", "mvnw", "./mvnw",
    "gradle", "gradlew", "./gradlew", "sbt", "ant", "bundle", "rake", "rspec", "ruby", "gem",
    "rails", "php", "composer", "phpunit", "dotnet", "cmake", "ctest", "meson", "ninja", "bazel",
    "bazelisk", "mix", "elixir", "swift", "xcodebuild", "flutter", "dart", "docker",
    "docker-compose", "podman", "git", "bash", "sh", "zsh", "source", "export", "cd", "cp",
    "mkdir", "./configure", "autoreconf", "./autogen.sh", "scons", "stack", "cabal", "lein",
    "clojure", "kubectl", "helm",
    "terraform", "tflint", "shellcheck", "hadolint", "nix", "direnv", "sphinx-build", "mkdocs",
    "lefthook"
})  # fmt: skip
"""First words that make a line of an unlabelled code block (or an inline span) a command."""
STANDALONE = frozenset({
    "jest", "tox", "phpunit", "mocha", "rspec", "tsc", "make", "ctest", "nox", "vitest", "pytest",
    "mypy", "just", "pyright"
})  # fmt: skip
"""Words that are a command on their own in an inline span (`tox`), not a mere name."""
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell", "zsh", "fish", "ksh", "shellscript"})
SESSION_LANGUAGES = frozenset({
    "", "bat", "batch", "cmd", "console", "none", "plain", "plaintext", "powershell", "ps1",
    "pwsh", "sh-session", "shell-session", "terminal", "text", "txt"
})  # fmt: skip
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*\{?\.?([\w+-]*)")
INLINE = re.compile(r"(?<!`)(`{1,2})(?!`)([^`\n]+?)(?<!`)\1(?!`)")
QUOTED = re.compile(r'(?<![\w"])"([^"\n]+)"(?![\w"])')
"""Plain text (a README without a suffix, `.txt`) quotes its commands: "./configure; make"."""
RST_INLINE = re.compile(r"(?<!`)``(?!`)([^`\n]+?)``(?![`_])")
"""reStructuredText: only ``double`` backticks are code; `single`_ ones are links and roles."""
IsDir = Callable[[str], bool]
RST_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(?:code-block|code|sourcecode|prompt)::\s*([\w+-]*)")


def document_commands(
    path: str, text: str, origin: str, is_dir: IsDir | None = None
) -> list[Command]:
    """The commands documented in `text` (a Markdown, reStructuredText or plain-text file).

    A code block's commands run where the paragraph before it says ("In the `x` directory",
    when `is_dir(x)`) and where the block's own `cd` lines take them: into a directory that
    exists (`is_dir`) or that the block makes (`mkdir build`), written `cd DIR && command`."""
    return [command for command, _ in _documented(path, text, origin, is_dir)]


def document_introductions(path: str, text: str) -> dict[int, str]:
    """1-based line -> the prose that introduces the command there: the comment above it in
    its code block, else the paragraph before the block; the line holding an inline span."""
    return {c.line: intro for c, intro in _documented(path, text, "docs", None) if c.line}


def _documented(
    path: str, text: str, origin: str, is_dir: IsDir | None
) -> Iterator[tuple[Command, str]]:
    clones = frozenset(CLONE.findall(text))
    known = is_dir or (lambda _: False)

    def exists(directory: str) -> bool:
        """A directory of the repository, but not the clone the document just made of it
        (`git clone .../starlette` then `cd starlette` is the root, not `starlette/`)."""
        return known(directory) and directory.split("/", 1)[0] not in clones

    if path.lower().endswith((".rst", ".rest")):
        return _rst(path, text, origin, exists)
    return _markdown(path, text, origin, exists)


def is_known_command(line: str) -> bool:
    found = invocations(line)
    return bool(found) and (
        found[0].program in KNOWN_EXECUTABLES
        or found[0].head in KNOWN_EXECUTABLES
        or line.split()[0] in KNOWN_EXECUTABLES
    )


def _markdown(path: str, text: str, origin: str, is_dir: IsDir) -> Iterator[tuple[Command, str]]:
    lines = text.splitlines()
    name = path.rsplit("/", 1)[-1].lower()
    plain = "." not in name or name.endswith(".txt")
    number = 0
    outside = False  # an earlier block of this section left the repository (`cd /tmp/app`)
    spans_cwd = ""  # a `cd docs` span holds for the spans after it in its paragraph or list
    while number < len(lines):
        fence = FENCE.match(lines[number])
        if not fence:
            outside = outside and not HEADING.match(lines[number])
            if not lines[number].strip() or HEADING.match(lines[number]):
                spans_cwd = ""
            for command, context in _inline(path, number + 1, lines[number], origin):
                spans_cwd, command = _span_in(spans_cwd, command, is_dir)
                yield command, context
            if plain:
                yield from _inline(path, number + 1, lines[number], origin, QUOTED)
            number += 1
            continue
        marker, language = fence.group(2), fence.group(3).lower()
        start = number + 1
        number = start
        while number < len(lines) and not lines[number].strip().startswith(marker):
            number += 1
        block = [line.removeprefix(fence.group(1)) for line in lines[start:number]]
        paragraph = paragraph_before(lines, start - 1)
        found, outside = _block(
            path, start + 1, block, language, (origin, paragraph, is_dir), outside
        )
        yield from found
        number += 1


def _span_in(cwd: str, command: Command, is_dir: IsDir) -> tuple[str, Command]:
    """(the directory later spans run in, `command` as run from `cwd`): an inline `cd docs`
    (to a directory the repository has) moves the spans that follow it."""
    found = invocations(command.text)
    if len(found) == 1 and found[0].program == "cd" and found[0].args:
        target = posixpath.normpath(posixpath.join(cwd, found[0].args[0]))
        return (target if is_dir(target) else cwd), command
    return cwd, replace(command, text=f"cd {cwd} && {command.text}") if cwd else command


def _rst(path: str, text: str, origin: str, is_dir: IsDir) -> Iterator[tuple[Command, str]]:
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        line = lines[number]
        directive = RST_DIRECTIVE.match(line)
        literal = (
            not directive and line.rstrip().endswith("::") and not line.lstrip().startswith("..")
        )
        if not directive:
            yield from _inline(path, number + 1, line, origin, RST_INLINE)
        if not directive and not literal:
            number += 1
            continue
        indent = len(line) - len(line.lstrip())
        paragraph = paragraph_before(lines, number if directive else number + 1)
        language = directive.group(2).lower() if directive else ""
        number += 1
        while number < len(lines) and (
            lines[number].strip().startswith(":") or not lines[number].strip()
        ):
            number += 1
        start = number
        while number < len(lines) and (
            not lines[number].strip() or len(lines[number]) - len(lines[number].lstrip()) > indent
        ):
            number += 1
        block = lines[start:number]
        context = (origin, paragraph, is_dir)
        yield from _block(path, start + 1, _dedent(block), language, context)[0]


def _dedent(block: list[str]) -> list[str]:
    widths = [len(line) - len(line.lstrip()) for line in block if line.strip()]
    cut = min(widths, default=0)
    return [line[cut:] for line in block]


def _block(
    path: str,
    first: int,
    block: list[str],
    language: str,
    context: tuple[str, str, IsDir],
    outside: bool = False,
) -> tuple[list[tuple[Command, str]], bool]:
    """The commands of a code block whose first line is 1-based `first`, each with its
    introduction, and whether the block ends outside the repository; `context` is the origin,
    the paragraph before the block and the directory test; `outside` that the block starts
    outside the repository (an earlier block of its section went to `/tmp/app`)."""
    origin, paragraph, is_dir = context
    prompted = any(PROMPT.match(line.strip()) for line in block)
    if language in SHELL_LANGUAGES:
        # with prompts, a line without one that runs nothing known is output (`> fd -e rs`,
        # then the files it prints)
        chosen = script_lines("\n".join(_as_run(block) if prompted else block), 0)
    elif language in SESSION_LANGUAGES:
        statements = script_lines("\n".join(block), 0)
        chosen = [
            (row, strip_prompt(text) if prompted else text)
            for row, text in statements
            if (PROMPT.match(text) if prompted else is_known_command(text))
        ]
    else:
        return [], outside
    script = [""] * len(block)
    for row, text in chosen:
        script[row or 0] = text
    directory = named_directory(paragraph, path, is_dir)
    lines, ends_outside = walk_script_lines("\n".join(script), first, directory, is_dir, outside)
    found = [
        (
            Command(text, path, line, origin),
            comment_above(block, (line or first) - first) or paragraph,
        )
        for line, text in lines
    ]
    return found, ends_outside


def _as_run(block: list[str]) -> list[str]:
    """A prompted shell block's lines as run: prompts cut off, and "" for a line without one
    that runs nothing known and continues no line (the output printed under a command)."""
    run: list[str] = []
    for line in block:
        text = line.strip()
        continues = bool(run) and run[-1].rstrip().endswith("\\")
        if PROMPT.match(text):
            run.append(strip_prompt(text))
        elif continues or not text or text.startswith("#") or is_known_command(text):
            run.append(line)
        else:
            run.append("")
    return run


def _inline(
    path: str, line: int, text: str, origin: str, pattern: re.Pattern[str] = INLINE
) -> Iterator[tuple[Command, str]]:
    matches = list(pattern.finditer(text))
    for at, match in enumerate(matches):
        span = strip_prompt(match.group(match.lastindex or 0).strip())
        words = span.split()
        if not words or (len(words) == 1 and words[0] not in STANDALONE):
            continue
        if len(words) == 1 and _run_through_later(text, matches[at:]):
            continue  # "`pytest` in `tests/`, via `make test`": the tool, run by the target
        if is_known_command(span):
            yield Command(span, path, line, origin), text.strip()


THROUGH = re.compile(r"\b(?:via|using|through|by running)[ \t]*$", re.IGNORECASE)
"""The words that hand a tool's run to a later span: "`pytest`, via `make test`"."""


def _run_through_later(text: str, matches: list[re.Match[str]]) -> bool:
    """Whether a command span after the first of `matches` is introduced by "via", "using",
    ... in the text between it and the span before it ("`pytest` using `uv`" names two tools)."""
    return any(
        THROUGH.search(text, before.end(), after.start())
        and len(command := after.group(after.lastindex or 0).split()) > 1
        and is_known_command(" ".join(command))
        for before, after in pairwise(matches)
    )
