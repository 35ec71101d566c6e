"""Scaffolding the auditor writes on request: AGENTS.md blocks from verified facts."""
