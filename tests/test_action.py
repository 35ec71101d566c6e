"""The GitHub Action (action.yml): its documented inputs and outputs, the safe command, and the
gate step run as a runner would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INPUTS = {"path", "fail-under", "fail-on", "baseline", "changed-since", "sarif-file", "version"}
OUTPUTS = {"score", "level", "new-findings", "markdown-report"}
MakeRepo = Callable[..., Path]
FILES = {"README.md": "# app\n\nAn app.\n", "app.py": "def f(x: int) -> int:\n    return x\n"}
OVERSIZED = "DATA = [\n" + "    1,\n" * 1200 + "]\n"


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    return loaded


def step(action: dict[str, Any], step_id: str) -> dict[str, Any]:
    (found,) = [s for s in action["runs"]["steps"] if s.get("id") == step_id]
    return found


def test_inputs_and_outputs_are_the_documented_ones(action: dict[str, Any]) -> None:
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == INPUTS
    assert all(i["description"] and i["required"] is False for i in action["inputs"].values())
    assert set(action["outputs"]) == OUTPUTS
    for name, output in action["outputs"].items():
        assert output["value"] == f"${{{{ steps.audit.outputs.{name} }}}}"
    docs = (ROOT / "docs" / "ci.md").read_text("utf-8")
    for name in INPUTS | OUTPUTS:
        assert f"`{name}`" in docs, f"docs/ci.md does not document {name}"


def test_it_runs_the_safe_form_of_the_command(action: dict[str, Any]) -> None:
    scripts = [s["run"] for s in action["runs"]["steps"] if "run" in s]
    for script in scripts:
        assert "${{" not in script, "inputs must reach scripts through env, not be pasted in"
        code = [line for line in script.splitlines() if not line.strip().startswith("#")]
        assert not any("-m auditor" in line for line in code)
        assert all("-P -m " in line for line in code if " -m " in line), "python needs -P"
    assert '"$AUDITOR_VENV/bin/auditor" "${args[@]}"' in step(action, "audit")["run"]
    assert step(action, "install")["working-directory"] == "${{ runner.temp }}"


def run_gate(action: dict[str, Any], root: Path, tmp: Path, **inputs: str) -> tuple[int, Any]:
    """The audit step's script under bash, with the environment a runner gives it."""
    audit = step(action, "audit")
    env = {k: "" for k in audit["env"]}
    names = {v.split("inputs.")[1].rstrip(" }"): k for k, v in audit["env"].items()}
    env.update({names[name.replace("_", "-")]: value for name, value in inputs.items()})
    env[names["path"]] = env[names["path"]] or "."
    (tmp / "runner").mkdir(exist_ok=True)
    output, summary = tmp / "output", tmp / "summary"
    output.write_text("")
    summary.write_text("")
    env |= {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp)),
        "RUNNER_TEMP": str(tmp / "runner"),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "AUDITOR_VENV": str(Path(sys.executable).parent.parent),
    }
    ran = subprocess.run(["bash", "-c", audit["run"]], cwd=root, env=env, check=False)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return ran.returncode, (outputs, summary.read_text())


@pytest.mark.slow
def test_the_gate_step_sets_outputs_and_the_job_summary(
    action: dict[str, Any], make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo(FILES, git=True)
    assert subprocess.run([Path(sys.executable).parent / "auditor", "baseline", str(root),
                           "--no-cache"], check=False).returncode == 0  # fmt: skip
    code, (outputs, summary) = run_gate(
        action, root, tmp_path, baseline=".auditor-baseline.json", sarif_file="out.sarif"
    )
    assert code == 0
    assert set(outputs) == {"score", "level", "new-findings", "markdown-report"}
    assert outputs["new-findings"] == "0" and 0 <= float(outputs["score"]) <= 100
    assert summary.startswith("# Agent readiness") and (root / "out.sarif").is_file()
    (root / "data.py").write_text(OVERSIZED)
    code, (outputs, summary) = run_gate(action, root, tmp_path, baseline=".auditor-baseline.json")
    assert code == 1 and outputs["new-findings"] == "1" and "data.py" in summary
