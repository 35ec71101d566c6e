"""Which licence a repository is under: SPDX ids from manifests, or from the licence text."""

from __future__ import annotations

import configparser
import re
from collections.abc import Callable, Iterator
from typing import Any

from auditor.facts.sources import FactSources

SPDX_IDS = frozenset(
    """
    0BSD AFL-3.0 AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.1 Apache-2.0 Artistic-2.0
    BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-3-Clause BSD-3-Clause-Clear BSD-4-Clause BSL-1.0
    CC-BY-4.0 CC-BY-SA-4.0 CC0-1.0 curl EPL-1.0 EPL-2.0 EUPL-1.2 GPL-2.0 GPL-2.0-only
    GPL-2.0-or-later GPL-2.0+ GPL-3.0 GPL-3.0-only GPL-3.0-or-later GPL-3.0+ HPND ISC LGPL-2.0
    LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only LGPL-2.1-or-later LGPL-2.1+ LGPL-3.0
    LGPL-3.0-only LGPL-3.0-or-later LGPL-3.0+ MIT MIT-0 MPL-1.1 MPL-2.0 MulanPSL-2.0 NCSA
    OFL-1.1 OpenSSL PostgreSQL PSF-2.0 Python-2.0 Unicode-3.0 Unicode-DFS-2016 Unlicense
    UPL-1.0 WTFPL X11 Zlib ZPL-2.1
    """.split()  # noqa: SIM905 - a list of 60 ids reads better as words
)
"""Licence ids accepted from a manifest (matched case-insensitively, written canonically)."""
CANONICAL = {spdx.lower(): spdx for spdx in SPDX_IDS}
ALIASES = {
    "mit license": "MIT", "the mit license": "MIT", "expat": "MIT",
    "apache 2": "Apache-2.0", "apache 2.0": "Apache-2.0", "apache-2": "Apache-2.0",
    "apache license 2.0": "Apache-2.0", "apache license, version 2.0": "Apache-2.0",
    "apache license version 2.0": "Apache-2.0", "asl 2.0": "Apache-2.0",
    "new bsd": "BSD-3-Clause", "new bsd license": "BSD-3-Clause", "bsd 3-clause": "BSD-3-Clause",
    "3-clause bsd": "BSD-3-Clause", "modified bsd": "BSD-3-Clause", "bsd-3": "BSD-3-Clause",
    "simplified bsd": "BSD-2-Clause", "bsd 2-clause": "BSD-2-Clause",
    "2-clause bsd": "BSD-2-Clause",
    "gplv2": "GPL-2.0", "gpl-2": "GPL-2.0", "gpl v2": "GPL-2.0", "gplv3": "GPL-3.0",
    "gpl-3": "GPL-3.0", "gpl v3": "GPL-3.0", "lgplv3": "LGPL-3.0", "lgplv2.1": "LGPL-2.1",
    "agplv3": "AGPL-3.0", "mpl 2.0": "MPL-2.0", "mpl2": "MPL-2.0", "isc license": "ISC",
    "the unlicense": "Unlicense", "boost": "BSL-1.0", "boost software license": "BSL-1.0",
}  # fmt: skip
"""Free-text licence names manifests often carry instead of an SPDX id (unambiguous ones)."""
TOKEN = re.compile(r"\(|\)|[^\s()]+")
HEAD_CHARS = 1200
"""A licence's title is looked for this far into its text."""
OPENING_CHARS = 3000
"""The licence a file is under starts this near its top (later ones are third-party notices)."""
GNU_TITLE = re.compile(r"gnu (lesser |library |affero )?general public license")


def declared_license(src: FactSources) -> str | None:
    """The licence a root manifest declares: pyproject, package.json, Cargo, setup.cfg, composer."""
    for value in _declared_values(src):
        spdx = normalise(value) if isinstance(value, str) else None
        if spdx is not None:
            return spdx
    return None


def _declared_values(src: FactSources) -> Iterator[Any]:
    """The `license` values of the root manifests, in order of precedence (read lazily)."""
    known = {record.path for record in src.repo.files}
    if "pyproject.toml" in known:
        yield from _pyproject_values(src.toml("pyproject.toml"))
    for manifest in ("package.json", "composer.json"):
        data = src.json(manifest) if manifest in known else None
        yield _unwrap(_get(data, "license"), "type")
    cargo = src.toml("Cargo.toml") if "Cargo.toml" in known else None
    yield _get(_get(cargo, "package"), "license")
    if "setup.cfg" in known:
        yield from _setup_cfg_values(src.text("setup.cfg"))


def _pyproject_values(pyproject: dict[str, Any] | None) -> Iterator[Any]:
    """`project.license` (a string, or its `text`), then `tool.poetry.license`."""
    if pyproject is None:
        return
    yield _unwrap(_get(pyproject.get("project"), "license"), "text")
    yield _get(_get(pyproject.get("tool"), "poetry"), "license")


