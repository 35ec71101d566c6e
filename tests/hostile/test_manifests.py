"""Manifests with numbers too long to convert and nesting too deep to walk: a diagnostic each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Files
from tests.hostile.conftest import Outcome

HUGE = "1" * 5000
"""Past Python's 4,300-digit limit for int <-> str: int() raises ValueError on it."""
DEEP = 5000
"""Deeper than the interpreter's recursion limit."""
DIGITS = "malformed: cannot parse {}: holds a number of more than 4300 digits"

HUGE_NUMBERS: dict[str, tuple[Files, str, str]] = {
    "pyproject": (
        {"pyproject.toml": f'[project]\nname = "x"\n[tool.other]\nn = {HUGE}\n'},
        "pyproject.toml",
        DIGITS.format("toml"),
    ),
    "package-json": (
        {"package.json": f'{{"name": "x", "n": {HUGE}}}'},
        "package.json",
        DIGITS.format("json"),
    ),
    "cargo": (
        {"Cargo.toml": f'[package]\nname = "x"\nn = {HUGE}\n'},
        "Cargo.toml",
        DIGITS.format("toml"),
    ),
    "composer": (
        {"composer.json": f'{{"name": "x/y", "n": {HUGE}}}'},
        "composer.json",
        DIGITS.format("json"),
    ),
    "claude-settings": (
        {".claude/settings.json": f'{{"hooks": {{}}, "n": {HUGE}}}'},
        ".claude/settings.json",
        DIGITS.format("jsonc"),
    ),
    "workflow": (
        {".github/workflows/ci.yml": f"on: push\njobs:\n  t:\n    runs-on: {HUGE}\n"},
        ".github/workflows/ci.yml",
        DIGITS.format("yaml"),
    ),
}


def test_a_5000_digit_number_in_tool_auditor_leaves_the_defaults_with_a_warning(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    root = make_repo({"pyproject.toml": f"[tool.auditor]\njobs = {HUGE}\n"})
    outcome = audit(root)
    assert "pyproject.toml: not read for [tool.auditor] (holds a number of more than 4300" in (
        outcome.err
    )
    assert DIGITS.format("toml") in outcome.diagnostics("pyproject.toml")


def test_a_5000_digit_number_in_an_mcp_config_does_not_stop_the_secrets_rule(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
    text = f'{{"mcpServers": {{"gh": {{"env": {{"T": "{token}"}}, "n": {HUGE}}}}}}}'
    outcome = audit(make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}))
    result = next(r for r in outcome.report["rules"] if r["id"] == "INS035")
    assert result["status"] == "fail"  # the token is still found in the text it could not parse


def nested(path: str, text: str, kind: str, reason: str) -> tuple[Files, str, str]:
    """A case: the file, its path, and the diagnostic its nesting must give."""
    return {path: text}, path, f"malformed: cannot parse {kind}: nested {reason}"


def brackets(depth: int) -> str:
    return "[" * depth + "]" * depth


LIMIT, PARSER = "more than 100 levels deep", "too deeply to read"
"""Refused after parsing (deeper than MAX_DEPTH), or by the parser itself (RecursionError)."""
DEEP_NESTING: dict[str, tuple[Files, str, str]] = {
    "pyproject-tables": nested(
        "pyproject.toml", '[project]\nname = "x"\n[tool.' + "a." * DEEP + "b]\n", "toml", LIMIT
    ),
    "pyproject-inline-tables": nested(
        "pyproject.toml", "[tool.x]\na = " + "{b = " * DEEP + "1" + "}" * DEEP, "toml", PARSER
    ),
    "pyproject-arrays-under-the-limit": nested(
        "pyproject.toml", "[tool.x]\na = " + brackets(300), "toml", LIMIT
    ),
    "tool-auditor-rule-options": nested(
        "pyproject.toml", "[tool.auditor.rules.NAV001." + "a." * 2000 + "b]\nx = 1\n", "toml", LIMIT
    ),
    "package-json": nested(
        "package.json", '{"name": "x", "a": ' + brackets(DEEP) + "}", "json", PARSER
    ),
    "composer": nested(
        "composer.json", '{"name": "x/y", "a": ' + brackets(500) + "}", "json", LIMIT
    ),
    "cargo": nested("Cargo.toml", '[package]\nname = "x"\na = ' + brackets(DEEP), "toml", PARSER),
    "workflow": nested(".github/workflows/ci.yml", "on: push\nx: " + brackets(DEEP), "yaml", LIMIT),
}


CASES = {
    **{f"5000-digits-{name}": case for name, case in HUGE_NUMBERS.items()},
    **{f"deep-{name}": case for name, case in DEEP_NESTING.items()},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_manifest_is_a_diagnostic(
    case: str, make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    files, path, diagnostic = CASES[case]
    outcome = audit(make_repo({"README.md": "# x\n", **files}))
    assert diagnostic in outcome.diagnostics(path)


def test_wrong_types_in_an_mcp_server_are_a_diagnostic_not_an_error(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    text = '{"mcpServers": {"a": {"command": "x", "args": 1}}}'
    outcome = audit(make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}))
    result = next(r for r in outcome.report["rules"] if r["id"] == "INS035")
    assert result["status"] == "pass"
    assert outcome.diagnostics(".mcp.json") == [
        "wrong-shape: not read as agents read it: mcpServers.a.args is a number, "
        "not a list of strings"
    ]


def test_an_mcp_config_nested_too_deeply_to_read_is_not_judged(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    """Its servers are unknown, so the secrets rule cannot pass it (tests/hostile/
    test_gate_unjudged.py has the gate)."""
    text = '{"mcpServers": {"a": {"command": "x", "args": ' + "[" * DEEP + "]" * DEEP + "}}}"
    outcome = audit(make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}))
    result = next(r for r in outcome.report["rules"] if r["id"] == "INS035")
    assert result["status"] == "error"
    assert [u["rule"] for u in outcome.report["unjudged"]] == ["INS035"]
