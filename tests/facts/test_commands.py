"""Commands the repository runs or documents: CI, hooks, task runners, scripts and docs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.commands.collect import (
    collect_commands,
    just_recipes,
    make_targets,
    nox_sessions,
    npm_scripts,
    tox_envs,
)
from auditor.facts.commands.documented import document_commands
from auditor.facts.model import Command
from auditor.facts.runners.arguments import just_words, nox_sessions_selected
from auditor.facts.runners.package_scripts import package_manager
from auditor.facts.runners.pyproject_scripts import hatch_scripts, pdm_scripts, poe_tasks
from auditor.facts.runners.registry import runners_of
from auditor.facts.runners.resolution import reach
from auditor.facts.runners.taskfile import taskfile_tasks
from auditor.facts.shell.invocations import Invocation, invocations
from auditor.facts.shell.script_lines import script_lines
from auditor.facts.sources import FactSources
from auditor.facts.subject import Subject

MakeSubject = Callable[..., Subject]


def sources(make_subject: MakeSubject, files: dict[str, str]) -> FactSources:
    return make_subject(files).sources


def collected(
    make_subject: MakeSubject, files: dict[str, str], instructions: tuple[str, ...] = ()
) -> list[tuple[str, str, int | None, str]]:
    found = collect_commands(sources(make_subject, files), instructions)
    return [(c.text, c.path, c.line, c.origin) for c in found]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("$ uv run --frozen pytest -q", [("pytest", ("-q",))]),
        (
            "FOO=1 poetry run python -m pytest tests 2>&1 | tee out",
            [("pytest", ("tests",)), ("tee", ("out",))],
        ),
        ("cd web && npm test", [("cd", ("web",)), ("npm", ("test",))]),
        ("$(MAKE) -C docs html", [("make", ("-C", "docs", "html"))]),
        ("npx --yes eslint .", [("eslint", (".",))]),
        ("timeout 10m cargo test", [("cargo", ("test",))]),
        ("coverage run -m pytest", [("pytest", ())]),
        ("python3.12 -m mypy src", [("mypy", ("src",))]),
        ("./node_modules/.bin/eslint src", [("eslint", ("src",))]),
        ("if pytest; then echo ok; fi", [("pytest", ()), ("echo", ("ok",))]),
        ("echo 'unterminated", [("echo", ())]),
        ("for d in a b; do (cd $d && pytest -q); done", [("cd", ("$d",)), ("pytest", ("-q",))]),
        ("CI=1 npm test -- --watch=false", [("npm", ("test", "--", "--watch=false"))]),
        ("pytest \\\n  --cov=app tests", [("pytest", ("--cov=app", "tests"))]),
        ('echo "$(uv run pytest -q)"', [("pytest", ("-q",)), ("echo", ("$(uv run pytest -q)",))]),
        ("tox -e ${{ matrix.env }} -- -x", [("tox", ("-e", "${{ matrix.env }}", "--", "-x"))]),
        ("$(PYTHON) -m pytest $(TESTS)", [("pytest", ("$(TESTS)",))]),
        ("export CI=true", [("export", ("CI=true",))]),
        ("pwsh .\\build.ps1 -Target Test", [("pwsh", (".\\build.ps1", "-Target", "Test"))]),
        ("(venv) $ tox -e py312", [("tox", ("-e", "py312"))]),
    ],
)
def test_invocations_peel_prompts_wrappers_and_assignments(
    line: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(i.program, i.args) for i in invocations(line)] == expected


def test_script_lines_join_continuations_and_skip_comments_keywords_heredocs() -> None:
    script = "# setup\npip install \\\n  -e .\n\ncat <<EOF\nnot a command\nEOF\npytest  # all\n"
    assert script_lines(script, 10) == [(11, "pip install -e ."), (14, "cat <<EOF"), (17, "pytest")]


def test_script_lines_give_the_statements_inside_compound_commands() -> None:
    script = (
        'if [ "$CI" = 1 ]; then\n  make richtest\nelse\n  pytest \\\n    -x\nfi\n'
        "for p in a b; do\n  (cd $p && go test ./...)\ndone\nnpm ci &&\n  npm test | tee log\n"
    )
    assert script_lines(script, 1) == [
        (1, '[ "$CI" = 1 ]'),
        (2, "make richtest"),
        (4, "pytest -x"),
        (8, "(cd $p && go test ./...)"),
        (10, "npm ci && npm test | tee log"),
    ]


def test_github_actions_run_steps_are_split_and_located(make_subject: MakeSubject) -> None:
    workflow = (
        "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - name: Run pytest\n        run: uv run pytest\n"
        "      - run: |\n          uv sync\n          # comment\n          make lint\n"
    )
    assert collected(make_subject, {".github/workflows/ci.yml": workflow}) == [
        ("uv run pytest", ".github/workflows/ci.yml", 9, "ci"),
        ("uv sync", ".github/workflows/ci.yml", 11, "ci"),
        ("make lint", ".github/workflows/ci.yml", 13, "ci"),
    ]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            ".gitlab-ci.yml",
            "before_script:\n  - pip install tox\ntest:\n  script:\n    - tox\n",
            ["pip install tox", "tox"],
        ),
        (
            ".circleci/config.yml",
            "version: 2.1\njobs:\n  build:\n    steps:\n      - checkout\n"
            "      - run: go test ./...\n"
            "      - run:\n          name: vet\n          command: go vet ./...\n",
            ["go test ./...", "go vet ./..."],
        ),
        (
            "azure-pipelines.yml",
            "steps:\n- script: dotnet test\n- bash: ./build.sh\n",
            ["dotnet test", "./build.sh"],
        ),
        (
            ".travis.yml",
            "language: python\ninstall: pip install .\nscript:\n  - pytest\n",
            ["pip install .", "pytest"],
        ),
        (
            ".buildkite/pipeline.yml",
            "steps:\n  - command: make test\n  - commands:\n      - cargo fmt\n",
            ["make test", "cargo fmt"],
        ),
        (
            "bitbucket-pipelines.yml",
            "pipelines:\n  default:\n    - step:\n        script:\n          - npm ci\n"
            "          - npm test\n",
            ["npm ci", "npm test"],
        ),
        (
            ".drone.yml",
            "kind: pipeline\nsteps:\n- name: test\n  commands:\n  - go test ./...\n",
            ["go test ./..."],
        ),
        (
            "appveyor.yml",
            "install:\n  - cmd: pip install tox\ntest_script:\n  - tox\n",
            ["pip install tox", "tox"],
        ),
        (
            "Jenkinsfile",
            "pipeline {\n  stages {\n    stage('t') {\n      steps {\n        sh 'mvn -B verify'\n"
            "        sh '''\n          ./gradlew check\n        '''\n      }\n    }\n  }\n}\n",
            ["mvn -B verify", "./gradlew check"],
        ),
    ],
)
def test_ci_providers_commands(
    make_subject: MakeSubject, path: str, text: str, expected: list[str]
) -> None:
    found = collected(make_subject, {path: text})
    assert [text for text, *_ in found] == expected
    assert {origin for *_, origin in found} == {"ci"}


def test_jenkinsfile_lines_point_into_the_file(make_subject: MakeSubject) -> None:
    text = "node {\n  sh 'make test'\n  sh '''\n    ruff check .\n  '''\n}\n"
    assert collected(make_subject, {"Jenkinsfile": text}) == [
        ("make test", "Jenkinsfile", 2, "ci"),
        ("ruff check .", "Jenkinsfile", 4, "ci"),
    ]


def test_actions_rs_cargo_becomes_a_cargo_command_but_other_uses_do_not(
    make_subject: MakeSubject,
) -> None:
    workflow = (
        "jobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - uses: actions-rs/cargo@v1\n        with:\n          command: test\n"
        "          args: --all-features\n"
    )
    assert collected(make_subject, {".github/workflows/t.yml": workflow}) == [
        ("cargo test --all-features", ".github/workflows/t.yml", 5, "ci"),
    ]


def test_pre_commit_hooks_are_commands_named_by_id_and_local_hooks_by_entry(
    make_subject: MakeSubject,
) -> None:
    config = (
        "repos:\n- repo: https://github.com/astral-sh/ruff-pre-commit\n  rev: v0.5.0\n  hooks:\n"
        "  - id: ruff\n  - id: ruff-format\n- repo: local\n  hooks:\n  - id: types\n"
        "    name: types\n    entry: uv run mypy\n    args: [src]\n    language: system\n"
    )
    assert collected(make_subject, {".pre-commit-config.yaml": config}) == [
        ("ruff", ".pre-commit-config.yaml", 5, "pre-commit"),
        ("ruff-format", ".pre-commit-config.yaml", 6, "pre-commit"),
        ("uv run mypy src", ".pre-commit-config.yaml", 9, "pre-commit"),
    ]


def test_lefthook_husky_and_lint_staged_commands(make_subject: MakeSubject) -> None:
    files = {
        "lefthook.yml": "pre-commit:\n  commands:\n    lint:\n      run: golangci-lint run\n",
        ".husky/pre-commit": '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\nnpx lint-staged\n',
        "package.json": '{"lint-staged": {"*.ts": ["eslint --fix", "prettier --write"]}}',
    }
    assert collected(make_subject, files) == [
        ("npx lint-staged", ".husky/pre-commit", 3, "pre-commit"),
        ("golangci-lint run", "lefthook.yml", 4, "pre-commit"),
        ("eslint --fix", "package.json", 1, "pre-commit"),
        ("prettier --write", "package.json", 1, "pre-commit"),
    ]


MAKEFILE = (
    "PYTHON ?= python3\nexport FOO = 1\n.PHONY: test lint\n\n"
    "all: lint test\n\n"
    "lint:\n\t@uv run ruff check . \\\n\t  --fix\n\t-uv run mypy src\n\n"
    "test: $(VENV)\n\t$(PYTHON) -m pytest -x tests\n\n"
    "ifeq ($(CI),1)\nci: test\nendif\n"
    "%.o: %.c\n\t$(CC) -c $<\n"
    "docs: ; $(MAKE) -C docs html\n"
)


def test_make_targets_recipes_and_variables(make_subject: MakeSubject) -> None:
    src = sources(make_subject, {"Makefile": MAKEFILE})
    assert make_targets(src) == {
        "all": [],
        "lint": ["uv run ruff check . --fix", "uv run mypy src"],
        "test": ["python3 -m pytest -x tests"],
        "ci": [],
        "docs": ["make -C docs html"],
        "%.o": ["$(CC) -c $<"],
    }
    rules = runners_of(src).make("")
    assert (rules["lint"].line, rules["test"].line) == (7, 12)
    assert rules["all"].prerequisites == ("lint", "test")


def test_make_reaches_prerequisites_and_included_files(make_subject: MakeSubject) -> None:
    src = sources(
        make_subject,
        {
            "Makefile": "include tools/*.mk\ncheck: lint\n\tpytest\n",
            "tools/lint.mk": "lint:\n\truff check .\n",
        },
    )
    reached = reach(runners_of(src), Command("make check", "ci.yml", 1, "ci"))
    assert [c.text for c in reached] == ["make check", "ruff check .", "pytest"]


def test_make_pattern_rules_substitution_references_and_default_goal(
    make_subject: MakeSubject,
) -> None:
    makefile = (
        "GO = go\nTOOLS = $(CURDIR)/.tools\nLINT = $(TOOLS)/golangci-lint\nMODS := a b\n"
        "TEST_TARGETS := test-default test-race\n.DEFAULT_GOAL := precommit\n"
        "test-race: ARGS=-race\n$(TEST_TARGETS): test\ntest: $(MODS:%=test/%)\n"
        "test/%:\n\tcd $* && $(GO) list ./... | xargs $(GO) test $(ARGS)\n"
        "lint: $(MODS:%=lint/%)\nlint/%:\n\t$(LINT) run\nprecommit: lint test\n"
    )
    src = sources(make_subject, {"Makefile": makefile})
    runners = runners_of(src)
    assert runners.default_make_target() == "precommit"

    def texts(command: str) -> list[str]:
        return [c.text for c in reach(runners, Command(command, "ci.yml", 1, "ci"))][1:]

    tests = [f"cd {module} && go list ./... | xargs go test $(ARGS)" for module in "ab"]
    assert texts("make test-race") == tests  # each instance of `test/%` with its own `$*`
    assert texts("make") == ["$(CURDIR)/.tools/golangci-lint run", *tests]


def test_justfile_recipes_dependencies_and_aliases(make_subject: MakeSubject) -> None:
    justfile = (
        'set dotenv-load\nversion := "1"\nalias t := test\n\n# run tests\n'
        "test *args: build\n    uv run pytest {{args}}\n\n@build:\n    uv build\n"
        "lint:\n    #!/usr/bin/env bash\n    ruff check .\n"
    )
    src = sources(make_subject, {"justfile": justfile})
    recipes = just_recipes(src)
    assert sorted(recipes) == ["build", "lint", "t", "test"]
    assert [c.text for c in recipes["test"].body] == ["uv run pytest {{args}}"]
    assert recipes["test"].dependencies == ("build",)
    assert [c.line for c in recipes["lint"].body] == [13]
    assert [c.text for c in runners_of(src).just_recipe("t")] == [
        "uv build",
        "uv run pytest {{args}}",
    ]


def test_taskfile_tasks(make_subject: MakeSubject) -> None:
    taskfile = (
        "version: '3'\ntasks:\n  test:\n    deps: [build]\n    cmds:\n      - go test ./...\n"
        "      - task: lint\n  build: go build ./...\n  lint:\n    cmds:\n"
        "      - cmd: golangci-lint run\n"
    )
    tasks = taskfile_tasks(sources(make_subject, {"Taskfile.yml": taskfile}))
    assert [c.text for c in tasks["test"].commands] == ["go test ./...", "task lint"]
    assert tasks["test"].dependencies == ("build",)
    assert [(c.text, c.line) for c in tasks["lint"].commands] == [("golangci-lint run", 11)]


def test_npm_scripts_and_package_manager(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{\n  "scripts": {\n    "test": "vitest run",\n    "lint": "eslint ."\n'
        "  }\n}\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    }
    src = sources(make_subject, files)
    scripts = npm_scripts(src)
    assert {k: (v.text, v.line, v.origin) for k, v in scripts.items()} == {
        "test": ("vitest run", 3, "npm-script"),
        "lint": ("eslint .", 4, "npm-script"),
    }
    assert package_manager(src) == "pnpm"


def test_tox_ini_envs_inherit_the_base_and_expand_factors(make_subject: MakeSubject) -> None:
    tox = (
        "[tox]\nenvlist = py{311,312}, lint\n\n[testenv]\ndeps = pytest\ncommands =\n"
        "    py311: pytest --cov {posargs}\n    {envpython} -m pytest {posargs}\n\n"
        "[testenv:lint]\ncommands = ruff check .\n"
    )
    envs = tox_envs(sources(make_subject, {"tox.ini": tox}))
    assert {name: [c.text for c in commands] for name, commands in envs.items()} == {
        "py311": ["pytest --cov {posargs}", "python -m pytest {posargs}"],
        "py312": ["pytest --cov {posargs}", "python -m pytest {posargs}"],
        "lint": ["ruff check ."],
    }
    assert envs["lint"][0].line == 11


def test_tox_native_toml_in_pyproject(make_subject: MakeSubject) -> None:
    pyproject = (
        '[tool.tox]\nenv_list = ["3.12", "type"]\n[tool.tox.env_run_base]\n'
        'commands = [["pytest", { replace = "posargs" }]]\n'
        '[tool.tox.env.type]\ncommands = [["mypy", "src"]]\n'
    )
    envs = tox_envs(sources(make_subject, {"pyproject.toml": pyproject}))
    assert {name: [c.text for c in commands] for name, commands in envs.items()} == {
        "3.12": ["pytest"],
        "type": ["mypy src"],
    }


def test_nox_sessions_are_read_from_the_syntax_tree(make_subject: MakeSubject) -> None:
    noxfile = (
        "import nox\n\nnox.options.sessions = ['tests']\n\n"
        "@nox.session(python=['3.12'])\ndef tests(session):\n    session.install('.')\n"
        "    session.run('pytest', *session.posargs)\n\n"
        "@nox.session(name='lint')\ndef lint_code(s: nox.Session) -> None:\n"
        "    s.run('ruff', 'check', '.')\n    s.notify('tests')\n"
    )
    sessions = nox_sessions(sources(make_subject, {"noxfile.py": noxfile}))
    assert {name: [(c.text, c.line) for c in commands] for name, commands in sessions.items()} == {
        "tests": [("pytest", 8)],
        "lint": [("ruff check .", 12), ("nox -s tests", 13)],
    }


def test_nox_sessions_run_what_the_noxfile_functions_they_call_run(
    make_subject: MakeSubject,
) -> None:
    noxfile = (
        "import nox\n\ndef tests_impl(session, integration=False):\n"
        "    session.run('pytest', '-m', 'not slow')\n\n"
        "@nox.session\ndef test(session):\n    tests_impl(session)\n\n"
        "@nox.session\ndef lint(session):\n    session.run('ruff', 'check')\n\n"
        "@nox.session\ndef format(session):\n    lint(session)\n\n"
        "@nox.session\ndef loop(session):\n    loop(session)\n"
    )
    sessions = nox_sessions(sources(make_subject, {"noxfile.py": noxfile}))
    assert {name: [(c.text, c.line) for c in commands] for name, commands in sessions.items()} == {
        "test": [("pytest -m 'not slow'", 4)],
        "lint": [("ruff check", 12)],
        "format": [("ruff check", 12)],
        "loop": [],
    }


def test_nox_short_flags_run_together_still_choose_sessions() -> None:
    assert nox_sessions_selected(("-rs", "format")) == ["format"]
    assert nox_sessions_selected(("--reuse-existing-virtualenvs", "--sessions", "test")) == ["test"]
    assert nox_sessions_selected(("-r",)) == []


def test_hatch_pdm_and_poe_scripts(make_subject: MakeSubject) -> None:
    pyproject = (
        '[tool.hatch.envs.default.scripts]\ntest = "pytest {args}"\n'
        '[tool.hatch.envs.lint.scripts]\ncheck = ["ruff check .", "mypy src"]\n'
        '[tool.pdm.scripts]\n_.env_file = ".env"\nlint = "ruff check ."\n'
        'all = {composite = ["lint", "pytest"]}\n'
        '[tool.poe.tasks]\ntest = "pytest"\ncheck = ["lint", "test"]\nlint.cmd = "ruff check ."\n'
    )
    src = sources(make_subject, {"pyproject.toml": pyproject})
    assert {k: [c.text for c in v] for k, v in hatch_scripts(src).items()} == {
        "default:test": ["pytest {args}"],
        "test": ["pytest {args}"],
        "lint:check": ["ruff check .", "mypy src"],
    }
    assert {k: [c.text for c in v] for k, v in pdm_scripts(src).items()} == {
        "lint": ["ruff check ."],
        "all": ["pdm run lint", "pytest"],
    }
    assert {k: [c.text for c in v] for k, v in poe_tasks(src).items()} == {
        "test": ["pytest"],
        "check": ["poe lint", "poe test"],
        "lint": ["ruff check ."],
    }


MARKDOWN = """# Project

