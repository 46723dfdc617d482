"""The store's write generation (`store_generation`, bumped by triggers on every
table an answer is read from; see `store/generation.py`), for caches that must
never serve an answer older than a committed write.

It follows 0004 (the lemma search index).

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

from treatywatch.store import generation

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        generation.TABLE,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    generation.create_triggers(op.get_bind())


def downgrade() -> None:
    generation.drop_triggers(op.get_bind())
    op.drop_table(generation.TABLE)
