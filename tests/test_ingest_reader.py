"""read_documents: files, directories, JSON Lines, stdin and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatywatch.errors import InputError
from treatywatch.ingest import read_documents
from treatywatch.model import Doc

STORY_RU = "Городской совет утвердил новый план застройки набережной.\n"
STORY_EN = "The city council approved a new plan for the riverside.\n"


def _items(paths, **kwargs) -> list:
    return list(read_documents([str(p) for p in paths], **kwargs))


def _only_error(paths, **kwargs) -> InputError:
    items = _items(paths, **kwargs)
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    return items[0]


def test_ingest_text_file_becomes_a_doc_named_by_base_name(tmp_path):
    path = tmp_path / "d100.txt"
    path.write_text(STORY_RU, encoding="utf-8")
    [doc] = _items([path], default_date=dt.date(2024, 5, 1))
    assert isinstance(doc, Doc)
    assert (doc.id, doc.lang, doc.published, doc.path) == ("d100.txt", "ru", dt.date(2024, 5, 1), str(path))


def test_ingest_directory_walk_is_recursive_sorted_and_skips_others(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text(STORY_EN)
    (tmp_path / "a" / "z.text").write_text(STORY_EN)
    (tmp_path / "a" / "b.html").write_text(f"<html><body><p>{STORY_EN}</p></body></html>")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": STORY_EN}) + "\n")
    for skipped in (".hidden.txt", ".git/x.txt", "gold.jsonl", "README.md", "notes.pdf", "data.csv"):
        (tmp_path / skipped).write_text(STORY_EN)
    ids = [item.id for item in _items([tmp_path])]
    assert ids == ["b.html", "z.text", "b.txt", "c.jsonl#1"]


def test_ingest_jsonl_records_and_a_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": STORY_EN, "published": "2024-02-03", "url": "https://example.org/1"}),
        '{"text": "unterminated',
        json.dumps({"title": "No body here"}),
        "",
        json.dumps({"html": f"<html><body><p>{STORY_RU}</p></body></html>", "published": "2024-02-04T10:00:00Z",
                    "title": "Набережная"}),
        json.dumps({"text": STORY_EN, "published": "last Tuesday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items([path])
    assert len(items) == 5
    first, bad_json, no_text, html, bad_date = items
    assert isinstance(first, Doc)
    assert (first.id, first.published, first.url, first.raw_format) == ("n1", dt.date(2024, 2, 3),
                                                                        "https://example.org/1", "jsonl")
    assert isinstance(bad_json, InputError)
    assert bad_json.document == f"{path}:2"
    assert bad_json.problem.startswith("bad JSON: Unterminated string")
    assert (no_text.document, no_text.problem) == (f"{path}:3", "record has no 'text' or 'html' field")
    assert isinstance(html, Doc)
    assert (html.id, html.published, html.title, html.lang) == ("feed.jsonl#5", dt.date(2024, 2, 4), "Набережная", "ru")
    assert STORY_RU.strip() in html.text
    assert (bad_date.document, bad_date.problem) == (
        f"{path}:6", "published 'last Tuesday' is not an ISO date (YYYY-MM-DD)")


def test_ingest_jsonl_odd_records(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"[1, 2]\n" + b"[" * 200_000 + b"\n" + b'{"text": 5}\n' + b'{"text": "ok", "id": true}\n')
    problems = [(e.document, e.problem) for e in _items([path])]
    assert problems == [
        (f"{path}:1", "a record must be a JSON object, not list"),
        (f"{path}:2", "bad JSON: nested too deeply"),
        (f"{path}:3", "'text' must be a string"),
        (f"{path}:4", "'id' must be a string or an integer"),
    ]


def test_ingest_stdin_is_sniffed():
    text = list(read_documents(["-"], stdin=io.BytesIO(STORY_EN.encode())))
    html = list(read_documents(["-"], stdin=io.BytesIO(f"  <html><body><p>{STORY_EN}</p></body></html>".encode())))
    records = list(read_documents(["-"], stdin=io.BytesIO(
        (json.dumps({"text": STORY_RU}) + "\n" + json.dumps({"id": "x", "text": STORY_EN}) + "\n").encode())))
    assert [(d.id, d.raw_format) for d in text] == [("<stdin>", "txt")]
    assert [(d.id, d.raw_format) for d in html] == [("<stdin>", "html")]
    assert [(d.id, d.lang) for d in records] == [("<stdin>#1", "ru"), ("x", "en")]


def test_ingest_long_jsonl_on_stdin_is_read_past_the_sniffed_head():
    lines = [json.dumps({"id": f"r{i}", "text": STORY_EN * 5}) for i in range(40)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 4096 * 2
    items = list(read_documents(["-"], stdin=io.BytesIO(data)))
    assert [d.id for d in items] == [f"r{i}" for i in range(40)]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n  ", "document has only whitespace"),
        ("blob.txt", b"\x00\x01\x02\x03 binary \x00 data\x00\x00\xff", "looks like a binary file (contains NUL bytes), not text"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 obj", "looks like a PDF file, not text"),
        ("controls.txt", b"ab\x01\x02\x03\x04\x05\x06cd\x07\x08" * 20, "looks like a binary file (160 control characters), not text"),
        ("empty.jsonl", b"\n\n", "file is empty"),
    ],
)
def test_ingest_bad_file_gives_exactly_one_error(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    error = _only_error([path])
    assert (error.document, error.problem) == (str(path), problem)


def test_ingest_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY_EN * 10)
    error = _only_error([path], max_bytes=100)
    assert error.document == str(path)
    assert error.problem == f"is {len(STORY_EN) * 10} bytes, over the limit of 100 bytes (raise it with --max-bytes)"


def test_ingest_missing_path_and_empty_directory(tmp_path):
    missing = tmp_path / "nope.txt"
    assert _only_error([missing]).problem == "no such file or directory"
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.md").write_text("notes")
    error = _only_error([folder])
    assert error.document == str(folder)
    assert error.problem.startswith("no readable documents in this directory")


def test_ingest_reading_goes_on_after_a_failure(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY_EN)
    items = _items([tmp_path / "missing.txt", good])
    assert isinstance(items[0], InputError) and isinstance(items[1], Doc)


SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".dat"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=SUFFIXES)
def test_ingest_never_raises_on_arbitrary_bytes(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for item in read_documents([str(path)]):
        assert isinstance(item, (Doc, InputError))
    for item in read_documents(["-"], stdin=io.BytesIO(data)):
        assert isinstance(item, (Doc, InputError))


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_ingest_blocks_stay_inside_text_for_arbitrary_text(text):
    for item in read_documents(["-"], stdin=io.BytesIO(text.encode("utf-8", "surrogatepass"))):
        assert isinstance(item, (Doc, InputError))
        if isinstance(item, Doc):
            assert all(0 <= b.start < b.end <= len(item.text) for b in item.blocks)
            assert item.lang in (None, "ru", "uk", "en")
