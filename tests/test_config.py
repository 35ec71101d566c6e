"""Config: where it is read from, what it accepts, and one clear error for what it does not."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.config import Config, load_config
from auditor.errors import ConfigError
from auditor.model import Severity


def write(root: Path, name: str, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    return root


def test_defaults_without_any_file(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_reads_tool_auditor_from_pyproject(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        """
[project]
name = "x"
[tool.auditor]
select = ["INS", "FEE001"]
ignore = ["NAV004"]
exclude = ["generated/"]
fail-under = 70
fail-on = "high"
[tool.auditor.rules.nav003]
max_lines = 80
""",
    )
    config = load_config(tmp_path)
    assert config.select == ("INS", "FEE001") and config.ignore == ("NAV004",)
    assert config.exclude == ("generated/",)
    assert config.fail_under == 70.0 and config.fail_on is Severity.HIGH
    assert dict(config.rule_options["NAV003"]) == {"max_lines": 80}
    assert config.source is not None and config.source.endswith("pyproject.toml")


def test_dedicated_file_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.auditor]\nselect = ['A']\n")
    write(tmp_path, ".auditor.toml", "select = ['B']\n")
    assert load_config(tmp_path).select == ("B",)


def test_flags_override_the_file(tmp_path: Path) -> None:
    write(tmp_path, ".auditor.toml", "fail-under = 50\nselect = ['B']\n")
    config = load_config(tmp_path).override(fail_under=80.0, select=(), ignore=None)
    assert config.fail_under == 80.0 and config.select == ("B",)


def test_unknown_key_is_an_error_naming_it(tmp_path: Path) -> None:
    write(tmp_path, ".auditor.toml", "selcet = ['A']\n")
    with pytest.raises(ConfigError, match="unknown key 'selcet'"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("select = 'A'", "select must be a list of strings"),
        ("fail-under = 101", "fail-under must be a number from 0 to 100"),
        ("fail-on = 'severe'", "fail-on must be one of"),
        ("jobs = true", "jobs must be a whole number of at least 1"),
        ("rules = 3", "rules must be a table of tables"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_values_are_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, ".auditor.toml", text + "\n")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_malformed_pyproject_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[project\nname=")
    config = load_config(tmp_path)
    assert config.select == () and config.warnings
    assert "pyproject.toml" in config.warnings[0]


def test_explicit_config_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, tmp_path / "missing.toml")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_hostile_config_text_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    root = tmp_path_factory.mktemp("cfg")
    (root / ".auditor.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(ConfigError):
        load_config(root)
