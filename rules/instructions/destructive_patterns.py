"""What a destructive command looks like in text an agent reads, and what does not count.

Reported: `rm -rf` on anything but build output (an output directory or what a .gitignore
ignores: `PathJudge.is_output`), `git clean` with `-f` and `-d`
or `-x`, `git reset --hard`, `git push --force` (not `--force-with-lease`), and dropping a
database. Not reported: a line that forbids the command (`never`, `do not`, `avoid`, ...),
which is how good instruction files mention them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

IsOutput = Callable[[str], bool]
"""Whether a repository path is build output a clean step may delete (`PathJudge.is_output`)."""
RM = re.compile(r"""\brm\s+(?P<flags>(?:-{1,2}[\w-]+\s+)+)(?P<targets>[^;&|`\n)]*)""", re.VERBOSE)
GIT_DESTRUCTIVE = re.compile(
    r"""\bgit\s++(?:-C\s++\S++\s++)?(?:
        reset(?=\s)[^\n;&|`]*?\s--hard\b
      | clean\s++(?P<clean>(?:-{1,2}[\w-]++\s*+)++)
      | push\s++(?P<push>[^\n;&|`]*+)
    )""",
    re.VERBOSE,
)
FORCE_PUSH = re.compile(r"(?:^|\s)(?:--force(?![-\w])|-f\b|-\w*f\w*\b)|\s\+\w[\w/.-]*(?:\s|$)")
"""`--force`, `-f` (alone or bundled) or a `+branch` refspec; `--force-with-lease` is not."""
DROP = re.compile(
    r"""\bDROP\s+(?:DATABASE|SCHEMA)\b
      | \bdropdb\b
      | \b(?:rails|rake|bin/rails)\s+db:drop\b
      | \bprisma\s+migrate\s+reset\b
      | \bFLUSHALL\b""",
    re.IGNORECASE | re.VERBOSE,
)
FORBIDDEN = re.compile(
    r"""\b(?:never|don['\u2019]?t|do\s+not|does\s+not|must\s+not|mustn['\u2019]t|should\s+not|
        shouldn['\u2019]t|cannot|can['\u2019]t|avoid|no\s+(?:one|agent)|without\s+(?:asking|
        approval|permission|confirmation)|forbidden|prohibited|not\s+allowed|disallow(?:ed)?|
        refuse|deny|denied|block(?:ed|s)?|instead\s+of|rather\s+than|ask\s+(?:first|
        before)|dangerous|destructive)\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""Words that make a line a boundary or a warning about the command, not an instruction."""


def destructive(line: str, is_output: IsOutput) -> str | None:
    """The destructive command `line` gives, or None (also None when the line forbids it)."""
    found = _command(line, is_output)
    if found is None or FORBIDDEN.search(line):
        return None
    return found


def _command(line: str, is_output: IsOutput) -> str | None:
    for match in RM.finditer(line):
        if _recursive_force(match["flags"]) and not _only_output(match["targets"], is_output):
            return match.group(0).strip()
    for match in GIT_DESTRUCTIVE.finditer(line):
        clean, push = match["clean"], match["push"]
        if clean is not None and not _clean_is_destructive(clean):
            continue
        if push is not None and not FORCE_PUSH.search(" " + push):
            continue
        return match.group(0).strip()
    dropped = DROP.search(line)
    return dropped.group(0) if dropped else None


def _recursive_force(flags: str) -> bool:
    words = flags.split()
    short = "".join(w[1:] for w in words if not w.startswith("--"))
    recursive = "r" in short.lower() or "--recursive" in words
    return recursive and ("f" in short or "--force" in words)


def _clean_is_destructive(flags: str) -> bool:
    """`git clean -f` with `-d` or `-x` deletes untracked directories or ignored files; a dry
    run (`-n`) or interactive (`-i`) clean deletes nothing unasked."""
    short = "".join(w[1:] for w in flags.split() if not w.startswith("--"))
    longs = flags.split()
    if "n" in short or "i" in short or "--dry-run" in longs or "--interactive" in longs:
        return False
    forced = "f" in short or "--force" in longs
    return forced and ("d" in short or "x" in short or "X" in short)


def _only_output(targets: str, is_output: IsOutput) -> bool:
    """Whether every target is (a path inside) build output."""
    paths = [t.strip("'\"") for t in targets.split() if not t.startswith("-")]
    return bool(paths) and all(_is_output(path, is_output) for path in paths)


VARIABLE = re.compile(r"^\$(?:\{\w+\}|\w+)\"?/?")
"""A leading `$VAR/` or `"${VAR}"/`: a hook's `$CLAUDE_PROJECT_DIR/build` is `build`."""


def _is_output(path: str, is_output: IsOutput) -> bool:
    """Whether `path` names build output or something in it: `build/`, `./dist/*`,
    `"$PROJECT_DIR"/target`; never `/`, `~`, `.`, `*`, a path with `..` or a bare `$VAR`."""
    path = VARIABLE.sub("", path, count=1) if path.startswith("$") else path
    if path.startswith(("/", "~", "$", "*")) or path in ("", ".", "./"):
        return False
    parts = [p for p in path.removeprefix("./").split("/") if p not in ("", ".")]
    return bool(parts) and ".." not in parts and is_output("/".join(parts))


def destructive_lines(text: str, is_output: IsOutput) -> Iterator[tuple[int, str]]:
    """(line, command) of each line of `text` that gives a destructive command."""
    for number, line in enumerate(text.splitlines(), start=1):
        found = destructive(line, is_output)
        if found is not None:
            yield number, found
