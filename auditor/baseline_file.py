"""The baseline file (`.auditor-baseline.json`): written sorted and small, read back checked.

The file records the findings (fingerprint, rule, path, message), the score, the level and
the failing rules of one audit. It holds no line numbers, timestamps or tool version, so it
changes only when the findings do, and a reviewer reads its diff as "these were fixed, these
were accepted". Its shape is `auditor/schemas/baseline.schema.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.baseline import entry, failing_rules
from auditor.errors import UsageError
from auditor.model import BaselineEntry, Report
from auditor.structured_text import MalformedDocument, load_json

DEFAULT_NAME = ".auditor-baseline.json"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
"""A baseline larger than this is refused rather than read: no real one comes near it."""


class BaselineError(UsageError):
    """A baseline that is missing or malformed: exit 2, one line naming the file."""


@dataclass(frozen=True, slots=True)
class Baseline:
    """What a baseline file records."""

    score: float
    level: int
    failing_rules: tuple[str, ...]
    findings: tuple[BaselineEntry, ...]


def of_report(report: Report) -> Baseline:
    """The baseline that records `report` (suppressed findings left out: they are not debt)."""
    return Baseline(
        score=report.score.score,
        level=report.score.level,
        failing_rules=failing_rules(report),
        findings=tuple(
            sorted(
                (entry(f) for f in report.findings if f.suppressed is None),
                key=BaselineEntry.sort_key,
            )
        ),
    )


def dumps(baseline: Baseline) -> str:
    """The file's text: keys and findings sorted, one finding per few lines, a final newline."""
    document = {
        "baseline_version": VERSION,
        "score": baseline.score,
        "level": baseline.level,
        "failing_rules": sorted(baseline.failing_rules),
        "findings": [
            {"fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "message": e.message}
            for e in sorted(baseline.findings, key=BaselineEntry.sort_key)
        ],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read(path: Path) -> Baseline:
    """The baseline in `path`, or a BaselineError saying in one line what is wrong."""
    try:
        with path.open("rb") as source:
            raw = source.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline; record one with `auditor baseline -o {path}`"
        ) from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise BaselineError(f"{path}: larger than {MAX_BYTES // 2**20} MiB; not a baseline")
    try:
        document = load_json(raw)
    except MalformedDocument as error:
        raise BaselineError(f"{path}: not valid JSON: {error}") from None
    problem = _problem(document)
    if problem is not None:
        raise BaselineError(f"{path}: not an auditor baseline: {problem}")
    return Baseline(
        score=float(document["score"]),
        level=int(document["level"]),
        failing_rules=tuple(document["failing_rules"]),
        findings=tuple(
            BaselineEntry(f["fingerprint"], f["rule"], f["path"], f["message"])
            for f in document["findings"]
        ),
    )


def _problem(document: Any) -> str | None:
    """The first way `document` breaks the schema, in a few words; None when it fits."""
    import jsonschema  # only a run given a baseline pays for the import

    error = jsonschema.exceptions.best_match(_validator().iter_errors(document))
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path)
    message = error.message if len(error.message) <= 120 else error.message[:119] + "…"
    return f"{where}: {message}" if where else message


@cache
def _validator() -> Any:
    import jsonschema

    text = resources.files("auditor").joinpath("schemas/baseline.schema.json").read_text()
    schema = json.loads(text)
    return jsonschema.Draft202012Validator(schema)
