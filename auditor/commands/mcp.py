"""`auditor mcp`: serve the repository's verified facts to a coding agent over MCP (stdio)."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.commands.caching import cache_dir_of, cache_options
from auditor.errors import UsageError

SDK_PACKAGES = frozenset({"mcp", "mcp_types", "pydantic", "pydantic_core", "anyio"})
INSTALL = 'auditor mcp needs the MCP SDK: pip install "agent-readiness-auditor[mcp]"'


@click.command("mcp")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@cache_options
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Parser processes.")
def mcp_command(path: Path, no_cache: bool, cache_dir: Path | None, jobs: int | None) -> int:
    """Serve the repository at PATH to a coding agent as a Model Context Protocol server.

    Speaks MCP over stdin and stdout; an agent starts it (see docs/commands/mcp.md for
    Claude Code, Codex, Cursor and VS Code). Read-only: it runs nothing from the repository,
    uses no network, and refuses any path outside PATH a client sends. Tools:
    repository_facts, instructions_for, audit, explain_rule, check_change,
    propose_agents_md, propose_test_scaffolds; resources: the JSON report and each rule's
    page. The repository is read once, and again only when its files change.

    \b
    Examples:
      auditor mcp .                          serve the current repository
      claude mcp add auditor -- auditor mcp .

    Needs the optional extra: pip install "agent-readiness-auditor[mcp]".
    """
    from auditor import api

    root = api.check_root(path)
    try:
        from auditor.mcp_server.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] in SDK_PACKAGES:
            raise UsageError(INSTALL) from None
        raise
    serve(root, cache_dir_of(no_cache, cache_dir), jobs)
    return 0
