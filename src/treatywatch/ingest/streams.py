"""Archives read as streams: JSON Lines (plain or gzip-compressed) a line at a time, WARC
files a record at a time. Memory holds one document, never the archive, and never more
than the size limit of one line or record.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from treatywatch.errors import InputError

_SKIP_CHUNK = 1 << 20
WARC_MAGIC, GZIP_MAGIC = b"WARC/", b"\x1f\x8b"
# WARC payloads read as documents; images, scripts and the like are passed over.
DOCUMENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt"}


@dataclass(frozen=True)
class RawDocument:
    """One document's bytes as read, not yet decoded or parsed (small and picklable)."""

    data: bytes
    document: str  # where it was read, for messages: a path, "path:line", "path#record"
    name: str  # the document's id unless its record names one
    kind: Literal["file", "record"]  # a whole document, or a JSON Lines record
    fmt: str | None = None  # "txt" | "html" | None (sniffed)
    path: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class OverLong:
    """A line longer than the limit, skipped without being held: its size in bytes."""

    size: int


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | OverLong]:
    """The lines of `handle`; a line over `limit` bytes becomes `OverLong`."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield OverLong(size)


def gzip_lines(path: str, limit: int) -> Iterator[bytes | OverLong]:
    """The lines of a gzip-compressed file, decompressed as they are read. A damaged
    file raises InputError after the lines read before the damage."""
    try:
        with gzip.open(path, "rb") as handle:
            yield from bounded_lines(handle, limit)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        problem = "ends before the end of its compressed data" if isinstance(exc, EOFError) \
            else f"is not a readable gzip file ({exc})"
        raise InputError(path, f"{problem}; the documents before that were read") from None


def warc_documents(path: str, limit: int) -> Iterator[RawDocument | InputError]:
    """Pages of a WARC file (.warc or .warc.gz, read with warcio): each `response` or
    `resource` record holding HTML or plain text, named by its target URI. Records of
    other kinds (requests, metadata, images) are passed over; a page over `limit` bytes
    is an error of its own and reading goes on."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    base = os.path.basename(path)
    found = 0
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(WARC_MAGIC))
            if head and not head.startswith((WARC_MAGIC, GZIP_MAGIC)):
                yield InputError(path, "not a readable WARC file: it does not start with a "
                                       "WARC record")
                return
            handle.seek(0)
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                fmt = _page_format(record)
                if fmt is None:
                    continue
                found += 1
                where = f"{path}#{number}"
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    yield InputError(where, f"is over the limit of {limit:,} bytes "
                                            "(raise it with --max-bytes)")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield RawDocument(data, where, url or f"{base}#{number}", "file", fmt, path, url)
    except ArchiveLoadFailed as exc:
        yield InputError(path, f"not a readable WARC file: {str(exc).splitlines()[0]}")
        return
    except (EOFError, zlib.error) as exc:
        yield InputError(path, f"WARC file is damaged ({exc or 'truncated'}); "
                               "the records before the damage were read")
        return
    if not found:
        yield InputError(path, "WARC file holds no HTML or text pages")


def _page_format(record) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response":
        if headers is None:
            return None
        status = (headers.get_statuscode() or "")
        if not status.startswith("2"):
            return None
    content_type = (headers.get_header("Content-Type") or "") if headers is not None else ""
    return DOCUMENT_TYPES.get(content_type.split(";")[0].strip().lower())
