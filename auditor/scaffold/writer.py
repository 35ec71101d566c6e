"""Writing a plan: inside the root, never through a link, never over a file that is not ours.

A planned file is written (atomically, `auditor.safe_write`) when it does not exist, or when
it is an unchanged scaffold of ours (`marker.GENERATED`); it is `unchanged` when the disk
already holds its text. A scaffold edited by hand, or a file the auditor did not write, is
refused without `--force`. A file the plan appends to (`pyproject.toml`) must still hold the
text the plan was made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor.index.limits import MAX_SCAN_BYTES
from auditor.safe_write import WriteRefused, read_current, scaffold_target, write_text
from auditor.scaffold.marker import EDITED, FOREIGN, ownership
from auditor.scaffold.plan import PlannedFile

REFUSALS = {
    EDITED: "edited by hand since the auditor wrote it; --force overwrites it",
    FOREIGN: "not written by the auditor; --force overwrites it",
}


@dataclass(frozen=True, slots=True)
class Written:
    """What happened to one planned file: wrote, unchanged or refused, and why."""

    path: str
    action: str
    reason: str = ""


def write_plan(root: Path, files: list[PlannedFile], force: bool) -> list[Written]:
    return [_write(root, planned, force) for planned in files]


def _write(root: Path, planned: PlannedFile, force: bool) -> Written:
    path = planned.path
    try:
        target = scaffold_target(root, path)
        data = read_current(target, MAX_SCAN_BYTES, path)
        if data is not None:
            if data == planned.content.encode("utf-8"):
                return Written(path, "unchanged")
            problem = _problem(data, planned, force)
            if problem:
                return Written(path, "refused", problem)
        write_text(target, planned.content, path)
    except WriteRefused as refused:
        return Written(path, "refused", str(refused).removeprefix(f"{path}: "))
    return Written(path, "wrote")


def _problem(data: bytes, planned: PlannedFile, force: bool) -> str:
    """Why the file on disk may not be replaced by the plan ("" when it may)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not valid UTF-8; the auditor will not overwrite it"
    if planned.appends:
        return "" if text == planned.current else "changed while the auditor ran; run it again"
    kind = ownership(text)
    return "" if force or kind not in REFUSALS else REFUSALS[kind]
