"""Discovery on hostile trees, in a git work tree and in a plain directory alike."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.discover import discover
from auditor.index.build import build_index
from auditor.model import Diagnostic
from tests.conftest import Files, index_repo, write_repo

Links = Mapping[str, str]
MakeTree = Callable[..., Path]


def commit_all(root: Path) -> None:
    """Make `root` a git repository holding everything in it (links as links)."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init")


@pytest.fixture(params=["git", "walk"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_tree(tmp_path: Path, mode: str) -> MakeTree:
    """make_tree(files, links={link: target}) -> a repository root, committed in git mode."""

    def make(files: Files, links: Links | None = None) -> Path:
        root = write_repo(tmp_path / "repo", files)
        for link, target in (links or {}).items():
            (root / link).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, root / link)
        if mode == "git":
            commit_all(root)
        return root

    return make


def kinds(diagnostics: tuple[Diagnostic, ...], path: str) -> list[str]:
    return [f"{d.kind}: {d.message}" for d in diagnostics if d.path == path]


def test_mode_is_what_the_tree_is(make_tree: MakeTree, mode: str) -> None:
    found = discover(make_tree({"a.py": "x = 1\n"}))
    assert found.is_git is (mode == "git")
    assert (found.commit is not None) is (mode == "git")
    assert found.files == ("a.py",)


def test_symlink_loop_is_recorded_not_followed(make_tree: MakeTree) -> None:
    found = discover(make_tree({"ok.py": ""}, links={"a": "b", "b": "a"}))
    assert found.files == ("ok.py",)
    assert found.symlinks == ("a", "b")
    assert kinds(found.diagnostics, "a") == ["symlink: symbolic link loops: not followed"]
    assert kinds(found.diagnostics, "b") == ["symlink: symbolic link loops: not followed"]


def test_directory_symlink_loop_is_not_descended(make_tree: MakeTree) -> None:
    found = discover(make_tree({"d/x.py": "x = 1\n"}, links={"d/loop": ".."}))
    assert found.files == ("d/x.py",)
    assert found.symlinks == ("d/loop",)
    assert kinds(found.diagnostics, "d/loop") == ["symlink: symbolic link loops: not followed"]


def test_symlink_out_of_the_root_is_never_read(make_tree: MakeTree, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password = hunter2\n")
    root = make_tree({"a.py": ""}, links={"leak.txt": str(secret), "rel.txt": "../secret.txt"})
    index = index_repo(root, want_syntax=False)
    assert [f.path for f in index.files] == ["a.py"]
    assert index.symlinks == ("leak.txt", "rel.txt")
    assert index.text("leak.txt") is None
    assert kinds(index.diagnostics, "leak.txt") == [
        "symlink: symbolic link leaves the repository: not followed"
    ]
    assert len(kinds(index.diagnostics, "rel.txt")) == 1


def test_symlink_to_a_file_inside_is_counted_once(make_tree: MakeTree) -> None:
    root = make_tree({"AGENTS.md": "# Agents\n"}, links={"CLAUDE.md": "AGENTS.md"})
    found = discover(root)
    assert found.files == ("AGENTS.md",)
    assert found.symlinks == ("CLAUDE.md",)
    assert found.diagnostics == ()


def test_two_links_to_an_unlisted_file_count_it_once(make_tree: MakeTree) -> None:
    files = {".gitignore": "hidden/\n", "hidden/data.txt": "x\n"}
    found = discover(make_tree(files, links={"a.txt": "hidden/data.txt", "b.txt": "a.txt"}))
    assert found.files == (".gitignore", "a.txt")


def test_link_into_an_excluded_tree_is_not_counted(make_tree: MakeTree) -> None:
    files = {".gitignore": "node_modules/\n", "node_modules/pad/index.js": "", "a.js": ""}
    found = discover(make_tree(files, links={"pad.js": "node_modules/pad/index.js"}))
    assert found.files == (".gitignore", "a.js")
    assert found.symlinks == ("pad.js",)
    assert found.excluded == ()  # ignored by git, so not "left out as vendored"


def test_link_standing_for_an_excluded_directory(make_tree: MakeTree, tmp_path: Path) -> None:
    venv = write_repo(tmp_path / "venvs" / "app", {"bin/python": ""})
    found = discover(make_tree({"a.py": ""}, links={".venv": str(venv), "web/node_modules": ".."}))
    assert found.files == ("a.py",)
    assert found.excluded == (".venv/", "web/node_modules/")
    assert found.diagnostics == ()


def test_dangling_links_are_diagnosed_and_directory_links_only_recorded(
    make_tree: MakeTree,
) -> None:
    links = {"gone.py": "missing.py", "docs": "website/docs"}
    found = discover(make_tree({"website/docs/index.md": "# Docs\n"}, links=links))
    assert found.files == ("website/docs/index.md",)
    assert kinds(found.diagnostics, "gone.py") == ["symlink: symbolic link dangles: not followed"]
    assert kinds(found.diagnostics, "docs") == []  # its files are indexed where they live
    assert "docs" in found.symlinks


def test_odd_file_names(make_tree: MakeTree) -> None:
    names = [
        "with space.py",
        "ünïcödé.md",
        "日本語/ファイル.txt",
        "-dash.py",
        "#hash!.txt",
        "[brackets]*?.txt",
        "quote'\"s.txt",
        "back\\slash.txt",
        "tab\tname.txt",
    ]
    found = discover(make_tree({name: "x\n" for name in names}))
    assert found.files == tuple(sorted(names))


def test_undecodable_file_name_is_a_diagnostic(make_tree: MakeTree, tmp_path: Path) -> None:
    root = make_tree({"ok.py": ""})
    with open(os.path.join(os.fsencode(root), b"bad\xff.py"), "wb") as stream:
        stream.write(b"x = 1\n")
    found = discover(root)
    assert found.files == ("ok.py",)
    assert [d.kind for d in found.diagnostics] == ["unreadable"]
    assert found.diagnostics[0].path == "bad\ufffd.py"


GITIGNORED = {
    ".gitignore": "*.log\nout/\n/top.txt\n",
    "app.log": "",
    "out/a.py": "",
    "top.txt": "",
    "keep.py": "",
    "sub/.gitignore": "!keep.log\nlocal.txt\n",
    "sub/keep.log": "",
    "sub/other.log": "",
    "sub/local.txt": "",
    "sub/top.txt": "",
    "sub/deeper/local.txt": "",
    "sub/deeper/out/b.py": "",
}


def test_gitignore_files_nested_files_and_negations(make_tree: MakeTree) -> None:
    found = discover(make_tree(GITIGNORED))
    assert found.files == (".gitignore", "keep.py", "sub/.gitignore", "sub/keep.log", "sub/top.txt")
    assert found.excluded == ()


def test_a_directory_pattern_without_a_name_is_matched_as_git_matches_it(
    make_tree: MakeTree, tmp_path: Path
) -> None:
    """`*/` ignores every directory: pathspec leaves its expression unanchored, and the
    walk's one-regex prefilter must not read it as "paths starting with a slash"."""
    tree = {".gitignore": "*/\n", "top.py": "", "pkg/mod.py": "", "pkg/deep/x.py": ""}
    walked = discover(make_tree(tree)).files
    repo = write_repo(tmp_path / "git", tree, git=True)
    assert walked == discover(repo).files == (".gitignore", "top.py")


def test_gitignore_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "rules").write_text("*.py\n")
    root = write_repo(tmp_path / "repo", {"a.py": ""})
    os.symlink(tmp_path / "rules", root / ".gitignore")
    assert discover(root).files == ("a.py",)


DEFAULT_EXCLUDED = {
    "src/app.py": "",
    "node_modules/left/index.js": "",
    "web/node_modules/pad/index.js": "",
    "vendor/lib.go": "",
    "pkg/vendor/lib.go": "",
    ".venv/lib/site.py": "",
    "tools/.venv/bin/activate": "",
    "build/out.js": "",
    "dist/app.whl": "",
    "pkg/build/helper.py": "",
    "pkg/dist/readme.txt": "",
    "static/app.min.js": "",
}


def test_default_excludes(make_tree: MakeTree) -> None:
    found = discover(make_tree(DEFAULT_EXCLUDED))
    assert found.files == ("pkg/build/helper.py", "pkg/dist/readme.txt", "src/app.py")
    assert found.excluded == (
        ".venv/",
        "build/",
        "dist/",
        "node_modules/",
        "pkg/vendor/",
        "static/app.min.js",
        "tools/.venv/",
        "vendor/",
        "web/node_modules/",
    )


def test_default_excludes_can_be_turned_off(make_tree: MakeTree) -> None:
    found = discover(make_tree(DEFAULT_EXCLUDED), default_excludes=False)
    assert len(found.files) == len(DEFAULT_EXCLUDED)
    assert found.excluded == ()


def test_linguist_attributes(make_tree: MakeTree) -> None:
    files = {
        ".gitattributes": (
            "# generated and vendored code\n"
            "gen/** linguist-generated\n"
            "*.pb.go linguist-generated=true\n"
            "third/** linguist-vendored\n"
            "vendor/** -linguist-vendored\n"
            "docs/** linguist-documentation\n"
            "*.txt text eol=lf\n"
        ),
        "gen/a/b.py": "",
        "gen/c.py": "",
        "api/x.pb.go": "",
        "api/x.go": "",
        "third/lib/z.js": "",
        "vendor/ours.go": "",
        "docs/a.md": "",
        "notes.txt": "",
        "sub/.gitattributes": "out/** linguist-generated\n",
        "sub/out/g.py": "",
        "out/h.py": "",
    }
    found = discover(make_tree(files))
    assert found.excluded == ("api/x.pb.go", "gen/", "sub/out/", "third/")
    assert found.files == (
        ".gitattributes",
        "api/x.go",
        "docs/a.md",
        "notes.txt",
        "out/h.py",
        "sub/.gitattributes",
        "vendor/ours.go",
    )


def test_user_excludes_come_last(make_tree: MakeTree) -> None:
    root = make_tree({"a.py": "", "b.py": "", "fixtures/big.json": ""})
    found = discover(root, exclude=["fixtures/", "b.py"])
    assert found.files == ("a.py",)
    assert found.excluded == ("b.py", "fixtures/")


def test_gitattributes_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "attributes").write_text("*.py linguist-generated\n")
    root = write_repo(tmp_path / "repo", {"a.py": ""})
    os.symlink(tmp_path / "attributes", root / ".gitattributes")
    assert discover(root).files == ("a.py",)


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"a.py": ""})
    os.mkfifo(root / "pipe")
    found = discover(root)
    assert found.files == ("a.py",)
    assert kinds(found.diagnostics, "pipe") == ["special: not a regular file: not read"]
    index_repo(root)  # and building the index does not block on it


