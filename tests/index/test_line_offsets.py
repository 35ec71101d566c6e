"""Line numbers by bisection over line starts found once agree with counting newlines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from auditor.index.line_offsets import LineOffsets, line_at


@given(st.text(alphabet="ab\n\r", max_size=200), st.data())
def test_line_at_is_the_newlines_before_the_offset_plus_one(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert line_at(text, offset) == text.count("\n", 0, offset) + 1


def test_many_matches_cost_one_pass() -> None:
    text = "x\n" * 100_000
    offsets = LineOffsets(text)
    assert [offsets.line(at) for at in (0, 1, 2, len(text) - 1, len(text))] == [
        1, 1, 2, 100_000, 100_001,
    ]  # fmt: skip
