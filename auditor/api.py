"""The programmatic entry point: audit(root, config) -> Report."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor import __version__, engine, registry, scoring, suppression
from auditor.config import Config
from auditor.discover import discover, discover_revision, enclosing_root
from auditor.errors import ConfigError, UsageError
from auditor.facts.subject import Subject
from auditor.git_command import GitUnusable, check_metadata, git_output
from auditor.git_tree import GitTree, RevisionError
from auditor.index.build import Progress, build_index
from auditor.index.cache import SyntaxCache
from auditor.index.parsing import worker_count
from auditor.index.repository import RepositoryIndex
from auditor.index.scan_cache import ScanCache
from auditor.index.syntax import PARSER_VERSION
from auditor.model import (
    Diagnostic,
    Finding,
    PackageReport,
    Report,
    Repository,
    Status,
    Unjudged,
)
from auditor.rule import Rule
from auditor.rule_set import rules_digest
from auditor.unread_inputs import in_package, unread_inputs

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
    commit_date: str | None = None

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
    rev: str | GitTree | None = None,
) -> Report:
    """Audit the repository at `root`: discover, index, judge, score.

    A `root` below the top of its git work tree (`auditor audit packages/web`) is audited as
    a package of the enclosing repository (`discover.enclosing_root`): its files are judged,
    and it inherits that repository's CI, lockfiles, package manager and tools.

    With `rev` (a commit, branch or tag, or a tree from `open_revision`), the commit is
    audited from git objects instead of the work tree, which is neither read nor changed:
    the report is the one a fresh checkout of that commit would give."""
    if isinstance(rev, str):
        tree, _ = open_revision(check_root(root), rev)
        with tree:
            return audit(
                root,
                config,
                rules=rules,
                cache_dir=cache_dir,
                jobs=jobs,
                progress=progress,
                rev=tree,
            )
    prepared = prepare(
        root, config, rules=rules, cache_dir=cache_dir, jobs=jobs, progress=progress, tree=rev
    )
    return judge(prepared)


def open_revision(root: Path, rev: str) -> tuple[GitTree, str]:
    """The tree of commit `rev` of the repository `root` is in, and `root`'s directory in it;
    a UsageError when there is no such commit or no git repository."""
    within = revision_dir(root)
    top = root.resolve()
    for _ in within.split("/") if within else ():
        top = top.parent
    try:
        return GitTree.load(top, rev), within
    except RevisionError as error:
        raise UsageError(str(error)) from None


def revision_dir(root: Path) -> str:
    """`root`'s directory in its git repository ("" at the top); UsageError outside git."""
    root = root.resolve()
    try:
        check_metadata(root)
        top = git_output(root, "rev-parse", "--show-toplevel")
    except GitUnusable as unusable:
        raise UsageError(f"{root}: git cannot be used here ({unusable.message})") from None
    if top is None or not top.strip():
        raise UsageError(f"{root}: not a git work tree; --rev needs a git repository")
    enclosing = Path(top.strip()).resolve()
    return root.relative_to(enclosing).as_posix() if root != enclosing else ""


def prepare(
    root: Path,
    config: Config | None = None,
    *,
    rules: Sequence[Rule] | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    tree: GitTree | None = None,
) -> Prepared:
    """Discover and index the repository at `root` for the rules `config` selects: its work
    tree, or with `tree` the commit it holds (read from git objects)."""
    config = config or Config()
    root = check_root(root)
    selected = select_rules(config, rules)
    if tree is None:
        top, within = repository_of(root)
        discovery = discover(top, config.exclude, config.default_excludes, within=within)
    else:
        within = revision_dir(root)
        discovery = discover_revision(tree, config.exclude, config.default_excludes, within)
        top = discovery.root
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
    return Prepared(root, subject, selected, index, discovery.commit_date)


def judge(prepared: Prepared, selected: Sequence[engine.SelectedRule] | None = None) -> Report:
    """Run the rules (`selected`, by default the prepared selection) and score the result."""
    chosen = tuple(selected) if selected is not None else prepared.selected
    subject = prepared.subject
    outcomes = engine.run(chosen, subject)
    findings = suppression.apply(engine.findings(outcomes), subject.files)
    score = scoring.score(_judged(outcomes, findings))
    facts = subject.facts
    packages, package_unjudged = _packages(subject, chosen)
    diagnostics = _diagnostics(subject.files.diagnostics, facts.diagnostics)
    view = facts.report_view()
    unjudged = {
        *engine.unjudged(outcomes),
        *unread_inputs(chosen, subject.files.diagnostics, view),
        *package_unjudged,
    }
    return Report(
        tool_name=TOOL_NAME,
        tool_version=__version__,
        repository=Repository(
            name=prepared.root.name,
            commit=prepared.commit,
            profile=facts.profile,
            commit_date=prepared.commit_date,
        ),
        score=score,
        facts=view,
        findings=findings,
        packages=packages,
        diagnostics=tuple(diagnostics),
        top_fixes=scoring.top_fixes(score),
        unjudged=tuple(sorted(unjudged, key=Unjudged.sort_key)),
        rules_digest=rules_digest(chosen),
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


def _judged(
    outcomes: Sequence[engine.Outcome], findings: Sequence[Finding]
) -> list[scoring.Judged]:
    """The outcomes as the score sees them: a failing rule whose every finding is suppressed
    inline passes, and suppressed findings are not counted."""
    live = Counter(f.rule for f in findings if f.suppressed is None)
    judged = []
    for outcome in outcomes:
        status, count = outcome.status, len(outcome.violations)
        if status is Status.FAIL:
            count = live[outcome.rule.id]
            status = Status.FAIL if count else Status.PASS
        judged.append(scoring.Judged(outcome.rule, status, count, outcome.message, outcome.measure))
    return judged


def _packages(
    subject: Subject, selected: Sequence[engine.SelectedRule]
) -> tuple[tuple[PackageReport, ...], list[Unjudged]]:
    """Each workspace package's report, and the rules a package left unjudged (a rule that
    raised on one package's files leaves the repository's verdict incomplete too)."""
    workspace = subject.facts.workspace
    if workspace is None:
        return (), []
    per_package = [s for s in selected if s.rule.per_package]
    reports = []
    unjudged: list[Unjudged] = []
    for path in workspace.packages:
        view = subject.package(path)
        outcomes = engine.run(per_package, view)
        unjudged += in_package(path, engine.unjudged(outcomes))
        findings = suppression.apply(engine.findings(outcomes), view.files)
        score = scoring.score(_judged(outcomes, findings))
        failing = tuple(r.id for r in scoring.top_fixes(score))
        reports.append(
            PackageReport(path, score.score, score.level, view.facts.report_view(), failing)
        )
    return tuple(reports), unjudged
