"""node's own test runner (`node --test`, and borp, which runs it): one test on its own."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from auditor.facts.subject import Subject

Make = Callable[..., Subject]
TEST_FILE = (
    "'use strict'\n\nconst { test } = require('node:test')\n\ntest('adds numbers', t => {})\n"
)


@pytest.mark.parametrize(
    ("scripts", "dev"),
    [({"test": "borp"}, {"borp": "^1.0.0"}), ({"test": "node --test"}, {})],
)
def test_one_node_test_runs_through_node_test(
    make_subject: Make, scripts: dict[str, str], dev: dict[str, str]
) -> None:
    package = json.dumps({"name": "p", "scripts": scripts, "devDependencies": dev})
    facts = make_subject({"package.json": package, "test/add.test.js": TEST_FILE}).facts
    assert (
        facts.single_test_command
        == 'node --test --test-name-pattern="adds numbers" test/add.test.js'
    )


def test_borp_shows_node_test_as_the_framework(make_subject: Make) -> None:
    package = json.dumps({"scripts": {"unit": "borp"}, "devDependencies": {"borp": "1"}})
    facts = make_subject({"package.json": package, "test/add.test.js": TEST_FILE}).facts
    assert facts.test_frameworks == ("node:test",)


def test_a_file_without_node_test_gets_no_node_command(make_subject: Make) -> None:
    package = json.dumps({"scripts": {"test": "node --test"}})
    plain = "const assert = require('assert')\n\ntest('adds', () => {})\n"
    facts = make_subject({"package.json": package, "test/add.test.js": plain}).facts
    assert facts.single_test_command is None
