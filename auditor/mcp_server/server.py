"""The MCP server over stdio, on the official SDK: each tool a typed function over `answers`.

Imported only by `auditor mcp`: the SDK (the `[mcp]` extra) is needed by nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.resources.types import FunctionResource, TextResource
from mcp.types import ToolAnnotations
from pydantic import Field

from auditor import __version__
from auditor.errors import AuditorError
from auditor.facts.agents import LOADERS
from auditor.index.read_log import reusing
from auditor.mcp_server import answers
from auditor.mcp_server.workspace import Workspace
from auditor.ruledoc import rule_page

REPORT_URI = "auditor://report.json"
RULE_URI = "auditor://rules/{id}"
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)
INSTRUCTIONS = """\
Verified facts about the repository this server was started in, read from its files only
(nothing of it is run). Ask `repository_facts` first: the set-up, test, single-test, lint,
format, type-check and build commands as the repository runs them, each with the file and
line it comes from (the single test also as a template: put another test's file and name in
`single_test.template`), where source and tests live, and what not to edit. Before editing a
path, `instructions_for` lists the instruction files your agent loads there and what it cuts.
`audit` scores the repository and gives the top fixes with paste-ready prompts.
Nothing is written: `propose_agents_md` is a dry run."""

P = ParamSpec("P")


def _answering(fn: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any]]:
    """`fn`, with an auditor error (bad argument, path outside the root) as the tool's error."""

    @wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        try:
            return fn(*args, **kwargs)
        except AuditorError as error:
            raise ToolError(str(error)) from None

    return call


def build_server(workspace: Workspace) -> MCPServer:
    """The server for `workspace`, its tools and resources registered."""
    server: MCPServer = MCPServer(
        "auditor",
        title="agent-readiness auditor",
        instructions=INSTRUCTIONS,
        version=__version__,
        log_level="WARNING",
    )
    _tools(server, workspace)
    _resources(server, workspace)
    return server


def _tools(server: MCPServer, workspace: Workspace) -> None:
    tool = server.tool

    @tool(annotations=READ_ONLY)
    @_answering
    def repository_facts() -> dict[str, Any]:
        """The repository's verified commands (set-up, build, test, one test, lint, format,
        type-check), each with the file and line it was found at; the single test as a
        template (`single_test`: `uv run pytest {file}::{name}`, each placeholder described,
        with the example's value); where source and tests live; boundaries (generated and
        vendored paths, lockfiles, secrets); and the facts of the JSON report (languages,
        test layout, tools, CI, instruction files)."""
        return answers.repository_facts(workspace)

    @tool(annotations=READ_ONLY)
    @_answering
    def instructions_for(
        path: Annotated[
            str, Field(description="A file or directory, relative to the repository root.")
        ] = "",
        agent: Annotated[
            str | None, Field(description=f"Only this agent: one of {', '.join(LOADERS)}.")
        ] = None,
    ) -> dict[str, Any]:
        """The instruction files a coding agent loads when it works on `path`, in load order,
        with what it truncates, drops or skips (as `auditor agents-md --explain`)."""
        return answers.instructions_for(workspace, path, agent)

    @tool(annotations=READ_ONLY)
    @_answering
    def audit(
        select: Annotated[
            list[str] | None,
            Field(description="Only these rules: ids, id prefixes (INS) or categories."),
        ] = None,
        changed_since: Annotated[
            str | None, Field(description="A git revision: judge only what changed since.")
        ] = None,
        page: Annotated[int, Field(ge=1, description="Page of findings, from 1.")] = 1,
        page_size: Annotated[int, Field(ge=1, le=answers.MAX_PAGE_SIZE)] = 50,
    ) -> dict[str, Any]:
        """Score (0-100), level (1-5), what the next level needs, category scores, the top
        fixes with paste-ready prompts, and one page of findings (file, line, fix prompt)."""
        return answers.audit(workspace, select, changed_since, page, page_size)

    @tool(annotations=READ_ONLY)
    @_answering
    def explain_rule(
        id: Annotated[str, Field(description="A rule id (INS001), former id or name.")],
    ) -> dict[str, Any]:
        """What a rule checks, why (evidence and its source), how to fix it (with a prompt),
        its options and its documentation page."""
        return answers.explain_rule(id)

    @tool(annotations=READ_ONLY)
    @_answering
    def check_change(
        changed_since: Annotated[str, Field(description="A git revision to compare with.")],
    ) -> dict[str, Any]:
        """What a change made worse: new findings and the score delta since a revision."""
        return answers.check_change(workspace, changed_since)

    @tool(annotations=READ_ONLY)
    @_answering
    def propose_agents_md() -> dict[str, Any]:
        """The AGENTS.md the verified facts support, beside the current file: a dry run
        (`auditor agents-md PATH --write` writes it)."""
        return answers.propose_agents_md(workspace)

    @tool(annotations=READ_ONLY)
    @_answering
    def propose_test_scaffolds(
        limit: Annotated[int, Field(ge=1, le=100, description="How many modules at most.")] = 5,
    ) -> dict[str, Any]:
        """Test scaffolds for the least-tested modules: a dry run."""
        return answers.propose_test_scaffolds(workspace, limit)


def _resources(server: MCPServer, workspace: Workspace) -> None:
    def report() -> str:
        return answers.report_text(workspace.report())

    server.add_resource(
        FunctionResource.from_function(
            report,
            REPORT_URI,
            name="report.json",
            title="The JSON report",
            description="`auditor audit --format json` of the repository as it is now.",
            mime_type="application/json",
        )
    )
    for rule in answers.installed_rules():
        server.add_resource(
            TextResource(
                uri=RULE_URI.format(id=rule.id),
                name=rule.id,
                title=f"{rule.id} {rule.name}",
                description=rule.title,
                mime_type="text/markdown",
                text=rule_page(rule),
            )
        )


def serve(root: Path, cache_dir: Path | None, jobs: int | None) -> None:
    """Serve the repository at `root` over stdin and stdout until the client hangs up. After
    a file changes, what the detectors and rules found is reused where their reads are the
    same (`read_log.reusing`)."""
    with reusing():
        build_server(Workspace(root, cache_dir, jobs)).run("stdio")
