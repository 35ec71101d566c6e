"""The HTML report in headless Chromium: no errors, filters, sorting, copying, JS off, screenshots.

Needs Debian's `chromium` (or `AUDITOR_CHROMIUM` naming another binary) and the `playwright`
Python package (a test extra); `playwright install` is never used. Every test here is skipped,
with the reason, only when no Chromium binary is installed at all; one that is installed but
does not start fails them, as in the fleet dashboard's browser test, so a green run means the
report was really clicked through. `AUDITOR_SCREENSHOT_DIR` keeps the screenshots for a person
to look at.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api

from auditor.model import RenderOptions, Report, Severity
from auditor_reports.html import render
from tests.reports.sample import sample_report
from tests.reports.test_html import hostile_finding

LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
"""Without the networking flags Chromium's background connections fail on a closed network."""
VISIBLE_ROWS = "#findings-table tbody.finding:not([hidden])"

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])
"""The suite runs with sockets disabled; Playwright's event loop needs a socket pair, so here
sockets may be made, and may connect to this machine's loopback only."""


def chromium_path() -> str:
    """`AUDITOR_CHROMIUM` when set, else Debian's chromium; skips the module when there is none."""
    chosen = os.environ.get("AUDITOR_CHROMIUM")
    candidates = [chosen] if chosen else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    where = f"AUDITOR_CHROMIUM={chosen}" if chosen else "chromium on PATH or /usr/bin/chromium"
    pytest.skip(f"no Chromium binary at {where} (apt-get install chromium)")


@dataclasses.dataclass(frozen=True)
class Chromium:
    """A running Playwright driver and the Chromium binary it launches."""

    driver: Any
    executable: str


@pytest.fixture(scope="module")
def playwright() -> Iterator[Chromium]:
    executable = chromium_path()
    driver = sync_api.sync_playwright().start()
    yield Chromium(driver, executable)
    driver.stop()


def launch(chromium: Chromium, profile: Path, **options: Any) -> Any:
    """A fresh persistent context: its own profile directory, no network chatter."""
    try:
        return chromium.driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium.executable,
            args=LAUNCH_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 1000},
            **options,
        )
    except sync_api.Error as error:
        pytest.fail(f"Chromium at {chromium.executable} did not start: {error}", pytrace=False)


@pytest.fixture(scope="module")
def browser(playwright: Chromium, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = launch(playwright, profile, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(sample_report(), RenderOptions(verbosity=1)), encoding="utf-8")
    return path.as_uri()


class Page:
    """A loaded report page and the console errors, page errors and requests it caused."""

    def __init__(self, context: Any, url: str) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}"))
        self.page.goto(url)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console {message.type}: {message.text}")

    def visible(self, attribute: str) -> list[str]:
        return self.page.eval_on_selector_all(
            VISIBLE_ROWS, f"rows => rows.map(row => row.dataset.{attribute})"
        )


@pytest.fixture
def page(browser: Any, report_url: str) -> Iterator[Page]:
    loaded = Page(browser, report_url)
    yield loaded
    loaded.page.close()


def test_loads_without_errors_or_network(page: Page, report_url: str) -> None:
    page.page.wait_for_load_state("load")
    assert page.errors == []
    assert page.requests == [report_url]
    assert page.page.locator("#filters").is_visible()


def test_choosing_a_severity_hides_the_other_rows(page: Page) -> None:
    findings = sample_report().findings
    for severity in (Severity.CRITICAL, Severity.LOW):
        page.page.select_option("#filter-severity", severity.value)
        expected = sum(finding.severity is severity for finding in findings)
        assert page.visible("severity") == [severity.value] * expected
        assert page.page.locator("#findings-count").text_content() == (
            f"Showing {expected} of {len(findings)} findings"
        )
    page.page.select_option("#filter-severity", "")
    assert len(page.visible("severity")) == len(findings)
    assert page.errors == []


