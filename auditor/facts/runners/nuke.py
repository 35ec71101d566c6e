"""NUKE builds (a C# build project run by `build.sh`, `build.ps1`, `build.cmd`): their targets.

Read with regular expressions, as Cake scripts are (`runners.cake`): the build project is the
one `.csproj` that references `Nuke.Common`; in the C# files beside it, `Target Name => _ => _`
starts a target and what follows until the next target is its definition (`.DependsOn(A, B)`,
`.Executes(...)`). A target runs the tests when its definition calls a test alias
(`DotNetTest(...)`) or a target it depends on does. The default target is the one
`Execute<Build>(x => x.Compile)` names. NUKE matches target names without regard to case and
takes them as the script's first arguments (`./build.sh test`) or after `--target`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from auditor.facts.runners.cake import TEST_ALIAS, CakeScript, cake_targets
from auditor.facts.sources import FactSources
from auditor.index.line_offsets import line_at

NUKE_REFERENCE = re.compile(r"<PackageReference\s+Include=\"Nuke\.Common\"", re.IGNORECASE)
TARGET = re.compile(r"\bTarget\s+(\w+)\s*=>")
DEPENDS = re.compile(r"\.DependsOn\(([^)]*)\)")
DEFAULT = re.compile(r"\bExecute<\w+>\(\s*(\w+)\s*=>\s*\1\.(\w+)")
RUNS_NUKE = re.compile(r"\bnuke\b", re.IGNORECASE)
"""A build script that runs NUKE (`dotnet nuke`, its `.nuke/temp` directory)."""
MAX_FILES = 40


def nuke_build(src: FactSources) -> CakeScript | None:
    """The NUKE build's target graph (in the shape of a Cake script's), or None when the
    repository has no NUKE build project."""
    project = next(
        (
            record.path
            for record in src.repo.glob("*.csproj")
            if NUKE_REFERENCE.search(src.text(record.path) or "")
        ),
        None,
    )
    if project is None:
        return None
    directory = posixpath.dirname(project)
    prefix = f"{directory}/" if directory else ""
    sources = [r.path for r in src.repo.glob("*.cs") if r.path.startswith(prefix)]
    depends: dict[str, tuple[str, ...]] = {}
    tests: dict[str, int] = {}
    default, where = "", project
    for path in sorted(sources)[:MAX_FILES]:
        text = src.text(path) or ""
        if (chosen := DEFAULT.search(text)) is not None:
            default, where = chosen.group(2).casefold(), path
        _read_targets(path, text, depends, tests)
    if not depends:
        return None
    return CakeScript(where, default, depends, tests)


def _read_targets(
    path: str, text: str, depends: dict[str, tuple[str, ...]], tests: dict[str, int]
) -> None:
    starts = [(m.start(), m.group(1).casefold()) for m in TARGET.finditer(text)]
    bounds = zip(starts, [*(s for s, _ in starts[1:]), len(text)], strict=False)
    for (start, target), end in bounds:
        body = text[start:end]
        names = (n.strip() for group in DEPENDS.findall(body) for n in group.split(","))
        depends[target] = tuple(n.casefold() for n in names if n)
        if (alias := TEST_ALIAS.search(body)) is not None:
            tests[target] = line_at(text, start + alias.start())


def nuke_tests(build: CakeScript, args: Sequence[str]) -> bool:
    """Whether running the build with `args` runs the tests: every target asked for (the
    default when none is) is or depends on one that does."""
    targets: list[str | None] = [*nuke_targets(args)] or [None]
    return all(build.testing(target) is not None for target in targets)


def nuke_targets(args: Sequence[str]) -> list[str]:
    """The targets a NUKE build script is asked for: `--target X`, or the first arguments
    before any option (`./build.sh test pack --configuration Release`)."""
    named = cake_targets(args)
    if named:
        return named
    positional = []
    for arg in args:
        if arg.startswith("-"):
            break
        positional.append(arg)
    return positional
