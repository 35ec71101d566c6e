"""The build tool's own test run of an autotools project: GNU's configure, make, make check,
the configure script made by the project's bootstrap script as the repository runs it, and a
project that lives in one top-level directory run from there."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject, chosen, job, workflow

AUTOMAKE = {
    "configure.ac": "AC_INIT([s], [1])\nAM_INIT_AUTOMAKE\n",
    "Makefile.am": "SUBDIRS = test\n",
    "test/Makefile.am": "check_PROGRAMS = a\nTESTS = a\n",
    "test/a.c": "int main(void) { return 0; }\n",
}


def test_the_bootstrap_script_runs_as_the_repository_runs_it(make_subject: MakeSubject) -> None:
    files = {
        **AUTOMAKE,
        "autogen.sh": '#!/bin/sh\n[ "$1" = -s ] || exit 0\nautoreconf -fi\n',
        ".github/workflows/ci.yml": workflow(
            job("ubuntu-latest", "./autogen.sh -s", "./configure --enable-minimal"),
            job("ubuntu-latest", "make -j $(nproc) check", name="check"),
        ),
    }
    # CI's own lines do not run alone (`make` before any `./configure`, `$(nproc)`), so the
    # build tool's run: the script with the arguments CI gives it (without `-s` it does nothing)
    assert chosen(make_subject, files)[0][:4] == (
        "./autogen.sh -s && ./configure && make && make check",
        "configure.ac",
        None,
        "build-tool",
    )
    # never run by the repository: the script as it is; none at all: autoreconf
    del files[".github/workflows/ci.yml"]
    assert chosen(make_subject, files)[0][0] == "./autogen.sh && ./configure && make && make check"
    files["buildconf.sh"] = files.pop("autogen.sh")
    assert (
        chosen(make_subject, files)[0][0] == "./buildconf.sh && ./configure && make && make check"
    )
    del files["buildconf.sh"]
    assert chosen(make_subject, files)[0][0] == (
        "autoreconf -fi && ./configure && make && make check"
    )


def test_a_project_in_the_one_top_level_directory_is_run_from_there(
    make_subject: MakeSubject,
) -> None:
    project = {f"expat/{path}": text for path, text in AUTOMAKE.items()}
    files = {
        **project,
        "expat/buildconf.sh": "#!/bin/sh\nautoreconf -fi\n",
        "README.md": "# Expat\n",
        ".ci.sh": "cd expat\n./buildconf.sh\n",
    }
    assert chosen(make_subject, files)[0][:2] == (
        "cd expat && ./buildconf.sh && ./configure && make && make check",
        "expat/configure.ac",
    )
    # CMake beside it: ctest's run of that directory ranks first (autotools' flags are a guess)
    files["expat/CMakeLists.txt"] = (
        "project(expat C)\nenable_testing()\nadd_test(NAME a COMMAND a)\n"
    )
    commands = [c.text for c in make_subject(files).facts.test_commands]
    assert commands[:2] == [
        "cmake -S expat -B build && cmake --build build && ctest --test-dir build",
        "cd expat && ./buildconf.sh && ./configure && make && make check",
    ]
    # a second top-level project: which one is the repository's is not known
    files.update({f"other/{path}": text for path, text in AUTOMAKE.items()})
    assert make_subject(files).facts.test_command is None
    # a root that builds itself is not run from a subdirectory
    del files["other/configure.ac"]
    files.update(AUTOMAKE)
    assert chosen(make_subject, files)[0][0] == (
        "autoreconf -fi && ./configure && make && make check"
    )
