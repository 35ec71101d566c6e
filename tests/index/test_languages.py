"""Languages by file extension, special names and shebang lines."""

from __future__ import annotations

import pytest

from auditor.index.languages import language_of


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("a.py", "python"),
        ("stubs/a.pyi", "python"),
        ("a.js", "javascript"),
        ("a.mjs", "javascript"),
        ("a.cjs", "javascript"),
        ("a.jsx", "javascript"),
        ("a.ts", "typescript"),
        ("src/App.tsx", "typescript"),
        ("a.mts", "typescript"),
        ("main.go", "go"),
        ("lib.rs", "rust"),
        ("Main.java", "java"),
        ("a.c", "c"),
        ("a.h", "c"),
        ("a.cpp", "cpp"),
        ("a.hpp", "cpp"),
        ("a.cs", "csharp"),
        ("a.rb", "ruby"),
        ("Rakefile", "ruby"),
        ("a.kt", "kotlin"),
        ("build.gradle.kts", "kotlin"),
        ("a.swift", "swift"),
        ("run.sh", "shell"),
        ("a.R", "r"),
        ("a.r", "r"),
        ("A.PY", "python"),
        ("deep/dir/x.Go", "go"),
    ],
)
def test_extensions(path: str, language: str) -> None:
    assert language_of(path) == language


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "pyproject.toml",
        "package.json",
        "a.yaml",
        "Makefile",
        "LICENSE",
        ".bashrc",
        ".py",
        "data.csv",
        "image.png",
        "noext",
    ],
)
def test_not_a_programming_language(path: str) -> None:
    assert language_of(path) is None


@pytest.mark.parametrize(
    ("head", "language"),
    [
        (b"#!/usr/bin/env python3\nprint(1)\n", "python"),
        (b"#!/usr/bin/python3.11 -u\n", "python"),
        (b"#!/bin/bash\nset -e\n", "shell"),
        (b"#!/bin/sh -e\r\n", "shell"),
        (b"#! /usr/bin/env bash\n", "shell"),
        (b"#!/usr/bin/env -S node --flag\n", "javascript"),
        (b"#!/usr/local/bin/node\n", "javascript"),
        (b"#!/usr/bin/env -S deno run --allow-net\n", "typescript"),
        (b"#!/usr/bin/env -S uv run --script\n", "python"),
        (b"#!/usr/bin/env FOO=1 ruby -w\n", "ruby"),
        (b"#!/usr/bin/env zsh", "shell"),
    ],
)
def test_shebangs(head: bytes, language: str) -> None:
    assert language_of("bin/tool", head) == language


@pytest.mark.parametrize(
    "head",
    [b"#!/usr/bin/env perl\n", b"#!\n", b"#!/bin/\n", b"# not a shebang\n", b"", b"\x00#!/bin/sh"],
)
def test_unknown_or_missing_interpreter(head: bytes) -> None:
    assert language_of("bin/tool", head) is None


def test_extension_wins_over_shebang() -> None:
    assert language_of("tool.py", b"#!/bin/bash\n") == "python"


def test_unknown_extension_falls_back_to_shebang() -> None:
    assert language_of("deploy.prod", b"#!/bin/bash\n") == "shell"
    assert language_of("notes.txt", b"plain text\n") is None
