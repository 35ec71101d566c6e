"""Every config key given every wrong type: exit 2 and one line naming the key, never a crash."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import api, registry
from auditor.config import KEYS, load_config
from auditor.errors import AuditorError, ConfigError
from tests.hostile.conftest import Invoke

VALUES_OF_EACH_TYPE: dict[str, str] = {
    "string": '"x"',
    "integer": "3",
    "float": "2.5",
    "bool": "true",
    "datetime": "1979-05-27T07:32:00Z",
    "array-of-integers": "[1, 2]",
    "array-of-tables": "[{a = 1}]",
    "table": "{a = 1}",
}
ACCEPTED = {
    "select": set(),
    "ignore": set(),
    "exclude": set(),
    "default-excludes": {"bool"},
    "fail-under": {"integer", "float"},
    "fail-on": set(),
    "jobs": {"integer"},
    "profile": set(),
    "rules": set(),
}
"""The types each key takes (the rest must be refused); an empty array of the right kind is
written separately. select/ignore/exclude take lists of strings, which no value here is."""
WRONG = sorted(
    (key, kind) for key in sorted(KEYS) for kind in VALUES_OF_EACH_TYPE if kind not in ACCEPTED[key]
)


def test_every_key_is_covered() -> None:
    assert set(ACCEPTED) == KEYS


@pytest.mark.parametrize("where", [".auditor.toml", "pyproject.toml"])
@pytest.mark.parametrize(("key", "kind"), WRONG)
def test_a_value_of_the_wrong_type_is_exit_two_naming_the_key(
    key: str, kind: str, where: str, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    line = f"{key} = {VALUES_OF_EACH_TYPE[kind]}\n"
    text = line if where == ".auditor.toml" else "[tool.auditor]\n" + line
    outcome = invoke("audit", make_repo({where: text}), "--no-cache", "-q")
    assert outcome.code == 2, outcome.err
    assert outcome.err.count("\n") == 1 and outcome.err.startswith("auditor: error: ")
    assert key in outcome.err and "Traceback" not in outcome.err


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[tool]\nauditor = [1]", "[tool.auditor]: must be a table"),
        ("[tool.auditor]\njobs = 0", "jobs must be a whole number of at least 1"),
        ("[tool.auditor]\njobs = -4", "jobs must be a whole number of at least 1"),
        ("[tool.auditor]\nfail-under = nan", "fail-under must be a number from 0 to 100"),
        ("[tool.auditor]\nfail-under = inf", "fail-under must be a number from 0 to 100"),
        ('[tool.auditor]\nexclude = ["!"]', "exclude: '!' is not a gitignore-style pattern"),
        ('[tool.auditor]\nexclude = ["[z-a]"]', "exclude: '[z-a]' is not a gitignore-style"),
        ("[tool.auditor]\nrules = {NAV001 = 1}", "rules must be a table of tables"),
        ("[tool.auditor.rules.NOPE001]\nx = 1", "options for unknown rule NOPE001"),
        ("[tool.auditor.rules.NAV003]\nnope = 1", "rule NAV003 has no option 'nope'"),
    ],
)
def test_wrong_shapes_are_exit_two_naming_what_is_wrong(
    text: str, named: str, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    outcome = invoke("audit", make_repo({"pyproject.toml": text + "\n"}), "--no-cache", "-q")
    assert outcome.code == 2 and named in outcome.err and outcome.err.count("\n") == 1


@pytest.mark.parametrize("text", ["tool = 1", "tool = [1, 2]", 'tool = "auditor"'])
def test_a_pyproject_whose_tool_is_not_a_table_has_no_config(
    text: str, make_repo: Callable[..., Path], invoke: Invoke
) -> None:
    outcome = invoke("audit", make_repo({"pyproject.toml": text + "\n"}), "--no-cache", "-q")
    assert outcome.code in (0, 1) and outcome.err == ""


def _wrong_for(default: object) -> list[object]:
    kinds: dict[type, list[object]] = {
        bool: ["yes", 1, [True]],
        int: ["3", 2.5, True, [3]],
        float: ["0.5", True, [0.5]],
        tuple: ["x", [1], [["x"]], {"a": "x"}],
    }
    return kinds[type(default)]


OPTIONS = sorted(
    (rule.id, option.name, wrong)
    for rule in registry.load_rules()
    for option in rule.options
    for wrong in map(json.dumps, _wrong_for(option.default))
)


@pytest.mark.parametrize(("rule_id", "option", "wrong"), OPTIONS)
def test_every_rule_option_refuses_a_wrong_type_naming_it(
    rule_id: str, option: str, wrong: str, tmp_path: Path
) -> None:
    text = f"[rules.{rule_id}]\n{option} = {_toml(json.loads(wrong))}\n"
    (tmp_path / ".auditor.toml").write_text(text)
    with pytest.raises(ConfigError, match=f"rule {rule_id}: option '{option}' takes a"):
        api.select_rules(load_config(tmp_path))


def _toml(value: Any) -> str:
    """`value` as a TOML value (strings, numbers, booleans, datetimes, arrays, tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):  # JSON escapes are TOML's, but for DEL and astral characters
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"


TOML_VALUES = st.recursive(
    st.none().map(lambda _: "x")
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(max_size=12)
    | st.datetimes(timezones=st.just(datetime.UTC)),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from(sorted(KEYS)), value=TOML_VALUES)
def test_any_value_of_any_key_is_taken_or_refused_by_name(
    tmp_path_factory: pytest.TempPathFactory, key: str, value: Any
) -> None:
    root = tmp_path_factory.mktemp("config")
    (root / ".auditor.toml").write_text(f"{json.dumps(key)} = {_toml(value)}\n", "utf-8")
    try:
        config = load_config(root)
    except ConfigError as error:
        assert key in str(error) and "\n" not in str(error)
        return
    try:  # what the file could not check alone: rule ids and each rule's options
        api.select_rules(config)
    except AuditorError as error:
        assert "\n" not in str(error)
