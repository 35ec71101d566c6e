"""Index facets built from syntax summaries: duplicated code and the import graph."""

from __future__ import annotations

from pathlib import Path

from auditor.index.syntax import parse_syntax
from auditor.index.syntax.hatches import escape_hatch_lines
from tests.conftest import index_repo, write_repo

BLOCK = "".join(f"    total = total + values[{i}] * {i + 1} - offset\n" for i in range(30))
UNIQUE = "".join(f"def f{i}(x):\n    return x * {i} + {i * i}\n\n" for i in range(50))


def test_duplicated_blocks_are_found_across_files(tmp_path: Path) -> None:
    files = {
        "a.py": "def score(values, offset):\n    total = 0\n" + BLOCK + "    return total\n",
        "b.py": UNIQUE + "def rate(values, offset):\n    total = 0\n" + BLOCK,
        "tests/test_a.py": "def test():\n    total = 0\n" + BLOCK,
        "examples/demo.py": "def demo():\n    total = 0\n" + BLOCK,
        "template-basic/main.py": "def main():\n    total = 0\n" + BLOCK,
    }
    duplication = index_repo(write_repo(tmp_path, files)).duplication
    (clone,) = duplication.clones
    assert (clone.path, clone.original_path) == ("b.py", "a.py")
    # one window in four is sampled: the ends of a block may be missed, never its middle
    assert clone.original_line <= 10 and clone.original_end_line >= 25
    assert clone.line >= 150 and clone.significant_lines >= 15
    assert 0.2 < duplication.share < 0.5


def test_no_duplication_in_distinct_code(tmp_path: Path) -> None:
    duplication = index_repo(write_repo(tmp_path, {"a.py": UNIQUE})).duplication
    assert duplication.clones == () and duplication.duplicated_lines == 0
    assert duplication.code_lines == 100


def test_a_licence_header_in_every_file_is_no_duplication(tmp_path: Path) -> None:
    header = (
        "/*\n  Copyright (c) 2009 Dave Gamble\n\n"
        + "".join(
            f"  Permission clause number {i} is hereby granted to any person.\n" for i in range(20)
        )
        + "*/\n"
    )
    files = {
        f"{name}.c": header
        + "".join(f"int {name}_{i}(int x) {{ return x * {i} + {len(name)}; }}\n" for i in range(20))
        for name in ("parse", "print", "utils")
    }
    duplication = index_repo(write_repo(tmp_path, files)).duplication
    assert duplication.clones == () and duplication.duplicated_lines == 0
    assert duplication.code_lines == 60


def test_import_graph_resolves_each_language(tmp_path: Path) -> None:
    files = {
        "src/pkg/__init__.py": "",
        "src/pkg/core.py": "X = 1\n",
        "src/pkg/a.py": "from pkg import core\nimport os\n",
        "src/pkg/sub/__init__.py": "",
        "src/pkg/sub/b.py": "from .. import core\nfrom ..core import X\n",
        "src/pkg/tests/test_c.py": "from pkg import core\n",
        "web/util.ts": "export const u = 1;\n",
        "web/app.ts": "import { u } from './util';\nimport x from 'react';\n",
        "web/lib/index.js": "module.exports = {};\n",
        "web/main.js": "import lib from './lib';\nexport * from './util.js';\n",
        "go.mod": "module example.com/m\n\ngo 1.22\n",
        "internal/db/db.go": "package db\n",
        "cmd/main.go": 'package main\n\nimport (\n\t"fmt"\n\t"example.com/m/internal/db"\n)\n',
        "Cargo.toml": "[package]\nname = 'c'\n",
        "src/lib.rs": "mod net;\nuse crate::net::{Client, server};\n",
        "src/net/mod.rs": "pub struct Client;\n",
        "src/net/server.rs": "use super::Client;\n",
        "java/com/acme/Util.java": "package com.acme;\nclass Util {}\n",
        "java/com/acme/App.java": "package com.acme;\nimport com.acme.Util;\nclass App {}\n",
    }
    graph = index_repo(write_repo(tmp_path, files)).import_graph
    assert dict(graph.importers) == {
        "internal/db": ("cmd",),
        "java/com/acme/Util.java": ("java/com/acme/App.java",),
        "src/net/mod.rs": ("src/lib.rs", "src/net/server.rs"),
        "src/net/server.rs": ("src/lib.rs",),
        "src/pkg/core.py": ("src/pkg/a.py", "src/pkg/sub/b.py"),
        "web/lib/index.js": ("web/main.js",),
        "web/util.ts": ("web/app.ts", "web/main.js"),
    }
    assert "src/pkg/tests/test_c.py" not in graph.modules
    assert len(graph.importers["src/pkg/core.py"]) == 2


def test_parse_extracts_imports_and_escape_hatches() -> None:
    source = b"from typing import Any, cast\nimport a.b as c\ndef f(*a: Any, **k: Any) -> Any:\n"
    parsed = parse_syntax("python", source + b"    return cast(int, 1)  # type: ignore\n")
    assert parsed.imports == ("typing", "typing.Any", "typing.cast", "a.b")
    assert parsed.escape_hatches == (3, 4, 4)
    assert escape_hatch_lines("python", b'"""Note: Any value is fine."""\n') == ()
    assert escape_hatch_lines("python", b"def f(d: dict[str, Any]) -> Mapping[str, t.Any]:\n") == ()
    ts = b"let a: any = 1;\nconst b = a as any; // @ts-ignore\nfunction f(x: any[]) {}\n"
    assert escape_hatch_lines("typescript", ts) == (1, 2, 2, 3)
    assert escape_hatch_lines("go", b"var a any\n") == ()
