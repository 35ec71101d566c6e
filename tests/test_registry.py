"""The registry: packs through entry points, validated, with one clean error per broken plugin."""

from __future__ import annotations

import sys
import types
from importlib.metadata import EntryPoint

import pytest

from auditor.errors import PluginError, UsageError
from auditor.model import Category
from auditor.registry import load_renderers, load_rules, resolve, select
from tests.rulefactory import make_rule


def pack(name: str, value: object) -> EntryPoint:
    module = types.ModuleType(f"fake_pack_{name}")
    module.RULES = value  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    return EntryPoint(name=name, value=f"{module.__name__}:RULES", group="auditor.rules")


def test_builtin_packs_load_through_entry_points() -> None:
    rules = load_rules()
    assert rules and [r.id for r in rules] == sorted(r.id for r in rules)
    assert {r.category for r in rules} <= set(Category)


def test_third_party_pack_loads_and_sorts() -> None:
    rules = load_rules([pack("b", (make_rule("ZZZ002"),)), pack("a", make_rule("ZZZ001"))])
    assert [r.id for r in rules] == ["ZZZ001", "ZZZ002"]


def test_duplicate_ids_are_a_plugin_error_naming_the_entry() -> None:
    with pytest.raises(PluginError, match=r"\[b\].*ZZZ001 is already taken"):
        load_rules([pack("a", (make_rule("ZZZ001"),)), pack("b", (make_rule("ZZZ001"),))])


def test_invalid_declaration_is_a_plugin_error() -> None:
    with pytest.raises(PluginError, match="not a family prefix"):
        load_rules([pack("a", (make_rule("bad"),))])


def test_unloadable_pack_is_a_plugin_error() -> None:
    broken = EntryPoint(name="x", value="no_such_module_anywhere:RULES", group="auditor.rules")
    with pytest.raises(PluginError, match="cannot load"):
        load_rules([broken])


def test_select_by_id_prefix_category_and_alias() -> None:
    rules = (
        make_rule("ABC001"),
        make_rule("ABC002", category=Category.SAFETY),
        make_rule("XYZ001", aliases=("OLD001",)),
    )
    assert resolve(rules, ["ABC"]) == {"ABC001", "ABC002"}
    assert resolve(rules, ["safety"]) == {"ABC002"}
    assert resolve(rules, ["old001"]) == {"XYZ001"}
    assert [r.id for r in select(rules, [], ["ABC001"])] == ["ABC002", "XYZ001"]
    with pytest.raises(UsageError, match="no rule matches 'NOPE'"):
        resolve(rules, ["NOPE"])


def test_renderers_are_found_and_unknown_format_is_usage_error() -> None:
    renderers = load_renderers()
    assert {"text", "json"} <= set(renderers.names)
    assert callable(renderers.get("json"))
    with pytest.raises(UsageError, match="unknown report format"):
        renderers.get("pdf")
