"""Pull-request mode (`audit --changed-since REF`): the change's findings, the score at the
merge base from git objects, and nothing written into the work tree."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from auditor.change_scope import concerns, kinds_of, touched
from auditor.cli import run
from auditor.model import ReportFacts
from auditor.registry import load_rules
from auditor.rule import Reads

MakeRepo = Callable[..., Path]
TANGLED = (
    "def tangled(rows):\n    for row in rows:\n        if row:\n            while row:\n"
    "                for cell in row:\n                    if cell:\n"
    "                        row = None\n    return rows\n"
)
FILES = {
    "README.md": "# app\n\nAn app that does a thing for the people who need the thing done.\n",
    "app.py": "def f(x: int) -> int:\n    return x\n",
    "shapes.py": TANGLED,
    "other.py": TANGLED.replace("tangled", "knotted"),
}
OVERSIZED = "DATA = [\n" + "    1,\n" * 1200 + "]\n"
RULES = {rule.id: rule for rule in load_rules()}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                          cwd=root, check=True, capture_output=True, text=True)  # fmt: skip
    return done.stdout


def branched(make_repo: MakeRepo) -> Path:
    root = make_repo(FILES, git=True)
    git(root, "checkout", "-q", "-b", "feature")
    return root


def audit(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = run(["audit", str(root), "--no-cache", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else None, captured.err


def test_a_one_file_change_reports_that_file_and_both_scores(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = branched(make_repo)
    (root / "data.py").write_text(OVERSIZED)
    git(root, "add", "data.py")
    git(root, "commit", "-qm", "data")
    status = git(root, "status", "--porcelain")
    code, report, err = audit(root, capsys, "--changed-since", "main", "--fail-on-new")
    assert code == 1 and "1 new finding(s) (--fail-on-new): NAV002 data.py" in err
    change = report["change"]
    assert (
        change["changed"] == ["data.py"]
        and change["base"] == git(root, "rev-parse", "main").strip()
    )
    assert change["base_score"] > report["score"] and change["left_out"] > 0
    paths = {f["path"] for f in report["findings"]}
    assert paths <= {"data.py", None}, "unchanged files' findings are not reported"
    assert "shapes.py" not in paths and "other.py" not in paths
    assert [(f["rule"], f["path"]) for f in report["findings"] if f["baseline"] == "new"] == [
        ("NAV002", "data.py")
    ]
    assert git(root, "status", "--porcelain") == status  # nothing written into the work tree
    assert run(["audit", str(root), "--no-cache", "--changed-since", "main"]) == 0
    text = capsys.readouterr().out
    assert "since main" in text and "\u2212" in text.split("since main")[0]


def test_an_uncommitted_edit_is_part_of_the_change(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = branched(make_repo)
    (root / "shapes.py").write_text("# moved\n" * 50 + TANGLED)
    code, report, _ = audit(root, capsys, "--changed-since", "main", "--fail-on-new")
    assert code == 0, "moving an old finding's code is not a new finding"
    assert report["change"]["changed"] == ["shapes.py"]
    (finding,) = [f for f in report["findings"] if f["path"] == "shapes.py"]
    assert finding["rule"] == "NAV005" and finding["baseline"] == "known"


def test_repository_level_findings_follow_the_inputs_their_rule_reads(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = branched(make_repo)
    (root / "README.md").write_text("# app\n")
    _, report, _ = audit(root, capsys, "--changed-since", "main")
    rules = {f["rule"] for f in report["findings"]}
    assert "DOC001" in rules  # the README changed: the README rule is re-judged
    assert "FEE005" not in rules and "NAV005" not in rules  # linters, code: untouched


def test_the_first_commit_has_everything_changed_and_no_base_score(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(FILES)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    code, report, err = audit(root, capsys, "--changed-since", "HEAD", "--fail-on", "critical")
    assert code == 1 and "FEE001" in err  # with no commit to compare with, everything is new
    assert report["change"]["base"] is None and report["change"]["base_score"] is None
    assert "no commit yet" in report["change"]["not_scored"]
    assert set(report["change"]["changed"]) == set(FILES)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--changed-since", "no-such-branch"), "git knows no such commit"),
        (("--changed-since", "main", "--rev", "main"), "cannot be used together"),
    ],
)
def test_a_ref_git_cannot_use_is_one_line_and_exit_2(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str
) -> None:
    code, report, err = audit(branched(make_repo), capsys, *args)
    assert code == 2 and report is None and err.count("\n") == 1 and says in err


def test_outside_git_it_says_so(make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = audit(make_repo(FILES), capsys, "--changed-since", "main")
    assert code == 2 and "not a git work tree" in err


def test_kinds_of_paths_and_what_rules_read() -> None:
    ci = ReportFacts(ci_files=("ci/pipeline.yml",))
    assert kinds_of("ci/pipeline.yml", [ReportFacts(), ci]) >= {Reads.CI}  # known at the base
    assert Reads.CI in kinds_of(".github/workflows/test.yml", [])
    assert Reads.INSTRUCTIONS in kinds_of("AGENTS.md", [])
    assert Reads.MANIFESTS in kinds_of("pyproject.toml", [])
    assert Reads.DOCS in kinds_of("docs/intro.md", [])
    assert Reads.CONFIG in kinds_of(".pre-commit-config.yaml", [])
    assert kinds_of("src/app.py", []) == {Reads.SOURCES}
    kinds = touched({"src/app.py"}, set(), [])
    assert concerns("src/app.py", RULES["NAV003"], frozenset({"src/app.py"}), kinds)
    assert not concerns("src/old.py", RULES["NAV003"], frozenset({"src/app.py"}), kinds)
    assert not concerns(None, RULES["FEE005"], frozenset({"src/app.py"}), kinds)
    assert concerns(None, RULES["FEE012"], frozenset({"src/app.py"}), kinds)
    assert concerns(None, None, frozenset({"src/app.py"}), kinds)  # unknown rule: any change


def test_every_rule_declares_only_known_inputs() -> None:
    for rule in RULES.values():
        assert rule.reads <= set(Reads), rule.id
    pathless = [r.id for r in RULES.values() if r.id.startswith(("ENV", "FEE00")) and not r.reads]
    assert pathless == [], "repository-level rules say what they read"


def test_the_merge_base_s_audit_is_kept_for_the_next_run(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from auditor import api, base_cache
    from auditor.config import Config
    from auditor.pull_request import _key

    root = branched(make_repo)
    cache = tmp_path / "cache"
    (root / "data.py").write_text(OVERSIZED)
    fresh = audit(root, capsys, "--changed-since", "main")[1]
    args = ["audit", str(root), "--cache-dir", str(cache), "--format", "json"]
    assert run([*args, "--changed-since", "main"]) == 0
    first = json.loads(capsys.readouterr().out)
    main = git(root, "rev-parse", "main").strip()
    kept = base_cache.load(cache, _key(root, main, Config()))
    assert kept is not None and round(kept.score, 1) == fresh["change"]["base_score"]
    assert kept.score == api.audit(root, rev="main").score.score
    assert run([*args, "--changed-since", "main"]) == 0
    second = json.loads(capsys.readouterr().out)
    for report in (first, second):
        assert report["change"] == fresh["change"] and report["findings"] == fresh["findings"]


def test_a_staged_new_file_and_a_deletion_are_changes(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = branched(make_repo)
    (root / "data.py").write_text(OVERSIZED)
    git(root, "add", "data.py")  # staged, not committed: the pre-commit hook's case
    (root / "other.py").unlink()
    _, report, _ = audit(root, capsys, "--changed-since", "HEAD")
    assert report["change"]["changed"] == ["data.py", "other.py"]
    assert [(f["rule"], f["baseline"]) for f in report["findings"] if f["path"] == "data.py"] == [
        ("NAV002", "new")
    ]


def test_the_work_tree_is_compared_without_git_reading_it(make_repo: MakeRepo) -> None:
    import os

    from auditor.worktree_diff import worktree_diff

    root = make_repo({**FILES, "big.bin": b"\0" * (3 << 20)}, git=True)
    os.symlink("app.py", root / "link.py")
    git(root, "add", "link.py")
    git(root, "commit", "-qm", "link")
    head = git(root, "rev-parse", "HEAD").strip()
    clean = worktree_diff(root, head)
    assert clean is not None and clean.changed == frozenset()
    (root / "shapes.py").unlink()
    os.mkfifo(root / "shapes.py")  # read, it would block the run
    (root / "other.py").unlink()
    (root / "app.py").write_text("changed = 1\n")
    diff = worktree_diff(root, head)
    assert diff is not None
    assert diff.modified == {"shapes.py", "app.py"} and diff.deleted == {"other.py"}
