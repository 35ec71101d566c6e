"""Test scaffolds: Python (libcst), JavaScript/TypeScript and Go (tree-sitter)."""
