"""CAMEO and PLOVER codes beside our event types (data/event_codes.yaml)."""

from __future__ import annotations

import itertools

import pytest

from treatywatch.errors import DataFileError
from treatywatch.model import ASSISTANCE, EVENT_TYPES, MODALITIES, OUTCOMES
from treatywatch.store import event_codes
from treatywatch.store.event_codes import codes_for

# CAMEO's root categories and the PLOVER type each of ours falls in
FAMILIES = {"02": "REQUEST", "03": "AGREE", "04": "CONSULT", "07": "AID", "12": "REJECT",
            "16": "RETREAT"}


def _event(**fields):
    return {"polarity": "positive", "modality": "actual", "assistance": None, "outcome": None,
            "via": None, **fields}


@pytest.mark.parametrize("kind", EVENT_TYPES)
def test_codes_every_positive_event_gets_a_cameo_code_of_a_consistent_family(kind):
    for modality, assistance, outcome in itertools.product(
            MODALITIES, (None, *ASSISTANCE), (None, *OUTCOMES)):
        codes = codes_for(_event(type=kind, modality=modality, assistance=assistance,
                                 outcome=outcome))
        assert codes.cameo and codes.cameo_label, (kind, modality, assistance, outcome)
        assert FAMILIES[codes.cameo[:2]] == codes.plover, (kind, modality, assistance, outcome)


@pytest.mark.parametrize("kind", EVENT_TYPES)
def test_codes_a_negative_event_has_none(kind):
    assert codes_for(_event(type=kind, polarity="negative", assistance="military")) == \
        event_codes.EventCodes()


@pytest.mark.parametrize("fields, cameo, plover, mode", [
    ({"type": "appeal", "assistance": "peacekeeping"}, "0234", "REQUEST", None),
    ({"type": "appeal", "assistance": "military", "modality": "uncertain"}, "0232", "REQUEST", None),
    ({"type": "appeal", "assistance": "consultative"}, "026", "REQUEST", None),
    ({"type": "offer", "assistance": "military", "modality": "conditional"}, "0332", "AGREE", None),
    ({"type": "consultation"}, "040", "CONSULT", None),
    ({"type": "decision", "outcome": "decline", "assistance": "military"}, "1222", "REJECT", None),
    ({"type": "decision", "outcome": "decline", "assistance": "consultative"}, "125", "REJECT", None),
    ({"type": "decision", "outcome": "deploy", "assistance": "peacekeeping"}, "0334", "AGREE", None),
    ({"type": "decision", "outcome": "mission", "assistance": "monitoring"}, "030", "AGREE", None),
    ({"type": "deployment", "via": "CSTO"}, "074", "AID", "military"),
    ({"type": "deployment", "modality": "intended"}, "0334", "AGREE", None),
    ({"type": "withdrawal"}, "1661", "RETREAT", None),
    ({"type": "withdrawal", "modality": "intended"}, "0356", "AGREE", None),
])
def test_codes_chosen_for_our_types(fields, cameo, plover, mode):
    codes = codes_for(_event(**fields))
    assert (codes.cameo, codes.plover, codes.plover_mode) == (cameo, plover, mode)


def test_codes_a_broken_data_file_is_an_error_naming_it(tmp_path, monkeypatch):
    bad = tmp_path / "event_codes.yaml"
    bad.write_text("rules:\n  - when: {kind: appeal}\n    cameo: ['02', 'Appeal']\n    plover: null\n")
    monkeypatch.setattr(event_codes, "DATA_FILE", bad)
    event_codes._rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"event_codes.yaml: rule 1: unknown field\(s\) kind"):
            codes_for(_event(type="appeal"))
        bad.write_text("rules:\n  - when: {type: appeal}\n    cameo: ['2x', 'Appeal']\n")
        event_codes._rules.cache_clear()
        with pytest.raises(DataFileError, match="rule 1: `cameo` must be"):
            codes_for(_event(type="appeal"))
    finally:
        event_codes._rules.cache_clear()
