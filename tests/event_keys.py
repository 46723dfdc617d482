"""Event keys for the extractor's sentence tables (tests/test_extract_sentences_*.py).

A key is what a careful annotator decides for an event, and what the tables compare:
(type, actor, target, polarity, modality, source). The tables are written from
../shared/spec/events.md, not from the extractor's output.
"""

from __future__ import annotations

import pytest

from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES

Key = tuple[str, "str | None", "str | None", str, str, "str | None"]

ORGANIZATIONS = {"CSTO", "NATO", "EU", "UN", "SCO", "CIS", "OSCE"}


def ev(type: str, actor: str, target: str, polarity: str = "positive",
       modality: str = "actual", source: str | None = None) -> Key:
    return (type, actor, target, polarity, modality, source)


def case(text: str, expected: set[Key] | frozenset[Key] = frozenset(), *,
         optional: set[Key] | frozenset[Key] = frozenset(), id: str):
    """One table row. `optional` keys are those a careful reader could give or not
    (the spec's `"optional": true`): predicting them is no error, missing them neither."""
    return pytest.param(text, frozenset(expected), frozenset(optional), id=id)


def event_key(event) -> Key:
    return (event.type, event.actor, event.target, event.polarity, event.modality, event.source)


def assert_extracts(text: str, lang: str, expected: frozenset[Key], optional: frozenset[Key]) -> None:
    from treatywatch.extract import extract_text

    got = {event_key(e) for e in extract_text(text, lang=lang)}
    missing = expected - got
    extra = got - expected - optional
    assert not missing and not extra, (
        f"\ntext: {text}\nmissing: {sorted(missing, key=str)}\nunexpected: {sorted(extra, key=str)}"
    )


def check_table(rows) -> None:
    """The table itself uses only spec values, unique ids, and no key both expected and optional."""
    ids = [row.id for row in rows]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    for row in rows:
        text, expected, optional = row.values
        assert text.strip(), row.id
        assert not expected & optional, f"{row.id}: a key is both expected and optional"
        for type_, actor, target, polarity, modality, source in expected | optional:
            assert type_ in EVENT_TYPES, (row.id, type_)
            assert polarity in POLARITIES, (row.id, polarity)
            assert modality in MODALITIES, (row.id, modality)
            for party in (actor, target):
                assert party in ORGANIZATIONS or (len(party) == 3 and party.isupper()), (row.id, party)
            assert source is None or source == "media" or source in ORGANIZATIONS or (
                len(source) == 3 and source.isupper()), (row.id, source)


def row(text: str, expected=frozenset(), *, optional=frozenset(), id: str, xfail: str | None = None):
    """`case()` with an optional known-failure category (a non-strict xfail): a row the
    extractor gets wrong today says why, and counts in docs/extraction-errors.md."""
    param = case(text, expected, optional=optional, id=id)
    if xfail is None:
        return param
    return pytest.param(*param.values, id=param.id, marks=pytest.mark.xfail(reason=xfail, strict=False))
