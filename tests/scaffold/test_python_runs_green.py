"""`scaffold-tests --write` on Python repositories: the tests it writes pass under pytest."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.cli import run
from tests.conftest import write_repo

# Each module, with how many public functions, classes and methods it defines (counted by
# hand: each must get exactly one skipped to-do test).
MODULES: dict[str, tuple[str, int]] = {
    "kit/__init__.py": ('"""A kit of a dozen stdlib-only modules."""\n', 0),
    "kit/text.py": (
        '"""Text helpers."""\n\nimport re\n\n\n'
        'def slug(text: str, sep: str = "-") -> str:\n'
        '    """A slug.\n\n    >>> slug("Hello World")\n    \'hello-world\'\n    """\n'
        '    return re.sub(r"\\W+", sep, text.strip()).lower()\n\n\n'
        "def words(text):\n    return text.split()\n\n\n"
        "def _private(x):\n    return x\n",
        2,
    ),
    "kit/shapes.py": (
        "import math\n\n\nclass Circle:\n"
        "    def __init__(self, radius: float) -> None:\n        self.radius = radius\n\n"
        "    def area(self) -> float:\n"
        '        """The area.\n\n'
        "        >>> round(Circle(1).area(), 2)\n        3.14\n"
        '        """\n'
        "        return math.pi * self.radius**2\n\n"
        "    @property\n    def diameter(self) -> float:\n        return 2 * self.radius\n\n"
        "    def _secret(self):\n        return 1\n\n\n"
        "class _Hidden:\n    def shown(self):\n        pass\n",
        3,
    ),
    "kit/numbers.py": (
        "from __future__ import annotations\n\n\n"
        "def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:\n"
        "    if value < low:\n        return low\n    if value > high:\n        return high\n"
        "    return value\n\n\n"
        "def mean(*values: float, **options: object) -> float:\n"
        "    return sum(values) / len(values)\n\n\n"
        "async def later(delay: float = 0.1) -> None:\n    return None\n",
        3,
    ),
    "kit/dates.py": (
        "import datetime\n\nEPOCH = datetime.date(1970, 1, 1)\n\n\n"
        "def days_since(day: datetime.date, /, *, origin: datetime.date = EPOCH) -> int:\n"
        "    return (day - origin).days\n",
        1,
    ),
    "kit/paths.py": (
        "import pathlib\n\n__all__ = ['stem', 'Finder']\n\n\n"
        "def stem(path: str) -> str:\n    return pathlib.PurePosixPath(path).stem\n\n\n"
        "def not_exported(path):\n    return path\n\n\n"
        "class Finder:\n    def find(self, name: str) -> list[str]:\n        return []\n",
        3,
    ),
    "kit/records.py": (
        "import dataclasses\n\n\n@dataclasses.dataclass\nclass Record:\n"
        "    name: str\n    size: int = 0\n\n"
        "    def grow(self, by: int = 1) -> 'Record':\n"
        "        return dataclasses.replace(self, size=self.size + by)\n",
        2,
    ),
    "kit/quoting.py": (
        'def quote(text: str = \'say "hi"\', mark: str = "\'") -> str:\n'
        "    return mark + text + mark\n\n\n"
        "def weird(\n    first,  # a comment inside the signature\n    second=(\n"
        "        1,\n        2,\n    ),\n):\n    return first, second\n",
        2,
    ),
    "kit/sub/__init__.py": ("", 0),
    "kit/sub/text.py": ("def same_name_as_kit_text() -> int:\n    return 1\n", 1),
    "kit/iters.py": (
        "import itertools\n\n\n"
        "def pairs(items):\n    return list(itertools.pairwise(items))\n\n\n"
        "def chunks(items, size: int):\n    for start in range(0, len(items), size):\n"
        "        yield items[start : start + size]\n",
        2,
    ),
    "kit/config.py": (
        "import json\n\nDEFAULTS: dict[str, int] = {'retries': 3}\n\n\n"
        "def load(text: str) -> dict[str, object]:\n    return {**DEFAULTS, **json.loads(text)}\n",
        1,
    ),
    "report.py": (
        "import textwrap\n\n\ndef indent(text: str, width: int = 4) -> str:\n"
        "    return textwrap.indent(text, ' ' * width)\n",
        1,
    ),
}
PUBLIC_CALLABLES = sum(count for _, count in MODULES.values())


def scaffold(root: Path, *args: str) -> int:
    return run(["scaffold-tests", str(root), *args])


def pytest_in(root: Path) -> subprocess.CompletedProcess[str]:
    """pytest run in `root` in a fresh interpreter, as its maintainer would run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "PYTHONPATH"))}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=300,
    )


def summary(output: str) -> dict[str, int]:
    """pytest's last line as counts: {"passed": 9, "skipped": 21}."""
    last = output.strip().splitlines()[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", last)}


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "kit", {path: text for path, (text, _) in MODULES.items()})


def test_the_written_tests_pass_with_one_skip_per_public_callable(kit: Path) -> None:
    assert scaffold(kit, "--write") == 0
    result = pytest_in(kit)
    assert result.returncode == 0, result.stdout + result.stderr
    counts = summary(result.stdout)
    assert counts["skipped"] == PUBLIC_CALLABLES
    modules_with_names = sum(1 for text, count in MODULES.values() if count)
    examples = 2  # slug's and Circle.area's docstring examples
    assert counts["passed"] == modules_with_names + examples
    assert "failed" not in counts and "error" not in counts
    assert result.stdout.count("SKIPPED [1]") == PUBLIC_CALLABLES
    assert (
        "TODO: test days_since(day: datetime.date, /, *, origin: datetime.date = EPOCH) -> int"
        in result.stdout
    )


