"""A commit's audit, kept in the cache: pull-request mode's merge base is audited once.

A commit never changes, so what pull-request mode needs of its audit (score, level, failing
rules, findings, and the facts that tell which files are CI, instructions, ...) is kept under
a key of the commit, the audited directory, the rule set (`rules_digest`), the config that
shapes discovery and the tool's version: the first pull-request run against a base commit
audits it from git objects, later ones (a CI cache kept across pushes, the pre-commit hook
between commits) read it here. A plain audit records nothing: telling that the work tree is
exactly a commit would mean reading every file a second time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.baseline import entry, failing_rules
from auditor.config import Config
from auditor.index.cache_store import read_cache_file, write_cache_file
from auditor.index.syntax import PARSER_VERSION
from auditor.model import BaselineEntry, Docs, Report, ReportFacts

VERSION = "base-1"


@dataclass(frozen=True, slots=True)
class Side:
    """What pull-request mode compares with: one commit's audit, in brief."""

    score: float
    level: int
    failing_rules: tuple[str, ...]
    findings: tuple[BaselineEntry, ...]
    facts: ReportFacts


def side_of(report: Report) -> Side:
    """The brief of `report` (suppressed findings left out, as in a baseline)."""
    facts = report.facts
    return Side(
        score=report.score.score,
        level=report.score.level,
        failing_rules=failing_rules(report),
        findings=tuple(entry(f) for f in report.findings if f.suppressed is None),
        facts=ReportFacts(
            ci_files=facts.ci_files,
            instruction_files=facts.instruction_files,
            lockfiles=facts.lockfiles,
            docs=facts.docs,
            dev_environment=facts.dev_environment,
            env_example=facts.env_example,
        ),
    )


def key(commit: str, within: str, config: Config, digest: str) -> str:
    """The cache key of `commit`'s audit under this rule set and config."""
    shaping = [commit, within, digest, list(config.exclude), config.default_excludes,
               config.profile, __version__, PARSER_VERSION]  # fmt: skip
    return hashlib.blake2b(json.dumps(shaping).encode(), digest_size=16).hexdigest()


def load(cache_dir: Path | None, name: str) -> Side | None:
    """The kept side of `name`, None when there is none (or it is malformed)."""
    if cache_dir is None:
        return None
    kept = read_cache_file(cache_dir / "bases" / f"{name}.json", VERSION)
    try:
        return _decoded(kept) if kept is not None else None
    except (KeyError, TypeError, ValueError):
        return None


def save(cache_dir: Path | None, name: str, side: Side) -> None:
    if cache_dir is None:
        return
    docs = {n: getattr(side.facts.docs, n) for n in Docs.__slots__}
    files = {
        "score": side.score,
        "level": side.level,
        "failing_rules": list(side.failing_rules),
        "findings": [[e.fingerprint, e.rule, e.path, e.message] for e in side.findings],
        "facts": {
            "ci_files": list(side.facts.ci_files),
            "instruction_files": list(side.facts.instruction_files),
            "lockfiles": list(side.facts.lockfiles),
            "dev_environment": list(side.facts.dev_environment),
            "env_example": side.facts.env_example,
            "docs": docs,
        },
    }
    write_cache_file(cache_dir / "bases" / f"{name}.json", {"version": VERSION, "files": files})


def _decoded(kept: dict[str, Any]) -> Side:
    facts = kept["facts"]

    def strings(name: str) -> tuple[str, ...]:
        return tuple(str(v) for v in facts[name])

    return Side(
        score=float(kept["score"]),
        level=int(kept["level"]),
        failing_rules=tuple(str(r) for r in kept["failing_rules"]),
        findings=tuple(
            BaselineEntry(str(f), str(r), p if isinstance(p, str) else None, str(m))
            for f, r, p, m in kept["findings"]
        ),
        facts=ReportFacts(
            ci_files=strings("ci_files"),
            instruction_files=strings("instruction_files"),
            lockfiles=strings("lockfiles"),
            dev_environment=strings("dev_environment"),
            env_example=facts["env_example"] if isinstance(facts["env_example"], str) else None,
            docs=Docs(
                **{
                    n: v if isinstance(v, str) else None
                    for n, v in facts["docs"].items()
                    if n in Docs.__slots__
                }
            ),
        ),
    )
