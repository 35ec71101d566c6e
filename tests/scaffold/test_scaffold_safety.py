"""What `scaffold-tests` refuses and survives: links, files not its own, unreadable source."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.scaffold.literals import string_literal
from auditor.scaffold.marker import EDITED, FOREIGN, GENERATED, ownership, with_marker
from tests.conftest import write_repo
from tests.hostile.conftest import Invoke


@given(st.text())
def test_a_string_literal_reads_back_as_its_text(text: str) -> None:
    assert ast.literal_eval(string_literal(text)) == text


@given(st.text(), st.text())
def test_a_header_knows_its_own_file_from_an_edited_one(source: str, body: str) -> None:
    text = with_marker("#", source, body)
    assert text.count("\n") == body.count("\n") + 2  # no source path breaks the header lines
    assert ownership(text) == GENERATED
    assert ownership(text + "x") == EDITED
    assert ownership(body) in (FOREIGN, EDITED, GENERATED) and ownership("x = 1\n") == FOREIGN


def test_a_dry_run_writes_nothing_and_the_json_plan_lists_the_risk(
    tmp_path: Path, invoke: Invoke
) -> None:
    root = write_repo(tmp_path / "r", {"app.py": "def run(x):\n    return x\n"})
    outcome = invoke("scaffold-tests", root, "--format", "json")
    assert outcome.code == 0, outcome.err
    plan = json.loads(outcome.out)
    assert [(m["name"], m["tests"]) for m in plan["modules"]] == [("app", ["tests/test_app.py"])]
    assert plan["modules"][0]["risk"] == 2  # complexity 1 + 1 public name
    assert sorted(p.name for p in root.iterdir()) == ["app.py"]


def test_limit_keeps_the_riskiest_and_an_unknown_module_is_named(
    tmp_path: Path, invoke: Invoke
) -> None:
    branchy = "def big(x):\n" + "".join(f"    if x == {n}:\n        return {n}\n" for n in range(5))
    root = write_repo(tmp_path / "r", {"small.py": "def s():\n    pass\n", "big.py": branchy})
    outcome = invoke("scaffold-tests", root, "--limit", "1", "--module", "big", "--module", "nope")
    assert "big (risk" in outcome.out and "small" not in outcome.out
    assert "not scaffolded: nope: no untested module of that name" in outcome.err
    again = invoke("scaffold-tests", root, "--write", "--module", "big")
    assert again.code == 0
    outcome = invoke("scaffold-tests", root, "--module", "big")
    assert "not scaffolded: big: big.py is imported by a test already" in outcome.err
    assert invoke("scaffold-tests", root, "--limit", "0").code == 2


def test_a_test_directory_linked_outside_the_root_is_not_written_through(
    tmp_path: Path, invoke: Invoke
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = write_repo(tmp_path / "r", {"app.py": "def run():\n    pass\n"})
    (root / "tests").symlink_to(outside, target_is_directory=True)
    outcome = invoke("scaffold-tests", root, "--write")
    assert outcome.code == 2
    assert "symbolic link" in outcome.out
    assert list(outside.iterdir()) == []


def test_a_file_the_auditor_did_not_write_is_kept_without_force(
    tmp_path: Path, invoke: Invoke
) -> None:
    mine = "// my own notes, not a test of the module\n"
    root = write_repo(
        tmp_path / "r",
        {
            "package.json": '{"type": "module"}',
            "src/a.js": "export function a() {}\n",
            "src/a.test.js": mine,
        },
    )
    outcome = invoke("scaffold-tests", root, "--write")
    assert outcome.code == 2 and "not written by the auditor" in outcome.out
    assert (root / "src" / "a.test.js").read_text() == mine
    assert invoke("scaffold-tests", root, "--write", "--force").code == 0
    assert "it.todo" in (root / "src" / "a.test.js").read_text()


@pytest.mark.parametrize(
    ("path", "text", "reason"),
    [
        ("broken.py", "def run(:\n    pass\n", "libcst cannot parse it"),
        ("my-tools/run.py", "def run():\n    pass\n", "not a Python import name"),
        ("migrations/0001_init.py", "def forwards():\n    pass\n", "not a Python import name"),
    ],
)
def test_a_module_it_cannot_scaffold_is_named_with_the_reason(
    tmp_path: Path, invoke: Invoke, path: str, text: str, reason: str
) -> None:
    root = write_repo(tmp_path / "r", {path: text})
    outcome = invoke("scaffold-tests", root, "--write")
    assert outcome.code == 0, outcome.err
    assert reason in outcome.err
    assert not (root / "tests").exists()


def test_hostile_names_stay_inert_in_what_is_generated(tmp_path: Path, invoke: Invoke) -> None:
    root = write_repo(
        tmp_path / "r",
        {
            "package.json": '{"type": "module"}',
            'odd\n"name.js': "export function f(a = '\\u2028') {}\n",
            "mod.py": 'def f(a="\\n\\x1b[31m", b=\'"\'):\n    pass\n',
        },
    )
    assert invoke("scaffold-tests", root, "--write").code == 0
    python = (root / "tests" / "test_mod.py").read_text()
    ast.parse(python)
    js = (root / 'odd\n"name.test.js').read_text()
    assert js.splitlines()[1] == '// Tests of odd\\n\\"name.js: edit freely, edits are kept.'
    assert 'from "./odd\\n\\"name.js"' in js


def test_the_console_script_writes_and_then_changes_nothing(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", {"app.py": "def run(x):\n    return x\n"})
    script = Path(sys.executable).parent / "auditor"
    first = subprocess.run([script, "scaffold-tests", root, "--write"], capture_output=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.decode().splitlines() == ["wrote tests/test_app.py", "wrote pytest.ini"]
    again = subprocess.run([script, "scaffold-tests", root, "--write"], capture_output=True)
    assert again.returncode == 0 and b"nothing to scaffold" in again.stdout


def test_a_package_dir_mapping_names_the_import(tmp_path: Path, invoke: Invoke) -> None:
    root = write_repo(
        tmp_path / "r",
        {
            "pyproject.toml": '[tool.setuptools.package-dir]\nmy_rules = "rules"\n',
            "rules/__init__.py": "",
            "rules/two.py": "def two():\n    return 2\n",
        },
    )
    plan = json.loads(invoke("scaffold-tests", root, "--format", "json").out)
    assert [m["name"] for m in plan["modules"]] == ["my_rules.two"]
