"""Ingest: one transaction per document, duplicates stored once, near-duplicates
linked whatever the order, events stored faithfully."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from treatywatch.ingest import doc_from_text
from treatywatch.model import ASSISTANCE, EVENT_TYPES, MODALITIES, OUTCOMES, Event, Evidence
from treatywatch.store import open_store
from treatywatch.store.casebook import load_claims, row_event
from treatywatch.store.export import export
from treatywatch.store.models import DocumentRow, EventRow, EvidenceRow

# Our own text, long enough for 5-word shingles to be meaningful.
STORY = (
    "Ministers of the six member states met in the capital on Tuesday to discuss the "
    "situation on the southern border after several nights of shelling. The chair of the "
    "council said that the organization was following events closely and that any member "
    "in need could ask for help through the agreed procedure. Officials from the "
    "secretariat briefed the delegations on the movement of armed groups near the river "
    "crossing and on the state of the joint air defence network. Several delegations "
    "asked for a further meeting within a week, and the council agreed to keep the "
    "question on its agenda. Journalists were told that no formal request had been "
    "received so far, and that the working group on border security would report to the "
    "heads of state at their next summit in the autumn."
)
REPUBLISHED = STORY + " The agency's correspondent added that the talks lasted four hours."
UNRELATED = (
    "The national football team won its third match in a row on Sunday evening, beating "
    "the visitors by two goals to one in front of a full stadium. The coach praised the "
    "young goalkeeper, who saved a penalty in the second half, and said the squad would "
    "travel to the coast for a training camp before the qualifying games in October."
)


def story_doc(name: str, text: str, published: dt.date | None, events: list[Event] = ()):
    doc = doc_from_text(name, text, published=published)
    doc.events = list(events)
    return doc


def appeal(actor: str = "TJK", when: str | None = "2025-11", sentence: str = "asked") -> Event:
    return Event("appeal", actor, "CSTO", source=actor, when=when, assistance="military",
                 evidence=[Evidence("x", 0, 10, sentence)], confidence=0.8)


def count(store, model) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_store_same_text_twice_is_stored_once_under_the_first_name(db_url):
    with open_store(db_url) as store:
        first = store.ingest(story_doc("b.txt", STORY, dt.date(2025, 12, 1), [appeal()]))
        again = store.ingest(story_doc("a.txt", STORY.replace(". ", ".  \n"),
                                       dt.date(2025, 12, 1), [appeal()]))
        assert (first.status, again.status) == ("new", "duplicate")
        assert again.doc_id == first.doc_id
        assert count(store, DocumentRow) == 1 and count(store, EventRow) == 1
        with store.session() as session:
            assert session.get(DocumentRow, first.doc_id).name == "a.txt"


def test_store_republication_is_linked_to_the_earlier_copy_in_any_order(fresh_db):
    original = story_doc("wire.txt", STORY, dt.date(2025, 12, 1), [appeal()])
    copy = story_doc("copy.txt", REPUBLISHED, dt.date(2025, 12, 3), [appeal(sentence="copied")])
    other = story_doc("sport.txt", UNRELATED, dt.date(2025, 12, 2))
    links = []
    for order in ([original, copy, other], [copy, other, original]):
        with open_store(fresh_db()) as store:
            results = {d.id: store.ingest(d) for d in order}
            with store.session() as session:
                names = {row.id: row.name for row in session.scalars(select(DocumentRow))}
                links.append({row.name: names.get(row.duplicate_of)
                              for row in session.scalars(select(DocumentRow))})
                counted = load_claims(session, ["TJK"])
        assert [c.doc.name for c in counted] == ["wire.txt"]
        assert results["copy.txt"].status == ("near_duplicate" if order[0] is original else "new")
    assert links[0] == links[1] == {"wire.txt": None, "copy.txt": "wire.txt", "sport.txt": None}


def test_store_near_duplicate_index_is_rebuilt_from_stored_signatures(db_url):
    with open_store(db_url) as store:
        store.ingest(story_doc("wire.txt", STORY, dt.date(2025, 12, 1)))
    with open_store(db_url) as store:  # a new process would start here
        result = store.ingest(story_doc("copy.txt", REPUBLISHED, dt.date(2025, 12, 3)))
    assert result.status == "near_duplicate"


def test_store_failed_write_leaves_nothing_of_the_document(db_url, monkeypatch):
    from treatywatch.store import search

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    with open_store(db_url) as store:
        monkeypatch.setattr(search, "index_documents", broken)
        with pytest.raises(RuntimeError):
            store.ingest(story_doc("wire.txt", STORY, dt.date(2025, 12, 1), [appeal()]))
        assert (count(store, DocumentRow), count(store, EventRow), count(store, EvidenceRow)) \
            == (0, 0, 0)
        monkeypatch.undo()
        assert store.ingest(story_doc("wire.txt", STORY, dt.date(2025, 12, 1))).status == "new"


def test_store_export_does_not_depend_on_ingestion_order(fresh_db):
    docs = [story_doc("wire.txt", STORY, dt.date(2025, 12, 1), [appeal(), appeal("KAZ", "2022")]),
            story_doc("copy.txt", REPUBLISHED, dt.date(2025, 12, 3), [appeal()]),
            story_doc("sport.txt", UNRELATED, None)]
    exports = []
    for order in (docs, docs[::-1]):
        with open_store(fresh_db()) as store:
            for doc in order:
                store.ingest(story_doc(doc.id, doc.text, doc.published, doc.events))
            with store.session() as session:
                files = {}
                for table in ("events", "evidence", "documents"):
                    for fmt in ("csv", "jsonl", "parquet"):
                        out = io.BytesIO()
                        export(session, table, fmt, out)
                        files[table, fmt] = out.getvalue()
            exports.append(files)
    assert exports[0] == exports[1]
    assert exports[0]["events", "jsonl"].count(b"\n") == 3


SPEC_VALUES = {
    "type": st.sampled_from(EVENT_TYPES),
    "actor": st.sampled_from(["TJK", "KAZ", "CSTO", "NATO", None]),
    "target": st.sampled_from(["RUS", "CSTO", "ARM", None]),
    "polarity": st.sampled_from(["positive", "negative"]),
    "modality": st.sampled_from(MODALITIES),
    "source": st.sampled_from(["media", "CSTO", "KAZ", None]),
    "when": st.sampled_from(["2022-01-06", "2022-01", "2022", "2025-11-20/2025-11-30", None]),
    "assistance": st.sampled_from([*ASSISTANCE, None]),
    "basis": st.sampled_from(["CST", "CST-4", "NATO-5", "TEU-42.7", None]),
    "outcome": st.sampled_from([*OUTCOMES, None]),
    "size": st.one_of(st.none(), st.integers(1, 200_000)),
    "via": st.sampled_from(["CSTO", "NATO", None]),
}
EVENTS = st.builds(Event, **SPEC_VALUES,
                   evidence=st.lists(st.builds(Evidence, doc=st.just("x"),
                                               start=st.integers(0, 50), end=st.integers(50, 99),
                                               sentence=st.text(min_size=1, max_size=40)),
                                     max_size=2),
                   confidence=st.floats(0, 1).map(lambda c: round(c, 3)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(EVENTS, max_size=5))
def test_store_events_round_trip(tmp_path_factory, events):
    url = f"sqlite:///{tmp_path_factory.mktemp('rt') / 'rt.sqlite'}"
    with open_store(url) as store:
        result = store.ingest(story_doc("wire.txt", STORY, dt.date(2025, 12, 1), events))
        with store.session() as session:
            rows = session.scalars(select(EventRow).where(EventRow.doc_id == result.doc_id)).all()
            evidence = {}
            for row in session.scalars(select(EvidenceRow).order_by(EvidenceRow.ordinal)):
                evidence.setdefault(row.event_id, []).append(
                    Evidence(result.doc_id, row.start, row.end, row.sentence))
            stored = sorted(row_event(r, evidence.get(r.id, [])).to_json().__repr__() for r in rows)
    expected = []
    for event in events:
        data = event.to_json()
        data["evidence"] = [{**e, "doc": result.doc_id} for e in data["evidence"]]
        expected.append(repr(data))
    assert stored == sorted(expected)


def test_store_cases_built_by_another_reasoning_version_are_rebuilt(db_url):
    from treatywatch.reason.cases import REASONING_VERSION
    from treatywatch.store.models import CaseRow, MetaRow

    with open_store(db_url) as store:
        store.ingest(story_doc("wire.txt", STORY, dt.date(2025, 12, 1), [appeal()]))
        assert store.refresh_cases() == ["TJK"]
        assert not store.cases_stale() and store.refresh_cases() == []
        with store.session() as session, session.begin():
            session.get(MetaRow, "reasoning").value = "an older one"
            session.get(CaseRow, "TJK-CSTO-2025-11").appeal = "unclear"
        assert store.cases_stale()
        assert store.refresh_cases() == ["TJK"]
        with store.session() as session:
            assert session.get(MetaRow, "reasoning").value == REASONING_VERSION
            assert session.get(CaseRow, "TJK-CSTO-2025-11").appeal == "made"
