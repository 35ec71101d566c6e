"""Workspaces: uv, pnpm, npm, yarn, bun, cargo, go, maven and gradle, and hostile declarations."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.discover import discover
from auditor.facts.ecosystem.build_modules import go_work_uses
from auditor.facts.ecosystem.gradle_settings import included_directories
from auditor.facts.ecosystem.member_globs import confined, expand_braces, matches, select_dirs
from auditor.facts.ecosystem.workspace import find_workspace
from auditor.facts.model import Workspace
from auditor.facts.subject import Subject
from auditor.index.build import build_index
from auditor.index.records import SourceFile
from auditor.index.repository import RepositoryIndex

MakeSubject = Callable[..., Subject]


@pytest.fixture
def fresh_subject(make_repo: Callable[..., Path]) -> MakeSubject:
    """Like `make_subject`, but each call builds a repository of its own (no files carried over)."""
    names = itertools.count()

    def make(files: dict[str, str]) -> Subject:
        root = make_repo(files, name=f"repo{next(names)}")
        return Subject(build_index(discover(root), want_syntax=False))

    return make


def workspace(fresh_subject: MakeSubject, files: dict[str, str]) -> Workspace | None:
    return find_workspace(fresh_subject(files).sources)


def memory_index(files: dict[str, str]) -> Subject:
    """An index over texts held in memory: no disk, for many hypothesis examples."""
    records = [
        SourceFile(path, len(text), str(hash(text)), None, 1, 1, True, False, False)
        for path, text in files.items()
    ]
    return Subject(RepositoryIndex(Path("/nonexistent"), records, dict(files), {}))


def test_single_package_repositories_have_no_workspace(fresh_subject: MakeSubject) -> None:
    assert workspace(fresh_subject, {"README.md": "hi"}) is None
    assert workspace(fresh_subject, {"pyproject.toml": '[project]\nname = "x"\n'}) is None
    assert workspace(fresh_subject, {"package.json": '{"name": "x"}'}) is None
    assert workspace(fresh_subject, {"go.mod": "module x\n", "main.go": "package main\n"}) is None
    assert workspace(fresh_subject, {"Cargo.toml": "[package]\nname = 'x'\n"}) is None


def test_uv_workspace_with_three_members(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": (
            '[project]\nname = "root"\n'
            "[tool.uv.workspace]\n"
            'members = ["packages/*", "libs/core"]\n'
            'exclude = ["packages/legacy"]\n'
        ),
        "uv.lock": "version = 1\n",
        "packages/api/pyproject.toml": '[project]\nname = "api"\n',
        "packages/cli/pyproject.toml": '[project]\nname = "cli"\n',
        "packages/legacy/pyproject.toml": '[project]\nname = "legacy"\n',
        "packages/notes/README.md": "not a package: no pyproject.toml",
        "libs/core/pyproject.toml": '[project]\nname = "core"\n',
    }
    assert workspace(fresh_subject, files) == Workspace(
        "uv", ("libs/core", "packages/api", "packages/cli")
    )


def test_pnpm_workspace(fresh_subject: MakeSubject) -> None:
    files = {
        "package.json": '{"name": "root", "private": true, "workspaces": ["ignored/*"]}',
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - 'apps/**'\n  - '!**/test/**'\n",
        "packages/ui/package.json": "{}",
        "packages/utils/package.json": "{}",
        "apps/web/package.json": "{}",
        "apps/web/test/package.json": "{}",
        "apps/admin/site/package.json": "{}",
        "ignored/x/package.json": "{}",
    }
    assert workspace(fresh_subject, files) == Workspace(
        "pnpm", ("apps/admin/site", "apps/web", "packages/ui", "packages/utils")
    )


def test_wildcards_into_examples_fixtures_and_docs_find_no_packages(
    fresh_subject: MakeSubject,
) -> None:
    files = {
        "package.json": json.dumps({"workspaces": ["packages/**", "examples/*", "docs", "e2e/**"]}),
        "packages/core/package.json": "{}",
        "packages/docs/package.json": "{}",
        "packages/core/__tests__/fixtures/app/package.json": "{}",
        "packages/core/__tests__/package.json": "{}",
        "examples/react/package.json": "{}",
        "e2e/smoke/package.json": "{}",
        "docs/package.json": "{}",
    }
    expected = Workspace("npm", ("docs", "packages/core", "packages/docs"))
    assert workspace(fresh_subject, files) == expected


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ({}, "npm"),
        ({"package-lock.json": "{}"}, "npm"),
        ({"yarn.lock": ""}, "yarn"),
        ({".yarnrc.yml": ""}, "yarn"),
        ({"bun.lockb": ""}, "bun"),
        ({"bun.lock": ""}, "bun"),
    ],
)
def test_npm_workspaces_and_their_kind(
    fresh_subject: MakeSubject, extra: dict[str, str], kind: str
) -> None:
    files = {
        "package.json": json.dumps({"private": True, "workspaces": ["packages/*", "tools/cli"]}),
        "packages/a/package.json": "{}",
        "packages/b/package.json": "{}",
        "tools/cli/package.json": "{}",
        **extra,
    }
    assert workspace(fresh_subject, files) == Workspace(
        kind, ("packages/a", "packages/b", "tools/cli")
    )


def test_yarn_workspaces_object_and_package_manager_field(fresh_subject: MakeSubject) -> None:
    manifest = {
        "packageManager": "yarn@1.22.19",
        "workspaces": {"packages": ["packages/{a,b}"], "nohoist": ["**/react"]},
    }
    files = {
        "package.json": json.dumps(manifest),
        "packages/a/package.json": "{}",
        "packages/b/package.json": "{}",
        "packages/c/package.json": "{}",
    }
    assert workspace(fresh_subject, files) == Workspace("yarn", ("packages/a", "packages/b"))


def test_cargo_workspace_with_exclude(fresh_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": (
            "[workspace]\n"
            'members = ["crates/*", "xtask", "."]\n'
            'exclude = ["crates/experimental"]\n'
            'resolver = "2"\n'
        ),
        "Cargo.lock": "",
        "crates/core/Cargo.toml": "[package]\n",
        "crates/cli/Cargo.toml": "[package]\n",
        "crates/experimental/Cargo.toml": "[package]\n",
        "crates/experimental/inner/Cargo.toml": "[package]\n",
        "xtask/Cargo.toml": "[package]\n",
    }
    assert workspace(fresh_subject, files) == Workspace(
        "cargo", ("crates/cli", "crates/core", "xtask")
    )


def test_go_single_module_multiple_modules_and_go_work(fresh_subject: MakeSubject) -> None:
    single = {"go.mod": "module example.com/app\n\ngo 1.22\n", "go.sum": "", "main.go": ""}
    assert workspace(fresh_subject, single) is None
    several = {
        "go.mod": "module example.com/app\n",
        "tools/go.mod": "module example.com/app/tools\n",
        "internal/testdata/mod/go.mod": "module fixture\n",
        "_attic/go.mod": "module old\n",
    }
    assert workspace(fresh_subject, several) == Workspace("go", ("tools",))
    go_work = {
        "go.work": "go 1.22\n\nuse (\n\t./api // the server\n\t./worker\n)\nuse ./shared\n",
        "api/go.mod": "module example.com/api\n",
        "worker/go.mod": "module example.com/worker\n",
        "shared/go.mod": "module example.com/shared\n",
    }
    assert workspace(fresh_subject, go_work) == Workspace("go", ("api", "shared", "worker"))
    only_one_used = {"go.work": "go 1.22\nuse ./api\n", "api/go.mod": "module a\n"}
    assert workspace(fresh_subject, only_one_used) == Workspace("go", ("api",))


POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <artifactId>{name}</artifactId>
  <packaging>{packaging}</packaging>
  <modules>{modules}</modules>
</project>
"""


