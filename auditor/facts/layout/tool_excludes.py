"""The paths hooks, linters and formatters are told to skip, each with the file and line that
say so: pre-commit `exclude:`, ruff and flake8 `exclude`/`extend-exclude`, eslint ignores and
`.prettierignore`."""

from __future__ import annotations

import configparser
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from auditor.facts.layout.claims import TEST_TREE, Claim, kinds_named, line_of
from auditor.ignore_patterns import ignore_spec
from auditor.linear_regex import LinearPattern, linear

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources

PRE_COMMIT = ".pre-commit-config.yaml"
RUFF_FILES = ("ruff.toml", ".ruff.toml")
FLAKE8_FILES = (".flake8", "setup.cfg", "tox.ini")
IGNORE_FILES = (".eslintignore", ".prettierignore")
ESLINT_CONFIGS = tuple(f"eslint.config.{ext}" for ext in ("js", "mjs", "cjs", "ts", "mts", "cts"))
FLAT_IGNORES = re.compile(r"\bignores\s*:\s*\[([^\]]*)\]")
STRING = re.compile(r"""(["'`])((?:(?!\1).)+)\1""")
EXCLUDE_KEYS = ("exclude", "extend-exclude")


def tool_excludes(src: FactSources) -> Iterator[Claim]:
    """A claim for every skip pattern that names a kind (vendored, generated, data, fixture)."""
    found = (*_pre_commit(src), *_ruff(src), *_flake8(src), *_ignore_files(src))
    yield from (claim for claim in found if claim.kinds)
    yield from _formatter_inputs(src)


def _formatter_inputs(src: FactSources) -> Iterator[Claim]:
    """`.prettierignore` as a whole (its `!` lines re-include): what it keeps unformatted in a
    test tree is the tests' input."""
    text = src.text(".prettierignore")
    if text is None:
        return
    lines = [line.strip() for line in text.splitlines()]
    spec = ignore_spec(lines)
    first = next((n for n, line in enumerate(lines, 1) if TEST_TREE.search(line)), None)
    if first is not None:
        reason = "prettier keeps it unformatted: an input of the tests"
        yield Claim(".prettierignore", first, reason, "", spec.match_file, test_inputs=True)


def _pre_commit(src: FactSources) -> Iterator[Claim]:
    """pre-commit's top-level and per-hook `exclude:`: Python regexes searched in each path."""
    config = src.yaml(PRE_COMMIT)
    text = src.text(PRE_COMMIT) or ""
    if not isinstance(config, dict):
        return
    found = [("every hook", config.get("exclude"))]
    for repo in config.get("repos") or ():
        for hook in (repo.get("hooks") or ()) if isinstance(repo, dict) else ():
            if isinstance(hook, dict):
                found.append((f"the `{hook.get('id')}` hook", hook.get("exclude")))
    for who, pattern in found:
        if isinstance(pattern, str) and (compiled := _regex(pattern)) is not None:
            yield Claim(
                PRE_COMMIT,
                _key_line(text, line_of(text, pattern), "exclude:"),
                f"pre-commit skips it for {who}",
                pattern,
                _searcher(compiled),
            )


def _key_line(text: str, line: int | None, key: str) -> int | None:
    """The line at or above `line` holding `key` (a block scalar's value starts below it)."""
    lines = text.splitlines()
    for number in range(line or 0, 0, -1):
        if key in lines[number - 1]:
            return number
    return line


def _searcher(regex: LinearPattern) -> Callable[[str], bool]:
    return lambda path: regex.search(path) is not None


def _regex(pattern: str) -> LinearPattern | None:
    """The repository's own regular expression (pre-commit `exclude:`), matched by RE2 in
    linear time; one RE2 cannot compile (a lookaround, a backreference) is not used."""
    return linear(pattern)


def _ruff(src: FactSources) -> Iterator[Claim]:
    pyproject = src.toml("pyproject.toml") or {}
    tables = [("pyproject.toml", pyproject.get("tool", {}).get("ruff"))]
    tables += [(name, src.toml(name)) for name in RUFF_FILES if src.repo.file(name)]
    for path, table in tables:
        if isinstance(table, dict):
            for key in EXCLUDE_KEYS:
                yield from _globs(src, path, table.get(key), f"ruff's `{key}` skips it")


def _flake8(src: FactSources) -> Iterator[Claim]:
    for path in FLAKE8_FILES:
        text = src.text(path)
        if text is None or "flake8" not in text:
            continue
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read_string(text)
        except configparser.Error:
            continue
        if parser.has_section("flake8"):
            for key in EXCLUDE_KEYS:
                value = parser.get("flake8", key, fallback="")
                patterns = [p.strip() for p in value.replace("\n", ",").split(",") if p.strip()]
                yield from _globs(src, path, patterns, f"flake8's `{key}` skips it")


def _ignore_files(src: FactSources) -> Iterator[Claim]:
    """`.eslintignore`, `.prettierignore`, package.json `eslintIgnore`, flat-config ignores."""
    for path in IGNORE_FILES:
        text = src.text(path) or ""
        lines = [line.strip() for line in text.splitlines()]
        patterns = [line for line in lines if line and not line.startswith(("#", "!"))]
        yield from _globs(src, path, patterns, f"`{path}` lists it")
    package = src.json("package.json") if src.repo.file("package.json") else None
    if isinstance(package, dict):
        yield from _globs(src, "package.json", package.get("eslintIgnore"), "eslint ignores it")
    for path in ESLINT_CONFIGS:
        text = src.text(path) or ""
        for block in FLAT_IGNORES.finditer(text):
            strings = [m.group(2) for m in STRING.finditer(block.group(1))]
            yield from _globs(src, path, strings, "eslint's `ignores` skips it")


def _globs(src: FactSources, path: str, patterns: Any, reason: str) -> Iterator[Claim]:
    """A claim per gitignore-style pattern of `patterns` (those naming no kind are skipped)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list):
        return
    text = src.text(path) or ""
    for pattern in patterns:
        if not isinstance(pattern, str) or not kinds_named(pattern):
            continue
        spec = ignore_spec([pattern.removeprefix("./")])
        yield Claim(path, line_of(text, pattern), reason, pattern, spec.match_file)
