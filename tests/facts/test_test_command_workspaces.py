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
