"""Search by lemma: `search_lemmas` (FTS5 on SQLite, a tsvector table on PostgreSQL)
replaces the word-form index of 0001 and is filled for the documents already stored
(see `store/search.py`).

Revision ID: 0004
"""

from alembic import op

from treatywatch.store import search
from treatywatch.store.db import create_fulltext, drop_fulltext, is_sqlite

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    drop_fulltext(conn)
    search.create_index(conn)
    search.index_all(conn)


def downgrade() -> None:
    conn = op.get_bind()
    search.drop_index(conn)
    create_fulltext(conn)
    if is_sqlite(conn):
        conn.exec_driver_sql("INSERT INTO documents_fts (doc_id, title, text) "
                             "SELECT id, coalesce(title, ''), text FROM documents")
