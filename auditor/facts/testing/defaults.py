"""Each test framework's own command to run the suite, for when nothing else says how."""

from __future__ import annotations

from auditor.facts.model import Command
from auditor.facts.runners.package_scripts import has_real_test_script, package_manager
from auditor.facts.sources import FactSources
from auditor.facts.testing.invocations import TestEnvironment

MANIFESTS: dict[str, tuple[str, ...]] = {
    "go test": ("go.mod",), "cargo test": ("Cargo.toml",),
    "junit": ("pom.xml", "build.gradle", "build.gradle.kts"),
    "testng": ("pom.xml", "build.gradle", "build.gradle.kts"),
    "rspec": ("Gemfile",), "minitest": ("Gemfile", "Rakefile"), "phpunit": ("composer.json",),
    "exunit": ("mix.exs",), "xctest": ("Package.swift",),
    "vitest": ("package.json",), "jest": ("package.json",), "mocha": ("package.json",),
}  # fmt: skip
"""Where a default command is said to come from: the manifest, else the framework's evidence."""


def default_test_commands(
    src: FactSources, frameworks: dict[str, str], env: TestEnvironment
) -> list[Command]:
    """Each framework's own command, where the framework is in use (origin default)."""
    index = src.repo
    texts: dict[str, str] = {
        "pytest": "pytest",
        "go test": "go test ./...",
        "cargo test": "cargo test",
        "junit": _jvm_default(src),
        "testng": _jvm_default(src),
        "rspec": "bundle exec rspec" if index.file("Gemfile") else "rspec",
        "minitest": "bundle exec rake test" if index.file("Gemfile") else "rake test",
        "phpunit": "vendor/bin/phpunit",
        "pest": "vendor/bin/pest",
        "xunit": "dotnet test", "nunit": "dotnet test", "mstest": "dotnet test",
        "ctest": "ctest",
        "exunit": "mix test",
        "xctest": "swift test",
    }  # fmt: skip
    if "pytest" not in frameworks:
        texts["unittest"] = "python -m unittest"
    if not has_real_test_script(src):
        runner = "npx" if package_manager(src) == "npm" else f"{package_manager(src)} exec"
        for name, args in (("vitest", "vitest run"), ("jest", "jest"), ("mocha", "mocha")):
            texts[name] = f"{runner} {args}"
    return [
        Command(texts[name], _manifest(src, name) or path, None, "default")
        for name, path in frameworks.items()
        if texts.get(name) and (name not in ("pytest", "unittest") or env.can_run("python"))
    ]


def _manifest(src: FactSources, framework: str) -> str | None:
    return next((p for p in MANIFESTS.get(framework, ()) if src.repo.file(p)), None)


def _jvm_default(src: FactSources) -> str:
    index = src.repo
    if index.file("pom.xml"):
        return "./mvnw test" if index.file("mvnw") else "mvn test"
    if index.file("build.gradle") or index.file("build.gradle.kts"):
        return "./gradlew test" if index.file("gradlew") else "gradle test"
    return ""
