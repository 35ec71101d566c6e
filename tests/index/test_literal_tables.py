"""A data table is told from code by the share of its lines that hold only literals."""

from __future__ import annotations

from auditor.index.literal_tables import literal_percent


def test_prefixed_strings_are_literals() -> None:
    table = "CONFIG = set([\n" + "    u'some_rather_long_text_value', b'x', rb'y',\n" * 500 + "])\n"
    share = literal_percent(table.encode())
    assert share is not None and share >= 99  # all but the `CONFIG = set([` line


def test_code_is_not_a_table() -> None:
    code = "".join(f"def f{i}(x):\n    return unique(x) + {i}\n" for i in range(300))
    assert literal_percent(code.encode()) is None