def test_filters_combine_with_search(page: Page) -> None:
    page.page.select_option("#filter-package", "packages/cli")
    assert set(page.visible("package")) == {"packages/cli"}
    page.page.fill("#filter-text", "sync")
    assert page.visible("rule") == ["NAV001"]
    page.page.fill("#filter-text", "no such finding")
    assert page.visible("rule") == []
    assert page.page.locator("#findings-empty").is_visible()


def test_severity_links_in_the_summary_filter_the_table(page: Page) -> None:
    page.page.click("a[data-severity-filter=low]")
    assert set(page.visible("severity")) == {"low"}
    assert page.page.input_value("#filter-severity") == "low"


def test_headers_sort_the_table(page: Page) -> None:
    header = page.page.locator("th[data-sort=location]")
    header.locator("button").click()
    ascending = page.visible("location")
    assert ascending == sorted(ascending, key=str)
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert page.visible("location") == sorted(ascending, key=str, reverse=True)
    page.page.locator("th[data-sort=rank] button").click()
    ranks = page.visible("rank")
    assert ranks == sorted(ranks, reverse=True), "severity sorts most severe first"
    assert page.visible("index") == sorted(page.visible("index"), key=int)


def test_copy_button_puts_the_prompt_on_the_clipboard(page: Page) -> None:
    row = page.page.locator("#finding-1")
    row.locator("summary").click()
    button = row.locator("button.copy")
    button.click()
    page.page.wait_for_function("document.getElementById('copy-status').textContent !== ''")
    assert page.page.locator("#copy-status").text_content() == "Prompt copied to the clipboard."
    expected = row.locator("pre").text_content()
    assert expected and "SAF001" in expected
    assert page.page.evaluate("navigator.clipboard.readText()") == expected
    assert page.page.evaluate("window.auditorReport.lastCopied") == expected


def test_keyboard_reaches_filters_and_sorting(page: Page) -> None:
    page.page.focus("#filter-severity")
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.id") == "filter-category"
    page.page.focus("th[data-sort=rule] button")
    page.page.keyboard.press("Enter")
    assert page.page.locator("th[data-sort=rule]").get_attribute("aria-sort") == "ascending"


def test_report_is_readable_with_javascript_off(
    playwright: Chromium, report_url: str, tmp_path: Path
) -> None:
    context = launch(playwright, tmp_path / "profile", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(report_url)
        assert not page.locator("#filters").is_visible()
        assert page.locator("#findings-table tbody").count() == len(sample_report().findings)
        assert page.locator("button.copy").first.is_hidden()
        page.locator("#finding-1 summary").click()
        assert page.locator("#finding-1 pre").is_visible()
    finally:
        context.close()


def test_hostile_text_stays_text(browser: Any, tmp_path: Path) -> None:
    report: Report = dataclasses.replace(sample_report(), findings=(hostile_finding(),))
    path = tmp_path / "hostile.html"
    path.write_text(render(report, RenderOptions()), encoding="utf-8")
    page = Page(browser, path.as_uri())
    try:
        assert page.page.evaluate("window.pwned") is None
        assert page.errors == []
        summary = page.page.locator("#finding-1 summary").text_content()
        assert summary == hostile_finding().message.replace("`", "")
    finally:
        page.page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot(playwright: Chromium, report_url: str, tmp_path: Path, scheme: str) -> None:
    """Screenshots of the top of the report and of its findings with one open, to look at."""
    context = launch(playwright, tmp_path / "profile", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(report_url)
        target = Path(os.environ.get("AUDITOR_SCREENSHOT_DIR") or tmp_path)
        target.mkdir(parents=True, exist_ok=True)
        top = target / f"html-report-{scheme}-top.png"
        page.screenshot(path=str(top))
        page.locator("#finding-1 summary").click()
        page.locator("#findings-heading").scroll_into_view_if_needed()
        page.evaluate("document.getElementById('findings').scrollIntoView()")
        findings = target / f"html-report-{scheme}-findings.png"
        page.screenshot(path=str(findings))
        for shot in (top, findings):
            assert shot.read_bytes().startswith(b"\x89PNG")
    finally:
        context.close()
