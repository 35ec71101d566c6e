"""The served repository is read once, and read again only when its files change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.mcp_server import answers
from auditor.mcp_server.workspace import Workspace
from tests.mcp.repository import served_repository


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(served_repository(tmp_path), tmp_path / "cache")


def _touch_later(path: Path) -> None:
    """Give `path` an mtime clearly after the last preparation (a coarse clock cannot hide it)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_repeated_calls_reuse_the_prepared_repository(workspace: Workspace) -> None:
    first = answers.repository_facts(workspace)
    assert answers.repository_facts(workspace) is first
    answers.instructions_for(workspace, "src/shop/cart.py", "codex")
    answers.audit(workspace)
    assert workspace.preparations == 1


def test_an_edited_file_is_read_again(workspace: Workspace) -> None:
    before = answers.repository_facts(workspace)
    makefile = workspace.root / "Makefile"
    makefile.write_text(makefile.read_text() + "\ntypecheck:\n\tmypy src\n")
    _touch_later(makefile)
    after = answers.repository_facts(workspace)
    assert workspace.preparations == 2
    commands = {c["command"] for c in after["commands"]} - {
        c["command"] for c in before["commands"]
    }
    assert commands == {"make typecheck"}


def test_a_new_file_is_seen(workspace: Workspace) -> None:
    assert answers.repository_facts(workspace)["facts"]["test_file_count"] == 1
    new = workspace.root / "tests" / "test_more.py"
    new.write_text("def test_more():\n    pass\n")
    _touch_later(new.parent)
    assert answers.repository_facts(workspace)["facts"]["test_file_count"] == 2


def test_a_removed_file_is_seen(workspace: Workspace) -> None:
    answers.repository_facts(workspace)
    (workspace.root / "tests" / "test_cart.py").unlink()
    assert answers.repository_facts(workspace)["facts"]["test_file_count"] == 0


def test_a_selection_narrows_the_configured_rules(workspace: Workspace) -> None:
    everything = answers.audit(workspace)
    safety = answers.audit(workspace, select=["safety"])
    assert {c["id"] for c in safety["categories"] if c["score"] is not None} == {"safety"}
    assert (
        safety["score"] != everything["score"] or safety["categories"] != everything["categories"]
    )
    assert answers.audit(workspace, select=["", " "])["score"] == everything["score"]
    with pytest.raises(answers.UsageError, match="no rule matches"):
        answers.audit(workspace, select=["NOPE"])


def test_findings_come_in_pages(workspace: Workspace) -> None:
    whole = answers.audit(workspace, page_size=500)
    total = whole["findings_total"]
    assert total >= 2 and len(whole["findings"]) == total and whole["next_page"] is None
    first, second = (
        answers.audit(workspace, page_size=1),
        answers.audit(workspace, page=2, page_size=1),
    )
    assert (
        first["next_page"] == 2
        and [*first["findings"], *second["findings"]] == whole["findings"][:2]
    )
    with pytest.raises(answers.UsageError, match="page"):
        answers.audit(workspace, page=0)


def test_the_core_never_imports_the_mcp_sdk() -> None:
    code = (
        "import sys\n"
        "from auditor.cli import run\n"
        "run(['rules', '--format', 'json'])\n"
        "import auditor.mcp_server.answers, auditor.commands.mcp\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mcp', 'pydantic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"
