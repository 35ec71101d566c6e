"""C projects built two ways: the README's own autotools steps, and the CMake option that
really gates the tests."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject, chosen, job, workflow

README = (
    "From a release tarball:\n\n   $ ./configure\n   $ make\n\n"
    "To run the test suite, invoke::\n\n   $ make check\n\n"
    "From a Git checkout, generate the configure script first::\n\n   $ autoreconf -i\n"
)
AUTOTOOLS = {
    "configure.ac": "AC_INIT([j], [1])\nAM_INIT_AUTOMAKE\nAC_OUTPUT\n",
    "Makefile.am": "SUBDIRS = src test\n",
    "test/Makefile.am": "TESTS = run-suites\n",
    "src/j.c": "int j(void) { return 0; }\n",
}


def test_a_documented_make_check_takes_the_documents_own_configure_steps(
    make_subject: MakeSubject,
) -> None:
    files = {**AUTOTOOLS, "README.rst": README}
    assert chosen(make_subject, files)[0] == (
        "autoreconf -i && ./configure && make check", "README.rst", 8, "documented",
    )  # fmt: skip
    # without a documented configure step, the build tool's own chain; nor are a CI file's
    # steps of other jobs joined (each job configures its own way)
    files["README.rst"] = "To run the test suite, invoke::\n\n   $ make check\n"
    files[".github/workflows/ci.yml"] = workflow(
        job("ubuntu-latest", "autoreconf -i", 'env CFLAGS="-O0" ./configure --x', name="a"),
        job("ubuntu-latest", "echo checking", "echo now", "make check", name="b"),
    )
    assert chosen(make_subject, files)[0][:2] == (
        "autoreconf -fi && ./configure && make && make check", "configure.ac",
    )  # fmt: skip


CMAKE = (
    "project(j C)\n"
    'option(J_WITHOUT_TESTS "Do not build tests" OFF)\n'
    "if (NOT J_WITHOUT_TESTS)\n"
    '  option(J_TEST_WITH_VALGRIND "Enable valgrind tests." OFF)\n'
    "  enable_testing()\n"
    "  if (J_TEST_WITH_VALGRIND)\n    add_test(memcheck__t valgrind t)\n"
    "  else()\n    add_test(t t)\n  endif()\n"
    "endif()\n"
)


def test_tests_added_in_the_else_branch_of_an_option_need_no_option(
    make_subject: MakeSubject,
) -> None:
    files = {"CMakeLists.txt": CMAKE, "test/t.c": "int main(void) { return 0; }\n"}
    assert chosen(make_subject, files)[0][0] == (
        "cmake -B build && cmake --build build && ctest --test-dir build"
    )
    # only under the option: configuring turns it on
    files["CMakeLists.txt"] = CMAKE.replace("  else()\n    add_test(t t)\n", "")
    assert chosen(make_subject, files)[0][0] == (
        "cmake -B build -DJ_TEST_WITH_VALGRIND=ON && cmake --build build && ctest --test-dir build"
    )


def test_a_documented_cmake_build_whose_test_line_is_left_to_fill_runs_ctest_there(
    make_subject: MakeSubject,
) -> None:
    agents = (
        "## Build and test\n\n```sh\ncmake -DLIB_TESTS=ON -G Ninja -B build\nninja -C build\n"
        "./build/bin/libtest --gtest_filter='<Pattern>'\n```\n"
    )
    files = {
        "CMakeLists.txt": 'project(lib C)\noption(LIB_TESTS "tests" OFF)\n'
        "if(LIB_TESTS)\n  enable_testing()\n  add_subdirectory(test)\nendif()\n",
        "src/lib.c": "int lib(void) { return 0; }\n",
        "AGENTS.md": agents,
        ".github/workflows/ci.yml": workflow(job("ubuntu-latest", "./ci/run.sh")),
    }
    assert chosen(make_subject, files)[0] == (
        "cmake -DLIB_TESTS=ON -G Ninja -B build && ninja -C build && ctest --test-dir build",
        "AGENTS.md", 4, "documented",
    )  # fmt: skip
    # a test line that runs as written is the document's own
    files["AGENTS.md"] = agents.replace(" --gtest_filter='<Pattern>'", "")
    texts = [c.text for c in make_subject(files).facts.test_commands]
    assert not any("ctest --test-dir build" in t and "ninja" in t for t in texts)
