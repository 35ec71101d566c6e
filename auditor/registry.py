"""Rule packs and renderers, found through entry points: built-ins use the same door as plugins."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from auditor.errors import PluginError, UsageError
from auditor.model import Category, RenderOptions, Report
from auditor.rule import Rule

RULES_GROUP = "auditor.rules"
REPORTS_GROUP = "auditor.reports"

Renderer = Callable[[Report, RenderOptions], str]


def _origin(entry: EntryPoint) -> str:
    dist = entry.dist.name if entry.dist is not None else "?"
    return f"{dist}[{entry.name}]"


def _load(entry: EntryPoint) -> Any:
    try:
        return entry.load()
    except Exception as error:
        raise PluginError(f"{_origin(entry)}: cannot load {entry.value}: {error}") from error


def load_rules(entries: Iterable[EntryPoint] | None = None) -> tuple[Rule, ...]:
    """Every registered rule, validated and sorted by id."""
    found: dict[str, tuple[Rule, str]] = {}
    aliases: dict[str, str] = {}
    chosen = entries if entries is not None else entry_points(group=RULES_GROUP)
    for entry in sorted(chosen, key=lambda e: (e.name, e.value)):
        loaded = _load(entry)
        rules = (loaded,) if isinstance(loaded, Rule) else loaded
        if not isinstance(rules, tuple | list) or not all(isinstance(r, Rule) for r in rules):
            raise PluginError(f"{_origin(entry)}: {entry.value} is not a Rule or a tuple of Rules")
        for rule in rules:
            problems = rule.problems()
            if problems:
                raise PluginError(f"{_origin(entry)}: rule {rule.id}: {'; '.join(problems)}")
            if rule.id in found or rule.id in aliases:
                owner = found[rule.id][1] if rule.id in found else f"an alias of {aliases[rule.id]}"
                raise PluginError(f"{_origin(entry)}: rule id {rule.id} is already taken ({owner})")
            found[rule.id] = (rule, _origin(entry))
            for alias in rule.aliases:
                aliases[alias] = rule.id
    return tuple(found[i][0] for i in sorted(found))


def resolve(rules: Iterable[Rule], patterns: Iterable[str]) -> set[str]:
    """The ids of `rules` named by `patterns`: ids, aliases, id prefixes or category names."""
    rules = tuple(rules)
    chosen: set[str] = set()
    categories = {c.value for c in Category}
    for raw in patterns:
        pattern = raw.strip()
        if not pattern:
            continue
        upper = pattern.upper()
        matched = {
            r.id
            for r in rules
            if upper == "ALL"
            or r.id.startswith(upper)
            or upper in r.aliases
            or (pattern.lower() in categories and r.category.value == pattern.lower())
        }
        if not matched:
            raise UsageError(f"no rule matches {pattern!r} (see `auditor rules`)")
        chosen |= matched
    return chosen


def select(rules: Iterable[Rule], select: Iterable[str], ignore: Iterable[str]) -> tuple[Rule, ...]:
    """The rules `select` names (all when empty) minus the ones `ignore` names."""
    rules = tuple(rules)
    selected = resolve(rules, select) if tuple(select) else {r.id for r in rules}
    selected -= resolve(rules, ignore)
    return tuple(r for r in rules if r.id in selected)


class Renderers:
    """Report formats by name, each loaded only when asked for: one broken renderer never
    breaks the others."""

    def __init__(self, entries: Mapping[str, EntryPoint]) -> None:
        self._entries = dict(entries)
        self._loaded: dict[str, Renderer] = {}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._entries))

    def get(self, name: str) -> Renderer:
        if name not in self._entries:
            raise UsageError(f"unknown report format {name!r} (known: {', '.join(self.names)})")
        if name not in self._loaded:
            renderer = _load(self._entries[name])
            if not callable(renderer):
                raise PluginError(
                    f"{_origin(self._entries[name])}: {self._entries[name].value} is not callable"
                )
            self._loaded[name] = renderer
        return self._loaded[name]


def load_renderers(entries: Iterable[EntryPoint] | None = None) -> Renderers:
    """The installed renderers; the first registration of a name (sorted by value) wins."""
    chosen = entries if entries is not None else entry_points(group=REPORTS_GROUP)
    found: dict[str, EntryPoint] = {}
    for entry in sorted(chosen, key=lambda e: (e.name, e.value)):
        found.setdefault(entry.name, entry)
    return Renderers(found)
