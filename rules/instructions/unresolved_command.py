"""INS007: an instruction file, README or CONTRIBUTING names a command that does not resolve."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.references.dangling import checked_documents, dangling_references
from auditor.model import Category, Evidence, Grade, Severity
from auditor.rule import Reads, Rule, RuleContext, Violation, failing, not_applicable, passing

MAKEFILE = "test:\n\tpytest\n"


def applies(ctx: RuleContext) -> bool:
    """Only where there are agent instructions: README and CONTRIBUTING are judged with them
    (agents read them too), but alone they would make an instructions score out of nothing."""
    return bool(ctx.facts.instruction_files) and bool(checked_documents(ctx.subject))


def check(ctx: RuleContext) -> Iterator[Violation]:
    for reference in dangling_references(ctx.subject):
        if reference.kind == "command":
            yield Violation(reference.problem, reference.path, reference.line, reference.text)


RULE = Rule(
    id="INS007",
    name="unresolved-command",
    title="Instructions name a command that does not resolve",
    category=Category.INSTRUCTIONS,
    severity=Severity.HIGH,
    level=2,
    evidence=Evidence(
        Grade.MODERATE,
        "Gloaguen et al. 2026 (arXiv 2602.11988): agents run the tools a context file names "
        "1.6-2.5x more often; incorrect documentation hurts more than missing documentation "
        "(44.7% -> 22.1% unit-test success with wrong docstrings).",
    ),
    rationale=(
        "Agents run the commands their instructions name, first. `make lint` without a `lint` "
        "target, `npm run check` without a `check` script, `tox -e docs` without a docs env or "
        "`./scripts/test.sh` that was deleted fails on the first try and sends the agent "
        "guessing. Checked: make and just targets, npm/pnpm/yarn/bun scripts, tox envs, nox "
        "sessions, scripts run by path, path arguments (`pytest tests/x.py::t`), and the "
        "manifest each build tool needs where it runs (`cargo build` without a Cargo.toml, "
        "`go test ./x` outside its go module, `pip install -r` a missing file, an extra or "
        "group the pyproject.toml does not declare). The generated AGENTS.md is held to the "
        "same judge."
    ),
    fix="Change the command to the one the repository runs now (the target, script or env "
    "that replaced it), or delete it.",
    fix_prompt=(
        "Instruction files of this repository name commands that no longer resolve (listed "
        "with file and line by `auditor audit . --select INS007 -v`). For each, find what "
        "replaced the target, script or env (Makefile, justfile, package.json, tox.ini, "
        "noxfile.py, CI workflows), run the replacement once, and update the instruction. "
        "Verify with: auditor agents-md --check"
    ),
    check=check,
    reads=frozenset({Reads.TREE, Reads.MANIFESTS, Reads.CONFIG}),
    applies=applies,
    examples=(
        passing({"AGENTS.md": "Run `make test`.\n", "Makefile": MAKEFILE}),
        failing(
            {"AGENTS.md": "Run `make check`.\n", "Makefile": MAKEFILE},
            note="the Makefile has no check target",
        ),
        not_applicable({"src/app.py": "x = 1\n"}),
        not_applicable(
            {"README.md": "Run `make check`.\n", "Makefile": MAKEFILE},
            note="no instruction file: the README alone is not judged here",
        ),
    ),
    per_package=False,
)
