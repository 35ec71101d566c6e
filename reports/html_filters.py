"""Jinja2 filters of the HTML report: they escape their input first, then add safe markup."""

from __future__ import annotations

from markupsafe import Markup, escape


def code_spans(text: str) -> Markup:
    """`text` escaped, with each `backticked` span set as <code>; an unpaired backtick stays."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    pieces = [
        Markup("<code>{}</code>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    ]
    return Markup("").join(pieces)


def breakable_path(path: str) -> Markup:
    """`path` escaped, with a line-break opportunity (<wbr>) after each slash."""
    return Markup("/<wbr>").join(escape(part) for part in path.split("/"))


FILTERS = {"code_spans": code_spans, "breakable_path": breakable_path}
