"""tox commands read from a pyproject.toml point at their own lines, not at a dependency."""

from __future__ import annotations

from collections.abc import Callable

from auditor.facts.runners.registry import runners_of
from auditor.facts.subject import Subject

PYPROJECT = """\
[project]
name = "p"
version = "0"

[dependency-groups]
typing = [
    "mypy",
    "pytest",
]

[tool.tox]
env_list = ["py", "typing"]

[tool.tox.env_run_base]
description = "pytest on the latest versions"
commands = [[
    "pytest", "-v", "--tb=short",
]]

[tool.tox.env.typing]
commands = [
    ["mypy"],
]
"""


def test_each_command_is_found_in_its_own_table(make_subject: Callable[..., Subject]) -> None:
    tox = runners_of(make_subject({"pyproject.toml": PYPROJECT}).sources).tox
    assert tox is not None
    lines = PYPROJECT.splitlines()
    (base,) = tox.base
    assert base.text == "pytest -v --tb=short" and lines[(base.line or 0) - 1].strip() == (
        '"pytest", "-v", "--tb=short",'
    )
    (mypy,) = tox.envs["typing"]
    assert mypy.text == "mypy" and lines[(mypy.line or 0) - 1].strip() == '["mypy"],'
