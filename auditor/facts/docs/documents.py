"""The repository's standard documents: README, CONTRIBUTING, licence, security policy, ..."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from auditor.facts.docs.licenses import declared_license, license_of_text, spdx_of_name
from auditor.facts.model import Docs
from auditor.facts.sources import FactSources
from auditor.index.languages import language_of

DOC_SUFFIX = r"(?:\.(?:md|markdown|mdx|rst|txt|adoc|asciidoc|org|rdoc|textile|pod|html?))?"
"""A document's suffix, best first; none at all counts too (`README`, `NEWS`)."""
SUFFIX_RANK = ("", ".md", ".markdown", ".rst", ".txt", ".adoc")
ROOT_GITHUB_DOCS = ("", ".github", "docs", "doc")

README = re.compile(r"readme" + DOC_SUFFIX)
CONTRIBUTING = re.compile(r"contributing" + DOC_SUFFIX)
ARCHITECTURE = re.compile(r"architecture(?:[_-][\w-]+)?" + DOC_SUFFIX)
DESIGN = re.compile(r"design(?:[_-][\w-]+)?" + DOC_SUFFIX)
CHANGELOG = re.compile(r"(?:changelog|changes|history|news)(?:[_-][\w-]+)?" + DOC_SUFFIX)
LICENSE = re.compile(r"(?:license|licence|copying)(?:[._-][\w.-]+)?")
SECURITY = re.compile(r"security" + DOC_SUFFIX)
CODE_OF_CONDUCT = re.compile(r"code[_-]of[_-]conduct" + DOC_SUFFIX)
ARCHITECTURE_STEPS: tuple[tuple[tuple[str, ...], re.Pattern[str] | None], ...] = (
    (("",), ARCHITECTURE),
    (("docs", "doc"), ARCHITECTURE),
    (("docs/architecture", "doc/architecture"), None),
    (("docs", "doc"), DESIGN),
    (("docs/design", "doc/design"), None),
    (("",), DESIGN),
    (("docs/adr", "doc/adr", "adr", "docs/adrs", "docs/decisions", "doc/decisions"), None),
)
"""Where architecture is documented, best first: a file matching the pattern in one of the
directories, or (pattern None) one of the directories itself."""


def find_docs(src: FactSources) -> Docs:
    """Where each standard document is (root first, then .github/ and docs/), or None.

    Names match case-insensitively, except CODEOWNERS, which GitHub looks up in .github/,
    the root, then docs/ (GitLab also in .gitlab/). The architecture entry may be a directory
    (`docs/adr/`, with a trailing slash).
    """
    names = _names_by_directory(src)
    licenses = _pick_all(names, [""], LICENSE)
    if not licenses:
        licenses = [f"LICENSES/{n}" for n in names.get("LICENSES", ()) if spdx_of_name(n)][:1]
    return Docs(
        readme=_pick(names, ROOT_GITHUB_DOCS, README),
        contributing=_pick(names, ROOT_GITHUB_DOCS, CONTRIBUTING),
        architecture=_architecture(src, names),
        changelog=_pick(names, ["", "docs", "doc"], CHANGELOG),
        license=licenses[0] if licenses else None,
        license_spdx=_license_spdx(src, licenses),
        security=_pick(names, ROOT_GITHUB_DOCS, SECURITY),
        code_of_conduct=_pick(names, ROOT_GITHUB_DOCS, CODE_OF_CONDUCT),
        codeowners=next(
            (
                _join(d, "CODEOWNERS")
                for d in (".github", "", "docs", ".gitlab")
                if "CODEOWNERS" in names.get(d, ())
            ),
            None,
        ),
    )


def _names_by_directory(src: FactSources) -> dict[str, list[str]]:
    """The document-like file names (no source code) in each directory, links included."""
    paths = [record.path for record in src.repo.files]
    paths.extend(path for path in src.repo.links if src.repo.file(path) is None)
    names: dict[str, list[str]] = defaultdict(list)
    for path in sorted(paths):
        directory, _, name = path.rpartition("/")
        if language_of(name) is None:
            names[directory].append(name)
    return names


def _pick_all(
    names: dict[str, list[str]], directories: Iterable[str], pattern: re.Pattern[str]
) -> list[str]:
    """The paths of the first directory holding a match of `pattern`, best name first."""
    for directory in directories:
        matches = [n for n in names.get(directory, ()) if pattern.fullmatch(n.lower())]
        if matches:
            return [_join(directory, n) for n in sorted(matches, key=_rank)]
    return []


def _pick(
    names: dict[str, list[str]], directories: Sequence[str], pattern: re.Pattern[str]
) -> str | None:
    found = _pick_all(names, directories, pattern)
    return found[0] if found else None


def _rank(name: str) -> tuple[int, int, str]:
    """Plain names first (`LICENSE` before `LICENSE-MIT`), then by suffix, then by name."""
    stem, dot, suffix = name.lower().partition(".")
    plain = 0 if re.fullmatch(r"[a-z_]+", stem) else 1
    suffix = dot + suffix
    return plain, SUFFIX_RANK.index(suffix) if suffix in SUFFIX_RANK else 99, name


def _architecture(src: FactSources, names: dict[str, list[str]]) -> str | None:
    """ARCHITECTURE.md, docs/architecture*, docs/design*, DESIGN.md, or an ADR directory."""
    adr_dir = (src.text(".adr-dir") or "").strip().strip("/")  # adr-tools names its directory
    steps = (*ARCHITECTURE_STEPS, ((adr_dir.lower(),), None)) if adr_dir else ARCHITECTURE_STEPS
    for directories, pattern in steps:
        found = _pick(names, directories, pattern) if pattern else _directory(names, directories)
        if found is not None:
            return found
    return None


def _directory(names: dict[str, list[str]], candidates: Iterable[str]) -> str | None:
    """The first candidate directory (any case) holding documents, with a trailing slash."""
    for candidate in candidates:
        for directory in names:
            low = directory.lower()
            if low == candidate or low.startswith(candidate + "/"):
                return directory[: len(candidate)] + "/"
    return None


def _license_spdx(src: FactSources, licenses: list[str]) -> str | None:
    """The SPDX expression a manifest declares, else the one licence the text shows."""
    declared = declared_license(src)
    if declared is not None or not licenses:
        return declared
    if licenses[0].startswith("LICENSES/"):
        return spdx_of_name(licenses[0].rpartition("/")[2])
    found = {license_of_text(src.text(path) or "") for path in licenses}
    return found.pop() if len(found) == 1 else None  # several different texts: unsure


def _join(directory: str, name: str) -> str:
    return f"{directory}/{name}" if directory else name
