"""Groups of states in the extractor: "the Baltic states", "страны Центральной Азии",
"Вишеградська група" stand for each member (data/groups.yaml), as actors listed with other
states, as actors alone, and as targets; membership is counted on the document's date.
States outside the alliances (Rwanda, the CAR) and place names that are also other words
("Того", "Latin America") in the same sentences give no false parties.

Sentences are ours; keys as in tests/event_keys.py."""

from __future__ import annotations

import pytest

from event_keys import assert_extracts, case, check_table, ev

BALTIC = ("EST", "LVA", "LTU")
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

CASES = [
    # A group listed with a state, in each language and either order.
    ("en", case("Poland and the Baltic states asked NATO for consultations under Article 4.",
                {ev("appeal", s, "NATO") for s in ("POL", *BALTIC)}, id="en-state-and-group")),
    ("en", case("The Baltic states and Poland have requested consultations under Article 4 of the North Atlantic Treaty.",
                {ev("appeal", s, "NATO") for s in ("POL", *BALTIC)}, id="en-group-and-state")),
    ("ru", case("Польша и страны Балтии обратились к НАТО с просьбой о консультациях по статье 4.",
                {ev("appeal", s, "NATO") for s in ("POL", *BALTIC)}, id="ru-state-and-group")),
    ("uk", case("Держави Балтії та Польща звернулися до НАТО з проханням про консультації за статтею 4.",
                {ev("appeal", s, "NATO") for s in ("POL", *BALTIC)}, id="uk-group-and-state")),
    # A group alone as the subject, with the text's own negation.
    ("en", case("The Central Asian states have not asked the CSTO for help.",
                {ev("appeal", s, "CSTO", polarity="negative") for s in CENTRAL_ASIA}, id="en-group-negated")),
    ("ru", case("Страны Центральной Азии не обращались к ОДКБ за помощью.",
                {ev("appeal", s, "CSTO", polarity="negative") for s in CENTRAL_ASIA}, id="ru-group-negated")),
    ("uk", case("Країни Центральної Азії не зверталися до ОДКБ по допомогу.",
                {ev("appeal", s, "CSTO", polarity="negative") for s in CENTRAL_ASIA}, id="uk-group-negated")),
    # A group as the one asked or the host of troops.
    ("en", case("Ukraine asked the Baltic states for military help.",
                {ev("appeal", "UKR", s) for s in BALTIC}, id="en-group-asked")),
    ("ru", case("Армения обратилась за помощью к странам Центральной Азии.",
                {ev("appeal", "ARM", s) for s in CENTRAL_ASIA}, id="ru-group-asked")),
    ("en", case("NATO deployed additional battlegroups to the Baltic states.",
                {ev("deployment", "NATO", s) for s in BALTIC}, id="en-group-host")),
    ("uk", case("Росія відправила війська до країн Центральної Азії.",
                {ev("deployment", "RUS", s) for s in CENTRAL_ASIA}, id="uk-group-host")),
    # A group's institutions speak and act for each member.
    ("ru", case("Министры обороны стран Балтии обратились к НАТО с просьбой о консультациях.",
                {ev("appeal", s, "NATO") for s in BALTIC}, id="ru-group-ministers")),
    ("en", case("The foreign ministers of the Baltic states asked NATO for consultations.",
                {ev("appeal", s, "NATO") for s in BALTIC}, id="en-group-ministers")),
    ("uk", case("Уряди країн Балтії звернулися до НАТО з проханням про консультації.",
                {ev("appeal", s, "NATO") for s in BALTIC}, id="uk-group-governments")),
    # A nominal request by a group, and the consultation it led to.
    ("ru", case("По просьбе стран Балтии НАТО провело консультации по статье 4.",
                {ev("appeal", s, "NATO") for s in BALTIC} | {ev("consultation", "NATO", s) for s in BALTIC},
                id="ru-group-request-nominal")),
    # Members on the document's date: Czechoslovakia's seat passed on in 1993.
    ("en", case("WARSAW, March 4, 1992\n\nThe Visegrad Group asked NATO for consultations under Article 4.",
                {ev("appeal", s, "NATO") for s in ("POL", "HUN")}, id="en-group-members-1992")),
    ("en", case("WARSAW, March 4, 2016\n\nThe Visegrad Group asked NATO for consultations under Article 4.",
                {ev("appeal", s, "NATO") for s in ("POL", "HUN", "CZE", "SVK")}, id="en-group-members-2016")),
    # Naming a group is no event.
    ("en", case("Ministers of the Baltic states met in Riga on Friday.", set(), id="en-group-no-event")),
    # New states, and names that read as other words here.
    ("en", case("Rwanda sent troops to the Central African Republic at the request of the CAR government.",
                {ev("deployment", "RWA", "CAF")}, id="en-rwanda-car")),
    ("ru", case("Того же мнения придерживаются в Ереване: Армения обратилась к ОДКБ за помощью.",
                {ev("appeal", "ARM", "CSTO")}, id="ru-togo-is-a-pronoun")),
    ("uk", case("Того ж дня Казахстан звернувся до ОДКБ по допомогу.",
                {ev("appeal", "KAZ", "CSTO")}, id="uk-togo-is-a-pronoun")),
    ("en", case("Talks with Latin America went on as Brazil asked the UN for help.",
                {ev("appeal", "BRA", "UN")}, id="en-latin-america-is-not-the-us")),
]


def test_group_table_is_well_formed():
    check_table([row for _, row in CASES])


@pytest.mark.parametrize("lang, text, expected, optional", [(lang, *row.values) for lang, row in CASES],
                         ids=[row.id for _, row in CASES])
def test_extract_groups(lang, text, expected, optional):
    assert_extracts(text, lang, expected, optional)
