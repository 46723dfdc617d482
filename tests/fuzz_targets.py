"""What fuzzing checks, shared by the property tests (test_fuzz_properties.py), the
regression corpus (test_fuzz_regressions.py, fuzz_corpus/) and bench/fuzz_inputs.py.

Each target takes raw bytes (as a coverage-guided fuzzer gives them; the first byte
chooses a variant) and returns "ok" or "error" (a clear error: one line naming the
document or parameter and the problem). Anything else it raises is a crash, and an
`AssertionError` is a broken property. The targets:

    reading      files of every kind and encoding, and stdin -> Doc or InputError
    extraction   a text built from news-like fragments and noise -> well-formed events
    claims       a claim sentence, judged against odd record shapes -> a judgement
    api          any parameter of any route, hostile values -> a clean answer or error
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
from pathlib import Path

from treatywatch.errors import InputError
from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES, Doc, Event

TARGETS = ("reading", "extraction", "claims", "api")

# News-like pieces in our three languages, written for fuzzing: parties, triggers,
# negators, hedges, dates, numbers, quotes and markup, glued at random.
FRAGMENTS = [
    "Таджикистан", "Таджикистана", "ОДКБ", "Организация Договора о коллективной безопасности",
    "попросил", "обратился", "за военной помощью", "не обращался", "опровергла", "якобы",
    "по данным источников", "миротворцы", "ввести войска", "статья 4", "в ноябре 2025 года",
    "3 октября", "накануне", "Вірменія", "звернулася до ОДКБ", "не зверталася", "НАТО",
    "статті 4", "1 500 військових", "Armenia", "asked the CSTO", "for military help",
    "did not ask", "denied", "reportedly", "NATO", "Article 5", "Article 4", "invoked",
    "Article 42.7", "the EU", "France", "Kazakhstan", "on 5 January 2022", "last week",
    "3,000 paratroopers", "peacekeepers", "sent", "withdrew", "offered", "if", "would",
    "Lithuania", "Poland", "consultations", "«", "»", '"', "—", ",", ".", "?", "!", ":",
    "\n\n", "\n", " ", " ", " ", "(", ")", "<p>", "</p>", "<b>", "<script>", "&amp;", "&#x",
    "MOSCOW, 4 January (Reuters) -", "ДУШАНБЕ, 2 декабря.", "2025-11-02", "0", "99999999999",
    "не только", "но и", "ни", "не", "не не", "Ереван", "Кремль", "Пашинян", "Токаев",
]

NOISE_RANGES = [(0x20, 0x7E), (0x400, 0x4FF), (0x590, 0x6FF), (0x4E00, 0x4E80), (0x1F600, 0x1F64F),
                (0x300, 0x36F), (0x200B, 0x202E), (0xFFF0, 0xFFFD), (0x0, 0x1F), (0xD800, 0xD8FF)]


def compose(data: bytes) -> str:
    """A text from bytes: most bytes pick a fragment, the others a character of noise
    (controls, combining marks, bidi marks, other scripts, emoji, lone surrogates)."""
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 200:
            out.append(FRAGMENTS[b % len(FRAGMENTS)])
            if b % 3:
                out.append(" ")
            i += 1
        else:
            lo, hi = NOISE_RANGES[b % len(NOISE_RANGES)]
            nxt = data[i + 1] if i + 1 < len(data) else 0
            out.append(chr(lo + nxt % (hi - lo + 1)))
            i += 2
    return "".join(out)


# --- reading -------------------------------------------------------------------------

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "koi8-r", "latin-1")
_FOLDER: Path | None = None


def _folder() -> Path:
    global _FOLDER
    if _FOLDER is None:
        base = "/dev/shm" if os.path.isdir("/dev/shm") else None
        _FOLDER = Path(tempfile.mkdtemp(prefix="tw-fuzz-", dir=base))
    return _FOLDER


def assert_clear(error: InputError, document: str) -> None:
    message = str(error)
    assert message.startswith(document), (message, document)
    assert error.problem and error.problem.strip(), message
    assert "\n" not in error.problem and "Traceback" not in message, message


def assert_doc(doc: Doc) -> None:
    assert isinstance(doc.text, str) and doc.text.strip()
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text), (block, len(doc.text))
    assert doc.published is None or isinstance(doc.published, dt.date)


def check_reading(data: bytes) -> str:
    from treatywatch.ingest import read_documents

    mode, payload = (data[0] % 7, data[1:]) if data else (0, b"")
    if mode == 5:  # the same text, encoded as a newsroom might have saved it
        text = payload[1:].decode("utf-8", errors="replace")
        encoding = ENCODINGS[(payload[0] if payload else 0) % len(ENCODINGS)]
        payload = text.encode(encoding, errors="replace")
    if mode == 6:  # JSON Lines records built from the bytes
        payload = _records(payload)
    suffix = (".txt", ".html", ".jsonl", None, ".dat", ".txt", ".jsonl")[mode]
    if suffix is None:
        items = list(read_documents(["-"], stdin=io.BytesIO(payload), max_bytes=200_000))
        documents = ["<stdin>"]
    else:
        path = _folder() / f"doc{suffix}"
        path.write_bytes(payload)
        items = list(read_documents([str(path)], max_bytes=200_000))
        documents = [str(path)]
    assert items, "reading gave nothing at all"
    outcome = "ok"
    for item in items:
        if isinstance(item, InputError):
            assert_clear(item, documents[0])
            outcome = "error"
        else:
            assert isinstance(item, Doc), type(item)
            assert_doc(item)
    return outcome


def _records(data: bytes) -> bytes:
    """Lines of JSON whose fields and values come from the bytes."""
    names = ("text", "html", "id", "url", "published", "title", "outlet", "other")
    values = [compose(data[:40]), None, 42, [], {}, "2025-11-02", "2025-13-45", "", True, 1e308,
              "<p>" + compose(data[40:80]) + "</p>", "x" * 3000]
    lines = []
    for i in range(0, len(data), 5):
        chunk = data[i:i + 5]
        record = {names[b % len(names)]: values[(b // 8) % len(values)] for b in chunk}
        lines.append(json.dumps(record, ensure_ascii=bool(i % 2)).encode("utf-8", "surrogatepass"))
        if chunk and chunk[0] % 11 == 0:
            lines.append(chunk)  # a broken line
    return b"\n".join(lines)


# --- extraction ----------------------------------------------------------------------

_EXTRACTOR = None


def extractor():
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from treatywatch.extract import shared_extractor

        _EXTRACTOR = shared_extractor().warm_up()
    return _EXTRACTOR


def assert_events(events: list[Event], text: str) -> None:
    for event in events:
        assert event.type in EVENT_TYPES, event
        assert event.polarity in POLARITIES and event.modality in MODALITIES, event
        assert event.when is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event.when), event.when
        assert event.size is None or (isinstance(event.size, int) and event.size > 0), event.size
        for evidence in event.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(text), (evidence, len(text))
        as_json = json.loads(json.dumps(event.to_json(), ensure_ascii=False))
        assert Event.from_json(as_json) == event


def check_extraction(data: bytes) -> str:
    from treatywatch.ingest import doc_from_text

    fmt = "html" if data[:1] and data[0] % 5 == 0 else "txt"
    published = dt.date(2000 + data[1] % 30, 1 + data[1] % 12, 1) if len(data) > 1 and data[1] % 2 else None
    text = compose(data[2:])
    try:
        doc = doc_from_text("fuzz.txt", text, fmt=fmt, published=published)
    except InputError as error:
        assert_clear(error, "fuzz.txt")
        return "error"
    events = extractor().extract(doc)
    assert_events(events, doc.text)
    return "ok"


# --- claims --------------------------------------------------------------------------

RECORDS = [
    {"appeal": "made"}, {"appeal": "denied"}, {"appeal": "not_made"}, {"appeal": "reported"},
    {"appeal": "unclear"}, {"appeal": "none_found"}, {}, {"appeal": None, "decision": None},
    {"decision": {"outcome": "deploy"}}, {"decision": {"outcome": None}}, {"decision": "mission"},
    {"decision": {}}, {"contributors": [{"state": "RUS"}, {"state": None}, {}]},
    {"contributors": None}, {"appeal": "made", "decision": {"outcome": "decline"},
                             "contributors": [{"state": "KAZ", "size": 10}]},
]
JUDGEMENTS = ("confirms", "contradicts", "cannot_judge")


def check_claims(data: bytes) -> str:
    from treatywatch.serve.claims import check_claim, read_claim

    record = RECORDS[data[0] % len(RECORDS)] if data else {}
    when = (None, "2025", "2025-11", "2025-11-02")[data[1] % 4] if len(data) > 1 else None
    sentence = compose(data[2:])
    events = read_claim(sentence)
    asked = []

    def check(state, org, at):
        assert isinstance(state, str) and isinstance(org, str), (state, org)
        asked.append((state, org, at))
        return dict(record)

    result = check_claim(sentence, events, check, when)
    assert result.judgement in JUDGEMENTS, result.judgement
    assert isinstance(result.reason, str) and result.reason
    json.dumps(result.to_json(), ensure_ascii=False)
    assert len(asked) <= 1
    return "ok"


# --- API parameters ------------------------------------------------------------------

ROUTES = [
    ("/", ("actor", "org", "from", "to", "verdict", "lang")),
    ("/api/cases", ("actor", "org", "from", "to", "verdict")),
    ("/search", ("q", "lang")), ("/api/search", ("q",)),
    ("/check", ("state", "org", "when", "claim", "lang")),
    ("/api/check", ("state", "org", "when", "claim")),
    ("/cases/{}", ()), ("/api/cases/{}", ()), ("/documents/{}", ()), ("/api/documents/{}", ()),
]
ALLOWED_STATUS = (200, 400, 404, 413, 422)
INTERNALS = re.compile(r"Traceback|File \"|site-packages|\.py\b|sqlalchemy|sqlite3|psycopg|"
                       r"OperationalError|IntegrityError|SELECT |/tmp/|/dev/shm")
_CLIENT = None


def client():
    """A TestClient over a small store of hand-annotated documents (built once)."""
    global _CLIENT
    if _CLIENT is None:
        from fastapi.testclient import TestClient

        from serve_fixtures import DOCUMENTS, open_test_answers
        from treatywatch.serve.app import ServeSettings, create_app

        answers = open_test_answers(Path(tempfile.mkdtemp(prefix="tw-fuzz-api-")))
        for annotated in DOCUMENTS:
            answers.ingest_record(annotated.record)
        app = create_app(settings=ServeSettings(cache_seconds=0), answers=answers)
        _CLIENT = TestClient(app, raise_server_exceptions=False)
    return _CLIENT


def api_value(data: bytes) -> str:
    """Half the time fragments and noise, else the bytes as (possibly broken) UTF-8."""
    text = compose(data[1:]) if data[:1] and data[0] % 2 else data[1:].decode("utf-8", errors="replace")
    return text.encode("utf-8", errors="replace").decode("utf-8")  # a client sends no lone surrogate


def check_api(data: bytes) -> str:
    route, names = ROUTES[data[0] % len(ROUTES)] if data else ROUTES[0]
    name = names[data[1] % len(names)] if len(data) > 1 and names else (names[0] if names else None)
    return check_api_value(route, name, api_value(data[2:]))


def check_api_value(route: str, name: str | None, value: str) -> str:
    """One GET of `route` with `value` as its parameter `name` (or its path part)."""
    if "{}" in route:
        from urllib.parse import quote

        response = client().get(route.format(quote(value, safe="") or "%20"))
    else:
        response = client().get(route, params={name: value})
    assert response.status_code in ALLOWED_STATUS, (route, value[:80], response.status_code)
    assert not INTERNALS.search(response.text), response.text[:300]
    if route.startswith("/api/") or response.headers["content-type"].startswith("application/json"):
        body = response.json()
        if response.status_code != 200:
            assert body["ok"] is False and isinstance(body["error"], str) and body["error"], body
    else:
        assert "<script" not in response.text
    return "ok" if response.status_code == 200 else "error"


CHECKS = {"reading": check_reading, "extraction": check_extraction, "claims": check_claims,
          "api": check_api}
