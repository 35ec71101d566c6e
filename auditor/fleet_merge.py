"""Merging JSON reports into the fleet summary: pure, so the same reports give the same dashboard.

Reports may come from anywhere (a fleet run, a CI matrix's artifacts). Each is read bounded
and checked as `auditor diff` checks one; a `fleet.json` given among them contributes the
repositories its run could not audit. Where two reports describe the same repository (the
report file's name without its `-COMMIT` suffix, else the repository's name), the one of the
newest commit date is kept and the other counted as superseded: a fleet directory that kept
an older commit's report after `--resume` merges to the current state.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.bounded_read import NotRead, read_regular
from auditor.fleet_model import (
    FailingRule,
    FleetRepository,
    FleetSummary,
    LanguageSummary,
    NotAudited,
)
from auditor.model import Category
from auditor.report_document import ReportDocumentError, parse
from auditor.structured_text import MalformedDocument, load_json

MAX_REPORT_BYTES = 64 * 1024 * 1024
LEVELS = range(1, 6)
COMMIT_SUFFIX = re.compile(r"-[0-9a-f]{7,40}$")


@dataclass(frozen=True, slots=True)
class _Read:
    key: str
    repository: FleetRepository
    gains: Mapping[str, tuple[str, str, str, float]]
    """Failing rule id -> (title, severity, category, gain)."""


def merge(paths: Sequence[Path], links_from: Path | None = None) -> FleetSummary:
    """The fleet summary of the reports at `paths`; ReportDocumentError for a file that is
    not a readable auditor report (or fleet listing). Each repository's HTML report, when one
    sits beside its JSON report, is linked relative to the directory `links_from` (where the
    dashboard is written; the current directory when None)."""
    reads: list[_Read] = []
    not_audited: list[NotAudited] = []
    for path in sorted(set(paths), key=str):
        document = _load(path)
        if isinstance(document, dict) and "failing_rules" in document:
            continue  # a dashboard merge wrote (`-o fleet.json`): its inputs are given too
        if isinstance(document, dict) and "repositories" in document and "score" not in document:
            not_audited += _failed(document, path)
        else:
            reads.append(_read(path, document, links_from or Path.cwd()))
    kept: dict[str, _Read] = {}
    for read in sorted(reads, key=_newest_last):
        kept[read.key] = read
    chosen = sorted(kept.values(), key=lambda r: (-r.repository.score, r.repository.name, r.key))
    repositories = tuple(r.repository for r in chosen)
    return FleetSummary(
        repositories=repositories,
        levels=_levels(r.level for r in repositories),
        failing_rules=_failing_rules(chosen),
        languages=_languages(repositories),
        not_audited=tuple(sorted(set(not_audited), key=lambda n: (n.path, n.reason))),
        categories=tuple(c.value for c in Category),
        superseded=len(reads) - len(kept),
    )


def _load(path: Path) -> Any:
    try:
        raw = read_regular(path, MAX_REPORT_BYTES)
    except (OSError, NotRead) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ReportDocumentError(f"{path}: cannot read the report: {reason}") from None
    try:
        return load_json(raw)
    except MalformedDocument as error:
        raise ReportDocumentError(f"{path}: not valid JSON: {error}") from None


def _read(path: Path, document: Any, links_from: Path) -> _Read:
    try:
        parsed = parse(document)
        facts = document.get("facts") or {}
        categories = {c["id"]: c.get("score") for c in document["categories"]}
        gains = {
            str(rule["id"]): (
                str(rule["title"]),
                str(rule["severity"]),
                str(rule["category"]),
                float(rule.get("gain") or 0.0),
            )
            for rule in document["rules"]
            if rule.get("status") == "fail"
        }
        packages = Counter(int(level) for _, level in parsed.packages.values())
    except ReportDocumentError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ReportDocumentError(f"{path}: not an auditor JSON report: {error}") from None
    html = path.with_suffix(".html")
    language = facts.get("primary_language") if isinstance(facts, dict) else None
    repository = FleetRepository(
        name=parsed.repository.name,
        commit=parsed.repository.commit,
        commit_date=_text(document["repository"].get("commit_date")),
        score=parsed.score,
        level=parsed.level,
        categories=tuple((c.value, _number(categories.get(c.value))) for c in Category),
        primary_language=language if isinstance(language, str) else None,
        packages=len(parsed.packages),
        packages_at_level=tuple(sorted(packages.items())),
        failing=tuple(sorted(gains)),
        report=path.name,
        html=_relative(html, links_from) if html.is_file() else None,
        tool_version=parsed.tool_version,
    )
    stem = COMMIT_SUFFIX.sub("", path.stem) if COMMIT_SUFFIX.search(path.stem) else None
    return _Read(stem or parsed.repository.name, repository, gains)


def _failed(document: Mapping[str, Any], path: Path) -> list[NotAudited]:
    entries = document.get("repositories")
    if not isinstance(entries, list):
        raise ReportDocumentError(f"{path}: not a fleet listing: repositories is not a list")
    return [
        NotAudited(str(e.get("path")), str(e.get("error")))
        for e in entries
        if isinstance(e, dict) and e.get("error")
    ]


def _newest_last(read: _Read) -> tuple[str, str, str]:
    return (read.key, read.repository.commit_date or "", read.repository.commit or "")


def _levels(levels: Iterable[int]) -> tuple[tuple[int, int], ...]:
    counts = Counter(levels)
    return tuple((level, counts.get(level, 0)) for level in LEVELS)


def _failing_rules(reads: Sequence[_Read]) -> tuple[FailingRule, ...]:
    counts: Counter[str] = Counter()
    points: dict[str, float] = defaultdict(float)
    described: dict[str, tuple[str, str, str]] = {}
    for read in reads:
        for rule_id, (title, severity, category, gain) in read.gains.items():
            counts[rule_id] += 1
            points[rule_id] += gain
            described.setdefault(rule_id, (title, severity, category))
    rules = [
        FailingRule(rule_id, *described[rule_id], counts[rule_id], round(points[rule_id], 2))
        for rule_id in counts
    ]
    return tuple(sorted(rules, key=lambda r: (-r.repositories, -r.points, r.id)))


def _languages(repositories: Sequence[FleetRepository]) -> tuple[LanguageSummary, ...]:
    grouped: dict[str, list[FleetRepository]] = defaultdict(list)
    for repository in repositories:
        grouped[repository.primary_language or "none"].append(repository)
    summaries = [
        LanguageSummary(
            language,
            len(members),
            round(sum(r.score for r in members) / len(members), 1),
            _levels(r.level for r in members),
        )
        for language, members in grouped.items()
    ]
    return tuple(sorted(summaries, key=lambda s: (-s.repositories, -s.mean_score, s.language)))


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
