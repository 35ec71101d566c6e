"""A file replaced by a FIFO between discovery and the index's read does not block the audit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from auditor.discover import discover
from auditor.index.build import build_index


def test_a_file_swapped_for_a_fifo_after_discovery_is_a_diagnostic(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo({"app.py": "x = 1\n", "README.md": "# x\n"})
    discovery = discover(root)
    (root / "app.py").unlink()
    os.mkfifo(root / "app.py")  # no writer: a blocking open would wait forever
    index = build_index(discovery, want_syntax=False)
    said = [(d.path, d.kind, d.message) for d in index.diagnostics]
    assert ("app.py", "special", "not a regular file: not read") in said
    assert index.file("README.md") is not None and index.file("app.py") is None
