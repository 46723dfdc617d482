"""The record as a file for research: `events`, `evidence`, `documents` or `cases`, as
CSV, JSON Lines or Parquet, every column flat (no JSON inside a cell).

Deterministic by construction: rows sorted by content-derived ids, keys in a fixed
order, no ingestion time anywhere, so the same documents give a byte-identical file
whatever the order or time of their ingestion.

- events: one row per event of every stored document (near-duplicates included,
  marked by `duplicate_of`), with its document's metadata, the case it counts in,
  its CAMEO and PLOVER codes (data/event_codes.yaml) and how many evidence spans it has.
- evidence: one row per evidence span: the event, the document, the character offsets
  into the document's text and the sentence (join to events on `event`, to documents
  on `doc`).
- documents: metadata and text of every document.
- cases: one row per case with its verdict in flat columns (`flat_case`); lists of
  states are joined with ";".
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
from treatywatch.store.event_codes import codes_for
from treatywatch.store.models import CaseEventRow, CaseRow, DocumentRow, EventRow, EvidenceRow

FORMATS = ("csv", "jsonl", "parquet")
TABLES = ("events", "evidence", "documents", "cases")
LIST_SEPARATOR = ";"

CODE_COLUMNS = ("cameo", "cameo_label", "plover", "plover_mode")
EVENT_COLUMNS = ("event", "doc", "doc_name", "outlet", "published", "url", "lang",
                 *SPEC_COLUMNS, *CODE_COLUMNS, "confidence", "requester", "addressee",
                 "case", "duplicate_of", "evidence_count")
EVIDENCE_COLUMNS = ("event", "ordinal", "doc", "doc_name", "start", "end", "sentence")
DOCUMENT_COLUMNS = ("doc", "name", "outlet", "published", "url", "lang", "title",
                    "raw_format", "duplicate_of", "similarity", "events", "text")
CASE_COLUMNS = ("case", "requester", "addressee", "start", "end", "dated", "appeal",
                "appeal_said_by", "appeal_rumoured_by", "basis", "decision", "decision_by",
                "decision_modality", "decision_when", "decision_assistance", "force_status",
                "force_size", "force_deployed", "force_withdrawn", "contributors",
                "contributor_sizes", "bilateral", "conflicts", "violations", "warnings",
                "events", "documents", "citations")
COLUMNS = {"events": EVENT_COLUMNS, "evidence": EVIDENCE_COLUMNS,
           "documents": DOCUMENT_COLUMNS, "cases": CASE_COLUMNS}


def export(session: Session, table: str, fmt: str, out: BinaryIO) -> int:
    """Write `table` as `fmt` to `out`; the number of rows."""
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    readers = {"events": _events, "evidence": _evidence, "documents": _documents,
               "cases": _cases}
    rows = list(readers[table](session))
    write_rows(rows, COLUMNS[table], fmt, out)
    return len(rows)


def write_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str,
               out: BinaryIO) -> None:
    """`rows` (flat values) as `fmt`, the columns in this order."""
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
    writer(rows, columns, out)


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
    evidence: dict[str, int] = defaultdict(int)
    for event_id in session.scalars(select(EvidenceRow.event_id)):
        evidence[event_id] += 1
    cases = dict(session.execute(select(CaseEventRow.event_id, CaseEventRow.case_id)).all())
    query = (select(EventRow, DocumentRow).join(DocumentRow, DocumentRow.id == EventRow.doc_id)
             .order_by(EventRow.doc_id, EventRow.id))
    for event, doc in session.execute(query):
        fields = {name: getattr(event, name) for name in SPEC_COLUMNS}
        codes = codes_for(fields)
        yield {
            "event": event.id, "doc": doc.id, "doc_name": doc.name, "outlet": doc.outlet,
            "published": _iso(doc.published), "url": doc.url, "lang": doc.lang, **fields,
            "cameo": codes.cameo, "cameo_label": codes.cameo_label, "plover": codes.plover,
            "plover_mode": codes.plover_mode,
            "confidence": event.confidence, "requester": event.requester,
            "addressee": event.addressee, "case": cases.get(event.id),
            "duplicate_of": doc.duplicate_of, "evidence_count": evidence[event.id],
        }


def _evidence(session: Session) -> Iterator[dict[str, Any]]:
    query = (select(EvidenceRow, DocumentRow.name)
             .join(DocumentRow, DocumentRow.id == EvidenceRow.doc_id)
             .order_by(EvidenceRow.event_id, EvidenceRow.ordinal))
    for row, doc_name in session.execute(query):
        yield {"event": row.event_id, "ordinal": row.ordinal, "doc": row.doc_id,
               "doc_name": doc_name, "start": row.start, "end": row.end,
               "sentence": row.sentence}


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
        yield flat_case(case)


def flat_case(case: CaseRow) -> dict[str, Any]:
    """A case and its verdict in the flat columns of CASE_COLUMNS."""
    verdict = case.verdict or {}
    detail = verdict.get("appeal_detail") or {}
    decision = verdict.get("decision") or {}
    force = verdict.get("force") or {}
    contributors = verdict.get("contributors") or []
    findings = verdict.get("findings") or []
    period = verdict.get("period") or {}
    return {
        "case": case.id, "requester": case.requester, "addressee": case.addressee,
        "start": _iso(case.start), "end": _iso(case.end), "dated": period.get("dated"),
        "appeal": case.appeal, "appeal_said_by": _joined(detail.get("said_by")),
        "appeal_rumoured_by": _joined(detail.get("rumoured_by")), "basis": case.basis,
        "decision": case.decision, "decision_by": decision.get("by"),
        "decision_modality": decision.get("modality"), "decision_when": decision.get("when"),
        "decision_assistance": decision.get("assistance"),
        "force_status": force.get("status"), "force_size": force.get("size"),
        "force_deployed": force.get("deployed"), "force_withdrawn": force.get("withdrawn"),
        "contributors": _joined(c["state"] for c in contributors),
        "contributor_sizes": _joined(f"{c['state']}:{c['size']}" for c in contributors
                                     if c.get("size")),
        "bilateral": _joined(c["state"] for c in verdict.get("bilateral") or []),
        "conflicts": len(verdict.get("conflicts") or []),
        "violations": _joined(f["rule"] for f in findings if f.get("status") == "violation"),
        "warnings": _joined(f["rule"] for f in findings if f.get("status") == "warning"),
        "events": case.events, "documents": case.documents,
        "citations": len(verdict.get("evidence") or []),
    }


def _joined(values: Any) -> str | None:
    items = [str(v) for v in values or []]
    return LIST_SEPARATOR.join(items) if items else None


def _write_jsonl(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    for row in rows:
        line = json.dumps({c: row[c] for c in columns}, ensure_ascii=False, separators=(",", ":"))
        out.write(line.encode("utf-8") + b"\n")


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row[c]) for c in columns])
    out.write(text.getvalue().encode("utf-8"))


def _write_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...], out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [row[c] for row in rows] for c in columns}
    table = pa.table({c: pa.array(values, type=_arrow_type(values)) for c, values in data.items()})
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="zstd", write_statistics=False)
    out.write(buffer.getvalue().to_pybytes())


def _arrow_type(values: list[Any]):
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds <= {int, float} and kinds:
        return pa.float64()
    return pa.string()
