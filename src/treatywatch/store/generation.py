"""The store's write generation: a number that grows with every committed change to
the record, whoever makes it (this process, another one, the CLI, a later version's
new write path), so that answers computed from the record can be cached under it.

It is one row of `store_generation`, bumped by triggers on every table an answer is
read from (migration 0005). The triggers fire inside the writing transaction, so the
new number becomes visible exactly when the change commits: a reader that reads the
generation *before* the rows it answers from never files an old answer under a new
number. On SQLite the triggers are per row (SQLite has no statement triggers); on
PostgreSQL per statement. Either way concurrent writers serialize on the row until
they commit, which SQLite does anyway; the web app writes through one lock too.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

TABLE = "store_generation"
# Every table an answer is read from; full-text tables change with `documents`.
WATCHED = ("documents", "events", "evidence", "cases", "case_events", "case_names",
           "stale_requesters", "meta")
_OPERATIONS = ("INSERT", "UPDATE", "DELETE")
_BUMP = f"UPDATE {TABLE} SET n = n + 1 WHERE id = 1"
_PG_FUNCTION = "treatywatch_bump_generation"


def trigger_name(table: str, operation: str = "") -> str:
    return f"tw_generation_{table}" + (f"_{operation.lower()}" if operation else "")


def create_triggers(conn: Connection) -> None:
    """The counter row (kept if present) and the triggers (replaced if present)."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE} (id, n) SELECT 1, 0 WHERE NOT EXISTS "
                         f"(SELECT 1 FROM {TABLE} WHERE id = 1)")
    drop_triggers(conn)
    if conn.dialect.name == "sqlite":
        for table in WATCHED:
            for operation in _OPERATIONS:
                conn.exec_driver_sql(
                    f"CREATE TRIGGER {trigger_name(table, operation)} AFTER {operation} "
                    f"ON {table} BEGIN {_BUMP}; END")
        return
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {_BUMP}; RETURN NULL; END $$")
    for table in WATCHED:
        conn.exec_driver_sql(
            f"CREATE TRIGGER {trigger_name(table)} AFTER INSERT OR UPDATE OR DELETE OR "
            f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {_PG_FUNCTION}()")


def drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for table in WATCHED:
            for operation in _OPERATIONS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger_name(table, operation)}")
        return
    for table in WATCHED:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger_name(table)} ON {table}")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_PG_FUNCTION}()")


def read_generation(conn: Connection) -> int:
    """The generation as of this connection's transaction (read it first)."""
    value = conn.exec_driver_sql(f"SELECT n FROM {TABLE} WHERE id = 1").scalar()
    return int(value or 0)
