"""CI lines are offered without the options that only colour the log."""

from __future__ import annotations

import pytest

from auditor.facts.ci.log_styling import without_log_styling


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("cargo test --all --color=always -- --color=always", "cargo test --all"),
        ("pytest --color=yes -q tests", "pytest -q tests"),
        ("cargo test --colour never", "cargo test"),
        ("jest --colors=true", "jest"),
        ("cargo test -- --nocapture", "cargo test -- --nocapture"),
        ("ls --color-scheme=dark", "ls --color-scheme=dark"),
        ("echo --color=always", "echo"),
    ],
)
def test_colour_options_are_left_out(line: str, offered: str) -> None:
    assert without_log_styling(line) == offered


def test_a_line_without_them_is_kept_as_written() -> None:
    line = 'cargo test --features "a b"  --  -q'
    assert without_log_styling(line) is line
