"""Other projects' trees copied in: a directory with its own README and a licence naming
another copyright holder than the repository's, and a directory mostly of such trees."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from auditor.facts.ecosystem.workspace import declared_workspaces
from auditor.facts.model import SetAside
from auditor.index.line_offsets import line_at

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources

LICENCE_NAME = re.compile(r"(?:license|licence|copying|copyright)(?:[._-][\w.-]+)?", re.IGNORECASE)
README_NAME = re.compile(r"readme(?:\.\w+)?", re.IGNORECASE)
LICENCE_DOC_DIRS = frozenset({"docs", "doc"})
"""A licence kept in the copied project's `docs/` still speaks for the directory above."""
COPYRIGHT = re.compile(
    r"^[ \t]*copyright[ \t]*(?=\(c\)|©|\d{4})(?P<holder>.*)$", re.IGNORECASE | re.MULTILINE
)
"""A copyright line: `Copyright`, then `(c)`, `©` or a year (a licence's own prose about
copyright, and templates such as `Copyright [yyyy] [name of copyright owner]`, are not)."""
HOLDER_WORD = re.compile(r"[^\W\d_]{3,}")
NOT_A_NAME = frozenset("""
    and the inc llc ltd gmbh corp corporation company authors contributors project software
    foundation all rights reserved holder holders owner year name copyright notice original
    other others respective
""".split())  # fmt: skip  # noqa: SIM905 - a list of words reads better as words
"""Words every holder line may carry: they tell no two holders apart."""
LICENCE_HEAD_CHARS = 4000
LICENCE_AUTHOR = re.compile(r"free software foundation", re.IGNORECASE)
"""Who holds the copyright of the GNU licences' own text, copied into every project using them."""


class _Tree(NamedTuple):
    entry: SetAside
    holders: str
    """"ours" when its licence's holders share a name with the root licence's, "another"
    when the root's names others, "unknown" when the root's names no one."""


def foreign_trees(src: FactSources) -> Iterator[SetAside]:
    """Each directory below the root holding a README and (there or in its `docs/`) a licence
    whose copyright holders share no name with the root licence's: vendored, with the
    licence's copyright line as evidence. A directory below the root most of whose
    sub-directories hold their own README and a licence naming someone not the root's
    (`deps/`) is vendored as a whole, even when the root's licence names no one. Declared
    workspace packages (and the directories holding them) are the repository's own."""
    by_parent: dict[str, list[_Tree]] = defaultdict(list)
    for tree in _trees(src):
        if tree.holders != "ours":
            by_parent[tree.entry.path.rstrip("/").rpartition("/")[0]].append(tree)
    children = _child_dirs(src) if any(len(found) >= 2 for found in by_parent.values()) else {}
    for parent, found in sorted(by_parent.items()):
        if parent and len(found) >= 2 and 2 * len(found) > len(children[parent]):
            yield SetAside(
                f"{parent}/", "vendored", found[0].entry.source, found[0].entry.line,
                f"{len(found)} of its {len(children[parent])} directories are projects with "
                "their own README and licence",
            )  # fmt: skip
        else:
            yield from (tree.entry for tree in found if tree.holders == "another")


def _child_dirs(src: FactSources) -> dict[str, set[str]]:
    """Each directory's sub-directories, by name."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in src.repo.files:
        parts = record.path.split("/")[:-1]
        for depth in range(len(parts)):
            found["/".join(parts[:depth])].add(parts[depth])
    return found


def _trees(src: FactSources) -> Iterator[_Tree]:
    """The directories below the root with their own README and a licence naming someone."""
    root_names = _root_holder_names(src)
    members = {package for space in declared_workspaces(src) for package in space.packages}
    readme_dirs = _readme_dirs(src)
    seen: set[str] = set()
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        tree = _tree_of(directory, readme_dirs) if LICENCE_NAME.fullmatch(name) else None
        if tree is None or tree in seen or _holds_member(tree, members):
            continue
        holder = _holder_line(src.text(record.path) or "")
        if holder is None:
            continue
        seen.add(tree)
        reason = (
            f"its own README and a licence naming another copyright holder "
            f"(`{_shown(holder[1])}`) than the repository's"
        )
        entry = SetAside(f"{tree}/", "vendored", record.path, holder[0], reason)
        yield _Tree(entry, _whose(_names(holder[1]), root_names))


def _readme_dirs(src: FactSources) -> set[str]:
    """The directories below the root that hold a README."""
    return {
        directory
        for record in src.repo.files
        for directory, _, name in [record.path.rpartition("/")]
        if directory and README_NAME.fullmatch(name)
    }


def _whose(names: frozenset[str], root_names: frozenset[str]) -> str:
    if not root_names:
        return "unknown"
    return "ours" if names & root_names else "another"


def _root_holder_names(src: FactSources) -> frozenset[str]:
    """The names in the copyright lines of the root's licence files."""
    names: set[str] = set()
    for record in src.repo.files:
        if "/" not in record.path and LICENCE_NAME.fullmatch(record.path):
            text = (src.text(record.path) or "")[:LICENCE_HEAD_CHARS]
            for match in COPYRIGHT.finditer(text):
                names |= _names(match.group("holder"))
    return frozenset(names)


def _tree_of(directory: str, readme_dirs: set[str]) -> str | None:
    """The copied project's directory for a licence in `directory`: that directory, or the
    one above a `docs/`, when it holds a README."""
    if directory in readme_dirs:
        return directory
    parent, _, name = directory.rpartition("/")
    if parent and name.lower() in LICENCE_DOC_DIRS and parent in readme_dirs:
        return parent
    return None


def _holds_member(tree: str, members: set[str]) -> bool:
    prefix = f"{tree}/"
    return any(member == tree or member.startswith(prefix) for member in members)


def _holder_line(text: str) -> tuple[int, str] | None:
    """(line, holder text) of the first copyright line that names someone (not the licence
    text's own author: the GPL's "Copyright (C) 1989, 1991 Free Software Foundation")."""
    head = text[:LICENCE_HEAD_CHARS]
    for match in COPYRIGHT.finditer(head):
        if _names(match.group("holder")) and not LICENCE_AUTHOR.search(match.group("holder")):
            return line_at(head, match.start()), match.group("holder")
    return None


def _shown(holder: str) -> str:
    """The holder as a reason shows it: without `(c)` or `©`, at most 60 characters."""
    return re.sub(r"^\s*+(?:\(c\)|©)?+\s*+", "", holder, flags=re.IGNORECASE).strip()[:60]


def _names(holder: str) -> frozenset[str]:
    """The words of a holder line that can tell two holders apart."""
    words = {word.lower() for word in HOLDER_WORD.findall(holder)}
    return frozenset(words - NOT_A_NAME)
