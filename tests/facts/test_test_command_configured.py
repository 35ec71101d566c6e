"""Test commands that run only after the lines before them (CMake's `make test` in the build
directory a README makes, automake rules after `./bootstrap`), package binaries run through a
package manager, and `check` targets that lint as well as test."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject, chosen, job, workflow

CMAKE_WITH_TESTS = "project(x C)\nenable_testing()\nadd_test(NAME unit COMMAND unit)\n"


def test_make_test_in_the_build_directory_cmake_configures(make_subject: MakeSubject) -> None:
    readme = (
        "## Testing\n\n```sh\nmkdir build-test\ncd build-test\n"
        "# VALGRIND=1 builds valgrind-safe code\nVALGRIND=1 cmake ..\nmake\n\nmake test\n```\n"
    )
    files = {"CMakeLists.txt": CMAKE_WITH_TESTS, "tests/unit.c": "int main(void) {}\n"}
    files["README.md"] = readme
    assert chosen(make_subject, files)[0] == (
        "mkdir build-test && cd build-test && VALGRIND=1 cmake .. && make && make test",
        "README.md",
        4,
        "documented",
    )
    # CMake writes a `test` target only for sources that declare tests
    files["CMakeLists.txt"] = "project(x C)\nadd_executable(x main.c)\n"
    assert not make_subject(files).facts.test_commands


def test_make_test_after_a_ninja_configure_is_not_a_test_run(make_subject: MakeSubject) -> None:
    readme = "```sh\ncmake -G Ninja -B out\ncd out\nmake test\n```\n"
    files = {"CMakeLists.txt": CMAKE_WITH_TESTS, "README.md": readme}
    assert all("make test" not in c.text for c in make_subject(files).facts.test_commands)


def test_automake_rules_after_bootstrap_in_ci_steps(make_subject: MakeSubject) -> None:
    steps = [
        "brew install automake libtool && echo /usr/local/opt/make/libexec/gnubin >> $GITHUB_PATH",
        "git config remote.origin.fetch +refs/heads/*:refs/remotes/origin/*",
        "./bootstrap",
        "./configure",
        "make",
        "make test-all",
    ]
    files = {
        "bootstrap": "#!/bin/sh\nexec autoreconf -fvi\n",
        "configure.ac": "AC_INIT([yaml], [0.2])\n",
        "Makefile.am": "test: all\n\tmake -C tests check-TESTS\n\ntest-all: test\n",
        "tests/Makefile.am": "TESTS = run-scanner\ncheck_PROGRAMS = run-scanner\n",
        ".github/workflows/main.yml": workflow(job("ubuntu-latest", *steps, name="build")),
    }
    command = make_subject(files).facts.test_command
    assert command is not None
    # the nearest lines that make it run, not the whole job (too long to hand over)
    assert command.text == "./bootstrap && ./configure && make && make test-all"
    assert (command.path, command.reason) == (".github/workflows/main.yml", "ci")


def test_a_package_binary_run_through_pnpm_is_the_suite(make_subject: MakeSubject) -> None:
    agents = (
        "## Commands\n\n- `pnpm vitest run` - Run all tests\n"
        "- `pnpm vitest run <path>` - Run one test file\n"
        "- `pnpm test:compile` - Focused alias for just the compile-mode project\n"
    )
    package = (
        '{"scripts": {"test": "vitest run", "test:compile": "vitest run --config c.ts"},'
        ' "devDependencies": {"vitest": "^4"}}'
    )
    files = {"AGENTS.md": agents, "package.json": package, "pnpm-lock.yaml": ""}
    files["src/a.test.ts"] = "import { test } from 'vitest'\ntest('a', () => {})\n"
    assert chosen(make_subject, files)[0] == ("pnpm vitest run", "AGENTS.md", 3, "documented")
    agents = agents.replace("`pnpm vitest run` - Run all tests", "`pnpm vitest run src/a.test.ts`")
    texts = [c.text for c in make_subject({**files, "AGENTS.md": agents}).facts.test_commands]
    assert "pnpm vitest run src/a.test.ts" not in texts  # one file: a part of the suite


def test_a_check_target_that_lints_ranks_after_the_test_target(make_subject: MakeSubject) -> None:
    claude = (
        "## Development Commands\n\n"
        "- `make check` - Run linting, vetting, and race condition tests (default target)\n"
        "- `make lint` - Run staticcheck and golint\n"
        "- `make test` - Run short tests\n"
    )
    makefile = (
        "check: lint vet race\n\nlint:\n\t@staticcheck ./...\n\t@golint ./...\n\n"
        "vet:\n\t@go vet ./...\n\ntest:\n\t@go test -short ./...\n\n"
        "race:\n\t@go test -race ./...\n"
    )
    files = {"CLAUDE.md": claude, "Makefile": makefile, "go.mod": "module x\n"}
    files["x_test.go"] = 'package x\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n'
    assert chosen(make_subject, files)[0] == ("make test", "CLAUDE.md", 5, "documented")
    # a check target that only tests is the run as documented
    files["Makefile"] = makefile.replace("check: lint vet race", "check: race")
    assert chosen(make_subject, files)[0][:2] == ("make check", "CLAUDE.md")


def test_a_command_labelled_for_another_job_ranks_after_the_test_line(
    make_subject: MakeSubject,
) -> None:
    pom = "<project><dependencies><dependency><artifactId>junit</artifactId></dependency>"
    agents = (
        "## Commands\n\n- Build: `mvn package`\n- Run the tests: `mvn install site`\n"
        "- `mvn verify` - Build the docs site\n"
    )
    files = {"pom.xml": pom + "</dependencies></project>", "AGENTS.md": agents}
    files["src/test/java/ATest.java"] = "class ATest {}\n"
    # `mvn package` runs the tests too, but its document says it is the build
    assert chosen(make_subject, files)[0] == ("mvn install site", "AGENTS.md", 4, "documented")
