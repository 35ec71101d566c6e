"""Cargo aliases that run a package of the repository as its task runner (the xtask pattern)."""

from __future__ import annotations

from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources

CONFIGS = (".cargo/config.toml", ".cargo/config")
PACKAGE_OPTIONS = frozenset({"-p", "--package", "--manifest-path"})
TEST_TASKS = frozenset({"test", "tests"})
MAX_ALIAS_DEPTH = 8


def cargo_task_aliases(src: FactSources) -> frozenset[str]:
    """The root's cargo aliases that run one of its packages (`xtask = "run --package xtask
    --"`, `run --manifest-path xtask/Cargo.toml --`, and `x = "xtask"` through it): `cargo
    xtask test` runs that program's `test` task."""
    aliases: dict[str, list[str]] = {}
    for path in CONFIGS:
        table = (src.toml(path) or {}).get("alias")
        if isinstance(table, dict):
            for name, value in table.items():
                words = value.split() if isinstance(value, str) else value
                if isinstance(words, list) and all(isinstance(w, str) for w in words):
                    aliases.setdefault(name, words)
    return frozenset(name for name in aliases if _runs_a_package(aliases, name))


def _runs_a_package(aliases: dict[str, list[str]], name: str) -> bool:
    words = aliases[name]
    for _ in range(MAX_ALIAS_DEPTH):  # an alias of an alias: `x = "xtask"`
        if not words or words[0] not in aliases or words[0] == name:
            break
        words = aliases[words[0]] + words[1:]
    return words[:1] == ["run"] and bool(PACKAGE_OPTIONS.intersection(words))


def runs_cargo_task_tests(invocation: Invocation, aliases: frozenset[str]) -> bool:
    """Whether `invocation` is `cargo ALIAS test` for one of the task `aliases`."""
    words = [w for w in invocation.args if not w.startswith("-")]
    return (
        invocation.program == "cargo"
        and len(words) > 1
        and words[0] in aliases
        and words[1] in TEST_TASKS
    )
