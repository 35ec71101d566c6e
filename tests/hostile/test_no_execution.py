"""No code of the audited repository ever runs: every command, in-process and as a real process.

The fixture (`trapped_repo`) plants a marker-writing trap in everything a tool could run. In
process, every way Python starts a program is recorded: only git may be started, always with
the repository's fsmonitor and hooks turned off. Under strace (slow), the real `auditor`
script may exec only itself, its Python and git, and opens no network socket.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditor.cli import cli, run
from tests.hostile.conftest import assert_survived
from tests.hostile.trapped_repo import NPM_SCRIPTS, PYTHON_TRAPS, marker_name, trapped_repo

_posixsubprocess = pytest.importorskip("_posixsubprocess")

GIT_GUARDS = ("core.fsmonitor=", "core.hooksPath=/dev/null")
"""What every git the auditor starts is told, overriding the repository's `.git/config`."""
Args = list[str | Path]
COMMITTER = ("git", "-c", "user.name=t", "-c", "user.email=t@example.com")


def invocations(root: Path, copy: Path, out: Path) -> dict[str, list[Args]]:
    """Every command `auditor --help` lists, run every way that reads a repository."""
    report = out / "report.json"
    audits: list[Args] = [
        ["audit", root, "--format", fmt, "--no-cache"]
        for fmt in ("text", "json", "markdown", "html", "sarif", "gitlab", "badge")
    ]
    audits.append(["audit", root, "-v", "--cache-dir", out / "cache", "-o", report])
    audits.append(["audit", root, "-o", out / "r.sarif", "-o", out / "r.md", "-o", out / "r.html"])
    audits.append(["audit", root, "--rev", "HEAD", "--format", "json", "--no-cache"])
    history = ["history", root, "--commits", "2", "--db", out / "history.sqlite3", "--no-cache"]
    return {
        "audit": audits,
        "agents-md": [
            ["agents-md", root],
            ["agents-md", root, "--check"],
            ["agents-md", root, "--explain", "."],
            ["agents-md", root, "--explain", "setup.py"],
            ["agents-md", copy, "--write", "--force", "--packages", "--link", "claude,gemini"],
        ],
        "badge": [
            ["badge", root, "-o", out / "badges", "--no-cache"],
            ["audit", root, "--format", "json", "-o", report, "--no-cache"],
            ["badge", report, "-o", out / "from-report"],
        ],
        "diff": [
            ["audit", root, "-o", report, "--no-cache"],
            ["diff", report, report],
            ["diff", report, report, "--format", "markdown", "--fail-on-regression"],
        ],
        "baseline": [
            ["baseline", root, "-o", out / "baseline.json", "--no-cache"],
            ["baseline", root, "-o", out / "baseline.json", "--update", "--accept-new"],
            ["audit", root, "--baseline", out / "baseline.json", "--fail-on-new", "--no-cache"],
            ["audit", root, "--changed-since", "HEAD", "--fail-on-regression", "--no-cache"],
        ],
        "rules": [["rules"], ["rules", "--format", "json"], ["rules", "--write-docs", copy]],
        "explain": [["explain", "INS001"], ["explain", "FEE002"]],
        "fleet": [
            ["fleet", root, "-o", out / "fleet", "-j", "1", "--no-cache"],
            ["fleet", root, "-o", out / "fleet", "-j", "1", "--resume", "--no-cache"],
        ],
        "merge": [
            ["audit", root, "-o", report, "--no-cache"],
            ["merge", report, "-o", out / "fleet.html", "-o", out / "fleet.md"],
        ],
        "history": [
            history,
            [*history, "--format", "json", "-o", out / "h.svg"],
            ["audit", root, "--history-db", out / "history.sqlite3", "-o", out / "h.html"],
        ],
        "mcp": [["mcp", root, "--help"]],  # it serves stdin: its tools are run below
        "scaffold-tests": [
            ["scaffold-tests", root],
            ["scaffold-tests", root, "--format", "json"],
            ["scaffold-tests", copy, "--write", "--force"],
        ],
    }


