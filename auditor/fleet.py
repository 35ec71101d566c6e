"""Fleet audits: many repositories over a process pool, one report each, resumable after a kill.

Each repository is audited at its HEAD commit, from git objects (`audit --rev HEAD`): what is
audited is exactly the commit its reports are named by, whatever the work tree holds, and a
report is a pure function of (commit, auditor version, rule set). Reports are written
atomically, the HTML one before the JSON one, so a JSON report on disk means a finished
repository: `--resume` skips those whose report names the same commit and auditor version,
and a run killed at any point and resumed ends with the files an uninterrupted run writes.
A repository that cannot be audited (not a git repository, no commit, a broken config) is
listed in `fleet.json` with its reason and never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor import __version__, api, registry
from auditor.anonymous_file import TEMP_PREFIX, TEMP_SUFFIX
from auditor.config import load_config
from auditor.errors import AuditorError
from auditor.git_command import GitUnusable
from auditor.git_tree import GitTree, RevisionError, commit_of
from auditor.history import audit_row, loaded_rules, repository_key
from auditor.history_db import open_database
from auditor.model import RenderOptions
from auditor.safe_write import read_current, write_text
from auditor.structured_text import MalformedDocument, load_json

FLEET_SCHEMA_VERSION = "1.0"
FLEET_FILE = "fleet.json"
MAX_REPORT_BYTES = 64 * 1024 * 1024
"""A report larger than this is not read back for `--resume` (it is audited again)."""
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class FleetEntry:
    """One repository of the fleet: its report, or why there is none."""

    path: str
    """The repository as it was given (on the command line or in the list file)."""
    name: str
    commit: str | None = None
    report: str | None = None
    """The JSON report's file name in the output directory."""
    score: float | None = None
    level: int | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "commit": self.commit,
            "report": self.report,
            "html": _html_name(self.report) if self.report else None,
            "score": self.score,
            "level": self.level,
            "status": "failed" if self.error else "audited",
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class FleetRun:
    """What a fleet run did: every entry, and how many were audited now or kept from before."""

    entries: tuple[FleetEntry, ...]
    audited: int
    reused: int

    @property
    def failed(self) -> tuple[FleetEntry, ...]:
        return tuple(e for e in self.entries if e.error)


@dataclass(frozen=True, slots=True)
class _Task:
    path: str
    root: Path
    name: str
    commit: str
    out_dir: Path
    cache_dir: Path | None
    database: Path | None = None


def _remove_torn_writes(out_dir: Path) -> None:
    """Remove the temporary names a killed run's last write may have left (`.auditor-*.tmp`:
    a complete report's bytes the kill caught between naming and renaming them). The report
    they were for is written again."""
    for leftover in out_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)


def run_fleet(
    paths: Sequence[str],
    out_dir: Path,
    *,
    jobs: int = 1,
    resume: bool = False,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    database: Path | None = None,
) -> FleetRun:
    """Audit every repository of `paths` into `out_dir` (checked by the caller), `jobs` at a
    time, and write `fleet.json`; the run's entries sorted by path. With `database`, each
    worker also records its repository's commit in that history database."""
    if resume:
        _remove_torn_writes(out_dir)
    names = _names(paths)
    entries: dict[str, FleetEntry] = {}
    tasks: list[_Task] = []
    reused = 0
    for path in paths:
        entry_or_task = _plan(path, names[path], out_dir, cache_dir, resume, database)
        if isinstance(entry_or_task, FleetEntry):
            entries[path] = entry_or_task
            reused += entry_or_task.error is None
        else:
            tasks.append(entry_or_task)
    done = len(entries)
    if progress is not None:
        progress("auditing", done, len(paths))
    for entry in _audit_all(tasks, jobs):
        entries[entry.path] = entry
        done += 1
        if progress is not None:
            progress("auditing", done, len(paths))
    ordered = tuple(entries[path] for path in sorted(entries))
    document = {
        "schema_version": FLEET_SCHEMA_VERSION,
        "tool": {"name": api.TOOL_NAME, "version": __version__},
        "repositories": [entry.to_json() for entry in ordered],
    }
    write_text(out_dir / FLEET_FILE, _dumps(document), str(out_dir / FLEET_FILE))
    return FleetRun(ordered, audited=len(tasks), reused=reused)


