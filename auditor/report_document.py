"""Reading a JSON report back: the parts a comparison needs, checked, as model values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.bounded_read import NotRead, read_regular
from auditor.errors import UsageError
from auditor.model import (
    SCHEMA_VERSION,
    Category,
    Finding,
    Grade,
    Repository,
    Severity,
    Status,
    Unjudged,
)
from auditor.structured_text import MalformedDocument, load_json

MAX_REPORT_BYTES = 256 * 1024 * 1024
"""A report file larger than this is refused before it is read (a fleet's report is far smaller;
a FIFO or /dev/zero given as a report would otherwise be read without end)."""


class ReportDocumentError(UsageError):
    """A file is not a JSON report this version can read (exit 2, one line)."""


class SchemaVersionError(ValueError):
    """A report of another major schema_version: its shape may differ in any way."""


@dataclass(frozen=True, slots=True)
class RuleStatus:
    id: str
    title: str
    severity: Severity
    status: Status


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """What a JSON report says, typed: enough to compare two audits."""

    repository: Repository
    tool_version: str
    score: float
    level: int
    categories: Mapping[Category, float | None]
    rules: Mapping[str, RuleStatus]
    findings: tuple[Finding, ...]
    packages: Mapping[str, tuple[float, int]]
    unjudged: tuple[Unjudged, ...] = ()
    """The rules the audit could not judge in full (schema 1.1; none in a 1.0 report)."""


def read(path: Path) -> ReportDocument:
    """The report in `path`, or a ReportDocumentError naming the file and what is wrong."""
    try:
        raw = read_regular(path, MAX_REPORT_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError, NotRead) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error) or "not UTF-8 text"
        if isinstance(error, UnicodeDecodeError):
            reason = "not UTF-8 text"
        raise ReportDocumentError(f"{path}: cannot read the report: {reason}") from None
    try:
        document = load_json(raw)
    except MalformedDocument as error:
        raise ReportDocumentError(f"{path}: not valid JSON: {error}") from None
    try:
        return parse(document)
    except SchemaVersionError as error:
        raise ReportDocumentError(f"{path}: {error}") from None
    except (KeyError, TypeError, ValueError) as error:
        raise ReportDocumentError(f"{path}: not an auditor JSON report: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing key {error.args[0]!r}"
    return str(error)


def parse(document: Any) -> ReportDocument:
    """`document` (parsed JSON) as a ReportDocument; KeyError, TypeError or ValueError (a
    SchemaVersionError for another major schema_version) when it is not one."""
    if not isinstance(document, dict):
        raise TypeError("the top level is not an object")
    _check_version(document.get("schema_version"))
    repository = _object(document["repository"], "repository")
    tool = _object(document["tool"], "tool")
    return ReportDocument(
        repository=Repository(str(repository["name"]), _optional_str(repository["commit"])),
        tool_version=str(tool["version"]),
        score=_number(document["score"], "score"),
        level=_integer(document["level"], "level"),
        categories={
            Category(c["id"]): _optional_number(c["score"], "categories[].score")
            for c in _objects(document["categories"], "categories")
        },
        rules={rule.id: rule for rule in map(_rule, _objects(document["rules"], "rules"))},
        findings=tuple(_finding(f) for f in _objects(document["findings"], "findings")),
        packages={
            str(p["path"]): (_number(p["score"], "packages[].score"), _integer(p["level"], "level"))
            for p in _objects(document.get("packages", []), "packages")
        },
        unjudged=tuple(_unjudged(u) for u in _objects(document.get("unjudged", []), "unjudged")),
    )


def _unjudged(entry: Mapping[str, Any]) -> Unjudged:
    if not isinstance(entry["rule"], str):
        raise ValueError("unjudged[].rule is not a string")
    return Unjudged(
        rule=entry["rule"],
        severity=Severity(entry["severity"]),
        reason=str(entry["reason"]),
        path=_optional_str(entry.get("path")),
    )


def _check_version(version: Any) -> None:
    if not isinstance(version, str) or not version:
        raise ValueError("no schema_version")
    major = SCHEMA_VERSION.split(".")[0]
    if version.split(".")[0] != major:
        raise SchemaVersionError(
            f"report schema_version {version} is not readable by this auditor "
            f"(reads {major}.x); re-run the audit with this version"
        )


def _rule(rule: Mapping[str, Any]) -> RuleStatus:
    if not isinstance(rule["id"], str):
        raise ValueError("rules[].id is not a string")
    return RuleStatus(
        id=rule["id"],
        title=str(rule["title"]),
        severity=Severity(rule["severity"]),
        status=Status(rule["status"]),
    )


def _finding(finding: Mapping[str, Any]) -> Finding:
    line = finding.get("line")
    return Finding(
        rule=str(finding["rule"]),
        severity=Severity(finding["severity"]),
        category=Category(finding["category"]),
        message=str(finding["message"]),
        path=_optional_str(finding.get("path")),
        line=line if isinstance(line, int) and not isinstance(line, bool) else None,
        fingerprint=str(finding["fingerprint"]),
        fix=str(finding.get("fix", "")),
        fix_prompt=str(finding.get("fix_prompt", "")),
        evidence=Grade(finding.get("evidence", Grade.CONVENTION.value)),
    )


def _object(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{name} is not an object")
    return value


def _objects(value: Any, name: str) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        raise TypeError(f"{name} is not a list")
    return [_object(item, f"an item of {name}") for item in value]


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} is not a number")
    return float(value)


def _optional_number(value: Any, name: str) -> float | None:
    return None if value is None else _number(value, name)


def _integer(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} is not an integer")
    return value


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
