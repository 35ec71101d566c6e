"""The jinja2 templates of the Go and JavaScript/TypeScript scaffolds, with quoting filters."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


def render(template: str, **values: Any) -> str:
    """The template `template` (under `templates/`) filled with `values`."""
    return _environment().get_template(template).render(**values)


def quoted(text: str) -> str:
    """`text` as a double-quoted string literal of Go and of JavaScript (JSON's escapes are
    valid in both; U+2028 and U+2029 are escaped for older JavaScript engines)."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("auditor.scaffold", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["go_string"] = quoted
    environment.filters["js_string"] = quoted
    return environment
