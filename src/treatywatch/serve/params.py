"""Request parameters shared by the pages and the API, and the store's answers."""

from __future__ import annotations

from typing import Any

from fastapi import Query, Request

WHEN_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
OPTIONAL_WHEN = r"^$|" + WHEN_PATTERN
VERDICTS = ("made", "not_made", "denied", "reported", "unclear", "none_found")


class CaseFilters:
    """Case-list filters: `?actor=&org=&from=&to=&verdict=`. `from`/`to` are a year,
    a month or a day (inclusive). An empty field (as a form sends it) is no filter."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=100, description="Requester: ISO code or name"),
        org: str | None = Query(None, max_length=100, description="Organization id, e.g. CSTO"),
        year_from: str | None = Query(None, alias="from", pattern=OPTIONAL_WHEN,
                                      description="From: YYYY, YYYY-MM or YYYY-MM-DD"),
        year_to: str | None = Query(None, alias="to", pattern=OPTIONAL_WHEN,
                                    description="To: YYYY, YYYY-MM or YYYY-MM-DD"),
        verdict: str | None = Query(None, pattern="^(|" + "|".join(VERDICTS) + ")$",
                                    description="Appeal verdict: " + ", ".join(VERDICTS)),
    ):
        self.actor = (actor or "").strip() or None
        self.org = (org or "").strip() or None
        self.year_from = year_from or None
        self.year_to = year_to or None
        self.verdict = verdict or None

    def as_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "org": self.org, "from": self.year_from,
                "to": self.year_to, "verdict": self.verdict}


def answers_of(request: Request) -> Any:
    """The store's answers the app was created over (see serve/app.py)."""
    return request.app.state.answers
