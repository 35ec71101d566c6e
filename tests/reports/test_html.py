"""The HTML report: golden pages, escaping, self-containment, structure that works without JS."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from auditor import registry
from auditor.cli import run
from auditor.model import (
    Category,
    Finding,
    Grade,
    NextLevel,
    PackageReport,
    RenderOptions,
    Report,
    Repository,
    Severity,
)
from auditor_reports import html
from auditor_reports.html_filters import breakable_path, code_spans
from auditor_reports.html_view import next_step, package_of, points
from tests.reports.sample import sample_report, tidy_report

HOSTILE = "<script>window.pwned = 1</script>"


class HTMLSnapshot(SingleFileSnapshotExtension):
    """A golden HTML report: one `.html` file per snapshot, byte for byte."""

    _write_mode = WriteMode.TEXT
    file_extension = "html"


class Page(HTMLParser):
    """The parts of a page the tests look at: tags, ids, labels, form controls, script text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.ids: Counter[str] = Counter()
        self.labelled: set[str] = set()
        self.controls: list[str] = []
        self.attributes: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags[tag] += 1
        self.attributes.append((tag, values))
        if values.get("id"):
            self.ids[str(values["id"])] += 1
        if tag == "label" and values.get("for"):
            self.labelled.add(str(values["for"]))
        if tag in ("select", "input"):
            self.controls.append(str(values.get("id")))


def hostile_finding() -> Finding:
    """A finding whose every text field tries to break out of the page."""
    return Finding(
        rule="SAF001",
        severity=Severity.CRITICAL,
        category=Category.SAFETY,
        message=f'{HOSTILE} `<img src=x onerror=alert(1)>` & "quotes"',
        path='src/"><svg onload=alert(1)>.py',
        line=3,
        fingerprint="f",
        fix="</dd></dl><script>window.pwned = 2</script>",
        fix_prompt="</pre><script>window.pwned = 3</script>{{ 7 * 7 }}",
        evidence=Grade.STRONG,
    )


@pytest.fixture
def html_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(HTMLSnapshot)


@pytest.mark.parametrize("build", [sample_report, tidy_report], ids=["sample", "tidy"])
def test_matches_snapshot(build: object, html_snapshot: SnapshotAssertion) -> None:
    assert callable(build)
    assert html.render(build(), RenderOptions(verbosity=1)) == html_snapshot


def test_is_byte_stable() -> None:
    first = html.render(sample_report(), RenderOptions())
    assert first == html.render(sample_report(), RenderOptions())
    assert first.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert first.endswith("</html>\n")


def test_is_registered_as_the_html_format() -> None:
    assert registry.load_renderers().get("html") is html.render


def test_audit_writes_the_html_report_the_extension_asks_for(
    make_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"README.md": "# tiny\n", "main.py": "print('hi')\n"})
    target = tmp_path / "out" / "report.html"
    assert run(["audit", str(root), "-q", "-o", str(target), "--no-cache"]) == 0
    first = target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert run(["audit", str(root), "--format", "html", "--no-cache"]) == 0
    assert capsys.readouterr().out == first
    assert first.startswith("<!DOCTYPE html>") and 'id="findings-table"' in first


@pytest.mark.parametrize("build", [sample_report, tidy_report], ids=["sample", "tidy"])
def test_is_self_contained(build: object) -> None:
    assert callable(build)
    text = html.render(build(), RenderOptions())
    page = Page(text)
    assert page.tags["link"] == 0 and page.tags["img"] == 0 and page.tags["iframe"] == 0
    assert page.tags["style"] == 1 and page.tags["script"] == 1
    assert not [values for _, values in page.attributes if "src" in values or "srcset" in values]
    assert not re.search(r"@import|url\(|https?://", text)


def test_report_text_is_escaped_and_inert() -> None:
    finding = hostile_finding()
    report: Report = dataclasses.replace(
        sample_report(),
        findings=(finding,),
        repository=Repository("<b>repo</b>", "<i>c</i>"),
        packages=(PackageReport('<a href="x">', 50.0, 1, {}, ("<u>",)),),
    )
    text = html.render(report, RenderOptions())
    for raw in (HOSTILE, "<script>window", "<img src=x", "<svg onload", "<b>repo", "</pre><script"):
        assert raw not in text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in text
    assert "<code>&lt;img src=x onerror=alert(1)&gt;</code>" in text
    assert "{{ 7 * 7 }}" in text and "49" not in text
    assert "&lt;b&gt;repo&lt;/b&gt;" in text
    page = Page(text)
    assert page.tags["script"] == 1 and page.tags["svg"] == 1 and page.tags["b"] == 0


def test_ids_are_unique_and_controls_labelled() -> None:
    page = Page(html.render(sample_report(), RenderOptions()))
    assert [name for name, count in page.ids.items() if count > 1] == []
    assert page.controls and set(page.controls) <= page.labelled
    assert {f"rule-{rule.id}" for rule in sample_report().score.rules} <= set(page.ids)


