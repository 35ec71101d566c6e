"""How a development environment is set up: dev containers, task runners, version pins."""

from __future__ import annotations

from auditor.index.facts.sources import FactSources


def dev_environment(src: FactSources) -> tuple[str, ...]:
    """Markers of a reproducible environment (devcontainer, makefile, version_pin, ...)."""
    return ()


def env_example(src: FactSources) -> str | None:
    """The path of the example environment file (.env.example and kin), or None."""
    return None
