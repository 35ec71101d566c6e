"""Under strace, the real CLI on the trapped repository: it execs only itself and git, and opens
no network socket (slow: each command is a traced process)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.test_no_execution import careless_path
from tests.hostile.trapped_repo import trapped_repo

SCRIPT = Path(sys.executable).with_name("auditor")
EXEC = re.compile(r'^\d+\s+execve(?:at)?\((?:[^,]*, )?"(?P<path>[^"]*)"', re.MULTILINE)
NETWORK = re.compile(r"^\d+\s+(?:socket|connect)\(.*$", re.MULTILINE)
TRACE = ("-f", "-qq", "-e", "trace=execve,execveat,socket,connect")
LAUNCHES = {"script": [str(SCRIPT)], "python-P-m": [sys.executable, "-P", "-m", "auditor"]}


def strace() -> str:
    """The strace binary, or a skip (a failure under CI, where .ci/run installs it)."""
    found = shutil.which("strace")
    usable = found is not None and (
        subprocess.run([found, "-f", "-o", os.devnull, "true"], capture_output=True).returncode == 0
    )
    if found is None or not usable:
        reason = "strace is not installed" if found is None else "strace cannot trace here"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; .ci/run installs it (apt-get install strace)")
        pytest.skip(f"{reason} (apt-get install strace)")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("launch", sorted(LAUNCHES))
def test_the_cli_execs_only_itself_and_git_and_opens_no_socket(launch: str, tmp_path: Path) -> None:
    tracer = strace()
    markers = tmp_path / "markers"
    root = trapped_repo(tmp_path / "checkout", markers)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, symlinks=True)
    out = tmp_path / "out"
    commands = [
        ["audit", ".", "--format", "json", "--no-cache", "-o", str(out / "report.json")],
        ["audit", ".", "--cache-dir", str(out / "cache"), "-o", str(out / "report.html")],
        ["agents-md", "."],
        ["agents-md", ".", "--check"],
        ["agents-md", ".", "--explain", "setup.py"],
        ["agents-md", str(copy), "--write", "--force", "--link", "claude"],
        ["badge", ".", "-o", str(out / "badges"), "--no-cache"],
        ["diff", str(out / "report.json"), str(out / "report.json")],
    ]
    env = {**os.environ, "PATH": careless_path()}
    for number, args in enumerate(commands):
        log = tmp_path / f"trace-{number}.log"
        done = subprocess.run(
            [tracer, *TRACE, "-o", str(log), *LAUNCHES[launch], *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode in (0, 1), (args, done.stderr)
        trace = log.read_text("utf-8", "replace")
        executed = EXEC.findall(trace)
        assert executed and executed[0] == LAUNCHES[launch][0], (args, executed[:1])
        others = [path for path in executed[1:] if not _is_git(path)]
        assert others == [], (args, others)
        assert any(_is_git(path) for path in executed) or args[0] == "diff", args
        network = [line for line in NETWORK.findall(trace) if "AF_UNIX" not in line]
        assert network == [], (args, network)
    assert sorted(p.name for p in markers.iterdir()) == []


def _is_git(path: str) -> bool:
    return os.path.isabs(path) and Path(path).name == "git"


MCP_SESSION = (
    {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "trace", "version": "0"},
        },
    },
    {"jsonrpc": "2.0", "method": "notifications/initialized"},
    *(
        {"jsonrpc": "2.0", "id": number, "method": "tools/call", "params": call}
        for number, call in enumerate(
            (
                {"name": "repository_facts", "arguments": {}},
                {"name": "instructions_for", "arguments": {"path": "setup.py"}},
                {"name": "audit", "arguments": {"page_size": 500}},
                {"name": "propose_agents_md", "arguments": {}},
            ),
            start=2,
        )
    ),
)


@pytest.mark.slow
def test_the_mcp_server_execs_only_itself_and_git_and_opens_no_socket(tmp_path: Path) -> None:
    """`auditor mcp` answering every kind of tool call on the trapped repository, traced; the
    only sockets it may open are Unix ones (asyncio's self-pipe is a socketpair)."""
    pytest.importorskip("mcp", reason="the [mcp] extra is not installed")
    tracer = strace()
    markers = tmp_path / "markers"
    root = trapped_repo(tmp_path / "checkout", markers)
    log = tmp_path / "trace.log"
    args = [tracer, *TRACE, "-o", str(log), str(SCRIPT), "mcp", ".", "--no-cache"]
    env = {**os.environ, "PATH": careless_path()}
    server = subprocess.Popen(
        args, cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert server.stdin is not None and server.stdout is not None
    answered: dict[int, dict[str, object]] = {}
    for message in MCP_SESSION:
        server.stdin.write(json.dumps(message) + "\n")
        server.stdin.flush()
        if "id" in message:
            reply = json.loads(server.stdout.readline())
            answered[reply["id"]] = reply
    server.stdin.close()
    assert server.wait(timeout=300) == 0
    assert all("result" in reply for reply in answered.values()), answered
    assert not any(reply["result"].get("isError") for reply in list(answered.values())[1:])
    trace = log.read_text("utf-8", "replace")
    executed = EXEC.findall(trace)
    assert executed[0] == str(SCRIPT)
    assert [path for path in executed[1:] if not _is_git(path)] == []
    assert [line for line in NETWORK.findall(trace) if "AF_UNIX" not in line] == []
    assert sorted(p.name for p in markers.iterdir()) == []