def test_tracked_path_through_a_replaced_directory_link(tmp_path: Path) -> None:
    """git still lists d/x.py after d became a link out of the root: it must not be read."""
    outside = write_repo(tmp_path / "outside", {"x.py": "SECRET = 1\n"})
    root = write_repo(tmp_path / "repo", {"d/x.py": "x = 1\n", "a.py": ""})
    commit_all(root)
    (root / "d/x.py").unlink()
    (root / "d").rmdir()
    os.symlink(outside, root / "d")
    found = discover(root)
    assert found.files == ("a.py",)
    assert kinds(found.diagnostics, "d/x.py") == [
        "symlink: path passes through a symbolic link: not followed"
    ]


def test_fsmonitor_hook_of_the_audited_repository_never_runs(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"a.py": "x = 1\n"})
    commit_all(root)
    marker = tmp_path / "fsmonitor-ran"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n")
    hook.chmod(0o755)
    subprocess.run(["git", "config", "core.fsmonitor", str(hook)], cwd=root, check=True)
    found = discover(root)
    assert found.is_git and found.files == ("a.py",)
    assert not marker.exists()
    # the control: git itself does run the hook, so the test above means something
    subprocess.run(["git", "status"], cwd=root, capture_output=True, check=False)
    if not marker.exists():
        pytest.skip("this git does not run core.fsmonitor hooks; nothing was at stake")


