"""The YAML frontmatter of skills, custom agents and commands: parsed once per content, bounded.

Agent Skills, Claude Code and Copilot read this block as YAML (unlike Cursor's rule globs,
which `facts.agents.frontmatter` reads leniently), so it is parsed with the safe, bounded
loader of `structured_text.load_yaml`. Only the first MAX_FRONTMATTER_LINES lines are looked
at for the closing `---`: a file that never closes its block costs no more than that.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType

from auditor.facts.model import AgentFrontmatter
from auditor.facts.sources import FactSources
from auditor.structured_text import MalformedDocument, load_yaml

FENCE = "---"
MAX_FRONTMATTER_LINES = 400
"""More than any real frontmatter; a block not closed by then is reported as not closed."""
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z0-9_][\w.-]*)\s*:")


def agent_frontmatter(src: FactSources, path: str, source: str) -> AgentFrontmatter:
    """The frontmatter of `source` (the indexed file behind `path`), computed once per content."""
    record = src.repo.file(source)
    key = f"agent-frontmatter:{record.digest if record is not None else source}"
    return src.derived(key, lambda: read_agent_frontmatter(src.text(source)))


def read_agent_frontmatter(text: str | None) -> AgentFrontmatter:
    """Parse the `---` block at the very start of `text` (a byte-order mark is allowed)."""
    if text is None:
        return AgentFrontmatter(False, problem="the file has no text the auditor can read")
    text = text.removeprefix("\ufeff")
    head = text.split("\n", MAX_FRONTMATTER_LINES + 1)
    if head[0].rstrip() != FENCE:
        return _body(AgentFrontmatter(False), text, 0)
    closing = next((n for n, line in enumerate(head[1:], 1) if line.rstrip() == FENCE), None)
    if closing is None:
        problem = "the frontmatter is opened with --- but never closed"
        return _body(AgentFrontmatter(True, problem=problem), text, 0)
    block = "\n".join(head[1:closing])
    lines = {
        found[1]: number
        for number, line in enumerate(head[1:closing], start=2)
        if (found := TOP_LEVEL_KEY.match(line))
    }
    data, why = _parse(block)
    front = AgentFrontmatter(True, data, why, MappingProxyType(lines))
    return _body(front, text, closing + 1)


def _parse(block: str) -> tuple[MappingProxyType[str, object] | None, str | None]:
    try:
        data = load_yaml(block) if block.strip() else {}
    except MalformedDocument as error:
        return None, f"not valid YAML: {error}"
    if not isinstance(data, dict):
        return None, "the frontmatter is not a mapping of `key: value` lines"
    return MappingProxyType({str(k): v for k, v in data.items()}), None


def _body(front: AgentFrontmatter, text: str, skipped: int) -> AgentFrontmatter:
    """`front` with the size of the body: what follows the `skipped` frontmatter lines."""
    lines = text.split("\n")
    body = "\n".join(lines[skipped:])
    return replace(
        front,
        body_line=skipped + 1,
        body_lines=len(body.splitlines()),
        body_bytes=len(body.encode()),
    )
