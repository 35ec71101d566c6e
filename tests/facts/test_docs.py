"""Standard documents and the licence: where they are, and which licence the text is."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.discover import discover
from auditor.facts.docs.documents import find_docs
from auditor.facts.docs.licenses import license_of_text, normalise
from auditor.facts.model import Docs
from auditor.facts.sources import FactSources
from auditor.index.build import build_index

DocsOf = Callable[[dict[str, str]], Docs]


@pytest.fixture
def docs_of(make_repo: Callable[..., Path]) -> DocsOf:
    names = itertools.count()

    def make(files: dict[str, str]) -> Docs:
        root = make_repo(files, name=f"repo{next(names)}")
        return find_docs(FactSources(build_index(discover(root), want_syntax=False)))

    return make


def test_empty_repository(docs_of: DocsOf) -> None:
    assert docs_of({"a.py": ""}) == Docs()


def test_everything_at_the_root(docs_of: DocsOf) -> None:
    docs = docs_of(
        {
            "README.md": "",
            "CONTRIBUTING.md": "",
            "ARCHITECTURE.md": "",
            "CHANGELOG.md": "",
            "LICENSE": MIT,
            "SECURITY.md": "",
            "CODE_OF_CONDUCT.md": "",
            "CODEOWNERS": "",
        }
    )
    assert docs == Docs(
        readme="README.md",
        contributing="CONTRIBUTING.md",
        architecture="ARCHITECTURE.md",
        changelog="CHANGELOG.md",
        license="LICENSE",
        license_spdx="MIT",
        security="SECURITY.md",
        code_of_conduct="CODE_OF_CONDUCT.md",
        codeowners="CODEOWNERS",
    )


def test_github_and_docs_directories(docs_of: DocsOf) -> None:
    docs = docs_of(
        {
            "docs/README.md": "",
            ".github/CONTRIBUTING.md": "",
            "docs/CONTRIBUTING.md": "",
            ".github/SECURITY.md": "",
            "docs/CODE_OF_CONDUCT.md": "",
            "docs/CODEOWNERS": "",
            ".github/CODEOWNERS": "",
            "CODEOWNERS": "",
        }
    )
    assert docs.readme == "docs/README.md"
    assert docs.contributing == ".github/CONTRIBUTING.md"
    assert docs.security == ".github/SECURITY.md"
    assert docs.code_of_conduct == "docs/CODE_OF_CONDUCT.md"
    assert docs.codeowners == ".github/CODEOWNERS"  # GitHub's own search order


@pytest.mark.parametrize(
    ("files", "readme"),
    [
        ({"README.md": "", "docs/README.md": "", ".github/README.md": ""}, "README.md"),
        ({"readme.rst": ""}, "readme.rst"),
        ({"Readme.txt": ""}, "Readme.txt"),
        ({"README": ""}, "README"),
        ({"README.md": "", "README.rst": "", "README.zh-CN.md": ""}, "README.md"),
        ({"README.rst": "", "README.txt": ""}, "README.rst"),
        ({"readme.py": "", "READMEFIRST.md": "", "src/README.md": ""}, None),
    ],
)
def test_readme(docs_of: DocsOf, files: dict[str, str], readme: str | None) -> None:
    assert docs_of(files).readme == readme


@pytest.mark.parametrize(
    ("files", "architecture"),
    [
        ({"ARCHITECTURE.md": "", "docs/architecture.md": ""}, "ARCHITECTURE.md"),
        ({"docs/ARCHITECTURE.md": ""}, "docs/ARCHITECTURE.md"),
        ({"docs/architecture-overview.md": ""}, "docs/architecture-overview.md"),
        ({"docs/architecture/overview.md": ""}, "docs/architecture/"),
        ({"docs/design.md": ""}, "docs/design.md"),
        ({"docs/design-doc.rst": ""}, "docs/design-doc.rst"),
        ({"docs/design/storage.md": ""}, "docs/design/"),
        ({"docs/adr/0001-record.md": ""}, "docs/adr/"),
        ({"doc/adr/0001-record.md": ""}, "doc/adr/"),
        ({"adr/0001-record.md": ""}, "adr/"),
        ({"docs/decisions/0001.md": ""}, "docs/decisions/"),
        ({"Docs/ADR/0001.md": ""}, "Docs/ADR/"),
        ({".adr-dir": "design/records\n", "design/records/0001.md": ""}, "design/records/"),
        ({"DESIGN.md": ""}, "DESIGN.md"),
        ({"docs/architecture.png": "", "src/architecture.py": "", "docs/guide.md": ""}, None),
    ],
)
def test_architecture(docs_of: DocsOf, files: dict[str, str], architecture: str | None) -> None:
    assert docs_of(files).architecture == architecture


@pytest.mark.parametrize(
    ("files", "changelog"),
    [
        ({"CHANGELOG.md": ""}, "CHANGELOG.md"),
        ({"CHANGES.rst": ""}, "CHANGES.rst"),
        ({"HISTORY.md": ""}, "HISTORY.md"),
        ({"NEWS": ""}, "NEWS"),
        ({"docs/changelog.rst": ""}, "docs/changelog.rst"),
        ({"history.py": "", "news/index.md": "", "pkg/CHANGELOG.md": ""}, None),
    ],
)
def test_changelog(docs_of: DocsOf, files: dict[str, str], changelog: str | None) -> None:
    assert docs_of(files).changelog == changelog


@pytest.mark.parametrize(
    ("files", "license"),
    [
        ({"LICENSE": ""}, "LICENSE"),
        ({"LICENCE.md": ""}, "LICENCE.md"),
        ({"COPYING": "", "COPYING.LESSER": ""}, "COPYING"),
        ({"LICENSE-MIT": "", "LICENSE-APACHE": ""}, "LICENSE-APACHE"),
        ({"license.txt": "", "LICENSE-THIRD-PARTY": ""}, "license.txt"),
        ({"LICENSES/MIT.txt": ""}, "LICENSES/MIT.txt"),
        ({"license.py": "", "docs/LICENSE": ""}, None),
    ],
)
def test_license_file(docs_of: DocsOf, files: dict[str, str], license: str | None) -> None:
    assert docs_of(files).license == license


def test_codeowners_name_is_exact(docs_of: DocsOf) -> None:
    assert docs_of({"codeowners": ""}).codeowners is None
    assert docs_of({".gitlab/CODEOWNERS": ""}).codeowners == ".gitlab/CODEOWNERS"


# --- licences ----------------------------------------------------------------------------

MIT = """MIT License

