"""The record as a file for research: `events`, `documents` or `cases`, as CSV,
JSON Lines or Parquet.

Deterministic by construction: rows sorted by content-derived ids, keys in a fixed
order, no ingestion time anywhere, so the same documents give a byte-identical file
whatever the order or time of their ingestion.

- events: one row per event of every stored document (near-duplicates included,
  marked by `duplicate_of`), with its document's metadata, its evidence and the
  case it counts in.
- documents: metadata and text of every document.
- cases: one row per case with its verdict.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any, BinaryIO, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from treatywatch.errors import ConfigError
from treatywatch.store.casebook import SPEC_COLUMNS
from treatywatch.store.models import CaseEventRow, CaseRow, DocumentRow, EventRow, EvidenceRow

FORMATS = ("csv", "jsonl", "parquet")
TABLES = ("events", "documents", "cases")

EVENT_COLUMNS = ("event", "doc", "doc_name", "outlet", "published", "url", "lang",
                 *SPEC_COLUMNS, "confidence", "requester", "addressee", "case",
                 "duplicate_of", "evidence")
DOCUMENT_COLUMNS = ("doc", "name", "outlet", "published", "url", "lang", "title",
                    "raw_format", "duplicate_of", "similarity", "events", "text")
CASE_COLUMNS = ("case", "requester", "addressee", "start", "end", "appeal", "basis",
                "decision", "events", "documents", "verdict")
COLUMNS = {"events": EVENT_COLUMNS, "documents": DOCUMENT_COLUMNS, "cases": CASE_COLUMNS}


def export(session: Session, table: str, fmt: str, out: BinaryIO) -> int:
    """Write `table` as `fmt` to `out`; the number of rows."""
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = list({"events": _events, "documents": _documents, "cases": _cases}[table](session))
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
    writer(rows, COLUMNS[table], out)
    return len(rows)


def export_all(session: Session, formats: tuple[str, ...] | None = None) -> dict[tuple[str, str], bytes]:
    """Every table in every format (or in `formats`), as bytes: what runs are compared by."""
    files = {}
    for table in TABLES:
        for fmt in formats or FORMATS:
            out = io.BytesIO()
            export(session, table, fmt, out)
            files[table, fmt] = out.getvalue()
    return files


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _events(session: Session) -> Iterator[dict[str, Any]]:
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in session.scalars(select(EvidenceRow).order_by(EvidenceRow.event_id,
                                                            EvidenceRow.ordinal)):
        evidence[row.event_id].append({"start": row.start, "end": row.end,
                                       "sentence": row.sentence})
    cases = dict(session.execute(select(CaseEventRow.event_id, CaseEventRow.case_id)).all())
    query = (select(EventRow, DocumentRow).join(DocumentRow, DocumentRow.id == EventRow.doc_id)
             .order_by(EventRow.doc_id, EventRow.id))
    for event, doc in session.execute(query):
        yield {
            "event": event.id, "doc": doc.id, "doc_name": doc.name, "outlet": doc.outlet,
            "published": _iso(doc.published), "url": doc.url, "lang": doc.lang,
            **{name: getattr(event, name) for name in SPEC_COLUMNS},
            "confidence": event.confidence, "requester": event.requester,
            "addressee": event.addressee, "case": cases.get(event.id),
            "duplicate_of": doc.duplicate_of, "evidence": evidence.get(event.id, []),
        }


def _documents(session: Session) -> Iterator[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for doc_id in session.scalars(select(EventRow.doc_id)):
        counts[doc_id] += 1
    for doc in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
        yield {"doc": doc.id, "name": doc.name, "outlet": doc.outlet,
               "published": _iso(doc.published), "url": doc.url, "lang": doc.lang,
               "title": doc.title, "raw_format": doc.raw_format,
               "duplicate_of": doc.duplicate_of, "similarity": doc.similarity,
               "events": counts[doc.id], "text": doc.text}


def _cases(session: Session) -> Iterator[dict[str, Any]]:
    for case in session.scalars(select(CaseRow).order_by(CaseRow.id)):
        yield {"case": case.id, "requester": case.requester, "addressee": case.addressee,
               "start": _iso(case.start), "end": _iso(case.end), "appeal": case.appeal,
               "basis": case.basis, "decision": case.decision, "events": case.events,
               "documents": case.documents, "verdict": case.verdict}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _flat(value: Any) -> Any:
    """Nested values (evidence, verdicts) become JSON text in flat formats."""
    return _json(value) if isinstance(value, (list, dict)) else value


def _write_jsonl(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    for row in rows:
        ordered = {c: json.loads(_json(row[c])) if isinstance(row[c], (list, dict)) else row[c]
                   for c in columns}
        line = json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")


def _write_csv(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else _flat(row[c]) for c in columns])
    out.write(text.getvalue().encode("utf-8"))


def _write_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [_flat(row[c]) for row in rows] for c in columns}
    table = pa.table({c: pa.array(values, type=_arrow_type(values)) for c, values in data.items()})
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="zstd", write_statistics=False)
    out.write(buffer.getvalue().to_pybytes())


def _arrow_type(values: list[Any]):
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds == {int}:
        return pa.int64()
    if kinds <= {int, float} and kinds:
        return pa.float64()
    return pa.string()
