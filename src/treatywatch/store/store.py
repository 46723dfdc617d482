"""A handle on one store: opening (with migrations), ingesting documents one
transaction each, and keeping cases up to date."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from treatywatch.errors import StoreError
from treatywatch.model import Doc
from treatywatch.store import casebook, db, generation, migrate
from treatywatch.store.identity import document_id
from treatywatch.store.models import DocumentRow
from treatywatch.store.near_duplicates import NearDuplicateIndex
from treatywatch.store.write import (DocumentRows, IngestResult, document_rows,
                                     update_duplicate_name, write_rows)

Extract = Callable[[Doc], Doc]


class Store:
    """Open with `open_store(db)`; use as a context manager or call `close()`."""

    def __init__(self, url: str):
        self.url = url
        self.engine = db.create_store_engine(url)
        self._write_engine = self.engine.execution_options(**{db.WRITE_OPTION: True})
        self._index: NearDuplicateIndex | None = None
        self._published: dict[str, dt.date | None] = {}
        self._links: dict[str, tuple[str, float]] = {}  # stored near-duplicate -> (original, similarity)
        self._knowledge: Any = None
        self._write_lock = threading.Lock()  # one writer per process (the web app's threads)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def write_session(self) -> Session:
        """A session for a transaction that writes. On SQLite it takes the write lock
        when it begins (waiting for another writer up to the busy timeout): a plain
        transaction that reads first and then writes fails at once ("database is
        locked") when another process committed in between, which a web server
        rebuilding cases while the CLI ingests did."""
        return Session(self._write_engine, expire_on_commit=False)

    @property
    def knowledge(self) -> Any:
        if self._knowledge is None:
            from treatywatch.knowledge import load_knowledge

            self._knowledge = load_knowledge()
        return self._knowledge

    # --- writing ------------------------------------------------------------------

    def ingest(self, doc: Doc, extract: Extract | None = None) -> IngestResult:
        """Store a document: a text already stored is a `duplicate` (nothing
        extracted, nothing written but a better name); otherwise `extract` fills its
        events (when given) and everything is written in one transaction."""
        doc_id = document_id(doc.text)
        try:
            with self.session() as session, session.begin():
                if session.get(DocumentRow, doc_id) is not None:
                    update_duplicate_name(session, doc_id, doc)
                    return IngestResult(doc_id, doc.id, "duplicate", doc_id)
        except SQLAlchemyError as exc:
            raise self._error("read", exc) from exc
        if extract is not None:
            doc = extract(doc)
        return self._write(doc_id, doc)

    def _write(self, doc_id: str, doc: Doc) -> IngestResult:
        return self.write_rows([self.rows_of(doc)])[0]

    def rows_of(self, doc: Doc, minhash: bytes | None = None) -> DocumentRows:
        """The rows of an extracted document (`write.document_rows`), with the data
        files loaded only when a troop count needs them."""
        sized = any(e.size for e in doc.events)
        return document_rows(doc, minhash, self.knowledge if sized else None)

    def write_batch(self, docs: list[Doc], signatures: list[bytes] | None = None) -> list[IngestResult]:
        """Store documents whose events are already extracted, in one transaction (see
        `write_rows`). `signatures` are their MinHash signatures when computed elsewhere."""
        signatures = signatures or [None] * len(docs)
        return self.write_rows([self.rows_of(doc, minhash) for doc, minhash in zip(docs, signatures)])

    def write_rows(self, batch: list[DocumentRows]) -> list[IngestResult]:
        """Store a batch of documents made into rows (on a worker, say) in one
        transaction: the same outcome as `ingest` of each in turn (a text already
        stored, or twice in the batch, is a `duplicate`), and after a crash either the
        whole batch or none of it."""
        if not batch:
            return []
        with self._write_lock:
            results = self._write_or_none(batch)
            if results is None:  # another process stored one of them meanwhile: one at a time
                results = [self._write_or_none([rows]) or
                           [IngestResult(rows.doc_id, rows.name, "duplicate", rows.doc_id)]
                           for rows in batch]
                results = [result for one in results for result in one]
            return results

    def _write_or_none(self, batch: list[DocumentRows]) -> list[IngestResult] | None:
        """None when a row is stored already (an integrity error: rolled back)."""
        try:
            return self._write_rows_locked(batch)
        except BaseException as exc:
            self._index, self._published, self._links = None, {}, {}  # rebuilt from what was committed
            if isinstance(exc, IntegrityError):
                return None
            if isinstance(exc, SQLAlchemyError):
                raise self._error("write", exc) from exc
            raise

    def _write_rows_locked(self, batch: list[DocumentRows]) -> list[IngestResult]:
        index = self._near_duplicate_index()
        with self.write_session() as session, session.begin():
            return write_rows(session, batch, index, self._published, self._links)

    def _near_duplicate_index(self) -> NearDuplicateIndex:
        """Rebuilt from the stored signatures the first time it is needed."""
        if self._index is None:
            index = NearDuplicateIndex()
            with self.session() as session:
                rows = session.execute(select(
                    DocumentRow.id, DocumentRow.minhash, DocumentRow.published,
                    DocumentRow.duplicate_of, DocumentRow.similarity).order_by(DocumentRow.id))
                for doc_id, minhash, published, original, similarity in rows:
                    index.add(doc_id, minhash)
                    self._published[doc_id] = published
                    if original:
                        self._links[doc_id] = (original, similarity)
            self._index = index
        return self._index

    # --- cases --------------------------------------------------------------------

    def refresh_cases(self, *, everything: bool = False) -> list[str]:
        """Rebuild the cases of requesters whose events changed (or all of them);
        the requesters rebuilt."""
        with self._write_lock:
            return self._refresh_cases(everything)

    def _refresh_cases(self, everything: bool) -> list[str]:
        try:
            with self.write_session() as session, session.begin():
                if everything or casebook.built_with_other_reasoning(session):
                    casebook.mark_all_stale(session)
                    session.flush()
                return casebook.rebuild_stale(session, self.knowledge)
        except SQLAlchemyError as exc:
            raise self._error("rebuild cases in", exc) from exc

    def generation(self) -> int:
        """The write generation (see store/generation.py): read it before the rows an
        answer is cached from."""
        try:
            with self.engine.connect() as conn:
                return generation.read_generation(conn)
        except SQLAlchemyError as exc:
            raise self._error("read", exc) from exc

    def cases_stale(self) -> bool:
        """Some requesters' cases wait to be rebuilt, or all were built by another
        version of the reasoning."""
        with self.session() as session:
            return bool(casebook.stale_requesters(session)) or \
                casebook.built_with_other_reasoning(session)

    def _error(self, action: str, exc: Exception) -> StoreError:
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return StoreError(f"cannot {action} the store {db.describe(self.url)}: {detail}"
                          f"{_hint(exc, detail)}")


def _hint(exc: Exception, detail: str) -> str:
    """What to do about an operational failure; what was committed before it is kept."""
    if not isinstance(exc, OperationalError):
        return ""
    lowered = detail.lower()
    if "full" in lowered:
        return " (the disk is full: free some space and run the ingest again; what is stored is kept)"
    if "readonly" in lowered or "read-only" in lowered:
        return " (the store is read-only: give write permission or another --db)"
    if "locked" in lowered or "busy" in lowered:
        return " (another process is writing to it: wait for it to finish and run again)"
    if "connect" in lowered or "closed" in lowered or "terminat" in lowered:
        return (" (the database server cannot be reached: start it or check the URL, then run "
                "again; what is stored is kept)")
    return " (is another process writing to it?)"


def open_store(url: str | None = None) -> Store:
    """Open (creating or migrating as needed) the store at `url` (see `db.resolve_url`)."""
    store = Store(db.resolve_url(url))
    try:
        migrate.upgrade(store.engine)
    except SQLAlchemyError as exc:
        store.close()
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StoreError(f"cannot open the store {db.describe(store.url)}: {detail}"
                         f"{_hint(exc, detail)}; check --db or ${db.ENV_VAR}") from exc
    return store
