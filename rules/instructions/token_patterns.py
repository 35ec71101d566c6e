"""Credentials by their shape: vendor token prefixes, and secret settings in MCP configs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.facts.model import McpConfig, McpServer
from auditor.index.line_offsets import line_at

from ..safety.secret_patterns import PLACEHOLDER, PRIVATE_KEY, SECRET_NAME

TOKEN = re.compile(
    r"""(?<![\w-])(?:
        sk-(?:proj-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{32,}
      | gh[pousr]_[A-Za-z0-9]{36,}
      | github_pat_[A-Za-z0-9_]{60,}
      | xox[abposr]-[A-Za-z0-9-]{20,}
      | (?:AKIA|ASIA)[0-9A-Z]{16}
      | AIza[0-9A-Za-z_-]{35}
      | glpat-[A-Za-z0-9_-]{20,}
      | (?:sk|rk)_live_[0-9A-Za-z]{24,}
      | npm_[A-Za-z0-9]{36}
      | hf_[A-Za-z]{34}
      | pypi-AgE[A-Za-z0-9_-]{50,}
    )(?![\w-])""",
    re.VERBOSE,
)
"""Vendor tokens whose prefix makes them unambiguous (OpenAI, Anthropic, GitHub, Slack, AWS,
Google, GitLab, Stripe, npm, Hugging Face, PyPI)."""
FAKE = re.compile(r"EXAMPLE|X{6,}|x{6,}|0{8,}|1234567890|abcdef", re.IGNORECASE)
SECRET_FLAG = re.compile(r"^--?(?:api[-_]?key|token|password|secret|auth)(?:=(.+))?$", re.I)
BEARER = re.compile(r"^(?:Bearer|Basic|token)\s+(\S{12,})$", re.IGNORECASE)


def token_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line, what) of each vendor token or private key in `text`."""
    for match in TOKEN.finditer(text):
        if not FAKE.search(match.group(0)):
            yield line_at(text, match.start()), f"a {match.group(0)[:4]}... token"
    key = PRIVATE_KEY.search(text)
    if key is not None:
        yield line_at(text, key.start()), "a private key"


def _literal(value: object) -> bool:
    """A filled-in value, not a placeholder or a `${VAR}` / `${input:x}` reference."""
    return isinstance(value, str) and len(value) >= 8 and not PLACEHOLDER.match(value.strip())


def mcp_secrets(config: McpConfig) -> Iterator[str]:
    """What in an MCP config holds a literal credential: `server 'gh': env KEY`, ..."""
    for server in config.servers:
        yield from (f"server {server.name!r}: {what}" for what in _server_secrets(server))


def _server_secrets(server: McpServer) -> Iterator[str]:
    for table, values in (("env", server.env), ("headers", server.headers)):
        for key, value in values:
            if _secret_setting(key, value):
                yield f"{table} {key}"
    args = server.args
    for at, arg in enumerate(args):
        flag = SECRET_FLAG.match(arg)
        if flag is None:
            continue
        given = flag.group(1) or (args[at + 1] if at + 1 < len(args) else None)
        if _literal(given):
            yield f"argument {arg.split('=')[0]}"


def _secret_setting(key: str, value: str) -> bool:
    """A secret-named setting with a literal value, or an Authorization-style literal."""
    bearer = BEARER.match(value)
    named = bool(SECRET_NAME.search(key)) and _literal(value)
    return named or (bearer is not None and _literal(bearer.group(1)))
