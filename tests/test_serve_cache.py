"""The response cache: reuse within its lifetime, cleared by uploads, errors never kept."""

from __future__ import annotations

import time

import pytest

from treatywatch.serve.response_cache import ResponseCache


def test_cache_reuses_then_expires_and_clears():
    made = []
    cache = ResponseCache(ttl=0.2)

    def make() -> bytes:
        made.append(1)
        return b"x%d" % len(made)

    assert cache.get_or_make("k", make) == b"x1"
    assert cache.get_or_make("k", make) == b"x1"
    time.sleep(0.25)
    assert cache.get_or_make("k", make) == b"x2"
    cache.clear()
    assert cache.get_or_make("k", make) == b"x3"


def test_cache_keeps_no_error_and_evicts_the_oldest():
    cache = ResponseCache(ttl=60, max_entries=2)
    with pytest.raises(KeyError):
        cache.get_or_make("bad", lambda: {}["missing"])
    assert cache.get_or_make("bad", lambda: b"ok") == b"ok"
    cache.get_or_make("a", lambda: b"a")
    cache.get_or_make("b", lambda: b"b")
    assert cache.get_or_make("bad", lambda: b"new") == b"new"  # evicted


def test_cache_off_when_ttl_is_zero():
    cache = ResponseCache(ttl=0)
    values = iter([b"1", b"2"])
    assert cache.get_or_make("k", lambda: next(values)) == b"1"
    assert cache.get_or_make("k", lambda: next(values)) == b"2"