def pom(name: str, *modules: str, packaging: str = "jar") -> str:
    listed = "".join(f"<module>{module}</module>" for module in modules)
    return POM.format(name=name, packaging=packaging, modules=listed)


def test_maven_multi_module_with_a_nested_aggregator(fresh_subject: MakeSubject) -> None:
    files = {
        "pom.xml": pom("root", "core", "services", "missing", "../outside", packaging="pom"),
        "core/pom.xml": pom("core"),
        "services/pom.xml": pom("services", "api", "worker", packaging="pom"),
        "services/api/pom.xml": pom("api"),
        "services/worker/pom.xml": pom("worker"),
        "unlisted/pom.xml": pom("unlisted"),
    }
    assert workspace(fresh_subject, files) == Workspace(
        "maven", ("core", "services/api", "services/worker")
    )


def test_maven_profile_modules_count_only_when_active_by_default(
    fresh_subject: MakeSubject,
) -> None:
    root = pom("root", "core", packaging="pom").replace(
        "</project>",
        "<profiles>"
        "<profile><id>its</id><modules><module>its</module></modules></profile>"
        "<profile><id>all</id><activation><activeByDefault>true</activeByDefault></activation>"
        "<modules><module>extra</module></modules></profile>"
        "</profiles></project>",
    )
    files = {
        "pom.xml": root,
        "core/pom.xml": pom("core"),
        "its/pom.xml": pom("its"),
        "extra/pom.xml": pom("extra"),
    }
    assert workspace(fresh_subject, files) == Workspace("maven", ("core", "extra"))


