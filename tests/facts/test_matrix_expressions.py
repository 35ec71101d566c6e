"""GitHub expressions read for one matrix.include entry, and the runs they give a step."""

from __future__ import annotations

from auditor.facts.ci.matrix_expressions import matrix_keys, with_entry
from tests.facts.test_test_command import MakeSubject, chosen

TOX_ENV = "tox run -e ${{ matrix.tox || format('py{0}', matrix.python) }}"


def test_an_entrys_values_fill_or_and_format_expressions() -> None:
    assert with_entry(TOX_ENV, {"python": "3.13"}) == "tox run -e py3.13"
    assert with_entry(TOX_ENV, {"python": "pypy-3.11", "tox": "pypy3.11"}) == "tox run -e pypy3.11"
    assert with_entry("${{ matrix.os || 'ubuntu-latest' }}", {}) == "ubuntu-latest"
    assert with_entry("./gradlew ${{ matrix.tasks }}", {"os": "x"}) is None  # unset: unknown
    assert with_entry("make ${{ github.ref }}", {}) == "make ${{ github.ref }}"
    assert with_entry("x ${{ matrix.a && 'b' }}", {"a": "1"}) is None  # not read: unknown
    assert matrix_keys(TOX_ENV) == {"tox", "python"}


def test_a_tox_env_chosen_by_an_expression_over_include_entries_is_cis_run(
    make_subject: MakeSubject,
) -> None:
    ci = (
        "on: [pull_request]\njobs:\n  tests:\n    runs-on: ${{ matrix.os || 'ubuntu-latest' }}\n"
        "    strategy:\n      matrix:\n        include:\n          - {python: '3.13'}\n"
        "          - {python: '3.13', os: windows-latest}\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        f"      - run: {TOX_ENV}\n"
    )
    files = {
        "pyproject.toml": "[project]\nname = 'p'\n\n[tool.tox]\nenv_list = ['py3.13', 'style']\n"
        "[tool.tox.env_run_base]\ncommands = [['pytest']]\n",
        "p/__init__.py": "",
        "tests/test_a.py": "def test_a():\n    assert True\n",
        ".github/workflows/tests.yaml": ci,
    }
    assert chosen(make_subject, files)[0][:2] == (
        "tox run -e py3.13", ".github/workflows/tests.yaml",
    )  # fmt: skip
