"""The CMake presets that test (`CMakePresets.json`): configure, build and test one preset.

A project that ships presets has written down how it is configured for its tests (the
generator, the build directory, `-DPROJECT_TEST=ON`); its CI runs `cmake --preset X`, `cmake
--build --preset X`, `ctest --preset X`. The preset chosen is the first test preset, in file
order, that is not hidden, whose configure preset has a build preset too and whose conditions
(read through `inherits`) hold on a Linux host: a preset only for Windows hosts (`"condition":
{"type": "equals", "lhs": "${hostSystemName}", "rhs": "Windows"}`) is left out.
"""

from __future__ import annotations

from typing import Any

from auditor.facts.model import Command
from auditor.facts.sources import FactSources

PRESETS = "CMakePresets.json"
HOST = {"${hostSystemName}": "Linux"}
"""The host a command is written for: what an agent's sandbox runs."""
MAX_INHERITS = 16


def preset_test_command(src: FactSources) -> Command | None:
    """`cmake --preset X && cmake --build --preset X && ctest --preset X` for the first preset
    that tests on Linux, with the line of its test preset, or None."""
    presets = src.json(PRESETS) if src.repo.file(PRESETS) else None
    if not isinstance(presets, dict):
        return None
    configure = _by_name(presets.get("configurePresets"))
    built = {
        p.get("configurePreset"): name for name, p in _by_name(presets.get("buildPresets")).items()
    }
    for name, test in _by_name(presets.get("testPresets")).items():
        setup = test.get("configurePreset")
        if test.get("hidden") is True or not isinstance(setup, str) or setup not in built:
            continue
        if setup in configure and _holds_here(configure, setup):
            text = (
                f"cmake --preset {setup} && cmake --build --preset {built[setup]}"
                f" && ctest --preset {name}"
            )
            return Command(text, PRESETS, _line_of(src, name), "build-tool")
    return None


def _by_name(presets: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(presets, list):
        return {}
    found: dict[str, dict[str, Any]] = {}
    for preset in presets:
        if isinstance(preset, dict) and isinstance(preset.get("name"), str):
            found.setdefault(preset["name"], preset)
    return found


def _holds_here(configure: dict[str, dict[str, Any]], name: str) -> bool:
    """Whether the configure preset `name` and those it inherits from apply on a Linux host."""
    pending: list[str] = [name]
    seen: set[str] = set()
    while pending and len(seen) < MAX_INHERITS:
        current = pending.pop()
        preset = configure.get(current)
        if current in seen or preset is None:
            continue
        seen.add(current)
        if preset.get("condition") is not None and not _condition(preset["condition"]):
            return False
        inherits = preset.get("inherits")
        parents = [inherits] if isinstance(inherits, str) else inherits
        if isinstance(parents, list):
            pending.extend(parent for parent in parents if isinstance(parent, str))
    return True


def _condition(condition: Any) -> bool:
    """A preset condition evaluated for a Linux host; a kind not understood holds."""
    if isinstance(condition, bool):
        return condition
    if not isinstance(condition, dict):
        return True
    kind = condition.get("type")
    lhs = HOST.get(str(condition.get("lhs")), condition.get("lhs"))
    if kind in ("equals", "notEquals"):
        rhs = HOST.get(str(condition.get("rhs")), condition.get("rhs"))
        return (lhs == rhs) is (kind == "equals")
    if kind in ("inList", "notInList"):
        values = HOST.get(str(condition.get("string")), condition.get("string"))
        listed = condition.get("list")
        return (isinstance(listed, list) and values in listed) is (kind == "inList")
    if kind in ("anyOf", "allOf"):
        parts = [_condition(c) for c in condition.get("conditions") or []]
        return any(parts) if kind == "anyOf" else all(parts)
    if kind == "not":
        return not _condition(condition.get("condition"))
    if kind == "const":
        return condition.get("value") is not False
    return True


def _line_of(src: FactSources, name: str) -> int | None:
    quoted = f'"{name}"'
    lines = (src.text(PRESETS) or "").splitlines()
    in_tests = False
    for number, line in enumerate(lines, 1):
        in_tests = in_tests or '"testPresets"' in line
        if in_tests and quoted in line and '"name"' in line:
            return number
    return None
