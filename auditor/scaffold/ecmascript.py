"""JavaScript/TypeScript scaffolds (tree-sitter): a test file per untested module.

The runner is the repository's (`facts.test_frameworks`): vitest, else jest, else Node's
own `node:test`. The file follows the repository's naming: `__tests__/<name>.test.ts` when
its tests live in `__tests__` directories, `.spec.` when its tests are spelled so, else
`<name>.test.<ext>` beside the module. ESM or CommonJS as the module is written (`export`,
`.mjs`, `.ts`) or its `package.json` declares (`"type": "module"`). It holds an import test
(every export is there) and an `it.todo(...)` per exported function and class.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.facts.testing.untested import UntestedModule
from auditor.scaffold.marker import with_marker
from auditor.scaffold.templates import render

if TYPE_CHECKING:
    from tree_sitter import Node

    from auditor.facts.subject import Subject
    from auditor.scaffold.plan import PlannedFile

WHITESPACE = re.compile(r"\s+")
TEST_NAME = re.compile(r"\.(test|spec)\.[cm]?[jt]sx?$")
CALLABLE = {
    "function_declaration", "generator_function_declaration", "class_declaration",
    "abstract_class_declaration", "function_expression", "function", "arrow_function",
    "class", "generator_function",
}  # fmt: skip
TYPE_ONLY = {"interface_declaration", "type_alias_declaration", "ambient_declaration"}
ESM_EXTENSIONS = (".mjs", ".mts", ".ts", ".tsx")


@dataclass(frozen=True, slots=True)
class Exports:
    """What a module exports: names (for the import test) and the callables (to-dos)."""

    names: list[str]
    todos: list[str]
    esm: bool


class EcmascriptScaffolder:
    """Makes the test file of each untested JavaScript/TypeScript module of one plan."""

    def __init__(self, subject: Subject) -> None:
        self.subject = subject
        frameworks = set(subject.facts.test_frameworks)
        self.runner = next((r for r in ("vitest", "jest") if r in frameworks), "node")
        tests = [f.path for f in subject.files.files if f.is_test and TEST_NAME.search(f.path)]
        self.in_tests_dirs = sum("/__tests__/" in f"/{p}" for p in tests) > len(tests) / 2
        kinds = Counter(m.group(1) for p in tests if (m := TEST_NAME.search(p)))
        self.word = "spec" if kinds["spec"] > kinds["test"] else "test"

    def scaffold(self, module: UntestedModule) -> tuple[list[PlannedFile], str]:
        from auditor.scaffold.plan import GeneratedInvalid, PlannedFile

        path = module.path
        text = self.subject.files.text(path)
        if text is None:
            return [], "the file could not be read as text"
        exports = read_exports(path, text.encode("utf-8"), self._package_is_esm(path))
        if not exports.names and not exports.todos:
            return [], "it exports nothing a test could import"
        test_path, specifier = self._place(path, exports.esm)
        body = render(
            "ecmascript_test.j2",
            runner=self.runner,
            esm=exports.esm,
            specifier=specifier,
            module=path,
            names=exports.names,
            todos=exports.todos,
        )
        if _has_errors(test_path, body):
            raise GeneratedInvalid("the generated test does not parse (a bug: report it)")
        content = with_marker("//", path, body)
        current = self.subject.files.text(test_path)
        return [PlannedFile(test_path, content, current, path)], ""

    def _place(self, path: str, esm: bool) -> tuple[str, str]:
        """The test's path and the specifier it imports the module by. Node reads a `.js`
        test as CommonJS unless its package says `"type": "module"`, so an ESM test of a
        module in another package is a `.mjs` file (Node reads the module's own `export`s
        by syntax: by default from Node 22.12, with `--experimental-detect-module` from 20.10)."""
        directory, name = posixpath.split(path)
        stem, _, extension = name.rpartition(".")
        if extension in ("js", "jsx") and esm and self.runner == "node":
            extension = "mjs" if not self._package_is_esm(path) else extension
        test_dir = posixpath.join(directory, "__tests__") if self.in_tests_dirs else directory
        test_path = posixpath.join(test_dir, f"{stem}.{self.word}.{extension}")
        relative = posixpath.relpath(path, test_dir)
        if extension in ("ts", "tsx", "mts", "cts") and self.runner != "node":
            relative = relative.rsplit(".", 1)[0]
        return test_path, relative if relative.startswith(".") else "./" + relative

    def _package_is_esm(self, path: str) -> bool:
        """Whether the nearest `package.json` above `path` says `"type": "module"`."""
        directory = posixpath.dirname(path)
        while True:
            manifest = posixpath.join(directory, "package.json")
            if self.subject.files.file(manifest) is not None:
                data = self.subject.sources.json(manifest)
                return isinstance(data, dict) and data.get("type") == "module"
            if not directory:
                return False
            directory = posixpath.dirname(directory)


def read_exports(path: str, data: bytes, package_esm: bool) -> Exports:
    """The exports of the module at `path` (ESM `export`s, else CommonJS assignments, read in
    order as Node runs them: `module.exports = {...}` replaces what was exported before it,
    and cuts the `exports` alias, so a later `exports.x = ...` exports nothing)."""
    from auditor.index.syntax.grammars import grammar_for, load

    language = "typescript" if path.endswith((".ts", ".tsx", ".mts", ".cts")) else "javascript"
    root = load(grammar_for(language, path)).parser.parse(data).root_node
    reader = _Reader(data, _declarations(data, root))
    for node in root.children:
        if node.type == "export_statement":
            reader.esm = True
            reader.esm_export(node)
        elif node.type == "expression_statement":
            reader.commonjs_export(node)
    esm = reader.esm
    if path.endswith((".cjs", ".cts")):
        esm = False
    elif path.endswith(ESM_EXTENSIONS) or package_esm:
        esm = True
    names = list(dict.fromkeys(reader.names))
    return Exports(
        names, list(dict.fromkeys(t for n, t in reader.todos if n in names or not n)), esm
    )


def _declarations(data: bytes, root: Node) -> dict[str, Node]:
    """Top-level `function f`, `class C` and `const f = () => ...`, by name: what a CommonJS
    `module.exports = { f, C }` exports."""
    found: dict[str, Node] = {}
    for node in root.children:
        if node.type in CALLABLE:
            name = node.child_by_field_name("name")
            if name is not None:
                found[_text(data, name)] = node
        elif node.type in ("lexical_declaration", "variable_declaration"):
            for declarator in node.named_children:
                name = declarator.child_by_field_name("name")
                value = declarator.child_by_field_name("value")
                if name is not None and value is not None:
                    found[_text(data, name)] = value
    return found


class _Reader:
    """The exports found so far, and the callables among them."""

    def __init__(self, data: bytes, declarations: dict[str, Node]) -> None:
        self.data = data
        self.declarations = declarations
        self.names: list[str] = []
        self.todos: list[tuple[str, str]] = []
        """(export name, to-do) pairs; a to-do is kept while its name is exported."""
        self.esm = False
        self.replaced = False

    def esm_export(self, node: Node) -> None:
        """`export const/function/class ...`, `export default ...` and `export { a as b }`."""
        self._esm_declaration(node)
        for clause in (c for c in node.children if c.type == "export_clause"):
            self._export_clause(clause)

    def _esm_declaration(self, node: Node) -> None:
        declaration = node.child_by_field_name("declaration")
        value = node.child_by_field_name("value")
        is_default = any(c.type == "default" for c in node.children)
        if declaration is not None and declaration.type in (
            "lexical_declaration",
            "variable_declaration",
        ):
            self._declarators(declaration)
        elif declaration is not None and declaration.type not in TYPE_ONLY:
            name = declaration.child_by_field_name("name")
            exported = "default" if is_default or name is None else _text(self.data, name)
            self._export(exported, declaration, _text(self.data, name) if name else "default")
        elif is_default and value is not None and value.type == "identifier":
            own = _text(self.data, value)
            self._export("default", self.declarations.get(own), own)
        elif is_default:
            self._export("default", value)

    def _declarators(self, declaration: Node) -> None:
        for declarator in declaration.named_children:
            name = declarator.child_by_field_name("name")
            if declarator.type == "variable_declarator" and name is not None:
                self._export(_text(self.data, name), declarator.child_by_field_name("value"))

    def _export_clause(self, clause: Node) -> None:
        for specifier in clause.named_children:
            local = specifier.child_by_field_name("name")
            alias = specifier.child_by_field_name("alias") or local
            if alias is not None and local is not None and not _is_type_export(specifier):
                exported, own = _text(self.data, alias).strip("'\""), _text(self.data, local)
                self._export(exported, self.declarations.get(own), own)

    def commonjs_export(self, node: Node) -> None:
        """`module.exports = ...`, `module.exports.x = ...` and `exports.x = ...`."""
        expression = node.named_children[0] if node.named_children else None
        if expression is None or expression.type != "assignment_expression":
            return
        left = expression.child_by_field_name("left")
        right = expression.child_by_field_name("right")
        target = _text(self.data, left) if left is not None else ""
        if target == "module.exports":
            self.names, self.todos, self.replaced = [], [], True
            if right is not None and right.type == "object":
                self._object(right)
            else:
                named = right.child_by_field_name("name") if right is not None else None
                shown = _text(self.data, named) if named is not None else "module.exports"
                todo = _todo(self.data, shown, right)
                self.todos += [("", todo)] if todo is not None else []
        elif target.startswith("module.exports.") or (
            target.startswith("exports.") and not self.replaced
        ):
            self._export(target.rsplit(".", 1)[1], right)

    def _object(self, node: Node) -> None:
        for pair in node.named_children:
            if pair.type == "pair":
                key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            elif pair.type == "shorthand_property_identifier":
                key, value = pair, self.declarations.get(_text(self.data, pair))
            else:
                continue
            if key is not None:
                if value is not None and value.type == "identifier":
                    value = self.declarations.get(_text(self.data, value))
                self._export(_text(self.data, key).strip("'\""), value)

    def _export(self, name: str, value: Node | None, shown: str | None = None) -> None:
        self.names.append(name)
        todo = _todo(self.data, shown or name, value)
        if todo is not None:
            self.todos.append((name, todo))


def _todo(data: bytes, name: str, value: Node | None) -> str | None:
    """A to-do for `name` when `value` is a function or class: its parameters as written."""
    if value is None or value.type not in CALLABLE:
        return None
    if "class" in value.type:
        return f"class {name}"
    parameters = value.child_by_field_name("parameters") or value.child_by_field_name("parameter")
    written = _text(data, parameters) if parameters is not None else "()"
    if not written.startswith("("):
        written = f"({written})"
    returns = value.child_by_field_name("return_type")
    return WHITESPACE.sub(" ", name + written + (_text(data, returns) if returns else ""))


def _is_type_export(specifier: Node) -> bool:
    return any(c.type == "type" for c in specifier.children)


def _text(data: bytes, node: Node) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _has_errors(path: str, text: str) -> bool:
    from auditor.index.syntax.grammars import grammar_for, load

    language = "typescript" if path.endswith((".ts", ".tsx", ".mts", ".cts")) else "javascript"
    return load(grammar_for(language, path)).parser.parse(text.encode("utf-8")).root_node.has_error
