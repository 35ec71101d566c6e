"""The cache options every command that reads a repository shares, and where they point."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
import platformdirs

F = TypeVar("F", bound=Callable[..., object])

no_cache_option = click.option(
    "--no-cache", is_flag=True, help="Parse every file afresh and write no cache."
)
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where parse results are cached (default: the user cache directory).",
)


def cache_options(command: F) -> F:
    """`--no-cache` and `--cache-dir`, in that order in `--help`."""
    return no_cache_option(cache_dir_option(command))


def cache_dir_of(no_cache: bool, cache_dir: Path | None) -> Path | None:
    """Where parse results are cached: `--cache-dir`, else the user cache; None with --no-cache."""
    if no_cache:
        return None
    return cache_dir or Path(platformdirs.user_cache_dir("auditor"))
