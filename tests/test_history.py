"""`auditor history`: scores at past commits from git objects, in SQLite; steps named; resumable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from auditor.cli import run
from auditor.errors import UsageError
from auditor.history_db import MIGRATIONS, SCHEMA_VERSION, migrate, open_database
from tests.history_repo import CHANGES, history_repository


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("history") / "svc"
    return root, history_repository(root)


@pytest.fixture(scope="module")
def recorded(
    repository: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """One uninterrupted run: its database and its JSON output."""
    root, _ = repository
    database = tmp_path_factory.mktemp("db") / "history.sqlite3"
    command = _command(root, database)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return database, out


def _command(root: Path, database: Path, *extra: str) -> list[str]:
    return [
        *(sys.executable, "-m", "auditor", "history", str(root), "--commits", "20"),
        *("--db", str(database), "--format", "json", "--no-cache", "-q", *extra),
    ]


def _audited(database: Path) -> int:
    try:
        with sqlite3.connect(database) as connection:
            return int(connection.execute("SELECT count(*) FROM audits").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_steps_are_recorded_at_exactly_the_changing_commits(
    repository: tuple[Path, list[str]], recorded: tuple[Path, str]
) -> None:
    _, shas = repository
    document = json.loads(recorded[1])
    assert [p["commit"] for p in document["points"]] == shas
    assert document["steps"] == [shas[n] for n in sorted(CHANGES)]
    by_commit = {p["commit"]: p for p in document["points"]}
    for number, (_, rule) in CHANGES.items():
        point = by_commit[shas[number]]
        decisive = [c["rule"] for c in point["changes"] if c["decisive"]]
        assert rule in decisive, (number, decisive)
        assert point["headline"].startswith(f"{point['delta']:+.1f} at {shas[number][:7]}: ")
    removed = by_commit[shas[14]]
    assert removed["delta"] < 0 and "INS001 fails" in removed["headline"] + str(
        [c["summary"] for c in removed["changes"]]
    )
    assert by_commit[shas[4]]["delta"] > 0 and by_commit[shas[5]]["changes"] == []


def test_a_second_run_audits_nothing_and_says_the_same(
    repository: tuple[Path, list[str]], recorded: tuple[Path, str]
) -> None:
    root, _ = repository
    database, first = recorded
    before = _audited(database)
    again = subprocess.run(_command(root, database), capture_output=True, text=True, check=True)
    assert again.stdout == first and _audited(database) == before == 20


def test_killed_halfway_and_resumed_gives_the_same_history(
    repository: tuple[Path, list[str]], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = repository
    database = tmp_path / "killed.sqlite3"
    process = subprocess.Popen(
        _command(root, database),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while _audited(database) < 5 and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < _audited(database) < 20
    resumed = subprocess.run(_command(root, database), capture_output=True, text=True, check=True)
    assert resumed.stdout == recorded[1]


def test_two_concurrent_runs_on_one_database_both_complete(
    repository: tuple[Path, list[str]], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = repository
    database = tmp_path / "shared.sqlite3"
    runs = [
        subprocess.Popen(_command(root, database, *extra), stdout=subprocess.PIPE, text=True)
        for extra in ((), ("--jobs", "2"))
    ]
    outputs = [process.communicate()[0] for process in runs]
    assert [process.returncode for process in runs] == [0, 0]
    assert outputs == [recorded[1], recorded[1]]
    assert _audited(database) == 20


def test_outputs_chart_markdown_and_text(
    repository: tuple[Path, list[str]],
    recorded: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, shas = repository
    database, _ = recorded
    svg, markdown = tmp_path / "docs" / "history.svg", tmp_path / "docs" / "history.md"
    args = ["history", str(root), "--db", str(database), "-o", str(svg), "-o", str(markdown)]
    assert run([*args, "--no-cache", "-q"]) == 0
    text = capsys.readouterr().out
    assert f"{shas[14][:7]}" in text and "INS001 fails" in text
    tree = ElementTree.fromstring(svg.read_text())
    assert tree.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(tree.findall("{http://www.w3.org/2000/svg}circle")) == len(CHANGES)
    assert "script" not in svg.read_text() and "href" not in svg.read_text()
    lines = markdown.read_text().splitlines()
    assert lines[2] == "![Agent-readiness score over time](history.svg)"
    delta = {p["commit"]: p["delta"] for p in json.loads(recorded[1])["points"]}[shas[14]]
    assert delta < 0
    assert any(line.startswith(f"- **{delta:+.1f}** at `{shas[14][:7]}`: ") for line in lines)


def test_the_html_report_shows_history_when_recorded(
    repository: tuple[Path, list[str]], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    root, shas = repository
    with_data, without = tmp_path / "with.html", tmp_path / "without.html"
    common = ["audit", str(root), "--no-cache", "-q"]
    assert run([*common, "-o", str(with_data), "--history-db", str(recorded[0])]) in (0, 1)
    assert run([*common, "-o", str(without), "--history-db", str(tmp_path / "none.db")]) in (0, 1)
    page = with_data.read_text()
    assert 'id="history"' in page and shas[14][:7] in page and "<svg" in page
    assert 'id="history"' not in without.read_text()


def test_commits_and_since_are_exclusive(
    repository: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repository
    args = ["history", str(root), "--commits", "3", "--since", "2020-01-01"]
    assert run([*args, "--db", str(tmp_path / "h.db")]) == 2
    assert "cannot be used together" in capsys.readouterr().err


def test_since_takes_every_commit_after_the_date(
    repository: tuple[Path, list[str]],
    recorded: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, shas = repository
    # make_history dates commit n at 1700000000 + n hours: 2023-11-14T22:13:20Z + n h
    args = ["history", str(root), "--since", "2023-11-15T10:00:00Z", "--format", "json"]
    assert run([*args, "--db", str(recorded[0]), "-q"]) == 0
    points = json.loads(capsys.readouterr().out)["points"]
    assert [p["commit"] for p in points] == shas[12:]


def test_an_old_schema_is_migrated_forward_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    assert migrate(connection, target=1) == 1
    connection.execute("INSERT INTO audits VALUES ('r', 'c', 'v', NULL, 50.0, 2, 'd')")
    connection.execute("INSERT INTO rule_statuses VALUES ('r', 'c', 'v', 'INS001', 'fail', 3.5)")
    connection.close()
    with open_database(path) as database:
        version = database.connection.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION == len(MIGRATIONS)
        rows = database.audits("r", "v", ["c"])
        assert rows[0].score == 50.0 and rows[0].rules[0].rule == "INS001"
        assert rows[0].rules[0].title == ""
        mode = database.connection.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_a_newer_or_foreign_database_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(UsageError, match="newer than this auditor"):
        open_database(newer)
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database at all, " * 100)
    with pytest.raises(UsageError, match="not a usable history database"):
        open_database(foreign)


def test_branch_walks_back_from_another_ref(
    repository: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, shas = repository
    subprocess.run(["git", "branch", "-f", "old", shas[5]], cwd=root, check=True)
    args = ["history", str(root), "--branch", "old", "--commits", "3", "--format", "json"]
    assert run([*args, "--db", str(tmp_path / "h.db"), "--no-cache", "-q"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [p["commit"] for p in document["points"]] == shas[3:6]
    assert document["branch"] == "old" and document["steps"] == [shas[4]]
    assert run([*args[:2], "--branch", "no-such-ref", "--db", str(tmp_path / "h.db")]) == 2
    assert "no-such-ref: no such branch" in capsys.readouterr().err
