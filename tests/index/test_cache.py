"""The syntax cache: summaries survive a round trip; malformed entries are ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.index.cache import SyntaxCache, _decode, _encode
from auditor.index.syntax import PARSER_VERSION, parse_syntax

PYTHON = b'''from typing import Any
import pkg.mod


def area(width: int, height: Any) -> int:
    """Area.

    Args:
        width: Width.
        depth: Renamed.
    """
    def inner(x):
        return x
    return width * height  # type: ignore
''' + b"".join(b"value_%d = compute(%d) + offset\n" % (i, i) for i in range(40))


@pytest.mark.parametrize(
    ("language", "source", "path"),
    [
        ("python", PYTHON, "lib.py"),
        ("typescript", b"import a from './a';\nexport const f = (x: any) => x as any;\n", "a.ts"),
        ("go", b'package p\n\nimport "fmt"\n\nfunc F() { if x { fmt.Println() } }\n', "p.go"),
        ("python", b"def broken(:\n", "bad.py"),
    ],
)
def test_round_trip(language: str, source: bytes, path: str) -> None:
    summary = parse_syntax(language, source, path)
    assert _decode(json.loads(json.dumps(_encode(summary)))) == summary


def test_round_trip_keeps_what_the_rules_read() -> None:
    summary = _decode(json.loads(json.dumps(_encode(parse_syntax("python", PYTHON, "lib.py")))))
    area, inner = summary.functions
    assert area.annotated is True and area.docstring is not None
    assert area.docstring.documented == ("width", "depth")
    assert inner.nested and inner.annotated is False and inner.docstring is None
    assert summary.imports == ("typing", "typing.Any", "pkg.mod")
    assert summary.escape_hatches == (5, 14)
    assert summary.code_lines > 40 and summary.clone_windows and summary.clone_places


@pytest.mark.parametrize(
    "entry",
    [
        ["python", ["f"], [1, 2, 1], [], [], [], [], "", "", 0],
        ["python", ["f"], [1, 2, 1, 0, 8], [], [], [], [], "", "", 0],
        ["python", ["f"], [1, 2, 1, 0, "x"], [], [], [], [], "", "", 0],
        ["python", [], [], [], [], [], [], "not base64!", "", 0],
        ["python", [], []],
        ["python", ["f"], [1, 2, 1, 0, 8], [[5, "a"]], [], [], [], "", "", 0],
    ],
)
def test_malformed_entries_are_ignored(entry: list[object], tmp_path: Path) -> None:
    cache = SyntaxCache(tmp_path, Path("/repo"), PARSER_VERSION)
    payload = {"version": cache._version, "files": {"d": entry}}
    cache.path.write_text(json.dumps(payload))
    cache.load()
    assert cache.get("d") is None
