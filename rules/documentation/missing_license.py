"""DOC005: a library or tool published for reuse that states no licence."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, passing


def check(ctx: RuleContext) -> Iterator[Violation]:
    docs = ctx.facts.docs
    if docs.license is None and docs.license_spdx is None:
        yield Violation("no LICENSE file and no licence declared in the package manifest")


LIBRARY = {
    "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"'
    '\n\n[project]\nname = "tinylib"\nversion = "1.0"\n',
    "src/tinylib/__init__.py": '"""A tiny library."""\n\n\ndef add(a, b):\n    return a + b\n',
}

RULE = Rule(
    id="DOC005",
    name="missing-license",
    title="Library without a licence",
    category=Category.DOCUMENTATION,
    severity=Severity.LOW,
    level=5,
    evidence=Evidence(
        Grade.CONVENTION,
        "Convention, no agent study: the terms of reuse decide what an agent may copy into or "
        "out of the code, which dependencies fit, and which header a new file carries; GitHub's "
        "community profile and package registries expect a licence.",
    ),
    rationale=(
        "A library or command-line tool is published for others to use, and agents working "
        "on it or with it need its terms: whether code from another project may be copied in, "
        "whether a dependency's licence is compatible, which SPDX header new files carry. "
        "Without a LICENSE file or a declared licence, the legal default is that nobody may "
        "reuse it, and an agent can only guess. Applications are not judged."
    ),
    fix=(
        "Add a LICENSE file with the full licence text and declare the same licence in the "
        'package manifest (`license = "MIT"`, `"license": "MIT"`).'
    ),
    fix_prompt=(
        "This library states no licence. Ask the maintainers which licence they intend; do "
        "not choose one yourself. Once told, add LICENSE at the root with the licence's "
        "official full text (year and copyright holder filled in) and declare its SPDX "
        "identifier in the package manifest. Verify with: auditor audit . --select DOC005"
    ),
    check=check,
    reads=frozenset({Reads.DOCS, Reads.MANIFESTS}),
    examples=(
        passing({**LIBRARY, "LICENSE": "MIT License\n\nCopyright (c) 2026 Tiny\n"}),
        passing(
            {**LIBRARY, "pyproject.toml": LIBRARY["pyproject.toml"] + 'license = "MIT"\n'},
            "declared in the manifest",
        ),
        failing(LIBRARY),
    ),
    per_package=False,
    profiles=frozenset({"library", "cli"}),
)
