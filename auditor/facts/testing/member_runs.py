"""Consecutive CI lines that each test one member of a Cargo workspace: together, the suite."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from auditor.facts.model import Command
from auditor.facts.shell.invocations import invocations
from auditor.facts.sources import FactSources
from auditor.facts.testing.build_dirs import MAX_GAP
from auditor.facts.testing.variants import cargo_packages


def joined_member_runs(src: FactSources, lines: Sequence[Command]) -> Iterator[Command]:
    """Each run of two or more consecutive CI lines of one file (each within `MAX_GAP` lines
    of the one before: one job's steps, one script) that each test one member of the Cargo
    workspace, a different one each (rayon's `cargo test -p rayon`, then `cargo test -p
    rayon-core`), as one command joined with `&&`: what that job tests, where each line alone
    is one package. Only the test lines are joined (not a `cargo build` before them)."""
    manifest = src.toml("Cargo.toml")
    if not (isinstance(manifest, dict) and "workspace" in manifest):
        return
    group: list[tuple[Command, str]] = []
    for command in [*lines, None]:
        member = _member_tested(command) if command is not None else None
        if member is not None and command is not None and _continues(group, command, member):
            group.append((command, member))
            continue
        if len(group) > 1:
            first = group[0][0]
            yield replace(first, text=" && ".join(c.text for c, _ in group))
        group = [(command, member)] if member is not None and command is not None else []


def _member_tested(command: Command) -> str | None:
    """The one package a CI line tests (`cargo test --verbose --package rayon`), or None."""
    found = invocations(command.text)
    if command.origin != "ci" or len(found) != 1:
        return None
    invocation = found[0]
    packages = cargo_packages(invocation.args)
    tests = invocation.program == "cargo" and invocation.args[:1] == ("test",)
    return packages[0] if tests and len(packages) == 1 else None


def _continues(group: list[tuple[Command, str]], command: Command, member: str) -> bool:
    if not group:
        return True
    last = group[-1][0]
    close = (
        last.line is not None
        and command.line is not None
        and 0 < command.line - last.line <= MAX_GAP
    )
    return close and last.path == command.path and member not in {m for _, m in group}
