"""`auditor agents-md`: propose, write and check the AGENTS.md the facts support."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor import api
from auditor.config import Config, load_config
from auditor.discover import discover
from auditor.errors import UsageError
from auditor.facts.subject import Subject
from auditor.index.build import build_index
from auditor.inert_text import visible

if TYPE_CHECKING:
    from auditor.agents_md.links import LinkPlan
    from auditor.agents_md.render import Proposal
    from auditor.agents_md.writer import Outcome


@click.command("agents-md")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--write", is_flag=True, help="Write the files (default: print them and a diff).")
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1, naming file:line, on what the drift rules INS005-INS007 find (as audit does).",
)
@click.option("--packages", is_flag=True, help="Also one AGENTS.md per workspace package.")
@click.option("--link", metavar="AGENTS", help="claude,gemini: files that import AGENTS.md.")
@click.option("--force", is_flag=True, help="Also change files the auditor did not generate.")
@click.option(
    "--explain",
    "explain_target",
    metavar="FILE_OR_DIR",
    is_flag=False,
    flag_value=".",
    default=None,
    help="List the instruction files each agent loads for FILE_OR_DIR, and what it drops.",
)
@click.option("--agent", metavar="NAME", help="With --explain: only this agent.")
def agents_md_command(
    path: Path,
    write: bool,
    check: bool,
    packages: bool,
    link: str | None,
    force: bool,
    explain_target: str | None,
    agent: str | None,
) -> int:
    """Propose an AGENTS.md built only from facts verified in the repository at PATH.

    The generated part sits between `<!-- auditor:begin -->` and `<!-- auditor:end -->`;
    re-running replaces only that block. Without --write nothing is written: the proposal
    and a diff against the current file are printed.

    \b
    Examples:
      auditor agents-md .                       print the proposal and the diff
      auditor agents-md . --write --link claude write AGENTS.md and a CLAUDE.md importing it
      auditor agents-md . --write --packages    also one AGENTS.md per workspace package
      auditor agents-md . --check               exit 1 on a stale block or a dangling reference
      auditor agents-md . --explain src/app.py  what each agent loads when working there
    """
    if sum((write, check, explain_target is not None)) > 1:
        raise UsageError("choose one of --write, --check and --explain")
    root = api.check_root(path)
    top, within = api.repository_of(root)
    config = load_config(root, None)
    for warning in config.warnings:
        _echo(f"auditor: warning: {warning}", err=True)
    subject = _subject(top, within, config)
    if explain_target is not None:
        from auditor.agents_md.explain import explain

        target = (
            posixpath.normpath(posixpath.join(within, explain_target)) if within else explain_target
        )
        _echo(explain(subject, target, agent), nl=False)
        return 0
    if check:
        return _check(subject.package(within) if within else subject, config)
    if within and (packages or link):
        raise UsageError(f"{path}: --packages and --link work from the repository's top ({top})")
    return _generate(top, subject, within, write=write, packages=packages, link=link, force=force)


def _subject(top: Path, within: str, config: Config) -> Subject:
    """The repository's subject; for a subdirectory (`within`), the enclosing repository's,
    whose CI, lockfiles and package manager the directory's file describes."""
    files = discover(top, config.exclude, config.default_excludes, within=within)
    return Subject(build_index(files, want_syntax=False), profile=config.profile)


def _check(subject: Subject, config: Config) -> int:
    from auditor.agents_md.drift import drift

    problems = drift(subject, api.select_rules(config))
    for problem in problems:
        _echo(str(problem))
    if problems:
        _echo(f"auditor: {len(problems)} problem(s) in the agent instructions", err=True)
        return 1
    _echo("auditor: the agent instructions are up to date", err=True)
    return 0


def _generate(
    root: Path,
    subject: Subject,
    within: str,
    *,
    write: bool,
    packages: bool,
    link: str | None,
    force: bool,
) -> int:
    from auditor.agents_md.links import agent_names, plan_links
    from auditor.agents_md.render import propose

    proposals = propose(subject, packages=packages, directory=within)
    links = plan_links(subject.files, agent_names(link)) if link else ()
    for proposal in proposals:
        for value in proposal.left_out:
            _echo(f"auditor: warning: {proposal.path}: {value}", err=True)
    if not write:
        for proposal in proposals:
            _echo(_preview(proposal.path, proposal.current, proposal.proposed), nl=False)
        for plan in links:
            _echo(f"--link: {plan.message}")
        _echo("auditor: dry run, nothing written; add --write to write", err=True)
        return 0
    outcomes = _written(root, proposals, links, force)
    for plan in links:
        if plan.content is None:
            _echo(plan.message)
    for outcome in outcomes:
        reason = f": {outcome.reason}" if outcome.reason else ""
        _echo(f"{outcome.action} {outcome.path}{reason}")
    return 2 if any(outcome.action == "refused" for outcome in outcomes) else 0


def _echo(message: str, nl: bool = True, err: bool = False) -> None:
    """Print `message`; what it quotes of the repository (names, the current AGENTS.md) is
    made visible, so no escape sequence of it reaches the terminal."""
    click.echo(visible(message, keep_lines=True), nl=nl, err=err)


def _preview(path: str, current: str | None, proposed: str) -> str:
    head = f"==> {path} ({'new' if current is None else 'proposed'}) <==\n"
    if current is None:
        return head + proposed + "\n"
    diff = difflib.unified_diff(
        current.splitlines(keepends=True),
        proposed.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in diff)
    return head + proposed + "\n" + (text or f"(no change to {path})\n") + "\n"


def _written(
    root: Path, proposals: Sequence[Proposal], links: Sequence[LinkPlan], force: bool
) -> list[Outcome]:
    """Write each proposal, then the link files, unless the AGENTS.md they import was
    refused: then each link is refused, saying why."""
    from auditor.agents_md.links import write_links
    from auditor.agents_md.writer import Outcome, write_file

    outcomes = [
        write_file(root, p.path, p.proposed, ours=p.generated, current=p.current, force=force)
        for p in proposals
    ]
    if any(o.path == "AGENTS.md" and o.action == "refused" for o in outcomes):
        unwritten = "the AGENTS.md it imports was not written"
        outcomes.extend(Outcome(p.path, "refused", unwritten) for p in links if p.content)
    else:
        outcomes.extend(write_links(root, tuple(links), force))
    return outcomes
