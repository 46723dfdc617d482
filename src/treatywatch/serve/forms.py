"""The page forms' fields, checked one by one: a bad value becomes a message for its
field (shown beside it, in the interface language) instead of an error page, so the
page can be drawn again with what the user typed.

Each `check_*` takes the raw value and an `errors` dict (field -> message) it adds to,
and returns the value to use (a party id, a date string) or None when there is none.

The list filters (`CaseForm`, `EventForm`, `DocumentForm`) are request dependencies:
they take the fields as typed (no pattern on them, so that a bad one is not a bare
422), check each, and hold `filters` (params.CaseFilters etc., as typed, for the form
to show again and the listing to use) and `errors`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fastapi import Query, Request

from treatywatch.errors import ConfigError, NotFoundError
from treatywatch.lookup import resolve_party
from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES
from treatywatch.reason.periods import parse_when
from treatywatch.serve.i18n import Interface
from treatywatch.serve.params import (DOCUMENT_LANGUAGES, VERDICTS, WHEN_PATTERN, CaseFilters,
                                      DocumentFilters, EventFilters, answers_of)
from treatywatch.serve.rendering import interface

MAX_NAME = 100  # a state or organization as typed
MAX_CLAIM = 2000
MAX_QUERY = 500
MAX_OUTLET = 200

Errors = dict[str, str]


def check_length(value: str, limit: int, field: str, errors: Errors, t: Interface,
                 required: bool = False) -> str | None:
    """The value, stripped; None (and a message) when it is missing but required, or too long."""
    text = value.strip()
    if not text:
        if required:
            errors[field] = t("form.error.required")
        return None
    if len(text) > limit:
        errors[field] = t("form.error.too_long", max=limit)
        return None
    return text


def check_when(value: str, field: str, errors: Errors, t: Interface, past_only: bool = False) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real period (and, for `past_only`,
    not one that starts after today)."""
    text = value.strip()
    if not text:
        return None
    period = parse_when(text) if re.fullmatch(WHEN_PATTERN, text) else None
    if period is None:
        errors[field] = t("form.error.when")
        return None
    if past_only and period.start > dt.date.today():
        errors[field] = t("form.error.when_future", when=t.when(text))
        return None
    return text


def check_state(answers: Any, value: str, field: str, errors: Errors, t: Interface,
                required: bool = False) -> str | None:
    """A state's ISO code from a code or a name in ru/uk/en."""
    text = check_length(value, MAX_NAME, field, errors, t, required)
    if text is None:
        return None
    try:
        return answers.resolve_state(text)
    except ConfigError:  # an organization given as the state
        org = resolve_party(answers.knowledge, text)
        errors[field] = t("form.error.state_is_org", value=text, org=t.name(org))
    except NotFoundError:
        errors[field] = t("form.error.state_unknown", value=text)
    return None


def check_org(answers: Any, value: str, field: str, errors: Errors, t: Interface,
              required: bool = False) -> str | None:
    """An organization id (or a state, for bilateral appeals) from an id or a name."""
    text = check_length(value, MAX_NAME, field, errors, t, required)
    if text is None:
        return None
    try:
        return answers.resolve_org(text)
    except NotFoundError:
        known = sorted(p.id for p in answers.knowledge.organizations())
        errors[field] = t("form.error.org_unknown", value=text, known=t.names(known))
    return None


def check_choice(value: str, choices: tuple[str, ...], field: str, errors: Errors, t: Interface,
                 message: str = "form.error.choice") -> str | None:
    """One of `choices` (a select's options), or nothing."""
    text = value.strip()
    if text and text not in choices:
        errors[field] = t(message)
        return None
    return text or None


def check_verdict(value: str, field: str, errors: Errors, t: Interface) -> str | None:
    return check_choice(value, VERDICTS, field, errors, t, "form.error.verdict")


class CaseForm:
    """`?actor=&org=&from=&to=&verdict=` of the case list, checked."""

    def __init__(self, request: Request, actor: str = "", org: str = "",
                 year_from: str = Query("", alias="from"), year_to: str = Query("", alias="to"),
                 verdict: str = ""):
        answers, t, self.errors = answers_of(request), interface(request), {}
        check_state(answers, actor, "actor", self.errors, t)
        check_org(answers, org, "org", self.errors, t)
        check_when(year_from, "from", self.errors, t)
        check_when(year_to, "to", self.errors, t)
        check_verdict(verdict, "verdict", self.errors, t)
        self.filters = CaseFilters(actor=actor, org=org, year_from=year_from.strip(),
                                   year_to=year_to.strip(), verdict=verdict.strip())


class EventForm:
    """`?actor=&org=&from=&to=&type=&polarity=&modality=` of the event list, checked."""

    def __init__(self, request: Request, actor: str = "", org: str = "",
                 year_from: str = Query("", alias="from"), year_to: str = Query("", alias="to"),
                 event_type: str = Query("", alias="type"), polarity: str = "",
                 modality: str = ""):
        answers, t, self.errors = answers_of(request), interface(request), {}
        check_state(answers, actor, "actor", self.errors, t)
        check_org(answers, org, "org", self.errors, t)
        check_when(year_from, "from", self.errors, t)
        check_when(year_to, "to", self.errors, t)
        check_choice(event_type, EVENT_TYPES, "type", self.errors, t)
        check_choice(polarity, POLARITIES, "polarity", self.errors, t)
        check_choice(modality, MODALITIES, "modality", self.errors, t)
        self.filters = EventFilters(actor=actor, org=org, year_from=year_from.strip(),
                                    year_to=year_to.strip(), event_type=event_type.strip(),
                                    polarity=polarity.strip(), modality=modality.strip())


class DocumentForm:
    """`?language=&outlet=&from=&to=` of the document list, checked."""

    def __init__(self, request: Request, language: str = "", outlet: str = "",
                 year_from: str = Query("", alias="from"), year_to: str = Query("", alias="to")):
        t, self.errors = interface(request), {}
        check_choice(language, DOCUMENT_LANGUAGES, "language", self.errors, t)
        check_length(outlet, MAX_OUTLET, "outlet", self.errors, t)
        check_when(year_from, "from", self.errors, t)
        check_when(year_to, "to", self.errors, t)
        self.filters = DocumentFilters(language=language.strip(), outlet=outlet,
                                       year_from=year_from.strip(), year_to=year_to.strip())
