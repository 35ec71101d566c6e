"""What each MCP tool answers, as JSON values: read from the facts, the plan and the report.

Nothing here computes a fact: the commands and their sources are the AGENTS.md plan's
(`agents_md.plan`), the facts are the JSON report's, the instruction chains are the loader
model's (`facts.agents`, as `--explain` shows them), the rules' declarations are
`ruledoc.rule_declaration`. Bad arguments raise `UsageError`s whose message the server
returns as the tool's error.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from typing import Any

from auditor import pull_request, registry
from auditor.agents_md.plan import PlanLine, managed_plan
from auditor.agents_md.render import propose
from auditor.config import load_config
from auditor.errors import UsageError
from auditor.facts.agents import LOADERS, AgentLoad, agent_name, load
from auditor.facts.agents.unread import unread_instructions
from auditor.facts.model import CommandTemplate
from auditor.facts.testing.command_template import PLACEHOLDERS
from auditor.mcp_server.paths import OutsideRoot, inside_root
from auditor.mcp_server.workspace import Workspace
from auditor.model import RenderOptions, Report
from auditor.rule import Rule
from auditor.ruledoc import rule_declaration, rule_page

MAX_PAGE_SIZE = 500


TEMPLATE_SYNTAX = (
    "Put a value in each {placeholder} (Python str.format: {{ and }} are literal braces); "
    "the example's own values give the example back. Keep the example's quoting."
)


def repository_facts(workspace: Workspace) -> dict[str, Any]:
    """The verified commands with where each was found, the single test as a template with
    its placeholders described, the layout, the boundaries, the docs, and the JSON report's
    `facts` object."""
    answer: dict[str, Any] = workspace.answer("repository_facts", lambda: _facts(workspace))
    return answer


def _facts(workspace: Workspace) -> dict[str, Any]:
    top, within = workspace.top()
    plan = managed_plan(top, within)
    facts = workspace.current().subject.facts
    single = facts.single_test
    templates = {single.example: single.template} if single else {}
    commands = plan.commands
    return {
        "repository": _repository(workspace),
        "commands": [
            _command(line, at, templates) for line in commands for at in range(len(line.spans))
        ],
        "single_test": _single_test(single),
        "layout": [_place(line) for line in plan.layout],
        "boundaries": [_place(line) for line in plan.boundaries],
        "docs": [_place(line) for line in plan.docs],
        "left_out": list(plan.left_out),
        "facts": facts.to_json(),
    }


def _repository(workspace: Workspace) -> dict[str, Any]:
    prepared = workspace.current()
    return {
        "name": prepared.root.name,
        "commit": prepared.commit,
        "profile": prepared.subject.facts.profile,
    }


def _command(line: PlanLine, at: int, templates: dict[str, str]) -> dict[str, Any]:
    """One command of the plan; the single test's with its template (`single_test`)."""
    source = line.sources[at] if at < len(line.sources) else None
    command = line.spans[at]
    return {
        "label": line.label,
        "jobs": list(line.jobs),
        "command": command,
        "template": templates.get(command) if "single_test" in line.jobs else None,
        "source": asdict(source) if source is not None else None,
    }


def _single_test(single: CommandTemplate | None) -> dict[str, Any] | None:
    """The single-test fact: its example, its template, and what each placeholder holds."""
    if single is None:
        return None
    return {
        "command": single.example,
        "template": single.template,
        "placeholders": [
            {"name": name, "means": PLACEHOLDERS[name], "example": single.values[name]}
            for name in single.placeholders
        ],
        "how": TEMPLATE_SYNTAX,
    }


def _place(line: PlanLine) -> dict[str, Any]:
    return {"label": line.label, "paths": list(line.spans)}


def instructions_for(workspace: Workspace, path: str, agent: str | None) -> dict[str, Any]:
    """The instruction files each agent (or only `agent`) loads, in order, for `path`, with
    what it truncates, drops or skips: the loader model behind `agents-md --explain`."""
    relative = inside_root(workspace.root, path)
    top, within = workspace.top()
    target = "/".join(part for part in (within, relative) if part)
    index = top.files
    parent = target.rpartition("/")[0]
    unread = unread_instructions(index, target)
    if not (index.exists(target) or target in index.links or index.exists(parent) or unread):
        raise OutsideRoot(f"{path!r}: no such file or directory in the repository")
    agents = list(LOADERS)
    if agent:
        key = agent_name(agent)
        if key is None:
            raise UsageError(f"unknown agent {agent!r}; choose from {', '.join(LOADERS)}")
        agents = [key]
    return {
        "path": relative,
        "agents": [_load(load(top, target, name), within) for name in agents],
        "unreadable": [  # left out of every agent's load above: the model cannot read them
            {"path": d.path.removeprefix(f"{within}/") if within else d.path, "why": d.message}
            for d in unread
        ],
    }


def _load(view: AgentLoad, within: str) -> dict[str, Any]:
    def served(path: str) -> str:
        return path.removeprefix(f"{within}/") if within else path

    return {
        "agent": view.agent,
        "title": view.title,
        "bytes_read": view.bytes_read,
        "tokens": view.tokens,
        "loaded": [
            {**asdict(f), "path": served(f.path), "read": f.read, "tokens": f.tokens}
            for f in view.loaded
        ],
        "cut": [served(f.path) for f in view.cut],
        "skipped": [{"path": served(s.path), "why": s.why} for s in view.skipped],
        "on_demand": [
            {**asdict(f), "path": served(f.path)} for f in view.on_demand
        ],  # skills, custom agents, commands and hooks: read when called for, as --explain says
        "notes": list(view.notes),
    }


