"""A cache directory that is a file, cannot be written, or holds garbage: ignored and rebuilt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import Invoke, Outcome

FILES = {
    "README.md": "# x\n\nRun `pytest`.\n",
    "pkg/__init__.py": "",
    "pkg/core.py": "".join(f"def f{n}(x):\n    return x * {n}\n\n\n" for n in range(30)),
    "tests/test_core.py": "from pkg.core import f1\n\n\ndef test_f1():\n    assert f1(2) == 2\n",
}


@pytest.fixture
def audit_cached(invoke: Invoke) -> Callable[[Path, Path], Outcome]:
    """`auditor audit ROOT --format json --cache-dir CACHE`: exit 0 or 1 and a JSON report."""

    def call(root: Path, cache: Path) -> Outcome:
        outcome = invoke("audit", root, "--format", "json", "--cache-dir", cache)
        assert outcome.code in (0, 1) and "internal error" not in outcome.err, outcome.err
        return outcome

    return call


def _without_cache_state(report: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in report.items() if key != "diagnostics"}


ENTRY_JUNK: list[object] = [
    1,
    None,
    "x",
    [],
    {"a": 1},
    [[1, 2], "yes", [["x", "y"]]],
    [["m"], True, [[1, 2]]],
    ["python", ["f"], [1, 2, 3, 4, 0], [], [], [], [], "QUJD", "", 0],
    ["python", [], [], [], [], [], [], "", "", "1" * 50],
]
"""Entries that are not a scan nor a syntax summary, stored under the real digests."""
SHAPES = 4
"""Documents of the wrong shape altogether (see `_garbage`)."""


def _garbage(real: dict[str, Any]) -> list[object]:
    """Documents that are not a cache: wrong shapes, then the real keys holding junk."""
    version, keys = real["version"], list(real["files"])
    documents: list[object] = [[], 5, {"version": version}, {"version": version, "files": []}]
    documents += [{"version": version, "files": dict.fromkeys(keys, junk)} for junk in ENTRY_JUNK]
    return documents


@pytest.mark.parametrize("case", range(SHAPES + len(ENTRY_JUNK)))
def test_garbage_in_either_cache_file_is_ignored_and_rebuilt(
    case: int, make_repo: Callable[..., Path], tmp_path: Path, audit_cached: Callable[..., Outcome]
) -> None:
    root, cache = make_repo(FILES, git=True), tmp_path / "cache"
    clean = audit_cached(root, cache).report
    written = sorted(cache.glob("*.json"))
    assert {p.name.endswith(".scans.json") for p in written} == {True, False}
    originals = {path: json.loads(path.read_text()) for path in written}
    for path, real in originals.items():
        path.write_text(json.dumps(_garbage(real)[case]))
    again = audit_cached(root, cache).report
    assert _without_cache_state(again) == _without_cache_state(clean)
    assert {path: json.loads(path.read_text()) for path in written} == originals  # rebuilt


@pytest.mark.parametrize(
    "content",
    [b"not json", b"\xff\xfe\x00", b"[" * 100_000, b'{"version": ' + b"9" * 5000 + b"}"],
    ids=["text", "binary", "deep", "huge-number"],
)
def test_an_unreadable_cache_file_is_ignored(
    content: bytes,
    make_repo: Callable[..., Path],
    tmp_path: Path,
    audit_cached: Callable[..., Outcome],
) -> None:
    root, cache = make_repo(FILES, git=True), tmp_path / "cache"
    audit_cached(root, cache)
    for path in cache.glob("*.json"):
        path.write_bytes(content)
    audit_cached(root, cache)
    assert all(json.loads(path.read_text())["files"] for path in cache.glob("*.json"))


def test_a_directory_where_a_cache_file_goes_is_left_alone(
    make_repo: Callable[..., Path], tmp_path: Path, audit_cached: Callable[..., Outcome]
) -> None:
    root, cache = make_repo(FILES, git=True), tmp_path / "cache"
    audit_cached(root, cache)
    for path in cache.glob("*.json"):
        path.unlink()
        path.mkdir()
    audit_cached(root, cache)
    assert all(path.is_dir() for path in cache.glob("*.json"))
    assert list(cache.glob("*.tmp")) == []


@pytest.mark.slow
def test_a_fifo_where_a_cache_file_goes_is_not_read(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    """Reading a FIFO blocks until someone writes it: the run would never end."""
    root, cache = make_repo(FILES, git=True), tmp_path / "cache"
    command = [sys.executable, "-P", "-m", "auditor", "audit", str(root), "--cache-dir", str(cache)]
    subprocess.run([*command, "-q"], check=True, capture_output=True, timeout=120)
    for path in cache.glob("*.json"):
        path.unlink()
        os.mkfifo(path)
    done = subprocess.run([*command, "-q"], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr


def test_a_cache_dir_that_is_a_file_is_a_usage_error(
    make_repo: Callable[..., Path], tmp_path: Path, invoke: Invoke
) -> None:
    plain = tmp_path / "plain"
    plain.write_text("x")
    outcome = invoke("audit", make_repo(FILES), "--cache-dir", plain, "-q")
    assert outcome.code == 2 and "Invalid value for '--cache-dir'" in outcome.err
    assert outcome.err.rstrip().endswith("is a file.")


def test_a_cache_dir_below_a_file_costs_only_the_cache(
    make_repo: Callable[..., Path], tmp_path: Path, audit_cached: Callable[..., Outcome]
) -> None:
    plain = tmp_path / "plain"
    plain.write_text("x")
    audit_cached(make_repo(FILES), plain / "cache")
    assert plain.read_text() == "x"


def test_a_cache_dir_that_cannot_be_written_costs_only_the_cache(
    make_repo: Callable[..., Path],
    tmp_path: Path,
    audit_cached: Callable[..., Outcome],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As a read-only directory does for a user who is not root (chmod does not stop root)."""

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    cache = tmp_path / "cache"
    audit_cached(make_repo(FILES), cache)
    assert list(cache.iterdir()) == []
