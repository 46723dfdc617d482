"""Every object the server shares between requests, used from many threads at once,
answers exactly as when used one call at a time: the response cache, the failed-token
limiter, the knowledge, the store's answers (sessions, reads beside writes) and the
claim check through a real server (the extractor: see also test_extract_concurrency.py).
"""

from __future__ import annotations

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, TOKEN, open_test_answers
from treatywatch.lookup import resolve_party
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.auth import FailureLimiter
from treatywatch.serve.live import serving
from treatywatch.serve.response_cache import ResponseCache

THREADS = 8


@contextmanager
def frequent_switches():
    """Switch threads very often, so per-call state on a shared object would leak."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def in_threads(work, items, rounds: int = 3) -> list[list]:
    with frequent_switches(), ThreadPoolExecutor(max_workers=THREADS) as pool:
        return [list(pool.map(work, items)) for _ in range(rounds)]


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def test_response_cache_gives_each_key_its_own_value_while_cleared():
    cache = ResponseCache(ttl=60, max_entries=50)
    made = []

    def make_for(key: int):
        def make() -> bytes:
            made.append(key)
            return f"value-{key}".encode()
        return make

    keys = [n % 200 for n in range(2000)]

    def get(key: int) -> bytes:
        if key == 7:
            cache.clear()
        return cache.get_or_make(("k", key), make_for(key))

    for got in in_threads(get, keys):
        assert got == [f"value-{k}".encode() for k in keys]
    assert len(cache._entries) <= 50


def test_failure_limiter_counts_every_failure_once_across_threads():
    limiter = FailureLimiter(max_failures=1000, window=600)
    clients = [f"10.0.0.{n % 16}" for n in range(16 * 50)]
    in_threads(limiter.failed, clients, rounds=1)
    assert limiter.clients() == 16
    assert all(len(limiter._failures[c]) == 50 for c in set(clients))
    in_threads(limiter.failed, clients * 2, rounds=10)  # 1,000 more each: now over the limit
    assert all(limiter.retry_after(c) > 0 for c in set(clients))


def test_knowledge_resolves_names_alike_in_threads(knowledge):
    names = ["Таджикистан", "Таджикистана", "Tajikistan", "tjk", "ОДКБ", "CSTO", "Казахстану",
             "Вірменії", "Armenia", "Kyrgyz", "Кыргызстан", "НАТО", "Евросоюз", "Atlantis", ""] * 10
    expected = [resolve_party(knowledge, n) for n in names]
    assert expected[0] == "TJK" and "CSTO" in expected
    for got in in_threads(lambda n: resolve_party(knowledge, n), names):
        assert got == expected


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("concurrency"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    yield answers
    answers.close()


def read_calls(answers) -> list:
    case_ids = [c["id"] for c in answers.list_cases()]
    doc_ids = [d["id"] for d in answers.search("CSTO")] + [d["id"] for d in answers.search("ОДКБ")]
    assert case_ids and doc_ids
    calls = [("check", ("KAZ", "CSTO", "2022-01")), ("check", ("Таджикистан", "ОДКБ", "2025-11")),
             ("check", ("TJK", "CSTO", "2019")), ("list_cases", ({"actor": "KAZ"},)),
             ("list_cases", ({"verdict": "denied"},)), ("list_cases", ({},)),
             ("search", ("peacekeeping",)), ("search", ("телеграм",)), ("search", ("CSTO",))]
    calls += [("get_case", (c,)) for c in case_ids] + [("get_document", (d,)) for d in doc_ids]
    return calls * 6


def test_answers_reads_in_threads_equal_one_by_one(answers):
    calls = read_calls(answers)

    def call(item):
        name, args = item
        return as_json(getattr(answers, name)(*args))

    expected = [call(item) for item in calls]
    for got in in_threads(call, calls):
        wrong = [item for item, a, b in zip(calls, expected, got) if a != b]
        assert wrong == []


def test_answers_reads_beside_concurrent_uploads(tmp_path):
    answers = open_test_answers(tmp_path)
    try:
        answers.ingest_record(KAZAKHSTAN.record)
        kaz = as_json(answers.check("KAZ", "CSTO", "2022-01"))
        notes = [{"id": f"note-{n}.txt", "text": f"Routine border note {n}: the talks went on."}
                 for n in range(24)]
        errors: list[BaseException] = []
        stop = threading.Event()

        def reader():
            while not stop.is_set():
                try:
                    assert as_json(answers.check("KAZ", "CSTO", "2022-01")) == kaz
                    answers.search("border")
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)
                    return

        readers = [threading.Thread(target=reader) for _ in range(3)]
        for thread in readers:
            thread.start()
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(answers.ingest_record, [*notes, ARMENIA.record, TAJIKISTAN.record]))
        stop.set()
        for thread in readers:
            thread.join()
        assert errors == []
        assert [r["status"] for r in results] == ["new"] * len(results)
        assert answers.search("border")  # searchable
        assert len({r["id"] for r in results}) == len(notes) + 2
        assert answers.check("ARM", "CSTO", "2022-09")["appeal"] == "made"
        assert answers.check("TJK", "CSTO", "2025-11")["appeal"] == "denied"
    finally:
        answers.close()


# Claims written for this test: each names its own date, which must stay its own.
CLAIMS = [
    ("Armenia asked the CSTO for military help on 13 September 2022.", "2022-09-13"),
    ("Kazakhstan appealed to the CSTO for assistance on 5 January 2022.", "2022-01-05"),
    ("Таджикистан 3 октября 2025 года обратился в ОДКБ за помощью.", "2025-10-03"),
    ("Киргизия попросила ОДКБ о военной помощи 12 июня 2010 года.", "2010-06-12"),
    ("Вірменія 28 березня 2021 року звернулася до ОДКБ по допомогу.", "2021-03-28"),
    ("Belarus asked the CSTO for help in March 2020.", "2020-03"),
    ("Таджикистан не обращался в ОДКБ за помощью в ноябре 2025 года.", "2025-11"),
    ("France invoked Article 42.7 on 17 November 2015.", "2015-11-17"),
]


def test_claim_checks_through_a_real_server_keep_their_own_dates(answers):
    app = create_app(settings=ServeSettings(token=TOKEN, cache_seconds=0), answers=answers)
    with serving(app) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        def ask(claim: str) -> str:
            body = client.get("/api/check", params={"claim": claim}).json()
            return as_json({k: body[k] for k in ("claimed_event", "query", "judgement", "reason")})

        expected = [ask(claim) for claim, _ in CLAIMS]
        for (claim, when), answer in zip(CLAIMS, expected):
            assert json.loads(answer)["claimed_event"]["when"] == when, claim
        items = [claim for claim, _ in CLAIMS] * 4
        for got in in_threads(ask, items, rounds=2):
            wrong = [c for c, a, b in zip(items, expected * 4, got) if a != b]
            assert wrong == []


def test_pages_render_alike_in_threads(answers):
    app = create_app(settings=ServeSettings(cache_seconds=0), answers=answers)
    case_ids = [c["id"] for c in answers.list_cases()]
    paths = ([f"/cases/{c}" for c in case_ids] + [f"/cases/{c}?lang=ru" for c in case_ids]
             + ["/", "/?lang=ru", "/search?q=CSTO", "/check?state=TJK&org=CSTO&when=2025-11"]) * 5
    with serving(app) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        def get(path: str) -> str:
            response = client.get(path)
            assert response.status_code == 200, path
            return response.text

        expected = [get(p) for p in paths]
        for got in in_threads(get, paths, rounds=2):
            assert [p for p, a, b in zip(paths, expected, got) if a != b] == []
