"""docs/ci.md stays true: its GitLab job and its shell script run as written, its exit codes
are the CLI's."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from auditor import cli
from tests.reports.test_gitlab import CODE_QUALITY

DOC = Path(__file__).resolve().parents[1] / "docs" / "ci.md"
MakeRepo = Callable[..., Path]
FILES = {"README.md": "# app\n\nAn app.\n", "app.py": "def f(x: int) -> int:\n    return x\n"}
OVERSIZED = "DATA = [\n" + "    1,\n" * 1200 + "]\n"
pytestmark = pytest.mark.slow


def block(after: str, language: str) -> str:
    """The first ```language block after the heading `after`."""
    text = DOC.read_text("utf-8")
    section = text[text.index(after) :]
    found = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert found, f"no {language} block after {after!r}"
    return found.group(1)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`command` run by sh in `cwd` with this environment's `auditor` script on PATH."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        ["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def baselined(make_repo: MakeRepo) -> Path:
    root = make_repo(FILES, git=True)
    assert shell("auditor baseline . --no-cache", root).returncode == 0
    return root


def test_the_gitlab_job_writes_the_report_it_uploads(make_repo: MakeRepo) -> None:
    job = yaml.safe_load(block("## GitLab CI", "yaml"))["auditor"]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"
    (script,) = job["script"]
    assert script.rstrip().endswith(f"> {report}")
    root = baselined(make_repo)
    ran = shell(script.replace("auditor audit .", "auditor audit . --no-cache"), root)
    assert ran.returncode == 0, ran.stderr
    jsonschema.validate(json.loads((root / report).read_text()), CODE_QUALITY)
    (root / "data.py").write_text(OVERSIZED)
    failed = shell(script.replace("auditor audit .", "auditor audit . --no-cache"), root)
    assert failed.returncode == 1 and "NAV002 data.py" in failed.stderr
    issues = json.loads((root / report).read_text())
    assert any(i["location"]["path"] == "data.py" for i in issues)


def test_the_shell_script_passes_then_fails_on_a_new_finding(make_repo: MakeRepo) -> None:
    script = block("## Any other CI", "sh").replace("auditor audit .", "auditor audit . --no-cache")
    root = baselined(make_repo)
    passed = shell(script, root)
    assert passed.returncode == 0 and "auditor: passed" in passed.stdout
    assert (root / "auditor-report.json").is_file() and (root / "auditor-report.md").is_file()
    (root / "data.py").write_text(OVERSIZED)
    failed = shell(script, root)
    assert failed.returncode == 1 and "the gate failed" in failed.stdout


def test_the_exit_code_table_is_the_cli_s() -> None:
    text = DOC.read_text("utf-8")
    table = text[text.index("## Exit codes") : text.index("## Inline suppressions")]
    codes = [int(c) for c in re.findall(r"^\| `(\d+)` \|", table, re.M)]
    assert codes == [cli.EXIT_OK, cli.EXIT_GATE, cli.EXIT_USAGE, cli.EXIT_INTERNAL, 130]
