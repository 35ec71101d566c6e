"""INS031: invisible or direction-changing Unicode in an instruction file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from auditor.index.line_offsets import line_at
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

from .instruction_text import has_agent_facing_files, instruction_chunks

HIDDEN = re.compile(
    "[\u200b\u2060-\u2064\u180e\u202a-\u202e\u2066-\u2069"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]|(?<!^)\ufeff"
)
"""Zero-width space, word joiner and invisible operators, Mongolian vowel separator, bidi
embeddings, overrides and isolates, Unicode tag characters (ASCII smuggling), supplementary
variation selectors, and a byte-order mark past the start. Zero-width (non-)joiners and the
emoji variation selector are left alone: emoji sequences and Persian text need them."""
NAMES = {"\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u200b": "ZERO WIDTH SPACE", "\ufeff": "BOM"}


def describe(char: str) -> str:
    code = ord(char)
    if 0xE0000 <= code <= 0xE007F:
        return f"U+{code:04X} (tag character, invisible text)"
    return f"U+{code:04X}" + (f" ({NAMES[char]})" if char in NAMES else "")


def check(ctx: RuleContext) -> Iterator[Violation]:
    for path, chunks in groupby(instruction_chunks(ctx), key=lambda pair: pair[0]):
        count, first, line = 0, "", 0
        for _, chunk in chunks:
            for match in HIDDEN.finditer(chunk.text, 0, chunk.own_end):
                count += 1
                if not first:
                    first = match[0]
                    line = chunk.file_line(line_at(chunk.text, match.start()))
        if count:
            yield Violation(
                f"{count} invisible or bidi control character(s), first {describe(first)} "
                f"at line {line}: text the agent reads but a reviewer cannot see",
                path,
                line,
                key="hidden-unicode",
            )


RULE = Rule(
    id="INS031",
    name="hidden-unicode-in-instructions",
    title="Invisible Unicode in an instruction file",
    category=Category.SAFETY,
    reads=frozenset({Reads.INSTRUCTIONS}),  # it scans the agent-facing files
    severity=Severity.HIGH,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Pillar Security 2025, 'Rules File Backdoor': hidden Unicode in Cursor and Copilot "
        "rule files steered agents into writing malicious code unseen by reviewers; "
        "Boucher & Anderson, 'Trojan Source' (CVE-2021-42574): bidi controls hide code.",
    ),
    rationale=(
        "Agents read every code point of an instruction file; people reviewing it on GitHub "
        "or in an editor do not see zero-width characters, Unicode tag characters or "
        "direction overrides. That gap is how poisoned rule files smuggle instructions past "
        "review, and no legitimate instruction needs these characters."
    ),
    fix=(
        "Delete the invisible characters (the finding gives the first code point and line), "
        "then read the file's raw text to see what they hid."
    ),
    fix_prompt=(
        "The instruction file named in the finding contains invisible Unicode characters. "
        "Show them with `grep -nP '[\\x{200B}\\x{2060}-\\x{2064}\\x{202A}-\\x{202E}"
        "\\x{2066}-\\x{2069}\\x{E0000}-\\x{E007F}]' FILE`, remove every one, and tell the "
        "maintainers what text they hid. Verify with: auditor audit . --select INS031"
    ),
    check=check,
    applies=has_agent_facing_files,
    examples=(
        passing({"AGENTS.md": "Run `pytest`. 👩‍💻 Ask first. ❤️\n"}, "emoji sequences"),
        failing({"AGENTS.md": "Run `pytest`.\u200b\n"}),
        failing({".cursorrules": "Use ruff.\U000e0069\U000e0067\U000e006e\n"}, "tag characters"),
        failing({"CLAUDE.md": "Check \u202eexec\u202c first.\n"}, "a bidi override"),
        failing({".agents/skills/lint/SKILL.md": "Run ruff.\U000e0069\n"}, "in a skill"),
        not_applicable({"README.md": "x\u200b\n"}),
    ),
    per_package=False,
)
