"""`auditor agents-md`: dry run, --write, --check, --packages, --link, and write safety."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.agents_md.drift import DRIFT_RULES
from auditor.cli import run
from tests.fixtures.ecosystems import ECOSYSTEMS

Invoke = Callable[..., tuple[int, str, str]]


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str]) -> Invoke:
    def call(*args: str) -> tuple[int, str, str]:
        code = run(["agents-md", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_dry_run_prints_the_proposal_and_writes_nothing(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS["go-module"])
    code, out, err = invoke(str(root))
    assert code == 0
    assert out.startswith("==> AGENTS.md (new) <==\n# AGENTS.md\n\n<!-- auditor:begin -->")
    assert "- Run the tests: `make test`" in out
    assert "nothing written" in err
    assert not (root / "AGENTS.md").exists()


def test_dry_run_shows_a_diff_against_the_existing_file(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS["python-uv"])
    code, out, _ = invoke(str(root))
    assert code == 0
    assert "--- a/AGENTS.md\n+++ b/AGENTS.md\n" in out
    assert "+<!-- auditor:begin -->\n" in out


def test_write_then_check_passes_and_drift_fails_with_file_and_line(
    invoke: Invoke, make_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(ECOSYSTEMS["go-module"])
    assert invoke(str(root), "--write")[0] == 0
    assert invoke(str(root), "--check")[0] == 0
    (root / "Makefile").write_text("test:\n\tgo test ./...\n")
    code, out, err = invoke(str(root), "--check")
    assert code == 1
    assert "AGENTS.md:10: `make lint` in the managed block is no longer true (INS005)" in out
    assert "`make lint`: Makefile has no target `lint`" in out
    assert "2 problem(s)" in err
    run(["audit", str(root), "--format", "json", "--no-cache"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    judged = {
        f"{f['path']}:{f['line']}: {f['message']} ({f['rule']})"
        for f in findings
        if f["rule"] in DRIFT_RULES
    }
    assert judged == set(out.splitlines())  # the same judges, the same verdicts


def test_a_hand_written_file_is_changed_only_with_force(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS["python-uv"])
    before = (root / "AGENTS.md").read_bytes()
    code, out, _ = invoke(str(root), "--write")
    assert code == 2
    assert "refused AGENTS.md" in out
    assert (root / "AGENTS.md").read_bytes() == before
    assert invoke(str(root), "--write", "--force")[0] == 0
    after = (root / "AGENTS.md").read_bytes()
    assert after.startswith(b"# AGENTS.md\n\n<!-- auditor:begin -->")
    assert after.endswith(before[len(b"# AGENTS.md\n\n") :])
    assert invoke(str(root), "--write")[0] == 0  # now it holds the markers: ours


def test_packages_and_links(invoke: Invoke, make_repo: Callable[..., Path]) -> None:
    gemini = "Read @AGENTS.md\n@AGENTS.md\n"
    root = make_repo({**ECOSYSTEMS["cargo-workspace"], "GEMINI.md": gemini})
    code, out, _ = invoke(str(root), "--write", "--packages", "--link", "claude,gemini")
    assert code == 0, out
    assert (root / "crates/parser/AGENTS.md").exists()
    assert (root / "CLAUDE.md").read_text() == "@AGENTS.md\n"
    assert "GEMINI.md already imports AGENTS.md" in out
    assert (root / "GEMINI.md").read_text() == "Read @AGENTS.md\n@AGENTS.md\n"
    assert invoke(str(root), "--check")[0] == 0


def test_an_unknown_agent_and_conflicting_modes_are_usage_errors(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS["go-module"])
    code, _, err = invoke(str(root), "--link", "cursor")
    assert code == 2 and "unknown agent 'cursor'" in err
    code, _, err = invoke(str(root), "--write", "--check")
    assert code == 2 and "choose one of" in err


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_a_link_out_of_the_repository_is_never_written_through(
    invoke: Invoke, make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("# mine\n")
    root = make_repo(ECOSYSTEMS["go-module"])
    (root / "AGENTS.md").symlink_to(outside)
    code, out, _ = invoke(str(root), "--write", "--force")
    assert code == 2
    assert f"refused AGENTS.md: is a symbolic link (to {outside})" in out
    assert outside.read_text() == "# mine\n"


def test_no_link_is_written_to_an_agents_md_that_was_refused(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo({**ECOSYSTEMS["go-module"], "AGENTS.md": "# Hand-written\n\nMine.\n"})
    code, out, _ = invoke(str(root), "--write", "--link", "claude")
    assert code == 2
    assert "refused AGENTS.md" in out
    assert "refused CLAUDE.md: the AGENTS.md it imports was not written" in out
    assert not (root / "CLAUDE.md").exists()


@pytest.mark.slow
def test_as_a_subprocess(make_repo: Callable[..., Path]) -> None:
    root = make_repo(ECOSYSTEMS["pnpm-workspace"])
    command = [sys.executable, "-m", "auditor", "agents-md", str(root)]
    done = subprocess.run([*command, "--write"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*command, "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_begin_marker_without_an_end_is_reported_not_guessed(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    agents = "# A\n\n<!-- auditor:begin -->\n- Run the tests: `make test`\n\nMine.\n"
    root = make_repo({**ECOSYSTEMS["go-module"], "AGENTS.md": agents})
    code, _, err = invoke(str(root), "--write", "--force")
    assert code == 2 and "has no `<!-- auditor:end -->`" in err
    assert (root / "AGENTS.md").read_text() == agents
    code, out, _ = invoke(str(root), "--check")
    assert code == 1 and out.startswith("AGENTS.md:3: ")


def test_explain_is_reachable_from_the_same_command(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS["python-uv"])
    code, out, _ = invoke(str(root), "--explain", "src", "--agent", "codex")
    assert code == 0 and "AGENTS.md" in out


def test_a_subdirectory_is_written_for_as_a_package_of_its_repository(
    invoke: Invoke, make_repo: Callable[..., Path]
) -> None:
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["packages/*"]}\n',
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        ".github/copilot-instructions.md": (
            "- `packages/web`: the site\n- `packages/api`: the server\n"
        ),
        "packages/web/package.json": '{"name": "web", "scripts": {"test": "vitest run"}}\n',
        "packages/web/src/a.test.ts": "test('a', () => {})\n",
        "packages/api/package.json": '{"name": "api"}\n',
        "packages/api/index.js": "module.exports = 1;\n",
    }
    root = make_repo(files, git=True)
    code, out, _ = invoke(str(root / "packages/web"), "--write")
    assert code == 0 and "packages/web/AGENTS.md" in out
    written = (root / "packages/web/AGENTS.md").read_text()
    assert "- Run the tests: `pnpm test`" in written  # the workspace's manager, not npm
    assert not (root / "packages/web/packages").exists() and not (root / "AGENTS.md").exists()
    # the root's instructions name a sibling package discovery did not read: it exists
    code, out, _ = invoke(str(root / "packages/web"), "--check")
    assert (code, out) == (0, "")
    code, _, err = invoke(str(root / "packages/web"), "--link", "claude")
    assert code == 2 and "work from the repository's top" in err
