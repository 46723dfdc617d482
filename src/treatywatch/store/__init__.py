"""The record's store: documents, events with evidence, and cases (SQLite or
PostgreSQL through SQLAlchemy 2; Alembic migrations run on open).

    open_store(url=None) -> Store    url: --db value, else $TREATYWATCH_DB, else the default file
    Store.ingest(doc, extract) -> IngestResult
    Store.refresh_cases() -> requesters rebuilt
"""

from treatywatch.store.db import ENV_VAR, default_sqlite_path, resolve_url
from treatywatch.store.store import Store, open_store
from treatywatch.store.write import IngestResult

__all__ = ["ENV_VAR", "IngestResult", "Store", "default_sqlite_path", "open_store",
           "resolve_url"]
