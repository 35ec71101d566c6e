"""DOC004's word test: a variable counts as named exactly where it stands as a word of its own."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor_rules.documentation.undocumented_env_vars import named

WORD = re.compile(r"(?<![\w$])[A-Za-z_]\w*")
"""The identifiers a reader sees: not after `$` or another word character."""


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["DB_URL", "KEY", "K", "_X1"]),
    st.text(alphabet="DB_URLKEYX1 $.`=é\n", max_size=40),
)
def test_named_is_being_one_of_the_texts_identifiers(name: str, text: str) -> None:
    assert named(name, text) == (name in set(WORD.findall(text)))


def test_a_shell_expansion_or_a_longer_word_does_not_name_it() -> None:
    assert named("KEY", "Set `KEY` first.")
    assert not named("KEY", "echo $KEY")
    assert not named("KEY", "API_KEY=1")
