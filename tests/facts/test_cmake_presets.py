"""CMake presets that test: the project's own configure, build and test presets, on Linux."""

from __future__ import annotations

import json

from tests.facts.test_test_command import MakeSubject, chosen

CMAKE = "project(g CXX)\nenable_testing()\nadd_subdirectory(tests)\n"


def presets(*names: str, windows_only: tuple[str, ...] = ()) -> str:
    base = {"name": "base", "hidden": True, "binaryDir": "${sourceDir}/build/${presetName}"}
    windows = {
        "name": "msvc-base", "inherits": "base", "hidden": True,
        "condition": {"type": "equals", "lhs": "${hostSystemName}", "rhs": "Windows"},
    }  # fmt: skip
    configure = [base, windows] + [
        {"name": n, "inherits": "msvc-base" if n in windows_only else "base"} for n in names
    ]
    pairs = [{"name": n, "configurePreset": n} for n in names]
    document = {"version": 3, "configurePresets": configure, "buildPresets": pairs}
    return json.dumps({**document, "testPresets": pairs}, indent=2)


def test_the_first_test_preset_that_holds_on_linux_is_configured_built_and_run(
    make_subject: MakeSubject,
) -> None:
    files = {
        "CMakeLists.txt": CMAKE,
        "tests/CMakeLists.txt": "add_test(NAME t COMMAND t)\n",
        "CMakePresets.json": presets("msvc-debug", "gcc-debug", windows_only=("msvc-debug",)),
    }
    lines = files["CMakePresets.json"].splitlines()
    tests_at = lines.index('  "testPresets": [')
    line = lines.index('      "name": "gcc-debug",', tests_at) + 1
    assert chosen(make_subject, files)[0] == (
        "cmake --preset gcc-debug && cmake --build --preset gcc-debug && ctest --preset gcc-debug",
        "CMakePresets.json",
        line,
        "build-tool",
    )
    # presets for Windows hosts only: the plain build directory
    files["CMakePresets.json"] = presets("msvc-debug", windows_only=("msvc-debug",))
    assert chosen(make_subject, files)[0][:2] == (
        "cmake -B build && cmake --build build && ctest --test-dir build",
        "CMakeLists.txt",
    )
