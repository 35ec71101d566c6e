"""The score-history database: SQLite with a versioned schema, forward migrations and WAL.

One row per (repository, commit, auditor version) in `audits`, with its category scores and
rule statuses beside it; each audited commit is written in one transaction, so a run killed
at any moment leaves every commit it finished and none half-written. WAL mode lets readers
and one writer work at once, and a busy timeout makes concurrent writers (fleet workers,
two history runs) wait their turn instead of failing. The schema version is SQLite's
`user_version`; `MIGRATIONS[n]` takes a database from version n to n + 1, applied in an
exclusive transaction so two processes opening an old database migrate it once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import UsageError

BUSY_TIMEOUT_MS = 60_000
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE audits (
        repository TEXT NOT NULL,
        commit_sha TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        commit_date TEXT,
        score REAL NOT NULL,
        level INTEGER NOT NULL,
        rules_digest TEXT NOT NULL,
        PRIMARY KEY (repository, commit_sha, tool_version)
    );
    CREATE TABLE category_scores (
        repository TEXT NOT NULL,
        commit_sha TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        category TEXT NOT NULL,
        score REAL,
        PRIMARY KEY (repository, commit_sha, tool_version, category)
    );
    CREATE TABLE rule_statuses (
        repository TEXT NOT NULL,
        commit_sha TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        rule TEXT NOT NULL,
        status TEXT NOT NULL,
        gain REAL NOT NULL,
        PRIMARY KEY (repository, commit_sha, tool_version, rule)
    );
    """,
    """
    ALTER TABLE rule_statuses ADD COLUMN title TEXT NOT NULL DEFAULT '';
    ALTER TABLE rule_statuses ADD COLUMN message TEXT NOT NULL DEFAULT '';
    CREATE INDEX audits_by_date ON audits (repository, tool_version, commit_date);
    """,
)
"""Version 1: audits, category scores, rule statuses. Version 2: each rule's title and the
message that explains its status (its first finding), and an index by date."""
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class RuleRow:
    rule: str
    status: str
    gain: float
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audited commit of one repository, as stored."""

    commit: str
    commit_date: str | None
    score: float
    level: int
    rules_digest: str
    categories: tuple[tuple[str, float | None], ...]
    rules: tuple[RuleRow, ...]


class HistoryDatabase:
    """An open history database; `open_database` makes one."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> HistoryDatabase:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def has(self, repository: str, commit: str, tool_version: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM audits WHERE repository = ? AND commit_sha = ? AND tool_version = ?",
            (repository, commit, tool_version),
        ).fetchone()
        return row is not None

    def record(self, repository: str, tool_version: str, row: AuditRow) -> bool:
        """Store one audited commit in one transaction; False when it was already there."""
        with _transaction(self.connection, "IMMEDIATE"):
            if self.has(repository, row.commit, tool_version):
                return False
            key = (repository, row.commit, tool_version)
            self.connection.execute(
                "INSERT INTO audits VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, row.commit_date, row.score, row.level, row.rules_digest),
            )
            self.connection.executemany(
                "INSERT INTO category_scores VALUES (?, ?, ?, ?, ?)",
                [(*key, category, score) for category, score in row.categories],
            )
            self.connection.executemany(
                "INSERT INTO rule_statuses (repository, commit_sha, tool_version, rule, status,"
                " gain, title, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(*key, r.rule, r.status, r.gain, r.title, r.message) for r in row.rules],
            )
        return True

    def audits(self, repository: str, tool_version: str, commits: Sequence[str]) -> list[AuditRow]:
        """The stored rows of `commits` (in that order; missing ones left out)."""
        found = []
        for commit in commits:
            key = (repository, commit, tool_version)
            head = self.connection.execute(
                "SELECT commit_date, score, level, rules_digest FROM audits"
                " WHERE repository = ? AND commit_sha = ? AND tool_version = ?",
                key,
            ).fetchone()
            if head is None:
                continue
            categories = self.connection.execute(
                "SELECT category, score FROM category_scores WHERE repository = ?"
                " AND commit_sha = ? AND tool_version = ? ORDER BY category",
                key,
            ).fetchall()
            rules = self.connection.execute(
                "SELECT rule, status, gain, title, message FROM rule_statuses WHERE"
                " repository = ? AND commit_sha = ? AND tool_version = ? ORDER BY rule",
                key,
            ).fetchall()
            found.append(
                AuditRow(
                    commit,
                    head[0],
                    head[1],
                    head[2],
                    head[3],
                    tuple((c, s) for c, s in categories),
                    tuple(RuleRow(*r) for r in rules),
                )
            )
        return found

    def commits(self, repository: str, tool_version: str) -> list[str]:
        """Every stored commit of `repository` by this auditor version, oldest date first."""
        rows = self.connection.execute(
            "SELECT commit_sha FROM audits WHERE repository = ? AND tool_version = ?"
            " ORDER BY commit_date, commit_sha",
            (repository, tool_version),
        ).fetchall()
        return [row[0] for row in rows]


def open_database(path: Path) -> HistoryDatabase:
    """The database at `path`, created or migrated to SCHEMA_VERSION; UsageError when it
    cannot be opened, is not SQLite, or is newer than this auditor."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        raise UsageError(f"{path}: not a usable history database: {error}") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot open the history database: {error}") from None
    return HistoryDatabase(connection)


def migrate(connection: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations from the database's version up to `target`; the version reached."""
    with _transaction(connection, "EXCLUSIVE"):
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"schema version {version} is newer than this auditor's {SCHEMA_VERSION}"
            )
        for number in range(version, target):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
        return max(version, target)


@contextmanager
def _transaction(connection: sqlite3.Connection, mode: str) -> Iterator[None]:
    connection.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
