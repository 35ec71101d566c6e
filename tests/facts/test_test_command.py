"""The canonical test command per build tool and ecosystem, with its provenance and whether CI
runs the tests; ranking of documented commands, CI, runners, build tools and defaults."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from auditor.facts.model import Command
from auditor.facts.subject import Subject
from auditor.facts.testing.command import has_placeholders
from auditor.facts.testing.variants import variant_of

MakeSubject = Callable[..., Subject]
Source = tuple[str, str, int | None, str]


def job(runs_on: str, *runs: str, name: str = "test") -> str:
    steps = "".join(f"      - run: {run}\n" for run in runs)
    return (
        f"  {name}:\n    runs-on: {runs_on}\n    steps:\n      - uses: actions/checkout@v4\n{steps}"
    )


def workflow(*jobs: str) -> str:
    return "on: [push, pull_request]\njobs:\n" + "".join(jobs)


def chosen(make_subject: MakeSubject, files: dict[str, str]) -> tuple[Source, bool]:
    """(command, path, line, reason) of the canonical test command, and whether CI tests."""
    subject = make_subject(files)
    command = subject.facts.test_command
    assert command is not None, [c.text for c in subject.facts.test_commands]
    checks = subject.facts.ci_checks
    in_ci = bool(checks and checks.tests_on_pull_requests)
    return (command.text, command.path, command.line, command.reason), in_ci


JUNIT = 'dependencies { testImplementation("org.junit.jupiter:junit-jupiter:5.10.0") }\n'
JAVA = {
    "src/main/java/App.java": "class App {}\n",
    "src/test/java/AppTest.java": "class AppTest {}\n",
}
GRADLE = {"build.gradle.kts": JUNIT, "gradlew": "#!/bin/sh\n", **JAVA}
MAVEN_POM = (
    "<project><dependencies><dependency><artifactId>junit-jupiter</artifactId>"
    "</dependency></dependencies></project>"
)
RSPEC = "require 'spec_helper'\n\ndescribe 'x' do\n  it('works') { expect(1).to eq 1 }\nend\n"
RAKEFILE = (
    "require 'rspec/core/rake_task'\n\nRSpec::Core::RakeTask.new(:spec)\n\n"
    "task default: %i[spec rubocop]\n"
)
GEMSPEC = 'Gem::Specification.new do |s|\n  s.add_development_dependency "rake"\nend\n'
CSPROJ = (
    '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>'
    '<PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>'
)
RUST_TEST = "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n"
GO_TEST = 'package x\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n'


def test_gradle_ci_build_wins_over_a_macos_only_job(make_subject: MakeSubject) -> None:
    ci = workflow(
        job("macos-latest", "./gradlew :ios:iosSimulatorArm64Test", name="ios"),
        job("ubuntu-latest", "./gradlew build", name="build"),
    )
    files = {**GRADLE, ".github/workflows/ci.yml": ci}
    assert chosen(make_subject, files) == (
        ("./gradlew build", ".github/workflows/ci.yml", 12, "ci"),
        True,
    )


def test_gradle_without_ci_uses_the_wrapper(make_subject: MakeSubject) -> None:
    assert chosen(make_subject, GRADLE) == (
        ("./gradlew test", "build.gradle.kts", None, "build-tool"),
        False,
    )
    one_test = {**GRADLE, "AGENTS.md": "One test: `./gradlew test --tests AppTest`\n"}
    assert chosen(make_subject, one_test)[0][0] == "./gradlew test"  # one test is not the suite
    without_wrapper = {path: text for path, text in GRADLE.items() if path != "gradlew"}
    assert chosen(make_subject, without_wrapper)[0][0] == "gradle test"


def test_maven_verify_in_ci_and_the_wrapper_default(make_subject: MakeSubject) -> None:
    files = {"pom.xml": MAVEN_POM, "mvnw": "#!/bin/sh\n", **JAVA}
    assert chosen(make_subject, files) == (("./mvnw test", "pom.xml", None, "build-tool"), False)
    files[".github/workflows/ci.yml"] = workflow(job("ubuntu-latest", "./mvnw -B verify"))
    assert chosen(make_subject, files) == (
        ("./mvnw -B verify", ".github/workflows/ci.yml", 7, "ci"),
        True,
    )


def test_rake_default_task_runs_the_specs(make_subject: MakeSubject) -> None:
    files = {
        "Gemfile": 'source "https://rubygems.org"\ngemspec\n',
        "x.gemspec": GEMSPEC,
        "Rakefile": RAKEFILE,
        "lib/x.rb": "module X; end\n",
        "spec/x_spec.rb": RSPEC,
    }
    assert chosen(make_subject, files) == (("bundle exec rake", "Rakefile", 5, "build-tool"), False)
    files[".github/workflows/ci.yml"] = workflow(job("ubuntu-latest", "bundle exec rake"))
    assert chosen(make_subject, files) == (
        ("bundle exec rake", ".github/workflows/ci.yml", 7, "ci"),
        True,
    )
    commands = [c.text for c in make_subject(files).facts.test_commands]
    assert "bundle exec rspec" not in commands  # rspec is in neither the Gemfile nor the gemspec


def test_bundle_exec_rspec_when_the_gemfile_has_rspec(make_subject: MakeSubject) -> None:
    files = {"Gemfile": 'gem "rspec"\n', "lib/x.rb": "module X; end\n", "spec/x_spec.rb": RSPEC}
    assert chosen(make_subject, files) == (
        ("bundle exec rspec", "Gemfile", None, "framework-default"),
        False,
    )


def test_ctest_in_ci_beats_a_root_make_test_running_a_demo(make_subject: MakeSubject) -> None:
    files = {
        "CMakeLists.txt": "project(x C)\nadd_executable(demo demo.c)\nenable_testing()\n"
        "add_test(NAME unit COMMAND unit)\n",
        "Makefile": "test:\n\t./build/demo --run\n",
        "demo.c": "int main(void) { return 0; }\n",
        "tests/unit.c": "int main(void) { return 0; }\n",
        ".github/workflows/ci.yml": workflow(
            job(
                "ubuntu-latest",
                "cmake -S . -B build",
                "cmake --build build",
                "ctest --test-dir build --output-on-failure",
            )
        ),
    }
    # the CI step needs its job's configure and build steps before it: with them it is the
    # suite (not the demo), written from the first of them
    assert chosen(make_subject, files) == (
        (
            "cmake -S . -B build && cmake --build build && ctest --test-dir build "
            "--output-on-failure",
            ".github/workflows/ci.yml",
            7,
            "ci",
        ),
        True,
    )
    files[".github/workflows/ci.yml"] = workflow(
        job("ubuntu-latest", "cmake -B build && cmake --build build && ctest --test-dir build -V")
    )
    assert chosen(make_subject, files)[0][1:] == (".github/workflows/ci.yml", 7, "ci")
    del files[".github/workflows/ci.yml"]
    files["CONTRIBUTING.md"] = "Run the suite with `cmake -B build && ctest --test-dir build`.\n"
    assert chosen(make_subject, files) == (
        ("cmake -B build && ctest --test-dir build", "CONTRIBUTING.md", 1, "documented"),
        False,
    )
    files["CONTRIBUTING.md"] = "Run the suite with `ctest --test-dir build`.\n"
    assert chosen(make_subject, files)[0][1] == "CMakeLists.txt"  # `build/` is not there yet


def test_cmake_without_instructions_builds_then_runs_ctest(make_subject: MakeSubject) -> None:
    files = {"CMakeLists.txt": "project(x C)\nenable_testing()\n", "tests/t.c": "int x;\n"}
    assert chosen(make_subject, files) == (
        (
            "cmake -B build && cmake --build build && ctest --test-dir build",
            "CMakeLists.txt",
            2,
            "build-tool",
        ),
        False,
    )


def test_dotnet_test_at_the_solution(make_subject: MakeSubject) -> None:
    files = {
        "src/Lib/Lib.csproj": '<Project Sdk="Microsoft.NET.Sdk" />',
        "src/Lib/Lib.cs": "namespace Lib; public class A {}\n",
        "tests/Lib.Tests/Lib.Tests.csproj": CSPROJ,
        "tests/Lib.Tests/ATests.cs": "namespace Lib.Tests; public class ATests {}\n",
    }
    assert chosen(make_subject, {**files, "Lib.sln": "\n"}) == (
        ("dotnet test", "Lib.sln", None, "build-tool"),
        False,
    )
    assert chosen(make_subject, {**files, "src/Lib.sln": "\n"})[0][0] == "dotnet test src/Lib.sln"


@pytest.mark.parametrize(
    ("run", "expected"),
    [("./build.sh", "./build.sh"), ("./build.ps1 --target=Test", "./build.ps1 --target=Test")],
)
def test_cake_build_scripts_run_the_tests(
    make_subject: MakeSubject, run: str, expected: str
) -> None:
    files = {
        "build.cake": 'Task("Test").Does(() => DotNetTest("./Lib.sln"));\nRunTarget("Test");\n',
        "build.sh": '#!/bin/sh\ndotnet tool restore\ndotnet cake "$@"\n',
        "build.ps1": "dotnet tool restore\ndotnet cake @args\n",
        "Lib.sln": "\n",
        "tests/Lib.Tests/Lib.Tests.csproj": CSPROJ,
        "tests/Lib.Tests/ATests.cs": "public class ATests {}\n",
        ".github/workflows/ci.yml": workflow(job("windows-latest", run), job("ubuntu-latest", run)),
    }
    assert chosen(make_subject, files) == ((expected, ".github/workflows/ci.yml", 7, "ci"), True)
    files[".github/workflows/ci.yml"] = workflow(job("ubuntu-latest", "./build.sh --target=Pack"))
    assert chosen(make_subject, files) == (("./build.sh", "build.sh", None, "build-tool"), False)


def test_composer_test_script(make_subject: MakeSubject) -> None:
    files = {
        "composer.json": '{\n  "require-dev": {"phpunit/phpunit": "^11"},\n  "scripts": {\n'
        '    "test": "@phpunit",\n    "phpunit": "phpunit --colors=always"\n  }\n}\n',
        "src/A.php": "<?php class A {}\n",
        "tests/ATest.php": "<?php class ATest {}\n",
    }
    assert chosen(make_subject, files) == (
        ("composer test", "composer.json", 4, "task-runner"),
        False,
    )


def test_cargo_virtual_workspace_debug_recipes_and_nextest(make_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\n',
        "crates/core/Cargo.toml": '[package]\nname = "core"\n',
        "crates/core/src/lib.rs": RUST_TEST,
        "README.md": "Debug builds:\n\n```sh\ncargo test --features debug\n```\n",
    }
    assert chosen(make_subject, files) == (("cargo test", "Cargo.toml", None, "build-tool"), False)
    files[".config/nextest.toml"] = "[profile.default]\n"
    assert chosen(make_subject, files)[0][0] == "cargo nextest run"


def test_cargo_member_only_suite_from_contributing(make_subject: MakeSubject) -> None:
    files = {
        "crates/core/Cargo.toml": '[package]\nname = "core"\n',
        "crates/core/src/lib.rs": RUST_TEST,
        "CONTRIBUTING.md": "Test in the core crate:\n\n```sh\ncd crates/core && cargo test\n```\n",
        "README.md": "```sh\ncargo test\n```\n",
    }
    subject = make_subject(files)
    assert [c.text for c in subject.facts.test_commands] == ["cd crates/core && cargo test"]
    assert subject.facts.single_test_command == "cd crates/core && cargo test t"


def test_go_work_and_several_modules(make_subject: MakeSubject) -> None:
    modules = {
        "api/go.mod": "module example.com/api\n",
        "api/a_test.go": GO_TEST,
        "cli/go.mod": "module example.com/cli\n",
        "cli/a_test.go": GO_TEST,
        "cli/b_test.go": GO_TEST,
    }
    assert chosen(make_subject, {**modules, "go.work": "go 1.22\nuse (./api ./cli)\n"}) == (
        ("go test ./...", "go.work", None, "build-tool"),
        False,
    )
    subject = make_subject(modules)
    assert [c.text for c in subject.facts.test_commands] == [
        "cd cli && go test ./...",
        "cd api && go test ./...",
    ]
    assert subject.facts.single_test_command == "cd cli && go test -run '^TestX$' ."
    ci = workflow(job("ubuntu-latest", "go test ./..."))
    commands = make_subject({**modules, ".github/workflows/ci.yml": ci}).facts.test_commands
    assert "ci" not in {c.origin for c in commands}  # no go.mod at the root: it cannot run


def test_python_framework_with_static_assets_is_tested_with_python(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "web"\n[tool.pytest.ini_options]\n',
        "web/__init__.py": "x = 1\n" * 50,
        "tests/test_web.py": "def test_a():\n    assert True\n",
        "web/static/package.json": "{}",
        "package.json": '{"scripts": {"test": "jest"}, "devDependencies": {"jest": "29"}}',
        "web/static/app.js": "export const a = 1;\n",
    }
    assert chosen(make_subject, files)[0][:2] == ("pytest", "pyproject.toml")


def test_documented_make_test_and_test_scripts_beat_a_bare_pytest(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "x"\n[tool.pytest.ini_options]\n',
        "Makefile": "test:\n\tpython -m pytest -q\n",
        "AGENTS.md": "# Agents\n\nRun the suite via `make test`; `pytest` alone skips the slow\n"
        "markers.\n",
        "x/__init__.py": "",
        "tests/test_x.py": "def test_a():\n    assert True\n",
    }
    assert chosen(make_subject, files)[0] == ("make test", "AGENTS.md", 3, "documented")
    del files["AGENTS.md"]
    files["scripts/test.sh"] = '#!/bin/sh\npython -m pytest "$@"\n'
    files["docs/contributing.md"] = "Before a pull request, run `bash scripts/test.sh`.\n"
    files[".github/workflows/ci.yml"] = workflow(job("ubuntu-latest", "pytest --cov"))
    assert chosen(make_subject, files)[0] == (
        "bash scripts/test.sh",
        "docs/contributing.md",
        1,
        "documented",
    )


def test_documented_ctest_in_the_build_directory_the_readme_makes(
    make_subject: MakeSubject,
) -> None:
    readme = (
        "To build with CMake:\n\n```bash\n$ cmake -B build -DBUILD_TESTING=ON\n"
        "$ cmake --build build\n\n# Run tests:\n"
        "$ (cd build && ctest -C Debug --output-on-failure)\n```\n"
    )
    files = {
        "CMakeLists.txt": "project(x C)\nenable_testing()\nadd_test(NAME unit COMMAND unit)\n",
        "test/unit.c": "int main(void) { return 0; }\n",
        "README.md": readme,
        ".github/workflows/ci.yml": workflow(
            job("windows-latest", "cmake -B build", "ctest -C RelWithDebInfo -V", name="win")
        ),
    }
    # the test line joined with the lines of its block that configure and build
    assert chosen(make_subject, files) == (
        (
            "cmake -B build -DBUILD_TESTING=ON && cmake --build build && "
            "(cd build && ctest -C Debug --output-on-failure)",
            "README.md",
            4,
            "documented",
        ),
        True,
    )


def test_documented_blocks_run_in_the_directory_their_prose_names(
    make_subject: MakeSubject,
) -> None:
    contributing = (
        "## Running the test suite\n\n##### In the [`core`] directory\n\n"
        "```sh\n# Test the examples of the documentation\ncargo test\n```\n\n"
        "##### In the [`test_suite`] directory\n\n"
        "```sh\n# Run the full test suite, including unstable features\n"
        "cargo +nightly test --features unstable\n```\n\n"
        "[`core`]: https://example.com/tree/master/core\n"
    )
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["core", "test_suite"]\n',
        "core/Cargo.toml": '[package]\nname = "core"\n',
        "core/src/lib.rs": RUST_TEST,
        "test_suite/Cargo.toml": '[package]\nname = "test_suite"\n',
        "test_suite/tests/t.rs": "#[test]\nfn t() {}\n",
        "CONTRIBUTING.md": contributing,
    }
    assert chosen(make_subject, files) == (
        (
            "cd test_suite && cargo +nightly test --features unstable",
            "CONTRIBUTING.md",
            14,
            "documented",
        ),
        False,
    )
    commands = [c.text for c in make_subject(files).facts.test_commands]
    assert commands[:2] == [
        "cd test_suite && cargo +nightly test --features unstable",
        "cd core && cargo test",
    ]


CMAKE_TESTS = {
    "CMakeLists.txt": "project(z C)\nenable_testing()\nadd_test(NAME example COMMAND example)\n",
    "test/example.c": "int main(void) { return 0; }\n",
}


def matrix_job(*steps: str) -> str:
    return (
        "  matrix:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        "        builder: [configure, cmake]\n    steps:\n" + "".join(steps)
    )


def test_a_ci_step_guarded_by_a_matrix_entry_ranks_after_unconditional_runs(
    make_subject: MakeSubject,
) -> None:
    guarded = "      - if: matrix.builder == 'cmake'\n        run: ctest --test-dir test\n"
    ci = workflow(matrix_job(guarded), job("ubuntu-latest", "ctest --test-dir test -V"))
    files = {**CMAKE_TESTS, ".github/workflows/ci.yml": ci}
    assert chosen(make_subject, files) == (
        ("ctest --test-dir test -V", ".github/workflows/ci.yml", 15, "ci"),
        True,
    )
    files[".github/workflows/ci.yml"] = workflow(matrix_job(guarded))
    assert chosen(make_subject, files)[0] == (
        "cmake -B build && cmake --build build && ctest --test-dir build",
        "CMakeLists.txt",
        2,
        "build-tool",
    )


def test_plain_text_readme_configure_then_make_test(make_subject: MakeSubject) -> None:
    guarded = "      - if: matrix.builder == 'cmake'\n        run: ctest -C Release\n"
    files = {
        **CMAKE_TESTS,
        "README": 'ZLIB\n\nTo compile and run the tests: in short "./configure; make test", and\n'
        'if that goes well, "make install".\n',
        "configure": "#!/bin/sh\n",
        "Makefile": "all:\n\t-@echo Please use ./configure first.\n",
        "Makefile.in": "all: example\n\ntest: all\n\t./example\n",
        ".github/workflows/ci.yml": workflow(matrix_job(guarded)),
    }
    assert chosen(make_subject, files) == (
        ("./configure; make test", "README", 3, "documented"),
        True,
    )
    del files["configure"]  # without it, nothing writes the Makefile that has `test`
    assert chosen(make_subject, files)[0][0] != "./configure; make test"


def test_a_documented_build_without_its_manifest_loses_to_the_one_that_runs(
    make_subject: MakeSubject,
) -> None:
    files = {
        "build-pom.xml": MAVEN_POM,
        "core/pom.xml": MAVEN_POM,
        **{f"core/{path}": text for path, text in JAVA.items()},
        "CONTRIBUTING.md": "# Contributing\n\nRun `mvn clean verify` before sending a change.\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", "mvn -B verify -f build-pom.xml")
        ),
    }
    assert chosen(make_subject, files) == (
        ("mvn -B verify -f build-pom.xml", ".github/workflows/ci.yml", 7, "ci"),
        True,
    )


def test_extra_environments_and_marker_subsets_rank_below_the_suite(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "x"\nversion = "1"\n',
        "tox.ini": "[tox]\nenv_list = py3\n\n[testenv]\ncommands = pytest\n\n"
        "[testenv:stress]\ncommands = pytest -m stress\n\n[testenv:random]\n"
        "commands = pytest -p random_order\n",
        "tests/test_a.py": "def test_a():\n    pass\n",
        "docs/contributing.md": "# Contributing\n\n## Extra Test Environments\n\n"
        "- `tox r -e random` runs the tests in a random order.\n"
        "- `tox r -e stress` runs the stress tests.\n",
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "tox run")),
    }
    assert chosen(make_subject, files) == (("tox run", ".github/workflows/ci.yml", 7, "ci"), True)


GO_MODULE = {
    "go.mod": "module example.com/chi\n\ngo 1.22\n",
    "mux.go": "package chi\n",
    "mux_test.go": "package chi\n",
    "middleware/logger.go": "package middleware\n",
    "middleware/logger_test.go": "package middleware\n",
}


def test_a_go_run_of_one_package_or_of_benchmarks_is_not_the_suite(
    make_subject: MakeSubject,
) -> None:
    files = {
        **GO_MODULE,
        "CONTRIBUTING.md": "3. Add tests.\n4. Run `go test`. If your tests pass, go on.\n",
        "README.md": "Measure it:\n\n```bash\ngo test -bench=ReportCaller\n```\n",
        "Makefile": "test:\n\tgo test -race ./...\n",
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "make test")),
    }
    # `go test` at the root tests the root package only; `middleware/` has tests too
    assert chosen(make_subject, files)[0][:2] == ("make test", ".github/workflows/ci.yml")
    del files["middleware/logger_test.go"]
    assert chosen(make_subject, files)[0][:3] == ("go test", "CONTRIBUTING.md", 2)


def test_a_tox_env_running_the_suite_then_a_marker_is_the_suite(
    make_subject: MakeSubject,
) -> None:
    tox = (
        "[tox]\nenvlist = py\n[testenv]\ncommands =\n    pytest tests\n"
        "    pytest tests -m jupyter\n[testenv:jupyter]\ncommands = pytest -m jupyter\n"
    )
    guide = "Run the unit tests:\n\n```console\n$ tox -e py\n$ tox -e jupyter\n```\n"
    files = {
        "pyproject.toml": "[project]\nname = 'b'\n",
        "tox.ini": tox,
        "tests/test_b.py": "def test_b():\n    pass\n",
        "docs/contributing/the_basics.md": guide,
    }
    assert chosen(make_subject, files)[0] == (
        "tox -e py", "docs/contributing/the_basics.md", 4, "documented",
    )  # fmt: skip


def test_a_script_named_test_that_runs_no_tests_ranks_after_the_real_suite(
    make_subject: MakeSubject,
) -> None:
    files = {
        "package.json": '{"scripts": {"test": "npm run unit", "unit": "borp"}}\n',
        "test/a.test.js": "test('a', () => {})\n",
        "integration/test.sh": "#!/usr/bin/bash\ncurl -i localhost:3000/ > GET\n",
        ".github/workflows/a-integration.yml": workflow(
            job("ubuntu-latest", "bash integration/test.sh")
        ),
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "npm run unit")),
    }
    assert chosen(make_subject, files)[0][:2] == ("npm run unit", ".github/workflows/ci.yml")


def test_one_compiler_or_flag_set_ranks_after_the_runners_own_target(
    make_subject: MakeSubject,
) -> None:
    files = {
        "Makefile": "check:\n\t$(MAKE) -C tests quick\ntest:\n\t$(MAKE) -C tests test\n",
        "tests/Makefile": "quick:\n\t./fuzzer -i1\ntest:\n\t./fuzzer -i100\n",
        "tests/fuzzer.c": "int main(void) { return 0; }\n",
        "lib/lz.c": "int lz(void) { return 0; }\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", 'CC=gcc-5 CFLAGS="-O2 -Werror" make check'),
        ),
    }
    subject = make_subject(files)
    assert (subject.facts.test_command.text, subject.facts.test_command.path) == (
        "make test", "Makefile",
    )  # fmt: skip
    step = Command('CC=gcc-5 CFLAGS="-O2 -Werror" make check', ".github/workflows/ci.yml", 7, "ci")
    assert variant_of(subject.sources, step, frozenset()) == "one compiler or flag set"
    plain = Command("make check", ".github/workflows/ci.yml", 7, "ci")
    assert variant_of(subject.sources, plain, frozenset()) == ""
    assert variant_of(
        subject.sources, Command("make V=1 usan", "ci.yml", 1, "ci"), frozenset()
    ) == ("sanitizer")


def test_a_cirrus_task_on_freebsd_is_one_platform(make_subject: MakeSubject) -> None:
    cirrus = (
        "task:\n  name: FreeBSD\n  freebsd_instance:\n    image_family: freebsd-14-1\n"
        "  script: |\n    gmake test\nlinux_task:\n  container:\n    image: gcc\n"
        "  script: make test\n"
    )
    subject = make_subject({".cirrus.yml": cirrus, "Makefile": "test:\n\t./test-all\n"})
    on_bsd = Command("gmake test", ".cirrus.yml", 6, "ci")
    on_linux = Command("make test", ".cirrus.yml", 10, "ci")
    assert variant_of(subject.sources, on_bsd, frozenset()) == "one platform"
    assert variant_of(subject.sources, on_linux, frozenset()) == ""


def test_a_scripts_arguments_and_variables_are_substituted(make_subject: MakeSubject) -> None:
    script = '#!/bin/bash\nset -ex\ncmd="${1:-test}"\ncargo "${cmd}" --all-features\n'
    files = {
        "Cargo.toml": "[package]\nname = 'bytes'\n",
        "src/lib.rs": "pub fn a() {}\n#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
        "ci/test-stable.sh": script,
        "ci/panic-abort.sh": "#!/bin/bash\ncargo test --all-features --test '*'\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", "ci/test-stable.sh test"),
            job("ubuntu-latest", "ci/panic-abort.sh", name="panic"),
        ),
    }
    assert chosen(make_subject, files)[0][:3] == (
        "ci/test-stable.sh test", ".github/workflows/ci.yml", 7,
    )  # fmt: skip


def test_a_test_script_running_a_test_program_the_build_makes_runs_the_tests(
    make_subject: MakeSubject,
) -> None:
    files = {
        "Makefile": "hiredis-test: test.o\n\tcc -o $@ test.o\ncheck: hiredis-test\n\t./test.sh\n",
        "test.sh": "#!/bin/sh\nredis-server --daemonize\n${TEST_PREFIX:-} ./hiredis-test -h 1\n",
        "test.c": "int main(void) { return 0; }\n",
        ".travis.yml": "script:\n  - mkdir build && cd build\n  - SKIPS_AS_FAILS=1 ctest -V\n",
        ".github/workflows/test.yml": workflow(job("ubuntu-latest", "make check")),
    }
    assert chosen(make_subject, files) == (
        ("make check", ".github/workflows/test.yml", 7, "ci"),
        True,
    )


def test_a_cmake_test_option_off_by_default_is_turned_on(make_subject: MakeSubject) -> None:
    cmake = (
        'project(s CXX)\noption(S_BUILD_TESTS "Build tests" OFF)\n'
        'option(S_BUILD_BENCH "Build benchmarks" OFF)\nif(S_BUILD_BENCH)\n'
        "  add_subdirectory(bench)\nendif()\nif(S_BUILD_TESTS OR S_BUILD_ALL)\n"
        "  enable_testing()\n  add_subdirectory(tests)\nendif()\n"
    )
    files = {"CMakeLists.txt": cmake, "tests/t.cpp": "int main() { return 0; }\n"}
    assert chosen(make_subject, files)[0][0] == (
        "cmake -B build -DS_BUILD_TESTS=ON && cmake --build build && ctest --test-dir build"
    )
    files["CMakeLists.txt"] = cmake.replace('"Build tests" OFF', '"Build tests" ${MAIN}')
    assert chosen(make_subject, files)[0][0].startswith("cmake -B build && ")
    # CTest included at the top, the test directory behind a dependent option that is OFF
    files["CMakeLists.txt"] = (
        "project(y CXX)\ninclude(CTest)\ncmake_dependent_option(Y_BUILD_TESTS\n"
        '  "Enable tests" OFF\n  "BUILD_TESTING;Y_MAIN" OFF)\nif(Y_BUILD_TESTS)\n'
        "  add_subdirectory(test)\nendif()\n"
    )
    assert chosen(make_subject, files)[0][0] == (
        "cmake -B build -DY_BUILD_TESTS=ON && cmake --build build && ctest --test-dir build"
    )


def test_a_documented_autotools_block_is_the_command_from_its_first_step(
    make_subject: MakeSubject,
) -> None:
    readme = (
        "## Build\n\n```console\ngit submodule update --init    # for oniguruma\n"
        "autoreconf -i                  # if building from git\n./configure\nmake -j8\n"
        "make check\nsudo make install\n```\n"
    )
    files = {
        "README.md": readme,
        "configure.ac": "AC_INIT([jq], [1.8])\n",
        "Makefile.am": "bin_PROGRAMS = jq\nTESTS = tests/jqtest tests/shtest\n",
        "src/main.c": "int main(void) { return 0; }\n",
        "tests/jqtest": "#!/bin/sh\n",
    }
    assert chosen(make_subject, files)[0] == (
        "git submodule update --init && autoreconf -i && ./configure && make -j8 && make check",
        "README.md",
        4,
        "documented",
    )
    del files["Makefile.am"]  # no automake tests: `make check` promises nothing
    assert make_subject(files).facts.test_command is None


def test_a_cargo_workspace_with_a_root_package_is_tested_whole(make_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": "[package]\nname = 'regex'\n[workspace]\nmembers = ['regex-syntax']\n",
        "src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
        "regex-syntax/Cargo.toml": "[package]\nname = 'regex-syntax'\n",
        "regex-syntax/src/lib.rs": "#[cfg(test)]\nmod tests { #[test] fn t() {} }\n",
        "test": "#!/bin/bash\ncargo test\ncargo test --doc\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", "cargo test --verbose --test integration"),
            job("ubuntu-latest", "cargo test --verbose -p regex-syntax", name="syntax"),
            job("ubuntu-latest", "./test", name="full"),
        ),
    }
    assert chosen(make_subject, files)[0][:2] == ("cargo test --workspace", "Cargo.toml")


def test_a_phpunit_test_suite_or_a_watching_script_is_not_the_suite(
    make_subject: MakeSubject,
) -> None:
    php = {
        "composer.json": '{"require-dev": {"phpunit/phpunit": "^10"}}\n',
        "phpunit.xml.dist": "<phpunit/>\n",
        "tests/UriTest.php": "<?php\n",
        "Makefile": "test:\n\tvendor/bin/phpunit\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", 'vendor/bin/phpunit --testsuite "Unit Suite"')
        ),
    }
    assert chosen(make_subject, php)[0][:2] == ("make test", "Makefile")
    js = {
        "package.json": '{"scripts": {"dev": "vitest", "test": "vitest --run"},'
        ' "devDependencies": {"vitest": "^3"}}\n',
        "test/a.test.ts": "test('a', () => {})\n",
        "README.md": "Run `pnpm dev` or `pnpm test` to test.\n",
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    }
    assert chosen(make_subject, js)[0][0] == "pnpm test"  # `pnpm dev` watches as written


def test_a_marker_expression_that_only_leaves_tests_out_runs_the_suite(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "x"\nversion = "1"\n',
        "noxfile.py": "import nox\n\n\n@nox.session(python=['3.11', '3.12'])\n"
        "def tests(session):\n    session.install('pytest')\n"
        "    session.run('pytest', '-m', 'not conda')\n\n\n"
        "@nox.session\ndef conda_tests(session):\n    session.run('pytest', '-m', 'conda')\n",
        "tests/test_a.py": "def test_a():\n    pass\n",
    }
    # `-m "not conda"` deselects some tests and runs the rest: the nox session is the suite,
    # and it outranks the framework's bare default; `-m conda` alone is one marker's tests
    assert chosen(make_subject, files)[0][:2] == ("nox -s tests", "noxfile.py")


def test_a_ci_line_is_offered_without_the_options_that_colour_the_log(
    make_subject: MakeSubject,
) -> None:
    features = '--features "default serde"'
    files = {
        "Cargo.toml": '[package]\nname = "x"\nversion = "0.1.0"\n',
        "src/lib.rs": "#[cfg(test)]\nmod tests {\n    #[test]\n    fn a() {}\n}\n",
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", f"cargo test {features} --color=always -- --color=always")
        ),
    }
    # with its colour options the line is too long to hand over; without them it is CI's run
    assert chosen(make_subject, files)[0][:2] == (
        f"cargo test {features}",
        ".github/workflows/ci.yml",
    )


def test_a_tool_named_and_run_through_a_target_is_run_by_the_target(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "x"\nversion = "1"\n',
        "Makefile": "test:\n\tuv run pytest -n auto\n",
        "tests/test_a.py": "def test_a():\n    pass\n",
        "AGENTS.md": "# Agents\n\n- `ruff` via `make lint`\n"
        "- `pytest` in `tests/`, via `make test`\n",
    }
    assert chosen(make_subject, files)[0][:3] == ("make test", "AGENTS.md", 4)
    # a second tool is not a command that runs the first: `pytest` stays the instruction
    files["AGENTS.md"] = "# Agents\n\nRun `pytest` using `uv`.\n"
    assert chosen(make_subject, files)[0][:2] == ("pytest", "AGENTS.md")


def test_a_readme_that_shows_how_to_use_the_project_is_not_how_to_test_it(
    make_subject: MakeSubject,
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "runner"\nversion = "1"\n',
        "noxfile.py": "import nox\n\n\n@nox.session\ndef tests(session):\n"
        "    session.run('pytest')\n",
        "tests/test_a.py": "def test_a():\n    pass\n",
        "README.md": "# Runner\n\nRun it: `pytest -n auto`.\n\n## Usage\n\n### Run all\n\n"
        "```shell\nnox\n```\n\n## Contributing\n\nSee the guide.\n",
    }
    # the introduction and the Usage section show the product; the project's own session wins
    assert chosen(make_subject, files)[0][:2] == ("nox -s tests", "noxfile.py")
    files["README.md"] += "\n## Running the tests\n\n```shell\nnox -s tests -- -x\n```\n"
    assert chosen(make_subject, files)[0][:2] == ("nox -s tests -- -x", "README.md")


def test_a_script_that_the_suite_target_runs_among_others_is_a_part_of_it(
    make_subject: MakeSubject,
) -> None:
    scripts = {
        "test": "npm run test:unit && npm run test:wpt",
        "test:unit": "node --test test/",
        "test:wpt": "node --test wpt/",
    }
    files = {
        "package.json": json.dumps({"name": "u", "scripts": scripts}),
        "test/a.test.js": "require('node:test')\n",
        "CONTRIBUTING.md": "## WPT\n\nTo run all tests:\n\n```bash\nnpm run test:wpt\n```\n\n"
        "## Test\n\n```bash\nnpm run test\n```\n",
    }
    assert chosen(make_subject, files)[0][:2] == ("npm run test", "CONTRIBUTING.md")


def test_a_run_of_the_test_runner_that_the_suite_target_chains_with_more_is_a_part(
    make_subject: MakeSubject,
) -> None:
    scripts = {"test": "bun test && bun run test:types", "test:types": "tsc --noEmit"}
    files = {
        "package.json": json.dumps({"name": "e", "scripts": scripts}),
        "bun.lock": "{}\n",
        "test/a.test.ts": "import { test } from 'bun:test'\n",
        "CONTRIBUTING.md": "- `bun test` to run all the test inside `test/`\n\n"
        "Run the suite before review with `bun run test`.\n",
    }
    assert chosen(make_subject, files)[0][:2] == ("bun run test", "CONTRIBUTING.md")
    scripts["test"] = "bun test"  # the target is only the runner: the documented line stays
    files["package.json"] = json.dumps({"name": "e", "scripts": scripts})
    assert chosen(make_subject, files)[0][:2] == ("bun test", "CONTRIBUTING.md")


def test_a_run_on_one_pinned_rust_release_is_a_variant(make_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": '[package]\nname = "x"\nversion = "0.1.0"\n',
        "src/lib.rs": "#[cfg(test)]\nmod tests {\n    #[test]\n    fn a() {}\n}\n",
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "cargo +1.80 test --locked")),
    }
    # the minimum-version job ranks after the plain suite; `+nightly` may be what a crate needs
    assert chosen(make_subject, files)[0][:2] == ("cargo test", "Cargo.toml")
    files[".github/workflows/ci.yml"] = workflow(job("ubuntu-latest", "cargo +nightly test"))
    assert chosen(make_subject, files)[0][:2] == ("cargo +nightly test", ".github/workflows/ci.yml")


def test_autotools_without_documented_commands_configure_then_make_check(
    make_subject: MakeSubject,
) -> None:
    files = {
        "configure.ac": "AC_INIT([s], [1])\nAM_INIT_AUTOMAKE\n",
        "Makefile.am": "SUBDIRS = src test\n",
        "src/Makefile.am": "lib_LTLIBRARIES = libs.la\n",
        "test/Makefile.am": "TESTS_TARGETS = a b\ncheck_PROGRAMS = $(TESTS_TARGETS)\n",
        "test/a.c": "int main(void) { return 0; }\n",
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "cd build && ctest -R bindings")),
    }
    # make check recurses into SUBDIRS; ctest -R runs the tests one pattern picks; with no
    # bootstrap script of its own, autoreconf makes the configure script
    assert chosen(make_subject, files)[0][:2] == (
        "autoreconf -fi && ./configure && make && make check",
        "configure.ac",
    )


def test_meson_set_up_by_its_older_spelling_then_ninja_test(make_subject: MakeSubject) -> None:
    files = {
        "meson.build": "project('f', 'c')\ntest('t', executable('t', 't.c'))\n",
        "t.c": "int main(void) { return 0; }\n",
        ".github/workflows/ci.yml": workflow(
            job(
                "ubuntu-latest", "meson build -Ddocs=false", "ninja -C build", "ninja -C build test"
            )
        ),
    }
    assert chosen(make_subject, files)[0][0] == (
        "meson build -Ddocs=false && ninja -C build && ninja -C build test"
    )


def test_dotnet_test_names_the_solution_beside_another_project_file(
    make_subject: MakeSubject,
) -> None:
    files = {
        "Lib.sln": "\n",
        "default.proj": "<Project />\n",
        "test/Lib.Tests/Lib.Tests.csproj": '<Project><ItemGroup><PackageReference Include="xunit"'
        " /></ItemGroup></Project>\n",
    }
    # MSBuild stops at two project files in one folder (MSB1011)
    assert chosen(make_subject, files)[0][0] == "dotnet test Lib.sln"


def test_sections_for_filtering_or_specialised_suites_hold_parts_of_the_run(
    make_subject: MakeSubject,
) -> None:
    agents = (
        "## Build & Test\n\n```bash\n./gradlew :lib:build   # Full build\n```\n\n"
        "### Test Filtering\n\n```bash\n./gradlew :lib:test -Pkeys=strong\n```\n\n"
        "### Specialized Test Suites\n\n```bash\n./gradlew :lib:fuzzTest\n```\n"
    )
    files = {
        "settings.gradle": "include 'lib'\n",
        "gradlew": "#!/bin/sh\n",
        "lib/build.gradle": "dependencies { testImplementation 'junit:junit:4' }\n",
        "lib/src/test/java/ATest.java": "class ATest {}\n",
        "AGENTS.md": agents,
    }
    assert chosen(make_subject, files)[0][:3] == ("./gradlew :lib:build", "AGENTS.md", 4)


def test_a_usage_synopsis_with_optional_arguments_is_no_command() -> None:
    assert has_placeholders("mocha [spec..]") and has_placeholders("tool run [files...]")
    assert not has_placeholders("pytest tests/test_a.py::test_x[case-1]")
