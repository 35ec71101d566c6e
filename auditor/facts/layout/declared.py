"""Files that declare paths vendored or generated: `vendor.txt` listings, `.yarnrc.yml`'s
`yarnPath`, generator configs (`buf.gen.yaml`, `openapitools.json`), generator scripts and
`.gitattributes`."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pathspec

from auditor.facts.layout.claims import line_of
from auditor.facts.layout.generator_scripts import generator_outputs
from auditor.facts.model import SetAside
from auditor.ignore_patterns import ignore_spec

if TYPE_CHECKING:
    from auditor.facts.sources import FactSources

LISTINGS = frozenset({"vendor.txt", "vendored.txt"})
LISTED_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
LINGUIST = {"linguist-vendored": "vendored", "linguist-generated": "generated"}


def declared(src: FactSources) -> Iterator[SetAside]:
    """Every path some file declares vendored or generated, with that file and line."""
    yield from _listings(src)
    yield from _yarn_path(src)
    yield from _generator_outputs(src)
    yield from generator_outputs(src)


def _listings(src: FactSources) -> Iterator[SetAside]:
    """A `vendor.txt` lists the projects copied into its directory (pip's `_vendor/`): below
    the root that directory is vendored; at the root, each listed project's directory is."""
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if name not in LISTINGS:
            continue
        text = src.text(record.path) or ""
        listed = [
            (number, match.group(1))
            for number, line in enumerate(text.splitlines(), 1)
            if (match := LISTED_NAME.match(line))
        ]
        if directory and listed:
            yield SetAside(f"{directory}/", "vendored", record.path, listed[0][0],
                           f"`{name}` lists the {len(listed)} projects vendored here")  # fmt: skip
            continue
        for number, project in listed:
            found = _project_path(src, directory, project)
            if found is not None:
                yield SetAside(found, "vendored", record.path, number, f"`{name}` lists it")


def _project_path(src: FactSources, directory: str, project: str) -> str | None:
    base = f"{directory}/" if directory else ""
    module = project.lower().replace("-", "_").replace(".", "_")
    for candidate in (project, module):
        if src.repo.is_dir(base + candidate):
            return f"{base}{candidate}/"
        if src.repo.file(f"{base}{candidate}.py") is not None:
            return f"{base}{candidate}.py"
    return None


def _yarn_path(src: FactSources) -> Iterator[SetAside]:
    config = src.yaml(".yarnrc.yml")
    target = config.get("yarnPath") if isinstance(config, dict) else None
    if isinstance(target, str) and src.repo.file(posixpath.normpath(target)) is not None:
        line = line_of(src.text(".yarnrc.yml") or "", "yarnPath")
        reason = "Yarn runs this vendored copy of itself (`yarnPath`)"
        yield SetAside(posixpath.normpath(target), "vendored", ".yarnrc.yml", line, reason)


def _generator_outputs(src: FactSources) -> Iterator[SetAside]:
    """The `out:` directories of `buf.gen.yaml` plugins and openapi-generator's `output`s."""
    for record in src.repo.files:
        directory, _, name = record.path.rpartition("/")
        if name == "buf.gen.yaml":
            config = src.yaml(record.path)
            plugins = config.get("plugins") if isinstance(config, dict) else None
            outs = [p.get("out") for p in plugins or () if isinstance(p, dict)]
            yield from _outputs(src, record.path, directory, outs, "buf generates it")
        elif name == "openapitools.json":
            config = src.json(record.path)
            cli = config.get("generator-cli") if isinstance(config, dict) else None
            generators = cli.get("generators") if isinstance(cli, dict) else None
            outs = [g.get("output") for g in (generators or {}).values() if isinstance(g, dict)]
            outs = [o.replace("#{cwd}/", "") if isinstance(o, str) else o for o in outs]
            reason = "openapi-generator writes it"
            yield from _outputs(src, record.path, directory, outs, reason)


def _outputs(
    src: FactSources, config: str, directory: str, outs: Iterable[object], reason: str
) -> Iterator[SetAside]:
    text = src.text(config) or ""
    for out in outs:
        if not isinstance(out, str) or not out.strip("./"):
            continue
        path = posixpath.normpath(posixpath.join(directory, out))
        if src.repo.is_dir(path) or f"{path}/" in src.repo.excluded:
            yield SetAside(f"{path}/", "generated", config, line_of(text, out), reason)


def linguist_marked(src: FactSources, paths: Iterable[str]) -> Iterator[SetAside]:
    """Which of `paths` (left out of the index) `.gitattributes` marks, by its last matching
    line (a nested `.gitattributes` after the root's); `-linguist-...` unmarks."""
    attributes = sorted(
        (r.path for r in src.repo.files if r.path.rpartition("/")[2] == ".gitattributes"),
        key=lambda p: p.count("/"),
    )
    rules = [
        (path, number, spec, kind, on)
        for path in attributes
        for number, spec, kind, on in _linguist_lines(src.text(path) or "")
    ]
    for target in paths:
        verdict: tuple[str, int, str] | None = None
        for path, number, spec, kind, on in rules:
            base = path.rpartition("/")[0]
            inside = target[len(base) + 1 :] if base else target
            if (not base or target.startswith(base + "/")) and spec.match_file(inside):
                verdict = (path, number, kind) if on else None
        if verdict is not None:
            path, number, kind = verdict
            yield SetAside(
                target, kind, path, number, f"`.gitattributes` marks it `linguist-{kind}`"
            )


def _linguist_lines(text: str) -> Iterator[tuple[int, pathspec.GitIgnoreSpec, str, bool]]:
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if len(fields) < 2 or fields[0].startswith(("#", "!", '"')):
            continue
        for attribute in fields[1:]:
            name, _, value = attribute.lstrip("-!").partition("=")
            if name in LINGUIST:
                on = not attribute.startswith(("-", "!")) and value.lower() != "false"
                yield number, ignore_spec([fields[0]]), LINGUIST[name], on
