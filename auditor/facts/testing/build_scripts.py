"""Build scripts that run the tests: Cake (`build.cake`), NUKE, `build.sh`, `build.ps1`,
`build.cmd`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.facts.runners.cake import CakeScript, cake_script, cake_targets
from auditor.facts.runners.nuke import RUNS_NUKE, nuke_build, nuke_tests
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources

if TYPE_CHECKING:
    from auditor.facts.testing.invocations import TestEnvironment

BUILD_SCRIPTS = ("build.sh", "build.ps1", "build.cmd", "build.bat", "build")
SCRIPT_TESTS = re.compile(
    r"\b(?:dotnet\s+test|go\s+test|cargo\s+test|mvnw?\s+(?:test|verify)|gradlew?\s+(?:test|check)"
    r"|pytest|ctest|vstest\.console)\b"
)
"""A test run written directly in a build script."""
RUNS_CAKE = re.compile(r"\bcake\b", re.IGNORECASE)


def testing_cake_script(src: FactSources) -> CakeScript | None:
    """The root Cake script, when its default target runs tests."""
    for record in src.repo.glob("/*.cake"):
        script = cake_script(src, record.path)
        if script is not None and script.testing() is not None:
            return script
    return None


def testing_nuke_build(src: FactSources) -> CakeScript | None:
    """The NUKE build's targets, when one of them runs the tests (its default may not:
    `build.sh` alone compiles, `build.sh test` tests)."""
    build = src.derived("nuke-build", lambda: nuke_build(src))
    return build if build is not None and build.tests else None


def testing_build_scripts(src: FactSources) -> frozenset[str]:
    """The root build scripts that run the tests, themselves or through Cake or NUKE (for
    NUKE, with a target that tests)."""
    cake = testing_cake_script(src)
    nuke = testing_nuke_build(src)
    found = set()
    for name in BUILD_SCRIPTS:
        text = src.text(name) if src.repo.file(name) else None
        if text is None:
            continue
        if (
            SCRIPT_TESTS.search(text)
            or (cake and RUNS_CAKE.search(text))
            or (nuke and RUNS_NUKE.search(text))
        ):
            found.add(name)
    return frozenset(found)


PHP_TESTS = re.compile(r"\b(?:phpunit|pest|paratest|codecept(?:ion)?\s+run|atoum|kahlan)\b")


def composer_test_scripts(src: FactSources, directory: str = "") -> dict[str, int | None]:
    """composer.json scripts that run the tests (`"test": "phpunit"`, `"test": "@unit"`), each
    with its line."""
    path = f"{directory}/composer.json" if directory else "composer.json"
    manifest = src.json(path)
    scripts = manifest.get("scripts") if isinstance(manifest, dict) else None
    if not isinstance(scripts, dict):
        return {}
    bodies = {
        name: [body] if isinstance(body, str) else [b for b in body if isinstance(b, str)]
        for name, body in scripts.items()
        if isinstance(name, str) and isinstance(body, (str, list))
    }

    def runs(name: str, seen: frozenset[str]) -> bool:
        for body in bodies.get(name, ()):
            ref = body[1:].split()[0] if body.startswith("@") and body[1:].strip() else ""
            if PHP_TESTS.search(body) or (ref and ref not in seen and runs(ref, seen | {ref})):
                return True
        return False

    lines = (src.text(path) or "").splitlines()
    found: dict[str, int | None] = {}
    for name in bodies:
        if runs(name, frozenset({name})):
            line = next((i for i, text in enumerate(lines, 1) if f'"{name}"' in text), None)
            found[name] = line
    return found


TEST_TARGET = re.compile(r"(?i)test|check|^ci$|^default$|^build$")
"""Build-script targets that include the test run."""


def is_build_script_run(invocation: Invocation, cwd: str, env: TestEnvironment) -> bool:
    """`./build.sh`, `pwsh ./build.ps1 -Target Test`, `dotnet cake`, `build.cmd test` (NUKE):
    a build script that runs the tests, with no target or a test target."""
    path, args = _script_and_args(invocation)
    cake = invocation.program == "dotnet" and args[:1] == ("cake",)
    nuke = invocation.program == "nuke" or (
        invocation.program == "dotnet" and args[:1] == ("nuke",)
    )
    if cwd or not ((cake and env.cake) or (nuke and env.nuke) or path in env.build_scripts):
        return False
    if env.cake is not None:
        return all(env.cake.testing(target) is not None for target in cake_targets(args))
    if env.nuke is not None:
        return nuke_tests(env.nuke, args[1:] if invocation.program == "dotnet" else args)
    return all(TEST_TARGET.search(target) for target in cake_targets(args))


def _script_and_args(invocation: Invocation) -> tuple[str, tuple[str, ...]]:
    """The script a run names (`bash ./build.sh x`: `build.sh`) and the arguments it gets."""
    if invocation.program in ("bash", "sh", "pwsh", "powershell") and invocation.args:
        return invocation.args[0].removeprefix("./"), invocation.args[1:]
    return invocation.head.removeprefix("./"), invocation.args
