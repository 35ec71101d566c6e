"""Benchmark of `auditor mcp`: the first `repository_facts` call, later calls, and a refresh.

The server runs as a child process (`python -P -m auditor mcp REPO`) with an empty cache
directory, driven by the MCP SDK's stdio client. "first" is the first call after the
handshake (the server reads the repository then), "later" the median of the calls after it
(the stamp of the files, then the kept answer), "refresh" the call after one file changed
(read again through the content-hash caches).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

LATER_CALLS = 20


@dataclass(frozen=True)
class McpMeasurement:
    first_s: float
    later_ms: float
    later_max_ms: float
    refresh_s: float


def measure_mcp(repo: Path, jobs: int | None) -> McpMeasurement:
    import anyio

    return anyio.run(_session, repo, jobs)


async def _session(repo: Path, jobs: int | None) -> McpMeasurement:
    from mcp import Client, StdioServerParameters

    with tempfile.TemporaryDirectory(prefix="auditor-bench-mcp-") as cache:
        args = ["-P", "-m", "auditor", "mcp", str(repo), "--cache-dir", cache]
        args += ["--jobs", str(jobs)] if jobs else []
        server = StdioServerParameters(command=sys.executable, args=args, env=dict(os.environ))
        async with Client(server) as client:
            first = await _timed(client)
            later = [await _timed(client) for _ in range(LATER_CALLS)]
            _touch(repo)
            refresh = await _timed(client)
    return McpMeasurement(first, statistics.median(later) * 1000, max(later) * 1000, refresh)


async def _timed(client: object) -> float:
    start = time.perf_counter()
    result = await client.call_tool("repository_facts", {})  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    if result.is_error:
        raise SystemExit(f"repository_facts failed: {result.content}")
    return elapsed


def _touch(repo: Path) -> None:
    """Change the mtime of one tracked file (its content stays), as an editor's save would."""
    readme = next((p for p in (repo / "README.md", repo / "README.rst") if p.is_file()), None)
    target = readme or next(p for p in sorted(repo.iterdir()) if p.is_file())
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
