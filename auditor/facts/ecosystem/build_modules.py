"""Modules declared by build tools at the root: go modules, maven modules, gradle subprojects."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from auditor.facts.ecosystem.gradle_settings import included_directories
from auditor.facts.ecosystem.member_globs import confined, dirs_holding
from auditor.facts.model import Workspace
from auditor.facts.sources import FactSources

MAX_POMS = 2000
"""Maven module poms read at most: a hostile module graph cannot keep the reader busy."""
MAX_GO_WORK_CHARS = 1 << 20
"""go.work files are a few lines; only this much of one is read."""


def go_modules(src: FactSources) -> Workspace | None:
    """Go modules below the root: when go.mod files are several, or go.work `use`s some.

    Directories the go tool ignores (testdata, and names starting with `_` or `.`) hold no
    modules of the repository.
    """
    modules = [
        directory
        for directory in dirs_holding((record.path for record in src.repo.files), "go.mod")
        if not _go_ignores(directory)
    ]
    work = src.text("go.work")
    used = {path for path in go_work_uses(work) if path in modules} if work is not None else set()
    if len(modules) < 2 and not used:
        return None
    return Workspace("go", tuple(directory for directory in modules if directory))


def _go_ignores(directory: str) -> bool:
    return any(part == "testdata" or part.startswith(("_", ".")) for part in directory.split("/"))


def go_work_uses(text: str) -> set[str]:
    """Root-relative directories of go.work's `use` directives (single and block form)."""
    used = set()
    in_block = False
    for raw in text[:MAX_GO_WORK_CHARS].splitlines():
        line = raw.split("//", 1)[0].strip()
        if in_block:
            in_block = not line.startswith(")")
            path = line if in_block else ""
        elif line.startswith("use") and line[3:4] in (" ", "\t", "("):
            path = line[3:].strip()
            if path.startswith("("):
                path = path[1:].strip()
                in_block = not path.endswith(")")
                path = path.removesuffix(")")
        else:
            continue
        words = path.split()
        directory = confined(words[0].strip('"`')) if words else None
        if directory is not None:
            used.add(directory)
    return used


def maven_modules(src: FactSources) -> Workspace | None:
    """The root pom.xml's `<modules>`, followed into nested modules.

    Modules of profiles that are not active by default (integration tests, release-only
    modules) are not built by a plain `mvn verify`, so they are not packages here.

    Aggregators (packaging `pom` with modules of their own) hold no code: their modules are
    the packages, not they.
    """
    if src.repo.file("pom.xml") is None:
        return None
    found: set[str] = set()
    aggregators: set[str] = set()
    queue = [("", "pom.xml")]
    read: set[str] = set()
    while queue and len(read) < MAX_POMS:
        directory, pom = queue.pop()
        if pom in read:
            continue
        read.add(pom)
        project = src.xml(pom)
        if project is None:
            continue
        modules = list(_maven_module_poms(src, project, directory))
        if modules and (project.findtext("packaging") or "").strip() == "pom":
            aggregators.add(directory)
        for module_pom in modules:
            found.add(posixpath.dirname(module_pom))
            queue.append((posixpath.dirname(module_pom), module_pom))
    return Workspace("maven", tuple(sorted(found - aggregators - {""})))


def _maven_module_poms(src: FactSources, project: Element, directory: str) -> Iterator[str]:
    """The indexed pom files of the modules `project` (in `directory`) builds by default."""
    for element in _maven_module_elements(project):
        target = confined(element.text or "", directory)
        if not target:
            continue
        pom = target if target.endswith(".xml") else f"{target}/pom.xml"
        if posixpath.dirname(pom) and src.repo.file(pom) is not None:
            yield pom


def _maven_module_elements(project: Element) -> Iterator[Element]:
    """`<modules>` of the project and of its profiles active by default (others are opt-in)."""
    yield from project.findall("modules/module")
    for profile in project.findall("profiles/profile"):
        if (profile.findtext("activation/activeByDefault") or "").strip() == "true":
            yield from profile.findall("modules/module")


def gradle_projects(src: FactSources) -> Workspace | None:
    """Subprojects `include`d by the root settings.gradle(.kts), best effort.

    A subproject counts when its directory holds indexed files (a build file of its own is
    optional in gradle). See `gradle_settings.included_directories` for what is read.
    """
    text = src.text("settings.gradle.kts")
    if text is None:
        text = src.text("settings.gradle")
    if text is None:
        return None
    found = set()
    for path in included_directories(text):
        directory = confined(path)
        if directory and src.repo.is_dir(directory):
            found.add(directory)
    return Workspace("gradle", tuple(sorted(found)))
