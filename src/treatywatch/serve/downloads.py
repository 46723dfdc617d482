"""A list as a file: CSV, JSON or Parquet, holding exactly the rows the page shows.

CSV and Parquet are written by the record's exporter (store/export.py), so a download
reads like `treatywatch export`; JSON is an array of the row objects.
"""

from __future__ import annotations

import io
import json
from typing import Any

from treatywatch.store import export

DOWNLOAD_FORMATS = ("csv", "json", "parquet")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
               "parquet": "application/vnd.apache.parquet"}


def file_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> bytes:
    """`rows` (each with every key of `columns`) as a file in `fmt`."""
    if fmt == "json":
        ordered = [{c: row[c] for c in columns} for row in rows]
        return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = io.BytesIO()
    writer = {"csv": export._write_csv, "parquet": export._write_parquet}[fmt]
    writer(rows, columns, out)
    return out.getvalue()


def disposition(table: str, fmt: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{table}.{fmt}"'}
