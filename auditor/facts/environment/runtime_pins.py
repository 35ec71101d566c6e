"""Where the repository states which version of its language runtime it needs.

Per runtime, the settings its ecosystem reads, in any project directory
(`projects.project_dirs`: the root, workspace members, shallow manifest directories):

- python: `requires-python` (`[project]`), poetry's `python` dependency, `python_requires`
  (setup.cfg, setup.py), Pipfile's `python_version`, `.python-version`;
- javascript: package.json `engines` or `volta`, `.nvmrc`, `.node-version`;
- go: the `go` or `toolchain` directive of go.mod, `.go-version`;
- rust: `rust-version` in `[package]` or `[workspace.package]`, `rust-toolchain(.toml)`;
- ruby: `ruby` in the Gemfile, `required_ruby_version` in a gemspec, `.ruby-version`;
- php: `php` in composer.json's `require` or `config.platform`;
- java: the release in pom.xml or a Gradle build, `.java-version`, `.sdkmanrc`;
- any: `.tool-versions` and mise configuration naming the runtime's tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from auditor.facts.ecosystem.projects import project_dirs
from auditor.facts.ecosystem.tables import table_at, value_at
from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at

ALIASES = {"typescript": "javascript", "kotlin": "java", "scala": "java"}
VERSION_FILES: dict[str, tuple[str, ...]] = {
    "python": (".python-version", ".python-versions"),
    "javascript": (".nvmrc", ".node-version"),
    "go": (".go-version",),
    "rust": ("rust-toolchain", "rust-toolchain.toml"),
    "ruby": (".ruby-version",),
    "java": (".java-version", ".sdkmanrc"),
    "php": (),
}
TOOL_NAMES = {
    "python": ("python",), "javascript": ("nodejs", "node"), "go": ("golang", "go"),
    "rust": ("rust",), "ruby": ("ruby",), "java": ("java",), "php": ("php",),
}  # fmt: skip
"""Names of the runtime in `.tool-versions` and mise configuration."""
TOOL_FILES = (".tool-versions", "mise.toml", ".mise.toml", ".config/mise.toml")
GRADLE_PIN = re.compile(r"jvmToolchain|languageVersion|sourceCompatibility|jvmTarget|release\s*=")
POM_PIN = re.compile(r"<(?:maven\.compiler\.(?:release|source)|release|java\.version)>")
GO_PIN = re.compile(r"^[ \t]*(?:go|toolchain)[ \t]+\S*\d", re.MULTILINE)
GEMFILE_PIN = re.compile(r"^[ \t]*ruby\s", re.MULTILINE)
GEMSPEC_PIN = re.compile(r"\brequired_ruby_version\s*=")
SETUP_PIN = re.compile(r"\bpython_requires\s*=")


@dataclass(frozen=True, slots=True)
class RuntimePin:
    """A place that pins the runtime version: the file, its line when known, the setting."""

    path: str
    line: int | None
    setting: str


def runtime_of(language: str | None) -> str | None:
    """The runtime a primary language runs on (TypeScript on javascript, Kotlin on java)."""
    return ALIASES.get(language, language) if language is not None else None


def runtime_pin(src: FactSources, runtime: str) -> RuntimePin | None:
    """The first place (by project directory, then file) that pins `runtime`, or None."""
    finders = FINDERS.get(runtime)
    if finders is None:
        return None
    for directory in sorted(project_dirs(src), key=lambda d: (d.count("/"), d)):
        prefix = f"{directory}/" if directory else ""
        for finder in (*finders, _version_file, _tool_versions):
            for pin in finder(src, prefix, runtime):
                return pin
    return None


Finder = Callable[[FactSources, str, str], Iterator[RuntimePin]]


def _version_file(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    for name in VERSION_FILES.get(runtime, ()):
        if src.repo.file(prefix + name):
            yield RuntimePin(prefix + name, 1, name)


def _tool_versions(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    tools = TOOL_NAMES[runtime]
    pattern = re.compile(rf"^[ \t]*[\"']?(?:{'|'.join(tools)})[\"']?\s*[=\s]", re.MULTILINE)
    for name in TOOL_FILES:
        yield from _text_pin(src, prefix + name, pattern, name)


def _text_pin(
    src: FactSources, path: str, pattern: re.Pattern[str], setting: str
) -> Iterator[RuntimePin]:
    text = src.text(path) if src.repo.file(path) else None
    match = pattern.search(text) if text else None
    if match is not None and text is not None:
        yield RuntimePin(path, line_at(text, match.start()), setting)


def _key_line(src: FactSources, path: str, key: str) -> int | None:
    """The line where `key` is set in `path` (its first mention), for provenance."""
    text = src.text(path) or ""
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*[=:]", text, re.MULTILINE)
    return line_at(text, match.start()) if match else None


def _parsed_pin(
    src: FactSources, path: str, parse: Callable[[str], Any], keys: tuple[tuple[str, ...], ...]
) -> Iterator[RuntimePin]:
    if not src.repo.file(path):
        return
    data = parse(path)
    for key in keys:
        if value_at(data, *key) is not None:
            yield RuntimePin(path, _key_line(src, path, key[-1]), ".".join(key))
            return


def _python(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    keys = (("project", "requires-python"), ("tool", "poetry", "dependencies", "python"))
    yield from _parsed_pin(src, prefix + "pyproject.toml", src.toml, keys)
    yield from _text_pin(src, prefix + "setup.cfg", re.compile(r"^[ \t]*python_requires\s*=", re.M),
                         "python_requires")  # fmt: skip
    yield from _text_pin(src, prefix + "setup.py", SETUP_PIN, "python_requires")
    pipfile = (("requires", "python_version"), ("requires", "python_full_version"))
    yield from _parsed_pin(src, prefix + "Pipfile", src.toml, pipfile)


def _javascript(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    yield from _parsed_pin(src, prefix + "package.json", src.json, (("engines",), ("volta",)))


def _go(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    yield from _text_pin(src, prefix + "go.mod", GO_PIN, "go directive")


def _rust(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    keys = (("package", "rust-version"), ("workspace", "package", "rust-version"))
    yield from _parsed_pin(src, prefix + "Cargo.toml", src.toml, keys)


def _ruby(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    yield from _text_pin(src, prefix + "Gemfile", GEMFILE_PIN, "ruby")
    directory = prefix.rstrip("/")
    for record in src.repo.files:
        if record.path.rpartition("/")[0] == directory and record.path.endswith(".gemspec"):
            yield from _text_pin(src, record.path, GEMSPEC_PIN, "required_ruby_version")


def _php(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    path = prefix + "composer.json"
    if not src.repo.file(path):
        return
    manifest = src.json(path)
    if "php" in (table_at(manifest, "require") or {}):
        yield RuntimePin(path, _key_line(src, path, "php"), "require.php")
    elif value_at(manifest, "config", "platform", "php") is not None:
        yield RuntimePin(path, _key_line(src, path, "php"), "config.platform.php")


def _java(src: FactSources, prefix: str, runtime: str) -> Iterator[RuntimePin]:
    yield from _text_pin(src, prefix + "pom.xml", POM_PIN, "java release")
    for name in ("build.gradle", "build.gradle.kts"):
        yield from _text_pin(src, prefix + name, GRADLE_PIN, "java toolchain")


FINDERS: dict[str, tuple[Finder, ...]] = {
    "python": (_python,), "javascript": (_javascript,), "go": (_go,), "rust": (_rust,),
    "ruby": (_ruby,), "php": (_php,), "java": (_java,),
}  # fmt: skip
