"""Which test runs are variants of the plain suite (coverage, one platform, one package), and
so rank after it, and which only look like one."""

from __future__ import annotations

from tests.facts.test_test_command import (
    GO_TEST,
    GRADLE,
    RUST_TEST,
    MakeSubject,
    chosen,
    job,
    workflow,
)


def test_a_go_coverage_run_ranks_after_the_task_runners_test_target(
    make_subject: MakeSubject,
) -> None:
    coverage = "go test -race -covermode=atomic -coverprofile=coverage.txt ./..."
    files = {
        "go.mod": "module example.com/x\n\ngo 1.22\n",
        "x.go": "package x\n",
        "x_test.go": GO_TEST,
        "Taskfile.yaml": "version: '3'\ntasks:\n  test:\n    cmds:\n      - go test -race ./...\n",
        ".github/workflows/coverage.yml": workflow(job("ubuntu-latest", coverage)),
    }
    assert chosen(make_subject, files)[0][:2] == ("task test", "Taskfile.yaml")
    del files["Taskfile.yaml"]
    assert chosen(make_subject, files)[0][:2] == ("go test ./...", "go.mod")


def test_a_job_on_macos_is_the_ci_run_when_no_job_runs_commands_elsewhere(
    make_subject: MakeSubject,
) -> None:
    validate = (
        "  validate:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: gradle/actions/wrapper-validation@v4\n"
    )
    ci = workflow(job("macos-latest", "./gradlew build dokkaHtml", name="build"))
    files = {
        **GRADLE,
        ".github/workflows/build.yaml": ci,
        ".github/workflows/wrapper.yaml": workflow(validate),
    }
    assert chosen(make_subject, files)[0] == (
        "./gradlew build dokkaHtml", ".github/workflows/build.yaml", 7, "ci",
    )  # fmt: skip
    # beside a Linux job that runs a command, the macOS job is one platform again
    files[".github/workflows/lint.yaml"] = workflow(job("ubuntu-latest", "./gradlew lint"))
    assert chosen(make_subject, files)[0][:2] == ("./gradlew test", "build.gradle.kts")


def test_runs_that_together_test_several_cargo_members_are_not_one_package(
    make_subject: MakeSubject,
) -> None:
    lib = "[package]\nname = 'a'\n"
    makefile = "test:\n\tcargo test -p a --all-features\n\tcargo test -p a-cli\n"
    files = {
        "Cargo.toml": "[workspace]\nmembers = ['a', 'a-cli']\n",
        "a/Cargo.toml": lib,
        "a/src/lib.rs": RUST_TEST,
        "a-cli/Cargo.toml": "[package]\nname = 'a-cli'\n",
        "a-cli/src/main.rs": RUST_TEST,
        "Makefile": makefile,
        "CONTRIBUTING.md": "To run all tests:\n\n```sh\nmake test\n```\n",
    }
    assert chosen(make_subject, files)[0] == ("make test", "CONTRIBUTING.md", 4, "documented")
    # the same member twice is still the tests of one member
    files["Makefile"] = makefile.replace("-p a-cli", "-p a")
    assert chosen(make_subject, files)[0][:2] == ("cargo test", "Cargo.toml")


def test_a_ci_tox_run_whose_env_comes_from_the_matrix_is_one_matrix_entry(
    make_subject: MakeSubject,
) -> None:
    step = (
        "  tests:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        "        python: ['3.12', '3.13']\n    steps:\n      - run: uv run tox run\n"
    )
    tox = "[tox]\nenv_list = py3.13, py3.12, style\n[testenv]\ncommands = pytest\n"
    files = {
        "pyproject.toml": "[project]\nname = 'w'\n",
        "tox.ini": tox,
        "tests/test_w.py": "def test_w():\n    pass\n",
        ".github/workflows/tests.yaml": workflow(step),
    }
    assert chosen(make_subject, files)[0][:2] == ("uv run tox run", ".github/workflows/tests.yaml")
    # each job runs the one environment its TOX_ENV names; run bare, the line runs them all
    matrix_env = "        env:\n          TOX_ENV: py${{ matrix.python }}\n"
    files[".github/workflows/tests.yaml"] = workflow(step + matrix_env)
    assert chosen(make_subject, files)[0][:2] == ("tox", "tox.ini")


def test_a_step_run_with_the_tasks_of_matrix_include_entries_is_the_linux_entrys_run(
    make_subject: MakeSubject,
) -> None:
    ci = (
        "on: [push, pull_request]\njobs:\n  build:\n    runs-on: ${{ matrix.os }}\n"
        "    strategy:\n      matrix:\n        include:\n"
        "          - os: macos-latest\n            tasks: macosArm64Test\n"
        "          - os: ubuntu-latest\n            tasks: build\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: ./gradlew ${{ matrix.tasks }}\n"
    )
    files = {**GRADLE, ".github/workflows/ci.yaml": ci}
    assert [c.text for c in make_subject(files).facts.test_commands] == [
        "./gradlew build", "./gradlew test", "./gradlew macosArm64Test",
    ]  # fmt: skip
    # entries that do not pick the machine are each one matrix entry: the wrapper's own run
    files[".github/workflows/ci.yaml"] = ci.replace("${{ matrix.os }}", "ubuntu-latest")
    assert chosen(make_subject, files)[0][:2] == ("./gradlew test", "build.gradle.kts")


def test_include_entries_that_add_to_a_listed_matrix_key_leave_the_step_as_written(
    make_subject: MakeSubject,
) -> None:
    ci = (
        "on: [push, pull_request]\njobs:\n  build:\n    runs-on: ${{ matrix.os }}\n"
        "    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n"
        "        tasks: [jvmTest, jsTest]\n        include:\n"
        "          - os: ubuntu-22.04\n            tasks: build\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: ./gradlew ${{ matrix.tasks }}\n"
    )
    files = {**GRADLE, ".github/workflows/ci.yaml": ci}
    assert chosen(make_subject, files)[0][:2] == ("./gradlew test", "build.gradle.kts")
