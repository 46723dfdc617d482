"""`treatywatch watch FEED_URL...`: poll RSS/Atom feeds, store new articles, report new
cases and changed verdicts."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from treatywatch.cli.app import app
from treatywatch.errors import TreatywatchError

SECRET_ENV = "TREATYWATCH_WEBHOOK_SECRET"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, None: 1}


def default_state_path(db_url: str) -> Path:
    """Beside a SQLite store (record.sqlite -> record.watch.sqlite); else in the data folder."""
    from treatywatch.store.db import default_sqlite_path

    if db_url.startswith("sqlite:///") and not db_url.endswith(":memory:"):
        store = Path(db_url.removeprefix("sqlite:///"))
        return store.with_name(store.stem + ".watch.sqlite")
    return default_sqlite_path().with_name("watch.sqlite")


def parse_every(value: str) -> float:
    match = _DURATION.match(value)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{value!r} is not a duration; write 30s, 10m or 1h",
                                 param_hint="'--every'")
    return float(match.group(1)) * _UNIT[match.group(2)]


@app.command("watch")
def watch_command(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED_URL...", help="RSS or Atom feeds.",
                                               show_default=False)],
    every: Annotated[str, typer.Option("--every", metavar="DURATION",
                                       help="Time between polls: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help="The store, as for ingest.")] = None,
    state: Annotated[str | None, typer.Option(
        "--state", metavar="FILE",
        help="What the watcher remembers (feeds, articles fetched, verdicts reported). "
             "Default: beside a SQLite store, as NAME.watch.sqlite.")] = None,
    log: Annotated[str | None, typer.Option("--log", metavar="FILE",
                                            help="Append each report to this JSON Lines file.")] = None,
    webhook: Annotated[str | None, typer.Option(
        "--webhook", metavar="URL",
        help=f"POST each report as JSON, signed with ${SECRET_ENV} (header "
             "X-Treatywatch-Signature: sha256=HMAC of the body).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", metavar="N", min=1,
                                           help="Largest feed or page read.")] = 5_000_000,
    per_host_delay: Annotated[float, typer.Option(
        "--per-host-delay", metavar="SECONDS", min=0,
        help="Pause between two requests to one host.")] = 1.0,
) -> None:
    """Watch news feeds: each new article is fetched once, read, stored and its events
    extracted; new cases and changed verdicts are reported on stdout (and to --log and
    --webhook). Feeds are asked with ETag/Last-Modified; a failing feed is retried after
    a growing, jittered pause. Stopping and starting again resumes where it stopped and
    reports nothing twice.

    Example:

        treatywatch watch https://example.org/world/rss.xml --every 10m --log reports.jsonl
    """
    interval = parse_every(every)
    secret = os.environ.get(SECRET_ENV)
    if webhook and not secret:
        raise typer.BadParameter(f"a webhook needs a shared secret: set ${SECRET_ENV}",
                                 param_hint="'--webhook'")
    try:
        from treatywatch.extract import Extractor
        from treatywatch.store import open_store
        from treatywatch.store.db import resolve_url
        from treatywatch.watch import Fetcher, Reporter, WatchState, Watcher

        url = resolve_url(db)
        with open_store(url) as store, WatchState(state or default_state_path(url)) as memory:
            fetcher = Fetcher(max_bytes, per_host_delay)
            reporter = Reporter(sys.stdout, log, webhook, secret)
            try:
                watcher = Watcher(store, Extractor(), memory, fetcher, reporter)
                while True:
                    started = time.monotonic()
                    result = watcher.poll(feeds)
                    print(f"Polled {len(feeds)} feed(s): {len(result.unchanged)} unchanged, "
                          f"{len(result.failed)} failed, {len(result.backing_off)} backing off; "
                          f"{len(result.fetched)} article(s) fetched, {len(result.stored)} new; "
                          f"{len(result.changes)} report(s).", file=sys.stderr, flush=True)
                    if once:
                        break
                    time.sleep(max(0.0, interval - (time.monotonic() - started)))
            finally:
                fetcher.close()
                reporter.close()
    except TreatywatchError as exc:
        print(f"Error: {exc}", file=sys.stderr, flush=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
