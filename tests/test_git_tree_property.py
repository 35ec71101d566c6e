"""Property: for any tree of files and symbolic links, discovery from git objects equals
discovery of a fresh checkout (which files, which links lead where, what is not followed)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from auditor.discover import discover, discover_revision
from auditor.git_tree import GitTree
from tests.git_history import LINK, checkout, make_history

NAMES = st.sampled_from(["a", "b", "c.md", "d.py"])
DIRECTORIES = st.sampled_from(["", "x/", "x/y/", "z/"])
TARGETS = st.sampled_from(
    [
        "a",
        "../a",
        "../../a",
        "x",
        "x/y",
        "..",
        ".",
        "/etc/hostname",
        "missing",
        "x/y/d.py",
        "../x/b",
        "z",
        "self",
        "b/../a",
    ]
)
ENTRY = st.tuples(DIRECTORIES, NAMES, st.one_of(st.none(), TARGETS))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, min_size=1, max_size=8))
@example([("", "a", "b/../a"), ("", "b", ".")])  # leads out through a link to the root
@example([("", "a", "../a")])  # out of the repository, whatever lies there
def test_discovery_from_objects_equals_a_checkout(
    entries: list[tuple[str, str, str | None]],
) -> None:
    files: dict[str, str | bytes | None] = {}
    for directory, name, target in entries:
        path = directory + name
        if any(other.startswith(path + "/") or path.startswith(other + "/") for other in files):
            continue  # a path cannot be both a file and a directory
        files[path] = LINK + target if target is not None else f"{path}\n"
    scratch = Path(tempfile.mkdtemp(prefix="auditor-tree-property-"))
    try:
        source = scratch / "source" / "repo"
        (sha,) = make_history(source, [files])
        copy = checkout(source, sha, scratch / "copy" / "repo")
        from_checkout = discover(copy)
        with GitTree.load(source, sha) as tree:
            from_objects = discover_revision(tree)
        expected = replace(from_checkout, root=from_objects.root, tree=from_objects.tree)
        assert from_objects == expected
    finally:
        shutil.rmtree(scratch)
