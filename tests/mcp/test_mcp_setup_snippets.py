"""The set-up snippets of docs/commands/mcp.md: each valid for its format, each starting us."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from auditor.commands.mcp import mcp_command
from tests.conftest import subject_of, write_repo

DOC = Path(__file__).parents[2] / "docs" / "commands" / "mcp.md"
SNIPPET = re.compile(r"^```(json|toml) (\S+)\n(.*?)^```$", re.M | re.S)
TABLES = {
    ".mcp.json": "mcpServers",
    "~/.codex/config.toml": "mcp_servers",
    ".cursor/mcp.json": "mcpServers",
    ".vscode/mcp.json": "servers",
}
"""Where each agent reads its servers, and the table it keeps them in."""


def snippets() -> dict[str, tuple[str, str]]:
    return {name: (kind, body) for kind, name, body in SNIPPET.findall(DOC.read_text("utf-8"))}


def parsed(kind: str, body: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(body) if kind == "json" else tomllib.loads(body)
    return document


def test_the_doc_has_one_snippet_per_agent() -> None:
    assert set(snippets()) == set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_snippet_parses_and_starts_auditor_mcp(name: str) -> None:
    kind, body = snippets()[name]
    assert kind == ("toml" if name.endswith(".toml") else "json")
    server = parsed(kind, body)[TABLES[name]]["auditor"]
    assert server["command"] == "auditor" and server["args"][0] == "mcp"
    assert server.get("type", "stdio") == "stdio"
    context = mcp_command.make_context("mcp", list(server["args"][1:]))
    assert context.params["path"] is not None


@pytest.mark.parametrize("name", [n for n in sorted(TABLES) if not n.startswith("~")])
def test_the_auditor_reads_the_project_snippets_as_it_reads_any_mcp_config(
    tmp_path: Path, name: str
) -> None:
    root = write_repo(tmp_path / "repo", {name: snippets()[name][1]})
    (config,) = subject_of(root, want_syntax=False).facts.mcp_configs
    assert config.unread is None and [s.name for s in config.servers] == ["auditor"]
    assert config.servers[0].args[0] == "mcp"
