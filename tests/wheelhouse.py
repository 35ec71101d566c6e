"""A wheelhouse made from this test environment: the distributions a package needs, repacked
from their installed files, so pip can install it with no index and no network."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement


def closure(names: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions `names` need, theirs too (markers evaluated, no extras)."""
    found: dict[str, metadata.Distribution] = {}
    pending = [Requirement(name) for name in names]
    while pending:
        requirement = pending.pop()
        key = _normal(requirement.name)
        if key in found:
            continue
        dist = metadata.distribution(requirement.name)
        found[key] = dist
        for text in dist.requires or ():
            needed = Requirement(text)
            if needed.marker is None or needed.marker.evaluate({"extra": ""}):
                pending.append(needed)
    return sorted(found.values(), key=lambda d: _normal(d.metadata["Name"]))


def repack(dist: metadata.Distribution, into: Path) -> Path:
    """`dist` as a wheel file under `into`, from the files its RECORD lists (scripts outside
    site-packages and bytecode left out: pip makes them again)."""
    wheel_text = dist.read_text("WHEEL") or ""
    tag = re.search(r"^Tag: (\S+)$", wheel_text, re.M)
    name = _normal(dist.metadata["Name"]).replace("-", "_")
    target = into / f"{name}-{dist.version}-{tag.group(1) if tag else 'py3-none-any'}.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as wheel:
        for file in dist.files or ():
            posix = file.as_posix()
            if posix.startswith("..") or "__pycache__" in posix or posix.endswith(".pyc"):
                continue
            located = Path(str(file.locate()))
            if located.is_file():
                wheel.write(located, posix)
    return target


def build(names: Iterable[str], into: Path) -> Path:
    """A directory of wheels for `names` and all they need."""
    into.mkdir(parents=True, exist_ok=True)
    for dist in closure(names):
        repack(dist, into)
    return into


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
