"""Store.write_batch, the parallel ingest's writer: one transaction per batch, with the
outcome of `ingest` one document at a time (duplicates inside the batch, near-duplicates
linked whatever the order), and nothing of a failed batch left behind."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from test_store_ingest import REPUBLISHED, STORY, UNRELATED, appeal, story_doc
from treatywatch.store import open_store
from treatywatch.store.export import FORMATS, TABLES, export
from treatywatch.store.models import DocumentRow, EventRow


def batch():
    return [
        story_doc("wire.txt", STORY, dt.date(2025, 11, 3), [appeal("TJK")]),
        story_doc("sport.txt", UNRELATED, dt.date(2025, 11, 4)),
        story_doc("copy.txt", STORY, dt.date(2025, 11, 3), [appeal("TJK")]),  # same text
        story_doc("reprint.txt", REPUBLISHED, dt.date(2025, 11, 2), [appeal("TJK", sentence="asked again")]),
    ]


def exported(store) -> dict:
    store.refresh_cases()
    files = {}
    with store.session() as session:
        for table in TABLES:
            for fmt in FORMATS:
                out = io.BytesIO()
                export(session, table, fmt, out)
                files[table, fmt] = out.getvalue()
    return files


def test_store_write_batch_equals_ingesting_one_by_one(fresh_db):
    with open_store(fresh_db()) as batched, open_store(fresh_db()) as single:
        results = batched.write_batch(batch())
        one_by_one = [single.ingest(doc) for doc in batch()]
        assert [r.status for r in results] == [r.status for r in one_by_one]
        assert [r.status for r in results] == ["new", "new", "duplicate", "new"]
        assert exported(batched) == exported(single)
        with batched.session() as session:
            wire = session.get(DocumentRow, results[0].doc_id)
            assert wire.name == "copy.txt"  # the name that sorts first, as ingest keeps
            assert wire.duplicate_of == results[3].doc_id  # the reprint is earlier: the original


def test_store_write_batch_in_two_batches_or_reversed_gives_the_same_store(fresh_db):
    docs = batch()
    with open_store(fresh_db()) as whole, open_store(fresh_db()) as split:
        whole.write_batch(docs)
        split.write_batch(batch()[2:][::-1])
        split.write_batch(batch()[:2])
        assert exported(whole) == exported(split)


def test_store_write_batch_that_fails_leaves_nothing_and_the_next_batch_is_right(fresh_db, monkeypatch):
    import treatywatch.store.write as write_module

    with open_store(fresh_db()) as store:
        real = write_module.mark_stale

        def fail_after_the_rows_are_in(session, requesters):
            session.flush()  # the batch's rows are in the transaction
            assert session.scalar(select(func.count()).select_from(DocumentRow)) == 3
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(write_module, "mark_stale", fail_after_the_rows_are_in)
        with pytest.raises(RuntimeError):
            store.write_batch(batch())
        monkeypatch.setattr(write_module, "mark_stale", real)
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0
            assert session.scalar(select(func.count()).select_from(EventRow)) == 0
        # the in-memory near-duplicate index forgot the rolled-back documents
        results = store.write_batch(batch())
        assert [r.status for r in results] == ["new", "new", "duplicate", "new"]
        with open_store(fresh_db()) as clean:
            clean.write_batch(batch())
            assert exported(store) == exported(clean)


def test_store_write_rows_made_in_another_process_store_the_same(fresh_db):
    """What a worker sends: plain rows, pickled across processes, then only inserted."""
    import pickle

    from treatywatch.store.write import document_rows

    with open_store(fresh_db()) as sent, open_store(fresh_db()) as direct:
        rows = [pickle.loads(pickle.dumps(document_rows(doc))) for doc in batch()]
        assert [r.status for r in sent.write_rows(rows)] == ["new", "new", "duplicate", "new"]
        for doc in batch():
            direct.ingest(doc)
        assert exported(sent) == exported(direct)


@pytest.mark.parametrize("copies", [1, 6])
def test_store_write_rows_inserts_a_batch_with_one_statement_per_table(fresh_db, copies):
    """The writer's work does not grow in statements with the batch: one multi-row
    insert per table, however many documents, events and evidence spans."""
    from sqlalchemy import event

    from treatywatch.store.write import document_rows

    docs = [story_doc(f"wire-{n}.txt", f"{STORY} Report number {n} of the day, told at length "
                      f"for readers of edition {n * 7 + 3}.", dt.date(2025, 11, 3), [appeal("TJK")])
            for n in range(copies)]
    with open_store(fresh_db()) as store:
        store.write_rows([document_rows(story_doc("first.txt", UNRELATED, None))])  # the index is made
        inserts = []

        def count(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("INSERT"):
                inserts.append(statement.split("(")[0].split()[-1])

        event.listen(store.engine, "before_cursor_execute", count)
        results = store.write_rows([document_rows(doc) for doc in docs])
        event.remove(store.engine, "before_cursor_execute", count)
    assert sum(r.events for r in results) == copies
    tables = ["documents", "events", "evidence", "stale_requesters", "search_lemmas"]
    assert sorted(inserts) == sorted(tables)


def test_store_write_rows_links_a_group_of_copies_to_its_earliest_in_any_order(fresh_db):
    """Copies of one story arriving in any order and in any batches end linked to the
    earliest published (undated last), each new copy relinking the group only when it
    comes first."""
    import random

    copies = [story_doc("late.txt", STORY + " Updated at noon.", dt.date(2025, 11, 9), [appeal("TJK")]),
              story_doc("first.txt", STORY, dt.date(2025, 11, 2)),
              story_doc("undated.txt", STORY + " Corrected.", None, [appeal("KAZ", "2022-01")]),
              story_doc("middle.txt", STORY + " Photo added.", dt.date(2025, 11, 5)),
              story_doc("sport.txt", UNRELATED, dt.date(2025, 11, 1))]
    rng = random.Random(4)
    stores = []
    for _ in range(6):
        order = rng.sample(range(len(copies)), len(copies))
        cut = rng.randint(1, len(copies) - 1)
        with open_store(fresh_db()) as store:
            for part in (order[:cut], order[cut:]):
                store.write_batch([story_doc(copies[i].id, copies[i].text, copies[i].published,
                                             copies[i].events) for i in part])
            with store.session() as session:
                links = {row.name: row.duplicate_of for row in session.scalars(select(DocumentRow))}
                names = {row.id: row.name for row in session.scalars(select(DocumentRow))}
            stores.append(exported(store))
        assert {name: names.get(original) for name, original in links.items()} == {
            "first.txt": None, "late.txt": "first.txt", "middle.txt": "first.txt",
            "undated.txt": "first.txt", "sport.txt": None}
    assert all(files == stores[0] for files in stores)
