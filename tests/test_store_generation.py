"""The store's write generation: it moves with every committed write, whoever writes
(another handle on the same store stands for another process), never with a read,
and never before the write commits."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from treatywatch.model import Doc, Event, Evidence
from treatywatch.store import migrate, open_store
from treatywatch.store.db import create_store_engine


def report(number: int, state: str = "KGZ", when: str = "2021-04") -> Doc:
    """A document written here that states one appeal, with its evidence span."""
    sentence = f"Officials of {state} asked the CSTO for help in {when} (report {number})."
    body = f"Dispatch {number}. The weather was mild. {sentence} Talks went on."
    start = body.index(sentence)
    doc = Doc(id=f"report-{number}.txt", text=body, lang="en", published=dt.date(2021, 4, 20))
    doc.events.append(Event("appeal", state, "CSTO", when=when, source=state,
                            evidence=[Evidence(doc.id, start, start + len(sentence), sentence)]))
    return doc


def test_generation_moves_with_each_write_and_not_with_reads(db_url):
    with open_store(db_url) as store:
        start = store.generation()
        store.ingest(report(1))
        after_ingest = store.generation()
        assert after_ingest > start
        store.refresh_cases()
        after_cases = store.generation()
        assert after_cases > after_ingest
        with store.session() as session:
            session.execute(text("SELECT count(*) FROM cases")).scalar()
        assert store.cases_stale() is False
        assert store.generation() == after_cases  # reads leave it
        store.ingest(report(1))  # the same text: a duplicate, nothing new stored
        assert store.generation() == after_cases


def test_a_write_by_another_handle_shows_in_the_generation(db_url):
    with open_store(db_url) as reader, open_store(db_url) as writer:
        before = reader.generation()
        writer.ingest(report(2))
        assert reader.generation() > before
        seen = reader.generation()
        writer.refresh_cases()
        assert reader.generation() > seen


def test_generation_is_invisible_until_the_write_commits(db_url):
    with open_store(db_url) as store:
        before = store.generation()
        engine = create_store_engine(store.url)
        try:
            with engine.connect() as conn:
                transaction = conn.begin()
                conn.execute(text("INSERT INTO meta (key, value) VALUES ('probe', 'x')"))
                assert store.generation() == before  # uncommitted: readers see the old number
                transaction.commit()
            assert store.generation() > before
        finally:
            engine.dispose()


@pytest.mark.parametrize("table", ["documents", "events", "evidence", "cases", "case_events",
                                   "case_names", "stale_requesters", "meta"])
def test_every_table_an_answer_reads_moves_it(tmp_path, table):
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store.ingest(report(3))
        store.refresh_cases()
        before = store.generation()
        with store.engine.begin() as conn:
            if conn.execute(text(f"SELECT count(*) FROM {table}")).scalar():
                conn.execute(text(f"DELETE FROM {table}"))
            else:  # emptied by the rebuild
                conn.execute(text(f"INSERT INTO {table} (requester) VALUES ('ARM')"))
        assert store.generation() > before, table


def test_an_older_store_gets_the_generation_and_keeps_its_rows(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_store_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    engine.dispose()
    # a store written by the version before the generation
    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('reasoning', 'old')"))
    engine.dispose()
    with open_store(url) as store:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        with store.session() as session:
            assert session.execute(text("SELECT value FROM meta WHERE key = 'reasoning'")).scalar() == "old"
        before = store.generation()
        store.ingest(report(4))
        assert store.generation() > before
