"""Go scaffolds (tree-sitter): a `_test.go` file in the package beside each file with exported
functions, one test per exported function and method that calls `t.Skip("TODO: ...")`."""

from __future__ import annotations

import re
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
IGNORED_BUILD = re.compile(r"(?m)^//go:build\s+ignore\b")


@dataclass(frozen=True, slots=True)
class GoTest:
    name: str
    reason: str


class GoScaffolder:
    """Makes the `_test.go` files of each untested Go package of one plan."""

    def __init__(self, subject: Subject) -> None:
        self.subject = subject

    def scaffold(self, module: UntestedModule) -> tuple[list[PlannedFile], str]:
        from auditor.scaffold.plan import GeneratedInvalid, PlannedFile

        files: list[PlannedFile] = []
        used: set[str] = set()
        for path in module.files:
            text = self.subject.files.text(path)
            if text is None or IGNORED_BUILD.search(text):
                continue
            package, tests = go_tests(text.encode("utf-8"), used)
            if package is None or not tests:
                continue
            body = render("go_test.go.j2", package=package, tests=tests).rstrip("\n") + "\n"
            if _has_errors(body):
                raise GeneratedInvalid("the generated Go test does not parse (a bug: report it)")
            test_path = path.removesuffix(".go") + "_test.go"
            content = with_marker("//", path, body)
            current = self.subject.files.text(test_path)
            files.append(PlannedFile(test_path, content, current, path))
        if not files:
            return [], "no file of the package declares an exported function"
        return files, ""


def go_tests(data: bytes, used: set[str]) -> tuple[str | None, list[GoTest]]:
    """The package name of a Go file and a to-do test per exported function and method;
    test names already in `used` get a number, and are added to it."""
    from auditor.index.syntax.grammars import load

    root = load("go").parser.parse(data).root_node
    package = None
    tests = []
    for node in root.children:
        if node.type == "package_clause":
            name = next((c for c in node.children if c.type == "package_identifier"), None)
            package = _text(data, name) if name is not None else None
        elif node.type in ("function_declaration", "method_declaration"):
            test = _test_of(data, node, used)
            if test is not None:
                tests.append(test)
    return package, tests


def _test_of(data: bytes, node: Node, used: set[str]) -> GoTest | None:
    name_node = node.child_by_field_name("name")
    if name_node is None:
        return None
    name = _text(data, name_node)
    receiver = _receiver_type(data, node)
    if not name[:1].isupper() or (receiver is not None and not receiver[:1].isupper()):
        return None
    body = node.child_by_field_name("body")
    end = body.start_byte if body is not None else node.end_byte
    signature = WHITESPACE.sub(" ", data[node.start_byte : end].decode("utf-8", "replace"))
    test_name = "Test" + (f"{receiver}_{name}" if receiver else name)
    unique, number = test_name, 2
    while unique in used:
        unique, number = f"{test_name}{number}", number + 1
    used.add(unique)
    return GoTest(unique, "TODO: test " + signature.strip().removeprefix("func "))


def _receiver_type(data: bytes, node: Node) -> str | None:
    """The type a method is declared on (`S` for `func (s *S[T]) Do()`), None for functions."""
    receiver = node.child_by_field_name("receiver")
    if receiver is None:
        return None
    found = [n for n in _walk(receiver) if n.type == "type_identifier"]
    return _text(data, found[0]) if found else ""


def _walk(node: Node) -> list[Node]:
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found


def _text(data: bytes, node: Node) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _has_errors(text: str) -> bool:
    from auditor.index.syntax.grammars import load

    return load("go").parser.parse(text.encode("utf-8")).root_node.has_error
