"""Test runs that cannot be handed to an agent as written: run as root, or skipping a step
only an earlier CI step performed."""

from __future__ import annotations

from auditor.facts.testing.handover import needs_an_earlier_step, runs_as_root
from tests.facts.test_test_command import (
    CSPROJ,
    GO_TEST,
    MakeSubject,
    chosen,
    job,
    workflow,
)

DOTNET = {
    "Lib.sln": "\n",
    "src/Lib/Lib.csproj": '<Project Sdk="Microsoft.NET.Sdk" />',
    "src/Lib/Lib.cs": "namespace Lib; public class A {}\n",
    "tests/Lib.Tests/Lib.Tests.csproj": CSPROJ,
    "tests/Lib.Tests/ATests.cs": "namespace Lib.Tests; public class ATests {}\n",
}


def test_a_ci_test_run_without_its_build_step_ranks_after_the_plain_run(
    make_subject: MakeSubject,
) -> None:
    ci = workflow(job("ubuntu-latest", "dotnet build", "dotnet test -f net8.0 --no-build"))
    files = {**DOTNET, ".github/workflows/test.yml": ci}
    assert chosen(make_subject, files)[0][:2] == ("dotnet test", "Lib.sln")
    # on one line with the build it needs, it runs as written and CI's line wins
    ci = workflow(job("ubuntu-latest", "dotnet build && dotnet test -f net8.0 --no-build"))
    files[".github/workflows/test.yml"] = ci
    assert chosen(make_subject, files)[0][:2] == (
        "dotnet build && dotnet test -f net8.0 --no-build", ".github/workflows/test.yml",
    )  # fmt: skip


def test_a_ci_test_run_as_root_is_never_offered(make_subject: MakeSubject) -> None:
    files = {
        "go.mod": "module example.com/x\n\ngo 1.22\n",
        "x.go": "package x\n",
        "x_test.go": GO_TEST,
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "sudo go test -race ./...")),
    }
    subject = make_subject(files)
    assert [c.text for c in subject.facts.test_commands] == ["go test ./..."]


def test_which_lines_run_as_root_or_need_an_earlier_step() -> None:
    assert runs_as_root("sudo ./ci/test.sh")
    assert runs_as_root("make build && sudo make install")
    assert not runs_as_root("./ci/sudo-less.sh")
    assert needs_an_earlier_step("dotnet test --no-restore")
    assert not needs_an_earlier_step("dotnet restore && dotnet test --no-restore")
    assert not needs_an_earlier_step("dotnet test -f net8.0")
