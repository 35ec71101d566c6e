"""Which programming language a file is written in, by extension and shebang."""

from __future__ import annotations

import re

EXTENSIONS: dict[str, str] = {
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".go": "go",
    ".rs": "rust",
    ".java": "java",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".hxx": "cpp",
    ".cs": "csharp",
    ".rb": "ruby",
    ".rake": "ruby",
    ".php": "php",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".swift": "swift",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".scala": "scala",
    ".lua": "lua",
    ".dart": "dart",
    ".ex": "elixir",
    ".exs": "elixir",
    ".hs": "haskell",
    ".r": "r",
    ".R": "r",
    ".m": "objective-c",
    ".mm": "objective-c",
}
FILENAMES: dict[str, str] = {"Rakefile": "ruby"}
SHEBANG = re.compile(
    rb"^#![ \t]*(?:\S*/)?"  # the interpreter's directory, if any
    rb"(?:env[ \t]+(?:-\S*[ \t]+)*(?:\w+=\S*[ \t]+)*)?"  # env, its options and assignments
    rb"(?:\S*/)?([A-Za-z]+)[\d.]*(?:\s|$)"  # the interpreter's name, version dropped
)
"""The interpreter a `#!` line runs: `#!/bin/bash`, `#!/usr/bin/env -S node --flag`, ..."""
INTERPRETERS: dict[bytes, str] = {
    b"python": "python",
    b"pypy": "python",
    b"uv": "python",
    b"node": "javascript",
    b"deno": "typescript",
    b"bun": "javascript",
    b"bash": "shell",
    b"sh": "shell",
    b"zsh": "shell",
    b"dash": "shell",
    b"ksh": "shell",
    b"ruby": "ruby",
    b"php": "php",
    b"lua": "lua",
    b"elixir": "elixir",
}


def language_of(path: str, head: bytes = b"") -> str | None:
    """The language of the file at `path` whose first bytes are `head`, or None."""
    name = path.rsplit("/", 1)[-1]
    if name in FILENAMES:
        return FILENAMES[name]
    dot = name.rfind(".")
    if dot > 0:
        by_extension = EXTENSIONS.get(name[dot:]) or EXTENSIONS.get(name[dot:].lower())
        if by_extension is not None:
            return by_extension
    if head.startswith(b"#!"):
        match = SHEBANG.match(head[:128])
        if match:
            return INTERPRETERS.get(match.group(1))
    return None
