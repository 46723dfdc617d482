"""Archives read as streams: gzip JSON Lines and WARC files made here, read a record at a
time (memory holds one document, not the archive), and their damage reported."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

from treatywatch.errors import InputError
from treatywatch.ingest import read_documents
from treatywatch.ingest.reader import read_raw_documents
from treatywatch.model import Doc

STORY = ("The defence ministers of the alliance met in the capital on Monday and agreed to "
         "send observers to the border region after a week of shelling.")
FILLER = "The harvest in the northern provinces was the largest in a decade, officials said. "
ARTICLE = ("<html><head><title>Observers sent to the border</title></head><body>"
           "<nav>Home | World | Sport</nav><article><h1>Observers sent to the border</h1>"
           "<p>{story}</p><p>{more}</p></article><footer>All rights reserved</footer></body></html>")


def write_gzip_jsonl(path: Path, records: list[dict]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], compress: bool = True) -> Path:
    """`pages`: (uri, content type, body); a request record goes before each response,
    and a metadata record at the start, as crawlers write them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, content_type, body in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            status = "404 Not Found" if uri.endswith("/missing") else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


def test_streams_gzip_jsonl_reads_each_record_with_its_fields(tmp_path):
    path = write_gzip_jsonl(tmp_path / "wires.jsonl.gz", [
        {"id": "w1", "text": STORY, "published": "2024-03-05", "url": "https://wire.example/1"},
        {"html": ARTICLE.format(story=STORY, more=FILLER)},
        ["not", "an", "object"],
    ])
    items = list(read_documents([str(path)]))
    assert [type(i) for i in items] == [Doc, Doc, InputError]
    assert items[0].id == "w1" and items[0].published.isoformat() == "2024-03-05"
    assert items[0].raw_format == "jsonl" and items[0].url == "https://wire.example/1"
    assert items[1].id == "wires.jsonl.gz#2" and "Home | World" not in items[1].text
    assert items[2].document == f"{path}:3" and "JSON object" in items[2].problem


def test_streams_warc_pages_become_documents_and_other_records_are_passed_over(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example/a", "text/html; charset=utf-8",
         ARTICLE.format(story=STORY, more=FILLER).encode()),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        ("https://news.example/missing", "text/html", b"<html><body>Not found</body></html>"),
        ("https://news.example/b.txt", "text/plain", (FILLER * 3).encode()),
    ])
    items = list(read_documents([str(path)]))
    assert all(isinstance(i, Doc) for i in items), items
    assert [d.id for d in items] == ["https://news.example/a", "https://news.example/b.txt"]
    page = items[0]
    assert page.url == "https://news.example/a" and page.outlet == "news.example"
    assert STORY in page.text and "All rights reserved" not in page.text
    assert items[1].raw_format == "txt"


def test_streams_uncompressed_warc_and_a_directory_of_archives(tmp_path):
    write_warc(tmp_path / "a.warc", [("https://x.example/1", "text/html",
                                      ARTICLE.format(story=STORY, more="").encode())],
               compress=False)
    write_gzip_jsonl(tmp_path / "b.jsonl.gz", [{"text": FILLER}])
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(FILLER.encode()))  # unknown kind: skipped
    names = [d.id for d in read_documents([str(tmp_path)])]
    assert names == ["https://x.example/1", "b.jsonl.gz#1"]


def test_streams_archives_are_read_a_record_at_a_time(tmp_path):
    # 12 MB of records once decompressed; reading them holds about one record at a time
    record = {"text": FILLER * 120}  # ~10 kB
    gz = write_gzip_jsonl(tmp_path / "big.jsonl.gz", [dict(record, id=str(n)) for n in range(1200)])
    body = ARTICLE.format(story=STORY, more=FILLER * 100).encode()
    warc = write_warc(tmp_path / "big.warc.gz",
                      [(f"https://big.example/{n}", "text/html", body) for n in range(600)])
    for path, expected in ((gz, 1200), (warc, 600)):
        tracemalloc.start()
        try:
            count = sum(1 for item in read_raw_documents([str(path)]) if not isinstance(item, InputError))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert count == expected
        assert peak < 1_500_000, f"{path.name}: peak {peak:,} bytes while reading"


def test_streams_a_record_over_the_limit_is_skipped_and_reading_goes_on(tmp_path):
    path = write_gzip_jsonl(tmp_path / "mixed.jsonl.gz",
                            [{"text": STORY}, {"text": FILLER * 200}, {"text": FILLER}])
    items = list(read_documents([str(path)], max_bytes=2_000))
    assert [type(i) for i in items] == [Doc, InputError, Doc]
    assert items[1].document == f"{path}:2" and "over the limit of 2,000 bytes" in items[1].problem
    plain = tmp_path / "mixed.jsonl"
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    assert [type(i) for i in read_documents([str(plain)], max_bytes=2_000)] == [Doc, InputError, Doc]


def test_streams_damaged_archives_keep_what_came_before_the_damage(tmp_path):
    whole = write_gzip_jsonl(tmp_path / "whole.jsonl.gz",
                             [{"text": f"{FILLER} Number {n}."} for n in range(200)]).read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    items = list(read_documents([str(cut)]))
    assert isinstance(items[-1], InputError) and items[-1].document == str(cut)
    assert "ends before the end" in items[-1].problem
    assert len(items) > 1 and all(isinstance(i, Doc) for i in items[:-1])

    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text(json.dumps({"text": STORY}) + "\n")
    [error] = list(read_documents([str(not_gzip)]))
    assert "not a readable gzip file" in error.problem

    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("these are notes, not an archive\n")
    [error] = list(read_documents([str(not_warc)]))
    assert error.document == str(not_warc) and "not a readable WARC file" in error.problem

    empty_warc = write_warc(tmp_path / "images.warc.gz", [("https://x.example/i.png", "image/png", b"x")])
    [error] = list(read_documents([str(empty_warc)]))
    assert "no HTML or text pages" in error.problem


def test_streams_gzip_of_another_kind_named_explicitly_is_an_error(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode()))
    [error] = list(read_documents([str(path)]))
    assert error.document == str(path) and ".jsonl.gz" in error.problem
