"""Which code spans and links of a document name a repository path, and whether it exists."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

import pathspec

from auditor.facts.files import RepositoryFiles
from auditor.facts.references.project_names import project_names
from auditor.ignore_patterns import ignore_spec
from auditor.index.read_log import recorded_property

REJECT = re.compile(r"""[\s*?\[\]{}<>$|;&=@%!^~"'()\\,]|://|^[/~#:-]|\.\.\.""")
"""Not a plain path: globs, placeholders, variables, URLs, absolute or home paths, options."""
LINE_SUFFIX = re.compile(r":\d+(?::\d+)?\Z")
"""A line number (and column) after a path."""
NODE_ID_CHARACTERS = frozenset(":[]-_")
EXAMPLE_WORDS = frozenset(
    {"path", "to", "your", "yours", "foo", "bar", "baz", "qux", "xxx", "example.com", "some"}
)
EXAMPLE_PARTS = ("your_", "your-", "my_", "my-", "<", "xxx", "blah")
WELL_KNOWN_DIRS = frozenset({
    "src", "lib", "tests", "test", "docs", "doc", "scripts", "packages", "apps", "crates",
    "cmd", "pkg", "internal", "tools", ".github", "examples", "config", "benchmarks",
})  # fmt: skip
"""Top-level names a repository path starts with even when that directory has gone."""
OUTPUT_DIRS = frozenset({
    "node_modules", "dist", "build", "target", "out", ".venv", "venv", "env", "coverage",
    "htmlcov", ".tox", ".nox", "__pycache__", ".pytest_cache", ".mypy_cache", "vendor", "site",
    "_build", ".next", ".cache", "tmp", ".git",
})  # fmt: skip
"""Directories that are built, installed or ignored: their paths need not be in the index."""
ECMASCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
MODULE_SUFFIXES = (*ECMASCRIPT_SUFFIXES, ".py", ".pyi")
"""What a module path written without its extension may name (`import "./walk"`)."""
EMITTED_SUFFIXES = (".js", ".jsx", ".mjs", ".cjs")
TYPESCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")
"""TypeScript sources are imported by the name of the JavaScript they compile to."""
SCHEME = re.compile(r"^[a-zA-Z][\w+.-]*:")


class PathJudge:
    """Decides whether a path named in a document is a repository path that does not exist."""

    def __init__(self, index: RepositoryFiles) -> None:
        self.index = index

    @recorded_property
    def _ignored(self) -> pathspec.GitIgnoreSpec:
        lines: list[str] = []
        for record in self.index.files:
            if record.path.rsplit("/", 1)[-1] != ".gitignore":
                continue
            base = posixpath.dirname(record.path)
            for line in (self.index.text(record.path) or "").splitlines():
                rule = line.strip()
                if rule and not rule.startswith("#"):
                    lines.append(_rebased(base, rule))
        return ignore_spec(lines)

    @recorded_property
    def _top(self) -> frozenset[str]:
        return frozenset(f.path.split("/", 1)[0] for f in self.index.files)

    def is_output(self, path: str) -> bool:
        """Whether `path` is built, installed or ignored output, which a clean step may
        delete: in an OUTPUT_DIRS directory, or matched by a .gitignore (as a file or as a
        directory). The repository's `.git` is never output."""
        path = path.strip("/")
        parts = path.split("/")
        if not path or ".git" in parts:
            return False
        ignored = self._ignored
        return (
            any(part in OUTPUT_DIRS for part in parts)
            or ignored.match_file(path)
            or ignored.match_file(path + "/")
        )

    def exists(self, path: str) -> bool:
        index = self.index
        path = path.rstrip("/")
        return index.exists(path) or path in index.links or path in index.symlinks

    def code_span(self, span: str, directory: str) -> str | None:
        """The path `span` names that is missing (relative to the root), or None.

        A span is judged only when it looks like a path of this repository: it has a slash,
        and its first segment is a top-level entry, an entry of the document's directory or
        a well-known top-level directory. A leading `./` counts the same (`./public` and
        `./views/index.erb` in a framework's README are the reader's, not the framework's;
        one name after `./` is never judged). It resolves when it exists relative to the
        document's directory or to the root; `../` only from the document.
        """
        path = _plain(span)
        if path is None or "/" not in path.strip("/") or self._names_a_project(path):
            return None
        if path.startswith("../"):
            return self._missing(_joined(directory, path))
        relative = path.removeprefix("./").lstrip("/") if path.startswith("./") else path
        if not self._looks_ours(relative, directory):
            return None
        candidates = [_joined(directory, relative)] if directory else []
        candidates.append(_joined("", relative))
        found = [c for c in candidates if c is not None]
        if any(self.exists(c) or self._module(c) for c in found):
            return None
        if self._anywhere(relative.strip("/")):
            return None
        return self._missing(found[-1] if found else None)

    @recorded_property
    def _projects(self) -> frozenset[str]:
        return project_names(self.index)

    def _names_a_project(self, path: str) -> bool:
        """`prometheus/client_golang/api/…`: this project or one it uses (`project_names`)."""
        parts = path.strip("/").split("/")
        return any("/".join(parts[:end]) in self._projects for end in range(2, len(parts) + 1))

    def _looks_ours(self, relative: str, directory: str) -> bool:
        """Whether a path with a slash names this repository's file: more than one name
        (`./myapp.rb`, `./public` are the reader's as often as ours) under a top-level entry,
        a well-known directory or an entry of the document's directory."""
        if "/" not in relative.strip("/"):
            return False
        first = relative.split("/", 1)[0]
        return first in self._top or first in WELL_KNOWN_DIRS or self._in(directory, first)

    def _module(self, path: str) -> bool:
        """Whether `path` resolves as its language imports it: `src/walk` to `src/walk.ts`,
        `walk/index.tsx` or `walk.py`; TypeScript's `src/walk.js` to `src/walk.ts`."""
        path = path.rstrip("/")
        name = path.rpartition("/")[2]
        if name.endswith(EMITTED_SUFFIXES):
            stem = path.rsplit(".", 1)[0]
            return any(self.index.exists(stem + suffix) for suffix in TYPESCRIPT_SUFFIXES)
        if "." in name:
            return False
        return any(self.index.exists(path + suffix) for suffix in MODULE_SUFFIXES) or any(
            self.index.exists(f"{path}/index{suffix}") for suffix in ECMASCRIPT_SUFFIXES
        )

    def _anywhere(self, path: str) -> bool:
        """Whether some file's path ends with `path`, or some directory's does (written
        relative to a package or source root: `lib/walk.ts` for `pkg/src/lib/walk.ts`)."""
        tail, inner = "/" + path, "/" + path + "/"
        return any(
            ("/" + f.path).endswith(tail)
            or inner in "/" + f.path
            or ("/" + f.path).rsplit(".", 1)[0].endswith(tail)  # a module: `lib/walk`
            for f in self.index.files
        )

    def link(self, target: str, directory: str) -> str | None:
        """The path a relative Markdown link points to that is missing, or None."""
        if not target or target.startswith(("#", "//")) or SCHEME.match(target):
            return None
        target = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not target or REJECT.search(target.lstrip("/")) or _is_example(target):
            return None
        joined = target.lstrip("/") if target.startswith("/") else _joined(directory, target)
        return self._missing(joined)

    def _in(self, directory: str, first: str) -> bool:
        return bool(directory) and self.index.exists(f"{directory}/{first}")

    def _missing(self, path: str | None) -> str | None:
        """`path` (root-relative) when nothing is there and nothing explains its absence."""
        if path is None or self.exists(path):
            return None
        parts = path.split("/")
        if any(part in OUTPUT_DIRS for part in parts) or self._ignored.match_file(path):
            return None
        return None if self._left_out(path) else path

    def _left_out(self, path: str) -> bool:
        """Whether `path` is, lies under or holds what discovery left out (vendored, generated):
        a tracked directory of generated files exists though the index does not list them."""
        for entry in self.index.excluded:
            entry = entry.rstrip("/")
            if path == entry or path.startswith(entry + "/") or entry.startswith(path + "/"):
                return True
        return False


