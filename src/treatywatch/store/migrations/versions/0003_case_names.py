"""Published case ids, kept so that every id ever given still answers
(`case_names`; see `store/case_names.py`).

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_names",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("requester", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.String(64), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("case_id", sa.String(80)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
    )
    op.create_index("ix_case_names_requester", "case_names", ["requester"])


def downgrade() -> None:
    op.drop_index("ix_case_names_requester", "case_names")
    op.drop_table("case_names")
