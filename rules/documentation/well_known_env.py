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
    "OUT_DIR", "RUST_BACKTRACE", "RUST_LIB_BACKTRACE", "RUST_LOG", "RUST_MIN_STACK",
    "RUST_TEST_THREADS", "RUSTFLAGS", "RUSTDOCFLAGS", "GOFLAGS", "GOCACHE", "GOMODCACHE",
    "GOPROXY", "GOPRIVATE", "GOEXPERIMENT", "GODEBUG", "GOMAXPROCS", "GOTOOLCHAIN",
    "CGO_ENABLED", "CC", "CXX", "CFLAGS", "CXXFLAGS", "LDFLAGS", "CPPFLAGS", "AR",
    "PKG_CONFIG_PATH", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "JAVA_OPTS", "MAVEN_OPTS",
    "GRADLE_USER_HOME", "RUBYOPT", "RUBYLIB", "GEM_HOME", "GEM_PATH", "RACK_ENV", "RAILS_ENV",
    "COMPOSER_HOME",
})  # fmt: skip
"""Set by the operating system, the shell, the toolchain or the hosting platform: Cargo's
`OUT_DIR` and the Rust runtime's `RUST_*`, the Go, C and JVM toolchains' settings, ..."""
BUILD_SCRIPT = frozenset({
    "TARGET", "HOST", "PROFILE", "OPT_LEVEL", "DEBUG", "NUM_JOBS", "RUSTC", "RUSTDOC",
    "RUSTC_LINKER", "RUSTC_WRAPPER", "RUSTC_WORKSPACE_WRAPPER",
})  # fmt: skip
"""What Cargo sets for a build script (`build.rs`) besides `OUT_DIR`, `CARGO_*` and `DEP_*`."""
BUILD_SCRIPTS = frozenset({"build.rs"})
PLATFORM_PREFIXES = re.compile(
    r"^(?:XDG_|LC_|GITHUB_|GITLAB_|RUNNER_|CARGO_|RUSTC_|DEP_|npm_|GIT_|SSH_|TERM_|VSCODE_|"
    r"JENKINS_|NODE_|PYTHON|PIP_|UV_|BUNDLE_|"
    r"BUILDKITE|CIRCLE|TRAVIS|APPVEYOR|TF_BUILD|PYTEST_XDIST_|JEST_WORKER_|TOX_|_)",
    re.IGNORECASE,
)
"""Families of platform variables, and `_PRIVATE` names a program sets for itself."""


def is_platform(name: str, path: str = "") -> bool:
    """Whether `name`, read in file `path`, is the platform's or the build tool's variable
    rather than the project's own setting (Cargo's `TARGET` counts only in a build script)."""
    upper = name.upper()
    if path.rpartition("/")[2] in BUILD_SCRIPTS and name in BUILD_SCRIPT:
        return True
    return name in PLATFORM or upper in PLATFORM or PLATFORM_PREFIXES.match(name) is not None
