"""The page forms' fields, checked one by one: a bad value becomes a message for its
field (shown beside it, in the interface language) instead of an error page, so the
page can be drawn again with what the user typed.

Each `check_*` takes the raw value and an `errors` dict (field -> message) it adds to,
and returns the value to use (a party id, a date string) or None when there is none.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from treatywatch.errors import ConfigError, NotFoundError
from treatywatch.reason.periods import parse_when
from treatywatch.serve.i18n import Interface
from treatywatch.serve.params import VERDICTS, WHEN_PATTERN

MAX_NAME = 100  # a state or organization as typed
MAX_CLAIM = 2000
MAX_QUERY = 500

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
        org = answers.knowledge.resolve_party(text)
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


def check_verdict(value: str, field: str, errors: Errors, t: Interface) -> str | None:
    text = value.strip()
    if text and text not in VERDICTS:
        errors[field] = t("form.error.verdict")
        return None
    return text or None
