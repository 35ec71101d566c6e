"""Documented commands: the directory their prose or their block puts them in, their prose."""

from __future__ import annotations

from auditor.facts.commands.documented import document_commands, document_introductions

GUIDE = """\
Clone and test:

```sh
git clone https://example.com/x.git
cd x
make test
```

In the `web/` directory:

```console
$ npm ci
$ npm test
```

In the `missing` directory:

```sh
pytest
```

Make an app of your own with the generator:

```console
$ npx create-x /tmp/foo && cd /tmp/foo
$ npm install
```

Start it:

```console
$ npm start
```

## Building

Build out of tree:

```
mkdir build
cd build
cmake ..
make check
```
"""


def test_blocks_follow_their_cd_lines_and_the_directory_their_prose_names() -> None:
    directories = {"web", "x"}  # `x/` is also the package: `cd x` after the clone is the root
    found = document_commands("CONTRIBUTING.md", GUIDE, "docs", directories.__contains__)
    assert [(c.text, c.line) for c in found] == [
        ("git clone https://example.com/x.git", 4),
        ("cd x", 5),  # into the clone just made: the repository itself
        ("make test", 6),
        ("cd web && npm ci", 12),
        ("cd web && npm test", 13),
        ("pytest", 19),  # the directory named does not exist
        ("npx create-x /tmp/foo && cd /tmp/foo", 25),  # what follows in the section is the app's
        ("mkdir build", 40),  # a new section starts in the repository again
        ("cd build", 41),
        ("cd build && cmake ..", 42),
        ("cd build && make check", 43),
    ]


def test_introductions_are_the_comment_above_else_the_paragraph_before() -> None:
    text = (
        "## Tests\n\nRun the full test suite, or a part of it:\n\n```sh\nmake all\n# everything\n"
        "make test\n\n# only the parser\nmake test-parser\n```\n\nOr `tox` for all tests.\n"
    )
    assert document_introductions("README.md", text) == {
        6: "Run the full test suite, or a part of it:",
        8: "everything",
        11: "only the parser",
        14: "Or `tox` for all tests.",
    }


def test_plain_text_quotes_its_commands_markdown_does_not() -> None:
    text = 'In short "./configure; make test", then "make install" (see "the manual").\n'
    expected = [("./configure; make test", 1), ("make install", 1)]
    for path in ("README", "INSTALL.txt"):
        assert [(c.text, c.line) for c in document_commands(path, text, "docs")] == expected
    assert document_commands("README.md", text, "docs") == []


def test_an_inline_cd_holds_for_the_spans_after_it_in_its_list() -> None:
    guide = (
        "To build the docs:\n\n* `cd docs` to go to the docs directory\n"
        "* `pip3 install -r requirements.txt` to install what they need\n\n"
        "Then, from the root, `make test`.\n* `cd nowhere` first\n* `make lint`\n"
    )
    found = document_commands("CONTRIBUTING.md", guide, "docs", {"docs"}.__contains__)
    assert [(c.text, c.line) for c in found] == [
        ("cd docs", 3),
        ("cd docs && pip3 install -r requirements.txt", 4),
        ("make test", 6),  # a new paragraph starts at the root
        ("cd nowhere", 7),
        ("make lint", 8),  # a directory the repository lacks is not followed
    ]
