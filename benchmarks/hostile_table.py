"""Every hostile-repository case run once through the CLI: exit, what the report said, time, RSS.

Usage:
    python -m benchmarks.hostile_table [--only NAME,...] [--keep DIR]

Each case (the cases of tests/hostile/, built here the same way) is generated under a
temporary directory and audited by a child process (`python -P -m auditor audit ROOT --format
json --no-cache -q`), so time and peak resident memory are those a user sees. The table prints
case | command | exit | diagnostics (kinds and counts, and the unjudged rules) | seconds | peak
RSS. Nothing is asserted: the hostile tests assert, this measures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks.run import CHILD_ENV

Builder = Callable[[Path], None]
A60 = "a" * 60


def _files(files: dict[str, str | bytes]) -> Builder:
    def build(root: Path) -> None:
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    return build


def _with(base: Builder, extra: Callable[[Path], None]) -> Builder:
    def build(root: Path) -> None:
        base(root)
        extra(root)

    return build


def _symlinks(root: Path) -> None:
    (root / "loop").symlink_to("loop")
    (root / "a").mkdir()
    (root / "a" / "up").symlink_to("..")
    (root / "root").symlink_to("/")
    (root / "passwd.py").symlink_to("/etc/passwd")
    (root / "zero.py").symlink_to("/dev/zero")
    (root / "out").symlink_to(tempfile.gettempdir())


def _fifo(root: Path) -> None:
    os.mkfifo(root / "pipe.py")
    (root / ".git").mkdir(exist_ok=True)


def _big(root: Path) -> None:
    with (root / "big.py").open("wb") as out:
        out.truncate(200 * 1024 * 1024)


def _deep(root: Path) -> None:
    """2,000 nested directories, made relative to each parent (the path outgrows PATH_MAX)."""
    fd = os.open(root, os.O_RDONLY)
    for _ in range(2000):
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    out = os.open("x.py", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, b"x = 1\n")
    os.close(out)
    os.close(fd)


def _tiny(root: Path) -> None:
    for index in range(100_000):
        folder = root / f"p{index // 1000}"
        folder.mkdir(exist_ok=True)
        (folder / f"m{index}.py").write_text("x = 1\n")


def _names(root: Path) -> None:
    for name in ("new\nline.py", "-rf.py", "back\\slash.py", "ünï.py", "esc\x1b]52;c;aGk=\x07.py"):
        (root / name).write_text("x = 1\n")


def _unreadable(root: Path) -> None:
    (root / "secret.py").write_text("x = 1\n")
    (root / "secret.py").chmod(0)
    (root / "closed").mkdir()
    (root / "closed").chmod(0)


def _git(*commands: list[str]) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        for command in commands:
            subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)

    return run


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><project><name>&i;</name><x xmlns:e="&#x2F;etc/passwd"/></project>'
)
YAML_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
KEY = "-----BEGIN RSA PRIVATE KEY-----\\n" + "Proc-Type: 4,ENCRYPTED\\n " * 4 + "a: b\\n" * 6
GLOB = "*a*a*a*a*a*a*a*a*b"
TEN_MB = 10 * 1024 * 1024

CASES: dict[str, Builder] = {
    "symlink loops, to /, /etc/passwd, /dev/zero, outside": _with(_files({}), _symlinks),
    "FIFO source file": _with(_files({"a.py": "x = 1\n"}), _fifo),
    "200 MB sparse source file": _with(_files({}), _big),
    "50,000-statement single-line minified JS": _files({"app.min.js": "var a=1;" * 50_000}),
    "binary file with a source extension": _files({"bin.py": bytes(range(256)) * 64}),
    "UTF-16 source and AGENTS.md": _files(
        {"u.py": "x = 1\n".encode("utf-16"), "AGENTS.md": "# A\nRun `x`\n".encode("utf-16")}
    ),
    "invalid UTF-8 and NUL bytes": _files({"bad.py": b"x = '\xff\xfe'\n\x00\x00y = 2\n"}),
    "2,000-deep directories": _with(_files({}), _deep),
    "100,000 tiny files": _with(_files({}), _tiny),
    "names: newline, dash, backslash, unicode, OSC 52": _with(_files({}), _names),
    "unreadable file and directory (chmod 000)": _with(_files({"a.py": "x = 1\n"}), _unreadable),
    ".git that is a file": _files({".git": "gitdir: /nonexistent\n", "a.py": "x = 1\n"}),
    "corrupt .git": _files({".git/HEAD": "garbage\n", ".git/config": "[[[\n", "a.py": "x\n"}),
    "repository with no commits": _with(_files({"a.py": "x = 1\n"}), _git(["init", "-q"])),
    "manifests malformed": _files(
        {
            "pyproject.toml": "[project\nname=",
            "package.json": "{,",
            "Cargo.toml": "[package]\nname = 1 = 2",
            "go.mod": "module\nrequire (\n",
            "pom.xml": "<project><modules><module>",
            "Gemfile": "gem(",
            "composer.json": "[1,",
            "a.csproj": "<Project",
            ".github/workflows/ci.yml": "on: [\n  jobs:",
        }
    ),
    "manifests deeply nested": _files(
        {
            "pyproject.toml": "a = " + "[" * 5000 + "]" * 5000 + "\n",
            "package.json": "[" * 100_000 + "]" * 100_000,
            "composer.json": '{"a":' * 50_000 + "1" + "}" * 50_000,
        }
    ),
    "manifests with 5,000-digit numbers": _files(
        {
            "pyproject.toml": "[project]\nname = 'x'\nversion = " + "9" * 5000 + "\n",
            "package.json": '{"version": ' + "9" * 5000 + "}",
        }
    ),
    "XML billion laughs and external entities": _files({"pom.xml": LAUGHS, "a.csproj": LAUGHS}),
    "YAML alias bomb in CI files": _files(
        {".github/workflows/ci.yml": YAML_BOMB, ".gitlab-ci.yml": YAML_BOMB}
    ),
    "10 MB AGENTS.md and 10 MB one-line README": _files(
        {"AGENTS.md": "# A\n" + "x" * TEN_MB + "\nghp_" + "a" * 36, "README.md": "r" * TEN_MB}
    ),
    "179-byte AGENTS.md with a fake private-key header": _files({"AGENTS.md": KEY[:179]}),
    "40 KB requirements.txt of blank lines": _files({"requirements.txt": "\n" * 40_960}),
    "hostile glob in .gitignore, .gitattributes, rules, config": _files(
        {
            ".gitignore": f"{GLOB}\n",
            ".gitattributes": f"{GLOB} linguist-generated\n",
            ".cursor/rules/x.mdc": f"---\nglobs: {GLOB}\n---\nUse tabs.\n",
            ".github/instructions/x.instructions.md": f'---\napplyTo: "{GLOB}"\n---\nx\n',
            ".auditor.toml": f'exclude = ["{GLOB}"]\n',
            ".pre-commit-config.yaml": "exclude: '^(a+)+$'\nrepos: []\n",
            f"{A60}/{A60}.py": "x = 1\n",
        }
    ),
    "wrong types for config keys": _files(
        {".auditor.toml": 'select = 1\nexclude = "x"\njobs = "many"\nfail-under = []\n'}
    ),
    "cache directory that is a file": _files({"a.py": "x = 1\n", ".cache-file": "x"}),
}
CACHE_AS_FILE = "cache directory that is a file"


def run_case(name: str, root: Path) -> tuple[str, int, str, float, float]:
    """(command, exit, what the report said, seconds, peak RSS in MB) of one audit."""
    cache = ["--cache-dir", str(root / ".cache-file")] if name == CACHE_AS_FILE else ["--no-cache"]
    args = [sys.executable, "-P", "-m", "auditor", "audit", str(root), "--format", "json", "-q"]
    args += cache
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        said = _said(out.read(), err.read())
    command = "audit ROOT --format json " + (
        "--cache-dir FILE" if cache[0] != "--no-cache" else "--no-cache"
    )
    return command, code, said, seconds, usage.ru_maxrss / 1024


def _said(out: bytes, err: bytes) -> str:
    """The report's diagnostics by kind, and its unjudged rules; or stderr's last line."""
    try:
        report = json.loads(out)
    except ValueError:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        return f"no report: {lines[-1] if lines else 'nothing on stderr'}"[:160]
    kinds = Counter(d["kind"] for d in report.get("diagnostics", []))
    said = ", ".join(f"{kind} x{n}" for kind, n in sorted(kinds.items())) or "no diagnostics"
    unjudged = sorted({u.get("rule", u.get("id", "?")) for u in report.get("unjudged", [])})
    return said + (f"; unjudged {' '.join(unjudged)}" if unjudged else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names (substrings)")
    parser.add_argument("--keep", type=Path, help="build the cases here and keep them")
    args = parser.parse_args()
    wanted = [w for w in args.only.split(",") if w]
    cases = {n: b for n, b in CASES.items() if not wanted or any(w in n for w in wanted)}
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    print("| case | command | exit | what the report said | s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for index, (name, build) in enumerate(cases.items()):
        root = scratch / f"case{index}"
        root.mkdir(parents=True, exist_ok=True)
        build(root)
        command, code, said, seconds, peak = run_case(name, root)
        print(
            f"| {name} | `{command}` | {code} | {said} | {seconds:.2f} | {peak:.0f} |", flush=True
        )
    if args.keep is None:
        subprocess.run(["chmod", "-R", "u+rwx", str(scratch)], check=False, capture_output=True)
        subprocess.run(["rm", "-rf", str(scratch)], check=False, capture_output=True)


if __name__ == "__main__":
    main()