def test_callers_git_environment_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write_repo(tmp_path / "other", {"other.py": ""}, git=True)
    root = write_repo(tmp_path / "repo", {"mine.py": ""}, git=True)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    found = discover(root)
    assert found.is_git
    assert found.files == ("mine.py",)


def test_directory_ignored_by_an_enclosing_repository_is_walked(tmp_path: Path) -> None:
    outer = write_repo(tmp_path / "outer", {".gitignore": "checkouts/\n", "x.py": ""}, git=True)
    inner = write_repo(outer / "checkouts" / "project", {"a.py": "", "b/c.md": ""})
    found = discover(inner)
    assert not found.is_git
    assert found.files == ("a.py", "b/c.md")


def test_subdirectory_of_a_repository(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"pkg/a.py": "", "pkg/sub/b.py": "", "c.py": ""}, git=True)
    found = discover(root / "pkg")
    assert found.is_git
    assert found.files == ("a.py", "sub/b.py")


def test_untracked_files_count_and_ignored_ones_do_not(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {".gitignore": "*.tmp\n", "a.py": ""}, git=True)
    (root / "new.md").write_text("new\n")
    (root / "scratch.tmp").write_text("x\n")
    assert discover(root).files == (".gitignore", "a.py", "new.md")


# --- property-based: random trees never crash discovery or the build ---------------------

