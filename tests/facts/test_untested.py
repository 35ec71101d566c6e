"""Which modules no test imports (`facts.testing.untested`), and their risk order."""

from __future__ import annotations

from pathlib import Path

from auditor.discover import discover
from auditor.facts.subject import Subject
from auditor.facts.testing.untested import ModuleCoverage
from auditor.index.build import build_index
from tests.conftest import subject_of, write_repo

BRANCHY = (
    "def parse(text):\n"
    + "".join(f"    if text == {n}:\n        return {n}\n" for n in range(6))
    + "    return None\n"
)


def coverage(tmp_path: Path, files: dict[str, str]) -> ModuleCoverage:
    coverage = subject_of(write_repo(tmp_path, files)).facts.test_coverage
    assert coverage is not None
    return coverage


def test_a_module_a_test_imports_is_covered_one_only_imported_by_code_is_not(
    tmp_path: Path,
) -> None:
    found = coverage(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/core.py": "def core():\n    return 1\n",
            "pkg/api.py": "from pkg import core\n\ndef api():\n    return core.core()\n",
            "tests/test_api.py": "from pkg.api import api\n\ndef test_api():\n    assert api()\n",
        },
    )
    assert [m.path for m in found.untested] == ["pkg/core.py"]
    assert found.counts() == {"python": 1}
    assert found.untested[0].importers == 1


def test_modules_are_ordered_by_the_documented_risk_score(tmp_path: Path) -> None:
    found = coverage(
        tmp_path,
        {
            "small.py": "def one():\n    return 1\n",
            "branchy.py": BRANCHY,
            "_private_only.py": "def _hidden():\n    return 1\n",
            "setup.py": "def build():\n    pass\n",
        },
    )
    assert [m.path for m in found.untested] == ["branchy.py", "small.py"]
    branchy = found.untested[0]
    assert branchy.complexity == 7 and branchy.public == 1
    assert branchy.risk == 7 + branchy.length // 20 + 1


def test_a_go_package_is_covered_by_a_test_file_in_its_directory(tmp_path: Path) -> None:
    found = coverage(
        tmp_path,
        {
            "go.mod": "module example.com/m\n",
            "a/a.go": "package a\n\nfunc Do() {}\n",
            "a/a_test.go": "package a\n",
            "b/b.go": "package b\n\nfunc Run() {}\nfunc helper() {}\n",
            "b/c.go": "package b\n\nfunc More() {}\n",
        },
    )
    assert [(m.path, m.files, m.public) for m in found.untested] == [("b", ("b/b.go", "b/c.go"), 2)]
    assert found.counts() == {"go": 1}


def test_typescript_tests_cover_what_they_import_relatively(tmp_path: Path) -> None:
    found = coverage(
        tmp_path,
        {
            "src/a.ts": "export function a() { return 1 }\n",
            "src/b.ts": "export function b() { return 2 }\n",
            "src/a.test.ts": "import { a } from './a'\ntest('a', () => a())\n",
            "vite.config.ts": "export function config() { return {} }\n",
        },
    )
    assert [m.path for m in found.untested] == ["src/b.ts"]


def test_unknown_without_the_tests_parsed_and_reported_in_json(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"app.py": "def run():\n    pass\n", "tests/test_x.py": "x = 1\n"})
    unparsed = Subject(build_index(discover(root), test_syntax=False))
    assert unparsed.facts.test_coverage is None
    assert unparsed.facts.to_json()["untested_modules"] is None
    assert subject_of(root).facts.to_json()["untested_modules"] == {"python": 1}


def test_a_test_of_a_package_covers_what_its_init_re_exports(tmp_path: Path) -> None:
    found = coverage(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.core import core\n",
            "pkg/core/__init__.py": "from .add import add\nfrom . import mul\n",
            "pkg/core/add.py": "def add():\n    return 1\n",
            "pkg/core/mul.py": "def mul():\n    return 2\n",
            "pkg/other.py": "def other():\n    return 3\n",
            "pkg/tests/test_pkg.py": "from pkg import core\n\ndef test_core():\n    assert core\n",
        },
    )
    assert [m.path for m in found.untested] == ["pkg/other.py"]


def test_a_package_installed_under_another_name_is_found_by_that_name(tmp_path: Path) -> None:
    found = coverage(
        tmp_path,
        {
            "pyproject.toml": '[tool.setuptools.package-dir]\nmy_rules = "rules"\n',
            "rules/__init__.py": "",
            "rules/one.py": "def one():\n    return 1\n",
            "rules/two.py": "def two():\n    return 2\n",
            "tests/test_one.py": "from my_rules.one import one\n",
        },
    )
    assert [m.path for m in found.untested] == ["rules/two.py"]
