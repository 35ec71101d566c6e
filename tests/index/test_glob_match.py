"""Globs behind their literal prefilter match exactly what pathspec matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ignore_patterns import ignore_spec
from auditor.index.glob_match import _needles, path_matcher

SEGMENT = st.text(alphabet="abAB.-_ *?", min_size=1, max_size=6)
PATTERN = st.builds(
    lambda lead, parts, trail: lead + "/".join(parts) + trail,
    st.sampled_from(["", "/", "**/", "!", "#", "\\"]),
    st.lists(SEGMENT, min_size=1, max_size=3),
    st.sampled_from(["", "/", "/**", " "]),
)
NAME = st.text(alphabet="abAB.-_ ", min_size=1, max_size=5).filter(lambda n: n not in (".", ".."))
PATH = st.lists(NAME, min_size=1, max_size=4)
"""Index paths: POSIX, relative, no `.` or `..` part."""


@settings(max_examples=400, deadline=None)
@given(st.lists(PATTERN, min_size=1, max_size=3), st.lists(PATH, min_size=1, max_size=8))
def test_the_prefilter_never_changes_a_verdict(patterns: list[str], paths: list[list[str]]) -> None:
    spec = ignore_spec(patterns)
    matches = path_matcher(tuple(patterns))
    for parts in paths:
        path = "/".join(parts)
        assert matches(path) == spec.match_file(path), (patterns, path)


def test_file_names_get_their_literal_and_odd_patterns_none() -> None:
    assert _needles(("Cargo.toml",)) == ("Cargo.toml",)
    assert _needles(("/requirements*.txt", "*.csproj")) == ("requirements", ".csproj")
    assert _needles(("**/*.py",)) == (".py",)
    assert _needles(("*",)) is None
    assert _needles(("!keep.py", "a.py")) is None
    assert _needles(("[ab].py",)) is None
