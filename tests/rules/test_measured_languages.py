"""Honest coverage: the function rules judge every parsed language, and only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import api, registry
from auditor.config import Config
from auditor.model import Report, Status
from tests.conftest import write_repo

RULES = registry.load_rules()
FUNCTION_RULES = ("NAV003", "NAV004", "NAV005", "NAV006", "NAV007")
STEPS = 110
"""Statements in the long function: over NAV003's limit of 100 lines."""
BRANCHES = 18
"""Decisions in the complex function: over NAV004's limit of 15."""

# Per language: (path, a function `name` whose body is `body`, one statement, one decision).
LANGUAGES = {
    "csharp": (
        "src/Store.cs",
        "class Store {{\n  int {name}(int a) {{\n{body}    return a;\n  }}\n}}\n",
        "    a += 1;\n",
        "    if (a == {i}) {{ a += 1; }}\n",
        "Store.{name}",
    ),
    "kotlin": (
        "src/main/kotlin/Store.kt",
        "class Store {{\n  fun {name}(a: Int): Int {{\n    var b = a\n{body}"
        "    return b\n  }}\n}}\n",
        "    b += 1\n",
        "    if (b == {i}) {{ b += 1 }}\n",
        "Store.{name}",
    ),
    "c": (
        "src/store.c",
        "int {name}(int a) {{\n{body}  return a;\n}}\n",
        "  a += 1;\n",
        "  if (a == {i}) {{ a += 1; }}\n",
        "{name}",
    ),
    "cpp": (
        "src/store.cpp",
        "int Store::{name}(int a) {{\n{body}  return a;\n}}\n",
        "  a += 1;\n",
        "  if (a == {i}) {{ a += 1; }}\n",
        "Store.{name}",
    ),
    "ruby": (
        "lib/store.rb",
        "class Store\n  def {name}(a)\n{body}    a\n  end\nend\n",
        "    a += 1\n",
        "    a += 1 if a == {i}\n",
        "Store.{name}",
    ),
    "php": (
        "src/Store.php",
        "<?php\nclass Store {{\n  public function {name}($a) {{\n{body}    return $a;\n  }}\n}}\n",
        "    $a += 1;\n",
        "    if ($a == {i}) {{ $a += 1; }}\n",
        "Store.{name}",
    ),
}


def audit(root: Path, files: dict[str, str], *select: str) -> Report:
    write_repo(root, files)
    return api.audit(root, Config(select=select), rules=RULES)


EXPECTED = {
    "csharp": (2, 113, 117),
    "kotlin": (2, 114, 118),
    "c": (1, 113, 114),
    "cpp": (1, 113, 114),
    "ruby": (2, 113, 117),
    "php": (3, 113, 119),
}
"""Per language: the line `grow` starts on, its length in lines, the line `route` starts on."""


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_long_and_complex_functions_are_found(language: str, tmp_path: Path) -> None:
    path, template, step, decision, qualified = LANGUAGES[language]
    complex_body = "".join(decision.format(i=i) for i in range(BRANCHES))
    source = template.format(name="grow", body=step * STEPS)
    source += template.format(name="route", body=complex_body)
    report = audit(tmp_path, {path: source}, "NAV003", "NAV004")
    found = sorted((f.rule, f.path, f.line, f.message) for f in report.findings)
    grow_line, grow_lines, route_line = EXPECTED[language]
    grow, route = qualified.format(name="grow"), qualified.format(name="route")
    assert found == [
        ("NAV003", path, grow_line, f"function `{grow}` is {grow_lines} lines (limit 100)"),
        ("NAV004", path, route_line, f"function `{route}` has cyclomatic complexity 19 (limit 15)"),
    ]
    assert report.facts.languages_measured == (language,)
    assert report.facts.languages_not_measured == ()


def statuses(report: Report) -> dict[str, Status]:
    return {result.id: result.status for result in report.score.rules}


def test_unparsed_language_makes_the_function_rules_not_applicable(tmp_path: Path) -> None:
    swift = "func grow(a: Int) -> Int {\n" + "  a += 1\n" * 150 + "  return a\n}\n"
    script = "def build():\n    return 1\n"
    report = audit(tmp_path, {"Sources/App/Store.swift": swift, "scripts/build.py": script})
    assert report.facts.primary_language == "swift"
    assert report.facts.languages_measured == ("python",)
    assert report.facts.languages_not_measured == ("swift",)
    assert {rule: statuses(report)[rule] for rule in FUNCTION_RULES} == dict.fromkeys(
        FUNCTION_RULES, Status.NOT_APPLICABLE
    )


def test_a_repository_of_parsed_tests_only_is_not_judged(tmp_path: Path) -> None:
    test = "def test_a():\n    assert 1\n"
    report = audit(tmp_path, {"tests/test_a.py": test}, "NAV003", "NAV004", "NAV005")
    assert set(statuses(report).values()) == {Status.NOT_APPLICABLE}


def test_languages_without_import_resolution_stay_out_of_the_coupling_graph(
    tmp_path: Path,
) -> None:
    files = {f"src/M{i}.cs": f"using App;\nclass M{i} {{ void F() {{ }} }}\n" for i in range(30)}
    report = audit(tmp_path, files, "NAV003", "NAV007")
    assert statuses(report) == {"NAV003": Status.PASS, "NAV007": Status.NOT_APPLICABLE}
