"""The pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit itself through `try-repo`.

pre-commit installs a `language: python` hook by building this repository in a fresh virtual
environment. Its dependencies come from a wheelhouse repacked from this test environment, and
pip is told to use no index, so the test needs no network (on this machine the package index
is not reachable offline: libcst and tree-sitter are not in its local mirror).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests import wheelhouse

ROOT = Path(__file__).resolve().parents[1]
MakeRepo = Callable[..., Path]
pytestmark = pytest.mark.slow
FILES = {
    "README.md": "# app\n\nAn app that does a thing for the people who need it done.\n",
    "AGENTS.md": "# Agents\n\n- Test: `python -m pytest`\n- Never commit secrets.\n",
    "app.py": "def f(x: int) -> int:\n    return x\n",
}
TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"


@pytest.fixture(scope="module")
def offline_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pre-commit's environment: its own home, pip confined to a local wheelhouse."""
    scratch = tmp_path_factory.mktemp("pre-commit")
    requires = ["agent-readiness-auditor", "setuptools"]
    wheels = wheelhouse.build(requires, scratch / "wheels")
    bin_dir = Path(sys.executable).parent
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "GIT_"))},
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(scratch / "home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
    }


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=root, check=True, capture_output=True)  # fmt: skip


def try_repo(root: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip


def test_the_hooks_file_declares_both_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"auditor-changed", "agents-md-check"}
    changed = hooks["auditor-changed"]
    assert changed["entry"].startswith("auditor audit --changed-since HEAD --fail-on high")
    assert hooks["agents-md-check"]["entry"] == "auditor agents-md --check"
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in hooks.values())


def test_auditor_changed_fails_a_commit_that_adds_a_secret(
    make_repo: MakeRepo, offline_env: dict[str, str]
) -> None:
    root = make_repo(FILES, git=True)
    (root / "b.py").write_text("def g(x: int) -> int:\n    return x\n")
    git(root, "add", "b.py")
    passed = try_repo(root, "auditor-changed", offline_env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    (root / "settings.py").write_text(f'GITHUB = "{TOKEN}"\n')
    git(root, "add", "settings.py")
    failed = try_repo(root, "auditor-changed", offline_env)
    assert failed.returncode == 1 and "Failed" in failed.stdout
    assert "SAF002 settings.py" in failed.stdout


def test_agents_md_check_fails_on_a_dangling_reference(
    make_repo: MakeRepo, offline_env: dict[str, str]
) -> None:
    root = make_repo(FILES, git=True)
    assert try_repo(root, "agents-md-check", offline_env).returncode == 0
    (root / "AGENTS.md").write_text(FILES["AGENTS.md"] + "- Read `docs/missing.md` first.\n")
    git(root, "add", "AGENTS.md")
    failed = try_repo(root, "agents-md-check", offline_env)
    assert failed.returncode == 1 and "docs/missing.md" in failed.stdout