def test_maven_module_cycles_end(fresh_subject: MakeSubject) -> None:
    files = {"pom.xml": pom("root", "a"), "a/pom.xml": pom("a", "..", "../a")}
    assert workspace(fresh_subject, files) == Workspace("maven", ("a",))


def test_gradle_settings_includes(fresh_subject: MakeSubject) -> None:
    files = {
        "settings.gradle.kts": (
            'rootProject.name = "app"\n'
            'include(":app", ":lib:core")\n'
            '// include(":commented")\n'
            'includeBuild("build-logic")\n'
        ),
        "app/build.gradle.kts": "",
        "lib/core/src/Main.kt": "",
        "commented/build.gradle.kts": "",
        "build-logic/build.gradle.kts": "",
    }
    assert workspace(fresh_subject, files) == Workspace("gradle", ("app", "lib/core"))
    groovy = {"settings.gradle": "include ':a', ':b'\ninclude 'missing'\n", "a/x": "", "b/y": ""}
    assert workspace(fresh_subject, groovy) == Workspace("gradle", ("a", "b"))


def test_gradle_includes_over_several_lines() -> None:
    text = (
        'include(\n  ":a",\n  ":b:c",\n)\n'
        'include ":d",\n   ":e"\n'
        "include ':f'\n"
        'includeBuild("x")\n'
        '/* include(":no") */ include(":g") // include(":h")\n'
    )
    assert included_directories(text) == ["a", "b/c", "d", "e", "f", "g"]


def test_go_work_use_forms() -> None:
    text = 'go 1.22\nuse ( ./one )\nuse (\n ./a // c\n\t"./b"\n)\nuse ./c\nuser ./x\nuse\t./tab\n'
    assert go_work_uses(text) == {"one", "a", "b", "c", "tab"}


@pytest.mark.parametrize(
    "text",
    [
        "include(" * 100_000,
        "/*" * 100_000,
        "include '" * 100_000,
        "include ':a',\n" * 50_000,
        ("include(" + "'a'," * 2000) * 50,
        "use (\n" * 100_000,
    ],
)
def test_pathological_settings_and_go_work_finish(text: str) -> None:
    assert len(included_directories(text)) <= len(text)
    assert len(go_work_uses(text)) <= 1


def test_the_workspace_with_most_packages_wins(fresh_subject: MakeSubject) -> None:
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\n',
        "crates/a/Cargo.toml": "",
        "crates/b/Cargo.toml": "",
        "package.json": '{"workspaces": ["site"]}',
        "site/package.json": "{}",
    }
    assert workspace(fresh_subject, files) == Workspace("cargo", ("crates/a", "crates/b"))


