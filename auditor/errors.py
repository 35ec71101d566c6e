"""The errors the CLI maps to exit codes: bad usage, bad config, broken plugins."""

from __future__ import annotations


class AuditorError(Exception):
    """An error the user can fix; the CLI prints its message on one line and exits 2."""

    exit_code = 2


class UsageError(AuditorError):
    """The command line asks for something impossible (a missing path, an unknown rule)."""


class ConfigError(AuditorError):
    """The configuration file is malformed or names something unknown."""


class PluginError(AuditorError):
    """A rule pack or renderer failed to load or declares something invalid."""
