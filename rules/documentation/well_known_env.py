"""Environment variables a program reads that belong to the platform, not to the project."""

from __future__ import annotations

import re

PLATFORM = frozenset({
    "HOME", "PATH", "PATHEXT", "USER", "USERNAME", "LOGNAME", "SHELL", "TERM", "LANG", "PWD",
    "TMPDIR", "TEMP", "TMP", "EDITOR", "VISUAL", "PAGER", "COLUMNS", "LINES", "HOSTNAME",
    "TZ", "DISPLAY", "BROWSER", "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE",
    "COLORTERM", "CI", "DEBUG", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "PROGRAMFILES",
    "USERPROFILE", "HOMEDRIVE", "HOMEPATH", "SYSTEMROOT", "COMSPEC", "WINDIR", "NODE_ENV",
    "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV",
    "CONDA_PREFIX", "CONDA_DEFAULT_ENV", "PYENV_ROOT", "GOPATH", "GOROOT", "GOOS", "GOARCH",
    "CARGO", "CARGO_HOME", "RUSTUP_HOME", "JAVA_HOME", "HTTP_PROXY", "HTTPS_PROXY",
    "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE", "NETRC", "SOURCE_DATE_EPOCH", "WSL_DISTRO_NAME", "ANSICON", "ConEmuANSI",
    "MACOSX_DEPLOYMENT_TARGET", "WT_SESSION", "ARCHFLAGS", "SHLVL", "MAKEFLAGS", "PORT",
})  # fmt: skip
"""Set by the operating system, the shell, the toolchain or the hosting platform."""
PLATFORM_PREFIXES = re.compile(
    r"^(?:XDG_|LC_|GITHUB_|GITLAB_|RUNNER_|CARGO_|RUSTC_|npm_|GIT_|SSH_|TERM_|VSCODE_|JENKINS_|"
    r"BUILDKITE|CIRCLE|TRAVIS|APPVEYOR|TF_BUILD|PYTEST_XDIST_|JEST_WORKER_|TOX_|_)",
    re.IGNORECASE,
)
"""Families of platform variables, and `_PRIVATE` names a program sets for itself."""


def is_platform(name: str) -> bool:
    """Whether `name` is the platform's variable rather than the project's own setting."""
    upper = name.upper()
    return name in PLATFORM or upper in PLATFORM or PLATFORM_PREFIXES.match(name) is not None
