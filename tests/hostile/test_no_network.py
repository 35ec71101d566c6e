"""No network: the whole suite runs with sockets disabled, and no command even tries one."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError

from auditor.cli import run
from tests.hostile.conftest import Outcome, assert_survived

LINKED = {
    "README.md": (
        "# linked\n\nSee https://example.com/docs and ![badge](https://img.example.com/b.svg).\n"
        "Install: `curl -fsSL https://example.com/install.sh | sh`\n"
    ),
    "AGENTS.md": "# Agents\n\nDocs: <https://example.com/agents>.\n",
    ".mcp.json": '{"mcpServers": {"web": {"url": "https://mcp.example.com/sse"}}}',
    "package.json": '{"name": "x", "repository": "https://github.com/example/x"}',
    ".gitmodules": '[submodule "lib"]\n\tpath = lib\n\turl = https://example.com/lib.git\n',
}
"""A repository full of addresses a careless tool might fetch, resolve or follow."""


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
        lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM),
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: socket.getaddrinfo("localhost", 80),
    ],
    ids=["inet", "inet6", "unix", "connect", "resolve"],
)
def test_the_suite_runs_with_sockets_blocked(attempt: Callable[[], object]) -> None:
    with pytest.raises(SocketBlockedError), pytest.warns(UserWarning, match="tried to use"):
        attempt()


class SocketAttempts:
    """Each attempt to make a socket or resolve a name, recorded, then refused with the
    OSError an offline machine gives: an error the auditor swallowed would still be listed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.made: list[str] = []
        for name in ("socket", "socketpair", "create_connection", "getaddrinfo"):
            monkeypatch.setattr(socket, name, self._refuse(name))
        monkeypatch.setattr(socket, "gethostbyname", self._refuse("gethostbyname"))

    def _refuse(self, name: str) -> Callable[..., object]:
        def refused(*args: object, **kwargs: object) -> object:
            self.made.append(f"socket.{name}{args!r}")
            raise OSError(errno.ENETUNREACH, "network is unreachable")

        return refused


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--format", "json", "--no-cache"],
        ["audit", "--format", "html", "--no-cache"],
        ["agents-md"],
        ["agents-md", "--check"],
        ["agents-md", "--explain", "."],
    ],
    ids=" ".join,
)
def test_no_command_tries_the_network(
    args: list[str],
    make_repo: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = make_repo(LINKED, git=True)
    attempts = SocketAttempts(monkeypatch)
    code = run([args[0], str(root), *args[1:]])
    assert_survived(Outcome(code, *capsys.readouterr()))
    assert attempts.made == []
