"""Generated AGENTS.md per ecosystem: the right commands, verified, and stable under --check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.agents_md.drift import drift
from auditor.agents_md.managed_block import find_block
from auditor.agents_md.render import block_drift, propose
from auditor.agents_md.writer import write_file
from tests.conftest import subject_of
from tests.fixtures.ecosystems import ECOSYSTEMS

EXPECTED = {
    "python-uv": [
        "Set up: `uv sync`",
        "Run the tests: `uv run pytest`",
        "Run one test: `uv run pytest tests/test_cart.py::test_total`",
        "Lint: `uv run ruff check .`",
        "Type-check: `uv run mypy src`",
        "Do not edit `uv.lock` by hand",
    ],
    "python-poetry-tox": [
        "Set up: `poetry install`",
        "Run the tests: `tox`",
        "Lint (flake8): `tox -e lint`",
        "Run one test: `poetry run python -m unittest tests.test_book.BookTest.test_balance`",
    ],
    "pnpm-workspace": [
        "Set up: `pnpm install`",
        "Run the tests: `pnpm test`",
        "Lint (eslint): `pnpm run lint`",
        "Format (prettier): `pnpm run format`",
        'Run one test: `pnpm exec vitest run packages/core/src/index.test.ts -t "add"`',
    ],
    "cargo-workspace": [
        "Run the tests: `cargo test`",
        "Run one test: `cargo test -p parser parses`",
        "Lint: `cargo clippy -- -D warnings`",
        "Format (rustfmt): `cargo fmt --check`",
    ],
    "go-module": [
        "Run the tests: `make test`",
        "Run one test: `go test -run '^TestHandle$' .`",
        "Lint (golangci-lint): `make lint`",
    ],
    "maven-multi": [
        "Run the tests: `mvn test`",
        "Run one test: `mvn -pl core test -Dtest=CoreTest#adds`",
    ],
}


def write_all(root: Path, packages: bool = False, force: bool = True) -> None:
    for proposal in propose(subject_of(root, want_syntax=False), packages=packages):
        write_file(
            root,
            proposal.path,
            proposal.proposed,
            ours=proposal.generated,
            current=proposal.current,
            force=force,
        )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_generated_file_names_the_right_commands_and_checks_clean(
    name: str, make_repo: Callable[..., Path]
) -> None:
    root = make_repo(ECOSYSTEMS[name])
    proposal = propose(subject_of(root, want_syntax=False))[0]
    lines = proposal.proposed.splitlines()
    for expected in EXPECTED[name]:
        label, colon, span = expected.partition(": ")
        assert any(
            line.startswith(f"- {label}") and line.endswith(f"{colon}{span}") for line in lines
        ), (expected, proposal.proposed)
    assert len(proposal.proposed.splitlines()) < 100
    write_all(root, packages=True)
    index = subject_of(root, want_syntax=False)
    assert block_drift(index) == ()
    assert drift(index) == ()
    again = propose(index, packages=True)
    assert [p.path for p in again if p.current != p.proposed] == []


def test_packages_get_their_own_file_and_the_root_points_to_them(
    make_repo: Callable[..., Path],
) -> None:
    root = make_repo(ECOSYSTEMS["pnpm-workspace"])
    write_all(root, packages=True)
    nested = (root / "packages/core/AGENTS.md").read_text()
    assert "- Run the tests: `pnpm test`" in nested
    assert '`pnpm exec vitest run src/index.test.ts -t "add"`' in nested
    top = (root / "AGENTS.md").read_text()
    assert "`packages/core/AGENTS.md`, `packages/web/AGENTS.md`" in top


def test_renamed_path_and_removed_target_fail_then_write_fixes_the_block(
    make_repo: Callable[..., Path],
) -> None:
    files = dict(ECOSYSTEMS["go-module"])
    files["AGENTS.md"] = (
        "# Service\n\nHand-written intro.\n\n## Notes\n\n- Handlers live in `handler.go` and "
        "`internal/api/routes.go`.\n"
    )
    files["internal/api/routes.go"] = "package api\n"
    root = make_repo(files)
    write_all(root)
    written = (root / "AGENTS.md").read_bytes()
    outside = _outside_block(written.decode())
    assert drift(subject_of(root, want_syntax=False)) == ()

    (root / "internal/api/routes.go").rename(root / "internal/api/router.go")
    (root / "Makefile").write_text("test:\n\tgo test ./...\n")
    problems = [str(p) for p in drift(subject_of(root, want_syntax=False))]
    lines = written.decode().splitlines()
    lint_line = next(i for i, line in enumerate(lines, 1) if "`make lint`" in line)
    routes_line = next(i for i, line in enumerate(lines, 1) if "routes.go" in line)
    assert f"AGENTS.md:{lint_line}: `make lint`: Makefile has no target `lint` (INS007)" in problems
    assert f"AGENTS.md:{routes_line}: `internal/api/routes.go` does not exist (INS006)" in problems
    stale = f"AGENTS.md:{lint_line}: `make lint` in the managed block is no longer true (INS005)"
    assert stale in problems

    write_all(root, force=False)
    rewritten = (root / "AGENTS.md").read_text()
    assert _outside_block(rewritten) == outside
    assert "`make lint`" not in rewritten
    remaining = [str(p) for p in drift(subject_of(root, want_syntax=False))]
    moved = next(i for i, line in enumerate(rewritten.splitlines(), 1) if "routes.go" in line)
    assert remaining == [f"AGENTS.md:{moved}: `internal/api/routes.go` does not exist (INS006)"]


def _outside_block(text: str) -> tuple[str, str]:
    found = find_block(text)
    assert found is not None
    return text[: found.start], text[found.end :]
