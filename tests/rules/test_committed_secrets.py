"""What SAF002 takes for a committed credential, beyond what its examples show."""

from __future__ import annotations

import pytest

from auditor_rules.safety.secret_patterns import env_secret, is_env_file


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("API_KEY=abc123def456\n", ("API_KEY", 1)),
        ("# comment\nexport DB_PASSWORD='hunter2hunter2'\n", ("DB_PASSWORD", 2)),
        ("SECRET_KEY=changethis\n", None),
        ("API_TOKEN=\nNEXT=1\n", None),
        ("GITHUB_TOKEN=${GITHUB_TOKEN}\n", None),
        ("API_KEY=<your key here>\n", None),
        ("API_KEY=your-api-key\n", None),
        ("PUBLIC_URL=https://example.com\n", None),
    ],
)
def test_env_secret(text: str, found: tuple[str, int] | None) -> None:
    assert env_secret(text) == found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (".env", True),
        ("services/api/.env.production", True),
        (".env.example", False),
        (".env.sample", False),
        (".envrc", False),
        ("env.py", False),
    ],
)
def test_is_env_file(path: str, expected: bool) -> None:
    assert is_env_file(path) is expected
