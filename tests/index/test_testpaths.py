"""Test files and test trees by each ecosystem's naming conventions."""

from __future__ import annotations

import pytest

from auditor.index.testpaths import is_test_path


@pytest.mark.parametrize(
    "path",
    [
        # pytest and unittest
        "test_app.py",
        "pkg/test_models.py",
        "app_test.py",
        "app_tests.py",
        "conftest.py",
        "tests/helpers.py",
        "src/app/tests.py",
        "tests/fixtures/data.json",
        # jest, vitest, mocha
        "src/App.test.tsx",
        "src/util.spec.ts",
        "lib/a.test.mjs",
        "src/__tests__/App.jsx",
        "e2e/login.e2e-spec.ts",
        # go
        "pkg/server/handler_test.go",
        "internal/testdata/input.txt",
        # java, kotlin (surefire's defaults), scala, c#
        "src/test/java/com/acme/ServiceTest.java",
        "src/test/java/com/acme/Helper.java",
        "app/src/test/kotlin/FooTests.kt",
        "src/it/FooIT.java",
        "TestParser.java",
        "Acme.Tests/ParserTests.cs",
        "Tests/AppTests/AppTests.swift",
        # rspec and minitest
        "spec/models/user_spec.rb",
        "test/test_helper.rb",
        "lib/foo_test.rb",
        # others
        "tests/integration.rs",
        "test_parse.c",
        "parse_test.cc",
        "test/run.sh",
        "a_test.exs",
    ],
)
def test_is_a_test(path: str) -> None:
    assert is_test_path(path)


@pytest.mark.parametrize(
    "path",
    [
        "testing_utils.py",
        "src/testing.py",
        "test.py",
        "contest.py",
        "latest.py",
        "src/attestation.go",
        "protest/main.go",
        "src/main/java/com/acme/Service.java",
        "src/Testimony.java",
        "lib/spectrum.rb",
        "src/inspect.ts",
        "docs/testing.md",
        "src/app/testing_helpers.py",
        "src/respec/x.js",
        "README.md",
    ],
)
def test_is_not_a_test(path: str) -> None:
    assert not is_test_path(path)


def test_a_python_module_named_like_a_test_is_one_only_if_its_code_is() -> None:
    assert is_test_path("pkg/parser_test.py", b"import pytest\n\ndef test_parse():\n    pass\n")
    assert is_test_path("pkg/parser_test.py", b"class TestParser:\n    pass\n")
    assert not is_test_path("pkg/facts/single_test.py", b'"""How to run one test."""\n')
    assert is_test_path("tests/helpers_test.py", b"x = 1\n")  # a test tree decides alone
    assert is_test_path("pkg/parser_test.py")  # content unknown: the name decides
