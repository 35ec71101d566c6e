"""A README's test line set up by the earlier code blocks of its section: the build blocks
above "Next, run the tests" are joined to it, `cmake -E chdir build ctest` runs in build/, and
the line that makes the build directory comes along."""

from __future__ import annotations

from auditor.facts.model import Command
from auditor.facts.runners.resolution import located_invocations
from auditor.facts.shell.invocations import invocations
from tests.facts.test_test_command import MakeSubject, chosen

CMAKE = "project(b CXX)\nenable_testing()\nadd_test(NAME t COMMAND t)\n"
BUILD = (
    "## Installation\n\n```bash\n# Check out the library.\n"
    "$ git clone https://github.com/google/benchmark.git\n$ cd benchmark\n"
    '$ cmake -E make_directory "build"\n'
    '$ cmake -DCMAKE_BUILD_TYPE=Release -S . -B "build"\n'
    '$ cmake --build "build" --config Release\n```\n\n'
    "This builds the library and tests:\n\n```\n/benchmark\n  /build\n```\n\n"
)
TESTS = (
    "Next, you can run the tests.\n\n```bash\n"
    '$ cmake -E chdir "build" ctest --build-config Release\n```\n'
)


def test_earlier_blocks_of_the_section_set_the_test_line_up(make_subject: MakeSubject) -> None:
    files = {"CMakeLists.txt": CMAKE, "test/t.cc": "int main() {}\n", "README.md": BUILD + TESTS}
    assert chosen(make_subject, files)[0] == (
        "cmake -E make_directory build && cmake -DCMAKE_BUILD_TYPE=Release -S . -B build"
        " && cmake --build build --config Release && cmake -E chdir build ctest --build-config"
        " Release",
        "README.md",
        7,
        "documented",
    )
    # under a heading of its own the line runs alone, where no build directory is: not a run
    files["README.md"] = BUILD + "## Testing\n\n" + TESTS
    assert chosen(make_subject, files)[0][:2] == (
        "cmake -B build && cmake --build build && ctest --test-dir build",
        "CMakeLists.txt",
    )


def test_cmake_e_chdir_runs_its_command_in_the_directory() -> None:
    found = invocations("cmake -E chdir build ctest -C Release && make")
    assert [(i.program, i.args, i.directory) for i in found] == [
        ("ctest", ("-C", "Release"), "build"),
        ("make", (), ""),
    ]
    command = Command("cd src && cmake -E chdir out ctest && make", "README.md", 1, "docs")
    located = [(i.program, cwd) for i, cwd in located_invocations(command)]
    assert located == [("ctest", "src/out"), ("make", "src")]
