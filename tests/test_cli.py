"""The CLI, in-process (click's runner through our error boundary) and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor import api
from auditor.cli import cli, run

POOR = {"README.md": "# tiny\n", "main.py": "print('hi')\n"}


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def invoke(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """Run `auditor ARGS` in-process through the same boundary as the console script."""

    def call(*args: str) -> Result:
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def test_version_and_help(invoke: Callable[..., Result]) -> None:
    assert invoke("--version").code == 0
    helped = invoke("audit", "--help")
    assert helped.code == 0 and "--fail-under" in helped.out and "Examples" in helped.out


def test_audit_prints_a_report_and_passes_without_a_gate(
    invoke: Callable[..., Result], make_repo: Callable[..., Path]
) -> None:
    root = make_repo(POOR)
    result = invoke("audit", str(root), "--no-cache")
    assert result.code == 0, result.err
    assert "Level" in result.out or "level" in result.out


def test_json_format_is_valid_and_stable(
    invoke: Callable[..., Result], make_repo: Callable[..., Path]
) -> None:
    root = make_repo(POOR)
    first = invoke("audit", str(root), "--format", "json", "--no-cache")
    second = invoke("audit", str(root), "--format", "json", "--no-cache")
    assert first.code == 0 and first.out == second.out
    document = json.loads(first.out)
    assert {"score", "level", "facts", "findings", "rules"} <= document.keys()


def test_output_files_follow_their_extension(
    invoke: Callable[..., Result], make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_repo(POOR)
    target = tmp_path / "out" / "report.json"
    assert invoke("audit", str(root), "-q", "-o", str(target), "--no-cache").code == 0
    assert json.loads(target.read_text())["schema_version"]
    unknown = invoke("audit", str(root), "-o", str(tmp_path / "report.xyz"))
    assert unknown.code == 2 and "extension" in unknown.err


def test_gates_exit_one(invoke: Callable[..., Result], make_repo: Callable[..., Path]) -> None:
    root = make_repo(POOR)
    under = invoke("audit", str(root), "--fail-under", "99.9", "--no-cache", "-q")
    assert under.code == 1 and "below --fail-under" in under.err
    on = invoke("audit", str(root), "--fail-on", "low", "--no-cache", "-q")
    assert on.code == 1 and "--fail-on" in on.err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["audit", "/no/such/dir"], "no such directory"),
        (["audit", "--fail-under", "120", "."], "120"),
        (["audit", ".", "--select", "NOPE999"], "no rule matches"),
        (["audit", ".", "--format", "pdf"], "unknown report format"),
        (["explain", "NOPE999"], "no rule"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_two_with_one_line(
    invoke: Callable[..., Result], args: list[str], needle: str
) -> None:
    result = invoke(*args)
    assert result.code == 2
    assert needle in result.err and "Traceback" not in result.err


def test_a_file_instead_of_a_directory(invoke: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = invoke("audit", str(target))
    assert result.code == 2 and "is a file" in result.err


def test_bad_config_is_exit_two(
    invoke: Callable[..., Result], make_repo: Callable[..., Path]
) -> None:
    root = make_repo({**POOR, ".auditor.toml": "colour = true\n"})
    result = invoke("audit", str(root))
    assert result.code == 2 and "unknown key 'colour'" in result.err


def test_internal_error_is_exit_three_with_traceback_saved(
    invoke: Callable[..., Result], make_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(api, "audit", explode)
    monkeypatch.setattr(tempfile, "tempdir", str(make_repo({}, name="crash-logs")))
    result = invoke("audit", str(make_repo(POOR)))
    assert result.code == 3
    assert "internal error: ZeroDivisionError: boom" in result.err and "Traceback" not in result.err
    saved = result.err.split("traceback: ")[1].split(";")[0]
    assert "ZeroDivisionError" in Path(saved).read_text()


def test_rules_and_explain(invoke: Callable[..., Result]) -> None:
    listed = json.loads(invoke("rules", "--format", "json").out)
    assert listed and all({"id", "category", "severity", "level"} <= row.keys() for row in listed)
    explained = invoke("explain", listed[0]["id"].lower())
    assert explained.code == 0 and "## How to fix it" in explained.out


def test_click_runner_sees_the_same_commands() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0 and "rules." in result.output


@pytest.mark.slow
def test_real_subprocess_exit_codes(make_repo: Callable[..., Path], tmp_path: Path) -> None:
    root = make_repo(POOR)

    def auditor(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=120
        )

    ok = auditor("audit", str(root), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    assert ok.returncode == 0 and json.loads(ok.stdout)["tool"]["name"] == "auditor"
    missing = auditor("audit", str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "Traceback" not in missing.stderr
    gated = auditor("audit", str(root), "--fail-under", "100", "-q", "--no-cache")
    assert gated.returncode == 1