Copyright (c) 2024 Someone

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction.

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.
"""
APACHE = """
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/
"""
BSD3 = """Copyright (c) 2020, Someone
Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.
"""
BSD2 = BSD3.split("3. Neither")[0]
GPL2 = """                    GNU GENERAL PUBLIC LICENSE
                       Version 2, June 1991
 Preamble
 (Some other Free Software Foundation software is covered by
the GNU Library General Public License instead.)
"""
GPL3 = """                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007
  13. Use with the GNU Affero General Public License.
  use the GNU Lesser General Public License instead of this License.
"""
LGPL3 = """                   GNU LESSER GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007
  This version of the GNU Lesser General Public License incorporates
the terms and conditions of version 3 of the GNU General Public License
"""
LGPL21 = "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 2.1, February 1999\n"
AGPL = "# GNU Affero General Public License\n\n_Version 3, 19 November 2007_\n"
MPL = "Mozilla Public License Version 2.0\n==================================\n"
ISC = """ISC License
Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.
"""
ZERO_BSD = """Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
"""
UNLICENSE = "This is free and unencumbered software released into the public domain.\n"
BOOST = "Boost Software License - Version 1.0 - August 17th, 2003\n"
GPL_NOTICE = """Copyright (C) 2021 Someone

This program is free software: you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.
"""


@pytest.mark.parametrize(
    ("text", "spdx"),
    [
        (MIT, "MIT"),
        (APACHE, "Apache-2.0"),
        (BSD3, "BSD-3-Clause"),
        (BSD2, "BSD-2-Clause"),
        (GPL2, "GPL-2.0"),
        (GPL3, "GPL-3.0"),
        (LGPL3, "LGPL-3.0"),
        (LGPL21, "LGPL-2.1"),
        (AGPL, "AGPL-3.0"),
        (MPL, "MPL-2.0"),
        (ISC, "ISC"),
        (ZERO_BSD, "0BSD"),
        (UNLICENSE, "Unlicense"),
        (BOOST, "BSL-1.0"),
        (GPL_NOTICE, "GPL-3.0"),
        (MIT + "\n\nThird-party code in vendor/ is under:\n" + BSD3, "MIT"),
        (MIT.replace("\n", "\r\n"), "MIT"),
        (
            "*Permission is hereby granted, free of charge, to any person obtaining a copy*\n"
            "> The above copyright notice and this permission notice shall be included",
            "MIT",
        ),
    ],
)
def test_license_texts(text: str, spdx: str) -> None:
    assert license_of_text(text) == spdx


@pytest.mark.parametrize(
    "text",
    [
        "",
        "All rights reserved.",
        "Proprietary. Do not distribute.",
        "Licensed under either of\n\n" + APACHE + "\n\nor\n\n" + MIT,
        "This software is dual-licensed:\n" + MIT + BSD3,
        BSD3 + "\n4. All advertising materials mentioning features or use of this software",
        "x" * 5000 + MIT,
    ],
)
def test_unsure_license_texts(text: str) -> None:
    assert license_of_text(text) is None


@pytest.mark.parametrize(
    "name",
    ["Apache-2.0", "GPL-3", "GPL-2", "LGPL-2.1", "LGPL-3", "MPL-2.0", "BSD", "CC0-1.0", "GPL"],
)
def test_system_license_texts(name: str) -> None:
    path = Path("/usr/share/common-licenses") / name
    if not path.is_file():
        pytest.skip(f"{path} is not on this system")
    expected = {
        "GPL-3": "GPL-3.0",
        "GPL-2": "GPL-2.0",
        "LGPL-3": "LGPL-3.0",
        "BSD": "BSD-3-Clause",
        "GPL": "GPL-3.0",
    }.get(name, name)
    assert license_of_text(path.read_text(errors="replace")) == expected


@pytest.mark.parametrize(
    ("value", "spdx"),
    [
        ("MIT", "MIT"),
        ("mit", "MIT"),
        ("MIT License", "MIT"),
        ("Apache-2.0", "Apache-2.0"),
        ("apache 2.0", "Apache-2.0"),
        ("MIT OR Apache-2.0", "MIT OR Apache-2.0"),
        ("MIT/Apache-2.0", "MIT OR Apache-2.0"),
        ("mit or apache-2.0", "MIT OR Apache-2.0"),
        ("(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause"),
        (
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
        ),
        ("LicenseRef-Proprietary", "LicenseRef-Proprietary"),
        ("BSD 3-Clause", "BSD-3-Clause"),
        ("UNLICENSED", None),
        ("SEE LICENSE IN LICENSE.txt", None),
        ("BSD", None),
        ("Proprietary", None),
        ("", None),
        ("MIT OR Nonsense-1.0", None),
    ],
)
def test_normalise_declared_licenses(value: str, spdx: str | None) -> None:
    assert normalise(value) == spdx


@pytest.mark.parametrize(
    ("files", "spdx"),
    [
        ({"pyproject.toml": '[project]\nname = "x"\nlicense = "MIT"\n', "LICENSE": APACHE}, "MIT"),
        (
            {"pyproject.toml": '[project]\nname = "x"\nlicense = {text = "BSD-3-Clause"}\n'},
            "BSD-3-Clause",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "x"\nlicense = {file = "LICENSE"}\n',
                "LICENSE": MIT,
            },
            "MIT",
        ),
        ({"pyproject.toml": '[tool.poetry]\nlicense = "GPL-3.0-or-later"\n'}, "GPL-3.0-or-later"),
        ({"package.json": '{"license": "ISC"}'}, "ISC"),
        ({"package.json": '{"license": {"type": "MIT"}}'}, "MIT"),
        ({"package.json": '{"license": "UNLICENSED"}', "LICENSE": "Proprietary."}, None),
        (
            {"Cargo.toml": '[package]\nname = "x"\nlicense = "MIT/Apache-2.0"\n'},
            "MIT OR Apache-2.0",
        ),
        ({"setup.cfg": "[metadata]\nname = x\nlicense = BSD 3-Clause\n"}, "BSD-3-Clause"),
        ({"pyproject.toml": "not [valid toml", "LICENSE": ISC}, "ISC"),
        ({"setup.cfg": "[metadata\nlicense = MIT", "LICENSE": MIT}, "MIT"),
        ({"LICENSE-MIT": MIT, "LICENSE-APACHE": APACHE}, None),
        ({"COPYING": GPL3, "COPYING.LESSER": LGPL3}, None),
        ({"LICENSES/Apache-2.0.txt": APACHE}, "Apache-2.0"),
        ({"LICENSE": "\x00\x01binary"}, None),
    ],
)
def test_license_spdx(docs_of: DocsOf, files: dict[str, str], spdx: str | None) -> None:
    assert docs_of(files).license_spdx == spdx
