"""Paths from MCP clients: taken inside the root, refused with a reason everywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.mcp_server.paths import OutsideRoot, inside_root
from tests.mcp.repository import served_repository


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return served_repository(tmp_path)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", ""),
        (".", ""),
        ("./src/shop/cart.py", "src/shop/cart.py"),
        ("src//shop/", "src/shop"),
        ("src\\shop\\cart.py", "src/shop/cart.py"),
        ("missing/file.py", "missing/file.py"),
    ],
)
def test_relative_paths_are_taken_from_the_root(root: Path, given: str, expected: str) -> None:
    assert inside_root(root, given) == expected


def test_an_absolute_path_inside_the_root_is_made_relative(root: Path) -> None:
    assert inside_root(root, str(root / "src" / "shop")) == "src/shop"
    assert inside_root(root, str(root)) == ""


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("../elsewhere/secret.md", "may not hold '..'"),
        ("src/../../elsewhere", "may not hold '..'"),
        ("/etc/passwd", "is not inside the repository"),
        ("docs/out", "symbolic link"),
        ("docs/out/secret.md", "symbolic link"),
        ("notes.md", "symbolic link"),
        ("a\0b", "NUL"),
        ("x" * 5000, "longer than any path"),
    ],
)
def test_paths_out_of_the_root_are_refused_with_the_reason(
    root: Path, given: str, reason: str
) -> None:
    with pytest.raises(OutsideRoot, match=reason):
        inside_root(root, given)


def test_an_absolute_path_through_the_link_out_is_refused(root: Path) -> None:
    with pytest.raises(OutsideRoot, match="symbolic link"):
        inside_root(root, str(root / "docs" / "out" / "secret.md"))


@given(st.text(alphabet="ab./\\\0 ", max_size=12))
def test_whatever_is_accepted_lies_inside_the_root(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    root = tmp_path_factory.getbasetemp() / "paths-root"
    root.mkdir(exist_ok=True)
    try:
        relative = inside_root(root, text)
    except OutsideRoot:
        return
    resolved = (root / relative).resolve()
    assert resolved == root.resolve() or root.resolve() in resolved.parents
