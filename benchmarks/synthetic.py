"""Synthetic repositories of a chosen size, for the benchmark: Python, TypeScript and Go."""

from __future__ import annotations

from pathlib import Path

PYTHON = '''"""Module {i}."""

import os


class Thing{i}:
    def __init__(self, value: int) -> None:
        self.value = value

    def compute(self, other: int) -> int:
        total = 0
        for step in range(other):
            if step % 3 == 0 and self.value > step:
                total += step
            elif step % 5 == 0:
                total -= 1
            else:
                total += self.value
        return total


def helper_{i}(items: list[int]) -> list[int]:
    return [x * 2 for x in items if x > {i} % 7]
'''
TYPESCRIPT = """export function handle{i}(input: number[]): number {{
  let sum = 0;
  for (const value of input) {{
    if (value > {i} && value % 2 === 0) {{
      sum += value;
    }} else if (value < 0 || value === 7) {{
      sum -= 1;
    }}
  }}
  return sum;
}}

export const arrow{i} = (x: number): number => (x > 0 ? x : -x);
"""
GO = """package pkg{d}

func Compute{i}(values []int) int {{
	total := 0
	for _, v := range values {{
		if v > {i} && v%2 == 0 {{
			total += v
		}} else if v < 0 {{
			total--
		}}
	}}
	return total
}}
"""
PYTEST = """from pkg{d}.mod{i} import helper_{i}


def test_helper_{i}() -> None:
    assert helper_{i}([1, 2, 3]) is not None
"""


def make_synthetic_repo(root: Path, files: int) -> Path:
    """Write a repository of about `files` files under `root` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "README.md").write_text("# Synthetic\n\nRun the tests with `pytest`.\n")
    (root / "pyproject.toml").write_text(
        '[project]\nname = "synthetic"\n[tool.pytest.ini_options]\n'
    )
    (root / ".gitignore").write_text(".venv/\n")
    for i in range(files):
        directory = i // 100
        kind = i % 10
        if kind < 6:
            path, text = root / f"src/pkg{directory}/mod{i}.py", PYTHON.format(i=i)
        elif kind < 8:
            path, text = root / f"web/part{directory}/handle{i}.ts", TYPESCRIPT.format(i=i)
        elif kind < 9:
            path, text = root / f"go/pkg{directory}/compute{i}.go", GO.format(i=i, d=directory)
        else:
            path, text = (
                root / f"tests/pkg{directory}/test_mod{i}.py",
                PYTEST.format(i=i - 9, d=directory),
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root
