"""MCP server configs in the repository, each read once, typed, its wrong shapes reported.

Claude Code reads `.mcp.json`, Cursor `.cursor/mcp.json`, VS Code `.vscode/mcp.json` (with
comments allowed) and Gemini CLI the `mcpServers` of `.gemini/settings.json`. A config that
cannot be read as JSON (bad syntax, nested past `structured_text.MAX_DEPTH`, a huge number,
binary, over the scan cap) is kept with the reason (`McpConfig.unread`): what its servers
hold is unknown, and the secrets rule says so rather than passing. Values of the wrong type
(`"args": 1`, an `env` that is a list) are left out of the servers and named in one
`wrong-shape` diagnostic for the file.
"""

from __future__ import annotations

from typing import Any

from auditor.facts.model import McpConfig, McpServer
from auditor.facts.sources import SHAPE_PREFIX, FactSources
from auditor.index.limits import MAX_SCAN_BYTES, SCAN_CAP

MCP_CONFIGS = (".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json", ".gemini/settings.json")
SERVER_TABLES = ("mcpServers", "servers", "mcp_servers")
"""The keys server tables go by: Claude Code, Cursor and Gemini; VS Code; Codex's spelling."""
SHOWN_PROBLEMS = 5


def mcp_configs(src: FactSources) -> tuple[McpConfig, ...]:
    """The MCP configs present, in `MCP_CONFIGS` order."""
    found = []
    for path in MCP_CONFIGS:
        record = src.repo.file(path)
        if record is None:
            continue
        if not record.is_text:
            found.append(McpConfig(path, unread="holds binary data (a NUL byte), not JSON text"))
        elif record.size > MAX_SCAN_BYTES:
            unread = f"{record.size} bytes, over the {SCAN_CAP} scan cap: not read"
            found.append(McpConfig(path, unread=unread))
        else:
            found.append(_config(src, path))
    return tuple(found)


def _config(src: FactSources, path: str) -> McpConfig:
    text = src.text(path)
    if text is None:
        return McpConfig(path, unread="cannot be read")
    if not text.strip():
        return McpConfig(path)  # an empty file configures nothing
    data = src.jsonc(path)
    problem = src.problem(path, "jsonc")
    if problem is not None:
        return McpConfig(path, unread=f"cannot parse jsonc: {problem}")
    problems: list[str] = []
    servers = _servers(data, problems)
    if problems:
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        shown += f"; and {more} more" if more > 0 else ""
        src.diagnose(path, "wrong-shape", SHAPE_PREFIX + shown)
    return McpConfig(path, tuple(servers))


def _servers(data: Any, problems: list[str]) -> list[McpServer]:
    if not isinstance(data, dict):
        problems.append(f"the top level is {_kind(data)}, not an object")
        return []
    servers = []
    for table in SERVER_TABLES:
        entries = data.get(table)
        if entries is None:
            continue
        if not isinstance(entries, dict):
            problems.append(f"{table} is {_kind(entries)}, not an object")
            continue
        for name, server in sorted(entries.items()):
            where = f"{table}.{name}"
            if isinstance(server, dict):
                servers.append(_server(name, server, where, problems))
            else:
                problems.append(f"{where} is {_kind(server)}, not an object")
    return servers


def _server(name: str, server: dict[str, Any], where: str, problems: list[str]) -> McpServer:
    args = server.get("args")
    odd = [a for a in args if not isinstance(a, str)] if isinstance(args, list) else []
    if args is not None and not isinstance(args, list):
        problems.append(f"{where}.args is {_kind(args)}, not a list of strings")
    elif odd:
        problems.append(f"{where}.args holds {_kind(odd[0])}, not only strings")
    return McpServer(
        name=name,
        env=_strings(server.get("env"), f"{where}.env", problems),
        headers=_strings(server.get("headers"), f"{where}.headers", problems),
        args=tuple(a for a in args if isinstance(a, str)) if isinstance(args, list) else (),
    )


def _strings(table: Any, where: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    """The string settings of an `env` or `headers` object, in key order."""
    if table is None:
        return ()
    if not isinstance(table, dict):
        problems.append(f"{where} is {_kind(table)}, not an object")
        return ()
    odd = sorted(key for key, value in table.items() if not isinstance(value, str))
    if odd:
        problems.append(f"{where}.{odd[0]} is {_kind(table[odd[0]])}, not a string")
    return tuple(sorted((k, v) for k, v in table.items() if isinstance(v, str)))


def _kind(value: Any) -> str:
    """What a JSON value is, for a message: `a number`, `a list`, ..."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else "an object"