SEGMENT = st.text(alphabet="abcxyz0123_-", min_size=1, max_size=6)
EXTENSION = st.sampled_from(["", ".py", ".md", ".txt", ".js", ".json"])
PATH = st.builds(
    lambda dirs, name, ext: "/".join([*dirs, name + ext]),
    st.lists(SEGMENT, max_size=3),
    SEGMENT,
    EXTENSION,
)
LINK_TARGETS = st.sampled_from(["file", "..", ".", "self", "missing", "outside", "absolute"])


def consistent(paths: list[str]) -> list[str]:
    """Drop paths that would need a file and a directory of the same name."""
    kept: list[str] = []
    dirs: set[str] = set()
    for path in paths:
        parts = path.split("/")
        parents = {"/".join(parts[:i]) for i in range(1, len(parts))}
        if path in dirs or parents & set(kept) or path in kept:
            continue
        kept.append(path)
        dirs |= parents
    return kept


def plant(root: Path, files: dict[str, bytes], links: list[tuple[str, str]]) -> None:
    """Write `files` and links of the chosen kinds under `root` (links where nothing is)."""
    write_repo(root, files)
    (root.parent / "outside.txt").write_bytes(b"outside\n")
    targets = sorted(files)
    for number, (where, kind) in enumerate(links):
        link = root / where / f"link{number}"
        parts = where.split("/")
        if any("/".join(parts[:i]) in files for i in range(1, len(parts) + 1)):
            continue  # a file already holds that name
        link.parent.mkdir(parents=True, exist_ok=True)
        target = {
            "file": os.path.relpath(root / targets[number % len(targets)], link.parent),
            "..": "..",
            ".": ".",
            "self": link.name,
            "missing": "nowhere/at/all",
            "outside": os.path.relpath(root.parent / "outside.txt", link.parent),
            "absolute": str(root.parent / "outside.txt"),
        }[kind]
        os.symlink(target, link)


def check_tree(root: Path, files: dict[str, bytes]) -> None:
    found = discover(root)
    index = build_index(found)
    paths = [record.path for record in index.files]
    assert paths == sorted(paths) == list(found.files)
    assert sorted(paths) == sorted(files)  # every regular file exactly once, nothing else
    for path in (*paths, *found.symlinks):
        assert not path.startswith("/") and "\\" not in path
        assert not {".", "..", ""} & set(path.split("/"))
    assert all(d.path in found.symlinks for d in found.diagnostics if d.kind == "symlink")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(PATH, min_size=1, max_size=12).map(consistent),
    st.lists(st.binary(max_size=300), min_size=12, max_size=12),
    st.lists(st.tuples(st.lists(SEGMENT, max_size=2).map("/".join), LINK_TARGETS), max_size=5),
)
def test_random_trees_in_a_plain_directory(
    paths: list[str], contents: list[bytes], links: list[tuple[str, str]]
) -> None:
    files = dict(zip(paths, contents, strict=False))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        plant(root, files, links)
        check_tree(root, files)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(PATH, min_size=1, max_size=8).map(consistent),
    st.lists(st.binary(max_size=200), min_size=8, max_size=8),
    st.lists(st.tuples(st.lists(SEGMENT, max_size=2).map("/".join), LINK_TARGETS), max_size=3),
)
def test_random_trees_in_a_git_repository(
    paths: list[str], contents: list[bytes], links: list[tuple[str, str]]
) -> None:
    files = dict(zip(paths, contents, strict=False))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        plant(root, files, links)
        commit_all(root)
        check_tree(root, files)
