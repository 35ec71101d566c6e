"""The programmatic entry point: audit(root, config) -> Report."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor import __version__, engine, registry, scoring
from auditor.config import Config
from auditor.discover import discover, enclosing_root
from auditor.errors import ConfigError, UsageError
from auditor.facts.subject import Subject
from auditor.index.build import Progress, build_index
from auditor.index.cache import SyntaxCache
from auditor.index.parsing import worker_count
from auditor.index.repository import RepositoryIndex
from auditor.index.scan_cache import ScanCache
from auditor.index.syntax import PARSER_VERSION
from auditor.model import Diagnostic, PackageReport, Report, Repository
from auditor.rule import Rule

TOOL_NAME = "auditor"


def check_root(root: Path) -> Path:
    """`root` resolved, or a UsageError that says what to do."""
    if not root.exists():
        raise UsageError(f"{root}: no such directory; pass the path of a repository to audit")
    if not root.is_dir():
        raise UsageError(f"{root}: is a file; pass the repository's directory instead")
    if not os.access(root, os.R_OK | os.X_OK):
        raise UsageError(f"{root}: cannot read this directory; check its permissions")
    return root.resolve()


def select_rules(
    config: Config, rules: Sequence[Rule] | None = None
) -> tuple[engine.SelectedRule, ...]:
    """The rules this config selects, each with its options resolved and type-checked."""
    available = tuple(rules) if rules is not None else registry.load_rules()
    chosen = registry.select(available, config.select, config.ignore)
    by_id = {rule.id: rule for rule in available}
    for alias_owner in available:
        for alias in alias_owner.aliases:
            by_id.setdefault(alias, alias_owner)
    for rule_id in config.rule_options:
        if rule_id not in by_id:
            raise ConfigError(f"{config.source}: options for unknown rule {rule_id}")
    return tuple(
        engine.SelectedRule(rule, _options(rule, config.rule_options, config.source))
        for rule in chosen
    )


def _options(
    rule: Rule, given: Mapping[str, Mapping[str, Any]], source: str | None
) -> dict[str, Any]:
    resolved: dict[str, Any] = dict(rule.defaults())
    declared = {option.name: option for option in rule.options}
    for key in (rule.id, *rule.aliases):
        for name, value in given.get(key, {}).items():
            if name not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise ConfigError(
                    f"{source}: rule {rule.id} has no option {name!r} (options: {known})"
                )
            try:
                resolved[name] = declared[name].coerce(value)
            except ValueError as error:
                raise ConfigError(f"{source}: rule {rule.id}: {error}") from None
    return resolved


@dataclass(frozen=True, slots=True)
class Prepared:
    """A repository read and ready to judge: its subject (files and facts) and the rules
    selected for it. `api.judge` turns it into a Report; the MCP server keeps one between
    calls and judges it again for another selection."""

    root: Path
    subject: Subject
    """The subject judged: the repository's, or its package view for a directory of it."""
    selected: tuple[engine.SelectedRule, ...]
    index: RepositoryIndex
    """The whole repository's index (its top's, for a directory of it)."""

    @property
    def commit(self) -> str | None:
        return self.index.commit


def audit(
    root: Path,
    config: Config | None = None,
    *,
    rules: Sequence[Rule] | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Audit the repository at `root`: discover, index, judge, score.

    A `root` below the top of its git work tree (`auditor audit packages/web`) is audited as
    a package of the enclosing repository (`discover.enclosing_root`): its files are judged,
    and it inherits that repository's CI, lockfiles, package manager and tools."""
    prepared = prepare(root, config, rules=rules, cache_dir=cache_dir, jobs=jobs, progress=progress)
    return judge(prepared)


def prepare(
    root: Path,
    config: Config | None = None,
    *,
    rules: Sequence[Rule] | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Prepared:
    """Discover and index the repository at `root` for the rules `config` selects."""
    config = config or Config()
    root = check_root(root)
    selected = select_rules(config, rules)
    top, within = repository_of(root)
    discovery = discover(top, config.exclude, config.default_excludes, within=within)
    cache = SyntaxCache(cache_dir, top, PARSER_VERSION) if cache_dir is not None else None
    scans = ScanCache(cache_dir, top) if cache_dir is not None else None
    want_syntax = any(s.rule.needs_syntax for s in selected)
    index = build_index(
        discovery,
        want_syntax=want_syntax,
        test_syntax=want_syntax,  # the tests' imports say which modules are untested
        cache=cache,
        scans=scans,
        jobs=worker_count(jobs or config.jobs),
        progress=progress,
    )
    subject = Subject(index, profile=config.profile)
    if within:  # a directory of a repository: judged as its package, inheriting CI, lockfile
        subject = subject.package(within)
        subject.declared_profile = config.profile
    return Prepared(root, subject, selected, index)


def judge(prepared: Prepared, selected: Sequence[engine.SelectedRule] | None = None) -> Report:
    """Run the rules (`selected`, by default the prepared selection) and score the result."""
    chosen = tuple(selected) if selected is not None else prepared.selected
    subject = prepared.subject
    outcomes = engine.run(chosen, subject)
    score = scoring.score([_judged(o) for o in outcomes])
    facts = subject.facts
    packages = _packages(subject, chosen)
    diagnostics = _diagnostics(subject.files.diagnostics, facts.diagnostics)
    return Report(
        tool_name=TOOL_NAME,
        tool_version=__version__,
        repository=Repository(
            name=prepared.root.name, commit=prepared.commit, profile=facts.profile
        ),
        score=score,
        facts=facts.report_view(),
        findings=engine.findings(outcomes),
        packages=packages,
        diagnostics=tuple(diagnostics),
        top_fixes=scoring.top_fixes(score),
        unjudged=engine.unjudged(outcomes),
    )


def _diagnostics(files: Sequence[Diagnostic], facts: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The index's and the facts' diagnostics, sorted; where both speak of one file in one
    kind, the facts know more (an instruction file over the scan cap is still scanned)."""
    told = {(d.path, d.kind) for d in facts}
    kept = {d for d in files if (d.path, d.kind) not in told}
    return sorted({*kept, *facts}, key=lambda d: (d.path, d.kind, d.message))


def repository_of(root: Path) -> tuple[Path, str]:
    """The top of the repository `root` is in, and `root`'s directory in it ("" for the top):
    a tracked subdirectory of a git work tree belongs to the enclosing repository."""
    top = enclosing_root(root) or root
    return top, root.relative_to(top).as_posix() if top != root else ""


def _judged(outcome: engine.Outcome) -> scoring.Judged:
    return scoring.Judged(outcome.rule, outcome.status, len(outcome.violations), outcome.message)


def _packages(
    subject: Subject, selected: Sequence[engine.SelectedRule]
) -> tuple[PackageReport, ...]:
    workspace = subject.facts.workspace
    if workspace is None:
        return ()
    per_package = [s for s in selected if s.rule.per_package]
    reports = []
    for path in workspace.packages:
        view = subject.package(path)
        outcomes = engine.run(per_package, view)
        score = scoring.score([_judged(o) for o in outcomes])
        failing = tuple(r.id for r in scoring.top_fixes(score))
        reports.append(
            PackageReport(path, score.score, score.level, view.facts.report_view(), failing)
        )
    return tuple(reports)
