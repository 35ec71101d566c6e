"""Score history: sampled commits of a branch audited from git objects into the history database.

Each commit is audited as `audit --rev` audits it (nothing is checked out; the parse cache
keyed by content makes files unchanged since the last commit cost a read and a hash) and
written in its own transaction, so a killed run resumes where it stopped: commits already in
the database for this auditor version are not audited again. Commits fan out over `jobs`
processes, each writing its own rows; the database serialises them.
"""

from __future__ import annotations

import functools
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from auditor import __version__, api, registry
from auditor.config import load_config
from auditor.errors import UsageError
from auditor.git_command import GitUnusable, check_metadata, git_output
from auditor.git_tree import GitTree
from auditor.history_db import AuditRow, RuleRow, open_database
from auditor.history_model import History, HistoryPoint, StatusChange
from auditor.index.read_log import reusing
from auditor.model import Report
from auditor.rule import Rule

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class _Task:
    root: Path
    commit: str
    database: Path
    cache_dir: Path | None


def default_database() -> Path:
    """The history database in the user cache directory."""
    return Path(platformdirs.user_cache_dir("auditor")) / "history.sqlite3"


def with_history(report: Report, root: Path, database: Path | None = None) -> Report:
    """`report` with the recorded history of the repository at `root` (`database`, else the
    default one when it exists); unchanged when nothing is recorded for it."""
    path = database or default_database()
    if database is None and not path.is_file():
        return report
    top, _ = api.repository_of(root)
    history = load_history(top, path)
    return replace(report, history=history) if history.points else report


def repository_key(root: Path) -> str:
    """How the database names a repository: the resolved path of its top directory."""
    return str(root.resolve())


def sample_commits(
    root: Path, branch: str = "HEAD", commits: int | None = 20, since: str | None = None
) -> list[str]:
    """The first-parent commits of `branch`, oldest first: the last `commits` of them, or
    every one since the date `since`; UsageError when git cannot list them."""
    arguments = ["rev-list", "--first-parent"]
    if since is not None:
        arguments.append(f"--since={since}")
    elif commits is not None:
        arguments.append(f"--max-count={commits}")
    try:
        check_metadata(root)
        out = git_output(root, *arguments, "--end-of-options", branch)
    except GitUnusable as unusable:
        raise UsageError(f"{root}: git cannot be used here ({unusable.message})") from None
    if out is None:
        raise UsageError(f"{branch}: no such branch or commit in {root} (or not a git repository)")
    return list(reversed(out.split()))


def run_history(
    root: Path,
    database: Path,
    *,
    branch: str = "HEAD",
    commits: int | None = 20,
    since: str | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> History:
    """Audit the sampled commits missing from `database` and return the whole history."""
    top = root.resolve()
    sampled = sample_commits(top, branch, commits, since)
    key = repository_key(top)
    # The connection stays open while the commits are recorded: in WAL mode the last one to
    # close checkpoints the log, which each commit's own connection would otherwise do.
    with open_database(database) as db:
        missing = [c for c in sampled if not db.has(key, c, __version__)]
        tasks = [_Task(top, commit, database, cache_dir) for commit in missing]
        done = len(sampled) - len(tasks)
        if progress is not None:
            progress("history", done, len(sampled))
        for _ in _run(tasks, jobs):
            done += 1
            if progress is not None:
                progress("history", done, len(sampled))
    return load_history(top, database, branch, sampled)


def load_history(
    root: Path, database: Path, branch: str = "HEAD", commits: Sequence[str] | None = None
) -> History:
    """The stored history of `root`: of `commits` (in that order), else of every commit
    recorded for this auditor version."""
    key = repository_key(root)
    with open_database(database) as db:
        chosen = list(commits) if commits is not None else db.commits(key, __version__)
        rows = db.audits(key, __version__, chosen)
    return History(root.resolve().name, branch, tuple(_points(rows)))


def _run(tasks: list[_Task], jobs: int) -> list[str]:
    if jobs <= 1 or len(tasks) <= 1:
        return [audit_commit(task) for task in tasks]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
        futures = [pool.submit(audit_commit, task) for task in tasks]
        return [future.result() for future in as_completed(futures)]


def audit_commit(task: _Task) -> str:
    """Audit one commit from git objects and record it (one transaction); its id. What the
    process's earlier commits found is reused where this one's files read the same."""
    with reusing(), GitTree.load(task.root, task.commit) as tree:
        config = load_config(task.root, tree=tree)
        report = api.audit(
            task.root, config, rules=loaded_rules(), cache_dir=task.cache_dir, jobs=1, rev=tree
        )
    with open_database(task.database) as db:
        db.record(repository_key(task.root), __version__, audit_row(report))
    return task.commit


@functools.cache
def loaded_rules() -> tuple[Rule, ...]:
    """The registered rules, loaded once per process: reading the entry points' metadata
    cost a quarter of each commit's audit."""
    return registry.load_rules()


def audit_row(report: Report) -> AuditRow:
    """What the database keeps of a report: scores, level, and every rule's status."""
    first_finding: dict[str, str] = {}
    for finding in report.findings:
        first_finding.setdefault(finding.rule, finding.message)
    return AuditRow(
        commit=report.repository.commit or "",
        commit_date=report.repository.commit_date,
        score=round(report.score.score, 1) + 0.0,
        level=report.score.level,
        rules_digest=report.rules_digest,
        categories=tuple(
            (c.id.value, None if c.score is None else round(c.score, 1) + 0.0)
            for c in report.score.categories
        ),
        rules=tuple(
            RuleRow(
                r.id,
                r.status.value,
                round(r.gain, 2) + 0.0,
                r.title,
                first_finding.get(r.id, r.message),
            )
            for r in report.score.rules
        ),
    )


def _points(rows: Sequence[AuditRow]) -> list[HistoryPoint]:
    points = []
    previous: AuditRow | None = None
    for row in rows:
        changes = _changes(previous, row) if previous is not None else ()
        delta = round(row.score - previous.score, 1) + 0.0 if previous is not None else None
        points.append(
            HistoryPoint(
                row.commit, row.commit_date, row.score, row.level, row.categories, delta, changes
            )
        )
        previous = row
    return points


def _changes(old: AuditRow, new: AuditRow) -> tuple[StatusChange, ...]:
    before = {r.rule: r for r in old.rules}
    after = {r.rule: r for r in new.rules}
    found = []
    for rule in sorted(before.keys() | after.keys()):
        was, now = before.get(rule), after.get(rule)
        if was is not None and now is not None and was.status == now.status:
            continue
        shown = now or was
        assert shown is not None
        at_stake = max(
            (r.gain for r in (was, now) if r is not None and r.status == "fail"), default=0.0
        )
        found.append(
            StatusChange(
                rule,
                shown.title,
                was.status if was else None,
                now.status if now else None,
                now.message if now else "",
                at_stake,
            )
        )
    return tuple(sorted(found, key=lambda c: (not c.decisive, -c.points, c.rule)))