def test_enhancements_are_hidden_until_javascript_shows_them() -> None:
    page = Page(html.render(sample_report(), RenderOptions()))
    forms = [values for tag, values in page.attributes if tag == "form"]
    assert forms and all("hidden" in values for values in forms)
    copies = [values for tag, values in page.attributes if "data-copy" in values]
    assert copies and all(tag_values.get("type") == "button" for tag_values in copies)
    assert all("hidden" in values for values in copies)


def test_every_finding_has_its_details() -> None:
    report = sample_report()
    text = html.render(report, RenderOptions())
    assert text.count('<tbody id="finding-') == len(report.findings)
    assert text.count('<tr class="detail-row"><td colspan="5">') == len(report.findings)
    for finding in report.findings:
        assert f'data-rule="{finding.rule}"' in text
    assert text.index('data-severity="critical"') < text.index('data-severity="medium"')
    assert text.index('data-severity="medium"') < text.index('data-severity="low"')


def test_summary_says_what_matters() -> None:
    text = html.render(sample_report(), RenderOptions(top=2))
    assert '<span class="score-value">65.6</span>' in text
    assert "Level <strong>3</strong> of 5" in text
    assert "Level 4 needs 4 of these 7 rules to pass:" in text
    assert text.count('<li class="fix">') == 2
    assert "1 of 2 packages at level 3 or above" in text
    assert "RecursionError: maximum recursion depth exceeded" in text
    assert "no release tags or version files" in text
    assert "data/fixtures/big_dump.sql" in text


def test_tidy_report_says_what_is_absent() -> None:
    text = html.render(tidy_report(), RenderOptions())
    assert "Level 5 is the top level: keep it there." in text
    assert "No rule found a problem." in text
    assert "Every file was read." in text
    assert "No rule errored." in text
    assert 'id="packages"' not in text


def test_the_test_command_says_where_it_came_from() -> None:
    text = html.render(sample_report(), RenderOptions())
    assert "from CONTRIBUTING.md:42, documented; also: make test" in text


def test_next_step_sentences() -> None:
    titles = {"A": "Alpha"}
    assert next_step(None, titles) is None
    one = next_step(NextLevel(2, ("A",), 1), titles)
    assert one is not None and one.sentence == "Level 2 needs this rule to pass:"
    assert one.rules[0].title == "Alpha"
    some = next_step(NextLevel(3, ("A", "B", "C"), 2), titles)
    assert some is not None and some.sentence == "Level 3 needs 2 of these 3 rules to pass:"
    none = next_step(NextLevel(4, (), 0), titles)
    assert none is not None and none.sentence == "Level 4 is next." and none.rules == ()


def test_findings_belong_to_the_deepest_package() -> None:
    packages = ["packages/api", "packages/api/plugins", "web"]
    assert package_of("packages/api/plugins/x.py", packages) == "packages/api/plugins"
    assert package_of("packages/api/x.py", packages) == "packages/api"
    assert package_of("packages/apix/x.py", packages) == "(root)"
    assert package_of("web", packages) == "web"
    assert package_of(None, packages) == "(root)"


def test_filters_escape_before_marking_up() -> None:
    assert code_spans("run `a<b` now") == "run <code>a&lt;b</code> now"
    assert code_spans("one ` tick <i>") == "one ` tick &lt;i&gt;"
    assert code_spans("`a` and `b") == "<code>a</code> and `b"
    assert breakable_path("a/<b>/c.py") == "a/<wbr>&lt;b&gt;/<wbr>c.py"
    assert points(-0.04) == "0.0" and points(65.64) == "65.6" and points(100) == "100.0"


def test_findings_show_their_rule_rationale_and_evidence_source() -> None:
    report = sample_report()
    rules = tuple(
        dataclasses.replace(rule, rationale="Agents <guess> `secrets`.", evidence_source="OWASP")
        if rule.id == "SAF001"
        else rule
        for rule in report.score.rules
    )
    score = dataclasses.replace(report.score, rules=rules)
    text = html.render(dataclasses.replace(report, score=score), RenderOptions())
    assert "<dt>Why it matters</dt><dd>Agents &lt;guess&gt; <code>secrets</code>.</dd>" in text
    assert "<dt>Evidence</dt><dd>strong — OWASP</dd>" in text


def test_long_fact_lists_fold_behind_a_disclosure() -> None:
    dirs = tuple(f"pkg{n}/tests" for n in range(20))
    facts = dataclasses.replace(sample_report().facts, test_dirs=dirs)
    text = html.render(dataclasses.replace(sample_report(), facts=facts), RenderOptions())
    assert '<details class="more"><summary>12 more</summary><code>pkg8/tests</code>' in text
