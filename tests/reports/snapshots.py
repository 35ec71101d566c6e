"""Syrupy extensions that store each golden report as its own readable file."""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class TextSnapshot(SingleFileSnapshotExtension):
    """A golden terminal report: one `.txt` file per snapshot, exactly as printed."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class JSONSnapshot(SingleFileSnapshotExtension):
    """A golden JSON report: one `.json` file per snapshot, byte for byte."""

    _write_mode = WriteMode.TEXT
    file_extension = "json"
