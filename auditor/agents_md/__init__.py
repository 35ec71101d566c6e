"""The AGENTS.md generator: a plan from the facts, rendered, written safely, checked for drift."""
