"""HTML pages: the story is kept; menus, related lists, comments and footers are not."""

from __future__ import annotations

import datetime as dt

from treatywatch.errors import InputError
from treatywatch.ingest import doc_from_text, read_documents

STORY = [
    "The city council voted on Tuesday to extend the tram network to the northern suburbs, "
    "ending a debate that had lasted almost four years.",
    "The first section, about six kilometres long, is due to open in the spring of 2027. "
    "Construction will begin once the last land purchases have been completed.",
    "Opponents said the money would be better spent on buses, which could serve more "
    "districts at a fraction of the cost.",
]
FURNITURE = [
    "Weather", "Horoscopes", "Lottery results",
    "Ferry fares to rise in January", "Mayor opens new skate park",
    "tram_fan_88", "Finally! I have waited for this line since I was at school.",
    "All rights reserved", "Privacy policy",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves tram extension | City Courier</title>
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
</head><body>
<header><nav><ul><li><a href="/weather">Weather</a></li><li><a href="/stars">Horoscopes</a></li>
<li><a href="/lottery">Lottery results</a></li></ul></nav></header>
<main><article>
<h1>Council approves tram extension</h1>
<p class="byline">By Courier staff · March 12, 2024</p>
<p>{STORY[0]}</p>
<p>{STORY[1]}</p>
<p>{STORY[2]}</p>
</article>
<section class="comments"><h2>Comments (1)</h2>
<div class="comment"><b>tram_fan_88</b>: Finally! I have waited for this line since I was at school.</div>
</section></main>
<aside class="related"><h3>Related</h3><ul>
<li><a href="/a">Ferry fares to rise in January</a></li>
<li><a href="/b">Mayor opens new skate park</a></li></ul></aside>
<footer><p>© 2024 City Courier. All rights reserved</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>
"""


def test_ingest_html_keeps_the_story_and_drops_furniture(tmp_path):
    path = tmp_path / "tram.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_documents([str(path)]))
    assert not isinstance(doc, InputError), doc
    body = [doc.block_text(b) for b in doc.blocks if b.kind == "body"]
    assert body == STORY
    readable = " ".join(doc.block_text(b) for b in doc.readable_blocks())
    for piece in FURNITURE:
        assert piece not in readable, piece
    assert doc.title == "Council approves tram extension"
    assert doc.blocks[0].kind == "title"
    assert doc.published == dt.date(2024, 3, 12)
    assert doc.lang == "en" and doc.raw_format == "html"


def test_ingest_html_offsets_point_into_doc_text():
    doc = doc_from_text("tram.html", PAGE, fmt="html")
    for block in doc.blocks:
        assert doc.text[block.start:block.end].strip() == doc.block_text(block)
    assert doc.text.startswith("Council approves tram extension")


def test_ingest_broken_html_falls_back_to_page_text():
    broken = "<html><body><div><p>Рада затвердила бюджет міста на наступний рік<p>Сесія тривала"
    doc = doc_from_text("broken.html", broken, fmt="html")
    assert "Рада затвердила бюджет" in doc.text
    assert doc.lang == "uk"


def test_ingest_html_without_text_is_one_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body>  </body></html>", encoding="utf-8")
    items = list(read_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert (items[0].document, items[0].problem) == (str(path), "HTML has no readable text")


def test_ingest_outlet_from_site_name_url_or_record(tmp_path):
    from treatywatch.ingest import doc_from_text, read_documents

    page = ('<html><head><meta property="og:site_name" content="Steppe Courier"><title>T</title></head>'
            "<body><article><p>" + "The council met on Monday to discuss the border. " * 5 + "</p></article></body></html>")
    assert doc_from_text("p.html", page, fmt="html").outlet == "Steppe Courier"
    assert doc_from_text("t.txt", "A plain story.", url="https://www.example.org/a/1").outlet == "example.org"
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "r1", "text": "A story.", "outlet": "Wire One"}\n{"id": "r2", "text": "B.", "outlet": 7}\n',
                       encoding="utf-8")
    got = list(read_documents([str(records)]))
    assert got[0].outlet == "Wire One"
    assert "'outlet' must be a string" in str(got[1])
