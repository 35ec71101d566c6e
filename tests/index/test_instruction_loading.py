"""The loading model: which instruction files each agent reads for a path, and what it cuts."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from auditor.facts.agents import AgentLoad, agent_name, load, read_frontmatter
from auditor.facts.subject import Subject
from tests.conftest import subject_of

MakeSubject = Callable[..., Subject]
LINE = "- Run `make test` before you finish.\n"  # 37 bytes


def paths(view: AgentLoad) -> list[str]:
    return [f.path for f in view.loaded]


def test_codex_reads_one_file_per_directory_root_first(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            "AGENTS.md": "root\n",
            "pkg/AGENTS.md": "pkg\n",
            "pkg/AGENTS.override.md": "override\n",
            "pkg/sub/app.py": "x = 1\n",
            "other/AGENTS.md": "other\n",
            "empty/AGENTS.md": "",
        }
    )
    view = load(index, "pkg/sub/app.py", "codex")
    assert paths(view) == ["AGENTS.md", "pkg/AGENTS.override.md"]
    skipped = {s.path: s.why for s in view.skipped}
    assert skipped["pkg/AGENTS.md"].startswith("pkg/AGENTS.override.md takes its place")
    assert skipped["other/AGENTS.md"] == "applies only under other/"
    assert "empty" in skipped["empty/AGENTS.md"]


def test_codex_cuts_the_deepest_file_first_at_32_kib(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            "AGENTS.md": LINE * 500,  # 18,500 bytes
            "a/AGENTS.md": LINE * 300,  # 11,100 bytes
            "a/b/AGENTS.md": LINE * 200,  # 7,400 bytes: only 3,168 fit
            "a/b/c/AGENTS.md": LINE * 10,  # nothing left
            "a/b/c/x.py": "x = 1\n",
        }
    )
    view = load(index, "a/b/c/x.py", "codex")
    kept = [(f.path, f.kept) for f in view.loaded]
    assert kept == [
        ("AGENTS.md", None),
        ("a/AGENTS.md", None),
        ("a/b/AGENTS.md", 32768 - 18500 - 11100),
        ("a/b/c/AGENTS.md", 0),
    ]
    assert view.bytes_read == 32768
    assert [f.path for f in view.cut] == ["a/b/AGENTS.md", "a/b/c/AGENTS.md"]


def test_claude_ignores_agents_md_beside_a_claude_md(make_subject: MakeSubject) -> None:
    index = make_subject({"AGENTS.md": "a\n", "CLAUDE.md": "c\n", "pkg/AGENTS.md": "p\n"})
    view = load(index, "pkg", "claude")
    assert paths(view) == ["CLAUDE.md", "pkg/AGENTS.md"]
    assert "neither imports" in {s.path: s.why for s in view.skipped}["AGENTS.md"]


def test_claude_follows_imports_up_to_five_hops(make_subject: MakeSubject) -> None:
    chain = {f"docs/{n}.md": f"@docs/{n + 1}.md\n" for n in range(1, 8)}
    index = make_subject(
        {"CLAUDE.md": "@AGENTS.md, not `@docs/7.md`\n", "AGENTS.md": "@docs/1.md\n", **chain}
    )
    view = load(index, "", "claude")
    assert paths(view) == ["CLAUDE.md", "AGENTS.md", *[f"docs/{n}.md" for n in range(1, 5)]]
    assert view.loaded[1].why == "imported by CLAUDE.md"


def test_claude_imports_hidden_directories(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            "CLAUDE.md": "@.github/copilot-instructions.md\n",
            ".github/copilot-instructions.md": "x\n",
        }
    )
    assert paths(load(index, "", "claude")) == ["CLAUDE.md", ".github/copilot-instructions.md"]


def test_claude_rules_load_by_paths(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            "CLAUDE.md": "c\n",
            ".claude/rules/api.md": '---\npaths:\n  - "src/api/**"\n---\nAPI rules\n',
            ".claude/rules/all.md": "always\n",
            "src/api/x.py": "x = 1\n",
            "src/web/y.py": "y = 1\n",
        }
    )
    assert ".claude/rules/api.md" in paths(load(index, "src/api/x.py", "claude"))
    assert ".claude/rules/api.md" not in paths(load(index, "src/web/y.py", "claude"))
    assert ".claude/rules/all.md" in paths(load(index, "src/web/y.py", "claude"))


def test_symlinked_claude_md_reads_agents_md(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "AGENTS.md").write_text("Run `pytest`.\n")
    os.symlink("AGENTS.md", root / "CLAUDE.md")
    view = load(subject_of(root), "", "claude")
    assert paths(view) == ["CLAUDE.md"]
    assert view.loaded[0].size == len("Run `pytest`.\n")


def test_cursor_rules_by_frontmatter(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            ".cursor/rules/always.mdc": "---\nalwaysApply: true\n---\nx\n",
            ".cursor/rules/py.mdc": "---\nglobs: **/*.py, *.pyi\nalwaysApply: false\n---\nx\n",
            ".cursor/rules/ts.mdc": "---\nglobs: **/*.ts\n---\nx\n",
            ".cursor/rules/db.mdc": "---\ndescription: Database migrations\n---\nx\n",
            ".cursor/rules/manual.mdc": "x\n",
            "web/.cursor/rules/web.mdc": "---\nalwaysApply: true\n---\nx\n",
            ".cursorrules": "legacy\n",
            "src/app.py": "x = 1\n",
        }
    )
    view = load(index, "src/app.py", "cursor")
    assert paths(view) == [
        ".cursorrules",
        ".cursor/rules/always.mdc",
        ".cursor/rules/db.mdc",
        ".cursor/rules/py.mdc",
    ]
    assert [f.path for f in view.loaded if f.maybe] == [".cursor/rules/db.mdc"]
    skipped = {s.path: s.why for s in view.skipped}
    assert skipped[".cursor/rules/manual.mdc"].startswith("manual")
    assert "do not match" in skipped[".cursor/rules/ts.mdc"]
    assert "web/" in skipped["web/.cursor/rules/web.mdc"]


def test_copilot_apply_to_and_nearest_agents_md(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            ".github/copilot-instructions.md": "all\n",
            ".github/instructions/api.instructions.md": '---\napplyTo: "api/**/*.py"\n---\nx\n',
            ".github/instructions/web.instructions.md": '---\napplyTo: "web/**"\n---\nx\n',
            "AGENTS.md": "root\n",
            "api/AGENTS.md": "api\n",
            "api/x.py": "x = 1\n",
        }
    )
    view = load(index, "api/x.py", "copilot")
    assert paths(view) == [
        ".github/copilot-instructions.md",
        ".github/instructions/api.instructions.md",
        "api/AGENTS.md",
    ]


def test_gemini_context_file_name_and_windsurf_limits(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            ".gemini/settings.json": '{"context": {"fileName": "AGENTS.md"}}',
            "AGENTS.md": "a\n",
            "GEMINI.md": "g\n",
            ".windsurfrules": "w" * 7000,
            ".windsurf/rules/ts.md": "---\ntrigger: glob\nglobs: **/*.ts\n---\nx\n",
        }
    )
    assert paths(load(index, "", "gemini")) == ["AGENTS.md"]
    windsurf = load(index, "", "windsurf")
    assert windsurf.loaded[0].kept == 6000
    assert {s.path for s in windsurf.skipped} == {".windsurf/rules/ts.md"}


def test_cline_and_aider(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            ".clinerules/a.md": "a\n",
            ".aider.conf.yml": "read:\n  - CONVENTIONS.md\n",
            "CONVENTIONS.md": "c\n",
        }
    )
    assert paths(load(index, "", "cline")) == [".clinerules/a.md"]
    assert paths(load(index, "", "aider")) == ["CONVENTIONS.md"]


def test_agent_names() -> None:
    assert agent_name("Claude-Code") == "claude"
    assert agent_name("codex") == "codex"
    assert agent_name("emacs") is None


def test_frontmatter_is_read_leniently() -> None:
    front = read_frontmatter("---\nglobs: src/**/*.ts, *.{js,jsx}\nalwaysApply: false\n---\nbody\n")
    assert front.items("globs") == ("src/**/*.ts", "*.{js,jsx}")
    assert front.text("alwaysApply") == "false"
    assert front.line("alwaysApply") == 3
    unclosed = read_frontmatter("---\nglobs: x\nbody without end\n")
    assert [m for _, m in unclosed.problems][-1].endswith("never closed")
    assert not read_frontmatter("# no frontmatter\n").present
