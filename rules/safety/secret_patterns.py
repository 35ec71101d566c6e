"""What a committed credential looks like: filled-in .env settings and PEM private keys.

Tuned against real repositories: placeholders (`changethis`, `${VAR}`, `your-key`) are not
secrets, code that merely names a PEM header is not a key, and test data, example projects
and documentation carry throwaway keys on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.index import SourceFile
from auditor.index.line_offsets import line_at
from auditor.index.records import TextChunk

TEMPLATE_SUFFIXES = (".example", ".sample", ".template", ".dist", ".tpl", ".defaults", ".schema")
SETTING = re.compile(
    r"^[ \t]*(?:export[ \t]+)?(?P<key>[A-Za-z_][\w.]*+)[ \t]*+=[ \t]*+"
    r"(?P<value>(?:[^ \t\n]++|[ \t]++(?=[^ \t\n]))*+)[ \t]*+$",
    re.MULTILINE,
)
SECRET_NAME = re.compile(
    r"SECRET|TOKEN|PASSW(?:OR)?D|PWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL", re.I
)
PLACEHOLDER = re.compile(
    r"""^["']?(?:|<.*>|\$\{?.*|x+|\*+|\.\.\.|change[-_]?(?:me|this|it)|todo|none|null|
        (?:your|my|some|example|dummy|fake|test|placeholder)[\w-]*)["']?$""",
    re.IGNORECASE | re.VERBOSE,
)
PRIVATE_KEY = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\s)++"
    r"(?:[\w-]++: (?:[^\\\n]++|\\(?!n))*+(?:\\n|\s)++)*+[A-Za-z0-9+/=]{40,}"
)
"""A PEM private key with its body (code that only names the header is not a key)."""
PROSE = (".md", ".mdx", ".rst", ".adoc")
"""Documentation: a key shown in a README is an example, not the repository's credential."""
TESTISH = re.compile(r"(?:^|[_.-])tests?(?:[_.-]|$)", re.IGNORECASE)
"""Test data the path rules miss: `options_test.go.tmpl`, `server-test.key`."""
SAMPLE_DIRS = frozenset({"example", "examples", "sample", "samples", "demo", "demos"})
"""Example projects ship throwaway self-signed keys and filled-in demo settings."""


MINIFIED_LINE_BYTES = 400
"""Lines longer than this on average: minified or machine-written text."""


def is_minified(record: SourceFile) -> bool:
    """Whether the file's lines average more than MINIFIED_LINE_BYTES (and it is not tiny)."""
    return record.size > 4096 and record.size > MINIFIED_LINE_BYTES * max(record.lines, 1)


def is_test_data(record: SourceFile) -> bool:
    *directories, name = record.path.split("/")
    in_samples = any(d.lower() in SAMPLE_DIRS for d in directories)
    return record.is_test or in_samples or TESTISH.search(name) is not None


def is_env_file(path: str) -> bool:
    name = path.rpartition("/")[2]
    return (name == ".env" or name.startswith(".env.")) and not name.endswith(TEMPLATE_SUFFIXES)


def env_secret(text: str) -> tuple[str, int] | None:
    """The first setting that looks like a filled-in credential, and its line."""
    for match in SETTING.finditer(text):
        if SECRET_NAME.search(match["key"]) and not PLACEHOLDER.match(match["value"]):
            return match["key"], line_at(text, match.start())
    return None


def private_key_in_chunks(record: SourceFile, chunks: Iterable[TextChunk]) -> int | None:
    """The line where a private key starts in a file over the scan cap, read a chunk at a
    time (the index neither holds nor marks such a file), or None."""
    if record.path.lower().endswith(PROSE):
        return None
    for chunk in chunks:
        found = PRIVATE_KEY.search(chunk.text)  # one starting in the overlap: the next chunk's
        if found and found.start() < chunk.own_end:
            return chunk.first_line + line_at(chunk.text, found.start()) - 1
    return None


def private_key_line(record: SourceFile, text: str | None) -> int | None:
    """The line where a private key starts in `text` (the file of `record`), or None."""
    if "private-key" not in record.markers or record.path.lower().endswith(PROSE) or not text:
        return None
    found = PRIVATE_KEY.search(text)
    return line_at(text, found.start()) if found else None
