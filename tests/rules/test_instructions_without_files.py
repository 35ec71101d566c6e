"""Unknown is not zero: without an instruction file, only INS001 judges the instructions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.api import audit
from auditor.model import Category, Status

README = """# lib

A library.

## Development

```sh
pip install -e .
make test
pytest tests/test_lib.py
```

The code is in `lib/core.py`; see [the guide](CONTRIBUTING.md).
"""


def test_readme_and_contributing_alone_leave_the_instruction_rules_not_applicable(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo(
        {
            "README.md": README,
            "CONTRIBUTING.md": "Run `make test` and `pytest`; never push to `main`.\n",
            "Makefile": "test:\n\tpytest\n",
            "pyproject.toml": '[project]\nname = "lib"\nversion = "0"\n',
            "lib/core.py": "x = 1\n",
            "tests/test_lib.py": "def test_x():\n    pass\n",
        }
    )
    report = audit(root)
    judged = {
        r.id: r.status
        for r in report.score.rules
        if r.category is Category.INSTRUCTIONS and r.status is not Status.NOT_APPLICABLE
    }
    assert judged == {"INS001": Status.FAIL}
    instructions = next(c for c in report.score.categories if c.id is Category.INSTRUCTIONS)
    assert instructions.score == 0.0
