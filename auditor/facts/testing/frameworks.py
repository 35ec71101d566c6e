"""Which test frameworks a repository uses, each with the file that shows it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.ecosystem.tables import table_at
from auditor.facts.layout.sample_dirs import is_sample_outside_tests
from auditor.facts.runners.package_scripts import dependencies
from auditor.facts.sources import FactSources

PYTEST_CONFIGS = (
    ("pytest.ini", None),
    ("pyproject.toml", "[tool.pytest"),
    ("setup.cfg", "[tool:pytest]"),
    ("tox.ini", "[pytest]"),
)
PYTHON_MANIFESTS = ("pyproject.toml", "setup.cfg", "setup.py", "Pipfile", "tox.ini")
PYTEST_REQUIREMENT = re.compile(
    r"""(?m)^[^\S\n]*["']?pytest\b(?![-_.\w])|["']pytest(?:[<>=!~ ;\[]|["'])"""
)
JS_FRAMEWORKS = (
    ("vitest", "vitest"),
    ("jest", "jest"),
    ("mocha", "mocha"),
    ("jasmine", "jasmine"),
    ("@playwright/test", "playwright"),
    ("playwright", "playwright"),
    ("cypress", "cypress"),
    ("ava", "ava"),
    ("karma", "karma"),
    ("borp", "node:test"),
)
JS_CONFIG = re.compile(
    r"(?:^|/)(vitest|jest|playwright|cypress|karma)\.(?:config|workspace|conf)\.[cm]?[jt]s$"
    r"|(?:^|/)\.(mocha)rc(?:\.\w+)?$|(?:^|/)(jasmine)\.json$"
)
JVM_FRAMEWORKS = (
    ("junit", "junit"),
    ("testng", "testng"),
    ("kotest", "kotest"),
    ("spock", "spock"),
)
DOTNET_FRAMEWORKS = (("xunit", "xunit"), ("nunit", "nunit"), ("mstest", "mstest"))
MANIFEST_NEEDLES = (
    (("pom.xml", "build.gradle", "build.gradle.kts"), JVM_FRAMEWORKS),
    ((".csproj", ".fsproj", ".vbproj"), DOTNET_FRAMEWORKS),
)
"""Build manifests (by name or suffix), and the dependency names that show a framework."""
TEST_FILE_FRAMEWORKS = (
    ("_test.go", "go test"),
    ("_spec.rb", "rspec"),
    ("_test.rb", "minitest"),
    ("_test.exs", "exunit"),
)
"""Test file suffixes that show a framework (test data directories aside)."""
RUST_TEST = re.compile(r"#\[(?:\w+::)?test\b|#\[cfg\(test\)\]")
MAX_RUST_FILES_READ = 400


def framework_evidence(src: FactSources) -> dict[str, str]:
    """Framework name -> the first file that shows the repository uses it."""
    found: dict[str, str] = {}
    for name, path in _all_evidence(src):
        found.setdefault(name, path)
    return found


def _all_evidence(src: FactSources) -> Iterator[tuple[str, str]]:
    yield from _python(src)
    yield from _javascript(src)
    yield from _compiled(src)
    yield from _others(src)


def _python(src: FactSources) -> Iterator[tuple[str, str]]:
    yield from _pytest_configs(src)
    yield from _python_test_files(src)
    yield from _pytest_requirements(src)


def _file_text(src: FactSources, path: str) -> str | None:
    return src.text(path) if src.repo.file(path) else None


def _pytest_configs(src: FactSources) -> Iterator[tuple[str, str]]:
    for path, section in PYTEST_CONFIGS:
        text = _file_text(src, path)
        if text is not None and (section is None or section in text):
            yield "pytest", path


def _python_test_files(src: FactSources) -> Iterator[tuple[str, str]]:
    """conftest.py, and test files importing pytest or writing unittest TestCases."""
    for record in src.repo.files:
        name = record.path.rsplit("/", 1)[-1]
        if name == "conftest.py" or (record.is_test and "imports-pytest" in record.markers):
            yield "pytest", record.path
        unittest = record.is_test and "imports-unittest" in record.markers
        if unittest and _uses_test_case(src, record.path):
            yield "unittest", record.path


def _pytest_requirements(src: FactSources) -> Iterator[tuple[str, str]]:
    requirements = src.repo.glob("/requirements*.txt", "/requirements/*.txt", "/requirements*.in")
    for path in (*PYTHON_MANIFESTS, *(f.path for f in requirements)):
        text = _file_text(src, path)
        if text is not None and PYTEST_REQUIREMENT.search(text):
            yield "pytest", path


def _uses_test_case(src: FactSources, path: str) -> bool:
    """Whether a file importing unittest writes its tests with it (not only `unittest.mock`)."""
    text = src.text(path) or ""
    return "TestCase" in text or "unittest.main" in text


def _javascript(src: FactSources) -> Iterator[tuple[str, str]]:
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if is_sample_outside_tests(directory):
            continue
        if name == "package.json":
            names = dependencies(src, directory)
            for package, framework in JS_FRAMEWORKS:
                if package in names:
                    yield framework, record.path
        config = JS_CONFIG.search(record.path)
        if config:
            yield next(group for group in config.groups() if group), record.path


def _compiled(src: FactSources) -> Iterator[tuple[str, str]]:
    """Frameworks shown by test files' names and by build manifests' dependencies."""
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        for suffix, framework in TEST_FILE_FRAMEWORKS:
            if name.endswith(suffix) and "testdata" not in directory.split("/"):
                yield framework, record.path
        if is_sample_outside_tests(directory):
            continue
        for names, needles in MANIFEST_NEEDLES:
            if name in names or name.endswith(names):
                text = (src.text(record.path) or "").lower()
                yield from ((f, record.path) for needle, f in needles if needle in text)
        if "/src/test/java/" in f"/{record.path}" and record.is_test:
            yield "junit", record.path
    rust = _rust_tests(src)
    if rust is not None:
        yield "cargo test", rust


def _rust_tests(src: FactSources) -> str | None:
    """A Rust file holding tests, when there is a Cargo.toml (integration tests first)."""
    if not src.repo.file("Cargo.toml"):
        return None
    sources = [
        f
        for f in src.repo.files
        if f.language == "rust" and not is_sample_outside_tests(f.path.rpartition("/")[0])
    ]
    tests = [f for f in src.repo.files if f.language == "rust" and "/tests/" in f"/{f.path}"]
    for record in [*tests, *sources][:MAX_RUST_FILES_READ]:
        if RUST_TEST.search(src.text(record.path) or ""):
            return record.path
    return None


def _others(src: FactSources) -> Iterator[tuple[str, str]]:
    """Frameworks shown by the root's Gemfile, PHPUnit and CMake configuration, Package.swift."""
    yield from _ruby(src)
    yield from _php(src)
    yield from _native(src)


def _ruby(src: FactSources) -> Iterator[tuple[str, str]]:
    gemfile = _file_text(src, "Gemfile") or ""
    yield from ((gem, "Gemfile") for gem in ("rspec", "minitest") if gem in gemfile)
    if src.repo.file(".rspec"):
        yield "rspec", ".rspec"


def _php(src: FactSources) -> Iterator[tuple[str, str]]:
    for path in ("phpunit.xml", "phpunit.xml.dist", "phpunit.dist.xml"):
        if src.repo.file(path):
            yield "phpunit", path
    composer = table_at(src.json("composer.json"), "require-dev") or {}
    for package, framework in (("phpunit/phpunit", "phpunit"), ("pestphp/pest", "pest")):
        if package in composer:
            yield framework, "composer.json"


def _native(src: FactSources) -> Iterator[tuple[str, str]]:
    cmake = _file_text(src, "CMakeLists.txt") or ""
    if "enable_testing" in cmake or "add_test" in cmake:
        yield "ctest", "CMakeLists.txt"
    if src.repo.file("Package.swift") and src.repo.is_dir("Tests"):
        yield "xctest", "Package.swift"
