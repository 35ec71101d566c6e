"""How every renderer names languages and standard documents in the facts it shows."""

from __future__ import annotations

from auditor.model import ReportFacts, Source

DISPLAY_NAMES = {
    "javascript": "JavaScript", "typescript": "TypeScript", "csharp": "C#", "cpp": "C++",
    "php": "PHP", "objective-c": "Objective-C",
}  # fmt: skip
DOC_LABELS = (
    ("readme", "README"), ("contributing", "contributing guide"),
    ("architecture", "architecture"), ("changelog", "changelog"), ("license", "licence"),
    ("security", "security policy"), ("code_of_conduct", "code of conduct"),
    ("codeowners", "CODEOWNERS"),
)  # fmt: skip
"""(key of `facts.docs`, what a reader calls it), in the order reports list them."""


AGENT_FILE_KINDS = (
    ("skill", "skill", "skills"), ("agent", "custom agent", "custom agents"),
    ("command", "command", "commands"), ("hooks", "hook config", "hook configs"),
)  # fmt: skip


def agent_files_summary(facts: ReportFacts) -> str:
    """`8 skills, 5 custom agents, 1 hook config`: what agents load on demand, counted once
    per file (a linked copy is the same file)."""
    parts = []
    for kind, one, many in AGENT_FILE_KINDS:
        count = len({f.source for f in facts.agent_files if f.kind == kind})
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)


def language_name(name: str) -> str:
    """`typescript` -> `TypeScript`, `python` -> `Python`."""
    return DISPLAY_NAMES.get(name, name.capitalize())


def ordered_languages(facts: ReportFacts) -> list[str]:
    """Language keys, the primary first, then by file count (most first), then by name."""
    languages = facts.languages
    primary = facts.primary_language
    return sorted(languages, key=lambda name: (name != primary, -languages[name].files, name))


def source_note(source: Source) -> str:
    """`CONTRIBUTING.md:42, documented`: where a chosen fact came from and why it won."""
    where = f"{source.path}:{source.line}" if source.line else source.path or "framework default"
    return f"{where}, {source.reason}"
