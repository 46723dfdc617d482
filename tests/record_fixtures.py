"""Fixtures and helpers for the record's tests (store, reason, record CLI).

conftest.py loads the fixtures (`pytest_plugins`); test modules
import the helpers. `db_url` runs a test on SQLite always and on PostgreSQL too when
`TREATYWATCH_TEST_PG_URL` points at a server (each test gets its own database,
dropped afterwards). `GoldExtractor` stands in for the extractor with the gold
events of the corpus documents, so the reasoning is tested apart from extraction
quality; `claim` builds claims by hand for the reasoning's unit tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from conftest import DEV, REPO, SEEDS, SHARED, corpus_files
from treatywatch.model import Doc, Event
from treatywatch.reason.claims import Claim, DocRef

PG_ENV = "TREATYWATCH_TEST_PG_URL"
NEWS = SHARED / "corpus" / "news"
SAMPLES = REPO / "samples"
GOLD_FOLDERS = (SEEDS, DEV, NEWS, SAMPLES)  # every folder with a gold.jsonl
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


class FreshDatabases:
    """Makes empty databases on one backend; drops the PostgreSQL ones at the end."""

    def __init__(self, backend: str, folder: Path):
        self.backend, self.folder = backend, folder
        self.made: list[str] = []
        self._admin = None
        if backend == "postgresql":
            admin_url = os.environ.get(PG_ENV)
            if not admin_url:
                pytest.skip(f"{PG_ENV} is not set")
            self._admin_url = admin_url
            self._admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    def __call__(self) -> str:
        if self._admin is None:
            self.made.append(str(self.folder / f"record{len(self.made)}.sqlite"))
            return f"sqlite:///{self.made[-1]}"
        name = f"tw_test_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return make_url(self._admin_url).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self._admin is None:
            return
        with self._admin.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


@pytest.fixture(params=BACKENDS)
def fresh_db(request, tmp_path: Path) -> Iterator[FreshDatabases]:
    """Call it for a new empty database URL, on each backend in turn."""
    databases = FreshDatabases(request.param, tmp_path)
    yield databases
    databases.drop_all()


@pytest.fixture
def db_url(fresh_db: FreshDatabases) -> str:
    """A fresh, empty database URL on each backend."""
    return fresh_db()


def gold_events(folder: Path) -> dict[str, list[Event]]:
    """Gold events per document name; optional events are kept (a careful reader
    may give them)."""
    found = {}
    with open(folder / "gold.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            found[record["doc"]] = [Event.from_json(e) for e in record["events"]]
    return found


class GoldExtractor:
    """Stands in for `Extractor`: fills a corpus document with its gold events."""

    def __init__(self, *folders: Path):
        self.events: dict[str, list[Event]] = {}
        for folder in folders:
            self.events.update(gold_events(folder))

    def __call__(self, doc: Doc) -> Doc:
        name = Path(doc.id).name
        doc.events = [Event.from_json(e.to_json()) for e in self.events.get(name, [])]
        return doc


def corpus_paths() -> list[str]:
    return [str(p) for folder in (SEEDS, DEV) for p in corpus_files(folder)]


def all_gold_paths() -> list[str]:
    """Documents of seeds, dev, news and the samples (their JSON Lines too)."""
    return [str(p) for folder in GOLD_FOLDERS for p in sorted(folder.iterdir())
            if p.suffix in {".txt", ".html", ".htm"}
            or (p.suffix == ".jsonl" and p.name != "gold.jsonl")]


def build_gold_store(url: str, paths: list[str] | None = None, extra: list[Doc] = ()):
    """A store of corpus documents (read through `treatywatch.ingest`) with their gold
    events, plus `extra` documents carrying their own events; cases built."""
    from treatywatch.ingest import read_documents
    from treatywatch.store import open_store

    store = open_store(url)
    extract = GoldExtractor(SEEDS, DEV)
    for doc in read_documents(paths or corpus_paths()):
        if isinstance(doc, Doc):
            store.ingest(doc, extract)
    for doc in extra:
        store.ingest(doc)
    store.refresh_cases()
    return store


# --- claims built by hand, for the reasoning's unit tests ---------------------------

ORGS = frozenset({"CSTO", "NATO", "EU", "UN"})  # organization ids as the spec lists them


def claim(doc: str, published: str | None, type_: str, actor: str, target: str, *,
          when: str | None = None, polarity: str = "positive", modality: str = "actual",
          source: str | None = None, via: str | None = None, size: int | None = None,
          basis: str | None = None, outcome: str | None = None) -> Claim:
    event = Event(type_, actor, target, polarity=polarity, modality=modality, source=source,
                  when=when, via=via, size=size, basis=basis, outcome=outcome)
    day = dt.date.fromisoformat(published) if published else None
    return Claim(f"{doc}:{type_}:{actor}:{target}:{polarity}:{modality}:{when}", event,
                 DocRef(doc, doc, None, day))
