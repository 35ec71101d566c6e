"""Cargo workspaces tested from CI: consecutive lines that each test one member are together
the suite, and a matrix over the workspace directories runs the root's suite at `.`."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject, chosen, job, workflow

WORKSPACE = {
    "Cargo.toml": (
        "[package]\nname = 'rayon'\n[workspace]\nmembers = ['rayon-core', 'rayon-demo']\n"
    ),
    "src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
    "rayon-core/Cargo.toml": "[package]\nname = 'rayon-core'\n",
    "rayon-core/src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
    "rayon-demo/Cargo.toml": "[package]\nname = 'rayon-demo'\n",
    "rayon-demo/src/main.rs": "#![feature(test)]\nfn main() {}\n",
}


def test_consecutive_ci_lines_testing_one_member_each_are_the_suite(
    make_subject: MakeSubject,
) -> None:
    steps = (
        "cargo build --verbose",
        "cargo test --verbose --package rayon",
        "cargo test --verbose --package rayon-core",
        "./ci/highlander.sh",
    )
    files = {**WORKSPACE, ".github/workflows/pr.yml": workflow(job("ubuntu-latest", *steps))}
    assert chosen(make_subject, files) == (
        (
            "cargo test --verbose --package rayon && cargo test --verbose --package rayon-core",
            ".github/workflows/pr.yml",
            8,
            "ci",
        ),
        True,
    )
    # the same lines in two jobs are two one-member runs, after the workspace's own run
    split = workflow(job("ubuntu-latest", steps[1]), job("ubuntu-latest", steps[2], name="core"))
    files[".github/workflows/pr.yml"] = split
    assert chosen(make_subject, files)[0][:2] == ("cargo test --workspace", "Cargo.toml")
    # one member tested twice (two targets) is still one member
    twice = job("ubuntu-latest", steps[1], f"{steps[1]} --release")
    files[".github/workflows/pr.yml"] = workflow(twice)
    assert chosen(make_subject, files)[0][:2] == ("cargo test --workspace", "Cargo.toml")


def matrix_job(matrix: str, *lines: str) -> str:
    steps = "".join(f"      {line}\n" for line in lines)
    return (
        "  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        f"        {matrix}\n    steps:\n      - uses: actions/checkout@v4\n{steps}"
    )


VIRTUAL = {
    "Cargo.toml": "[workspace]\nmembers = ['axum', 'axum-core']\n",
    "axum/Cargo.toml": "[package]\nname = 'axum'\n",
    "axum/src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
    "axum-core/Cargo.toml": "[package]\nname = 'axum-core'\n",
    "axum-core/src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
    "examples/Cargo.toml": "[workspace]\nmembers = ['hello']\n",
    "examples/hello/Cargo.toml": "[package]\nname = 'hello'\n",
    "examples/hello/src/main.rs": "fn main() {}\n",
}


def test_a_matrix_over_directories_runs_the_root_suite_at_its_root_entry(
    make_subject: MakeSubject,
) -> None:
    run = (
        "- run: cargo test --locked --workspace --all-features "
        "--manifest-path ${{ matrix.workspace }}/Cargo.toml"
    )
    ci = workflow(matrix_job('workspace: [".", examples]', run))
    files = {**VIRTUAL, ".github/workflows/ci.yml": ci}
    assert chosen(make_subject, files)[0] == (
        "cargo test --locked --workspace --all-features --manifest-path ./Cargo.toml",
        ".github/workflows/ci.yml",
        10,
        "ci",
    )
    # the examples entry is one matrix entry: after the root's own run and the build tool's
    texts = [c.text for c in make_subject(files).facts.test_commands]
    assert texts == [
        "cargo test --locked --workspace --all-features --manifest-path ./Cargo.toml",
        "cargo test",
        "cargo test --locked --workspace --all-features --manifest-path examples/Cargo.toml",
    ]
    # the same through the step's working directory
    files[".github/workflows/ci.yml"] = workflow(
        matrix_job(
            "dir: [examples, ./]",
            "- run: cargo test --all-features",
            "  working-directory: ${{ matrix.dir }}",
        )
    )
    texts = [c.text for c in make_subject(files).facts.test_commands]
    assert texts == [
        "cargo test --all-features",
        "cargo test",
        "cd examples && cargo test --all-features",
    ]


def test_a_matrix_key_with_one_value_is_that_value_and_others_stay_placeholders(
    make_subject: MakeSubject,
) -> None:
    files = {
        **VIRTUAL,
        ".github/workflows/ci.yml": workflow(
            matrix_job("features: [full]", "- run: cargo test --features ${{ matrix.features }}")
        ),
    }
    assert chosen(make_subject, files)[0][:2] == (
        "cargo test --features full",
        ".github/workflows/ci.yml",
    )
    # values that are not directories: which entry is the suite is not known
    files[".github/workflows/ci.yml"] = workflow(
        matrix_job("features: [full, tls]", "- run: cargo test --features ${{ matrix.features }}")
    )
    assert chosen(make_subject, files)[0][:2] == ("cargo test", "Cargo.toml")


def test_a_documented_cargo_xtask_test_beats_the_build_tools_own_run(
    make_subject: MakeSubject,
) -> None:
    files = {
        "Cargo.toml": "[workspace]\nmembers = ['core', 'xtask']\n",
        "core/Cargo.toml": "[package]\nname = 'core'\n",
        "core/src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
        "xtask/Cargo.toml": "[package]\nname = 'xtask'\n",
        "xtask/src/main.rs": "fn main() {}\n",
        ".config/nextest.toml": "[profile.default]\n",
        ".cargo/config.toml": '[alias]\nxtask = "run --package xtask --"\nx = "xtask"\n',
        "CONTRIBUTING.md": "To run all tests:\n\n```sh\ncargo x test\n```\n",
    }
    assert chosen(make_subject, files)[0] == ("cargo x test", "CONTRIBUTING.md", 4, "documented")
    manifest = '[alias]\nxtask = "run --manifest-path xtask/Cargo.toml --"\nx = "xtask"\n'
    files[".cargo/config.toml"] = manifest
    assert chosen(make_subject, files)[0][0] == "cargo x test"
    # an alias that runs no package of the repository is no task runner
    files[".cargo/config.toml"] = '[alias]\nx = "nextest run"\n'
    assert chosen(make_subject, files)[0][0] == "cargo nextest run"
    # without the alias, `cargo x` is no command cargo knows, and cargo's own run is the suite
    del files[".cargo/config.toml"]
    assert chosen(make_subject, files)[0][0] == "cargo nextest run"
