"""INS002 reports the file where a chain first overflows, once, not every deeper file."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from auditor import api, registry
from auditor.config import Config
from tests.conftest import write_repo

KIB = "x" * 1023 + "\n"


def findings(root: Path, files: dict[str, str]) -> list[tuple[str | None, str]]:
    write_repo(root, files)
    config = Config(select=("INS002",), rule_options=MappingProxyType({}))
    report = api.audit(root, config, rules=registry.load_rules())
    return [(f.path, f.message) for f in report.findings if f.rule == "INS002"]


def test_the_file_that_tips_the_chain_over_is_reported(tmp_path: Path) -> None:
    found = findings(
        tmp_path / "repo",
        {
            "AGENTS.md": KIB * 20,
            "a/AGENTS.md": KIB * 20,
            "a/b/AGENTS.md": KIB,
            "c/AGENTS.md": KIB,
        },
    )
    assert [path for path, _ in found] == ["a/AGENTS.md"]
    assert "AGENTS.md + a/AGENTS.md is 40,960 bytes (limit 32,768)" in found[0][1]


def test_an_empty_override_does_not_hide_agents_md(tmp_path: Path) -> None:
    found = findings(tmp_path / "repo", {"AGENTS.md": KIB * 40, "AGENTS.override.md": ""})
    assert [path for path, _ in found] == ["AGENTS.md"]
