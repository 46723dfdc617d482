"""Decoding: byte order marks, UTF-8, cp1251 and koi8-r told apart, undecodable bytes."""

from __future__ import annotations

import codecs

import pytest

from treatywatch.errors import InputError
from treatywatch.ingest import read_documents
from treatywatch.ingest.decode import UNDECODABLE, decode_bytes

RUSSIAN = (
    "Министр обороны сообщил журналистам, что плановые учения пройдут в конце недели.\n"
    "Въезд в район полигона будет закрыт для гражданских машин.\n"
)
UKRAINIAN = (
    "Міністр оборони повідомив журналістам, що планові навчання відбудуться наприкінці тижня.\n"
    "В'їзд до району полігону буде закритий для цивільних автівок.\n"
)


def _read_one(path) -> object:
    items = list(read_documents([str(path)]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("text", "raw", "lang", "encoding_note"),
    [
        (RUSSIAN, RUSSIAN.encode("cp1251"), "ru", "decoded as cp1251 (not UTF-8)"),
        (UKRAINIAN, UKRAINIAN.encode("cp1251"), "uk", "decoded as cp1251 (not UTF-8)"),
        (RUSSIAN, RUSSIAN.encode("koi8_r"), "ru", "decoded as koi8-r (not UTF-8)"),
        (UKRAINIAN, UKRAINIAN.encode("koi8_u"), "uk", "decoded as koi8-r (not UTF-8)"),
        (RUSSIAN, codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "ru", None),
        (UKRAINIAN, codecs.BOM_UTF16_LE + UKRAINIAN.encode("utf-16-le"), "uk", None),
        (RUSSIAN, codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "ru", None),
        (UKRAINIAN, UKRAINIAN.encode("utf-8"), "uk", None),
    ],
    ids=["cp1251-ru", "cp1251-uk", "koi8r-ru", "koi8u-uk", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf8"],
)
def test_ingest_decodes_each_encoding(tmp_path, text, raw, lang, encoding_note):
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    doc = _read_one(path)
    assert not isinstance(doc, InputError), doc
    assert doc.text == text
    assert doc.lang == lang
    decoding_notes = [w for w in doc.warnings if w.startswith("decoded as")]
    assert decoding_notes == ([encoding_note] if encoding_note else [])


def test_ingest_cp1251_and_koi8_are_not_confused():
    as_koi8 = decode_bytes(RUSSIAN.encode("koi8_r"), "x")
    as_cp1251 = decode_bytes(RUSSIAN.encode("cp1251"), "x")
    assert (as_koi8.encoding, as_cp1251.encoding) == ("koi8-r", "cp1251")
    assert as_koi8.text == as_cp1251.text == RUSSIAN


def test_ingest_utf16_without_bom_is_read():
    decoded = decode_bytes("Hello, world. Привет.".encode("utf-16-le"), "x")
    assert decoded.text == "Hello, world. Привет."


@pytest.mark.parametrize(
    "raw",
    [
        "Caf\u00e9 cr\u00e8me and cr\u00eape, s'il vous pla\u00eet.".encode("latin-1"),
        bytes(range(0x80, 0x100)) * 4,
    ],
    ids=["latin1", "high-bytes"],
)
def test_ingest_undecodable_bytes_give_one_error(tmp_path, raw):
    path = tmp_path / "odd.txt"
    path.write_bytes(raw)
    error = _read_one(path)
    assert isinstance(error, InputError)
    assert (error.document, error.problem) == (str(path), UNDECODABLE)