def report_document(report: Report) -> dict[str, Any]:
    """The JSON report of `report`, exactly as `auditor audit --format json` prints it."""
    document: dict[str, Any] = json.loads(report_text(report))
    return document


def report_text(report: Report) -> str:
    return registry.load_renderers().get("json")(report, RenderOptions(verbosity=1))


def audit(
    workspace: Workspace,
    select: list[str] | None = None,
    changed_since: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    """Score, level, what the next level needs, categories, top fixes with their prompts,
    and one page of the findings, as in the JSON report."""
    if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise UsageError(f"page starts at 1 and page_size is between 1 and {MAX_PAGE_SIZE}")
    named = tuple(part.strip() for part in select or () if part.strip())  # as --select
    if changed_since:
        document = report_document(_change_report(workspace, changed_since, named))
    else:
        document = report_document(workspace.report(named))
    findings = document["findings"]
    start = (page - 1) * page_size
    shown = findings[start : start + page_size]
    kept = (
        "score", "level", "next_level", "categories", "top_fixes", "unjudged", "repository",
        "change", "baseline",
    )  # fmt: skip
    return {
        **{key: document[key] for key in kept},
        "findings": shown,
        "findings_total": len(findings),
        "page": page,
        "page_size": page_size,
        "next_page": page + 1 if start + page_size < len(findings) else None,
        "failing_rules": [r["id"] for r in document["rules"] if r["status"] == "fail"],
        "diagnostics": len(document["diagnostics"]),
    }


def explain_rule(rule_id: str) -> dict[str, Any]:
    """A rule's whole declaration (as `auditor rules --format json`) and its doc page."""
    rule = find_rule(rule_id)
    return {**rule_declaration(rule), "page": rule_page(rule)}


@cache
def installed_rules() -> tuple[Rule, ...]:
    """The installed rules, loaded once per server: packs do not change while it runs."""
    return registry.load_rules()


def find_rule(rule_id: str) -> Rule:
    """The rule with this id, alias or name (as `auditor explain` finds it)."""
    wanted = rule_id.strip().upper()
    for rule in installed_rules():
        if wanted == rule.id or wanted in rule.aliases or rule_id.strip() == rule.name:
            return rule
    raise UsageError(f"no rule {rule_id!r}; the explain_rule tool takes ids such as INS001")


def check_change(workspace: Workspace, changed_since: str) -> dict[str, Any]:
    """What a change made worse: the findings it brings (new against the merge base with
    `changed_since`), the ones it fixed, and the score then and now, as `auditor audit
    --changed-since` reports them (the base audited from git objects; nothing written)."""
    document = report_document(_change_report(workspace, changed_since, ()))
    new = [f for f in document["findings"] if f.get("baseline") == "new"]
    return {
        "score": document["score"],
        "level": document["level"],
        "change": document["change"],
        "baseline": document["baseline"],
        "new_findings": new,
        "fixed": document["baseline"]["fixed"] if document["baseline"] else [],
    }


def _change_report(workspace: Workspace, changed_since: str, select: tuple[str, ...]) -> Report:
    """The pull-request report of the work tree against `changed_since` (`pull_request`)."""
    config = load_config(workspace.root, None)
    if select:
        config = config.override(select=select)
    return pull_request.audit_change(
        workspace.root, changed_since, config, cache_dir=workspace.cache_dir, jobs=workspace.jobs
    )


def propose_agents_md(workspace: Workspace) -> dict[str, Any]:
    """The AGENTS.md `auditor agents-md` would write, and the file as it is: a dry run."""
    answer: dict[str, Any] = workspace.answer("propose_agents_md", lambda: _proposed(workspace))
    return answer


def _proposed(workspace: Workspace) -> dict[str, Any]:
    top, within = workspace.top()
    proposals = propose(top, directory=within)
    return {
        "written": False,
        "how_to_write": "auditor agents-md PATH --write",
        "files": [
            {
                "path": p.path.removeprefix(f"{within}/") if within else p.path,
                "exists": p.current is not None,
                "changed": p.current != p.proposed,
                "generated": p.generated,
                "proposed": p.proposed,
                "current": p.current,
                "left_out": list(p.left_out),
            }
            for p in proposals
        ],
    }


def propose_test_scaffolds(workspace: Workspace, limit: int) -> dict[str, Any]:
    """Test scaffolds for the riskiest untested modules, as `auditor scaffold-tests --limit`
    plans them: a dry run, each file's content included; nothing is written."""
    from auditor.scaffold.plan import make_plan, plan_document

    def planned() -> dict[str, Any]:
        plan = make_plan(workspace.current().subject, limit=limit)
        contents = {f.path: f.content for f in plan.files}
        document = plan_document(plan)
        for entry in document["files"]:
            entry["proposed"] = contents[entry["path"]]
        return {"written": False, "how_to_write": "auditor scaffold-tests PATH --write", **document}

    answer: dict[str, Any] = workspace.answer(("propose_test_scaffolds", limit), planned)
    return answer
