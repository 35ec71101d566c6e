"""Go and JavaScript/TypeScript scaffolds: Go's pass `go vet` and `go test`, node:test's run
under `node --test`, vitest's and jest's parse and follow the repository's naming."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.cli import run
from tests.conftest import write_repo

GO_FILES = {
    "go.mod": "module example.com/shapes\n\ngo 1.19\n",
    "geo/point.go": (
        '// Package geo measures points.\npackage geo\n\nimport "math"\n\n'
        "type Point struct{ X, Y float64 }\n\n"
        "func Dist(a, b Point) float64 {\n\treturn math.Hypot(a.X-b.X, a.Y-b.Y)\n}\n\n"
        "func (p *Point) Scale(by float64) *Point {\n\tp.X *= by\n\treturn p\n}\n\n"
        "func (p Point) hidden() {}\n\nfunc helper() {}\n\n"
        "func Map[T any](xs []T, f func(T) T) []T { return xs }\n"
    ),
    "geo/doc.go": "package geo\n",
    "internal/calc/calc.go": (
        "package calc\n\nfunc Sum(values ...int) (total int, err error) {\n"
        "\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total, nil\n}\n"
    ),
    "tested/t.go": "package tested\n\nfunc Done() {}\n",
    "tested/t_test.go": "package tested\n",
}


def scaffold(root: Path, *args: str) -> int:
    return run(["scaffold-tests", str(root), *args])


def test_go_scaffolds_skip_each_exported_function(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "go", GO_FILES)
    assert scaffold(root, "--write") == 0
    point = (root / "geo" / "point_test.go").read_text()
    assert re.findall(r"func (Test\w+)\(t \*testing\.T\)", point) == [
        "TestDist",
        "TestPoint_Scale",
        "TestMap",
    ]
    assert 't.Skip("TODO: test (p *Point) Scale(by float64) *Point")' in point
    assert not (root / "geo" / "doc_test.go").exists()  # no exported function in doc.go
    assert (root / "tested" / "t_test.go").read_text() == "package tested\n"  # tested already
    assert (root / "internal" / "calc" / "calc_test.go").is_file()


def go_toolchain() -> None:
    """A skip without Go on PATH, and a failure under CI, where .ci/run installs it."""
    if shutil.which("go") is None:
        if os.environ.get("CI"):
            pytest.fail("no Go toolchain on PATH; .ci/run installs it (apt-get install golang-go)")
        pytest.skip("no Go toolchain on PATH (apt-get install golang-go)")


def test_go_scaffolds_pass_go_vet_and_go_test(tmp_path: Path) -> None:
    go_toolchain()
    root = write_repo(tmp_path / "go", GO_FILES)
    assert scaffold(root, "--write") == 0
    env = {
        **os.environ,
        "GOPROXY": "off",
        "GOFLAGS": "-mod=mod",
        "GOTOOLCHAIN": "local",
        "GOCACHE": str(tmp_path / "gocache"),
        "GOPATH": str(tmp_path / "gopath"),
    }
    for command in (["go", "vet", "./..."], ["go", "test", "-v", "./..."], ["gofmt", "-l", "."]):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        if command[0] == "gofmt":
            assert result.stdout == ""
        if command[1] == "test":
            assert result.stdout.count("--- SKIP") == 4


NODE_FILES = {
    "esm/package.json": '{"name": "esm", "type": "module"}\n',
    "esm/lib/math.js": (
        "export function add(a, b = 0) {\n  return a + b;\n}\n"
        "export const double = (x) => x * 2;\n"
        "export class Stack {\n  push(x) {}\n}\n"
        "export default function main() {}\n"
        "const hidden = 1;\nexport { hidden as visible };\n"
    ),
    "cjs/package.json": '{"name": "cjs"}\n',
    "cjs/util.js": (
        "function shout(text) {\n  return text.toUpperCase();\n}\nclass Box {}\n"
        "exports.lost = 1; // replaced by the next line\n"
        'module.exports = { shout, Box, version: "1" };\n'
        "exports.lostToo = function lostToo(a, b) {};\n"
    ),
    "cjs/fn.js": "module.exports = function parse(text) {\n  return text;\n};\n",
    "mixed/package.json": '{"name": "mixed"}\n',
    "mixed/Stats.js": "var Stats = function () {};\nexport { Stats as default };\n",
}


@pytest.mark.skipif(shutil.which("node") is None, reason="no node on PATH")
def test_node_test_scaffolds_run_under_node_test(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "node", NODE_FILES)
    assert scaffold(root, "--write") == 0
    util = (root / "cjs" / "util.test.js").read_text()
    assert 'const subject = require("./util.js");' in util
    assert "lost" not in util
    math = (root / "esm" / "lib" / "math.test.js").read_text()
    assert 'import * as subject from "./math.js";' in math
    assert 'it.todo("add(a, b = 0)");' in math
    mixed = (root / "mixed" / "Stats.test.mjs").read_text()  # ESM in a CommonJS package
    assert 'it.todo("Stats()");' in mixed
    command = ["node", "--experimental-detect-module", "--test"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
    assert "# pass 4" in result.stdout  # one import test per module
    assert "# todo 8" in result.stdout  # add, double, Stack, main; shout, Box; parse; Stats


def parses(path: Path) -> bool:
    from auditor.index.syntax.grammars import grammar_for, load

    language = "typescript" if path.suffix in (".ts", ".tsx") else "javascript"
    tree = load(grammar_for(language, path.name)).parser.parse(path.read_bytes())
    return not tree.root_node.has_error


def test_vitest_scaffolds_follow_the_repository_naming_and_parse(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "vite",
        {
            "package.json": '{"type": "module", "devDependencies": {"vitest": "^2"}}\n',
            "src/parse.ts": (
                "export interface Node { kind: string }\n"
                "export function parse(text: string, strict = false): Node {\n"
                "  return { kind: text };\n}\n"
                "export type Kind = string;\nexport enum Mode { A, B }\n"
            ),
            "src/__tests__/other.test.ts": "import { it } from 'vitest';\nit('x', () => {});\n",
            "src/other.ts": "export const other = 1;\n",
        },
    )
    assert scaffold(root, "--write", "--path", "src/parse.ts") == 0
    test = root / "src" / "__tests__" / "parse.test.ts"
    text = test.read_text()
    assert 'import { describe, expect, it } from "vitest";' in text
    assert 'import * as subject from "../parse";' in text
    assert 'it.todo("parse(text: string, strict = false): Node");' in text
    assert '"Node"' not in text and '"Kind"' not in text  # types are not values
    assert 'toHaveProperty(["Mode"])' in text
    assert parses(test)


def test_jest_scaffolds_use_its_globals_and_spec_naming(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "jest",
        {
            "package.json": '{"devDependencies": {"jest": "^29"}}\n',
            "lib/money.js": (
                "function cents(x) {\n  return x * 100;\n}\nmodule.exports = { cents };\n"
            ),
            "lib/old.spec.js": "test('x', () => {});\n",
        },
    )
    assert scaffold(root, "--write") == 0
    test = root / "lib" / "money.spec.js"
    text = test.read_text()
    assert "vitest" not in text and "node:test" not in text
    assert 'const subject = require("./money.js");' in text
    assert 'it.todo("cents(x)");' in text
    assert parses(test)
