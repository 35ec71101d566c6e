"""The Markdown report of a hostile repository, parsed as GitHub would: nothing breaks out."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from auditor import registry
from auditor.api import audit
from auditor.model import RenderOptions, Report, visible
from auditor_reports.rule_docs import PROJECT_URL
from tests.hostile.output_repo import HOSTILE_NAMES, build, raw_controls

pytestmark = pytest.mark.skipif(os.name == "nt", reason="control characters in file names")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return audit(build(tmp_path_factory.mktemp("hostile-md") / "repo"))


@pytest.fixture(scope="module")
def markdown(report: Report) -> str:
    return registry.load_renderers().get("markdown")(report, RenderOptions(verbosity=1))


@pytest.fixture(scope="module")
def tokens(markdown: str) -> list[Token]:
    return list(_flat(MarkdownIt("commonmark").enable("table").parse(markdown)))


def _flat(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _flat(token.children or [])


def test_no_control_character_reaches_the_markdown(markdown: str) -> None:
    assert raw_controls(markdown) == []


OWN_HTML = re.compile(r"(?:<details><summary>[^<>]*</summary>|</details>)\n?")
"""The only HTML the report writes: its foldable sections."""


def test_no_image_and_no_html_but_the_reports_own(tokens: list[Token]) -> None:
    assert "image" not in {token.type for token in tokens}
    html = [token.content for token in tokens if token.type in ("html_inline", "html_block")]
    assert html and all(OWN_HTML.fullmatch(content) for content in html), html


def test_every_link_is_relative_or_to_the_rule_docs(tokens: list[Token]) -> None:
    hrefs = [str(token.attrs["href"]) for token in tokens if token.type == "link_open"]
    external = [href for href in hrefs if ":" in href.split("/")[0]]
    assert external and all(href.startswith(PROJECT_URL) for href in external), external
    assert "https%3A/evil.com.py" in hrefs  # the directory named `https:` stays a path
    assert "src/sp%20ace%20%231%20%2541%20%C3%BC.py" in hrefs  # `#` is no fragment


def test_every_hostile_name_is_the_whole_label_of_its_link(tokens: list[Token]) -> None:
    """A line break or a pipe in a name would end the row or split the cell: each name is
    the whole text of one location link, in a table cell."""
    in_cell = False
    labels: list[str] = []
    for token in tokens:
        if token.type in ("td_open", "td_close"):
            in_cell = token.type == "td_open"
        elif token.type == "inline" and in_cell:
            children = token.children or []
            if children and children[0].type == "link_open":
                labels.append("".join(child.content for child in children))
    for name in HOSTILE_NAMES:
        assert visible(name) in labels, name


def test_markup_in_names_and_instruction_text_stays_text(tokens: list[Token]) -> None:
    spans = [token.content for token in tokens if token.type == "code_inline"]
    assert "odd`|dir/AGENTS.md" in spans  # an instruction file with a backtick: one code span
    texts = [token.content for token in tokens if token.type == "text"]
    assert any("![x](https://evil.example/pixel.png)" in text for text in texts)
