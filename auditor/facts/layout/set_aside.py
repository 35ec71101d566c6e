"""What is not the repository's hand-written code: vendored, generated, data and fixture paths,
each with its evidence (the file and line that say so, and why).

The evidence, strongest first: files that declare such paths (`vendor.txt`, `.yarnrc.yml`,
generator configs, `.gitattributes`; `declared`), the skip patterns of hooks and linters that
name a kind (`tool_excludes`), a generated header, a directory or file name (`_vendor/`,
`.yarn/releases/`, `testdata/`, `*_pb2.py`, `*.min.js`), and what a file holds (minified
lines, a source file of literals only, a large data dump). A directory left out by default
(`build/`, `dist/`) without such evidence is not set aside: it may hold hand-written code.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from auditor.facts.layout.claims import KIND_WORDS, Claim
from auditor.facts.layout.declared import declared, linguist_marked
from auditor.facts.layout.foreign_trees import foreign_trees
from auditor.facts.layout.tool_excludes import tool_excludes
from auditor.facts.model import SetAside
from auditor.index.literal_tables import LITERAL_PERCENT
from auditor.index.markers import GENERATED_HEAD_BYTES, generated_head_line

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles
    from auditor.facts.sources import FactSources

VENDOR_DIRS = frozenset({
    "_vendor", "vendor", "vendored", "third_party", "third-party", "thirdparty",
    "node_modules", "bower_components",
})  # fmt: skip
FIXTURE_DIRS = frozenset({
    "fixtures", "fixture", "__fixtures__", "testdata", "test-data", "test_data",
    "__snapshots__", "cassettes",
})  # fmt: skip
DIRECTORY_NAMES = VENDOR_DIRS | FIXTURE_DIRS
NAMED_DIRS = {
    ".yarn/releases": ("vendored", "Yarn keeps the release it runs in `.yarn/releases/`"),
    ".yarn/plugins": ("vendored", "Yarn keeps the plugins it runs in `.yarn/plugins/`"),
    ".yarn/sdks": ("generated", "`@yarnpkg/sdks` writes the editor SDKs in `.yarn/sdks/`"),
}
NAMED_DEPTH = max(directory.count("/") + 1 for directory in NAMED_DIRS)
NAMED_FILES = {
    ".pnp.cjs": "Yarn writes its Plug'n'Play loader",
    ".pnp.loader.mjs": "Yarn writes its Plug'n'Play loader",
}
GENERATED_NAME = re.compile(
    r"(?:_pb2(?:_grpc)?\.pyi?|\.pb(?:\.gw)?\.(?:go|cc|h|c|swift|dart)|\.(?:gen|generated)\.\w+"
    r"|\.g\.dart|(?:^|/)zz_generated\w*\.go|\.min\.(?:js|mjs|cjs|css))$"
)
"""File names generators give their output: protobuf, `*.gen.*`, Kubernetes' `zz_generated`,
minified bundles."""
DATA_EXTENSIONS = frozenset({
    ".json", ".jsonl", ".ndjson", ".geojson", ".csv", ".tsv", ".txt", ".xml", ".dat",
})  # fmt: skip
LOCKFILES = frozenset({"package-lock.json", "npm-shrinkwrap.json", "packages.lock.json"})
DATA_BYTES = 256 * 1024
"""A data file this large is a dump, not a hand-kept config."""
MAX_ALIKE = 12
"""More entries than this with the same evidence are summarised as one pattern."""
MINIFIED_LINE_BYTES = 500
MINIFIED_BYTES = 20_000


class Classified(NamedTuple):
    entries: tuple[SetAside, ...]
    """Each set-aside path with its best evidence, outermost only, by path; many alike are
    summarised as one pattern (`tests/**/__snapshots__/`)."""
    files: frozenset[str]
    """The indexed files they cover."""


def set_aside(src: FactSources) -> Classified:
    """What is set aside, and the indexed files that are."""
    repo = src.repo
    found = [
        *declared(src),
        *foreign_trees(src),
        *linguist_marked(src, repo.excluded),
        *_claimed(repo, tool_excludes(src)),
        *_by_content(src),
        *_by_name([*repo.excluded, *(record.path for record in repo.files)]),
    ]
    kept = _outermost(found)
    return Classified(_summarised(kept), _covered(repo, kept))


def _covered(repo: RepositoryFiles, entries: Iterable[SetAside]) -> frozenset[str]:
    """The indexed files the entries cover."""
    covered: set[str] = set()
    for entry in entries:
        if entry.path.endswith("/"):
            covered.update(record.path for record in repo.under(entry.path))
        elif repo.file(entry.path) is not None:
            covered.add(entry.path)
    return frozenset(covered)


def _by_name(paths: Iterable[str]) -> Iterator[SetAside]:
    """Vendor, fixture and Yarn directories, and the names generators give files."""
    seen: set[str] = set()
    for path in paths:
        named = _named_directory(path)
        if named is not None:
            directory, kind, reason = named
            if directory not in seen:
                seen.add(directory)
                yield SetAside(directory, kind, directory, None, reason)
        elif path in NAMED_FILES:
            yield SetAside(path, "generated", path, None, NAMED_FILES[path])
        elif GENERATED_NAME.search(path):
            yield SetAside(path, "generated", path, None, "generators name their output so")


def _named_directory(path: str) -> tuple[str, str, str] | None:
    """(directory, kind, reason) for the outermost named directory on `path`, if any."""
    parts = path.rstrip("/").split("/")
    whole = len(parts) if path.endswith("/") else len(parts) - 1
    for depth in range(1, whole + 1):
        name = parts[depth - 1]
        if depth > NAMED_DEPTH and name.lower() not in DIRECTORY_NAMES:
            continue  # spare the join: a 1,100-deep tree made it cost seconds
        directory = "/".join(parts[:depth])
        if directory in NAMED_DIRS:
            kind, reason = NAMED_DIRS[directory]
            return f"{directory}/", kind, reason
        if name.lower() in VENDOR_DIRS:
            return f"{directory}/", "vendored", f"a `{name}/` directory holds vendored code"
        if name.lower() in FIXTURE_DIRS:
            return f"{directory}/", "fixture", f"a `{name}/` directory holds test data"
    return None


def _by_content(src: FactSources) -> Iterator[SetAside]:
    """Generated headers, minified or bundled code, literal tables and data dumps."""
    repo = src.repo
    for record in repo.files:
        path = record.path
        if record.is_generated:
            head = (repo.text(path) or "")[:GENERATED_HEAD_BYTES].encode("utf-8", "replace")
            said = generated_head_line(head)
            line, text = said if said is not None else (None, "a generated header")
            yield SetAside(path, "generated", path, line, f"its header says `{text[:80]}`")
        elif record.language is not None and record.is_text:
            if record.size >= MINIFIED_BYTES and record.size >= MINIFIED_LINE_BYTES * record.lines:
                reason = f"minified or bundled: {record.size:,} bytes on {record.lines:,} lines"
                yield SetAside(path, "generated", path, None, reason)
            elif not record.is_test and (share := record.count(LITERAL_PERCENT)):
                # a large source file mostly of literals (`index.literal_tables`) is a data table
                reason = f"{share}% of its {record.lines:,} lines are literals: a data table"
                yield SetAside(path, "data", path, None, reason)
        elif record.size >= DATA_BYTES and _is_data_file(path):
            yield SetAside(path, "data", path, None, f"a data file of {record.size:,} bytes")


def _summarised(entries: tuple[SetAside, ...]) -> tuple[SetAside, ...]:
    """Entries with the same evidence (a claim, a directory name), past `MAX_ALIKE`, as one
    pattern: their common directory, then `**/` and their common name."""
    alike: dict[tuple[str, str, str, int | None], list[SetAside]] = defaultdict(list)
    for entry in entries:
        source = "" if entry.source == entry.path else entry.source
        alike[(entry.kind, entry.reason, source, entry.line)].append(entry)
    kept: list[SetAside] = []
    for group in alike.values():
        if len(group) <= MAX_ALIKE:
            kept.extend(group)
            continue
        paths = [entry.path for entry in group]
        common = posixpath.commonpath(paths)
        names = {path.rstrip("/").rpartition("/")[2] for path in paths}
        tail = f"{names.pop()}{'/' if paths[0].endswith('/') else ''}" if len(names) == 1 else ""
        pattern = "/".join(part for part in (common, "**", tail) if part)
        source = group[0].source if group[0].source != group[0].path else pattern
        reason = f"{group[0].reason} ({len(group):,} places)"
        kept.append(SetAside(pattern, group[0].kind, source, group[0].line, reason))
    return tuple(sorted(kept, key=lambda entry: entry.path))


def _is_data_file(path: str) -> bool:
    name = path.rpartition("/")[2]
    return posixpath.splitext(name)[1].lower() in DATA_EXTENSIONS and name not in LOCKFILES


def _claimed(repo: RepositoryFiles, claims: Iterable[Claim]) -> Iterator[SetAside]:
    """The files each claim sets aside, as few directories and files as cover them, and the
    paths discovery left out that it names."""
    for claim in claims:
        for path in repo.excluded:
            kind = claim.kind_of(path) if claim.matches(path) else None
            if kind is not None:
                yield SetAside(path, kind, claim.source, claim.line, claim.reason)
        by_kind: dict[str, set[str]] = defaultdict(set)
        for record in repo.files:
            kind = claim.kind_of(record.path) if claim.matches(record.path) else None
            if kind is not None:
                by_kind[kind].add(record.path)
        for kind, paths in sorted(by_kind.items()):
            for path in sorted(_fewest(repo, paths, kind)):
                yield SetAside(path, kind, claim.source, claim.line, claim.reason)


def _fewest(repo: RepositoryFiles, paths: set[str], kind: str) -> set[str]:
    """`paths` with each replaced by its highest directory whose files are all in `paths` and
    whose own path names `kind` (`web/static/vendor/`, never `web/static/`)."""
    whole: dict[str, bool] = {}
    fewest: set[str] = set()
    for path in paths:
        parts = path.split("/")[:-1]
        chosen = path
        for depth in range(1, len(parts) + 1):
            directory = "/".join(parts[:depth])
            if directory not in whole:
                whole[directory] = KIND_WORDS[kind].search(directory) is not None and all(
                    r.path in paths for r in repo.under(directory)
                )
            if whole[directory]:
                chosen = f"{directory}/"
                break
        fewest.add(chosen)
    return fewest


def _outermost(found: Iterable[SetAside]) -> tuple[SetAside, ...]:
    """One entry per path (a file or config line saying so beats a name), none inside another
    entry's directory."""
    best: dict[str, SetAside] = {}
    for entry in found:
        held = best.get(entry.path)
        if held is None or (_strength(entry) > _strength(held)):
            best[entry.path] = entry
    kept: list[SetAside] = []
    directories: set[str] = set()
    for path in sorted(best):
        parts = path.rstrip("/").split("/")[:-1]
        if not any(
            "/".join(parts[:depth]) + "/" in directories for depth in range(1, len(parts) + 1)
        ):
            kept.append(best[path])
            if path.endswith("/"):
                directories.add(path)
    return tuple(kept)


def _strength(entry: SetAside) -> int:
    """A declaration elsewhere (2) beats a header line (1) beats a name or a measure (0)."""
    return 2 if entry.source != entry.path else int(entry.line is not None)
