"""Every citation names an outlet when its document gives one (issue 8), measured over
the samples and the seeds, dev and news corpora.

A citation is an evidence span of an extracted event; it shows its document's outlet.
Whether a document gives an outlet is judged here, apart from the ingest's own reading
(ingest/credits.py, ingest/webpage.py) and more loosely, from what a page may carry:
page metadata (og:site_name, a JSON-LD publisher), the record's `outlet` or `url`, a
"Источник:/Джерело:/Source:" line, a wire credit near the top ("(Agency) —", "/Agency/",
"CITY, date — Agency."), an agency relayed in the lead ("передает агентство «…»"), an
aggregator's "Читать на сайте …", or a site's host name on a line at the top.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DEV, REPO, SEEDS, SHARED
from treatywatch.ingest import read_documents
from treatywatch.model import Doc

pytestmark = pytest.mark.slow  # extracts four corpora

NEWS = SHARED / "corpus" / "news"
SAMPLES = REPO / "samples"
TOP = 600  # characters from the top where credits stand

_LABEL_LINE = re.compile(r"^\s*(?:Источники?|Первоисточник|Джерела?|Першоджерело|Sources?|"
                         r"Originally published by)\s*:\s*(?P<value>[^\n]+)$", re.M | re.I)
# "(Agency) — ", "/Agency/." (not a path: "Главная / Новости /"), a dateline's
# "CITY, 3 Jan - Agency.", "[ «Agency» ]"
_WIRE = re.compile(r"\([^()\n]{2,40}\)\s*[—–-]\s|/\s*[^\W\d][^/\n]{1,20}/\s*\.|"
                   r"^[^\W\d][^\n,]{1,30},\s[^\n]{0,20}\d[^\n]{0,12}\s[—–-]\s*[^\W\d][^\n.]{1,40}\.\s|"
                   r"\[\s*[«\"“][^\]\n]{2,40}[»\"”]\s*\]", re.M)
# a present-tense "relays/reports/writes", a word or two, then a quoted name, a Latin
# name or an upper-case acronym ("сообщает «…»", "пише Euronews", "передает ТАСС")
_RELAY = re.compile(r"(?<!\w)(?:передает|передаёт|сообщает|пишет|передає|повідомляє|пише)\s+"
                    r"(?:[\w'’-]+\s+){0,2}?(?:[«\"“„][^»\"”\n]{2,40}[»\"”]|"
                    r"[A-Z][\w.-]+(?:\s[A-Z0-9][\w.-]*)?[.,]|[А-ЯІЇЄ]{3,}[\s.,-])")
_READ_ON = re.compile(r"^\s*(?:Читать на сайте|Читати на сайті|Read (?:more )?on)\s+\S", re.M | re.I)
_HOST = re.compile(r"^\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*$", re.M | re.I)


def given_outlet(doc: Doc, raw: str, record: dict | None) -> str | None:
    """How the document gives its outlet (a short reason), or None."""
    if record is not None and (record.get("outlet") or record.get("url")):
        return "record"
    if "og:site_name" in raw or re.search(r'"publisher"\s*:', raw):
        return "page metadata"
    if re.search(r"<title>[^<]*\s(?:\||—|–|-)\s[^<]*</title>", raw, re.I):
        return "site name in the page title"
    values = [m["value"] for m in _LABEL_LINE.finditer(doc.text)]
    if any(len(v.split()) <= 5 for v in values):
        return "source line"
    top = doc.text[:TOP]
    for reason, pattern in (("wire credit", _WIRE), ("relayed agency", _RELAY),
                            ("read on the site", _READ_ON)):
        if pattern.search(top):
            return reason
    if _HOST.search("\n".join(top.splitlines()[:3])):
        return "host line"
    return None


def corpus_documents() -> list[tuple[Doc, str, dict | None]]:
    out = []
    for folder in (SEEDS, DEV, NEWS, SAMPLES):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".html", ".htm"):
                for doc in read_documents([str(path)]):
                    if isinstance(doc, Doc):
                        out.append((doc, path.read_bytes().decode("utf-8", "replace"), None))
            elif path.suffix == ".jsonl" and path.name != "gold.jsonl":
                records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                           if line.strip()]
                docs = [d for d in read_documents([str(path)]) if isinstance(d, Doc)]
                by_id = {r.get("id"): r for r in records}
                out += [(doc, json.dumps(by_id.get(doc.id, {}), ensure_ascii=False),
                         by_id.get(doc.id)) for doc in docs]
    return out


def test_every_citation_names_an_outlet_when_its_document_gives_one(shared_corpus, extractor):
    cited = given = named = 0
    missing = []
    for doc, raw, record in corpus_documents():
        reason = given_outlet(doc, raw, record)
        spans = sum(len(event.evidence) for event in extractor(doc).events)
        cited += spans
        given += spans if reason else 0
        named += spans if doc.outlet else 0
        if reason and not doc.outlet:
            missing.append(f"{doc.id} ({reason}, {spans} citation(s))")
        # an outlet is never the file name or the headline
        assert doc.outlet is None or doc.outlet not in (doc.id, Path(doc.id).stem, doc.title)
    print(f"\n{cited} citations; {given} in documents that give an outlet; {named} name one")
    assert not missing, "documents that give an outlet but name none:\n" + "\n".join(missing)
    assert given > 0 and named >= given
