"""docs/fleet.md's CI examples: their YAML parses, and the commands their jobs run work."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.cli import run
from auditor.fleet import run_fleet
from tests.fleet_repos import fleet_repository

DOC = Path(__file__).parent.parent / "docs" / "fleet.md"
REPOS = {"api": (6, "python"), "web": (2, "javascript"), "cli": (9, "go")}


def _yaml_blocks() -> list[dict[str, object]]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def _workflow(key: str) -> dict[str, Any]:
    """The example whose top level has `key`: "jobs" for GitHub Actions, "stages" for GitLab."""
    for block in _yaml_blocks():
        if isinstance(block, dict) and key in block:
            return block
    raise AssertionError(f"no example with {key!r} in {DOC}")


def _auditor(line: str, variables: dict[str, str]) -> list[str] | None:
    """The arguments of an `auditor ...` line, its variables substituted; None otherwise."""
    for name, value in variables.items():
        github, gitlab = "${{ matrix." + name + " }}", "${" + name + "}"
        line = line.replace(github, value).replace(gitlab, value)
    words = shlex.split(line)
    return words[1:] if words and words[0] == "auditor" else None


def _run_job(lines: list[str], variables: dict[str, str], cwd: Path) -> int:
    """Run the job's `auditor` lines in `cwd`, globs expanded as the shell would; how many."""
    ran = 0
    before = Path.cwd()
    os.chdir(cwd)
    try:
        for line in lines:
            args = _auditor(line, variables)
            if args is None:
                continue
            expanded = []
            for arg in args:
                matched = sorted(str(p) for p in Path().glob(arg)) if "*" in arg else []
                expanded += matched or [arg]
            assert run(expanded) in (0, 1), (line, expanded)
            ran += 1
    finally:
        os.chdir(before)
    return ran


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    for name, (quality, language) in REPOS.items():
        fleet_repository(tmp_path / "sources" / name, quality, language)
    return tmp_path / "sources"


def _dashboard(reports: list[Path], out: Path) -> list[dict[str, object]]:
    assert run(["merge", *map(str, reports), "-o", str(out)]) == 0
    entries = json.loads(out.read_text())["repositories"]
    return [{k: v for k, v in e.items() if k not in ("report", "html")} for e in entries]


def _expected(sources: Path, tmp_path: Path) -> list[dict[str, object]]:
    out = tmp_path / "fleet-run"
    out.mkdir()
    run_fleet([str(sources / name) for name in REPOS], out, jobs=1)
    reports = [p for p in out.glob("*.json") if p.name != "fleet.json"]
    return _dashboard(reports, tmp_path / "expected.json")


def test_the_github_actions_matrix_and_merge_jobs(sources: Path, tmp_path: Path) -> None:
    workflow = _workflow("jobs")
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    audit, merge = jobs["audit"], jobs["merge"]
    assert merge["needs"] == "audit" and audit["strategy"]["fail-fast"] is False
    artifacts = tmp_path / "downloaded"
    for repo in audit["strategy"]["matrix"]["repo"]:
        job = tmp_path / "jobs" / repo
        shutil.copytree(sources / repo, job / repo, symlinks=True)  # actions/checkout, path:
        lines = [step["run"] for step in audit["steps"] if "run" in step]
        assert _run_job(lines, {"repo": repo}, job) == 1
        shutil.copytree(job / "reports", artifacts, dirs_exist_ok=True)  # merge-multiple
    merge_dir = tmp_path / "merge-job"
    shutil.copytree(artifacts, merge_dir / "reports")
    lines = [step["run"] for step in merge["steps"] if "run" in step]
    assert _run_job(lines, {}, merge_dir) == 1
    html = (merge_dir / "reports" / "fleet.html").read_text()
    assert all(f'href="{repo}.html"' in html for repo in REPOS)
    reports = [p for p in (merge_dir / "reports").glob("*.json")]
    assert _dashboard(reports, tmp_path / "got.json") == _expected(sources, tmp_path)


def test_the_gitlab_parallel_jobs_and_merge(sources: Path, tmp_path: Path) -> None:
    pipeline = _workflow("stages")
    audit, merge = pipeline["audit"], pipeline["merge"]
    assert isinstance(audit, dict) and isinstance(merge, dict)
    assert merge["needs"] == ["audit"] and audit["artifacts"]["paths"] == ["reports/"]
    collected = tmp_path / "artifacts"
    for repo in audit["parallel"]["matrix"][0]["REPO"]:
        job = tmp_path / "jobs" / repo
        shutil.copytree(sources / repo, job / repo, symlinks=True)  # the git clone line
        assert any("git clone" in line for line in audit["script"])
        assert _run_job(audit["script"], {"REPO": repo}, job) == 1
        shutil.copytree(job / "reports", collected / "reports", dirs_exist_ok=True)
    assert _run_job(merge["script"], {}, collected) == 1
    reports = [p for p in (collected / "reports").glob("*.json")]
    assert _dashboard(reports, tmp_path / "got.json") == _expected(sources, tmp_path)
