"""What a list page needs beyond its rows: the links that sort it, page it and
download it, all built from the request's own query so that every link keeps the
filters (and the chosen language) and a download returns exactly the rows shown.

    view = TableView(request, listing, download="/events")
    view.sort_link("when")     -> "/events?type=appeal&sort=-when"  (toggles direction)
    view.aria_sort("when")     -> "ascending" | "descending" | None
    view.download_link("csv")  -> "/events.csv?type=appeal&sort=when&limit=100&offset=0"
    view.previous_link(), view.next_link(), view.first, view.last
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request

from treatywatch.serve.listing import Listing, parse_sort

PAGING_KEYS = ("sort", "offset", "limit")


@dataclass
class TableView:
    request: Request
    listing: Listing
    download: str  # the downloads' path without the extension, e.g. "/events"

    @property
    def rows(self) -> list[dict]:
        return self.listing.rows

    @property
    def first(self) -> int:
        """1-based number of the first row shown (0 when none is)."""
        return self.listing.offset + 1 if self.listing.rows else 0

    @property
    def last(self) -> int:
        return self.listing.offset + len(self.listing.rows)

    def _filters(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.request.query_params.multi_items()
                if k not in PAGING_KEYS and v != ""]

    def _link(self, path: str, extra: list[tuple[str, str]]) -> str:
        query = self._filters() + extra
        return path + ("?" + urlencode(query) if query else "")

    def _limit(self) -> list[tuple[str, str]]:
        asked = self.request.query_params.get("limit")
        return [("limit", asked)] if asked else []

    def aria_sort(self, key: str) -> str | None:
        current, descending = parse_sort(self.listing.sort, _table_of(self.download))
        if current != key:
            return None
        return "descending" if descending else "ascending"

    def sort_link(self, key: str) -> str:
        """Sorts by `key`, ascending first, descending when it is sorted ascending now."""
        value = "-" + key if self.aria_sort(key) == "ascending" else key
        return self._link(self.request.url.path, [("sort", value)] + self._limit())

    def _page_link(self, offset: int) -> str:
        return self._link(self.request.url.path, [("sort", self.listing.sort)] + self._limit()
                          + ([("offset", str(offset))] if offset else []))

    def previous_link(self) -> str | None:
        if self.listing.offset <= 0:
            return None
        return self._page_link(max(0, self.listing.offset - self.listing.limit))

    def next_link(self) -> str | None:
        if self.listing.offset + self.listing.limit >= self.listing.total:
            return None
        return self._page_link(self.listing.offset + self.listing.limit)

    def download_link(self, fmt: str) -> str:
        """The same rows as a file: same filters, sort, limit and offset."""
        paging = [("sort", self.listing.sort), ("limit", str(self.listing.limit)),
                  ("offset", str(self.listing.offset))]
        filters = [(k, v) for k, v in self._filters() if k != "lang"]
        return f"{self.download}.{fmt}?" + urlencode(filters + paging)


def _table_of(download: str) -> str:
    return download.rstrip("/").rsplit("/", 1)[-1]
