"""Shell scripts (CI steps, recipes, code blocks) cut into their command lines."""

from __future__ import annotations

from auditor.facts.shell.syntax import statements


def script_lines(script: str, first_line: int | None = None) -> list[tuple[int | None, str]]:
    """The command lines of a shell script with their line offsets (from `first_line`).

    One per statement (`syntax.statements`): continuations joined, the statements inside
    `if`/`for`/`while`/`case` given one by one, comments and here-document bodies left out.
    """
    return [
        (None if first_line is None else first_line + row, text) for row, text in statements(script)
    ]
