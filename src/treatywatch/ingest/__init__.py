"""Documents in: files, directories, JSON Lines, stdin, HTML -> `Doc` with blocks.

    read_documents(paths, default_date=None, max_bytes=5_000_000) -> Iterator[Doc | InputError]
    doc_from_text(doc_id, text, *, fmt="txt"|"html", published=None, url=None, title=None) -> Doc
"""

from treatywatch.ingest.document import doc_from_text
from treatywatch.ingest.language import detect_language
from treatywatch.ingest.reader import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_documents

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "detect_language", "doc_from_text", "read_documents"]
