"""Linters, formatters and type checkers the repository runs, with their configuration."""
