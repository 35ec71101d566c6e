"""The fleet dashboard in headless Chromium: no errors or requests, sorting, filtering, links.

Like the report's browser test it drives Debian's `chromium` (or `AUDITOR_CHROMIUM`) through
Playwright, but never skips: a browser that is missing or does not start fails the test, so
a green run means the dashboard was really clicked through.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from auditor.cli import run
from tests.fleet_repos import audited_fleet
from tests.reports.test_html_browser import LAUNCH_ARGS

ROWS = "#fleet-table tbody tr:not([hidden])"
pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])


def _chromium() -> str:
    chosen = os.environ.get("AUDITOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chosen).is_file(), f"no Chromium at {chosen}: apt-get install -y chromium"
    return chosen


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out, _ = audited_fleet(tmp_path_factory.mktemp("dashboard"))
    reports = [str(p) for p in sorted(out.glob("*.json"))]
    assert run(["merge", *reports, "-o", str(out / "fleet.html")]) == 0
    return (out / "fleet.html").as_uri(), out


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),
            executable_path=_chromium(),
            args=LAUNCH_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
        )
        yield browser
        browser.close()


@pytest.fixture
def page(context: Any, dashboard: tuple[str, Path]) -> Iterator[Any]:
    loaded = context.new_page()
    loaded.errors = []
    loaded.requests = []
    loaded.on("console", lambda m: loaded.errors.append(m.text) if m.type == "error" else None)
    loaded.on("pageerror", lambda error: loaded.errors.append(str(error)))
    loaded.on("request", lambda request: loaded.requests.append(request.url))
    loaded.goto(dashboard[0])
    yield loaded
    loaded.close()


def _column(page: Any, key: str) -> list[str]:
    return page.eval_on_selector_all(ROWS, f"rows => rows.map(row => row.dataset.{key})")


def test_the_dashboard_loads_alone_best_first(page: Any, dashboard: tuple[str, Path]) -> None:
    page.wait_for_load_state("load")
    assert page.errors == [] and page.requests == [dashboard[0]]
    scores = [float(s) for s in _column(page, "score")]
    assert len(scores) == 20 and scores == sorted(scores, reverse=True)
    assert _column(page, "name")[0].startswith("q8-go")
    bars = page.eval_on_selector_all(".level-bar", "bars => bars.map(b => b.dataset.count)")
    assert bars == ["8", "12", "0", "0", "0"]
    assert page.locator("#failing-table tbody tr").count() == 15


def test_headers_sort_the_table(page: Any) -> None:
    page.click("#fleet-table th[data-key=level] button")  # numbers: the largest first
    levels = _column(page, "level")
    assert levels == sorted(levels, reverse=True) and levels[0] != levels[-1]
    page.click("#fleet-table th[data-key=score] button")
    page.click("#fleet-table th[data-key=score] button")  # a second click turns it around
    ascending = [float(s) for s in _column(page, "score")]
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    assert page.get_attribute("#fleet-table th[data-key=score]", "aria-sort") == "ascending"
    page.click("#fleet-table th[data-key=name] button")
    names = _column(page, "name")
    assert names == sorted(names)
    page.click("#fleet-table th[data-key=cat-instructions] button")
    column = [float(s) for s in _column(page, "catInstructions")]
    assert column == sorted(column, reverse=True) and column[0] > column[-1]


def test_filters_hide_the_other_rows(page: Any) -> None:
    page.select_option("#filter-language", "go")
    assert set(_column(page, "language")) == {"go"} and len(_column(page, "language")) == 6
    assert page.text_content("#repositories-count") == "Showing 6 of 20 repositories"
    page.select_option("#filter-level", "1")
    assert _column(page, "level") == ["1", "1"]
    page.select_option("#filter-language", "")
    page.select_option("#filter-level", "")
    page.fill("#filter-q", "q3-")
    assert sorted(_column(page, "name")) == ["q3-javascript-13", "q3-python-03"]
    page.fill("#filter-q", "no-such-repository")
    assert _column(page, "name") == [] and page.locator("#repositories-empty").is_visible()


def test_a_name_links_to_the_repository_report(page: Any, dashboard: tuple[str, Path]) -> None:
    first = page.locator("#fleet-table tbody tr").first
    href = first.locator("a").get_attribute("href")
    assert href and (dashboard[1] / href).is_file()
    first.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(href) and "Agent-readiness report" in page.content()