def test_hostile_members_are_ignored(fresh_subject: MakeSubject) -> None:
    files = {
        "pyproject.toml": (
            "[tool.uv.workspace]\n"
            'members = ["../..", "/etc", "C:/x", "a/../../b", 7, ["x"], {a = 1}, "ok", ""]\n'
            "exclude = 5\n"
        ),
        "ok/pyproject.toml": "",
    }
    assert workspace(fresh_subject, files) == Workspace("uv", ("ok",))
    assert workspace(fresh_subject, {"package.json": '{"workspaces": "packages/*"}'}) is None
    assert workspace(fresh_subject, {"package.json": '{"workspaces": {"packages": 3}}'}) is None
    assert workspace(fresh_subject, {"Cargo.toml": "workspace = 3\n"}) is None
    assert (
        workspace(fresh_subject, {"pnpm-workspace.yaml": "- a\n- b\n", "a/package.json": ""})
        is None
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", "[tool.uv.workspace\nmembers = ["),
        ("package.json", '{"workspaces": ['),
        ("Cargo.toml", "[workspace]\nmembers = [\n"),
        ("pnpm-workspace.yaml", "packages: [\n  - a: : :\n"),
        ("pom.xml", "<project><modules><module>a</module>"),
        ("pom.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><project>&a;</project>'),
    ],
)
def test_malformed_declarations_are_diagnostics(
    fresh_subject: MakeSubject, name: str, text: str
) -> None:
    index = fresh_subject({name: text, "a/package.json": "{}", "a/pom.xml": "<project/>"})
    src = index.sources
    assert find_workspace(src) is None
    assert [(d.path, d.kind) for d in src.diagnostics] == [(name, "malformed")]
    assert name in [d.path for d in index.facts.diagnostics]


@pytest.mark.parametrize(
    ("pattern", "path", "matched"),
    [
        ("packages/*", "packages/a", True),
        ("packages/*", "packages/a/b", False),
        ("packages/*", "packages/.hidden", False),
        ("packages/**", "packages/a/b", True),
        ("**/lib", "x/y/lib", True),
        ("**", "a/b", True),
        ("p?", "pa", True),
        ("[ab]x", "bx", True),
        ("a/**/b/**/c", "a/b/c", True),
        ("a/**/b/**/c", "a/x/b/y/z/c", True),
        ("a/**/b/**/c", "a/x/c", False),
    ],
)
def test_glob_segments(pattern: str, path: str, matched: bool) -> None:
    assert matches(tuple(pattern.split("/")), tuple(path.split("/"))) is matched


def test_confined_and_braces() -> None:
    assert confined("./a/b/") == "a/b"
    assert confined("a/../b") == "b"
    assert confined(".") == ""
    assert confined("..", "sub") == ""
    assert confined("../x", "sub") == "x"
    assert confined("../../x", "sub") is None
    assert confined("/abs") is None
    assert expand_braces("p/{a,b}/{c,d}") == ("p/a/c", "p/a/d", "p/b/c", "p/b/d")
    assert len(expand_braces("{a,b}" * 40)) == 64


def test_deep_globstars_stay_fast() -> None:
    pattern = "/".join(["**"] * 200 + ["x"])
    path = "/".join(["a"] * 200)
    assert select_dirs([path], [pattern]) == ()


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
declarations = st.sampled_from(
    ["pyproject.toml", "package.json", "Cargo.toml", "pnpm-workspace.yaml", "go.work",
     "pom.xml", "settings.gradle", "settings.gradle.kts"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(name=declarations, text=texts, member=texts)
def test_any_declaration_text_never_raises(name: str, text: str, member: str) -> None:
    files = {name: text, "pkg/pyproject.toml": "", "pkg/package.json": "{}", "pkg/go.mod": ""}
    found = find_workspace(memory_index(files).sources)
    assert found is None or set(found.packages) <= {"pkg"}


@settings(max_examples=300, deadline=None)
@given(members=st.lists(st.one_of(texts, st.integers(), st.none()), max_size=8))
def test_any_member_list_stays_inside_the_root(members: list[object]) -> None:
    manifest = json.dumps({"workspaces": members})
    files = {"package.json": manifest, "a/package.json": "{}", "a/b/package.json": "{}"}
    found = find_workspace(memory_index(files).sources)
    assert found is None or set(found.packages) <= {"a", "a/b"}
