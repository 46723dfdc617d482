"""Where the store lives and every difference between SQLite and PostgreSQL.

The URL comes from `--db`, else the environment variable `TREATYWATCH_DB`, else a
SQLite file at `$XDG_DATA_HOME/treatywatch/treatywatch.sqlite` (by default
`~/.local/share/treatywatch/treatywatch.sqlite`). A plain path is a SQLite file;
PostgreSQL is given by URL: `postgresql+psycopg://user@host:5432/dbname`.

Full-text search is by lemma, in `store/search.py` (FTS5 on SQLite, a `tsvector`
table with a GIN index on PostgreSQL); the word-form index made here by migration
0001 is replaced by 0004.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from treatywatch.errors import ConfigError

ENV_VAR = "TREATYWATCH_DB"
SQLITE_NAME = "treatywatch.sqlite"
# Connections kept open for the web app's worker threads (serve/app.py runs at most
# SERVE_THREADS at once): a pool smaller than that opened and closed a connection,
# with its pragmas, for most requests under load. The overflow covers other threads.
# An execution option (Store.write_session): the transaction will write, so on SQLite
# it takes the write lock when it begins.
WRITE_OPTION = "treatywatch_writes"
POOL_SIZE = 16
POOL_OVERFLOW = 16


def default_sqlite_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "treatywatch" / SQLITE_NAME


def resolve_url(db: str | None = None) -> str:
    """The database URL to use: `db`, else `$TREATYWATCH_DB`, else the default file."""
    value = db or os.environ.get(ENV_VAR) or str(default_sqlite_path())
    if "://" not in value:
        path = Path(value).expanduser()
        return f"sqlite:///{path}"
    return value


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_store_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise ConfigError(
            f"invalid database URL {url!r}: give a file path or a URL such as "
            "postgresql+psycopg://user@host/dbname") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if backend == "postgresql":
        if parsed.get_driver_name() in ("psycopg2", "pg8000", "asyncpg"):
            raise ConfigError(
                f"database URL {describe(url)!r} names driver {parsed.get_driver_name()!r}; "
                "use postgresql+psycopg://... (psycopg 3 is installed)")
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True, pool_size=POOL_SIZE,
                                 max_overflow=POOL_OVERFLOW)
        except NoSuchModuleError as exc:  # pragma: no cover - depends on install
            raise ConfigError(f"cannot load the driver for {describe(url)!r}: {exc}") from exc
    raise ConfigError(
        f"unsupported database {backend!r} in {describe(url)!r}: use a SQLite file "
        "or postgresql+psycopg://...")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    if database and database != ":memory:":
        engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    else:
        engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # Take over transaction control so BEGIN/COMMIT are ours (pysqlite's own
        # handling defers BEGIN and breaks SAVEPOINT and DDL inside transactions).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if database and database != ":memory:":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def is_sqlite(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "sqlite"


# --- full-text search -----------------------------------------------------------

FULLTEXT_NAMES = ("documents_fts", "ix_documents_search", "search", "search_lemmas",
                  "ix_search_lemmas_search")


def is_fulltext_object(name: str | None) -> bool:
    """Schema objects made for search, unknown to the models (for schema comparisons)."""
    return bool(name) and (name in FULLTEXT_NAMES or name.startswith(("documents_fts_",
                                                                     "search_lemmas_")))


def create_fulltext(conn: Connection) -> None:
    """The word-form index of migration 0001 (dropped by 0004)."""
    if is_sqlite(conn):
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')")
    else:
        conn.exec_driver_sql(
            "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED")
        conn.exec_driver_sql(
            "CREATE INDEX ix_documents_search ON documents USING gin (search)")


def drop_fulltext(conn: Connection) -> None:
    if is_sqlite(conn):
        conn.exec_driver_sql("DROP TABLE IF EXISTS documents_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_documents_search")
        conn.exec_driver_sql("ALTER TABLE documents DROP COLUMN IF EXISTS search")
