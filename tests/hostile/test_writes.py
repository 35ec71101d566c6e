"""Writes are safe: no write through a planted link, out of the root, or over a file not ours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.agents_md.writer import write_file
from auditor.index.limits import MAX_SCAN_BYTES, SCAN_CAP
from auditor.safe_write import WriteRefused, scaffold_target
from tests.fixtures.ecosystems import ECOSYSTEMS
from tests.hostile.writes_repo import PLAIN, cli, hostile_repo, snapshot

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links and permission bits")

STALE_OURS = "# Ours\n\n<!-- auditor:begin -->\n- Run the tests: `tox`\n<!-- auditor:end -->\n"
"""An AGENTS.md the auditor generated, now out of date: `--write` wants to rewrite it."""


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize(
    ("link", "target", "args"),
    [
        ("AGENTS.md", "README.md", ()),
        ("CLAUDE.md", "app.py", ("--link", "claude")),
        ("packages/web/AGENTS.md", "../../app.py", ("--packages",)),
    ],
    ids=["agents-to-readme", "claude-to-app", "package-agents-to-app"],
)
def test_agents_md_never_writes_through_a_link_in_the_repository(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    link: str,
    target: str,
    args: tuple[str, ...],
    force: bool,
) -> None:
    files = {**ECOSYSTEMS["pnpm-workspace"], **PLAIN} if "packages" in link else PLAIN
    root = hostile_repo(tmp_path / "repo", files, {link: target})
    before = snapshot(root)
    ran = cli(capsys, "agents-md", root, "--write", *args, *(["--force"] if force else []))
    assert ran.code == 2
    assert f"refused {link}: is a symbolic link (to {target}); not written through it" in ran.lines
    after = snapshot(root)
    assert {path: after[path] for path in before} == before  # the link and its target untouched


def test_a_directory_that_links_out_of_the_repository_is_not_written_into(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = hostile_repo(tmp_path / "repo", PLAIN, {"packages/web": outside})
    outcome = write_file(root, "packages/web/AGENTS.md", "x\n", ours=True, current=None)
    reason = f"packages/web is a symbolic link (to {outside}); not written through it"
    assert (outcome.action, outcome.reason) == ("refused", reason)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("relative", ["../AGENTS.md", "a/../../AGENTS.md", "/tmp/AGENTS.md"])
def test_a_scaffold_path_out_of_the_root_is_refused(tmp_path: Path, relative: str) -> None:
    root = hostile_repo(tmp_path / "repo")
    outcome = write_file(root, relative, "x\n", ours=True, current=None, force=True)
    assert (outcome.action, outcome.reason) == (
        "refused",
        "is outside the repository root; not written",
    )
    assert snapshot(tmp_path) == {f"repo/{path}": text.encode() for path, text in PLAIN.items()}


SEGMENTS = st.sampled_from(["..", ".", "", "AGENTS.md", "docs", "link", "/", "a b", "\\", "~"])


@given(st.lists(SEGMENTS, min_size=1, max_size=6))
def test_no_scaffold_path_resolves_outside_the_root(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str]
) -> None:
    root = tmp_path_factory.getbasetemp() / "prop-root"
    if not root.exists():
        hostile_repo(root, {"docs/x.md": "x\n"}, {"link": "/"})
    try:
        target = scaffold_target(root, "/".join(parts))
    except WriteRefused:
        return
    assert target.is_relative_to(root.resolve()) and target != root.resolve()
    assert not any(p.is_symlink() for p in [target, *target.parents] if p.is_relative_to(root))


UNDECODABLE = {
    "over the scan cap": ("# Mine\n\n" + "hand-written words\n" * (MAX_SCAN_BYTES // 18)).encode(),
    "a NUL byte": b"# Mine\n\nHand-written.\n\0\n",
    "UTF-16": "# Mine\n\nHand-written.\n".encode("utf-16"),
    "invalid UTF-8": b"# Mine\n\nHand-written \xff\xfe text.\n",
}
WHY = {
    "over the scan cap": f"the file is larger than {SCAN_CAP}",
    "a NUL byte": "the file holds NUL bytes (binary, or UTF-16)",
    "UTF-16": "the file holds NUL bytes (binary, or UTF-16)",
    "invalid UTF-8": "the file is not valid UTF-8",
}


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", sorted(UNDECODABLE))
def test_a_hand_written_file_it_cannot_decode_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, force: bool
) -> None:
    root = hostile_repo(tmp_path / "repo", {**PLAIN, "AGENTS.md": UNDECODABLE[kind]})
    ran = cli(capsys, "agents-md", root, "--write", *(["--force"] if force else []))
    assert ran.code == 2
    reason = f"{WHY[kind]}: the auditor cannot read it and will not overwrite it"
    assert ran.lines == [f"refused AGENTS.md: {reason}"]
    assert (root / "AGENTS.md").read_bytes() == UNDECODABLE[kind]


def test_a_file_the_audit_did_not_read_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**PLAIN, ".auditor.toml": 'exclude = ["AGENTS.md"]\n', "AGENTS.md": "# Mine\n"}
    root = hostile_repo(tmp_path / "repo", files)
    ran = cli(capsys, "agents-md", root, "--write", "--force")
    assert ran.code == 2 and "is not among the files audited" in ran.out
    assert (root / "AGENTS.md").read_text() == "# Mine\n"


def test_a_read_only_agents_md_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_repo(tmp_path / "repo", {**PLAIN, "AGENTS.md": STALE_OURS})
    (root / "AGENTS.md").chmod(0o444)
    ran = cli(capsys, "agents-md", root, "--write")
    assert ran.code == 2
    expected = "refused AGENTS.md: is read-only; make it writable to let the auditor write it"
    assert ran.lines == [expected]
    assert (root / "AGENTS.md").read_text() == STALE_OURS


def test_a_read_only_directory_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = hostile_repo(tmp_path / "repo")
    root.chmod(0o555)
    try:
        ran = cli(capsys, "agents-md", root, "--write", "--link", "claude")
    finally:
        root.chmod(0o755)
    assert ran.code == 2
    assert ran.lines == [
        f"refused AGENTS.md: the directory {root} is read-only; not written",
        "refused CLAUDE.md: the AGENTS.md it imports was not written",
    ]
    assert snapshot(root).keys() == PLAIN.keys()


def test_a_failing_file_system_is_a_usage_error_and_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = hostile_repo(tmp_path / "repo", {**PLAIN, "AGENTS.md": STALE_OURS})

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    ran = cli(capsys, "agents-md", root, "--write")
    assert ran.code == 2
    assert ran.lines == ["refused AGENTS.md: cannot write: Permission denied"]
    assert snapshot(root) == {
        **{p: t.encode() for p, t in PLAIN.items()},
        "AGENTS.md": STALE_OURS.encode(),
    }


def test_an_agents_md_it_cannot_read_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = hostile_repo(tmp_path / "repo", {**PLAIN, "AGENTS.md": STALE_OURS})
    real_open = os.open

    def unreadable(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == "AGENTS.md":
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", unreadable)
    ran = cli(capsys, "agents-md", root, "--write")
    assert (ran.code, ran.lines) == (2, ["refused AGENTS.md: cannot read: Permission denied"])
    assert (root / "AGENTS.md").read_text() == STALE_OURS
