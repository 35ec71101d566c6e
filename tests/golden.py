"""Golden files: one small file per report, with the rules' prose replaced by references to it."""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import escape
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from syrupy.location import PyTestLocation
from syrupy.types import SnapshotIndex

from auditor.registry import load_rules
from auditor_reports.html_filters import code_spans

PROSE = ("rationale", "fix", "fix_prompt")
"""Rule fields whose text is golden once, in docs/rules/<ID>.md, not in every report."""
ASSETS = ("report.css", "report.js")
"""Files the HTML report inlines: golden as themselves, not in every report."""


class GoldenFile(SingleFileSnapshotExtension):
    """A snapshot stored as `__snapshots__/<test module>/<name>`, named by the test's `name=`."""

    _write_mode = WriteMode.TEXT

    @classmethod
    def get_snapshot_name(cls, *, test_location: PyTestLocation, index: SnapshotIndex = 0) -> str:
        return str(index)


@cache
def golden(suffix: str) -> type[GoldenFile]:
    """The golden-file extension for files ending in `.suffix`."""
    return type(f"Golden_{suffix}", (GoldenFile,), {"file_extension": suffix})


@cache
def _prose() -> tuple[tuple[str, str], ...]:
    """(text as a renderer may write it, its reference), longest text first."""
    pairs: dict[str, str] = {}
    for rule in load_rules():
        for field in (*PROSE, "evidence"):
            text = rule.evidence.source if field == "evidence" else getattr(rule, field)
            if len(text) < 40:
                continue
            for variant in _spellings(text):
                pairs.setdefault(variant, f"[{rule.id}.{field}]")
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))


def _spellings(text: str) -> set[str]:
    escaped = {text, str(escape(text)), html.escape(text, quote=False), str(code_spans(text))}
    return escaped | {json.dumps(t, ensure_ascii=a)[1:-1] for t in escaped for a in (True, False)}


@cache
def _assets() -> tuple[tuple[str, str], ...]:
    """The HTML report's inlined stylesheet and script, and their references."""
    templates = resources.files("auditor_reports") / "templates"
    return tuple(
        ((templates / name).read_text("utf-8").strip(), f"[auditor_reports/templates/{name}]")
        for name in ASSETS
    )


def without_prose(output: Any) -> str:
    """`output` with every rule's prose and the HTML assets replaced by references to them."""
    text = str(output)
    for spelling, reference in (*_assets(), *_prose()):
        text = text.replace(spelling, reference)
    return text
