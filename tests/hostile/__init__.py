"""Hostile repositories, generated at test time: whatever the input, no exit 3, no hang."""
