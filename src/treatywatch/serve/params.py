"""Request parameters shared by the pages and the API, and the store's answers.

Filters follow the CLI's (`treatywatch cases --actor --org --from --to --verdict`);
the events list adds `type`, `polarity` and `modality`, the documents list `language`,
`outlet` and `from`/`to` on the publication date. An empty field (as a form sends
it) is no filter. `sort` names a column, `-column` sorts it descending; `limit` and
`offset` page through the rows.
"""

from __future__ import annotations

from typing import Any

from fastapi import Query, Request

from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES

WHEN_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
OPTIONAL_WHEN = r"^$|" + WHEN_PATTERN
VERDICTS = ("made", "not_made", "denied", "reported", "unclear", "none_found")
DOCUMENT_LANGUAGES = ("ru", "uk", "en")

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def _choice(values: tuple[str, ...]) -> str:
    """A pattern accepting one of `values` or nothing."""
    return "^(|" + "|".join(values) + ")$"


def _sort_pattern(keys: tuple[str, ...]) -> str:
    return "^(|-?(" + "|".join(keys) + "))$"


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


class CaseFilters:
    """Case-list filters: `?actor=&org=&from=&to=&verdict=`. `from`/`to` are a year,
    a month or a day (inclusive)."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=100, description="Requester: ISO code or name"),
        org: str | None = Query(None, max_length=100, description="Organization id, e.g. CSTO"),
        year_from: str | None = Query(None, alias="from", pattern=OPTIONAL_WHEN,
                                      description="From: YYYY, YYYY-MM or YYYY-MM-DD"),
        year_to: str | None = Query(None, alias="to", pattern=OPTIONAL_WHEN,
                                    description="To: YYYY, YYYY-MM or YYYY-MM-DD"),
        verdict: str | None = Query(None, pattern=_choice(VERDICTS),
                                    description="Appeal verdict: " + ", ".join(VERDICTS)),
    ):
        self.actor = _text(actor)
        self.org = _text(org)
        self.year_from = year_from or None
        self.year_to = year_to or None
        self.verdict = verdict or None

    def as_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "org": self.org, "from": self.year_from,
                "to": self.year_to, "verdict": self.verdict}


class EventFilters:
    """Event-list filters: `?actor=&org=&from=&to=&type=&polarity=&modality=`.
    `actor` and `org` are the state in need and the organization (or state) it turns
    to, as for cases; `from`/`to` match the event's own date, else its report's."""

    def __init__(
        self,
        actor: str | None = Query(None, max_length=100,
                                  description="The state in need: ISO code or name"),
        org: str | None = Query(None, max_length=100,
                                description="The organization (or state) turned to, e.g. CSTO"),
        year_from: str | None = Query(None, alias="from", pattern=OPTIONAL_WHEN,
                                      description="From: YYYY, YYYY-MM or YYYY-MM-DD"),
        year_to: str | None = Query(None, alias="to", pattern=OPTIONAL_WHEN,
                                    description="To: YYYY, YYYY-MM or YYYY-MM-DD"),
        event_type: str | None = Query(None, alias="type", pattern=_choice(EVENT_TYPES),
                                       description="Event type: " + ", ".join(EVENT_TYPES)),
        polarity: str | None = Query(None, pattern=_choice(POLARITIES),
                                     description="Polarity: " + ", ".join(POLARITIES)),
        modality: str | None = Query(None, pattern=_choice(MODALITIES),
                                     description="Modality: " + ", ".join(MODALITIES)),
    ):
        self.actor = _text(actor)
        self.org = _text(org)
        self.year_from = year_from or None
        self.year_to = year_to or None
        self.type = event_type or None
        self.polarity = polarity or None
        self.modality = modality or None

    def as_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "org": self.org, "from": self.year_from,
                "to": self.year_to, "type": self.type, "polarity": self.polarity,
                "modality": self.modality}


class DocumentFilters:
    """Document-list filters: `?language=&outlet=&from=&to=` (`language` of the
    document, as `?lang=` chooses the interface's; `outlet`: any part of its name, in
    any letter case; `from`/`to` on the publication date)."""

    def __init__(
        self,
        language: str | None = Query(None, pattern=_choice(DOCUMENT_LANGUAGES),
                                     description="Language of the document: ru, uk or en"),
        outlet: str | None = Query(None, max_length=200,
                                   description="Outlet: any part of its name"),
        year_from: str | None = Query(None, alias="from", pattern=OPTIONAL_WHEN,
                                      description="Published from: YYYY, YYYY-MM or YYYY-MM-DD"),
        year_to: str | None = Query(None, alias="to", pattern=OPTIONAL_WHEN,
                                    description="Published up to: YYYY, YYYY-MM or YYYY-MM-DD"),
    ):
        self.language = language or None
        self.outlet = _text(outlet)
        self.year_from = year_from or None
        self.year_to = year_to or None

    def as_dict(self) -> dict[str, Any]:
        return {"language": self.language, "outlet": self.outlet, "from": self.year_from,
                "to": self.year_to}


class Paging:
    """`?limit=&offset=`: at most `limit` rows (1 to MAX_LIMIT), after skipping `offset`."""

    def __init__(
        self,
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT,
                           description=f"Rows per page (1 to {MAX_LIMIT})"),
        offset: int = Query(0, ge=0, description="Rows to skip"),
    ):
        self.limit = limit
        self.offset = offset


def sort_query(keys: tuple[str, ...], default: str) -> Any:
    """A `?sort=` parameter accepting one of `keys`, optionally prefixed with `-`."""
    return Query(None, pattern=_sort_pattern(keys), description=(
        f"Column to sort by: {', '.join(keys)}; prefix '-' for descending (default {default})"))


def answers_of(request: Request) -> Any:
    """The store's answers the app was created over (see serve/app.py)."""
    return request.app.state.answers
