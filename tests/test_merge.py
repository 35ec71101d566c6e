"""`auditor merge`: reports into the fleet dashboard, purely; ranking, levels, rules, languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor.cli import run
from auditor.fleet_merge import merge
from tests.fleet_repos import LANGUAGES, audited_fleet


@pytest.fixture(scope="module")
def fleet_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out, fleet = audited_fleet(tmp_path_factory.mktemp("merge"))
    return out, {root.name: quality for root, quality in fleet}


def _reports(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.json") if p.name != "fleet.json")


def test_the_dashboard_ranks_best_score_first(fleet_dir: tuple[Path, dict[str, int]]) -> None:
    out, quality = fleet_dir
    summary = merge(_reports(out))
    names = [r.name for r in summary.repositories]
    assert sorted(names) == sorted(quality)
    by_name = {r.name: r for r in summary.repositories}
    assert names == sorted(names, key=lambda n: (-by_name[n].score, n))
    for language in LANGUAGES:  # within a language, more of the features never scores lower
        ranked = sorted((n for n in names if f"-{language}-" in n), key=lambda n: -quality[n])
        scores = [by_name[n].score for n in ranked]
        assert scores == sorted(scores, reverse=True), (language, ranked, scores)
        assert scores[0] > scores[-1]
    assert names[0].startswith("q8-go") and names[-1] == "q0-python-00"
    assert sum(count for _, count in summary.levels) == 20
    assert dict(summary.levels) == {1: 8, 2: 12, 3: 0, 4: 0, 5: 0}


def test_failing_rules_are_counted_with_their_cost(fleet_dir: tuple[Path, dict[str, int]]) -> None:
    out, quality = fleet_dir
    summary = merge(_reports(out))
    rules = {rule.id: rule for rule in summary.failing_rules}
    no_agents = [n for n, q in quality.items() if q < 4]  # AGENTS.md is the fourth feature
    assert rules["INS001"].repositories == len(no_agents) == 8
    expected = 0.0
    for report in _reports(out):
        document = json.loads(report.read_text())
        expected += sum(r["gain"] for r in document["rules"] if r["id"] == "INS001")
    assert rules["INS001"].points == round(expected, 2)
    order = [(-r.repositories, -r.points, r.id) for r in summary.failing_rules]
    assert order == sorted(order)
    languages = {group.language: group for group in summary.languages}
    assert {k: v.repositories for k, v in languages.items()} == {
        "python": 7,
        "javascript": 7,
        "go": 6,
    }


def test_merge_is_pure_and_ignores_input_order(
    fleet_dir: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    out, _ = fleet_dir
    reports = [str(p) for p in _reports(out)]
    outputs = []
    for number, order in enumerate((reports, list(reversed(reports)))):
        written = [tmp_path / f"{number}.{suffix}" for suffix in ("html", "json", "md")]
        args = ["merge", *order, *(a for w in written for a in ("-o", str(w)))]
        assert run(args) == 0
        outputs.append([w.read_bytes() for w in written])
    assert outputs[0] == outputs[1]
    dashboard = outputs[0][0].decode()
    assert 'href="../' in dashboard or 'href="/' not in dashboard  # relative links
    assert "<script src" not in dashboard and "<link " not in dashboard


def test_links_point_at_the_html_reports_beside(
    fleet_dir: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    out, _ = fleet_dir
    beside = merge(_reports(out), links_from=out)
    assert all(r.html == r.report.removesuffix(".json") + ".html" for r in beside.repositories)
    elsewhere = merge(_reports(out), links_from=tmp_path)
    target = (tmp_path / elsewhere.repositories[0].html).resolve()
    assert target == (out / beside.repositories[0].html).resolve()
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(_reports(out)[0], lonely)
    assert merge(list(lonely.glob("*.json"))).repositories[0].html is None


def test_fleet_json_adds_what_was_not_audited_and_old_commits_are_superseded(
    fleet_dir: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    out, _ = fleet_dir
    first = _reports(out)[0]
    document = json.loads(first.read_text())
    document["repository"]["commit"] = "0" * 40
    document["repository"]["commit_date"] = "2001-01-01T00:00:00+00:00"
    document["score"] = 1.0
    old = tmp_path / (first.stem.rsplit("-", 1)[0] + "-000000000000.json")
    old.write_text(json.dumps(document))
    listing = tmp_path / "fleet.json"
    failed = {"path": "/srv/broken", "error": "not a git repository with a commit"}
    listing.write_text(json.dumps({"schema_version": "1.0", "repositories": [failed]}))
    summary = merge([*_reports(out), old, listing])
    assert summary.superseded == 1 and len(summary.repositories) == 20
    assert all(r.commit != "0" * 40 for r in summary.repositories)
    assert [(n.path, n.reason) for n in summary.not_audited] == [
        ("/srv/broken", "not a git repository with a commit")
    ]


def test_markdown_goes_to_stdout_without_an_output(
    fleet_dir: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = fleet_dir
    assert run(["merge", *map(str, _reports(out))]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Agent readiness of the fleet\n")
    assert "| 1 | [q8-go-08](" in text and "| 20 | [q0-python-00](" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [("{", "not valid JSON"), ('{"schema_version": "2.0"}', "not readable"), ("[]", "not an")],
)
def test_a_bad_report_is_one_line_and_exit_2(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert run(["merge", str(bad), "-o", str(tmp_path / "fleet.html")]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "fleet.html").exists()


def test_an_unknown_dashboard_format_is_a_usage_error(
    fleet_dir: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = fleet_dir
    assert run(["merge", str(_reports(out)[0]), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "cannot tell the dashboard format" in capsys.readouterr().err


def test_an_earlier_dashboard_among_the_inputs_is_ignored(
    fleet_dir: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    out, _ = fleet_dir
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(["merge", *map(str, _reports(out)), "-o", str(first)]) == 0
    assert run(["merge", *map(str, _reports(out)), str(first), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
