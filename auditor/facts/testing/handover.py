"""Whether a found test run can be handed to an agent as written, on its own."""

from __future__ import annotations

from auditor.facts.shell.invocations import invocations
from auditor.facts.shell.syntax import commands

AS_ROOT = frozenset({"sudo", "doas", "su"})
"""Programs that run the rest as another user: CI's throwaway machine, not an agent's."""
EARLIER_STEP_FLAGS: dict[str, frozenset[str]] = {
    "dotnet": frozenset({"--no-build", "--no-restore"}),
}
"""Flags that skip a step the run needs, so that it runs only after a separate step did it
(`dotnet test --no-build` after CI's `dotnet build`)."""


def runs_as_root(text: str) -> bool:
    """Whether a command of `text` starts as root (`sudo ./ci/test.sh`): never an agent's."""
    return any(words[:1] and words[0] in AS_ROOT for words in commands(text))


def needs_an_earlier_step(text: str) -> bool:
    """Whether `text` skips a step it needs that no command of its own line runs before it:
    `dotnet test --no-build` alone, not `dotnet build && dotnet test --no-build`."""
    before: set[str] = set()
    for invocation in invocations(text):
        flags = EARLIER_STEP_FLAGS.get(invocation.program, frozenset())
        if invocation.program not in before and flags.intersection(invocation.args):
            return True
        before.add(invocation.program)
    return False
