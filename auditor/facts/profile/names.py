"""The names of the repository profiles, importable without the detectors."""

PROFILES = ("application", "cli", "data", "docs", "infrastructure", "library", "monorepo")
"""Every profile, sorted; `application` is the one every rule applies to."""
