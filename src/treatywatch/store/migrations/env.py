"""Alembic environment: run programmatically by `treatywatch.store.migrate`, which
passes an open connection in `config.attributes["connection"]`."""

from alembic import context

from treatywatch.store.db import is_fulltext_object
from treatywatch.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=lambda name, *_: not is_fulltext_object(name),
)
with context.begin_transaction():
    context.run_migrations()
