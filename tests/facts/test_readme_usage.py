"""Which README lines show how to use the project, not how to work on it."""

from __future__ import annotations

from auditor.facts.commands.prose import shows_usage

MARKDOWN = """# Tool

`tool run` does it all.

## Usage

### Run everything

```shell
tool
# not a heading
---
```

## Development

### Running the tests

`make test`
"""
RST = """=====
tool
=====

Speeds up your tests::

    pytest -n auto

Testing
=======

Run ``tox``.
"""


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_markdown_sections_nest_and_fences_hold_no_headings() -> None:
    lines = MARKDOWN.splitlines()
    assert shows_usage(lines, line_of(MARKDOWN, "`tool run`"))
    assert shows_usage(lines, line_of(MARKDOWN, "# not a heading"))
    assert not shows_usage(lines, line_of(MARKDOWN, "`make test`"))


def test_restructuredtext_titles_by_their_underline() -> None:
    lines = RST.splitlines()
    assert shows_usage(lines, line_of(RST, "pytest -n auto"))
    assert not shows_usage(lines, line_of(RST, "``tox``"))


def test_a_readme_without_sections_is_all_instructions() -> None:
    text = 'ZLIB\n\nTo run the tests: "./configure; make test".\n'
    assert not shows_usage(text.splitlines(), 3)
