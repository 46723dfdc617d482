"""The initial record: documents, events, evidence, cases, case_events, stale_requesters.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from treatywatch.store.db import create_fulltext, drop_fulltext

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)
CODE = sa.String(16)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.String(512)),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("lang", sa.String(8)),
        sa.Column("title", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_format", sa.String(16), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("duplicate_of", ID, sa.ForeignKey("documents.id")),
        sa.Column("similarity", sa.Float()),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])

    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("doc_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", CODE, nullable=False),
        sa.Column("actor", CODE),
        sa.Column("target", CODE),
        sa.Column("polarity", CODE, nullable=False),
        sa.Column("modality", CODE, nullable=False),
        sa.Column("source", CODE),
        sa.Column("when", sa.String(32)),
        sa.Column("assistance", CODE),
        sa.Column("basis", sa.String(32)),
        sa.Column("outcome", CODE),
        sa.Column("size", sa.Integer()),
        sa.Column("via", CODE),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("requester", CODE),
        sa.Column("addressee", CODE),
        sa.Column("when_start", sa.Date()),
        sa.Column("when_end", sa.Date()),
    )
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.create_index("ix_events_requester", "events", ["requester"])

    op.create_table(
        "evidence",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("ordinal", sa.Integer(), primary_key=True),
        sa.Column("doc_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
    )

    op.create_table(
        "cases",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("requester", CODE, nullable=False),
        sa.Column("addressee", CODE, nullable=False),
        sa.Column("start", sa.Date()),
        sa.Column("end", sa.Date()),
        sa.Column("appeal", CODE, nullable=False),
        sa.Column("basis", sa.String(32)),
        sa.Column("decision", CODE),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.JSON(), nullable=False),
    )
    op.create_index("ix_cases_parties_period", "cases", ["requester", "addressee", "start"])
    op.create_index("ix_cases_appeal", "cases", ["appeal"])

    op.create_table(
        "case_events",
        sa.Column("case_id", sa.String(80), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_case_events_event_id", "case_events", ["event_id"])

    op.create_table(
        "stale_requesters",
        sa.Column("requester", CODE, primary_key=True),
    )

    create_fulltext(op.get_bind())


def downgrade() -> None:
    drop_fulltext(op.get_bind())
    for table in ("stale_requesters", "case_events", "cases", "evidence", "events", "documents"):
        op.drop_table(table)
