"""`auditor fleet`: a generated fleet audited in parallel, failures listed, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from auditor.cli import run
from auditor_reports.json_report import load_schema
from tests.fleet_repos import fleet_repository, make_fleet


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, int]]:
    return make_fleet(tmp_path_factory.mktemp("fleet"), 20)


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_a_fleet_is_audited_and_failures_are_listed(
    fleet: list[tuple[Path, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "README.md").write_text("# not in git\n")
    paths = [str(root) for root, _ in fleet] + [str(plain), str(tmp_path / "missing")]
    out = tmp_path / "out"
    assert run(["fleet", *paths, "-o", str(out), "--jobs", "2", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "20 of 22 repositories audited (20 now, 0 kept" in err
    document = json.loads((out / "fleet.json").read_text())
    entries = {e["path"]: e for e in document["repositories"]}
    assert entries[str(plain)]["error"] == "not a git repository with a commit"
    assert entries[str(tmp_path / "missing")]["error"] == "no such directory"
    schema = load_schema()
    for root, _ in fleet:
        entry = entries[str(root)]
        assert entry["status"] == "audited" and entry["report"].startswith(root.name + "-")
        report = json.loads((out / entry["report"]).read_text())
        jsonschema.validate(report, schema)
        assert report["repository"]["commit"] == entry["commit"]
        assert (out / entry["html"]).read_text().startswith("<!DOCTYPE html>")


def test_a_second_resume_run_audits_nothing(
    fleet: list[tuple[Path, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(root) for root, _ in fleet]
    out = tmp_path / "out"
    assert run(["fleet", *paths, "-o", str(out), "-j", "2", "--no-cache"]) == 0
    first = _files(out)
    capsys.readouterr()
    assert run(["fleet", *paths, "-o", str(out), "-j", "2", "--resume", "--no-cache"]) == 0
    assert "(0 now, 20 kept from an earlier run, 0 failed)" in capsys.readouterr().err
    assert _files(out) == first


def test_a_new_commit_is_audited_again_on_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = fleet_repository(tmp_path / "repos" / "svc", 2, "python")
    out = tmp_path / "out"
    assert run(["fleet", str(root), "-o", str(out), "--no-cache"]) == 0
    (root / "AGENTS.md").write_text("# AGENTS.md\n\n- Test: `make test`\n")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", *identity, "commit", "-qm", "agents"], cwd=root, check=True)
    capsys.readouterr()
    assert run(["fleet", str(root), "-o", str(out), "--resume", "--no-cache"]) == 0
    assert "(1 now, 0 kept" in capsys.readouterr().err
    assert len(list(out.glob("svc-*.json"))) == 2  # the old commit's report stays


def test_the_list_file_reads_paths_relative_to_itself(
    fleet: list[tuple[Path, int]], tmp_path: Path
) -> None:
    listing = tmp_path / "repos.txt"
    chosen = [root for root, _ in fleet[:3]]
    lines = ["# the first three", "", *(os.path.relpath(r, tmp_path) for r in chosen)]
    listing.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    assert run(["fleet", "--from", str(listing), "-o", str(out), "--no-cache", "-q"]) == 0
    names = [e["name"] for e in json.loads((out / "fleet.json").read_text())["repositories"]]
    assert sorted(names) == sorted(r.name for r in chosen)


def test_no_repository_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["fleet", "-o", str(tmp_path / "out")]) == 2
    assert "no repositories given" in capsys.readouterr().err


def test_killed_halfway_and_resumed_gives_the_uninterrupted_result(
    fleet: list[tuple[Path, int]], tmp_path: Path
) -> None:
    paths = [str(root) for root, _ in fleet]
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    command = [sys.executable, "-m", "auditor", "fleet", *paths, "-j", "2", "--no-cache", "-q"]
    subprocess.run([*command, "-o", str(whole)], check=True, capture_output=True)
    process = subprocess.Popen(
        [*command, "-o", str(killed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while len(list(killed.glob("*.json"))) < 6 and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = list(killed.glob("*.json"))
    assert 0 < len(written) < 20 and not (killed / "fleet.json").exists()
    resumed = subprocess.run(
        [*command, "-o", str(killed), "--resume"], capture_output=True, text=True, check=True
    )
    assert resumed.returncode == 0
    assert _files(killed) == _files(whole)


def test_workers_record_the_fleet_in_one_history_database(
    fleet: list[tuple[Path, int]], tmp_path: Path
) -> None:
    import sqlite3

    paths = [str(root) for root, _ in fleet]
    database = tmp_path / "history.sqlite3"
    args = ["fleet", *paths, "-o", str(tmp_path / "out"), "-j", "2", "--no-cache", "-q"]
    assert run([*args, "--db", str(database)]) == 0
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT repository, score FROM audits").fetchall()
    reports = json.loads((tmp_path / "out" / "fleet.json").read_text())["repositories"]
    assert sorted(rows) == sorted((str(Path(e["path"]).resolve()), e["score"]) for e in reports)


def test_resume_removes_the_temporary_name_a_killed_write_left(tmp_path: Path) -> None:
    root = fleet_repository(tmp_path / "repos" / "svc", 2, "python")
    out = tmp_path / "out"
    out.mkdir()
    torn = out / ".auditor-3a9f.tmp"
    torn.write_text("{}\n")  # killed between naming the complete bytes and renaming them
    assert run(["fleet", str(root), "-o", str(out), "--resume", "--no-cache"]) == 0
    assert not torn.exists() and (out / "fleet.json").exists()
