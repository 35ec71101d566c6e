"""Each test framework's own command to run the suite, for when nothing else says how.

Build tools that run the tests themselves (Gradle, Maven, rake, CMake, dotnet, cargo, go) are
in `build_tools`; a framework's command here is spelled with the project's prefix (`prefix`).
"""

from __future__ import annotations

from auditor.facts.ecosystem.managers import package_managers
from auditor.facts.model import Command
from auditor.facts.runners.package_scripts import has_real_test_script, package_manager
from auditor.facts.sources import FactSources
from auditor.facts.testing.invocations import TestEnvironment
from auditor.facts.testing.prefix import js_program, main_manager, python_program, ruby_program

MANIFESTS: dict[str, tuple[str, ...]] = {
    "rspec": ("Gemfile",), "phpunit": ("composer.json",), "exunit": ("mix.exs",),
    "xctest": ("Package.swift",),
    "vitest": ("package.json",), "jest": ("package.json",), "mocha": ("package.json",),
}  # fmt: skip
"""Where a default command is said to come from: the manifest, else the framework's evidence."""


def default_test_commands(
    src: FactSources, frameworks: dict[str, str], env: TestEnvironment
) -> list[Command]:
    """Each framework's own command, where the framework is in use (origin default)."""
    manager = main_manager(package_managers(src), src.repo)
    texts: dict[str, str] = {
        "pytest": python_program(manager, "pytest"),
        "phpunit": "vendor/bin/phpunit",
        "pest": "vendor/bin/pest",
        "exunit": "mix test",
        "xctest": "swift test",
    }
    if _bundles_rspec(src):
        texts["rspec"] = ruby_program(src.repo, "rspec")
    if "pytest" not in frameworks:
        texts["unittest"] = python_program(manager, "python -m unittest")
    if not has_real_test_script(src):
        js = package_manager(src)
        for name, args in (("vitest", "vitest run"), ("jest", "jest"), ("mocha", "mocha")):
            texts[name] = js_program(js, args)
    return [
        Command(texts[name], _manifest(src, name) or path, None, "default")
        for name, path in frameworks.items()
        if texts.get(name) and (name not in ("pytest", "unittest") or env.can_run("python"))
    ]


def _bundles_rspec(src: FactSources) -> bool:
    """Whether `rspec` can run: the Gemfile or a root gemspec names it, or there is no Gemfile."""
    if not src.repo.file("Gemfile"):
        return True
    texts = [
        src.text("Gemfile") or "",
        *(src.text(f.path) or "" for f in src.repo.glob("/*.gemspec")),
    ]
    return any("rspec" in text for text in texts)


def _manifest(src: FactSources, framework: str) -> str | None:
    return next((p for p in MANIFESTS.get(framework, ()) if src.repo.file(p)), None)
