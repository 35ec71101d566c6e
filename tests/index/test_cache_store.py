"""Cache files keep earlier runs' entries within a bound, and a process decodes a file once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditor.discover import discover
from auditor.index import cache_store
from auditor.index.build import build_index
from auditor.index.cache import SyntaxCache
from auditor.index.cache_store import Remembered, retained
from auditor.index.scan_cache import ScanCache
from auditor.index.syntax import PARSER_VERSION
from tests.conftest import write_repo


def test_retained_keeps_the_current_entries_first_then_the_most_recent_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache_store, "KEPT_BEYOND_CURRENT", 2)
    earlier = {"old1": 1, "old2": 2, "old3": 3, "a": 0}
    kept = retained({"a": 10, "b": 20}, earlier)
    assert list(kept) == ["a", "b", "old1", "old2"]
    assert kept["a"] == 10  # this run's entry wins over the one it replaces


def test_retained_keeps_at_least_as_many_earlier_entries_as_current_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache_store, "KEPT_BEYOND_CURRENT", 0)
    current = {f"c{i}": i for i in range(3)}
    earlier = {f"e{i}": i for i in range(10)}
    assert list(retained(current, earlier)) == [*current, "e0", "e1", "e2"]


def test_a_file_unchanged_on_disk_is_decoded_once(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"version": "v", "files": {"k": 1}}))
    decoded: list[dict[str, Any]] = []

    def decode(files: dict[str, Any]) -> dict[str, int]:
        decoded.append(files)
        return {k: int(v) for k, v in files.items()}

    remembered: Remembered[int] = Remembered()
    assert remembered.load(path, "v", decode) == {"k": 1}
    assert remembered.load(path, "v", decode) == {"k": 1}
    assert len(decoded) == 1
    # Another process replaces the file: it is read again.
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"version": "v", "files": {"k": 2, "m": 3}}))
    other.replace(path)
    assert remembered.load(path, "v", decode) == {"k": 2, "m": 3}
    assert remembered.load(path, "other version", decode) == {}


def test_what_a_process_wrote_is_not_read_back(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    remembered: Remembered[int] = Remembered()
    remembered.save(path, "v", {"k": 1}, {"version": "v", "files": {"k": 1}})

    def decode(files: dict[str, Any]) -> dict[str, int]:
        raise AssertionError("decoded what this process wrote")

    assert remembered.load(path, "v", decode) == {"k": 1}


def test_a_malformed_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"version": "v", "files": {"k": "x"}}))

    def decode(files: dict[str, Any]) -> dict[str, int]:
        return {k: int(v) for k, v in files.items()}

    assert Remembered[int]().load(path, "v", decode) == {}


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the index parses from now on (cache misses)."""
    import auditor.index.parsing as parsing

    parsed: list[str] = []
    real = parsing.parse_syntax

    def counting(language: str, data: bytes, path: str) -> Any:
        parsed.append(path)
        return real(language, data, path)

    monkeypatch.setattr(parsing, "parse_syntax", counting)
    return parsed


def _index(root: Path, cache_dir: Path) -> None:
    build_index(
        discover(root),
        cache=SyntaxCache(cache_dir, root, PARSER_VERSION),
        scans=ScanCache(cache_dir, root),
    )


def test_two_versions_of_a_tree_audited_in_turn_are_parsed_once_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull-request run indexes the work tree and its merge base one after the other:
    neither evicts the other's summaries."""
    root = write_repo(tmp_path / "repo", {"a.py": "def f():\n    return 1\n", "b.py": "X = 1\n"})
    cache_dir = tmp_path / "cache"
    parsed = _parses(monkeypatch)
    _index(root, cache_dir)
    assert sorted(parsed) == ["a.py", "b.py"]
    (root / "a.py").write_text("def f():\n    return 2\n")
    _index(root, cache_dir)
    (root / "a.py").write_text("def f():\n    return 1\n")
    _index(root, cache_dir)
    (root / "a.py").write_text("def f():\n    return 2\n")
    _index(root, cache_dir)
    assert sorted(parsed) == ["a.py", "a.py", "b.py"]
