"""The gate cannot be switched off by the repository: a rule that was not judged fails it.

A rule that raises, or that cannot read an input it judges (an MCP config it cannot parse),
has lost its findings; `--fail-on` at or below its severity must fail (exit 1), and the
report must say which rule was not judged and why (`unjudged`, and "Not judged" in text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from auditor import registry
from auditor.model import Category, Severity
from auditor.rule import Rule, RuleContext, Violation
from tests.hostile.conftest import Invoke, Outcome, assert_survived
from tests.rulefactory import make_rule

MakeRepo = Callable[..., Path]
Audit = Callable[..., Outcome]
SECRET = "f8Kq2LmZ9xR4tY7uB3nW6pA1" + "sD5gH0jE"
"""A random-looking literal: no vendor prefix, so only the structured MCP check finds it."""
DEEP = 5000


def planted(severity: Severity) -> Rule:
    """A safety rule that always raises, as a rule does on input it was not written for."""

    def check(ctx: RuleContext) -> Iterator[Violation]:
        raise TypeError("argument of type 'int' is not iterable")

    return make_rule("TST901", check=check, severity=severity, category=Category.SAFETY)


@pytest.fixture
def with_rule(monkeypatch: pytest.MonkeyPatch) -> Callable[[Rule], None]:
    """Run the built-in rules and `rule` (as a third-party pack would add it)."""
    built_in = registry.load_rules()

    def add(rule: Rule) -> None:
        monkeypatch.setattr(registry, "load_rules", lambda *a: (*built_in, rule))

    return add


def entries(outcome: Outcome) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = outcome.report["unjudged"]
    return found


def status(outcome: Outcome, rule: str) -> str:
    return str(next(r["status"] for r in outcome.report["rules"] if r["id"] == rule))


def test_a_raising_critical_rule_fails_the_critical_gate(
    make_repo: MakeRepo, audit: Audit, with_rule: Callable[[Rule], None]
) -> None:
    with_rule(planted(Severity.CRITICAL))
    outcome = audit(make_repo({"README.md": "# x\n"}), "--fail-on", "critical")
    assert outcome.code == 1
    reason = "the rule raised TypeError: argument of type 'int' is not iterable"
    assert entries(outcome) == [
        {"rule": "TST901", "severity": "critical", "path": None, "reason": reason}
    ]
    assert status(outcome, "TST901") == "error"
    assert f"gate failed: TST901 (critical) was not judged: {reason} (--fail-on critical)" in (
        outcome.err
    )


def test_an_unjudged_rule_below_the_threshold_is_listed_but_does_not_fail(
    make_repo: MakeRepo, audit: Audit, with_rule: Callable[[Rule], None]
) -> None:
    with_rule(planted(Severity.MEDIUM))
    outcome = audit(make_repo({"README.md": "# x\n"}), "--select", "TST901", "--fail-on", "high")
    assert outcome.code == 0
    assert [(e["rule"], e["severity"]) for e in entries(outcome)] == [("TST901", "medium")]
    assert "gate failed" not in outcome.err


def test_the_text_report_says_which_rule_was_not_judged(
    make_repo: MakeRepo, invoke: Invoke, with_rule: Callable[[Rule], None]
) -> None:
    with_rule(planted(Severity.CRITICAL))
    outcome = invoke("audit", make_repo({"README.md": "# x\n"}), "--no-cache")
    assert_survived(outcome)
    assert "Not judged" in outcome.out
    assert "TST901 (critical) — the rule raised TypeError" in outcome.out


def test_fail_under_counts_an_unjudged_rule_as_failing(
    make_repo: MakeRepo, audit: Audit, with_rule: Callable[[Rule], None]
) -> None:
    """Leaving a rule out raises the score; the gate asks what it would be if it failed."""
    with_rule(planted(Severity.CRITICAL))
    root = make_repo({"README.md": "# x\n"})
    score = audit(root).report["score"]  # rounded to 0.1
    outcome = audit(root, "--fail-under", str(score - 0.1))
    assert outcome.code == 1
    assert f"score {score:.1f} leaves out 1 rule(s) not judged (TST901); counted as" in outcome.err


# An MCP config the secrets rule cannot read: the critical finding must not vanish.

CASES = {
    "deeply-nested": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '"}, '
        '"args": ' + "[" * DEEP + "]" * DEEP + "}}}",
        "cannot parse jsonc: nested too deeply to read",
    ),
    "nested-past-the-depth-limit": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '"}, '
        '"args": ' + "[" * 300 + "]" * 300 + "}}}",
        "cannot parse jsonc: nested more than 100 levels deep",
    ),
    "unparsable": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '"}}',
        "cannot parse jsonc: Expecting ',' delimiter: line 1 column 79 (char 78)",
    ),
    "huge-number": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '"}, "n": ' + "9" * 5000 + "}}}",
        "cannot parse jsonc: holds a number of more than 4300 digits",
    ),
    "binary": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '"}}}}\0',
        "holds binary data (a NUL byte), not JSON text",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_mcp_config_the_secrets_rule_cannot_read_fails_the_critical_gate(
    case: str, make_repo: MakeRepo, audit: Audit
) -> None:
    text, reason = CASES[case]
    outcome = audit(
        make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}), "--fail-on", "critical"
    )
    assert outcome.code == 1
    assert status(outcome, "INS035") == "error"
    assert entries(outcome) == [
        {"rule": "INS035", "severity": "critical", "path": ".mcp.json", "reason": reason}
    ]
    assert f"INS035 (critical) was not judged for .mcp.json: {reason}" in outcome.err
    if case != "binary":  # syntax problems are also diagnostics of the file
        assert outcome.diagnostics(".mcp.json") == [f"malformed: {reason}"]


def test_the_52_byte_config_with_args_1_is_a_diagnostic_and_passes(
    make_repo: MakeRepo, audit: Audit
) -> None:
    text = '{"mcpServers": {"a": {"command": "x", "args": 1}}}'
    outcome = audit(
        make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}), "--fail-on", "critical"
    )
    assert outcome.code == 0 and entries(outcome) == []
    assert status(outcome, "INS035") == "pass"
    assert outcome.diagnostics(".mcp.json") == [
        "wrong-shape: not read as agents read it: mcpServers.a.args is a number, not a list of "
        "strings"
    ]


WRONG_SHAPES = {
    "args-a-number": (
        '{"mcpServers": {"db": {"args": 1, "env": {"API_KEY": "' + SECRET + '"}}}}',
        "mcpServers.db.args is a number, not a list of strings",
    ),
    "args-with-objects": (
        '{"mcpServers": {"db": {"args": ["--x", {"a": [1]}], "env": {"API_KEY": "'
        + SECRET
        + '"}}}}',
        "mcpServers.db.args holds an object, not only strings",
    ),
    "env-value-a-list": (
        '{"mcpServers": {"db": {"env": {"API_KEY": "' + SECRET + '", "PORT": [1]}}}}',
        "mcpServers.db.env.PORT is a list, not a string",
    ),
    "a-server-that-is-a-string": (
        '{"mcpServers": {"a": "x", "db": {"env": {"API_KEY": "' + SECRET + '"}}}}',
        "mcpServers.a is a string, not an object",
    ),
    "headers-a-list": (
        '{"servers": {"h": {"headers": ["x"]}, "db": {"env": {"API_KEY": "' + SECRET + '"}}}}',
        "servers.h.headers is a list, not an object",
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG_SHAPES))
def test_a_wrong_shape_is_named_and_the_rest_of_the_config_still_judged(
    case: str, make_repo: MakeRepo, audit: Audit
) -> None:
    text, problem = WRONG_SHAPES[case]
    outcome = audit(
        make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": text}), "--fail-on", "critical"
    )
    assert outcome.code == 1  # the literal credential beside the wrong value is still found
    assert status(outcome, "INS035") == "fail" and entries(outcome) == []
    assert outcome.diagnostics(".mcp.json") == [
        f"wrong-shape: not read as agents read it: {problem}"
    ]
    messages = [f["message"] for f in outcome.report["findings"] if f["rule"] == "INS035"]
    assert messages == [".mcp.json has a literal credential (server 'db': env API_KEY)"]


@pytest.mark.parametrize("top", ["[1, 2]", '"servers"', "null", '{"mcpServers": [1]}'])
def test_a_config_of_the_wrong_kind_is_a_diagnostic(
    top: str, make_repo: MakeRepo, audit: Audit
) -> None:
    outcome = audit(
        make_repo({"AGENTS.md": "# Agents\n", ".mcp.json": top}), "--fail-on", "critical"
    )
    assert outcome.code == 0 and status(outcome, "INS035") == "pass"
    (diagnostic,) = outcome.diagnostics(".mcp.json")
    assert diagnostic.startswith("wrong-shape: not read as agents read it: ")
    assert "not an object" in diagnostic


def test_a_vs_code_config_with_comments_is_read(make_repo: MakeRepo, audit: Audit) -> None:
    text = (
        "{\n  // the database\n  /* block\n  comment */\n"
        '  "servers": {"db": {"url": "http://x//y", "env": {"API_KEY": "' + SECRET + '"},},},\n}'
    )
    outcome = audit(make_repo({"AGENTS.md": "# A\n", ".vscode/mcp.json": text}))
    assert outcome.diagnostics(".vscode/mcp.json") == [] and entries(outcome) == []
    assert status(outcome, "INS035") == "fail"


@pytest.mark.parametrize(
    "settings",
    [
        '{"permissions": {"deny": 7}, "hooks": [1], "context": {"fileName": {"a": 1}}}',
        '{"permissions": "x", "mcpServers": {"a": {"args": 1}}}',
        "[" * DEEP + "]" * DEEP,
    ],
)
def test_wrong_types_in_agent_settings_never_error_a_rule(
    settings: str, make_repo: MakeRepo, audit: Audit
) -> None:
    files = {"AGENTS.md": "# A\n", ".claude/settings.json": settings}
    files[".gemini/settings.json"] = settings
    outcome = audit(make_repo(files), "--fail-on", "low")
    errors = [r["id"] for r in outcome.report["rules"] if r["status"] == "error"]
    assert errors == [] or errors == ["INS035"]  # Gemini's settings are an MCP config too
    assert [e["rule"] for e in entries(outcome)] == errors
    assert not [d for d in outcome.report["diagnostics"] if d["kind"] == "detector-error"]


def test_wrong_shapes_in_agent_settings_are_named(make_repo: MakeRepo, audit: Audit) -> None:
    settings = '{"permissions": {"deny": ["Read(./.env)", 7]}, "hooks": [1]}'
    gemini = '{\n  // comments are allowed\n  "context": {"fileName": 7}, "mcpServers": {"a": 1}\n}'
    files = {"AGENTS.md": "# A\n", ".claude/settings.json": settings}
    outcome = audit(make_repo({**files, ".gemini/settings.json": gemini}))
    assert outcome.diagnostics(".claude/settings.json") == [
        "wrong-shape: not read as agents read it: hooks is not an object; permissions.deny is "
        "not a list of strings"
    ]
    assert outcome.diagnostics(".gemini/settings.json") == [
        "wrong-shape: not read as agents read it: context.fileName is not a string or a list of "
        "strings; mcpServers.a is a number, not an object"
    ]
