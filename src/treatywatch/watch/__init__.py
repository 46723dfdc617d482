"""Watching news feeds: new articles are fetched once, read, stored, and new cases or
changed verdicts reported within one poll (see watcher.py).

    Watcher(store, extractor, state, fetcher, reporter).poll(feed_urls) -> PollResult
"""

from treatywatch.watch.fetch import Fetcher, FetchError
from treatywatch.watch.report import Reporter
from treatywatch.watch.state import WatchState
from treatywatch.watch.watcher import PollResult, Watcher

__all__ = ["FetchError", "Fetcher", "PollResult", "Reporter", "WatchState", "Watcher"]