def _setup_cfg_values(text: str | None) -> Iterator[Any]:
    """`metadata.license` of setup.cfg; nothing when the file is not valid INI."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text or "")
        yield parser.get("metadata", "license", fallback=None)
    except configparser.Error:
        pass


def _get(table: Any, key: str) -> Any:
    """`table[key]` when `table` is a table (a dict), else None."""
    return table.get(key) if isinstance(table, dict) else None


def _unwrap(value: Any, key: str) -> Any:
    """`value[key]` when `value` is a table (`{text = "MIT"}`), else `value` itself."""
    return value.get(key) if isinstance(value, dict) else value


def normalise(value: str) -> str | None:
    """`value` as a canonical SPDX expression, or None when it names no known licence."""
    text = " ".join(value.split())
    alias = ALIASES.get(text.lower().removesuffix(" license").strip()) or ALIASES.get(text.lower())
    if alias is not None:
        return alias
    if "/" in text and " " not in text:  # Cargo's old "MIT/Apache-2.0"
        text = text.replace("/", " OR ")
    words: list[str] = []
    after_with = False
    for token in TOKEN.findall(text):
        upper = token.upper()
        if token in "()" or upper in ("AND", "OR", "WITH"):
            words.append(token if token in "()" else upper)
        elif after_with or token.startswith("LicenseRef-"):
            words.append(token)
        elif token.lower() in CANONICAL:
            words.append(CANONICAL[token.lower()])
        else:
            return None
        after_with = upper == "WITH"
    return " ".join(words).replace("( ", "(").replace(" )", ")") or None


def spdx_of_name(name: str) -> str | None:
    """The id a REUSE-style `LICENSES/<id>.txt` file is named after."""
    stem = name.rsplit(".", 1)[0] if name.lower().endswith((".txt", ".md")) else name
    return CANONICAL.get(stem.lower())


Detector = Callable[[str, str], int]
"""detector(head, text) -> where its licence's mark starts in the text, or -1."""


def _phrases(*required: str, absent: str = "") -> Detector:
    """A licence by phrases (regular expressions) that must all be in its text."""

    def find(head: str, text: str) -> int:
        where = [re.search(phrase, text) for phrase in required]
        if any(match is None for match in where) or (absent and re.search(absent, text)):
            return -1
        return min(match.start() for match in where if match is not None)

    return find


def _gnu(kind: str, version: str, date: str) -> Detector:
    """A GNU licence by the first GNU title in the head and its version (or date): the texts
    also name their siblings (the GPL's preamble mentions the Library GPL)."""

    def find(head: str, text: str) -> int:
        title = GNU_TITLE.search(head)
        if title is None or (title.group(1) or "") != kind:
            return -1
        versioned = re.match(
            rf"(?:,? | as published by the free software foundation,? (?:either )?)"
            rf"version {version}(?![.\d])",
            head[title.end() :],
        )
        return title.start() if versioned or re.search(date, head) else -1

    return find


DETECTORS: dict[str, Detector] = {
    "AGPL-3.0": _gnu("affero ", "3", r"version 3, 19 november 2007"),
    "LGPL-3.0": _gnu("lesser ", "3", r"version 3, 29 june 2007"),
    "LGPL-2.1": _gnu("lesser ", "2\\.1", r"version 2\.1, february 1999"),
    "GPL-3.0": _gnu("", "3", r"version 3, 29 june 2007"),
    "GPL-2.0": _gnu("", "2", r"version 2, june 1991"),
    "Apache-2.0": _phrases(r"apache license,? version 2\.0"),
    "MPL-2.0": _phrases(r"mozilla public license,? (?:version|v\.) ?2\.0"),
    "MIT": _phrases(
        r"permission is hereby granted, free of charge, to any person obtaining a copy",
        r"the above copyright notice and this permission notice shall be included",
    ),
    "MIT-0": _phrases(
        r"permission is hereby granted, free of charge, to any person obtaining a copy",
        absent=r"the above copyright notice and this permission notice shall be included",
    ),
    "Zlib": _phrases(
        r"permission is granted to anyone to use this software for any purpose, including "
        r"commercial applications, and to alter it and redistribute it freely"
    ),
    "ISC": _phrases(
        r"distribute this software for any purpose with or without fee is hereby granted, "
        r"provided that the above copyright notice and this permission notice appear"
    ),
    "0BSD": _phrases(
        r"distribute this software for any purpose with or without fee is hereby granted\."
    ),
    "BSD-3-Clause": _phrases(
        r"redistribution and use in source and binary forms",
        r"endorse or promote products",
        absent=r"all advertising materials",
    ),
    "BSD-2-Clause": _phrases(
        r"redistribution and use in source and binary forms, with or without modification, "
        r"are permitted provided that",
        absent=r"endorse or promote products|advertising",
    ),
    "Unlicense": _phrases(r"this is free and unencumbered software released into the public"),
    "BSL-1.0": _phrases(r"boost software license,? -? ?version 1\.0"),
    "CC0-1.0": _phrases(r"cc0 1\.0 universal"),
}
"""Distinctive phrases of the common licences, matched on lowercased, whitespace-folded text."""
CHOICE = re.compile(r"dual[- ]licen|licen[cs]ed under either|either of the following|choose eit")
"""An opening that offers a choice of licences: several matches then mean several licences."""
MARKUP = re.compile(r"[*#>`_]|^[=-]+$", re.MULTILINE)


def license_of_text(text: str) -> str | None:
    """The licence a LICENSE file's text is, or None when none or several are recognised.

    The licence must start within OPENING_CHARS. Where several match, the one the file opens
    with wins (a licence followed by third-party notices), unless the opening offers a choice
    of licences: then it is unsure.
    """
    folded = " ".join(MARKUP.sub(" ", text).lower().split())
    head = folded[:HEAD_CHARS]
    found = sorted(
        (where, spdx) for spdx, find in DETECTORS.items() if (where := find(head, folded)) >= 0
    )
    if not found or found[0][0] > OPENING_CHARS:
        return None
    return None if len(found) > 1 and CHOICE.search(head) else found[0][1]
