"""Judges of what documents name: paths and commands that do not resolve."""