def _plain(span: str) -> str | None:
    """`span` as a path (a pytest id or `:line` cut off), or None when it is not one."""
    text = _without_suffix(span.strip())
    if not text or REJECT.search(text) or _is_example(text) or text.endswith("."):
        return None
    if text.startswith("./"):
        return text
    first = text.split("/", 1)[0]
    if "." in first and not first.startswith(".") and "/" in text:
        return None  # `github.com/org/repo`, `golang.org/x/tools`: a module, not a path
    return text


EXAMPLE_NAME = re.compile(r"(?:^|/)(?:Your|My)[A-Z]")
"""`tests/functional/Extension/YourExtension/`: a name the reader picks."""


def _is_example(text: str) -> bool:
    if EXAMPLE_NAME.search(text):
        return True
    low = text.lower()
    parts = [p for p in low.split("/") if p]
    stems = {p.rsplit(".", 1)[0] for p in parts}
    return bool(stems & EXAMPLE_WORDS) or any(mark in low for mark in EXAMPLE_PARTS)


def _joined(directory: str, path: str) -> str | None:
    """`path` from `directory`, root-relative; None when it leaves the root, unless
    `directory` itself is above it (a package view reading its workspace's document)."""
    joined = posixpath.normpath(posixpath.join(directory, path))
    if joined.startswith("..") and not directory.startswith(".."):
        return None
    return "" if joined == "." else joined


def _rebased(base: str, rule: str) -> str:
    """A nested .gitignore's rule, as a rule of the root."""
    if not base:
        return rule
    negated = rule.startswith("!")
    body = rule[1:] if negated else rule
    anchored = "/" in body.rstrip("/")
    body = f"{base}/{body.lstrip('/')}" if anchored else f"{base}/**/{body}"
    return ("!" if negated else "") + body


def _without_suffix(text: str) -> str:
    """`text` without what may follow a path: a pytest node id (`::test[x]`), a line number
    (`:12`, `:12:5`) or an anchor (`#part`), cut at the leftmost place one starts and runs to
    the end. Found by scanning back from the end once (a regular expression tried at every
    place would cost the text's length at each)."""
    cuts = [len(text)]
    if (anchor := text.find("#", text.rfind("\n") + 1)) >= 0:
        cuts.append(anchor)
    run = len(text)
    while run > 0 and (text[run - 1].isalnum() or text[run - 1] in NODE_ID_CHARACTERS):
        run -= 1
    if (node := text.find("::", run)) >= 0:
        cuts.append(node)
    if (line := LINE_SUFFIX.search(text)) is not None:
        cuts.append(line.start())
    return text[: min(cuts)]