def test_generated_files_are_ruff_clean_and_pytest_config_says_where(kit: Path) -> None:
    assert scaffold(kit, "--write") == 0
    generated = sorted(str(p.relative_to(kit)) for p in (kit / "tests").rglob("*.py"))
    assert "tests/sub/test_sub_text.py" in generated  # kit/text.py took test_text.py
    assert "tests/test_text.py" in generated
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    for command in ([ruff, "check", *generated], [ruff, "format", "--check", *generated]):
        result = subprocess.run(command, cwd=kit, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (kit / "pytest.ini").read_text() == "[pytest]\ntestpaths = tests\npythonpath = .\n"
    assert not (kit / "pyproject.toml").exists()  # a new one would change how pip builds
    assert not (kit / "conftest.py").exists()


def test_a_second_write_changes_nothing_and_an_edited_scaffold_survives(kit: Path) -> None:
    assert scaffold(kit, "--write") == 0
    first = snapshot(kit)
    assert scaffold(kit, "--write") == 0
    assert snapshot(kit) == first
    edited = kit / "tests" / "test_numbers.py"
    edited.write_text(edited.read_text() + "\n\ndef test_mine() -> None:\n    assert True\n")
    mine = edited.read_bytes()
    assert scaffold(kit, "--write") == 0
    assert edited.read_bytes() == mine
    assert scaffold(kit, "--write", "--module", "kit.numbers") == 0
    assert edited.read_bytes() == mine


def test_an_edited_scaffold_of_a_module_still_untested_is_kept_unless_forced(
    kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert scaffold(kit, "--write", "--module", "report") == 0
    test = kit / "tests" / "test_report.py"
    text = test.read_text().replace("import report as subject\n", "subject = None\n")
    test.write_text(text)  # no test imports report.py now: it is planned again
    capsys.readouterr()
    assert scaffold(kit, "--write", "--module", "report") == 2
    assert "edited by hand" in capsys.readouterr().out
    assert test.read_text() == text
    assert scaffold(kit, "--write", "--module", "report", "--force") == 0
    assert "import report as subject" in test.read_text()


def test_a_src_layout_gets_its_import_root_on_the_path(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "srcrepo",
        {
            "pyproject.toml": '[project]\nname = "shop"\nversion = "0"\n',
            "src/shop/__init__.py": "",
            "src/shop/cart.py": (
                "def total(prices: list[float]) -> float:\n    return sum(prices)\n"
            ),
        },
    )
    before = (root / "pyproject.toml").read_text()
    assert scaffold(root, "--write") == 0
    assert (root / "tests" / "test_cart.py").is_file()
    after = (root / "pyproject.toml").read_text()
    assert after.startswith(before)
    assert after[len(before) :] == (
        '\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["src"]\n'
    )
    result = pytest_in(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result.stdout) == {"passed": 1, "skipped": 1}


def test_an_existing_pytest_configuration_is_followed_and_never_changed(
    tmp_path: Path,
) -> None:
    config = (
        "[tool:pytest]\ntestpaths = checks\npython_files = check_*.py\n"
        "addopts = --doctest-modules\n"
    )
    root = write_repo(
        tmp_path / "configured",
        {
            "setup.cfg": config,
            "pyproject.toml": "[project]\nname = 'calc'\nversion = '0'\n",
            "calc/__init__.py": "",
            "calc/ops.py": (
                'def double(x: int) -> int:\n    """Twice.\n\n    >>> double(2)\n    4\n    """\n'
                "    return 2 * x\n"
            ),
        },
    )
    before = {name: (root / name).read_bytes() for name in ("setup.cfg", "pyproject.toml")}
    assert scaffold(root, "--write") == 0
    assert {name: (root / name).read_bytes() for name in before} == before
    test = root / "checks" / "check_ops.py"
    assert "run_examples" not in test.read_text()  # --doctest-modules already runs them
    env_root = root
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "checks"],
        cwd=env_root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result.stdout) == {"passed": 1, "skipped": 1}


def test_tests_inside_each_package_get_a_package_beside_them(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "inner",
        {
            "pyproject.toml": "[tool.pytest.ini_options]\ntestpaths = ['pkg']\n",
            "pkg/__init__.py": "from .series import series\n",
            "pkg/core/__init__.py": "",
            "pkg/core/tests/__init__.py": "",
            "pkg/core/tests/test_a.py": "from pkg.core import a\n\ndef test_a():\n    assert a\n",
            "pkg/core/a.py": "def a():\n    return 1\n",
            "pkg/core/b.py": "def b():\n    return 2\n",
            "pkg/series/__init__.py": "from .series import series\n",
            "pkg/series/series.py": "def series():\n    return 0\n",
            "pkg/series/aseries.py": "def aseries():\n    return 3\n",
        },
    )
    assert scaffold(root, "--write") == 0
    assert (root / "pkg" / "core" / "tests" / "test_b.py").is_file()
    assert (root / "pkg" / "series" / "tests" / "__init__.py").is_file()
    assert (root / "pkg" / "series" / "tests" / "test_aseries.py").is_file()
    assert (root / "pkg" / "series" / "tests" / "test_series.py").is_file()
    result = pytest_in(root)  # `import pkg.series.aseries` would meet the function `series`
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result.stdout) == {"passed": 4, "skipped": 3}
