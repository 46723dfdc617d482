"""The store's schema: migrations on open, URLs, the default location."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from treatywatch.errors import ConfigError, StoreError
from treatywatch.store import db, migrate, open_store
from treatywatch.store.models import Base


def test_store_migrations_create_exactly_the_models_schema(db_url):
    with open_store(db_url) as store:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "include_name": lambda name, *_: not db.is_fulltext_object(name)})
            assert compare_metadata(context, Base.metadata) == []
        assert migrate.current_revision(store.engine) == migrate.head_revision() == migrate.HEAD
        tables = set(inspect(store.engine).get_table_names())
        assert {"documents", "events", "evidence", "cases", "case_events"} <= tables


def test_store_reopening_a_current_store_keeps_its_rows(db_url):
    from treatywatch.ingest import doc_from_text

    with open_store(db_url) as store:
        store.ingest(doc_from_text("a.txt", "Some text about nothing in particular."))
    with open_store(db_url) as store:
        with store.session() as session:
            from treatywatch.store.models import DocumentRow

            assert session.query(DocumentRow).count() == 1


@pytest.mark.parametrize("given, expected", [
    ("/tmp/x/record.sqlite", "sqlite:////tmp/x/record.sqlite"),
    ("sqlite:///rel.sqlite", "sqlite:///rel.sqlite"),
    ("postgresql+psycopg://tw@localhost/tw", "postgresql+psycopg://tw@localhost/tw"),
])
def test_store_url_from_option(given, expected):
    assert db.resolve_url(given) == expected


def test_store_url_from_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv(db.ENV_VAR, "postgresql+psycopg://u@h/d")
    assert db.resolve_url(None) == "postgresql+psycopg://u@h/d"
    monkeypatch.delenv(db.ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path}/treatywatch/treatywatch.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert db.default_sqlite_path() == Path.home() / ".local/share/treatywatch/treatywatch.sqlite"


@pytest.mark.parametrize("url, words", [
    ("mysql://u@h/d", "unsupported database 'mysql'"),
    ("postgresql+psycopg2://u@h/d", "use postgresql+psycopg://"),
    ("bad url://x", "invalid database URL"),
    ("postgresql+psycopg://u@h:port/d", "invalid database URL"),
])
def test_store_bad_url_names_the_value_and_the_fix(url, words):
    with pytest.raises(ConfigError, match=words.replace("+", r"\+").replace("(", r"\(")):
        open_store(url)


def test_store_unreachable_database_is_a_store_error():
    with pytest.raises(StoreError, match=r"cannot open the store postgresql\+psycopg://tw@127.0.0.1:1/none"):
        open_store("postgresql+psycopg://tw@127.0.0.1:1/none")


def test_store_sqlite_file_is_created_with_its_folder(tmp_path):
    path = tmp_path / "deep" / "er" / "record.sqlite"
    with open_store(str(path)):
        pass
    assert path.is_file()


def test_store_an_older_schema_is_migrated_on_open(db_url):
    from alembic import command

    from treatywatch.store.db import create_store_engine

    engine = create_store_engine(db_url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    assert migrate.current_revision(engine) == "0001"
    assert not inspect(engine).has_table("meta")
    engine.dispose()
    with open_store(db_url) as store:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        assert inspect(store.engine).has_table("meta")
