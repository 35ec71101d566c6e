"""DOC004: environment variables the code reads that no example env file or document names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

from .well_known_env import is_platform

DOC_SUFFIXES = (".md", ".mdx", ".rst", ".txt", ".adoc")
ENV_FILE = re.compile(r"(?:^|/)(?:\.env[\w.-]*|[\w.-]*\.env(?:\.[\w-]+)?|env\.example)$")
CONFIG_FILE = re.compile(r"\.config(?:\.[\w-]+)?\.[cm]?[jt]s$|(?:^|/)(?:scripts?|tools|__\w+__)/")
"""Build and tool configuration, maintainer scripts and `__benchmarks__`-style directories:
read by developers, not by users."""


def project_reads(ctx: RuleContext) -> list[tuple[str, str, int]]:
    return [
        (read.name, read.path, read.line)
        for read in ctx.facts.env_reads
        if not is_platform(read.name, read.path) and not CONFIG_FILE.search(read.path)
    ]


def applies(ctx: RuleContext) -> bool:
    return bool(project_reads(ctx))


def documentation(ctx: RuleContext) -> str:
    """Every example env file, document and instruction file, as one text."""
    texts = []
    for record in ctx.index.files:
        path = record.path
        if path.lower().endswith(DOC_SUFFIXES) or ENV_FILE.search(path):
            texts.append(ctx.index.text(path) or "")
    texts.extend(ctx.index.text(path) or "" for path in ctx.facts.instruction_files)
    return "\n".join(texts)


def named(name: str, text: str) -> bool:
    """Whether `text` names `name` as a word of its own (not `$NAME`, not inside a longer
    word): each occurrence found by substring search, its neighbours looked at."""
    end = len(name)
    at = text.find(name)
    while at != -1:
        before = text[at - 1] if at else " "
        after = text[at + end] if at + end < len(text) else " "
        if not _word(before) and before != "$" and not _word(after):
            return True
        at = text.find(name, at + 1)
    return False


def _word(char: str) -> bool:
    """A character of a word as `\\w` matches it: a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


def check(ctx: RuleContext) -> Iterator[Violation]:
    text = documentation(ctx)
    verdicts: dict[str, bool] = {}
    for name, path, line in project_reads(ctx):
        if name not in verdicts:
            verdicts[name] = named(name, text)
        if not verdicts[name]:
            yield Violation(
                f"{name} is read here but named in no .env example or document", path, line, name
            )


RULE = Rule(
    id="DOC004",
    name="undocumented-env-vars",
    title="Environment variables not documented",
    category=Category.DOCUMENTATION,
    severity=Severity.LOW,
    level=4,
    evidence=Evidence(
        Grade.CONVENTION,
        "Mechanism moderate, rule convention: environment set-up errors caused 65% of "
        "failures in GitTaskBench (arXiv 2508.18993) and SetupBench (Microsoft, 2025) found "
        "much redundant exploration; no study measures documented variables directly.",
    ),
    rationale=(
        "A variable the code reads but no document names is configuration an agent can only "
        "discover by reading the code or by failing at run time, which is how set-up loops "
        "start. Listing each in .env.example (with a placeholder) or in the docs makes the "
        "configuration visible. Platform variables (HOME, PATH, CI, proxies, XDG_*) and reads "
        "in tests, examples, scripts and tool configs are not judged."
    ),
    fix=(
        "Add each variable to .env.example with a placeholder value and a comment, or to the "
        "configuration section of the docs."
    ),
    fix_prompt=(
        "The code reads environment variables that no document names (see the findings, each "
        "at its first read). For each, read the code to learn what it controls and its "
        "default, then add it to .env.example (placeholder value, one-line comment; create "
        "the file if needed) or to the configuration section of the docs. Never put a real "
        "secret in the example. Verify with: auditor audit . --select DOC004"
    ),
    check=check,
    reads=frozenset({Reads.DOCS}),
    applies=applies,
    examples=(
        passing(
            {
                "app.py": 'import os\n\nURL = os.environ["DATABASE_URL"]\n',
                ".env.example": "DATABASE_URL=postgres://localhost/app\n",
            }
        ),
        passing(
            {
                "index.js": "const key = process.env.STRIPE_KEY;\n",
                "README.md": "Set `STRIPE_KEY` to your Stripe API key.\n",
            },
            "named in the README",
        ),
        failing({"app.py": 'import os\n\nURL = os.getenv("DATABASE_URL", "sqlite://")\n'}),
        not_applicable({"app.py": 'import os\n\nHOME = os.environ["HOME"]\n'}, "platform only"),
        not_applicable(
            {
                "Cargo.toml": '[package]\nname = "x"\n',
                "build.rs": 'fn main() {\n    let t = std::env::var("TARGET");\n'
                '    let o = std::env::var("OUT_DIR");\n}\n',
            },
            "what Cargo sets for a build script",
        ),
    ),
    per_package=False,
)
