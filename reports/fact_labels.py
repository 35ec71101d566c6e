"""How every renderer names languages and standard documents in the facts it shows."""

from __future__ import annotations

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


def language_name(name: str) -> str:
    """`typescript` -> `TypeScript`, `python` -> `Python`."""
    return DISPLAY_NAMES.get(name, name.capitalize())
