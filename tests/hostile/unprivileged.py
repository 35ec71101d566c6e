"""The auditor run as a user whom permission bits stop: this user, or `nobody` under root.

Root reads a chmod-000 file anyway. Under root (as `.ci/run` and this project's machines run)
the auditor is first started in a user namespace as uid 65534 (`unshare --map-user`): outside
it is still root, so it reads the venv and the fixture wherever root can, but it holds no
capability after its exec, so chmod 000 stops it as it stops the owner. Where user namespaces
are not allowed, it is started as `nobody` with setpriv (or runuser). That user cannot run the
venv's python when it links into a 700 directory (pyenv under /root), so an interpreter it can
run is looked for: of the same version and ABI as the venv, so the venv's compiled wheels load
in it. It starts isolated (`-I -S`: no current directory, no PYTHON* variables, no system
site-packages) and adds the tests' own import path but their standard library: the venv's
site-packages, whose `.pth` files make the editable install of the auditor importable. What
cannot be arranged is a test failure that says what is missing: never a skip, except on a
system without POSIX users.
"""

from __future__ import annotations

import os
import pwd
import shutil
import site
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

NOBODY = "nobody"
NOBODY_ID = 65534
"""The conventional uid and gid of `nobody` where the account database lacks it."""
BOOT = (
    "import os, site, sys\n"
    "for directory in sys.argv.pop(1).split(os.pathsep):\n"
    "    site.addsitedir(directory)\n"
    "sys.argv[0] = 'auditor'\n"
    "from auditor.cli import main\n"
    "main()\n"
)
"""The auditor's console script, for an interpreter started with -I -S: the directories the
tests import from (argv[1]: the venv's site-packages...) are added, with their .pth files."""
PROBE = (
    "import os, sys, sysconfig\n"
    "os.listdir('.')\n"
    "open(os.path.realpath(sys.executable), 'rb').close()\n"
    "print(sys.implementation.cache_tag, sysconfig.get_config_var('SOABI'))\n"
)
"""What a candidate interpreter must print, run as the user in the fixture directory. It must
read its own executable too: setpriv keeps root's capabilities until its exec, so it can start
pyenv's python under the 700 /root as `nobody`, which then cannot read its own libpython and
standard library and runs on Debian's (a hybrid that happens to work); an interpreter the user
can read is a whole one."""
TIMEOUT = 300
UNSHARE = ("unshare", "--user", f"--map-user={NOBODY_ID}", f"--map-group={NOBODY_ID}")
"""Root as uid 65534 of a new user namespace: no capability after its exec."""


