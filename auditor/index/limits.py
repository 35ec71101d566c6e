"""The scan cap: how much of one file the index reads whole, and rules and facts scan at once."""

from __future__ import annotations

MAX_SCAN_BYTES = 1024 * 1024
"""Files up to this size are read whole: hashed, marker-scanned, parsed (source), and their
text given to the facts and rules (`RepositoryIndex.text`). Larger files are streamed a chunk
at a time and only counted (size, lines, digest), with a `too-large` diagnostic; no rule or
fact scans their text, except where a rule reads it in bounded pieces of this size
(`RepositoryIndex.chunks`): the safety rules do, for agent instruction files and MCP configs,
so padding one past the cap hides nothing from them. One MiB is hundreds of times what an
agent reads of an instruction file, and beyond what tree-sitter parses in good time."""
SCAN_CAP = f"{MAX_SCAN_BYTES / (1024 * 1024):g} MiB"
"""The cap as messages name it."""
SCAN_OVERLAP_BYTES = 64 * 1024
"""How far each chunk of `RepositoryIndex.chunks` runs into the next one: a match up to this
long that starts in one chunk is found whole in it."""
