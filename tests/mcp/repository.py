"""The fixture repository the MCP tests serve: commands in a Makefile, tests, an AGENTS.md."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_repo

MAKEFILE = "setup:\n\tpip install -e .\n\nlint:\n\truff check .\n\ntest:\n\tpytest\n"
FILES = {
    "Makefile": MAKEFILE,
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n\n[tool.ruff]\n\n[tool.mypy]\n',
    "README.md": "# shop\n\nA shop.\n",
    "AGENTS.md": "# AGENTS.md\n\nRun `make test` before you push.\n",
    "src/shop/AGENTS.md": "# Shop\n\nKeep prices in cents.\n",
    "src/shop/__init__.py": "",
    "src/shop/cart.py": "def total(items):\n    return sum(items)\n",
    "src/shop/prices.py": "def in_cents(euros):\n    return round(euros * 100)\n",
    "tests/test_cart.py": "from shop.cart import total\n\n\ndef test_a():\n    assert total([1])\n",
    ".gitignore": ".env\n",
    ".claude/skills/pricing/SKILL.md": "---\nname: pricing\ndescription: Use when you change "
    "how prices are computed.\n---\n\nPrices are integers in cents.\n",
}


def served_repository(parent: Path) -> Path:
    """A git repository under `parent`, and beside it a secret a link inside points to."""
    root = write_repo(parent / "shop", FILES, git=True)
    outside = write_repo(parent / "elsewhere", {"secret.md": "do not read\n"})
    (root / "docs").mkdir()
    (root / "docs" / "out").symlink_to(outside)
    (root / "notes.md").symlink_to(outside / "secret.md")
    return root
