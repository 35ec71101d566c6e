"""Reusing detectors' and rules' answers across indexes never changes a report, and saves work.

Each case audits a sequence of versions of one repository in one process, inside
`read_log.reusing`, and compares every report byte for byte with a fresh audit of the same
version (no reuse): any read a detector or a rule makes that the index does not note would
show here as a stale answer.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import api, engine
from auditor.index.read_log import reusing
from auditor_reports import json_report
from tests.conftest import write_repo
from tests.fixtures.ecosystems import ECOSYSTEMS
from tests.git_history import make_history
from tests.history_repo import CHANGES, history_repository

Edit = Mapping[str, str | None]
EDITS: list[Edit] = [
    {"README.md": "# project\n\nRun `make test` to test.\n"},
    {"AGENTS.md": "# AGENTS\n\n- Test: `make test`\n- Never edit `generated/`.\n"},
    {"Makefile": "test:\n\tpython -m pytest\n\nlint:\n\truff check .\n"},
    {"src/extra.py": "import os\n\nTOKEN = os.environ['SERVICE_TOKEN']\n\n\ndef f(x):\n"
     "    return x\n"},
    {".github/workflows/ci.yml": "on: [pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
     "    steps:\n      - run: make test\n"},
    {"AGENTS.md": None},
    {".env.example": "SERVICE_TOKEN=\n"},
    {"src/extra.py": "def f(x):\n" + "".join(f"    x += {i}\n" for i in range(120))
     + "    return x\n"},
    {"README.md": None, "docs/guide.md": "# Guide\n"},
]  # fmt: skip
"""Edits touching each kind of input: docs, instructions, task runner, source, CI, env."""


def _render(root: Path) -> str:
    return json_report.render(api.audit(root), json_report.RenderOptions())


def _apply(root: Path, edit: Edit) -> None:
    for rel, content in edit.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)


@pytest.mark.parametrize("ecosystem", sorted(ECOSYSTEMS))
def test_edited_work_trees_get_the_fresh_report(ecosystem: str, tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", ECOSYSTEMS[ecosystem])
    fresh = tmp_path / "fresh"
    for edit in [{}, *EDITS]:
        _apply(root, edit)
        with reusing():
            reused = _render(root)
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(root, fresh)  # another root: nothing kept applies to it
        assert reused == _render(fresh).replace('"name": "fresh"', '"name": "repo"'), edit


def test_history_of_commits_gets_the_fresh_report(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shas = history_repository(root, commits=16)
    fresh = {
        sha: json_report.render(api.audit(root, rev=sha), json_report.RenderOptions())
        for sha in shas
    }
    with reusing():
        for sha in [*shas, *reversed(shas)]:
            report = api.audit(root, rev=sha)
            assert json_report.render(report, json_report.RenderOptions()) == fresh[sha]
    assert set(CHANGES) <= set(range(16))


def test_a_one_file_change_reuses_most_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    files = {**ECOSYSTEMS["python-uv"], "data/counter.txt": "0\n"}
    make_history(root, [files, {"data/counter.txt": "1\n"}, {"src/more.py": "X = 1\n"}])
    evaluated: list[str] = []
    real = engine._evaluate

    def counting(selected: engine.SelectedRule, subject: object) -> engine.Outcome:
        evaluated.append(selected.rule.id)
        return real(selected, subject)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_evaluate", counting)
    with reusing():
        api.audit(root, rev="HEAD~2")
        first = len(evaluated)
        api.audit(root, rev="HEAD~1")  # a data file changed
        second = len(evaluated) - first
        api.audit(root, rev="HEAD")  # a source file added
        third = len(evaluated) - first - second
    assert first > 40
    assert second < first / 2, evaluated[first:]  # the rules that read every file rerun
    assert 0 < third < first


CI = "on: [pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"  # noqa: E501
POOL: dict[str, list[str | None]] = {
    "Makefile": [None, "test:\n\tpytest\n", "check:\n\tgo test ./...\ntest: check\n"],
    "package.json": [None, '{"scripts": {"test": "vitest run"}}\n',
                     '{"scripts": {"lint": "eslint ."}}\n'],
    "pyproject.toml": [None, '[project]\nname = "p"\n'
                       '[tool.pytest.ini_options]\ntestpaths = ["t"]\n'],
    "AGENTS.md": [None, "# AGENTS\n\n- Test: `make test`\n",
                  "# AGENTS\n\nRun `npm test`; see `docs/x.md`.\n"],
    "README.md": [None, "# p\n\nRun `pytest`.\n", "# p\n\nSet `API_KEY`.\n"],
    ".github/workflows/ci.yml": [None, CI],
    "go.mod": [None, "module example.com/p\n\ngo 1.22\n"],
    "app.py": [None, "import os\nKEY = os.environ['API_KEY']\n", "def f():\n    return 1\n"],
    "t/test_app.py": [None, "from app import f\n\n\ndef test_f():\n    assert f() == 1\n"],
    "main_test.go": [None, 'package p\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n'],
    "docs/x.md": [None, "# X\n"],
}  # fmt: skip
"""Files whose presence and content facts and rules look at, each with a few versions."""


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.sampled_from(sorted(POOL)), st.integers(0, 2)), min_size=2, max_size=4)
)
def test_random_edit_sequences_get_the_fresh_report(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]
) -> None:
    scratch = tmp_path_factory.mktemp("random")
    root = write_repo(scratch / "repo", {"README.md": "# p\n", "app.py": "X = 1\n"})
    fresh = scratch / "fresh"
    for path, choice in steps:
        versions = POOL[path]
        _apply(root, {path: versions[choice % len(versions)]})
        with reusing():
            reused = _render(root)
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(root, fresh)
        assert reused == _render(fresh).replace('"name": "fresh"', '"name": "repo"'), steps
