"""NUKE builds: which target runs the tests, so which build-script run is a test command."""

from __future__ import annotations

from tests.facts.test_test_command import CSPROJ, MakeSubject, chosen

BUILD_CS = (
    "partial class Build : NukeBuild\n{\n"
    "   public static int Main() => Execute<Build>(x => x.Compile);\n\n"
    "   Target Clean => _ => _\n    .Executes(() => { });\n\n"
    "   Target Compile => _ => _\n    .DependsOn(Clean)\n    .Executes(() => DotNetBuild());\n\n"
    "   Target Test => _ => _\n    .DependsOn(Compile)\n"
    "    .Executes(() =>\n    {\n       DotNetTest(t => t.SetProjectFile(Tests));\n    });\n\n"
    "   Target Pack => _ => _\n    .DependsOn(Compile);\n\n"
    "   Target CI => _ => _\n    .DependsOn(Test, Pack);\n}\n"
)
NUKE_PROJECT = (
    '<Project Sdk="Microsoft.NET.Sdk"><PackageReference Include="Nuke.Common" /></Project>'
)
FILES = {
    "build.sh": '#!/usr/bin/env bash\nTEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"\n'
    'dotnet run --project "$BUILD_PROJECT_FILE" -- "$@"\n',
    "build.cmd": "dotnet nuke %1 --root .\n",
    "Source/Builder/Builder.csproj": NUKE_PROJECT,
    "Source/Builder/Build.cs": BUILD_CS,
    "Source/Lib/Lib.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    "Source/Lib.Tests/Lib.Tests.csproj": CSPROJ,
    "Source/Lib.Tests/ATests.cs": "public class ATests { [Fact] public void A() {} }\n",
}


def test_a_nuke_build_is_run_with_the_target_that_tests(make_subject: MakeSubject) -> None:
    # its default target (Compile) runs no tests, so the bare script is no test command
    assert chosen(make_subject, FILES)[0] == ("./build.sh test", "build.sh", None, "build-tool")
    subject = make_subject(FILES)
    assert "./build.sh" not in [c.text for c in subject.facts.test_commands]


def test_a_ci_run_of_a_nuke_target_that_depends_on_the_tests_runs_them(
    make_subject: MakeSubject,
) -> None:
    for step, tests in (("build.cmd ci", True), ("build.cmd pack", False), ("build.cmd", False)):
        files = {**FILES, "appveyor.yml": f"build_script:\n- {step}\ntest: off\n"}
        subject = make_subject(files)
        assert (subject.facts.test_command.text == step) is tests, step
