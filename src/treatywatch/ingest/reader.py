"""Files, directories, JSON Lines (plain or gzip), WARC archives and stdin -> a stream
of `Doc` or `InputError`.

Reading is two steps, so that the costly one can run elsewhere (a Dask worker):
`read_raw_documents` streams each document's bytes as a `RawDocument` (an archive is
never loaded whole), and `parse_raw_document` decodes and parses one. A document that
cannot be read becomes an `InputError` in the stream (not raised), so the caller reports
it and goes on with the others.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from treatywatch.errors import InputError
from treatywatch.ingest.decode import decode_bytes
from treatywatch.ingest.document import doc_from_text
from treatywatch.ingest.streams import OverLong, RawDocument, bounded_lines, gzip_lines, warc_documents
from treatywatch.model import Doc

DEFAULT_MAX_BYTES = 5_000_000
STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
GZIP_JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + GZIP_JSONL_SUFFIXES + WARC_SUFFIXES
# Files a directory walk passes over: annotations and notes that sit beside corpora.
SKIPPED_NAMES = ("gold.jsonl",)
SNIFF_BYTES = 4096


def read_documents(
    paths: Iterable[str],
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Doc | InputError]:
    """Documents of `paths` in order: files (.txt/.text, .html/.htm, .jsonl/.ndjson, the
    same gzip-compressed as .jsonl.gz, WARC archives as .warc/.warc.gz; any other name
    is sniffed), directories (recursive, sorted, hidden files skipped), and `-` for
    stdin (`stdin` replaces sys.stdin's bytes, for callers and tests). `max_bytes` caps
    one document (one record in JSON Lines and WARC)."""
    reader = _Reader(default_date, max_bytes)
    for item in reader.raw(paths, stdin):
        yield item if isinstance(item, InputError) else reader.parse(item)


def read_raw_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, *,
                       stdin: BinaryIO | None = None) -> Iterator[RawDocument | InputError]:
    """The documents of `paths` (as `read_documents` finds them), unparsed."""
    yield from _Reader(None, max_bytes).raw(paths, stdin)


def parse_raw_document(raw: RawDocument, default_date: dt.date | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES) -> Doc | InputError:
    """What `read_documents` would have made of this raw document."""
    return _Reader(default_date, max_bytes).parse(raw)


class _Reader:
    def __init__(self, default_date: dt.date | None, max_bytes: int):
        self.default_date = default_date
        self.max_bytes = max_bytes

    # -- sources -------------------------------------------------------------------

    def raw(self, paths: Iterable[str], stdin: BinaryIO | None) -> Iterator[RawDocument | InputError]:
        for path in paths:
            if path == STDIN:
                yield from self.stream(stdin if stdin is not None else sys.stdin.buffer)
            elif os.path.isdir(path):
                yield from self.directory(path)
            else:
                yield from self.file(path)

    def parse(self, raw: RawDocument) -> Doc | InputError:
        if raw.kind == "record":
            return self._record(raw.data, raw.document, raw.name, raw.path or STDIN_NAME)
        return self._document(raw.data, raw.document, raw.name, raw.fmt, raw.url)

    def directory(self, path: str) -> Iterator[RawDocument | InputError]:
        files = list(_walk(path))
        if not files:
            yield InputError(path, "no readable documents in this directory "
                                   f"(looked for {', '.join(SUPPORTED_SUFFIXES)})")
            return
        for file_path in files:
            yield from self.file(file_path)

    def file(self, path: str) -> Iterator[RawDocument | InputError]:
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            yield InputError(path, "no such file or directory")
            return
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
        suffix = _suffix(path)
        try:
            if suffix in JSONL_SUFFIXES:
                with open(path, "rb") as handle:
                    yield from self.records(bounded_lines(handle, self.max_bytes), path)
                return
            if suffix in GZIP_JSONL_SUFFIXES:
                yield from self.records(gzip_lines(path, self.max_bytes), path)
                return
            if suffix in WARC_SUFFIXES:
                yield from warc_documents(path, self.max_bytes)
                return
            if suffix == ".gz":
                yield InputError(path, "a gzip-compressed file of unknown kind: name it "
                                       f"{' or '.join(GZIP_JSONL_SUFFIXES + WARC_SUFFIXES[1:])}")
                return
            if size > self.max_bytes:
                yield self._too_big(path, size)
                return
            with open(path, "rb") as handle:
                data = handle.read()
        except InputError as error:  # a broken archive, after the documents read before the break
            yield error
            return
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
        fmt = "html" if suffix in HTML_SUFFIXES else "txt" if suffix in TEXT_SUFFIXES else None
        yield RawDocument(data, path, os.path.basename(path), "file", fmt, path)

    def stream(self, handle: BinaryIO) -> Iterator[RawDocument | InputError]:
        head = handle.read(SNIFF_BYTES)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            head += handle.readline()  # finish the line cut by the sniff
            yield from self.records(itertools.chain(io.BytesIO(head), handle), STDIN_NAME)
            return
        more = max(0, self.max_bytes + 1 - len(head)) if len(head) == SNIFF_BYTES else 0
        rest = handle.read(more) if more else b""
        data = head + rest
        if len(data) > self.max_bytes:
            yield self._too_big(STDIN_NAME, None)
            return
        yield RawDocument(data, STDIN_NAME, STDIN_NAME, "file")

    def records(self, lines: Iterable[bytes | OverLong], path: str) -> Iterator[RawDocument | InputError]:
        name = os.path.basename(path) if path != STDIN_NAME else STDIN_NAME
        seen = False
        for number, raw in enumerate(lines, start=1):
            if isinstance(raw, OverLong):
                seen = True
                yield self._too_big(f"{path}:{number}", raw.size)
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen = True
            where = f"{path}:{number}"
            if len(raw) > self.max_bytes:
                yield self._too_big(where, len(raw))
                continue
            yield RawDocument(raw, where, f"{name}#{number}", "record",
                              path=None if path == STDIN_NAME else path)
        if not seen:
            yield InputError(path, "file is empty" if path != STDIN_NAME else "no input on stdin")

    # -- one document --------------------------------------------------------------

    def _document(self, data: bytes, document: str, doc_id: str, fmt: str | None,
                  url: str | None = None) -> Doc | InputError:
        if not data:
            return InputError(document, "file is empty")
        try:
            decoded = decode_bytes(data, document)
            text = decoded.text
            if fmt is None:
                fmt = "html" if text.lstrip().startswith("<") else "txt"
            doc = doc_from_text(doc_id, text, fmt=fmt, default_date=self.default_date, url=url,
                                path=None if document == STDIN_NAME else document)
        except InputError as error:
            return _renamed(error, document)
        if decoded.encoding not in ("utf-8", "utf-16"):
            doc.warnings.append(f"decoded as {decoded.encoding} (not UTF-8)")
        return doc

    def _record(self, raw: bytes, where: str, fallback_id: str, path: str) -> Doc | InputError:
        try:
            record = json.loads(raw.strip())
        except UnicodeDecodeError:
            return InputError(where, "cannot decode line: JSON Lines must be UTF-8")
        except json.JSONDecodeError as exc:
            return InputError(where, f"bad JSON: {exc.msg} (column {exc.colno})")
        except RecursionError:
            return InputError(where, "bad JSON: nested too deeply")
        if not isinstance(record, dict):
            return InputError(where, f"a record must be a JSON object, not {type(record).__name__}")
        text, fmt = record.get("text"), "txt"
        if text is None:
            text, fmt = record.get("html"), "html"
        if text is None:
            return InputError(where, "record has no 'text' or 'html' field")
        problem = _field_problem(record)
        if problem or not isinstance(text, str):
            return InputError(where, problem or f"'{'html' if fmt == 'html' else 'text'}' must be a string")
        try:
            published = _iso_date(record.get("published"))
        except ValueError:
            return InputError(where, f"published {record['published']!r} is not an ISO date (YYYY-MM-DD)")
        doc_id = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
        try:
            return doc_from_text(
                doc_id, text, fmt=fmt, published=published, url=record.get("url"),
                title=record.get("title"), default_date=self.default_date,
                path=None if path == STDIN_NAME else path, raw_format="jsonl", outlet=record.get("outlet"),
            )
        except InputError as error:
            return _renamed(error, where)

    def _too_big(self, document: str, size: int | None) -> InputError:
        measured = f"is {size:,} bytes, over" if size is not None else "is over"
        return InputError(document, f"{measured} the limit of {self.max_bytes:,} bytes "
                                    "(raise it with --max-bytes)")


def _walk(root: str) -> Iterator[str]:
    """Readable files under `root`, sorted by relative path; hidden entries skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        relative = os.path.relpath(folder, root)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        for name in files:
            if name.startswith(".") or name in SKIPPED_NAMES or name.lower().endswith(".md"):
                continue
            if _suffix(name) in SUPPORTED_SUFFIXES:
                found.append((parts + (name,), os.path.join(folder, name)))
    for _key, path in sorted(found):
        yield path


def _suffix(path: str) -> str:
    """".jsonl.gz" for a compressed archive, else the last extension, lowercased."""
    lowered = path.lower()
    for compound in GZIP_JSONL_SUFFIXES + WARC_SUFFIXES:
        if lowered.endswith(compound):
            return compound
    return os.path.splitext(lowered)[1]


def _field_problem(record: dict) -> str | None:
    for key in ("url", "title", "outlet"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"'{key}' must be a string"
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        return "'id' must be a string or an integer"
    return None


def _iso_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def _renamed(error: InputError, document: str) -> InputError:
    """The same problem, named after the file or record the user knows."""
    return error if error.document == document else InputError(document, error.problem)
