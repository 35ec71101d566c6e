"""Tests: frameworks, directories, test files, and the commands that run them."""

from __future__ import annotations

from auditor.index.facts.model import Command
from auditor.index.facts.sources import FactSources


def test_frameworks(src: FactSources) -> tuple[str, ...]:
    return ()


def test_dirs(src: FactSources) -> tuple[str, ...]:
    return ()


def test_file_count(src: FactSources) -> int:
    return sum(1 for f in src.index.files if f.is_test and f.language is not None)


def test_commands(src: FactSources, commands: tuple[Command, ...]) -> tuple[Command, ...]:
    """Every way found to run the whole test suite, the canonical one first."""
    return ()
