"""The single test as a template: each builder's template, filled with its example's own values,
is that example byte for byte, and holds exactly the documented placeholders of its shape."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.facts.subject import Subject
from auditor.facts.testing.command_template import PLACEHOLDERS, prefixed, templated
from auditor.report_facts import CommandTemplate
from auditor_reports.json_report import load_schema
from tests.conftest import subject_of, write_repo
from tests.fixtures.ecosystems import ECOSYSTEMS

WORD = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True)
CLASS = st.from_regex(r"[A-Z][A-Za-z0-9]{0,7}", fullmatch=True)
DIR = st.lists(WORD, min_size=0, max_size=2).map("/".join)
TITLE = st.from_regex(r"[a-z][a-z0-9 .,:-]{0,20}[a-z0-9]", fullmatch=True)


@dataclass(frozen=True)
class Case:
    """A generated repository, the test it holds, and the single test it must give."""

    files: dict[str, str]
    example: str
    placeholders: frozenset[str]
    values: dict[str, str]


def in_dir(directory: str, path: str) -> str:
    return "/".join(part for part in (directory, path) if part)


@st.composite
def pytest_case(draw: st.DrawFn) -> Case:
    directory, name, cls = draw(DIR), draw(WORD), draw(st.none() | CLASS)
    path = in_dir(in_dir("tests", directory), f"test_{draw(WORD)}.py")
    body = f"def test_{name}():\n    assert True\n"
    if cls:
        body = f"class Test{cls}:\n    " + body.replace("\n    ", "\n        ")
    node = f"{path}::Test{cls}::test_{name}" if cls else f"{path}::test_{name}"
    pyproject = '[project]\nname = "x"\n[dependency-groups]\ndev = ["pytest"]\n'
    files = {"pyproject.toml": pyproject, "uv.lock": "version = 1\n", path: body}
    values = {"file": path, "name": f"test_{name}", **({"class": f"Test{cls}"} if cls else {})}
    return Case(files, f"uv run pytest {node}", frozenset(values), values)


@st.composite
def unittest_case(draw: st.DrawFn) -> Case:
    cls, name, module = draw(CLASS), draw(WORD), draw(WORD)
    files = dict(ECOSYSTEMS["python-poetry-tox"])
    del files["tests/test_book.py"]
    path = f"tests/test_{module}.py"
    files[path] = (
        f"import unittest\n\n\nclass {cls}Test(unittest.TestCase):\n"
        f"    def test_{name}(self):\n        pass\n"
    )
    values = {"module": f"tests.test_{module}", "class": f"{cls}Test", "name": f"test_{name}"}
    example = f"poetry run python -m unittest tests.test_{module}.{cls}Test.test_{name}"
    return Case(files, example, frozenset(values), values)


@st.composite
def go_case(draw: st.DrawFn) -> Case:
    directory, name, module = draw(DIR), draw(CLASS), draw(st.sampled_from(["", "svc", "a{b}"]))
    test = in_dir(directory, f"{draw(WORD)}_test.go")
    files = {
        in_dir(module, "go.mod"): "module example.com/m\n",
        in_dir(
            module, test
        ): f'package m\n\nimport "testing"\n\nfunc Test{name}(t *testing.T) {{}}\n',
    }
    package = f"./{directory}" if directory else "."
    cd = f"cd {module} && " if module else ""
    values = {"name": f"Test{name}", "package": package}
    return Case(files, f"{cd}go test -run '^Test{name}$' {package}", frozenset(values), values)


@st.composite
def cargo_case(draw: st.DrawFn) -> Case:
    crate, name, member = draw(WORD), draw(WORD), draw(st.booleans())
    test = f"#[cfg(test)]\nmod tests {{\n    #[test]\n    fn {name}() {{}}\n}}\n"
    if not member:
        files = {"Cargo.toml": f'[package]\nname = "{crate}"\n', "src/lib.rs": test}
        return Case(files, f"cargo test {name}", frozenset({"name"}), {"name": name})
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\n',
        f"crates/{crate}/Cargo.toml": f'[package]\nname = "{crate}"\n',
        f"crates/{crate}/src/lib.rs": test,
    }
    values = {"crate": crate, "name": name}
    return Case(files, f"cargo test -p {crate} {name}", frozenset(values), values)


@st.composite
def js_case(draw: st.DrawFn) -> Case:
    runner, title, directory = draw(st.sampled_from(["vitest", "jest"])), draw(TITLE), draw(DIR)
    path = in_dir(in_dir("src", directory), f"{draw(WORD)}.test.ts")
    script = "vitest run" if runner == "vitest" else "jest"
    package = {"scripts": {"test": script}, "devDependencies": {runner: "1"}}
    files = {"package.json": json.dumps(package), path: f"test('{title}', () => {{}})\n"}
    values = {"file": path, "name": title}
    example = f'npx {script} {path} -t "{title}"'
    return Case(files, example, frozenset(values), values)


@st.composite
def node_test_case(draw: st.DrawFn) -> Case:
    title, name = draw(TITLE), draw(WORD)
    path = f"test/{name}.test.js"
    source = f"const {{ test }} = require('node:test')\n\ntest('{title}', t => {{}})\n"
    files = {"package.json": json.dumps({"scripts": {"test": "node --test"}}), path: source}
    values = {"file": path, "name": title}
    example = f'node --test --test-name-pattern="{title}" {path}'
    return Case(files, example, frozenset(values), values)


@st.composite
def jvm_case(draw: st.DrawFn) -> Case:
    gradle, cls, method, module = draw(st.booleans()), draw(CLASS), draw(WORD), draw(DIR)
    with_method = draw(st.booleans())
    body = f"    @Test\n    void {method}() {{}}\n" if with_method else ""
    path = in_dir(module, f"src/test/java/{cls}Test.java")
    files = {path: f"import org.junit.jupiter.api.Test;\n\nclass {cls}Test {{\n{body}}}\n"}
    values = {"class": f"{cls}Test", **({"method": method} if with_method else {})}
    if gradle:
        files["gradlew"] = "#!/bin/sh\n"
        files["build.gradle"] = "plugins { id 'java' }\n"
        task = f":{module.replace('/', ':')}:test" if module else "test"
        values |= {"project": f":{module.replace('/', ':')}"} if module else {}
        chosen = f"{cls}Test.{method}" if with_method else f"{cls}Test"
        example = f"./gradlew {task} --tests {chosen}"
    else:
        files["pom.xml"] = "<project><artifactId>p</artifactId></project>\n"
        values |= {"maven_module": module} if module else {}
        within = f" -pl {module}" if module else ""
        chosen = f"{cls}Test#{method}" if with_method else f"{cls}Test"
        example = f"mvn{within} test -Dtest={chosen}"
    return Case(files, example, frozenset(values), values)


@st.composite
def script_case(draw: st.DrawFn) -> Case:
    name, script = draw(WORD), draw(st.sampled_from(["scripts/test.sh", "ci/{x}/test.sh"]))
    path = f"tests/test_{draw(WORD)}.py"
    files = {
        "pyproject.toml": '[project]\nname = "x"\n[tool.pytest.ini_options]\n',
        script: '#!/bin/sh\npython -m pytest "$@"\n',
        "CONTRIBUTING.md": f"Before a pull request, run `bash {script}`.\n",
        path: f"def test_{name}():\n    assert True\n",
    }
    values = {"file": path, "name": f"test_{name}"}
    return Case(files, f"bash {script} {path}::test_{name}", frozenset(values), values)


BUILDERS = {
    "pytest": pytest_case(),
    "unittest": unittest_case(),
    "go": go_case(),
    "cargo": cargo_case(),
    "js": js_case(),
    "node:test": node_test_case(),
    "jvm": jvm_case(),
    "through a script": script_case(),
}


def facts_of(files: dict[str, str]) -> Subject:
    with tempfile.TemporaryDirectory(prefix="auditor-single-") as root:
        subject = subject_of(write_repo(Path(root) / "repo", files), want_syntax=False)
        subject.facts  # noqa: B018 - derived while the files exist
        return subject


def check(single: CommandTemplate | None, example: str | None) -> CommandTemplate:
    """The properties every single test holds, whatever its builder."""
    assert single is not None and example == single.example
    assert single.template.format_map(single.values) == example
    assert set(single.placeholders) == set(single.values) <= set(PLACEHOLDERS)
    assert all(single.values.values())
    return single


@pytest.mark.parametrize("builder", BUILDERS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_template_filled_with_its_values_is_the_example(builder: str, data: st.DataObject) -> None:
    case = data.draw(BUILDERS[builder])
    facts = facts_of(case.files).facts
    single = check(facts.single_test, facts.single_test_command)
    assert facts.single_test_command == case.example
    assert set(single.placeholders) == case.placeholders
    assert dict(single.values) == case.values
    report = facts.report_view().to_json()
    assert report["single_test_command"] == case.example
    shown = report["single_test_template"]
    assert shown["template"].format_map(shown["values"]) == case.example


def test_every_ecosystem_fixture_with_a_test_has_a_true_template() -> None:
    found = {}
    for name, files in ECOSYSTEMS.items():
        facts = facts_of(dict(files)).facts
        if facts.single_test is not None:
            found[name] = check(facts.single_test, facts.single_test_command).template
    assert found == {
        "python-uv": "uv run pytest {file}::{name}",
        "python-poetry-tox": "poetry run python -m unittest {module}.{class}.{name}",
        "pnpm-workspace": 'pnpm exec vitest run {file} -t "{name}"',
        "cargo-workspace": "cargo test -p {crate} {name}",
        "go-module": "go test -run '^{name}$' {package}",
        "maven-multi": "mvn -pl {maven_module} test -Dtest={class}#{method}",
    }


def test_another_test_substituted_changes_only_its_own_parts() -> None:
    single = templated("uv run pytest ", ("file", "tests/test_a.py"), "::", ("name", "test_x"))
    assert single.template == "uv run pytest {file}::{name}"
    other = single.template.format(file="tests/test_b.py", name="test_y")
    assert other == "uv run pytest tests/test_b.py::test_y"


def test_literal_braces_are_kept_and_placeholders_documented() -> None:
    single = prefixed("cd a{b} && ", templated("go test ", ("package", "./x")))
    assert single.template == "cd a{{b}} && go test {package}"
    assert single.example == "cd a{b} && go test ./x"
    with pytest.raises(ValueError, match="'nope'"):
        templated("x ", ("nope", "x"))
    with pytest.raises(ValueError, match="two values"):
        templated(("name", "a"), " ", ("name", "b"))


def test_the_shipped_schema_documents_exactly_the_placeholders() -> None:
    facts = load_schema()["$defs"]["factValues"]["properties"]
    shown = facts["single_test_template"]
    assert shown["properties"]["values"]["propertyNames"]["enum"] == list(PLACEHOLDERS)
    description = shown["description"]
    assert all(f" {name} (" in description for name in PLACEHOLDERS)


def test_the_mcp_page_names_every_placeholder() -> None:
    page = (Path(__file__).parents[2] / "docs" / "commands" / "mcp.md").read_text()
    assert all(f"`{name}`" in page for name in PLACEHOLDERS)


JUNIT_TEST = (
    "import org.junit.jupiter.api.Test;\n\nclass ParserTest {\n    @Test\n    void parses() {}\n}\n"
)


def test_a_jvm_base_class_is_no_single_test_and_two_classes_name_the_class() -> None:
    base = "public abstract class AbstractLangTest {\n    @Test\n    public void shared() {}\n}\n"
    files = {
        "pom.xml": "<project><artifactId>p</artifactId></project>\n",
        "src/test/java/AbstractLangTest.java": base,
        "src/test/java/ParserTest.java": JUNIT_TEST,
    }
    assert facts_of(files).facts.single_test_command == "mvn test -Dtest=ParserTest#parses"
    nested = JUNIT_TEST.replace("}\n}\n", "}\n    @Nested\n    class Inner {}\n}\n")
    files["src/test/java/ParserTest.java"] = nested
    facts = facts_of(files).facts
    assert facts.single_test_command == "mvn test -Dtest=ParserTest"
    assert facts.single_test is not None and facts.single_test.template == "mvn test -Dtest={class}"
