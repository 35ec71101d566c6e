"""Dangling paths and unresolved commands: found with file and line, and no false alarms."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.references.dangling import dangling_references
from auditor.facts.subject import Subject

Make = Callable[..., Subject]
BASE = {
    "Makefile": "test:\n\tpytest\n\nlint:\n\truff check .\n\n.develop:\n\ttouch .develop\n",
    "package.json": '{"scripts": {"build": "tsc"}}\n',
    "tox.ini": "[tox]\nenvlist = py312, docs\n\n[testenv]\ncommands = pytest\n\n"
    "[testenv:docs]\ncommands = sphinx-build docs out\n",
    "noxfile.py": "import nox\n\n@nox.session\ndef tests(session):\n    session.run('pytest')\n",
    "src/app/core.py": "x = 1\n",
    "tests/test_core.py": "def test_x():\n    pass\n",
    "scripts/release.sh": "echo hi\n",
    "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\n',
    "crates/parser/Cargo.toml": '[package]\nname = "parser"\n',
    ".gitignore": ".env\nbuild/\n",
    "changes/README.rst": "One news fragment per change.\n",
}


def problems(make_subject: Make, agents: str, **extra: str) -> list[tuple[int, str]]:
    index = make_subject({**BASE, **extra, "AGENTS.md": agents})
    return [(r.line, r.text) for r in dangling_references(index)]


@pytest.mark.parametrize(
    "line",
    [
        "Run `make test` and `make lint`.",
        "Run `npm run build`, `tox -e docs`, `tox -e py311`, `nox -s tests`.",
        "Core is in `src/app/core.py`; tests in `tests/` and `tests/test_core.py::test_x`.",
        "See [the core](src/app/core.py) and [docs](https://example.com/x) and [top](#top).",
        "Write `src/app/<name>.py`, e.g. `path/to/file.py`, or `src/**/*.py`.",
        "Secrets go in `.env`; builds land in `build/lib/`.",
        "Import `github.com/org/repo/pkg` or `react-dom/client`.",
        "Create `changelog/123.bugfix.rst` for your change.",
        "Release with `./scripts/release.sh` or `bash scripts/release.sh`.",
        "Test one crate: `cargo test -p parser`.",
        "The module `app/core.py` (relative to `src/`).",
        "Run one file: `pytest tests/blah_test.py`, one feature: `tests/blah.feature`.",
        "Name it after the issue (e.g. `changes/1234.bugfix.rst` for a fix).",
        "Example (`changes/1654.bugfix.rst` style):",
        "The repo does not ship its own `.github/PULL_REQUEST_TEMPLATE.md`.",
        "A translation file in your project might live at `config/locales/en.yml`.",
        "Tag it with `> [Introduced](link-to-issue-or-PR) in X.Y.Z`.",
        "Run `make .develop` once.",
    ],
)
def test_real_or_unverifiable_references_are_not_reported(make_subject: Make, line: str) -> None:
    assert problems(make_subject, f"# A\n\n{line}\n") == []


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("Run `make check`.", "make check"),
        ("Run `npm run typecheck`.", "npm run typecheck"),
        ("Run `tox -e lint`.", "tox -e lint"),
        ("Run `nox -s docs`.", "nox -s docs"),
        ("Run `just test`.", "just test"),
        ("Run `./scripts/deploy.sh`.", "./scripts/deploy.sh"),
        ("Run `pytest tests/test_gone.py::test_x`.", "pytest tests/test_gone.py::test_x"),
        ("Core is in `src/app/engine.py`.", "src/app/engine.py"),
        ("See [design](docs/design.md).", "docs/design.md"),
        ("Run `cargo test -p parsr`.", "cargo test -p parsr"),
    ],
)
def test_dangling_references_are_reported_with_their_line(
    make_subject: Make, line: str, text: str
) -> None:
    assert problems(make_subject, f"# A\n\nIntro.\n\n{line}\n") == [(5, text)]


def test_code_blocks_are_commands_not_paths_and_keep_their_lines(make_subject: Make) -> None:
    agents = "# A\n\n```sh\nmake test\nmake docs\n```\n\n<!-- `src/gone.py` -->\n"
    assert problems(make_subject, agents) == [(5, "make docs")]


def test_readme_may_show_other_projects_commands(make_subject: Make) -> None:
    readme = "# X\n\nBuild the kernel: `make defconfig && make -j8` (after `just build`).\n"
    index = make_subject({"README.md": readme, "src/a.py": "x = 1\n"})
    assert dangling_references(index) == ()


def test_a_script_of_another_package_is_not_dangling(make_subject: Make) -> None:
    index = make_subject(
        {
            "package.json": '{"scripts": {"test": "jest"}}\n',
            "website/package.json": '{"scripts": {"start": "docusaurus start"}}\n',
            "CONTRIBUTING.md": "In `website/`, run `yarn start`.\n",
        }
    )
    assert dangling_references(index) == ()


def test_yarn_running_a_dependencys_binary_is_not_a_missing_script(make_subject: Make) -> None:
    guide = (
        "Debug with:\n\n```sh\nyarn run --inspect-brk jest -i\nyarn run lint\nnpm run jest\n```\n"
    )
    index = make_subject(
        {
            "package.json": '{"scripts": {"test": "jest"}, "devDependencies": {"jest": "29"}}\n',
            "CONTRIBUTING.md": guide,
        }
    )
    assert [(r.line, r.text) for r in dangling_references(index)] == [
        (5, "yarn run lint"),  # neither a script nor a dependency
        (6, "npm run jest"),  # npm runs scripts only
    ]


def test_nested_instruction_files_resolve_from_their_directory(make_subject: Make) -> None:
    index = make_subject(
        {
            "packages/web/package.json": '{"scripts": {"dev": "vite"}}\n',
            "packages/web/src/main.ts": "export {}\n",
            "packages/web/AGENTS.md": "Run `npm run dev`; see `src/main.ts` and `src/old.ts`.\n",
        }
    )
    assert [(r.path, r.text) for r in dangling_references(index)] == [
        ("packages/web/AGENTS.md", "src/old.ts")
    ]


def test_paths_of_the_readers_project_are_not_this_repositorys(make_subject: Make) -> None:
    readme = (
        "# Web framework\n\nStatic files are served from `./public`; a file\n"
        "`./public/css/style.css` is served as `/css/style.css`. Templates live in\n"
        "`./views/index.erb`. Install `sinatra/sinatra` or `@scope/pkg/sub`.\n"
        "Run `ruby myapp.rb` or `./setup.sh`; the old `./lib/gone.rb` is gone.\n"
    )
    index = make_subject({"README.md": readme, "lib/web.rb": "x = 1\n"})
    assert [(r.path, r.line, r.problem) for r in dangling_references(index)] == [
        ("README.md", 6, "`./lib/gone.rb` does not exist")
    ]


def test_paths_in_a_nested_document_resolve_from_its_directory_and_the_root(
    make_subject: Make,
) -> None:
    contributing = (
        "# Contributing\n\nSee `./guide/style.md`, `scripts/check.sh` and `./scripts/check.sh`.\n"
        "The old `./guide/gone.md` moved.\n"
    )
    index = make_subject(
        {
            "docs/CONTRIBUTING.md": contributing,
            "docs/guide/style.md": "# Style\n",
            "scripts/check.sh": "ruff check .\n",
            "src/a.py": "x = 1\n",
        }
    )
    # docs/CONTRIBUTING.md is the repository's contributing guide, so it is checked
    assert [(r.path, r.line, r.problem) for r in dangling_references(index)] == [
        ("docs/CONTRIBUTING.md", 4, "`./guide/gone.md` does not exist")
    ]


def test_a_tracked_directory_of_generated_files_is_not_missing(make_subject: Make) -> None:
    index = make_subject(
        {
            ".gitattributes": "src/gen/*.py linguist-generated\n",
            "src/gen/api.py": "x = 1\n",
            "src/app.py": "x = 1\n",
            "AGENTS.md": "Never edit `src/gen/` or `src/gen/api.py`; `src/old/x.py` is gone.\n",
        },
        git=True,
    )
    assert [(r.line, r.text) for r in dangling_references(index)] == [(1, "src/old/x.py")]


def test_module_paths_resolve_as_their_language_imports_them(make_subject: Make) -> None:
    agents = (
        "# A\n\nThe walker is `src/lib/walk.js` (`src/lib/walk`), helpers in `src/util`,\n"
        "the CLI in `src/cli` and `src/app/models`; `src/lib/gone` is not.\n"
    )
    index = make_subject(
        {
            "AGENTS.md": agents,
            "src/lib/walk.ts": "export {}\n",
            "src/util/index.tsx": "export {}\n",
            "src/cli.mts": "export {}\n",
            "src/app/models.py": "x = 1\n",
        }
    )
    assert [(r.line, r.problem) for r in dangling_references(index)] == [
        (4, "`src/lib/gone` does not exist")
    ]


def test_a_guide_in_docs_runs_its_commands_from_the_root(make_subject: Make) -> None:
    guide = "# Contributing\n\nTo run the tests:\n\n```shell\n$ scripts/test\n$ scripts/lint\n```\n"
    index = make_subject(
        {
            "scripts/test": "#!/bin/sh\npytest\n",
            "docs/contributing.md": guide,
            "AGENTS.md": "# A\n\nSee `docs/contributing.md`.\n",
        }
    )
    assert [(r.path, r.line, r.problem) for r in dangling_references(index)] == [
        ("docs/contributing.md", 7, "`scripts/lint`: no such file")
    ]


def test_a_target_of_the_makefile_configure_writes_is_not_dangling(make_subject: Make) -> None:
    files = {
        "configure": "#!/bin/sh\necho configuring\n",
        "Makefile.in": "all:\n\tcc -o z z.c\n\ninstall: all\n\tcp z /usr/local/bin\n",
        "Makefile": "all:\n\t@echo 'run ./configure first'\n",
        "z.c": "int main(void) { return 0; }\n",
    }
    agents = "# A\n\nRun `./configure; make install` and `make dist`.\n"
    assert problems(make_subject, agents, **files) == [(3, "make dist")]


def test_names_of_this_project_and_the_ones_it_uses_are_not_paths(make_subject: Make) -> None:
    go_mod = (
        "module github.com/prometheus/client_golang\n\ngo 1.22\n\n"
        "require (\n\tgithub.com/prometheus/common v0.60.0\n)\n"
    )
    composer = '{"name": "league/commonmark", "require": {"league/config": "^1.1"}}'
    agents = (
        "Reviews of `prometheus/client_golang` and `prometheus/common/model`; "
        "`league/config` and `league/commonmark`. Not `prometheus/gone.go`.\n"
    )
    found = problems(
        make_subject,
        agents,
        **{"go.mod": go_mod, "composer.json": composer, "prometheus/registry.go": "package p\n"},
    )
    assert found == [(1, "prometheus/gone.go")]


def test_a_nested_instruction_file_may_run_its_commands_from_the_root(make_subject: Make) -> None:
    files = {
        **BASE,
        "composer.json": '{"scripts": {"test": "phpunit"}}',
        "tests/CLAUDE.md": "- `composer test` - Full test suite\n"
        "- **Extensions**: `tests/functional/Extension/YourExtension/`\n"
        "- See `tests/functional/Gone/`.\n",
    }
    found = [(r.path, r.line, r.text) for r in dangling_references(make_subject(files))]
    assert found == [("tests/CLAUDE.md", 3, "tests/functional/Gone/")]