@dataclass(frozen=True)
class Unprivileged:
    """How to run the auditor as a user for whom chmod 000 means no access."""

    uid: int
    gid: int
    drop: tuple[str, ...]
    """The command prefix that becomes that user (empty when the tests already run as one)."""
    python: str
    """An interpreter that user can exec, ABI-compatible with the venv."""
    hands_over: bool = True
    """Whether the fixture must become the user's (`give`): not in a user namespace, whose
    process is still the fixture's owner outside."""

    @property
    def name(self) -> str:
        try:
            return pwd.getpwuid(self.uid).pw_name
        except KeyError:
            return str(self.uid)

    def give(self, path: Path) -> None:
        """Make `path` and everything below it the user's own (under root; a no-op otherwise),
        so git (which refuses a repository another user owns) and writes work as that user."""
        if os.geteuid() != 0 or not self.hands_over:
            return
        os.chown(path, self.uid, self.gid, follow_symlinks=False)
        for top, directories, files in os.walk(path):
            for name in [*directories, *files]:
                os.chown(Path(top, name), self.uid, self.gid, follow_symlinks=False)

    def auditor(
        self, args: Sequence[str | Path], cwd: Path, home: Path
    ) -> subprocess.CompletedProcess[str]:
        """`auditor ARGS` run as the user in `cwd`, with `home` as HOME and nothing else of
        the caller's environment but PATH (git's configuration and caches stay in `home`)."""
        command = [*self.drop, self.python, "-I", "-S", "-c", BOOT, _site_packages(), *args]
        return subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env={**_environment(), "HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )


def unprivileged(workspace: Path) -> Unprivileged:
    """The way to run the auditor as a user chmod 000 stops, checked by running it in
    `workspace` (under root, made that user's: it must reach the directory above); fails the
    test when there is none under root, and skips only where there are no POSIX users."""
    if os.name != "posix":
        pytest.skip("no POSIX users and permission bits on this system")
    if os.geteuid() != 0:  # this user, and the interpreter running these tests
        return Unprivileged(os.getuid(), os.getgid(), (), sys.executable)
    namespaced = Unprivileged(NOBODY_ID, NOBODY_ID, UNSHARE, sys.executable, hands_over=False)
    if shutil.which("unshare") is not None and _probe(namespaced, workspace) is None:
        return namespaced
    uid, gid = _nobody()
    drop = _drop_to(uid, gid)
    os.chown(workspace, uid, gid)
    problems = []
    for python in _interpreters():
        user = Unprivileged(uid, gid, drop, python)
        problem = _probe(user, workspace)
        if problem is None:
            return user
        problems.append(f"{python}: {problem}")
    tried = "; ".join(problems) or "no candidate found"
    pytest.fail(
        f"running as root, the unreadable-file tests run the auditor as uid {uid}, and no "
        f"interpreter that user can run matches the venv (Python {_version()}, "
        f"{sysconfig.get_config_var('SOABI')}): {tried}. Install Debian's python{_version()} "
        "(.ci/run does), or run the tests as a non-root user.",
        pytrace=False,
    )


def _nobody() -> tuple[int, int]:
    try:
        entry = pwd.getpwnam(NOBODY)
    except KeyError:
        return NOBODY_ID, NOBODY_ID
    return entry.pw_uid, entry.pw_gid


def _drop_to(uid: int, gid: int) -> tuple[str, ...]:
    """setpriv (util-linux) by number, else runuser by name; a failure when neither exists."""
    setpriv = shutil.which("setpriv")
    if setpriv:
        return (setpriv, f"--reuid={uid}", f"--regid={gid}", "--clear-groups")
    runuser = shutil.which("runuser")
    if runuser:
        try:
            return (runuser, "-u", pwd.getpwuid(uid).pw_name, "--")
        except KeyError:
            pass
    pytest.fail(
        f"running as root, the unreadable-file tests must run the auditor as uid {uid}, and "
        "neither setpriv nor runuser (with that user in /etc/passwd) is here: install "
        "util-linux (.ci/run does)",
        pytrace=False,
    )


def _interpreters() -> list[str]:
    """Interpreters that may be the venv's Python: its own, what it links to, and the
    system's of the same version; each is probed, the first that works is used."""
    version = _version()
    named = [f"python{version}", "python3"]
    found = [
        sys.executable,
        os.path.realpath(sys.executable),
        getattr(sys, "_base_executable", sys.executable),
        *(f"{place}/{name}" for place in ("/usr/bin", "/usr/local/bin") for name in named),
        *(shutil.which(name) or "" for name in named),
    ]
    unique = []
    for path in found:
        if path and path not in unique and os.path.isfile(path):
            unique.append(path)
    return unique


def _probe(user: Unprivileged, workspace: Path) -> str | None:
    """Why `user` cannot run the auditor with its interpreter, or None when it can."""
    wanted = f"{sys.implementation.cache_tag} {sysconfig.get_config_var('SOABI')}"
    command = [*user.drop, user.python, "-I", "-S", "-c", PROBE]
    try:
        probe = subprocess.run(
            command, cwd=workspace, capture_output=True, text=True, timeout=60, env=_environment()
        )
    except OSError as error:
        return f"cannot start: {error}"
    if probe.returncode != 0:
        return f"cannot run as uid {user.uid} in {workspace}: {_last_line(probe.stderr)}"
    if probe.stdout.strip() != wanted:
        return f"is {probe.stdout.strip()}, the venv is {wanted}"
    version = user.auditor(["--version"], workspace, workspace)
    if version.returncode != 0:
        return f"cannot import the auditor from {_site_packages()}: {_last_line(version.stderr)}"
    return None


def _site_packages() -> str:
    """Where this process imports the auditor and its dependencies from: its site-packages
    and whatever else is on its path, but not its standard library (the interpreter brings its
    own) nor a relative directory."""
    stdlib = {os.path.realpath(sysconfig.get_path(name)) for name in ("stdlib", "platstdlib")}
    places = [*site.getsitepackages(), *sys.path]
    # a relative entry would be the fixture repository: the auditor runs in it
    kept = [p for p in places if os.path.isabs(p) and os.path.isdir(p) and not _below(p, stdlib)]
    return os.pathsep.join(dict.fromkeys(kept))


def _below(path: str, directories: set[str]) -> bool:
    """Whether `path` is one of `directories` or inside one (lib-dynload, a zip), though not
    a site-packages there: a venv's lies elsewhere, a system Python's is its own."""
    real = os.path.realpath(path)
    inside = any(real == d or real.startswith(d + os.sep) for d in directories)
    return inside and os.path.basename(real) not in ("site-packages", "dist-packages")


def _version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def _environment() -> dict[str, str]:
    """PATH (for git) and a UTF-8 locale: nothing of the caller's configuration."""
    return {"PATH": os.environ.get("PATH", os.defpath), "LC_ALL": "C.UTF-8"}


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else "(no message)"
