"""Report and badge files (`audit -o`, `badge -o`) are never written through a planted link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.writes_repo import cli, hostile_repo, snapshot

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory outside the repository holding a file someone cares about."""
    directory = tmp_path / "outside"
    directory.mkdir()
    (directory / "precious.json").write_text("{}\n")
    return directory


@pytest.mark.parametrize(
    ("output", "link", "target", "what"),
    [
        ("report.json", "report.json", "outside/precious.json", "is"),
        ("report.md", "report.md", "README.md", "is"),
        ("out/report.sarif", "out", "outside", "out is"),
    ],
    ids=["file-to-outside", "file-to-readme", "directory-to-outside"],
)
def test_audit_output_through_a_link_in_the_repository_is_refused(
    tmp_path: Path,
    outside: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    link: str,
    target: str,
    what: str,
) -> None:
    pointed = tmp_path / target if target.startswith("outside") else Path(target)
    root = hostile_repo(tmp_path / "repo", links={link: pointed})
    monkeypatch.chdir(root)
    before = snapshot(tmp_path)
    ran = cli(capsys, "audit", ".", "-q", "-o", output)
    assert ran.code == 2
    message = f"auditor: error: {output}: {what} a symbolic link (to {pointed}); "
    assert ran.err == message + "not written through it\n"
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("saved", [False, True], ids=["audited-now", "saved-report"])
def test_badge_into_a_directory_that_links_out_is_refused(
    tmp_path: Path,
    outside: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    saved: bool,
) -> None:
    """Audited now, the links that count are the repository's; for a saved report, whose
    repository is unknown, those under the current directory (a CI job's checkout)."""
    root = hostile_repo(tmp_path / "repo", links={".github/badges": outside})
    monkeypatch.chdir(root)
    source = tmp_path / "report.json" if saved else Path(".")
    if saved:
        assert cli(capsys, "audit", ".", "-q", "-o", source).code == 0
    ran = cli(capsys, "badge", source, "-o", ".github/badges")
    assert ran.code == 2
    assert ran.err == (
        f"auditor: error: .github/badges: is a symbolic link (to {outside}); "
        "not written through it\n"
    )
    assert sorted(p.name for p in outside.iterdir()) == ["precious.json"]


def test_outputs_outside_the_repository_and_links_the_user_made_there_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The user names report paths: outside the repository is allowed, and so is a link
    outside it (a home directory on another disk); only links in the repository are not."""
    root = hostile_repo(tmp_path / "repo")
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "mine").symlink_to(real)
    ran = cli(capsys, "audit", root, "-q", "-o", tmp_path / "mine/r.json")
    assert ran.code == 0, ran.err
    assert cli(capsys, "badge", root, "-o", tmp_path / "mine").code == 0
    assert sorted(p.name for p in real.iterdir()) == [
        "auditor-badge.json",
        "auditor-badge.svg",
        "r.json",
    ]


def test_a_read_only_report_file_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_repo(tmp_path / "repo")
    report = tmp_path / "report.json"
    report.write_text("old\n")
    report.chmod(0o444)
    ran = cli(capsys, "audit", root, "-q", "-o", report)
    assert ran.code == 2
    assert ran.err == (
        f"auditor: error: {report}: is read-only; make it writable to let the auditor write it\n"
    )
    assert report.read_text() == "old\n"
