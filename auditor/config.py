"""Configuration: `.auditor.toml` or `[tool.auditor]` in pyproject.toml, into a frozen Config.

Keys (kebab-case): select, ignore, exclude, default-excludes, fail-under, fail-on, jobs,
profile, and a table `rules.<ID>` of per-rule options. Unknown keys are an error that names the key.
Command-line flags override the file (see `Config.override`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from auditor.bounded_read import NotRead, read_inside, read_regular
from auditor.errors import ConfigError
from auditor.facts.profile.names import PROFILES
from auditor.git_command import GitUnusable
from auditor.git_tree import GitTree
from auditor.ignore_patterns import unusable_patterns
from auditor.index.limits import MAX_SCAN_BYTES
from auditor.model import Severity
from auditor.structured_text import MalformedDocument, load_toml

CONFIG_FILE = ".auditor.toml"
MAX_CONFIG_BYTES = MAX_SCAN_BYTES
"""A config file (or pyproject.toml) larger than the index reads is not read either."""
KEYS = frozenset(
    {"select", "ignore", "exclude", "default-excludes", "fail-under", "fail-on", "jobs", "rules"}
    | {"profile"}
)


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run may be told, after file and flags are merged."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    default_excludes: bool = True
    fail_under: float | None = None
    fail_on: Severity | None = None
    jobs: int | None = None
    profile: str | None = None
    """The repository's profile (`auditor.facts.profile.detect.PROFILES`), else detected."""
    rule_options: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    source: str | None = None
    """Where the settings came from (a path), or None for the defaults."""
    warnings: tuple[str, ...] = ()

    def override(self, **flags: Any) -> Config:
        """This config with every flag that was given (not None, not empty) taking precedence."""
        given = {k: v for k, v in flags.items() if v is not None and v != ()}
        return replace(self, **given)


def load_config(
    root: Path, explicit: Path | None = None, tree: GitTree | None = None, within: str = ""
) -> Config:
    """The config for auditing `root`: `explicit`, else `.auditor.toml`, else pyproject.toml.

    The repository's own files are untrusted: one that is a link leaving the repository, not
    a regular file (a FIFO would block the read) or larger than MAX_CONFIG_BYTES is not
    read; the run goes on with the defaults and a warning says why. `explicit` is the
    user's choice, and may be anywhere, but must be a regular file of bounded size too.
    With `tree` (`audit --rev`), the files are those of that commit, in its directory `within`.
    """
    if explicit is not None:
        return _from_file(
            explicit, _read_toml(explicit), table_in_pyproject=explicit.name == "pyproject.toml"
        )

    files = _RepositoryFiles(root, tree, within)
    dedicated = root / CONFIG_FILE
    if files.exists(dedicated):
        try:
            text = files.read(dedicated).decode("utf-8")
        except NotRead as refused:
            return Config(warnings=(f"{CONFIG_FILE}: not read ({refused}); using defaults",))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{dedicated}: cannot read config: {_reason(error)}") from None
        return _from_file(dedicated, _parse_toml(dedicated, text), table_in_pyproject=False)
    pyproject = root / "pyproject.toml"
    if files.exists(pyproject):
        try:
            data = load_toml(files.read(pyproject).decode("utf-8"))
        except (OSError, UnicodeDecodeError, NotRead, MalformedDocument) as error:
            warning = (
                f"pyproject.toml: not read for [tool.auditor] ({_reason(error)}); using defaults"
            )
            return Config(warnings=(warning,))
        tool = data.get("tool")
        if isinstance(tool, Mapping) and "auditor" in tool:
            return _from_file(pyproject, data, table_in_pyproject=True)
    return Config()


@dataclass(frozen=True, slots=True)
class _RepositoryFiles:
    """The audited tree's config files: in the work tree at `root`, or in a commit's `tree`
    (its directory `within`)."""

    root: Path
    tree: GitTree | None
    within: str

    def exists(self, path: Path) -> bool:
        if self.tree is None:
            return _exists(path)
        return self.tree.kind(self._in_tree(path)) is not None

    def read(self, path: Path) -> bytes:
        if self.tree is None:
            return read_inside(self.root, path, MAX_CONFIG_BYTES)
        try:
            return self.tree.read_inside(self._in_tree(path), MAX_CONFIG_BYTES)
        except GitUnusable as unusable:
            raise OSError(unusable.message) from None

    def _in_tree(self, path: Path) -> str:
        name = path.relative_to(self.root).as_posix()
        return f"{self.within}/{name}" if self.within else name


def _exists(path: Path) -> bool:
    """Whether there is anything at `path`, a dangling link included (os.lstat)."""
    try:
        path.lstat()
    except OSError:
        return False
    return True


def _reason(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError, NotRead) as error:
        raise ConfigError(f"{path}: cannot read config: {_reason(error)}") from None
    return _parse_toml(path, text)


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return load_toml(text)
    except MalformedDocument as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def _from_file(path: Path, data: Mapping[str, Any], table_in_pyproject: bool) -> Config:
    where = f"{path.name} [tool.auditor]" if table_in_pyproject else path.name
    table: object = data
    if table_in_pyproject:
        tool = data.get("tool", {})
        table = tool.get("auditor", {}) if isinstance(tool, Mapping) else None
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KEYS))})")
    return Config(
        select=_strings(table, "select", where),
        ignore=_strings(table, "ignore", where),
        exclude=_patterns(table, "exclude", where),
        default_excludes=_typed(table, "default-excludes", bool, where, True),
        fail_under=_fail_under(table, where),
        fail_on=_fail_on(table, where),
        jobs=_jobs(table, where),
        profile=_profile(table, where),
        rule_options=_rule_options(table.get("rules", {}), where),
        source=str(path),
    )


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _patterns(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    patterns = _strings(table, key, where)
    unusable = unusable_patterns(patterns)
    if unusable:
        raise ConfigError(f"{where}: {key}: {unusable[0]!r} is not a gitignore-style pattern")
    return patterns


def _typed(table: Mapping[str, Any], key: str, kind: type, where: str, default: Any) -> Any:
    value = table.get(key, default)
    if value is not default and (
        not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    ):
        raise ConfigError(f"{where}: {key} must be a {kind.__name__}")
    return value


def _fail_under(table: Mapping[str, Any], where: str) -> float | None:
    value = table.get("fail-under")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ConfigError(f"{where}: fail-under must be a number from 0 to 100")
    return float(value)


def _fail_on(table: Mapping[str, Any], where: str) -> Severity | None:
    value = table.get("fail-on")
    if value is None:
        return None
    if not isinstance(value, str) or value not in {s.value for s in Severity}:
        raise ConfigError(f"{where}: fail-on must be one of low, medium, high, critical")
    return Severity(value)


def _jobs(table: Mapping[str, Any], where: str) -> int | None:
    """The worker count asked for; `index.parsing.worker_count` bounds it by the CPUs."""
    value = table.get("jobs")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: jobs must be a whole number of at least 1")
    return value


def _profile(table: Mapping[str, Any], where: str) -> str | None:
    value = table.get("profile")
    if value is None:
        return None
    if not isinstance(value, str) or value not in PROFILES:
        shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
        raise ConfigError(f"{where}: profile must be one of {', '.join(PROFILES)}, not {shown}")
    return value


def _rule_options(rules: Any, where: str) -> Mapping[str, Mapping[str, Any]]:
    if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
        raise ConfigError(f"{where}: rules must be a table of tables, e.g. [rules.NAV001]")
    return MappingProxyType({str(k).upper(): MappingProxyType(dict(v)) for k, v in rules.items()})
