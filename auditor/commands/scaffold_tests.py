"""`auditor scaffold-tests`: test files that pass today for the modules no test imports."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import click

from auditor import api
from auditor.commands.caching import cache_dir_of, no_cache_option
from auditor.config import load_config
from auditor.discover import discover
from auditor.facts.subject import Subject
from auditor.index.build import build_index
from auditor.index.cache import SyntaxCache
from auditor.index.parsing import worker_count
from auditor.index.scan_cache import ScanCache
from auditor.index.syntax import PARSER_VERSION
from auditor.inert_text import visible


@click.command("scaffold-tests")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--write", is_flag=True, help="Write the files (default: list them and a diff).")
@click.option(
    "--module",
    "modules",
    multiple=True,
    metavar="NAME",
    help="Only this module (Python import name, or a JS/TS file or Go package path). Repeatable.",
)
@click.option(
    "--path",
    "paths",
    multiple=True,
    metavar="FILE_OR_DIR",
    help="Only the modules at or under this path. Repeatable.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Only the N riskiest untested modules (default: all).",
)
@click.option("--force", is_flag=True, help="Also overwrite files the auditor did not write.")
@no_cache_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the plan (and with --write what was written) for machines.",
)
def scaffold_tests_command(
    path: Path,
    write: bool,
    modules: tuple[str, ...],
    paths: tuple[str, ...],
    limit: int | None,
    force: bool,
    no_cache: bool,
    output_format: str,
) -> int:
    """Scaffold tests for the modules of PATH that no test imports, riskiest first.

    Each test file imports its module, checks that its public names exist, and holds one
    skipped to-do test per public function, class and method, its signature in the reason
    (`pytest -rs` prints the list); Python docstring examples become real tests. JS/TS gets
    `it.todo` per export for vitest, jest or node:test; Go gets `t.Skip` per exported
    function. Nothing of the repository is imported or run. The risk score is explained in
    docs/commands/scaffold-tests.md. A generated file carries a header with a hash: one you
    edited is never overwritten.

    \b
    Examples:
      auditor scaffold-tests .                        the file list, then a unified diff
      auditor scaffold-tests . --write                write them
      auditor scaffold-tests . --module pkg.parser    one module (or --path src/pkg/parser.py)
      auditor scaffold-tests . --limit 10             the ten riskiest untested modules
      auditor scaffold-tests . --format json          the plan, for machines
    """
    from auditor.scaffold.plan import make_plan
    from auditor.scaffold.writer import write_plan

    root = api.check_root(path)
    top, within = api.repository_of(root)
    config = load_config(root, None)
    for warning in config.warnings:
        _echo(f"auditor: warning: {warning}", err=True)
    files = discover(top, config.exclude, config.default_excludes, within=within)
    cache_dir = cache_dir_of(no_cache, None)
    index = build_index(
        files,
        want_syntax=True,
        test_syntax=True,
        cache=SyntaxCache(cache_dir, top, PARSER_VERSION) if cache_dir else None,
        scans=ScanCache(cache_dir, top) if cache_dir else None,
        jobs=worker_count(config.jobs),
    )
    subject = Subject(index)
    if within:
        subject = subject.package(within, inherit=False)
    plan = make_plan(subject, modules, paths, limit)
    written = write_plan(root, plan.files, force) if write else []
    if output_format == "json":
        _echo(json.dumps(_json(plan, written, write), indent=2, sort_keys=True))
    else:
        _text(plan, written, write)
    return 2 if any(w.action == "refused" for w in written) else 0


def _text(plan: Any, written: list[Any], write: bool) -> None:
    for skipped in plan.skipped:
        _echo(f"auditor: not scaffolded: {skipped.name}: {skipped.reason}", err=True)
    if not plan.files:
        _echo("auditor: nothing to scaffold: every module worth a test is imported by one")
        return
    if write:
        for outcome in written:
            reason = f": {outcome.reason}" if outcome.reason else ""
            _echo(f"{outcome.action} {outcome.path}{reason}")
        return
    _echo(f"{len(plan.files)} file(s) for {len(plan.modules)} untested module(s), riskiest first:")
    for planned in plan.modules:
        m = planned.module
        _echo(
            f"  {planned.name} (risk {m.risk}: complexity {m.complexity}, {m.length} lines, "
            f"imported by {m.importers}, {m.public} public) -> {', '.join(planned.tests)}"
        )
    configs = [f.path for f in plan.files if not f.module]
    for config in configs:
        _echo(f"  pytest configuration -> {config}")
    _echo("")
    for planned_file in plan.files:
        _echo(_diff(planned_file.path, planned_file.current, planned_file.content), nl=False)
    _echo("auditor: dry run, nothing written; add --write to write", err=True)


def _json(plan: Any, written: list[Any], write: bool) -> dict[str, Any]:
    from auditor.scaffold.plan import plan_document

    document = plan_document(plan)
    if write:
        document["written"] = [
            {"path": w.path, "action": w.action, "reason": w.reason or None} for w in written
        ]
    return document


def _diff(path: str, current: str | None, proposed: str) -> str:
    diff = difflib.unified_diff(
        (current or "").splitlines(keepends=True),
        proposed.splitlines(keepends=True),
        fromfile="/dev/null" if current is None else f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in diff)


def _echo(message: str, nl: bool = True, err: bool = False) -> None:
    """Print `message` with what it quotes of the repository made visible (no escapes)."""
    click.echo(visible(message, keep_lines=True), nl=nl, err=err)
