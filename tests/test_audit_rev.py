"""`audit --rev`: a commit audited from git objects gives the report of a checkout of it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor import api, git_batch
from auditor.cli import run
from auditor.git_tree import GitTree
from auditor.index import blob_memo, build
from auditor_reports import json_report
from tests.git_history import EXECUTABLE, GITLINK, LINK, checkout, git, make_history

SUBMODULE_COMMIT = "1" * 40
FIRST = {
    "README.md": "# demo\n\nRun `make test`.\n",
    "pyproject.toml": '[project]\nname = "demo"\n[tool.auditor]\nignore = ["DOC001"]\n',
    "Makefile": "test:\n\tpytest\n",
    "src/demo/__init__.py": "def add(a, b):\n    return a + b\n",
    "tests/test_demo.py": "from demo import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n",
    "scripts/release.sh": EXECUTABLE + "#!/bin/sh\necho release\n",
    ".gitignore": "secret.env\nbuild/\n",
    "secret.env": "TOKEN=abc\n",  # ignored, yet tracked
    ".gitattributes": "gen/* linguist-generated\n",
    "gen/out.py": "X = 1\n",
    "CLAUDE.md": LINK + "AGENTS.md",
    "AGENTS.md": "# AGENTS\n\n- Test: `make test`\n",
    "docs/guide.md": LINK + "../README.md",
    "docs/up": LINK + "..",
    "docs/away": LINK + "/etc/hostname",
    "docs/gone": LINK + "missing.md",
    "docs/sub": LINK + "../src",
    "vendor/lib": GITLINK + SUBMODULE_COMMIT,
    "big.txt": "line\n" * 300_000,  # over the 1 MiB scan cap: counted, streamed
}
SECOND = {
    "AGENTS.md": None,
    "CLAUDE.md": None,
    "pyproject.toml": '[project]\nname = "demo"\n',
    "src/demo/more.py": "def sub(a, b):\n    return a - b\n",
}


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, list[str]]:
    root = tmp_path / "work" / "repo"
    shas = make_history(root, [FIRST, SECOND])
    (root / "build").mkdir()
    (root / "build" / "untracked.py").write_text("print('not in any commit')\n")
    (root / "notes.md").write_text("# untracked notes\n")
    return root, shas


def _cli_json(invoke_args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = run(invoke_args)
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return captured.out


def test_rev_gives_the_checkout_report_byte_for_byte(
    history: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, shas = history
    for sha in shas:
        copy = checkout(root, sha, tmp_path / f"checkout-{sha[:7]}" / "repo")
        from_checkout = _cli_json(["audit", str(copy), "--format", "json", "--no-cache"], capsys)
        from_objects = _cli_json(
            ["audit", str(root), "--rev", sha, "--format", "json", "--no-cache"], capsys
        )
        assert from_objects == from_checkout
        document = json.loads(from_objects)
        assert document["repository"]["commit"] == sha
        assert document["repository"]["commit_date"].endswith("+00:00")


def test_the_first_commit_is_seen_as_it_was(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, shas = history
    first = json.loads(
        _cli_json(["audit", str(root), "--rev", shas[0], "--format", "json"], capsys)
    )
    rules = {r["id"]: r for r in first["rules"]}
    assert "DOC001" not in rules  # the config of that commit ignored it
    assert rules["INS001"]["status"] == "pass"  # AGENTS.md existed then
    kinds = {(d["path"], d["kind"]) for d in first["diagnostics"]}
    assert ("big.txt", "too-large") in kinds
    assert ("docs/away", "symlink") in kinds and ("docs/gone", "symlink") in kinds
    assert not any("untracked" in d["path"] or "notes" in d["path"] for d in first["diagnostics"])
    head = json.loads(_cli_json(["audit", str(root), "--rev", "HEAD", "--format", "json"], capsys))
    assert {r["id"]: r["status"] for r in head["rules"]}["INS001"] == "fail"


def test_the_work_tree_is_left_alone(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, shas = history
    before = git(root, "status", "--porcelain", "--ignored")
    index_before = (root / ".git" / "index").read_bytes()
    _cli_json(["audit", str(root), "--rev", shas[0], "--format", "json", "--no-cache"], capsys)
    assert git(root, "status", "--porcelain", "--ignored") == before
    assert (root / ".git" / "index").read_bytes() == index_before
    assert not (root / "AGENTS.md").exists()


def test_api_audit_takes_a_rev(history: tuple[Path, list[str]]) -> None:
    root, shas = history
    report = api.audit(root, rev=shas[0])
    assert report.repository.commit == shas[0]
    with GitTree.load(root, shas[0]) as tree:
        again = api.audit(root, rev=tree)
    assert json_report.render(report, _options()) == json_report.render(again, _options())


def test_commits_indexed_in_turn_replay_their_blobs_to_the_same_report(
    history: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """History indexes commit after commit in one process: a blob indexed before under the
    same path is replayed (`blob_memo`), and the report is the one a fresh process gives."""
    root, shas = history
    fresh = {}
    for sha in shas:
        monkeypatch.setattr(blob_memo, "MEMO", blob_memo.BlobMemo())
        monkeypatch.setattr(build, "MEMO", blob_memo.MEMO)
        fresh[sha] = json_report.render(api.audit(root, rev=sha), _options())
    monkeypatch.setattr(build, "MEMO", blob_memo.BlobMemo())
    read: list[str] = []
    real_add = build._add_file
    monkeypatch.setattr(build, "_add_file", lambda b, path: (read.append(path), real_add(b, path)))
    for sha in [*shas, *shas]:
        assert json_report.render(api.audit(root, rev=sha), _options()) == fresh[sha]
    assert len(read) < len(shas) * 2 * 5  # most files were replayed, not read again
    assert "src/demo/more.py" in read  # a blob first seen in the second commit is read


def test_each_object_is_asked_of_git_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty files (a package's `__init__.py`) are answers too: leaving them out of the read
    window asked git for the next 512 objects again at each one, and a text read after the
    index was built asked for a whole window."""
    files = {f"pkg{i}/__init__.py": "" for i in range(40)}
    files.update({f"pkg{i}/mod.py": f"import os\nX = os.environ['V{i}']\n" for i in range(40)})
    root = tmp_path / "repo"
    make_history(root, [{**files, "README.md": "# r\n"}])
    asked: list[int] = []
    real = git_batch.Batch.read_many

    def counting(self: git_batch.Batch, shas: list[str]) -> list[bytes | None]:
        asked.append(len(shas))
        return real(self, shas)

    monkeypatch.setattr(git_batch.Batch, "read_many", counting)
    monkeypatch.setattr(build, "MEMO", blob_memo.BlobMemo())
    api.audit(root, rev="HEAD")
    assert sum(asked) <= 2 * len(files)


