"""Continuous integration providers and files, and pre-commit."""

from __future__ import annotations

from auditor.index.facts.sources import FactSources


def ci_files(src: FactSources) -> tuple[str, ...]:
    return ()


def ci_providers(src: FactSources) -> tuple[str, ...]:
    return ()


def uses_pre_commit(src: FactSources) -> bool:
    return src.index.file(".pre-commit-config.yaml") is not None
