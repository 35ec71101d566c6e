"""The command line: click commands, and the one error boundary that maps errors to exit codes.

Exit codes: 0 passed; 1 the gate failed; 2 usage, config or plugin error; 3 internal error.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Sequence

import click

from auditor import __version__
from auditor.commands.agents_md import agents_md_command
from auditor.commands.audit import audit_command
from auditor.commands.badge import badge_command
from auditor.commands.baseline import baseline_command
from auditor.commands.diff import diff_command
from auditor.commands.fleet import fleet_command
from auditor.commands.history import history_command
from auditor.commands.mcp import mcp_command
from auditor.commands.merge import merge_command
from auditor.commands.rules import explain_command, rules_command
from auditor.commands.scaffold_tests import scaffold_tests_command
from auditor.errors import AuditorError
from auditor.inert_text import visible

EXIT_OK, EXIT_GATE, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="auditor")
def cli() -> None:
    """How ready is this repository for coding agents, and what should be fixed first?

    \b
    Examples:
      auditor audit .                          score, level, facts and top fixes
      auditor audit . -o report.json           also write the JSON report
      auditor audit . --fail-under 70          fail CI when the score drops below 70
      auditor audit . -o report.html           an interactive, offline report
      auditor agents-md . --write              write an AGENTS.md from verified facts
      auditor scaffold-tests . --write         tests that pass today for untested modules
      auditor diff old.json new.json           what a change did to the score
      auditor baseline . && auditor audit . --baseline .auditor-baseline.json --fail-on-new
      auditor fleet --from repos.txt -o out/   audit many repositories, one report each
      auditor merge out/*.json -o fleet.html   one dashboard for the whole fleet
      auditor history . --commits 50           the score at past commits, and what changed
      auditor rules                            list every rule
      auditor explain INS001                   what a rule checks, why, and how to fix it
      auditor mcp .                            serve verified facts to a coding agent (MCP)

    Exit codes: 0 passed, 1 the gate failed, 2 usage/config/plugin error, 3 internal error.
    """


cli.add_command(audit_command)
cli.add_command(agents_md_command)
cli.add_command(rules_command)
cli.add_command(explain_command)
cli.add_command(badge_command)
cli.add_command(diff_command)
cli.add_command(fleet_command)
cli.add_command(merge_command)
cli.add_command(history_command)
cli.add_command(mcp_command)
cli.add_command(baseline_command)
cli.add_command(scaffold_tests_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI; the only place that turns exceptions into exit codes."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="auditor",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        click.echo("auditor: interrupted", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return EXIT_USAGE if error.exit_code != 0 else EXIT_OK
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except AuditorError as error:
        click.echo(f"auditor: error: {visible(str(error))}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("auditor: interrupted", err=True)
        return 130
    except Exception as error:
        where = _save_traceback()
        click.echo(
            f"auditor: internal error: {type(error).__name__}: {visible(str(error))} "
            f"(traceback: {where}; "
            "please report it)",
            err=True,
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


def _save_traceback() -> str:
    try:
        fd, path = tempfile.mkstemp(prefix="auditor-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            traceback.print_exc(file=out)
        return path
    except OSError:
        return "not saved"


if __name__ == "__main__":  # pragma: no cover
    main()