def test_a_subdirectory_is_audited_as_its_package(
    history: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, shas = history
    copy = checkout(root, shas[1], tmp_path / "sub-checkout" / "repo")
    from_checkout = _cli_json(["audit", str(copy / "src"), "--format", "json"], capsys)
    from_objects = _cli_json(
        ["audit", str(root / "src"), "--rev", shas[1], "--format", "json"], capsys
    )
    assert from_objects == from_checkout


@pytest.mark.parametrize(
    ("rev", "message"), [("no-such-branch", "no such commit"), ("HEAD~9", "no such commit")]
)
def test_an_unknown_rev_is_a_usage_error(
    history: tuple[Path, list[str]],
    rev: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, _ = history
    assert run(["audit", str(root), "--rev", rev]) == 2
    assert message in capsys.readouterr().err


def test_rev_outside_git_is_a_usage_error(
    make_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"README.md": "# x\n"})
    assert run(["audit", str(root), "--rev", "HEAD"]) == 2
    assert "git" in capsys.readouterr().err


def _options() -> json_report.RenderOptions:
    return json_report.RenderOptions()


def test_the_report_keeps_raw_measures_and_validates(history: tuple[Path, list[str]]) -> None:
    import jsonschema

    root, shas = history
    document = json.loads(json_report.render(api.audit(root, rev=shas[1]), _options()))
    jsonschema.validate(document, json_report.load_schema())
    rules = {r["id"]: r for r in document["rules"]}
    assert rules["NAV001"]["measure"] == {
        "largest_path": "tests/test_demo.py",
        "largest_tokens": 17,
        "limit": 25000,
        "over_limit": 0,
    }
    assert rules["FEE002"]["measure"] == {
        "command": "make test",
        "line": 3,
        "origin": "docs",
        "path": "README.md",
        "test_files": 1,
    }
    assert len(document["rules_digest"]) == 64


def test_a_fifo_planted_in_the_object_store_stalls_nothing(
    history: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    root, shas = history
    blob = git(root, "rev-parse", f"{shas[1]}:README.md").strip()
    loose = root / ".git" / "objects" / blob[:2] / blob[2:]
    loose.unlink()
    os.mkfifo(loose)
    code = run(["audit", str(root), "--rev", shas[1], "--format", "json", "--no-cache"])
    assert code == 2  # listing the tree's sizes opens the blob: one clear line, no hang
    assert "git waited to open a FIFO" in capsys.readouterr().err
