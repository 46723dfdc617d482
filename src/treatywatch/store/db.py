"""Where the store lives and every difference between SQLite and PostgreSQL.

The URL comes from `--db`, else the environment variable `TREATYWATCH_DB`, else a
SQLite file at `$XDG_DATA_HOME/treatywatch/treatywatch.sqlite` (by default
`~/.local/share/treatywatch/treatywatch.sqlite`). A plain path is a SQLite file;
PostgreSQL is given by URL: `postgresql+psycopg://user@host:5432/dbname`.

Full-text search is FTS5 on SQLite (a `documents_fts` table kept beside
`documents`) and a generated `tsvector` column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from treatywatch.errors import ConfigError

ENV_VAR = "TREATYWATCH_DB"
SQLITE_NAME = "treatywatch.sqlite"


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
            return create_engine(parsed, pool_pre_ping=True)
        except NoSuchModuleError as exc:  # pragma: no cover - depends on install
            raise ConfigError(f"cannot load the driver for {describe(url)!r}: {exc}") from exc
    raise ConfigError(
        f"unsupported database {backend!r} in {describe(url)!r}: use a SQLite file "
        "or postgresql+psycopg://...")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
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
        conn.exec_driver_sql("BEGIN")

    return engine


def is_sqlite(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "sqlite"


# --- full-text search -----------------------------------------------------------

FULLTEXT_NAMES = ("documents_fts", "ix_documents_search", "search")


def is_fulltext_object(name: str | None) -> bool:
    """Schema objects made by `create_fulltext`, unknown to the models (for
    schema comparisons)."""
    return bool(name) and (name in FULLTEXT_NAMES or name.startswith("documents_fts_"))


def create_fulltext(conn: Connection) -> None:
    """Called by the initial migration."""
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


def index_documents_text(conn: Connection, docs: list[tuple[str, str | None, str]]) -> None:
    """Make new documents, (id, title, text), searchable in one statement (PostgreSQL
    does it by itself)."""
    if is_sqlite(conn) and docs:
        conn.execute(
            text("INSERT INTO documents_fts (doc_id, title, text) VALUES (:id, :title, :text)"),
            [{"id": doc_id, "title": title or "", "text": body} for doc_id, title, body in docs])


_WORD = re.compile(r"\w+", re.UNICODE)


def search_document_ids(conn: Connection, query: str, limit: int) -> list[tuple[str, float]]:
    """Ids of documents matching every word of `query`, best first, with a score
    (higher is better). Words are matched as prefixes, so `ОДКБ` finds `ОДКБ`
    and `appeal` finds `appealed`."""
    words = _WORD.findall(query)
    if not words:
        return []
    if is_sqlite(conn):
        match = " ".join('"' + w.replace('"', "") + '"*' for w in words)
        rows = conn.execute(
            text("SELECT doc_id, -bm25(documents_fts) AS score FROM documents_fts "
                 "WHERE documents_fts MATCH :match ORDER BY score DESC, doc_id LIMIT :limit"),
            {"match": match, "limit": limit})
    else:
        tsquery = " & ".join(w.replace("'", "") + ":*" for w in words)
        rows = conn.execute(
            text("SELECT id, ts_rank(search, to_tsquery('simple', :q)) AS score FROM documents "
                 "WHERE search @@ to_tsquery('simple', :q) ORDER BY score DESC, id LIMIT :limit"),
            {"q": tsquery, "limit": limit})
    return [(row[0], float(row[1])) for row in rows]
