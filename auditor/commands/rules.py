"""`auditor rules` and `auditor explain`: what every rule checks, from its own declaration."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor import registry, safe_write
from auditor.errors import UsageError
from auditor.ruledoc import expected_docs, rule_declaration, rule_page


@click.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--write-docs",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="PROJECT",
    help="Regenerate PROJECT/docs/rules/*.md and the rule table in PROJECT/README.md.",
)
def rules_command(fmt: str, write_docs: Path | None) -> int:
    """List every installed rule: id, name, category, severity, level and evidence.

    With --format json, each rule's whole declaration: rationale, fix, fix prompt, evidence
    grade and source, options with their defaults and descriptions, profiles and aliases
    (its JSON Schema ships as auditor_reports/schemas/rules.schema.json).

    \b
    Examples:
      auditor rules
      auditor rules --format json | jq '.[] | select(.category == "safety")'
    """
    rules = registry.load_rules()
    if write_docs is not None:
        for path, content in expected_docs(rules, write_docs).items():
            safe_write.write_text(safe_write.output_target(path, write_docs), content, str(path))
        click.echo(f"wrote {len(rules)} rule pages under {write_docs / 'docs' / 'rules'}")
        return 0
    if fmt == "json":
        rows = [rule_declaration(r) for r in rules]
        click.echo(json.dumps(rows, indent=2, sort_keys=True))
        return 0
    for r in rules:
        click.echo(
            f"{r.id}  {r.category.value:<13} {r.severity.value:<8} L{r.level}  "
            f"{r.evidence.grade.value:<10} {r.name}: {r.title}"
        )
    click.echo(
        f"\n{len(rules)} rules. `auditor explain ID` tells what one checks and how to fix it."
    )
    return 0


@click.command("explain")
@click.argument("rule_id")
def explain_command(rule_id: str) -> int:
    """Explain a rule: what it checks, why it matters, the evidence, how to fix it.

    \b
    Example:
      auditor explain INS001
    """
    wanted = rule_id.strip().upper()
    for rule in registry.load_rules():
        if wanted == rule.id or wanted in rule.aliases or rule_id.strip() == rule.name:
            click.echo(rule_page(rule), nl=False)
            return 0
    raise UsageError(f"no rule {rule_id!r}; `auditor rules` lists them")
