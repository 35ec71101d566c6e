"""`auditor mcp` as a subprocess, driven by the MCP SDK's own stdio client.

Each tool is called on a fixture repository and its answer compared with what the CLI says
about the same repository (`audit --format json`, `rules --format json`, `agents-md`,
`agents-md --explain`); malformed calls get errors with a clear message, and the server
keeps serving. The client's event loop wakes itself through a Unix socketpair (asyncio's
self-pipe): these tests alone allow Unix sockets (pytest-socket's `allow_unix_socket`);
every network socket stays blocked.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import pytest
import pytest_socket

mcp = pytest.importorskip("mcp", reason="the [mcp] extra is not installed")
from mcp import Client, StdioServerParameters  # noqa: E402

from auditor.cli import run  # noqa: E402
from auditor.facts.testing.command_template import PLACEHOLDERS  # noqa: E402
from tests.mcp.repository import served_repository  # noqa: E402

pytestmark = [pytest.mark.slow]
TOOLS = {
    "repository_facts",
    "instructions_for",
    "audit",
    "explain_rule",
    "check_change",
    "propose_agents_md",
    "propose_test_scaffolds",
}


@pytest.fixture(autouse=True)
def _unix_sockets_only() -> Iterator[None]:
    pytest_socket.enable_socket()  # the guards nest: lift the suite's, then allow AF_UNIX only
    pytest_socket.disable_socket(allow_unix_socket=True)
    yield
    pytest_socket.enable_socket()
    pytest_socket.disable_socket()


@asynccontextmanager
async def connected(root: Path, cache: Path) -> AsyncIterator[Client]:
    args = ["-P", "-m", "auditor", "mcp", str(root), "--cache-dir", str(cache)]
    async with Client(StdioServerParameters(command=sys.executable, args=args)) as client:
        yield client


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert run(list(args)) in (0, 1)
    return capsys.readouterr().out


async def call(client: Client, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = await client.call_tool(name, arguments)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def refused(client: Client, name: str, arguments: dict[str, Any]) -> str:
    """The error text of a call that must fail; the server must still answer afterwards."""
    result = await client.call_tool(name, arguments)
    assert result.is_error
    text = " ".join(getattr(block, "text", "") for block in result.content)
    facts = await client.call_tool("repository_facts", {})
    assert not facts.is_error
    return text


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return served_repository(tmp_path)


def test_every_tool_answers_as_the_cli_does(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads(cli(capsys, "audit", str(root), "--format", "json", "--no-cache"))
    rules = {row["id"]: row for row in json.loads(cli(capsys, "rules", "--format", "json"))}
    proposal = cli(capsys, "agents-md", str(root))
    explained = cli(capsys, "agents-md", str(root), "--explain", "src/shop/cart.py")

    async def session() -> None:
        async with connected(root, tmp_path / "cache") as client:
            listed = (await client.list_tools()).tools
            assert {tool.name for tool in listed} == TOOLS
            schemas = {tool.name: tool.input_schema for tool in listed}
            assert all(schema["type"] == "object" for schema in schemas.values())
            assert set(schemas["instructions_for"]["properties"]) == {"path", "agent"}
            assert all(tool.annotations and tool.annotations.read_only_hint for tool in listed)
            await _facts(client, report, proposal)
            await _instructions(client, explained)
            await _audit(client, report)
            await _rule(client, rules["INS001"])
            await _dry_runs(client, proposal)
            await _resources(client, report, rules)

    anyio.run(session)


async def _facts(client: Client, report: dict[str, Any], proposal: str) -> None:
    facts = await call(client, "repository_facts", {})
    assert facts["facts"] == report["facts"]
    by_label = {c["label"]: c for c in facts["commands"]}
    assert by_label["Set up"]["source"] == {"path": "Makefile", "line": 1, "reason": "make target"}
    assert by_label["Lint (ruff)"]["jobs"] == ["lint"]
    assert by_label["Lint (ruff)"]["source"]["path"] == "Makefile"
    assert by_label["Run the tests"]["command"] == "make test"
    for command in facts["commands"]:
        assert f"- {command['label']}: `{command['command']}`" in proposal
    assert any(line["label"] == "Tests" and line["paths"] == ["tests/"] for line in facts["layout"])
    await _single_test(facts, report)


async def _single_test(facts: dict[str, Any], report: dict[str, Any]) -> None:
    """The single test comes with its template, each placeholder described with its value in
    the example; filled with those values it is the example, as the report states it."""
    single = facts["single_test"]
    example = report["facts"]["single_test_command"]
    assert single["command"] == example == "pytest tests/test_cart.py::test_a"
    assert single["template"] == report["facts"]["single_test_template"]["template"]
    assert single["template"] == "pytest {file}::{name}"
    placeholders = {p["name"]: p for p in single["placeholders"]}
    assert list(placeholders) == ["file", "name"]
    assert all(p["means"] == PLACEHOLDERS[name] for name, p in placeholders.items())
    values = {name: p["example"] for name, p in placeholders.items()}
    assert single["template"].format_map(values) == example
    other = single["template"].format_map({**values, "name": "test_b"})
    assert other == "pytest tests/test_cart.py::test_b"
    templates = {c["label"]: c["template"] for c in facts["commands"]}
    assert templates.pop("Run one test") == single["template"]
    assert set(templates.values()) == {None}


async def _instructions(client: Client, explained: str) -> None:
    answer = await call(client, "instructions_for", {"path": "src/shop/cart.py"})
    codex = next(a for a in answer["agents"] if a["agent"] == "codex")
    assert [f["path"] for f in codex["loaded"]] == ["AGENTS.md", "src/shop/AGENTS.md"]
    for agent in answer["agents"]:
        assert f"({agent['agent']})" in explained
        for loaded in agent["loaded"]:
            assert loaded["path"] in explained
    one = await call(client, "instructions_for", {"path": "src/shop", "agent": "claude"})
    assert [a["agent"] for a in one["agents"]] == ["claude"]
    # a skill is read when the task matches its description, as --explain says
    [skill] = one["agents"][0]["on_demand"]
    assert (skill["path"], skill["kind"]) == (".claude/skills/pricing/SKILL.md", "skill")
    assert skill["path"] in explained and "description" in skill["when"]


async def _audit(client: Client, report: dict[str, Any]) -> None:
    first = await call(client, "audit", {"page_size": 2})
    assert (first["score"], first["level"]) == (report["score"], report["level"])
    assert first["top_fixes"] == report["top_fixes"]
    assert first["findings_total"] == len(report["findings"])
    assert first["findings"] == report["findings"][:2]
    second = await call(client, "audit", {"page": 2, "page_size": 2})
    assert second["findings"] == report["findings"][2:4]
    narrowed = await call(client, "audit", {"select": ["INS001"]})
    assert narrowed["findings_total"] == sum(f["rule"] == "INS001" for f in report["findings"])


async def _rule(client: Client, row: dict[str, Any]) -> None:
    rule = await call(client, "explain_rule", {"id": "ins001"})
    assert {key: value for key, value in rule.items() if key != "page"} == row
    assert rule["page"].startswith("# INS001 `missing-instruction-file`")


async def _dry_runs(client: Client, proposal: str) -> None:
    proposed = await call(client, "propose_agents_md", {})
    (agents_md,) = proposed["files"]
    assert agents_md["path"] == "AGENTS.md" and agents_md["proposed"] in proposal
    assert proposed["written"] is False
    # the work tree is the commit: nothing new, the score at HEAD is the score now
    change = await call(client, "check_change", {"changed_since": "HEAD"})
    assert change["change"]["ref"] == "HEAD" and change["new_findings"] == []
    assert change["change"]["base_score"] == change["score"]
    paged = await call(client, "audit", {"changed_since": "HEAD", "page_size": 5})
    assert paged["change"] == change["change"] and paged["score"] == change["score"]
    scaffolds = await call(client, "propose_test_scaffolds", {"limit": 2})
    assert scaffolds["written"] is False
    assert [m["path"] for m in scaffolds["modules"]] == ["src/shop/prices.py"]  # cart is tested
    assert any("in_cents" in f["proposed"] for f in scaffolds["files"])


async def _resources(client: Client, report: dict[str, Any], rules: dict[str, Any]) -> None:
    uris = {str(resource.uri) for resource in (await client.list_resources()).resources}
    assert uris == {"auditor://report.json", *(f"auditor://rules/{rule}" for rule in rules)}
    document = (await client.read_resource("auditor://report.json")).contents[0]
    assert json.loads(getattr(document, "text", "")) == report
    page = (await client.read_resource("auditor://rules/SAF002")).contents[0]
    assert getattr(page, "text", "").startswith("# SAF002")


@pytest.mark.parametrize(
    ("name", "arguments", "message"),
    [
        ("no_such_tool", {}, "Unknown tool"),
        ("instructions_for", {"path": 3}, "valid string"),
        ("audit", {"page": "two"}, "valid integer"),
        ("audit", {"select": "INS"}, "valid list"),
        ("explain_rule", {}, "id"),
        ("explain_rule", {"id": "XYZ999"}, "no rule 'XYZ999'"),
        ("instructions_for", {"path": "../elsewhere/secret.md"}, "may not hold '..'"),
        ("instructions_for", {"path": "/etc"}, "is not inside the repository"),
        ("instructions_for", {"path": "docs/out/secret.md"}, "symbolic link"),
        ("instructions_for", {"path": "notes.md"}, "symbolic link"),
        ("instructions_for", {"path": "no/such/dir/file.py"}, "no such file or directory"),
        ("instructions_for", {"path": "src", "agent": "hal"}, "unknown agent 'hal'"),
    ],
)
def test_malformed_calls_get_errors_and_the_server_keeps_serving(
    root: Path, tmp_path: Path, name: str, arguments: dict[str, Any], message: str
) -> None:
    async def session() -> str:
        async with connected(root, tmp_path / "cache") as client:
            return await refused(client, name, arguments)

    assert message in anyio.run(session)


def test_an_unknown_resource_is_an_mcp_error(root: Path, tmp_path: Path) -> None:
    async def session() -> None:
        async with connected(root, tmp_path / "cache") as client:
            with pytest.raises(mcp.MCPError, match="Unknown resource"):
                await client.read_resource("auditor://nothing")
            assert not (await client.call_tool("repository_facts", {})).is_error

    anyio.run(session)


def test_without_the_sdk_the_command_says_how_to_install_it(root: Path) -> None:
    hide_the_sdk = (
        "import sys\n"
        "sys.modules['mcp'] = None\n"
        "from auditor.cli import main\n"
        f"main(['mcp', {str(root)!r}])\n"
    )
    done = subprocess.run(
        [sys.executable, "-P", "-c", hide_the_sdk],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2 and done.stdout == ""
    install = 'pip install "agent-readiness-auditor[mcp]"'
    assert done.stderr == f"auditor: error: auditor mcp needs the MCP SDK: {install}\n"


def test_a_missing_root_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["mcp", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
