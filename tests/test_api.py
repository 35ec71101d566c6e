"""The programmatic entry point end to end: hostile repositories, the cache, the parser pool."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor import api
from auditor.config import Config
from auditor.index import parsing
from auditor.index.records import FileSyntax
from auditor.model import Status

MakeRepo = Callable[..., Path]
HOSTILE: dict[str, str | bytes] = {
    "README.md": "# hostile\n",
    "pyproject.toml": "[project\nname = ",
    "package.json": "{not json",
    "binary.py": b"\x00\x01\x02\x03" * 100,
    "latin1.py": "caf\xe9 = 1\n".encode("latin-1"),
    "huge.py": b"x = 1\n" * (20 * 1024 * 1024 // 6),
    "ok.py": "def f():\n    return 1\n",
}


def hostile_repo(make_repo: MakeRepo, tmp_path: Path) -> Path:
    root = make_repo(HOSTILE)
    (tmp_path / "outside.py").write_text("SECRET = 1\n")
    os.symlink(tmp_path / "outside.py", root / "escape.py")
    os.symlink("loop_b", root / "loop_a")
    os.symlink("loop_a", root / "loop_b")
    os.symlink(".", root / "self")
    return root


def test_a_hostile_repository_is_audited_and_reported(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = hostile_repo(make_repo, tmp_path)
    report = api.audit(root, Config())
    kinds = {(d.path, d.kind) for d in report.diagnostics}
    assert ("binary.py", "binary") in kinds
    assert ("latin1.py", "encoding") in kinds
    assert ("huge.py", "too-large") in kinds
    assert ("pyproject.toml", "malformed") in kinds and ("package.json", "malformed") in kinds
    assert ("escape.py", "symlink") in kinds and ("loop_a", "symlink") in kinds
    assert not any(r.status is Status.ERROR for r in report.score.rules)
    assert report.facts.languages["python"].files == 3  # latin1, huge, ok: not the link
    assert "escape.py" not in {f.path for f in report.findings}


def test_the_cli_on_a_hostile_repository(
    make_repo: MakeRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from auditor.cli import run

    root = hostile_repo(make_repo, tmp_path)
    assert run(["audit", str(root), "--format", "json", "--no-cache"]) in (0, 1)
    document = json.loads(capsys.readouterr().out)
    assert {d["kind"] for d in document["diagnostics"]} >= {"binary", "encoding", "too-large"}


def test_warm_runs_reuse_the_cache_and_survive_a_corrupt_one(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({f"m{i}.py": f"def f{i}(x):\n    return x if x else {i}\n" for i in range(5)})
    cache = tmp_path / "cache"
    cold = api.audit(root, Config(), cache_dir=cache)
    parsed: list[str] = []
    real = parsing.parse_syntax

    def counting(language: str, data: bytes, path: str = "") -> FileSyntax:
        parsed.append(path)
        return real(language, data, path)

    monkeypatch.setattr(parsing, "parse_syntax", counting)
    warm = api.audit(root, Config(), cache_dir=cache)
    assert parsed == [] and warm == cold
    (root / "m0.py").write_text("def changed():\n    return 0\n")
    api.audit(root, Config(), cache_dir=cache)
    assert parsed == ["m0.py"]
    for entry in cache.iterdir():
        entry.write_text("{corrupt")
    assert api.audit(root, Config(), cache_dir=cache).score == cold.score


@pytest.mark.slow
def test_the_parser_pool_gives_the_same_report(make_repo: MakeRepo) -> None:
    body = "def f{i}(x):\n    if x and {i}:\n        return 1\n    return 2\n"
    files = {
        f"pkg{i // 50}/mod{i}.py": body.format(i=i) for i in range(parsing.POOL_MIN_FILES + 20)
    }
    files["pkg0/long.py"] = "def long():\n" + "    x = 1\n" * 150
    root = make_repo(files)
    serial = api.audit(root, Config(), jobs=1)
    pooled = api.audit(root, Config(), jobs=2)
    assert pooled == serial
    assert any(f.rule == "NAV003" and f.path == "pkg0/long.py" for f in pooled.findings)


def test_a_run_without_syntax_rules_parses_nothing(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object, **kwargs: object) -> FileSyntax:
        raise AssertionError("parsed although no selected rule reads syntax")

    monkeypatch.setattr(parsing, "parse_syntax", forbidden)
    root = make_repo({"a.py": "def f():\n    return 1\n"})
    report = api.audit(root, Config(select=("INS", "DOC")))
    assert {r.id[:3] for r in report.score.rules} == {"INS", "DOC"}


def test_a_detector_that_raises_leaves_its_fact_unknown_and_the_audit_completes(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from auditor.cli import run
    from auditor.facts import derive

    def broken(*args: object) -> object:
        raise RuntimeError("tools detector exploded\nsecond line")

    root = make_repo({"Makefile": "lint:\n\truff check .\n", "a.py": "def f():\n    return 1\n"})
    assert run(["audit", str(root), "--format", "json", "--no-cache"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["facts"]["linters"] != []
    monkeypatch.setattr(derive, "find_tools", broken)
    assert run(["audit", str(root), "--format", "json", "--no-cache"]) in (0, 1)
    document = json.loads(capsys.readouterr().out)
    assert document["facts"]["linters"] == []  # the unknown default: no tools found
    assert {
        "path": "",
        "kind": "detector-error",
        "message": "tools: RuntimeError: tools detector exploded",
    } in document["diagnostics"]
    statuses = {r["id"]: r["status"] for r in document["rules"]}
    assert "error" not in statuses.values()


def test_a_package_directory_inherits_its_repositorys_ci_lockfile_and_manager(
    make_repo: MakeRepo,
) -> None:
    root = make_repo(
        {
            "package.json": '{"private": true, "workspaces": ["packages/*"]}',
            "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
            "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
            ".github/workflows/ci.yml": "on: pull_request\njobs:\n  t:\n    runs-on: x\n"
            "    steps:\n      - run: pnpm test\n",
            "packages/web/package.json": '{"name": "web", "scripts": {"test": "vitest run"},'
            ' "devDependencies": {"vitest": "1"}}',
            "packages/web/src/a.ts": "export const a = 1;\n",
            "packages/other/package.json": '{"name": "other"}',
            "packages/other/src/b.ts": "export const b = 1;\n",
        },
        git=True,
    )
    report = api.audit(root / "packages" / "web", Config())
    facts = report.facts
    assert facts.package_managers == ("pnpm",)
    assert facts.lockfiles == ("../../pnpm-lock.yaml",)
    assert facts.ci_files == ("../../.github/workflows/ci.yml",)
    assert "ENV001" not in {f.rule for f in report.findings}
    plain = api.audit(root, Config())
    assert plain.repository.name == root.name and plain.facts.lockfiles == ("pnpm-lock.yaml",)