def _plan(
    path: str,
    name: str,
    out_dir: Path,
    cache_dir: Path | None,
    resume: bool,
    database: Path | None,
) -> FleetEntry | _Task:
    """The task of auditing `path`, or its entry when it fails now or its report is kept."""
    root = Path(path)
    if not root.is_dir():
        return FleetEntry(path, name, error="no such directory")
    try:
        commit = commit_of(root.resolve(), "HEAD")
    except GitUnusable as unusable:
        return FleetEntry(path, name, error=f"git cannot be used here: {unusable.message}")
    if commit is None:
        return FleetEntry(path, name, error="not a git repository with a commit")
    report = f"{name}-{commit.sha[:12]}.json"
    if resume:
        kept = _kept(path, name, commit.sha, out_dir / report)
        if kept is not None:
            return kept
    return _Task(path, root.resolve(), name, commit.sha, out_dir, cache_dir, database)


def _kept(path: str, name: str, commit: str, report: Path) -> FleetEntry | None:
    """The entry of a report already written for `commit` by this auditor version, if any."""
    try:
        data = read_current(report, MAX_REPORT_BYTES, str(report))
        document = load_json(data) if data is not None else None
    except (AuditorError, MalformedDocument):
        return None
    if not isinstance(document, dict):
        return None
    tool, repository = document.get("tool"), document.get("repository")
    if not isinstance(tool, dict) or not isinstance(repository, dict):
        return None
    if tool.get("version") != __version__ or repository.get("commit") != commit:
        return None
    if not (report.parent / _html_name(report.name)).is_file():
        return None
    score, level = document.get("score"), document.get("level")
    if not isinstance(score, int | float) or not isinstance(level, int):
        return None
    return FleetEntry(path, name, commit, report.name, float(score), level)


def _audit_all(tasks: list[_Task], jobs: int) -> list[FleetEntry]:
    """Each task's entry, in the order they finish: in this process with one job, else over
    a pool of `jobs` processes (a worker that dies fails its repository, not the run)."""
    if jobs <= 1 or len(tasks) <= 1:
        return [audit_repository(task) for task in tasks]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    finished: list[FleetEntry] = []
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
        futures: dict[Future[FleetEntry], _Task] = {
            pool.submit(audit_repository, task): task for task in tasks
        }
        for future in as_completed(futures):
            task = futures[future]
            try:
                finished.append(future.result())
            except BrokenProcessPool:
                finished.append(FleetEntry(task.path, task.name, task.commit, error="crashed"))
    return finished


def audit_repository(task: _Task) -> FleetEntry:
    """Audit one repository at its commit and write its HTML, then its JSON report."""
    try:
        with GitTree.load(task.root, task.commit) as tree:
            within = api.revision_dir(task.root)
            config = load_config(task.root, tree=tree, within=within)
            report = api.audit(
                task.root, config, rules=loaded_rules(), cache_dir=task.cache_dir, jobs=1, rev=tree
            )
        renderers = registry.load_renderers()
        name = f"{task.name}-{task.commit[:12]}.json"
        options = RenderOptions(verbosity=1)
        html = task.out_dir / _html_name(name)
        write_text(html, renderers.get("html")(report, options), str(html))
        if task.database is not None:
            with open_database(task.database) as db:
                db.record(repository_key(task.root), __version__, audit_row(report))
        target = task.out_dir / name
        write_text(target, renderers.get("json")(report, options), str(target))
    except (AuditorError, RevisionError) as error:
        return FleetEntry(task.path, task.name, task.commit, error=_one_line(str(error)))
    except Exception as error:  # a bug for one repository must not stop the fleet
        reason = f"internal error: {type(error).__name__}: {_one_line(str(error))}"
        return FleetEntry(task.path, task.name, task.commit, error=reason)
    score = round(report.score.score, 1) + 0.0  # as the JSON report rounds it
    return FleetEntry(task.path, task.name, task.commit, name, score, report.score.level)


def read_list(path: Path) -> list[str]:
    """The repositories a list file names: one path a line, `#` comments and blank lines
    left out, relative paths taken from the file's own directory."""
    lines = path.read_text(encoding="utf-8").splitlines()
    paths = (line.split("#", 1)[0].strip() for line in lines)
    return [str(path.parent / p) if not Path(p).is_absolute() else p for p in paths if p]


def _names(paths: Sequence[str]) -> dict[str, str]:
    """A file-name-safe name per repository: its directory name, with a hash of its path
    where two repositories of the fleet share one."""
    base = {
        path: UNSAFE_NAME.sub("-", Path(path).resolve().name).strip("-.") or "repo"
        for path in paths
    }
    counts = Counter(base.values())
    return {
        path: name if counts[name] == 1 else f"{name}-{_path_hash(path)}"
        for path, name in base.items()
    }


def _path_hash(path: str) -> str:
    return hashlib.sha256(str(Path(path).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[
        :8
    ]


def _html_name(report: str) -> str:
    return report.removesuffix(".json") + ".html"


def _one_line(text: str) -> str:
    first = (text.splitlines() or ["no message"])[0]
    return first if len(first) <= 300 else first[:299] + "…"


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
