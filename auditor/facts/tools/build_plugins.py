"""Linters and formatters that Maven and Gradle builds run through plugins bound to the build."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from auditor.facts.layout.sample_dirs import is_sample_outside_tests
from auditor.facts.shell.invocations import Invocation
from auditor.facts.sources import FactSources
from auditor.facts.tools.catalog import FORMATTER, LINTER, Use

PHASES = (
    "validate",
    "initialize",
    "generate-sources",
    "process-sources",
    "compile",
    "test-compile",
    "test",
    "package",
    "integration-test",
    "verify",
    "install",
    "deploy",
)
"""The Maven default lifecycle, in order (a phase runs every phase before it)."""
MAVEN_PLUGINS: dict[str, tuple[Use, str]] = {
    "maven-checkstyle-plugin": (("checkstyle", LINTER), "verify"),
    "spotless-maven-plugin": (("spotless", FORMATTER), "verify"),
    "maven-pmd-plugin": (("pmd", LINTER), "verify"),
    "spotbugs-maven-plugin": (("spotbugs", LINTER), "verify"),
    "fmt-maven-plugin": (("google-java-format", FORMATTER), "process-sources"),
    "ktlint-maven-plugin": (("ktlint", LINTER), "verify"),
    "detekt-maven-plugin": (("detekt", LINTER), "verify"),
}
"""artifactId -> (tool, the phase its goal binds to by default)."""
GRADLE_PLUGINS: dict[str, Use] = {
    "checkstyle": ("checkstyle", LINTER), "pmd": ("pmd", LINTER),
    "com.github.spotbugs": ("spotbugs", LINTER), "com.diffplug.spotless": ("spotless", FORMATTER),
    "io.gitlab.arturbosch.detekt": ("detekt", LINTER),
    "org.jlleitschuh.gradle.ktlint": ("ktlint", LINTER),
    "net.ltgt.errorprone": ("errorprone", LINTER),
}  # fmt: skip
"""Gradle plugin ids whose tasks the `check` task runs."""
GRADLE_CHECKS = frozenset({"check", "build"})
GRADLE_PLUGIN = re.compile(
    r"""(?:\bid\s*+\(?+\s*+|apply\s*+\(?+\s*+plugin\s*+[:=]\s*+)["']([\w.-]+)["']"""
    # core plugins named bare in a Kotlin `plugins {}` block
    r"|^[^\S\n]*(checkstyle|pmd)[^\S\n]*+$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class BuildPlugin:
    """A tool a build runs by itself when it reaches `phase` (Maven) or `check` (Gradle)."""

    use: Use
    build: str
    """maven | gradle"""
    phase: str


def build_plugins(src: FactSources) -> tuple[BuildPlugin, ...]:
    """Tools bound to the Maven lifecycle or Gradle's `check`, from every build file."""
    found: dict[tuple[Use, str], BuildPlugin] = {}
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if is_sample_outside_tests(directory):
            continue
        if name == "pom.xml":
            project = src.xml(record.path)
            for plugin in _maven_plugins(project) if project is not None else ():
                found.setdefault((plugin.use, plugin.phase), plugin)
        elif name in ("build.gradle", "build.gradle.kts"):
            for match in GRADLE_PLUGIN.finditer(src.text(record.path) or ""):
                plugin_id = match.group(1) or match.group(2)
                if plugin_id in GRADLE_PLUGINS:
                    use = GRADLE_PLUGINS[plugin_id]
                    found.setdefault((use, "check"), BuildPlugin(use, "gradle", "check"))
    return tuple(found.values())


def triggers(plugin: BuildPlugin, invocation: Invocation) -> bool:
    """Whether `invocation` runs the build far enough to run `plugin`."""
    words = [w for w in invocation.args if not w.startswith("-")]
    if plugin.build == "maven" and invocation.program in ("mvn", "mvnw"):
        reached = [PHASES.index(w) for w in words if w in PHASES]
        return bool(reached) and max(reached) >= PHASES.index(plugin.phase)
    if plugin.build == "gradle" and invocation.program in ("gradle", "gradlew"):
        return any(w.rsplit(":", 1)[-1] in GRADLE_CHECKS for w in words)
    return False


def _maven_plugins(project: Element) -> list[BuildPlugin]:
    found = []
    for plugin in project.findall("./build/plugins/plugin"):
        artifact = (plugin.findtext("artifactId") or "").strip()
        if artifact not in MAVEN_PLUGINS or plugin.find("executions") is None:
            continue
        use, phase = MAVEN_PLUGINS[artifact]
        declared = (plugin.findtext("executions/execution/phase") or "").strip()
        found.append(BuildPlugin(use, "maven", declared if declared in PHASES else phase))
    compilers = [
        *project.findall("./build/plugins/plugin"),
        *project.findall("./build/pluginManagement/plugins/plugin"),
    ]
    for plugin in compilers:  # the compiler always runs: its managed configuration applies
        if (plugin.findtext("artifactId") or "").strip() == "maven-compiler-plugin" and any(
            "ErrorProne" in (arg.text or "") for arg in plugin.iter("arg")
        ):
            found.append(BuildPlugin(("errorprone", LINTER), "maven", "compile"))
    return found