class Started:
    """Every program the process starts, by any of Python's ways of starting one: subprocess
    (whichever of fork_exec and posix_spawn it picks), multiprocessing's spawn, and os.*."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.argvs: list[list[str]] = []
        real_execute_child = subprocess.Popen._execute_child  # type: ignore[attr-defined]
        real_fork_exec = _posixsubprocess.fork_exec

        def execute_child(popen: subprocess.Popen[bytes], args: object, *rest: object) -> object:
            self._record(args)
            return real_execute_child(popen, args, *rest)

        def fork_exec(*args: object, **kwargs: object) -> object:
            self._record(args[0])
            return real_fork_exec(*args, **kwargs)

        monkeypatch.setattr(subprocess.Popen, "_execute_child", execute_child)
        monkeypatch.setattr(_posixsubprocess, "fork_exec", fork_exec)
        replaced = ["system", "posix_spawn", "posix_spawnp", "popen"]
        replaced += [n for n in dir(os) if n.startswith(("exec", "spawn"))]
        for name in replaced:
            if hasattr(os, name):
                monkeypatch.setattr(os, name, self._refuse(name))

    def _record(self, args: object) -> None:
        if isinstance(args, str | bytes | os.PathLike):
            self.argvs.append([os.fsdecode(args)])
        else:
            self.argvs.append([os.fsdecode(a) for a in args])  # type: ignore[attr-defined]

    def _refuse(self, name: str) -> Callable[..., object]:
        def refused(*args: object, **kwargs: object) -> object:
            self.argvs.append([f"os.{name}", *map(str, args)])
            raise OSError(f"os.{name} is not allowed in this test")

        return refused


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Started:
    return Started(monkeypatch)


def careless_path() -> str:
    """PATH with an empty and a relative entry in front: both mean the current directory."""
    return os.pathsep.join(["", ".", os.environ.get("PATH", os.defpath)])


@pytest.fixture
def trapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """(the trapped repository, its markers directory), with the cwd inside the repository
    and a PATH that searches the current directory first."""
    markers = tmp_path / "markers"
    root = trapped_repo(tmp_path / "checkout", markers)
    monkeypatch.setenv("PATH", careless_path())
    here = Path.cwd()
    os.chdir(root)
    try:
        yield root, markers
    finally:
        os.chdir(here)


def test_every_listed_command_is_run_by_these_tests(tmp_path: Path) -> None:
    assert set(invocations(tmp_path, tmp_path, tmp_path)) == set(cli.commands)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_a_command_runs_nothing_of_the_repository(
    command: str,
    trapped: tuple[Path, Path],
    started: Started,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, markers = trapped
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, symlinks=True)
    (tmp_path / "out").mkdir()
    for args in invocations(root, copy, tmp_path / "out")[command]:
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        assert_survived_code(code, captured.err, args)
    assert sorted(p.name for p in markers.iterdir()) == []
    if command in ("audit", "agents-md", "badge", "diff", "baseline", "fleet", "history"):
        assert started.argvs, "discovery runs git in a git work tree"
    for argv in started.argvs:
        assert Path(argv[0]).name == "git" and Path(argv[0]).is_absolute(), argv
        assert all(guard in argv for guard in GIT_GUARDS), argv


def test_the_mcp_tools_run_nothing_of_the_repository(
    trapped: tuple[Path, Path], started: Started, tmp_path: Path
) -> None:
    pytest.importorskip("mcp", reason="the [mcp] extra is not installed")
    from auditor.mcp_server import answers
    from auditor.mcp_server.workspace import Workspace

    root, markers = trapped
    workspace = Workspace(root, tmp_path / "cache")
    answers.repository_facts(workspace)
    answers.instructions_for(workspace, "setup.py", None)
    answers.audit(workspace, page_size=500)
    answers.propose_agents_md(workspace)
    answers.report_text(workspace.report())
    assert sorted(p.name for p in markers.iterdir()) == []
    assert started.argvs, "discovery runs git in a git work tree"
    for argv in started.argvs:
        assert Path(argv[0]).name == "git" and all(guard in argv for guard in GIT_GUARDS), argv


def assert_survived_code(code: int, err: str, args: Args) -> None:
    assert code in (0, 1), (args, err)
    assert "internal error" not in err and "Traceback" not in err, (args, err)


def test_the_traps_are_armed(tmp_path: Path) -> None:
    """Run as their own tools would run them, the traps do write their markers: so an empty
    markers directory above means that nothing ran, not that the traps were broken."""
    markers = tmp_path / "markers"
    root = trapped_repo(tmp_path / "checkout", markers)
    for rel in PYTHON_TRAPS:
        subprocess.run([sys.executable, rel], cwd=root, check=True, capture_output=True)
    if shutil.which("make"):
        subprocess.run(["make", "-n"], cwd=root, check=True, capture_output=True)
        assert (markers / "make-parse").exists()
    subprocess.run(["git", "ls-files"], cwd=root, check=True, capture_output=True)
    subprocess.run(
        [*COMMITTER, "-c", "filter.trap.process=", "commit", "-q", "--allow-empty", "-m", "x"],
        cwd=root,
        check=True,
        capture_output=True,
    )
    scripts = json.loads((root / "package.json").read_text("utf-8"))["scripts"]
    for script in scripts.values():
        subprocess.run(["sh", "-c", script], cwd=root, check=True)
    names = {p.name for p in markers.iterdir()}
    assert {marker_name(rel) for rel in PYTHON_TRAPS} <= names
    assert {f"npm-{script}" for script in NPM_SCRIPTS} <= names
    assert {"git-fsmonitor", "hooks-path-pre-commit", "hooks-path-reference-transaction"} <= names
    assert "git-hook-pre-commit" not in names  # core.hooksPath replaced .git/hooks


def test_git_does_not_run_the_repositorys_fsmonitor_with_the_auditors_options(
    tmp_path: Path,
) -> None:
    from auditor.git_command import GIT

    markers = tmp_path / "markers"
    root = trapped_repo(tmp_path / "checkout", markers)
    for args in (["rev-parse", "--show-toplevel"], ["ls-files", "--others", "--exclude-standard"]):
        subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)
    assert sorted(p.name for p in markers.iterdir()) == []


def test_the_audit_survives_and_reports_the_repository(
    trapped: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.hostile.conftest import Outcome

    root, markers = trapped
    code = run(["audit", str(root), "--format", "json", "--no-cache"])
    outcome = Outcome(code, *capsys.readouterr())
    assert_survived(outcome)
    assert outcome.report["facts"], "the trapped repository was read"
    assert not any(markers.iterdir())
