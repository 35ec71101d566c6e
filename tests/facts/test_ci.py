"""CI files and providers, git hook managers (whether CI runs the tests: test_ci_runs.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.ci.commands import ci_commands
from auditor.facts.ci.jobs import ci_jobs
from auditor.facts.ci.providers import ci_files, ci_providers, hook_managers, uses_pre_commit
from auditor.facts.sources import FactSources
from auditor.facts.subject import Subject

MakeSubject = Callable[..., Subject]
WORKFLOW = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {run}\n"


def sources(make_subject: MakeSubject, files: dict[str, str]) -> FactSources:
    return make_subject(files).sources


def test_every_provider_and_its_files(make_subject: MakeSubject) -> None:
    files = {
        ".github/workflows/ci.yml": "on: push\n",
        ".github/workflows/release.yaml": "on: push\n",
        ".github/workflows/README.md": "not a workflow\n",
        ".gitlab-ci.yml": "test:\n  script: [make]\n",
        ".circleci/config.yml": "version: 2.1\n",
        "azure-pipelines.yml": "steps: []\n",
        "Jenkinsfile": "node {}\n",
        ".travis.yml": "language: go\n",
        ".buildkite/pipeline.yml": "steps: []\n",
        "bitbucket-pipelines.yml": "pipelines: {}\n",
        ".drone.yml": "kind: pipeline\n",
        "appveyor.yml": "build: off\n",
        ".woodpecker.yml": "steps: []\n",
        ".cirrus.yml": "task: {}\n",
    }
    src = sources(make_subject, files)
    assert ci_files(src) == tuple(sorted(p for p in files if not p.endswith("README.md")))
    assert ci_providers(src) == (
        "appveyor",
        "azure-pipelines",
        "bitbucket-pipelines",
        "buildkite",
        "circleci",
        "cirrus-ci",
        "drone",
        "github-actions",
        "gitlab-ci",
        "jenkins",
        "travis",
        "woodpecker",
    )


def test_no_ci(make_subject: MakeSubject) -> None:
    src = sources(make_subject, {"README.md": "# x\n", "docs/ci.yml": "steps: []\n"})
    assert (ci_files(src), ci_providers(src)) == ((), ())


def test_a_published_composite_action_alone_is_not_a_ci(make_subject: MakeSubject) -> None:
    src = sources(make_subject, {".github/actions/setup/action.yml": "runs:\n  using: composite\n"})
    assert ci_files(src) == (".github/actions/setup/action.yml",)
    assert ci_providers(src) == ()


@pytest.mark.parametrize(
    ("files", "managers"),
    [
        (
            {
                ".pre-commit-config.yaml": "repos:\n- repo: local\n  hooks:\n  - id: x\n"
                "    entry: x\n"
            },
            ("pre-commit",),
        ),
        ({".pre-commit-config.yaml": "repos: []\n"}, ()),
        ({".pre-commit-config.yaml": "repos:\n- repo: https://x\n  hooks: []\n"}, ()),
        ({".pre-commit-config.yaml": "repos: [\n"}, ()),
        (
            {"lefthook.yml": "pre-commit:\n  commands:\n    lint:\n      run: make lint\n"},
            ("lefthook",),
        ),
        ({"lefthook.yml": "pre-push:\n  commands:\n    t:\n      run: make test\n"}, ()),
        (
            {".husky/pre-commit": '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\nnpx lint-staged\n'},
            ("husky",),
        ),
        ({".husky/pre-commit": "#!/bin/sh\n# nothing yet\n"}, ()),
        (
            {"package.json": '{"simple-git-hooks": {"pre-commit": "npx lint-staged"}}'},
            ("simple-git-hooks",),
        ),
    ],
)
def test_hook_managers_need_a_hook_that_runs_something(
    make_subject: MakeSubject, files: dict[str, str], managers: tuple[str, ...]
) -> None:
    src = sources(make_subject, files)
    assert hook_managers(src) == managers
    assert uses_pre_commit(src) is bool(managers)


def test_a_cd_on_an_earlier_line_of_a_run_block_holds_for_the_later_lines(
    make_subject: MakeSubject,
) -> None:
    run = (
        "|\n          mkdir -p build\n          cd build\n          cmake ..\n"
        "          make test\n          (cd sub && ctest)\n          cd ..\n          make lint\n"
        "      - run: npm test\n        working-directory: web\n"
    )
    path = ".github/workflows/ci.yml"
    src = sources(make_subject, {path: WORKFLOW.format(run=run)})
    expected = [
        ("mkdir -p build", 7),
        ("cd build", 8),
        ("cd build && cmake ..", 9),
        ("cd build && make test", 10),
        ("cd build && (cd sub && ctest)", 11),
        ("cd build && cd ..", 12),
        ("make lint", 13),
        ("cd web && npm test", 14),
    ]
    assert [(c.text, c.line) for c in ci_commands(src)] == expected
    (job,) = ci_jobs(src)
    assert [(c.text, c.line) for c in job.commands] == expected


def test_a_cd_in_one_item_of_a_jobs_script_list_holds_for_the_next_items(
    make_subject: MakeSubject,
) -> None:
    gitlab = (
        "test:\n  before_script:\n    - mkdir build && cd build\n  script:\n"
        "    - cmake ..\n    - ctest -V\nlint:\n  script:\n    - make lint\n"
    )
    travis = "script:\n  - cd tests\n  - make check\nafter_script:\n  - cd .. && make clean\n"
    src = sources(make_subject, {".gitlab-ci.yml": gitlab, ".travis.yml": travis})
    assert [(c.path, c.text, c.line) for c in ci_commands(src)] == [
        (".gitlab-ci.yml", "mkdir build && cd build", 3),
        (".gitlab-ci.yml", "cd build && cmake ..", 5),
        (".gitlab-ci.yml", "cd build && ctest -V", 6),
        (".gitlab-ci.yml", "make lint", 9),  # another job starts at the root
        (".travis.yml", "cd tests", 2),
        (".travis.yml", "cd tests && make check", 3),
        (".travis.yml", "cd tests && cd .. && make clean", 5),
    ]


def test_working_directories_from_env_expressions_and_job_defaults(
    make_subject: MakeSubject,
) -> None:
    workflow = (
        "on: push\nenv:\n  APP: web\ndefaults:\n  run:\n    working-directory: top\njobs:\n"
        "  t:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n"
        "        working-directory: job\n    steps:\n      - run: make\n"
        "      - run: npm test\n        working-directory: ${{ env.APP }}\n"
        "      - run: npm test\n        working-directory: ${{ matrix.package }}\n"
    )
    src = sources(make_subject, {".github/workflows/ci.yml": workflow})
    assert [c.text for c in ci_commands(src)] == [
        "cd job && make",  # the job's default beats the workflow's
        "cd web && npm test",
        "cd ${{ matrix.package }} && npm test",  # not the root's `npm test`
    ]


def test_a_command_written_twice_gets_the_line_of_each_step(make_subject: MakeSubject) -> None:
    run = "|\n          make build\n          make test\n      - run: make test\n"
    src = sources(make_subject, {".github/workflows/ci.yml": WORKFLOW.format(run=run)})
    assert [(c.text, c.line) for c in ci_commands(src)] == [
        ("make build", 7),
        ("make test", 8),
        ("make test", 9),
    ]
