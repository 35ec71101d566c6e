"""Every fixture: the generated AGENTS.md resolves (INS007), `--write` then `--check` and
`audit` find no drift, and the unedited draft earns only what its verified content earns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.cli import run
from auditor.model import Status
from tests.fixtures import profiles
from tests.fixtures.ecosystems import ECOSYSTEMS

POLYGLOT = {
    "pyproject.toml": '[project]\nname = "bindings"\nversion = "0"\n\n'
    '[project.optional-dependencies]\ntest = ["pytest"]\n',
    "README.md": "# bindings\n\nInstall with `pip install -r requirements.txt`, then `pytest`.\n",
    "bindings/__init__.py": "",
    "tests/test_bindings.py": "def test_x():\n    pass\n",
    "rust/Cargo.toml": '[package]\nname = "core"\nversion = "0.1.0"\n',
    "rust/src/lib.rs": "pub fn f() {}\n",
    "go/go.mod": "module example.com/e2e\n\ngo 1.22\n",
    "go/internal/e2e/e2e_test.go": 'package e2e\n\nimport "testing"\n\n'
    "func TestX(t *testing.T) {}\n",
    ".github/workflows/ci.yml": "on: [pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
    "    steps:\n      - run: pytest\n      - run: cargo build\n        working-directory: rust\n"
    "      - run: go test ./go/internal/e2e\n",
}
"""Python at the root, a crate and a Go module beside it: no root Cargo.toml or go.mod, and a
README naming a requirements file that does not exist (its own finding, not the generator's)."""

FIXTURES = {
    **ECOSYSTEMS,
    "polyglot": POLYGLOT,
    **{
        f"profile-{name.lower()}": files
        for name, files in vars(profiles).items()
        if name.isupper() and isinstance(files, dict)
    },
}
DRIFT_RULES = frozenset({"INS005", "INS006", "INS007", "INS025"})
"""The instruction-drift rules: stale block, dangling path, unresolved command, conflicts."""


def statuses(root: Path) -> dict[str, Status]:
    return {result.id: result.status for result in audit(root).score.rules}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_write_then_check_then_audit_finds_no_drift(
    name: str, make_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files = dict(FIXTURES[name])
    if name == "polyglot":  # its README's own broken command would fail --check
        files["README.md"] = "# bindings\n\nTest with `pytest`.\n"
    root = make_repo(files, git=True)
    assert run(["agents-md", str(root), "--write", "--force"]) == 0
    code = run(["agents-md", str(root), "--check"])
    out = capsys.readouterr().out
    assert code == 0, out
    drift = [f for f in audit(root).findings if f.rule in DRIFT_RULES]
    assert drift == [], [(f.rule, f.path, f.line, f.message) for f in drift]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_generated_file_names_only_commands_that_resolve(
    name: str, make_repo: Callable[..., Path]
) -> None:
    files = {p: t for p, t in FIXTURES[name].items() if p.rpartition("/")[2] != "AGENTS.md"}
    root = make_repo(files, git=True)
    assert run(["agents-md", str(root), "--write"]) == 0
    unresolved = [f for f in audit(root).findings if f.rule == "INS007" and f.path == "AGENTS.md"]
    assert unresolved == [], [(f.path, f.line, f.message) for f in unresolved]


VERIFIED = {
    "INS001": (Status.FAIL, Status.PASS),  # an instruction file now exists
    "INS004": (Status.NOT_APPLICABLE, Status.PASS),  # its commands, each resolved
    "INS027": (Status.NOT_APPLICABLE, Status.PASS),  # its boundary: go.sum, a lockfile
}
"""What the verified content of go-module's draft satisfies."""
JUDGED_CLEAN = ("INS002", "INS003", "INS005", "INS006", "INS007", "INS028", "INS029", "INS031",
                "INS032", "INS033", "INS034", "INS035", "INS040")  # fmt: skip
"""Rules that now have a file to judge and find nothing wrong in it (size, unicode, ...)."""


def test_the_unedited_draft_earns_only_what_its_verified_content_earns(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo(ECOSYSTEMS["go-module"], git=True)
    before = statuses(root)
    assert run(["agents-md", str(root), "--write"]) == 0
    assert "TODO(maintainers):" in (root / "AGENTS.md").read_text()
    after = statuses(root)
    changed = {rule: (before[rule], after[rule]) for rule in after if before[rule] != after[rule]}
    assert changed == {
        **VERIFIED,
        **{rule: (Status.NOT_APPLICABLE, Status.PASS) for rule in JUDGED_CLEAN},
        "INS030": (Status.NOT_APPLICABLE, Status.FAIL),  # the placeholders are still there
    }


def test_the_drafts_placeholders_are_no_boundary(make_repo: Callable[..., Path]) -> None:
    root = make_repo(profiles.CLI, git=True)
    assert run(["agents-md", str(root), "--write"]) == 0
    text = (root / "AGENTS.md").read_text()
    assert "ask before" in text and "## Boundaries" not in text
    assert statuses(root)["INS027"] is Status.FAIL
    findings = [f for f in audit(root).findings if f.rule == "INS030"]
    line = text.splitlines().index(next(x for x in text.splitlines() if "TODO" in x)) + 1
    assert [(f.path, f.line) for f in findings] == [("AGENTS.md", line)]
    assert "placeholders of `auditor agents-md`'s draft" in findings[0].message
