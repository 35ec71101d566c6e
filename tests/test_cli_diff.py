"""`auditor diff` and `auditor badge` end to end: real audits of a repository before and after."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.cli import run

BEFORE = {
    "README.md": "# shop\n\nA tiny shop.\n",
    "pyproject.toml": '[project]\nname = "shop"\nversion = "0.1.0"\n',
    "shop/__init__.py": '"""Shop."""\n',
    "shop/cart.py": '"""Cart."""\n\n\ndef total(items: list[int]) -> int:\n    return sum(items)\n',
    "tests/test_cart.py": "from shop.cart import total\n\n\ndef test_total():\n"
    "    assert total([1, 2]) == 3\n",
}
AGENTS = (
    "# AGENTS.md\n\n## Commands\n\n- Test: `pytest`\n- One test: "
    "`pytest tests/test_cart.py::test_total`\n\n## Boundaries\n\n- Never edit `dist/`.\n"
)
LONG_FUNCTION = '"""Big."""\n\n\ndef huge() -> None:\n' + "".join(
    f"    x{i} = {i}\n" for i in range(140)
)


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def call(*args: str) -> tuple[int, str, str]:
        code = run(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


@pytest.fixture
def reports(
    make_repo: Callable[..., Path], invoke: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> tuple[Path, Path]:
    """JSON reports of one repository before and after a change (AGENTS.md in, a long function)."""
    root = make_repo(BEFORE, git=True)
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert invoke("audit", str(root), "--no-cache", "-q", "-o", str(old))[0] == 0
    (root / "AGENTS.md").write_text(AGENTS, encoding="utf-8")
    (root / "shop" / "big.py").write_text(LONG_FUNCTION, encoding="utf-8")
    assert invoke("audit", str(root), "--no-cache", "-q", "-o", str(new))[0] == 0
    return old, new


def test_diff_of_two_real_audits(
    reports: tuple[Path, Path], invoke: Callable[..., tuple[int, str, str]]
) -> None:
    old, new = reports
    code, out, err = invoke("diff", str(old), str(new))
    assert code == 0 and err == ""
    assert "The repository got more ready for agents." in out
    assert "INS001  fail -> pass" in out
    assert "shop/big.py:4  NAV003  medium  function `huge`" in out
    assert "Fixed findings" in out and "New findings (1)" in out


def test_markdown_diff_and_regression_gate(
    reports: tuple[Path, Path], invoke: Callable[..., tuple[int, str, str]]
) -> None:
    old, new = reports
    code, out, err = invoke("diff", str(old), str(new), "--format", "markdown",
                            "--fail-on-regression")  # fmt: skip
    assert code == 1
    assert out.startswith("## Agent readiness: ")
    assert "### New findings (1)" in out
    assert err.strip() == "auditor: gate failed: 1 new finding at or above low severity"
    assert invoke("diff", str(old), str(new), "--fail-on", "high")[0] == 0
    code, _, err = invoke("diff", str(new), str(old), "--fail-on-regression", "--fail-on", "high")
    assert code == 1 and "score fell from" in err


def test_diff_bad_input_is_exit_2_with_one_line(
    reports: tuple[Path, Path], invoke: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    old, _ = reports
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    future = tmp_path / "future.json"
    document = json.loads(old.read_text(encoding="utf-8"))
    future.write_text(json.dumps({**document, "schema_version": "2.0"}), encoding="utf-8")
    for args in (
        (str(old), str(tmp_path / "missing.json")),
        (str(old), str(broken)),
        (str(future), str(old)),
        (str(old), str(old), "--format", "yaml"),
    ):
        code, out, err = invoke("diff", *args)
        assert code == 2, args
        assert out == "" and len(err.strip().splitlines()) == 1, err


def test_badge_writes_svg_and_endpoint(
    make_repo: Callable[..., Path], invoke: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    root = make_repo(BEFORE)
    out_dir = tmp_path / "badges"
    code, out, err = invoke("badge", str(root), "-o", str(out_dir), "--no-cache")
    assert code == 0, err
    svg = (out_dir / "auditor-badge.svg").read_text(encoding="utf-8")
    endpoint = json.loads((out_dir / "auditor-badge.json").read_text(encoding="utf-8"))
    assert svg.startswith("<svg ") and endpoint["schemaVersion"] == 1
    assert endpoint["label"] == "agent-ready" and " · L" in endpoint["message"]
    assert endpoint["message"] in svg
    assert out.count("wrote ") == 2
    assert invoke("badge", str(tmp_path / "nowhere"))[0] == 2


def test_badge_from_a_saved_report(
    reports: tuple[Path, Path], invoke: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    old, _ = reports
    code, _, err = invoke("badge", str(old), "-o", str(tmp_path / "b"))
    assert code == 0, err
    document = json.loads(old.read_text(encoding="utf-8"))
    endpoint = json.loads((tmp_path / "b" / "auditor-badge.json").read_text(encoding="utf-8"))
    assert endpoint["message"] == f"{int(document['score'] + 0.5)} · L{document['level']}"
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    code, _, err = invoke("badge", str(broken))
    assert code == 2 and "not an auditor JSON report" in err


def test_formats_chosen_by_extension_and_stdout(
    make_repo: Callable[..., Path], invoke: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    root = make_repo(BEFORE)
    md, sarif = tmp_path / "r.md", tmp_path / "r.sarif"
    code, _, err = invoke("audit", str(root), "--no-cache", "-q", "-o", str(md), "-o", str(sarif))
    assert code == 0, err
    assert md.read_text(encoding="utf-8").startswith("# Agent readiness: ")
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    code, out, _ = invoke("audit", str(root), "--no-cache", "--format", "markdown")
    assert code == 0 and out.startswith("# Agent readiness: ")
    code, out, _ = invoke("audit", str(root), "--no-cache", "--format", "badge")
    assert code == 0 and out.startswith("<svg ")


@pytest.mark.slow
def test_diff_as_a_subprocess(reports: tuple[Path, Path]) -> None:
    old, new = reports
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "diff", str(old), str(new), "--fail-on-regression"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "gate failed" in done.stderr and "Score " in done.stdout
