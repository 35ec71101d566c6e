"""Pull-request mode (`audit --changed-since REF`): the change since the merge base, judged.

The work tree is audited in full (the per-file cache makes unchanged files cheap) and so is
the merge base, from git objects (`audit --rev`: no checkout, nothing written to the work
tree), for the score there. The report keeps the findings of the changed files and those of
rules whose inputs the change touched (`auditor.change_scope`); without `--baseline`, the
merge base is the baseline, so `--fail-on`, `--fail-on-new` and `--fail-on-regression` judge
what the change made worse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor import api, base_cache
from auditor.base_cache import Side, side_of
from auditor.baseline import compare, is_new
from auditor.change_scope import concerns, touched
from auditor.config import Config
from auditor.errors import UsageError
from auditor.git_command import GitUnusable, check_metadata, git_output
from auditor.index.build import Progress
from auditor.model import BaselineState, Change, Report
from auditor.rule_set import rules_digest
from auditor.worktree_diff import worktree_diff

SHORT = 12


@dataclass(frozen=True, slots=True)
class Changes:
    """The files changed since the merge base of HEAD and a ref."""

    base: str | None
    """The merge base; None when the repository has no commit yet (all files are new)."""
    changed: frozenset[str]
    """Paths relative to the audited directory: added, modified, deleted, untracked."""
    added_or_deleted: frozenset[str]


def changes_since(root: Path, ref: str) -> Changes:
    """What changed in the work tree at `root` since the merge base of HEAD and `ref`; a
    UsageError naming the ref when git cannot tell."""
    _check_work_tree(root)
    head = _commit(root, "HEAD")
    if head is None and ref == "HEAD":  # the first commit: everything is new
        listed = git_output(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        every = frozenset(_paths(listed))
        return Changes(None, every, every)
    base = _merge_base(root, ref)
    committed = git_output(root, "diff-tree", "-r", "-z", "--name-status", "--no-renames",
                           "--relative", base, head or base)  # fmt: skip
    local = worktree_diff(root, head or base)
    if committed is None or local is None:
        raise UsageError(f"--changed-since {ref}: git could not list what changed since it")
    fields = committed.split("\0")
    statuses = {p: s for s, p in zip(fields[0::2], fields[1::2], strict=False) if p}
    changed = set(statuses) | local.changed
    created_or_gone = {p for p, s in statuses.items() if s[:1] in ("A", "D")}
    created_or_gone |= local.added | local.deleted
    return Changes(base, frozenset(changed), frozenset(created_or_gone))


def _check_work_tree(root: Path) -> None:
    """A UsageError unless git can be used at `root` and `root` is in a work tree."""
    try:
        check_metadata(root)
    except GitUnusable as unusable:
        raise UsageError(f"{root}: git cannot be used here ({unusable.message})") from None
    if git_output(root, "rev-parse", "--is-inside-work-tree") is None:
        raise UsageError(f"{root}: not a git work tree; --changed-since needs a git repository")


def _merge_base(root: Path, ref: str) -> str:
    """The merge base of HEAD and `ref`; a UsageError naming the ref when there is none."""
    target = _commit(root, ref)
    if target is None:
        raise UsageError(f"--changed-since {ref}: git knows no such commit here (is it fetched?)")
    base = (git_output(root, "merge-base", "HEAD", target) or "").strip()
    if not base:
        raise UsageError(
            f"--changed-since {ref}: HEAD and {ref} have no merge base (a shallow clone? "
            "fetch the whole history, e.g. actions/checkout with fetch-depth: 0)"
        )
    return base


def _commit(root: Path, ref: str) -> str | None:
    found = git_output(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"
    )
    return found.strip() if found and found.strip() else None


def _paths(listing: str | None) -> list[str]:
    return [path for path in (listing or "").split("\0") if path]


def audit_change(
    root: Path,
    ref: str,
    config: Config,
    *,
    cache_dir: Path | None,
    jobs: int | None,
    progress: Progress | None = None,
    compare_with: Callable[[Report], Report] | None = None,
) -> Report:
    """The report of the change since `ref`: the work tree's score and the findings the
    change concerns, compared with the merge base (or by `compare_with`: a baseline file)."""
    changes = changes_since(root, ref)
    now = api.audit(root, config, cache_dir=cache_dir, jobs=jobs, progress=progress)
    base, not_scored = None, ""
    if changes.base is not None:
        try:
            base = base_side(root, changes.base, config, cache_dir=cache_dir, jobs=jobs)
        except UsageError as error:
            not_scored = str(error)
    else:
        not_scored = "the repository has no commit yet"
    source = f"{ref} ({changes.base[:SHORT]})" if changes.base else ref
    if compare_with is not None:
        now = compare_with(now)
    elif base is not None:
        now = compare(now, base.findings, source=source, score=base.score,
                      level=base.level, failing=base.failing_rules)  # fmt: skip
    return scoped(now, changes, ref, config, base, not_scored)


def base_side(
    root: Path, commit: str, config: Config, *, cache_dir: Path | None, jobs: int | None
) -> Side:
    """The audit of `commit` in brief: from the cache, else audited from git objects (and
    kept)."""
    name = _key(root, commit, config)
    kept = base_cache.load(cache_dir, name)
    if kept is not None:
        return kept
    side = side_of(api.audit(root, config, cache_dir=cache_dir, jobs=jobs, rev=commit))
    base_cache.save(cache_dir, name, side)
    return side


def _key(root: Path, commit: str, config: Config) -> str:
    digest = rules_digest(api.select_rules(config))
    return base_cache.key(commit, api.repository_of(root)[1], config, digest)


def scoped(
    report: Report,
    changes: Changes,
    ref: str,
    config: Config,
    base: Side | None,
    not_scored: str = "",
) -> Report:
    """`report` with only the findings (and fixed findings) the change concerns."""
    sides = [report.facts] + ([base.facts] if base is not None else [])
    kinds = touched(changes.changed, changes.added_or_deleted, sides)
    rules = {selected.rule.id: selected.rule for selected in api.select_rules(config)}
    kept = tuple(
        f for f in report.findings if concerns(f.path, rules.get(f.rule), changes.changed, kinds)
    )
    comparison = report.baseline
    if comparison is not None:
        fixed = tuple(
            e for e in comparison.fixed
            if concerns(e.path, rules.get(e.rule), changes.changed, kinds)
        )  # fmt: skip
        comparison = dataclasses.replace(
            comparison,
            fixed=fixed,
            new=sum(is_new(f) for f in kept),
            known=sum(f.baseline is BaselineState.KNOWN and f.suppressed is None for f in kept),
        )
    change = Change(
        ref=ref,
        base=changes.base,
        changed=tuple(sorted(changes.changed)),
        base_score=base.score if base is not None else None,
        base_level=base.level if base is not None else None,
        left_out=len(report.findings) - len(kept),
        not_scored=not_scored,
    )
    return dataclasses.replace(report, findings=kept, baseline=comparison, change=change)