Install with `pip install -e .` and test with `pytest`. The `python` package is neat.

```bash
# set up
$ uv sync
uv run pytest -q
```

```console
$ make test
collected 3 items
```

```
npm ci
some output line
```

```python
import os
```

~~~yaml
run: nope
~~~
"""


def test_markdown_code_blocks_and_inline_spans() -> None:
    found = document_commands("README.md", MARKDOWN, "docs")
    assert [(c.text, c.line) for c in found] == [
        ("pip install -e .", 3),
        ("pytest", 3),
        ("uv sync", 7),
        ("uv run pytest -q", 8),
        ("make test", 12),
        ("npm ci", 17),
    ]
    assert {c.origin for c in found} == {"docs"}


def test_rst_code_blocks_literal_blocks_and_inline_literals() -> None:
    rst = (
        "Testing\n=======\n\nRun ``tox -e py312`` or::\n\n    $ pytest tests\n\n"
        ".. code-block:: bash\n    :caption: lint\n\n    ruff check .\n    mypy src\n\n"
        ".. code-block:: python\n\n    import x\n"
    )
    found = document_commands("CONTRIBUTING.rst", rst, "docs")
    assert [(c.text, c.line) for c in found] == [
        ("tox -e py312", 4),
        ("pytest tests", 6),
        ("ruff check .", 11),
        ("mypy src", 12),
    ]


def test_instruction_and_docs_origins_and_stable_order(make_subject: MakeSubject) -> None:
    files = {
        "AGENTS.md": "Run `make test` before committing.\n",
        "README.md": "```sh\npytest\n```\n",
        "docs/development.md": "```sh\ntox\n```\n",
        "docs/usage.md": "```sh\nnot-collected\n```\n",
        "Makefile": "test:\n\tpytest\n",
    }
    assert collected(make_subject, files, ("AGENTS.md",)) == [
        ("make test", "AGENTS.md", 1, "instructions"),
        ("pytest", "Makefile", 2, "make"),
        ("pytest", "README.md", 2, "docs"),
        ("tox", "docs/development.md", 2, "docs"),
    ]


def test_package_scripts_run_through_every_package_manager(make_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"scripts": {"lint": "eslint .", "pretest": "tsc", "test": "vitest run"}}',
        "packages/a/package.json": '{"scripts": {"test": "jest"}}',
    }
    runners = runners_of(sources(make_subject, files))

    def texts(command: str) -> list[str]:
        return [c.text for c in reach(runners, Command(command, "ci.yml", 1, "ci"))][1:]

    assert texts("npm test") == ["tsc", "vitest run"]
    assert texts("pnpm lint") == ["eslint ."]
    assert texts("yarn run lint") == ["eslint ."]
    assert texts("pnpm -r test") == ["vitest run", "jest"]
    assert texts("cd packages/a && npm test") == ["jest"]
    assert texts("npm --prefix packages/a test") == ["jest"]
    assert texts("pnpm prettier --check .") == ["prettier --check ."]
    assert texts("npm install") == []


def test_tox_nox_hatch_and_pre_commit_resolution(make_subject: MakeSubject) -> None:
    files = {
        "tox.ini": "[tox]\nenvlist = py312\n[testenv]\ncommands = pytest\n[testenv:lint]\n"
        "commands = pre-commit run --all-files\n",
        ".pre-commit-config.yaml": "repos:\n- repo: https://x/ruff\n  hooks:\n  - id: ruff\n",
        "pyproject.toml": '[tool.hatch.envs.types.scripts]\ncheck = "mypy src"\n',
    }
    runners = runners_of(sources(make_subject, files))

    def texts(command: str) -> list[str]:
        return [c.text for c in reach(runners, Command(command, "ci.yml", 1, "ci"))][1:]

    assert texts("tox") == ["pytest"]
    assert texts("tox -e lint") == ["pre-commit run --all-files", "ruff"]
    assert texts("tox -e missing") == []
    assert texts("hatch run types:check") == ["mypy src"]
    assert texts("hatch run pytest -x") == ["pytest -x"]


def test_hostile_expansions_are_bounded(make_subject: MakeSubject) -> None:
    groups = "".join("{a,b,c,d,e,f,g,h}" for _ in range(12))
    variables = "".join(f"V{i} = " + f"$(V{i + 1}) " * 50 + "\n" for i in range(6))
    src = sources(
        make_subject,
        {
            "tox.ini": f"[tox]\nenvlist = py{groups}\n[testenv]\ncommands = pytest\n",
            "Makefile": variables + "all:\n\techo $(V0)\n",
        },
    )
    assert len(tox_envs(src)) <= 500
    assert len(make_targets(src)["all"][0]) < 20_000


def test_malformed_configs_are_diagnostics_not_exceptions(make_subject: MakeSubject) -> None:
    files = {
        ".github/workflows/ci.yml": "jobs: [unclosed\n",
        ".gitlab-ci.yml": "test:\n  script: !reference [.x, script]\n",
        ".pre-commit-config.yaml": "repos: {{{\n",
        "package.json": "{not json",
        "pyproject.toml": "[tool.poe\n",
        "tox.ini": "no section header\n",
        "noxfile.py": "def (:\n",
        "Taskfile.yml": "- just a list\n",
        "justfile": "\x00weird:\n",
        "Makefile": "\ttab before any rule\n:\n",
        "README.md": "```sh\n",
    }
    src = sources(make_subject, files)
    assert collect_commands(src, ()) == ()
    assert {d.path for d in src.diagnostics} >= {".github/workflows/ci.yml", "package.json"}


def test_invocation_head_keeps_the_written_program() -> None:
    assert invocations("./scripts/test.sh -v") == [
        Invocation("test.sh", ("-v",), "./scripts/test.sh")
    ]


def test_make_conditionals_computed_names_and_automatic_variables(
    make_subject: MakeSubject,
) -> None:
    makefile = (
        "ARGS ?= --workspace\nTARGET ?=\n"
        "ifneq (${TARGET},)\n  ARGS += --target ${TARGET}\nendif\n"
        "ifdef CI\nCI_ONLY = 1\nelse ifeq ($(ARGS),--workspace)\nLOCAL = yes\nendif\n"
        '_FEATURES_full = --features "derive env"\n_FEATURES_default =\n'
        "test-%:\n\tcargo test ${_FEATURES_${@:test-%=%}} ${ARGS}\n"
        "where:\n\techo $@ $(LOCAL) $$HOME\n"
    )
    src = sources(make_subject, {"Makefile": makefile})

    def texts(command: str) -> list[str]:
        return [c.text for c in reach(runners_of(src), Command(command, "ci.yml", 1, "ci"))][1:]

    assert texts("make test-full") == ['cargo test --features "derive env" --workspace']
    assert texts("make test-default") == ["cargo test  --workspace"]
    # `CI` may come from the environment: both branches are read, so `LOCAL` is set
    assert texts("make where") == ["echo where yes $HOME"]


def test_a_prompted_shell_block_leaves_out_the_output_under_its_commands() -> None:
    markdown = (
        "```bash\n> fd -e rs mod\nsrc/fshelper/mod.rs\ntests/testenv/mod.rs\n```\n\n"
        "```bash\n$ cmake .. \\\n  -DX=ON\nmake\n```\n"
    )
    found = document_commands("README.md", markdown, "docs")
    # a known command without a prompt still runs; a continued line stays with its command
    assert [(c.text, c.line) for c in found] == [
        ("fd -e rs mod", 2),
        ("cmake .. -DX=ON", 8),
        ("make", 10),
    ]


def test_just_options_and_their_values_are_not_the_recipe() -> None:
    assert just_words(("--set", "python", "python3.10", "test")) == ["test"]
    assert just_words(("-f", "ci.just", "lint", "--fix")) == ["lint"]
    assert just_words(("--dotenv-path", ".env.test", "test", "x")) == ["test", "x"]
