"""DOC001: no README, or one too thin to tell an agent how to set up or test the project."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Option, Reads, Rule, RuleContext, Violation, failing, passing

URL = re.compile(r"(?<!\S)\S*?://\S*+|<[^>]*+>")
WORD = re.compile(r"[^\W\d_][\w'-]*")
HOW_TO = re.compile(
    r"install|set ?up|getting started|get started|quick ?start|usage|build|develop|"
    r"contribut|test|running|requirements|prerequisites",
    re.IGNORECASE,
)
MD_HEADING = re.compile(
    r"^[^\S\n]{0,3}#{1,6}[^\S\n]++(.+)$|^[^\S\n]*<h[1-6][^>]*>(.+?)</h", re.MULTILINE
)
UNDERLINED = re.compile(r"^(\S.*)\n(?:=+|-+|~+|\^+|\*+)\s*$", re.MULTILINE)
CODE_BLOCK = re.compile(r"^[^\S\n]*(?:```|~~~|\.\. code(?:-block)?::|\$ \S)|::\s*$", re.MULTILINE)


def problem(text: str, min_words: int) -> str | None:
    """What makes this README thin, or None when it is not."""
    words = len(WORD.findall(URL.sub(" ", text)))
    if words < min_words:
        return f"{words} word{'' if words == 1 else 's'} (at least {min_words})"
    headings = [a or b for a, b in MD_HEADING.findall(text)] + UNDERLINED.findall(text)
    if any(HOW_TO.search(heading) for heading in headings) or CODE_BLOCK.search(text):
        return None
    return "no install, usage or test section and no command block"


def check(ctx: RuleContext) -> Iterator[Violation]:
    readme = ctx.facts.docs.readme
    if readme is None:
        yield Violation("no README", "README.md")
        return
    text = ctx.index.text(readme)
    if text is None:  # a link to a README elsewhere, or unreadable: not judged
        return
    found = problem(text, int(ctx.option("min_words")))
    if found is not None:
        yield Violation(f"{readme} is thin: {found}", readme)


ABOUT = "This service turns uploaded invoices into ledger entries for the accounting team. " * 4

RULE = Rule(
    id="DOC001",
    name="thin-readme",
    title="README missing or thin",
    category=Category.DOCUMENTATION,
    severity=Severity.MEDIUM,
    level=1,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): generated context files only helped once the "
        "repository's own docs were removed, i.e. agents do use the docs; SetupBench and "
        "EnConda-Bench (arXiv 2510.25694): environment set-up starts from the README and is a "
        "leading cause of agent failure.",
    ),
    rationale=(
        "The README is where an agent, like a new colleague, learns what the project is and "
        "how to install, run and test it. Agents given good repository docs gained little from "
        "extra context files, which says they lean on those docs. A missing or one-line README "
        "leaves set-up to trial and error, the commonest way agent runs fail."
    ),
    fix=(
        "Write a README that says in a few sentences what the project is, then gives the "
        "commands to install it, run it and run its tests."
    ),
    fix_prompt=(
        "The README of this repository is missing or too thin. Write README.md with: one "
        "paragraph on what the project does and for whom; an Installation or Development "
        "section with the exact set-up commands in fenced code blocks; how to run it; how to "
        "run the tests (whole suite and a single test). Use only commands you have run in "
        "this repository. Verify with: auditor audit . --select DOC001"
    ),
    check=check,
    reads=frozenset({Reads.DOCS}),
    options=(Option("min_words", 50, "Words a README needs before it is more than a stub."),),
    examples=(
        passing({"README.md": f"# Ledger\n\n{ABOUT}\n\n## Development\n\n```sh\nmake test\n```\n"}),
        passing(
            {"README.rst": f"Ledger\n======\n\n{ABOUT}\n\nInstall\n-------\n\nUse pip.\n"}, "reST"
        ),
        failing({"app.py": "x = 1\n"}, "no README at all"),
        failing({"README.md": "# Ledger\n\nTODO\n"}, "a stub"),
        failing(
            {"README.md": f"# Ledger\n\n{ABOUT}\n"}, "prose but no way to set it up or test it"
        ),
    ),
    per_package=False,
)
