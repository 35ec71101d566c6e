"""YAML that costs more to expand than to read: alias bombs, merge-key bombs, self-reference."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.structured_text import MalformedDocument, load_yaml
from tests.hostile.conftest import Outcome


def alias_bomb(levels: int = 9) -> str:
    """The 452-byte "billion laughs": nine aliases of nine aliases ... of "lol" (9^9 values)."""
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def merge_bomb(levels: int = 40) -> str:
    """Merge keys merging the level below twice: PyYAML keeps 2^levels pairs for one key."""
    text = "m0: &m0 {k: v}\n"
    for level in range(1, levels + 1):
        text += f"m{level}: &m{level} {{<<: [*m{level - 1}, *m{level - 1}]}}\n"
    return text


CI_FILES = (
    ".github/workflows/ci.yml",
    ".gitlab-ci.yml",
    ".circleci/config.yml",
    "azure-pipelines.yml",
    ".travis.yml",
    ".buildkite/pipeline.yml",
    "bitbucket-pipelines.yml",
    ".drone.yml",
    "appveyor.yml",
    ".woodpecker.yml",
    ".cirrus.yml",
    ".semaphore/semaphore.yml",
    ".gitea/workflows/ci.yml",
    ".pre-commit-config.yaml",
    "pnpm-workspace.yaml",
)
"""Every YAML file a fact detector parses: CI of each provider, hooks, workspaces."""


@pytest.mark.parametrize("path", CI_FILES)
def test_an_alias_bomb_is_refused_with_a_diagnostic(
    path: str, make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    outcome = audit(make_repo({path: alias_bomb()}))
    assert outcome.diagnostics(path) == [
        "malformed: cannot parse yaml: its aliases add more than 100,000 values"
    ]


@pytest.mark.parametrize("path", [".gitlab-ci.yml", ".github/workflows/ci.yml"])
def test_an_alias_that_contains_itself_is_refused_with_a_diagnostic(
    path: str, make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    text = "loop: &loop\n  again: *loop\ntest:\n  script: [pytest]\n"
    outcome = audit(make_repo({path: text}))
    assert outcome.diagnostics(path) == [
        "malformed: cannot parse yaml: an alias refers to a value that contains it"
    ]


def test_a_merge_key_bomb_reads_as_the_mapping_it_means(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    outcome = audit(make_repo({".gitlab-ci.yml": merge_bomb() + "test:\n  script: [pytest]\n"}))
    assert outcome.diagnostics(".gitlab-ci.yml") == []
    assert load_yaml(merge_bomb())["m40"] == {"k": "v"}


def test_shared_anchors_of_ordinary_ci_files_still_read() -> None:
    text = (
        "defaults: &defaults\n  image: python:3.12\n  before_script: [pip install -e .]\n"
        "test:\n  <<: *defaults\n  script: [pytest]\n"
        "lint:\n  <<: *defaults\n  script: [ruff check .]\n"
    )
    document = load_yaml(text)
    assert document["test"]["image"] == document["lint"]["image"] == "python:3.12"
    assert document["lint"]["script"] == ["ruff check ."]


def test_depth_through_a_shared_anchor_counts_where_it_is_used() -> None:
    text = "d: &d " + "[" * 60 + "1" + "]" * 60 + "\ne: " + "[" * 50 + "*d" + "]" * 50 + "\n"
    with pytest.raises(MalformedDocument, match="nested more than 100 levels deep"):
        load_yaml(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["&a ", "&b ", "*a", "*b", "<<: ", "[", "]", "{", "}", ", ", "\n", "k: "])
        | st.text(alphabet="ab:-&*<[]{}, \n", max_size=8),
        max_size=40,
    )
)
def test_any_text_loads_or_is_malformed(parts: list[str]) -> None:
    with contextlib.suppress(MalformedDocument):
        load_yaml("".join(parts))
