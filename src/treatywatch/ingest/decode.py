"""Bytes -> text: byte order marks, UTF-8, then the Cyrillic single-byte encodings.

cp1251 and koi8-r decode any byte string, so the choice between them is made by how
plausible the result is as Russian or Ukrainian text: in the right decoding, words are
lower case or capitalized and the common letters (о е а и н т ...) dominate; in the wrong
one, case flips inside words and rare letters abound.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from treatywatch.errors import InputError

UNDECODABLE = "cannot decode text: not UTF-8, UTF-16, cp1251 or koi8-r"
# Share of control characters (other than tab, newlines, form feed) that marks a binary file.
MAX_CONTROL_SHARE = 0.01
# A single-byte decoding is accepted when this share of its Cyrillic words look like words.
MIN_PLAUSIBLE_WORDS = 0.8

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (perhaps .docx or .xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an MS Office file"),
    (b"\x7fELF", "an executable"),
)
# koi8_u is koi8-r plus і ї є ґ in place of a few box-drawing characters: identical on
# Russian text, and it also reads Ukrainian written in the KOI8 family.
_SINGLE_BYTE = ("cp1251", "koi8_u")
_SINGLE_BYTE_NAMES = {"cp1251": "cp1251", "koi8_u": "koi8-r"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Characters no text holds, that XML (lxml) or PostgreSQL refuse: C0 controls but tab
# and line ends, DEL, lone UTF-16 surrogates (a JSON record can carry "\ud800"), the
# non-characters U+FFFE and U+FFFF. doc_from_text turns them into spaces.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_CYRILLIC_WORD = re.compile(r"[^\W\d_]*[а-яёіїєґА-ЯЁІЇЄҐ][^\W\d_]*")
_PLAIN_CASE = re.compile(r"^[А-ЯЁІЇЄҐ]?[а-яёіїєґ'’]+$|^[А-ЯЁІЇЄҐ]{1,6}$")
_COMMON_LETTERS = frozenset("оеаинтсрвлкмдпуяіь")


@dataclass
class Decoded:
    text: str
    encoding: str  # utf-8, utf-16, cp1251, koi8-r


def decode_bytes(data: bytes, document: str) -> Decoded:
    """Decode a document's bytes, or raise InputError naming `document`."""
    for mark, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                        (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(mark):
            return _checked(_strict(data[len(mark):], codec, document), codec[:6], document)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(document, f"looks like {kind}, not text")
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(document, "looks like a binary file (contains NUL bytes), not text")
        return _checked(_strict(data, codec, document), "utf-16", document)
    try:
        return _checked(data.decode("utf-8"), "utf-8", document)
    except UnicodeDecodeError:
        pass
    best, best_score = None, -1.0
    for codec in _SINGLE_BYTE:
        text = data.decode(codec, errors="replace")
        score = _plausibility(text)
        if score > best_score:
            best, best_score = Decoded(text, _SINGLE_BYTE_NAMES[codec]), score
    if best is None or best_score < MIN_PLAUSIBLE_WORDS:
        raise InputError(document, UNDECODABLE)
    return _checked(best.text, best.encoding, document)


def _strict(data: bytes, codec: str, document: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(document, UNDECODABLE) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte order mark has its NULs on one side only (ASCII
    characters); binary files have them anywhere."""
    if len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if odd_nuls and not even_nuls:
        return "utf-16-le"
    if even_nuls and not odd_nuls:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, document: str) -> Decoded:
    controls = len(_CONTROL.findall(text)) if _CONTROL.search(text) else 0
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(document, f"looks like a binary file ({controls} control characters), not text")
    return Decoded(text, encoding)


def _plausibility(text: str) -> float:
    """Share of Cyrillic words that look like words (lower case, Capitalized or a short
    ACRONYM), lowered where lower-case or common letters are scarce. 0 when there is no
    Cyrillic word at all (single-byte text that is not Cyrillic)."""
    words = _CYRILLIC_WORD.findall(text)
    if not words:
        return 0.0
    plain = sum(1 for w in words if _PLAIN_CASE.match(w)) / len(words)
    letters = "".join(words)
    lower_share = sum(1 for c in letters if c.islower()) / len(letters)
    lowered = letters.lower()
    common_share = sum(1 for c in lowered if c in _COMMON_LETTERS) / len(letters)
    # Real text: ~0.95 plain words, ~0.9 lower case, ~0.6 common letters.
    return plain * min(1.0, lower_share / 0.6) * min(1.0, common_share / 0.45)
