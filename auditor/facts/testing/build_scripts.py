"""Build scripts that run the tests: Cake (`build.cake`), NUKE, `build.sh`, `build.ps1`,
`build.cmd`."""

from __future__ import annotations

import re

from auditor.facts.runners.cake import CakeScript, cake_script
from auditor.facts.runners.nuke import RUNS_NUKE, nuke_build
from auditor.facts.sources import FactSources

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
