"""auditor: how ready a repository is for coding agents, and what to fix first."""

__version__ = "0.1.0"
