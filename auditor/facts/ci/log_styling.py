"""A CI command as an agent would type it: the options that only colour CI's log left out."""

from __future__ import annotations

import re

COLOUR_OPTION = re.compile(
    r"(?<![ \t])[ \t]+--colou?rs?(?:=|[ \t]+)"
    r"[\"']?(?:always|never|auto|yes|no|true|false)[\"']?(?=[ \t]|$)"
)
"""`--color=always`, `--colour never`, `--color=yes`: how a log is coloured, not what runs. A
match starts only at the first blank of a run, so a line of blanks costs one pass."""
BARE_SEPARATOR = re.compile(r"(?<![ \t])[ \t]+--[ \t]*$")
"""A `--` that passed only those options on to the test binary (`cargo test -- --color=always`)."""


def without_log_styling(text: str) -> str:
    """`text` without colour options, and without a `--` they leave with nothing after it:
    `cargo test --features x --color=always -- --color=always` is `cargo test --features x`."""
    plain = COLOUR_OPTION.sub("", text)
    if plain == text:
        return text
    return BARE_SEPARATOR.sub("", plain)
