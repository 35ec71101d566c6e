"""Tests: frameworks, places, and the commands that run the whole suite or one test."""
