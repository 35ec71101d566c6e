"""The import graph: which hand-written modules of the repository import which others."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from auditor.index.records import FileSyntax, SourceFile

GO_MODULE = re.compile(r"^module\s+(\S+)", re.MULTILINE)
ECMASCRIPT_EXTENSIONS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
BARREL = re.compile(r"(?:^|/)(?:__init__\.py|index\.[cm]?[jt]sx?)$")
"""Files that re-export their package's modules: importing one imports what it imports."""
IMPORT_LANGUAGES = frozenset({"python", "javascript", "typescript", "go", "rust", "java"})
"""The languages whose imports are resolved to repository files. Files of other languages
take no part in the graph: a module whose imports are never read would count as one that
nobody imports."""


@dataclass(frozen=True, slots=True)
class ImportGraph:
    """Modules (files; Go packages are directories) and the modules that import each.

    Only non-test, hand-written source with a syntax summary, in a language whose imports are
    resolved (`IMPORT_LANGUAGES`), takes part: tests import the code they test by design.
    Imports of third-party code are left out.
    """

    modules: tuple[str, ...]
    importers: Mapping[str, tuple[str, ...]]
    """Module -> the modules importing it, sorted; modules nobody imports are absent."""
    tested_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Module -> the test files importing it, sorted (a Go package is also tested by the
    `_test.go` files in its directory); modules no test imports are absent. Only test files
    with a syntax summary are read (an index built without test syntax has none here)."""


Resolver = Callable[[str, str], Iterable[str]]
"""resolve(importing path, specifier) -> the repository modules it names."""


def build_import_graph(
    files: Iterable[tuple[SourceFile, FileSyntax]],
    go_mods: Mapping[str, str],
    package_dirs: Mapping[str, str] | None = None,
) -> ImportGraph:
    """Resolve every import of `files` to the repository modules it names.

    `go_mods` maps the path of each `go.mod` to its text (Go imports name module paths);
    `package_dirs` maps Python package names to the directories that hold them when the
    build installs them under another name (setuptools' `package-dir`, `package_dirs`).
    """
    files_list = list(files)
    sources = [
        (r, s)
        for r, s in files_list
        if r.is_source and not r.is_test and s.language in IMPORT_LANGUAGES
    ]
    resolvers = _Resolvers([r.path for r, _ in sources], go_mods, package_dirs or {})
    edges: dict[str, set[str]] = {}
    modules: set[str] = set()
    reexports: dict[str, set[str]] = {}
    for record, syntax in sources:
        unit = resolvers.unit(record.path, syntax.language)
        modules.add(unit)
        for target in resolvers.targets(record.path, syntax):
            if target != unit:
                edges.setdefault(target, set()).add(unit)
                if BARREL.search(unit):
                    reexports.setdefault(unit, set()).add(target)
    importers = {target: tuple(sorted(by)) for target, by in sorted(edges.items())}
    tested_by = _tested_by(files_list, resolvers, reexports)
    return ImportGraph(tuple(sorted(modules)), importers, tested_by)


def _tested_by(
    files: list[tuple[SourceFile, FileSyntax]],
    resolvers: _Resolvers,
    reexports: Mapping[str, set[str]],
) -> dict[str, tuple[str, ...]]:
    """Module -> the test files whose imports name it (and, for Go, the package's own tests).

    A test importing a package's `__init__.py` (or a JS/TS `index` file) also imports the
    modules it imports, and theirs through further `__init__`/`index` files: `from sympy.core
    import Add` tests `sympy/core/add.py`, which `sympy/core/__init__.py` re-exports."""
    edges: dict[str, set[str]] = {}
    for record, syntax in files:
        if not record.is_test or syntax.language not in IMPORT_LANGUAGES:
            continue
        targets = resolvers.targets(record.path, syntax, every=True)
        if syntax.language == "go":
            targets.add(posixpath.dirname(record.path))
        for target in _through_barrels(targets, reexports):
            edges.setdefault(target, set()).add(record.path)
    return {target: tuple(sorted(by)) for target, by in sorted(edges.items())}


def _through_barrels(targets: set[str], reexports: Mapping[str, set[str]]) -> set[str]:
    found = set(targets)
    pending = [t for t in targets if t in reexports]
    while pending:
        for target in reexports[pending.pop()]:
            if target not in found:
                found.add(target)
                if target in reexports:
                    pending.append(target)
    return found


class _Resolvers:
    """Per-language lookups built once from the paths of the compared files."""

    def __init__(
        self, paths: list[str], go_mods: Mapping[str, str], package_dirs: Mapping[str, str]
    ) -> None:
        self.paths = set(paths)
        self.directories = {posixpath.dirname(p) for p in paths}
        self.python = _python_names(paths, self.paths, package_dirs)
        self.java = _java_names([p for p in paths if p.endswith(".java")])
        self.go_modules = _go_modules(go_mods)
        self.crates = sorted(
            {
                p[: ("/" + p).find("/src/")]
                for p in paths
                if p.endswith(".rs") and "/src/" in "/" + p
            }
        )
        self._by_language: dict[str, Resolver] = {
            "javascript": self._ecmascript,
            "typescript": self._ecmascript,
            "go": self._go,
            "rust": self._rust,
            "java": self._java,
        }

    def unit(self, path: str, language: str) -> str:
        return posixpath.dirname(path) if language == "go" else path

    def targets(self, path: str, syntax: FileSyntax, every: bool = False) -> set[str]:
        """The modules `syntax`'s imports name; with `every`, a package named beside one of
        its modules too (`from pkg import a` then imports `pkg` as well as `pkg.a`)."""
        if syntax.language == "python":
            return self._python_targets(path, syntax.imports, every)
        resolve = self._by_language.get(syntax.language)
        if resolve is None:
            return set()
        return {target for spec in syntax.imports for target in resolve(path, spec)}

    def _python_targets(self, path: str, specs: tuple[str, ...], every: bool) -> set[str]:
        """Python imports, inlined (most of a repository's imports are Python's on sympy).

        `from pkg import module` names both `pkg` and `pkg.module`: when the longer one is a
        module, it is the dependency, not the package.
        """
        names = self.python
        resolved = {}
        for spec in specs:
            target = names.get(_absolute(path, spec) if spec[:1] == "." else spec)
            if target is not None:
                resolved[spec] = target
        found = sorted(resolved)
        targets: set[str] = set()
        for at, spec in enumerate(found):
            prefix = spec if spec.endswith(".") else spec + "."
            if not every and at + 1 < len(found) and found[at + 1].startswith(prefix):
                continue
            targets.add(resolved[spec])
        return targets

    def _ecmascript(self, path: str, spec: str) -> Iterable[str]:
        if not spec.startswith("."):
            return ()
        base = posixpath.normpath(posixpath.join(posixpath.dirname(path), spec))
        stem = base.rsplit(".", 1)[0] if base.endswith((".js", ".mjs", ".cjs", ".jsx")) else base
        candidates = [base, *(stem + e for e in ECMASCRIPT_EXTENSIONS)]
        candidates += [f"{base}/index{e}" for e in ECMASCRIPT_EXTENSIONS]
        target = next((c for c in candidates if c in self.paths), None)
        return () if target is None else (target,)

    def _go(self, path: str, spec: str) -> Iterable[str]:
        for module, directory in self.go_modules:
            if spec == module or spec.startswith(module + "/"):
                target = posixpath.join(directory, spec[len(module) + 1 :]).rstrip("/")
                return (target,) if target in self.directories else ()
        return ()

    def _rust(self, path: str, spec: str) -> Iterable[str]:
        crate = next((c for c in reversed(self.crates) if path.startswith(c)), None)
        if crate is None:
            return ()
        here = _rust_module(path[len(crate) :])
        found = []
        for names in _rust_paths(spec, here):
            for size in range(len(names), 0, -1):
                stem = crate + "src/" + "/".join(names[:size])
                hit = next((c for c in (stem + ".rs", stem + "/mod.rs") if c in self.paths), None)
                if hit is not None:
                    found.append(hit)
                    break
        return found

    def _java(self, path: str, spec: str) -> Iterable[str]:
        target = self.java.get(spec) or self.java.get(spec.rsplit(".", 1)[0])
        return () if target is None else (target,)


def _go_modules(go_mods: Mapping[str, str]) -> list[tuple[str, str]]:
    """(module path, directory) of every go.mod, the most specific module path first."""
    modules = []
    for manifest, text in sorted(go_mods.items()):
        match = GO_MODULE.search(text)
        if match is not None:
            modules.append((match.group(1), posixpath.dirname(manifest)))
    return sorted(modules, key=lambda m: (-len(m[0]), m[0]))


def package_dirs(pyproject: str | None) -> dict[str, str]:
    """Package name -> directory from `[tool.setuptools.package-dir]` of a `pyproject.toml`
    text (`auditor_rules = "rules"`); the root mapping (`"" = "src"`) and bad input give none."""
    import tomllib

    try:
        data = tomllib.loads(pyproject or "")
    except tomllib.TOMLDecodeError:
        return {}
    tool = data.get("tool")
    setuptools = tool.get("setuptools") if isinstance(tool, dict) else None
    mapping = setuptools.get("package-dir") if isinstance(setuptools, dict) else None
    if not isinstance(mapping, dict):
        return {}
    return {
        name: posixpath.normpath(directory).strip("/")
        for name, directory in sorted(mapping.items())
        if name and isinstance(directory, str) and posixpath.normpath(directory) != "."
    }


def _python_names(
    paths: list[str], present: set[str], package_dirs: Mapping[str, str]
) -> dict[str, str]:
    """Dotted module name -> file: the name a `package_dirs` mapping installs it under, the
    full path's name, the name below the top package, then (for namespace packages, which
    have no `__init__.py`) every dotted suffix of two or more names that no module claimed."""
    packages = {posixpath.dirname(p) for p in present if p.endswith("/__init__.py")}
    python = sorted(p for p in paths if p.endswith(".py"))
    names: dict[str, str] = {}
    _add_installed_names(names, python, package_dirs)
    _add_path_names(names, python, packages)
    _add_namespace_names(names, python)
    return names


def _add_installed_names(
    names: dict[str, str], python: list[str], package_dirs: Mapping[str, str]
) -> None:
    """The names a `package_dirs` mapping installs the files below each directory under."""
    for package, directory in package_dirs.items():
        for path in (p for p in python if p.startswith(directory + "/")):
            parts = [*package.split("."), *path[len(directory) + 1 : -3].split("/")]
            names.setdefault(".".join(parts).removesuffix(".__init__"), path)


def _add_path_names(names: dict[str, str], python: list[str], packages: set[str]) -> None:
    """Each file's full dotted path and its name below its top package."""
    for path in python:
        parts = path[:-3].split("/")
        if parts[-1] == "__init__":
            parts.pop()
        top = len(parts) - 1
        while top > 0 and "/".join(parts[:top]) in packages:
            top -= 1
        for start in (0, top):
            names.setdefault(".".join(parts[start:]), path)


def _add_namespace_names(names: dict[str, str], python: list[str]) -> None:
    """For namespace packages: every dotted suffix of two or more names no module claimed."""
    for path in python:
        parts = path[:-3].removesuffix("/__init__").split("/")
        for start in range(1, len(parts) - 1):
            names.setdefault(".".join(parts[start:]), path)


def _absolute(path: str, spec: str) -> str:
    """The dotted name a relative import in the file at `path` names, by its full path."""
    dots = len(spec) - len(spec.lstrip("."))
    parts = path[:-3].split("/")
    parts.pop()  # the module itself (or __init__): relative imports start at its package
    parts = parts[: len(parts) - (dots - 1)] if dots > 1 else parts
    rest = spec[dots:]
    return ".".join([*parts, rest] if rest else parts)


def _java_names(paths: list[str]) -> dict[str, str]:
    """Dotted class name suffixes (`b.C`, `a.b.C`, ...) -> the one file they name."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for path in sorted(paths):
        parts = path[:-5].split("/")
        for size in range(2, len(parts) + 1):
            name = ".".join(parts[-size:])
            if name in names:
                ambiguous.add(name)
            names[name] = path
    return {name: path for name, path in names.items() if name not in ambiguous}


def _rust_module(relative: str) -> list[str]:
    """The module path of a file below its crate (`src/a/b.rs` -> [a, b]; `src/lib.rs` -> [])."""
    parts = relative.removeprefix("src/").removesuffix(".rs").split("/")
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return parts


def _rust_paths(spec: str, here: list[str]) -> list[list[str]]:
    """Each module path a `use` names, from the crate root (`{a, b}` groups expanded once)."""
    head, _, group = spec.partition("::{")
    items = [i.strip("{} ") for i in group.split(",")] if group else [""]
    paths = []
    for item in items:
        names = [n for n in (head + ("::" + item if item else "")).split("::") if n]
        root, rest = names[0], names[1:]
        if root == "crate":
            paths.append(rest)
        elif root in ("self", "super"):
            base = here if root == "self" else here[:-1]
            paths.append([*base, *(n for n in rest if n != "super")])
    return paths
