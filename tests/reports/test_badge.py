"""The badge: a deterministic, well-formed flat SVG and a shields.io endpoint document."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from auditor.model import RenderOptions, Report
from auditor_reports.badge import LEVEL_COLOURS, message, render, render_endpoint
from tests.reports.sample import sample_report, tidy_report

SVG = "{http://www.w3.org/2000/svg}"


class SVGSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "svg"


def at(score: float, level: int) -> Report:
    report = sample_report()
    return dataclasses.replace(
        report, score=dataclasses.replace(report.score, score=score, level=level)
    )


def test_svg_matches_snapshot(snapshot: SnapshotAssertion) -> None:
    assert render(sample_report(), RenderOptions()) == snapshot.use_extension(SVGSnapshot)


def test_svg_is_well_formed_and_labelled() -> None:
    svg = render(sample_report(), RenderOptions())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["agent-ready", "agent-ready", "66 · L3", "66 · L3"]
    assert root.findtext(f"{SVG}title") == "agent-ready: 66 · L3 (score 65.6 / 100, level 3 of 5)"
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_colour_follows_the_level(level: int) -> None:
    svg = render(at(50.0, level), RenderOptions())
    assert f'fill="{LEVEL_COLOURS[level]}"' in svg
    endpoint = json.loads(render_endpoint(at(50.0, level), RenderOptions()))
    assert endpoint["color"] in {"red", "orange", "yellow", "yellowgreen", "brightgreen"}


def test_message_rounds_half_up() -> None:
    assert message(at(86.5, 3)) == "87 · L3"
    assert message(at(100.0, 5)) == "100 · L5"
    assert message(at(0.0, 1)) == "0 · L1"


def test_endpoint_document() -> None:
    text = render_endpoint(tidy_report(), RenderOptions())
    assert json.loads(text) == {
        "schemaVersion": 1, "label": "agent-ready", "message": "100 · L5", "color": "brightgreen",
    }  # fmt: skip
    assert text == render_endpoint(tidy_report(), RenderOptions(verbosity=1))
    assert text.endswith("}\n")


def test_wider_message_widens_the_badge() -> None:
    narrow = ET.fromstring(render(at(5.0, 1), RenderOptions()))
    wide = ET.fromstring(render(at(100.0, 5), RenderOptions()))
    assert int(wide.get("width", "0")) > int(narrow.get("width", "0"))
