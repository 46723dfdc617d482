"""English sentences and the events a careful annotator gives them (../shared/spec/events.md).

Each row: one to three sentences (a dateline first where a person's role or a relative
date needs the year) and the set of keys (type, actor, target, polarity, modality,
source). Rows that must give nothing are as important as the others.
"""

from __future__ import annotations

import pytest

from event_keys import assert_extracts, case, check_table, ev

EASTERN_EIGHT = ("BGR", "CZE", "EST", "LVA", "LTU", "POL", "ROU", "SVK")
PATRIOT_ALLIES = ("DEU", "NLD", "USA")

CASES = [
    # Plain appeals, past tense and headline present.
    case("Kazakhstan asked the CSTO for help on Wednesday.",
         {ev("appeal", "KAZ", "CSTO")}, id="en-appeal-past"),
    case("Armenia asks CSTO allies for help as border fighting flares",
         {ev("appeal", "ARM", "CSTO")}, id="en-headline-present"),
    case("WARSAW, September 10, 2025\n\nPrime Minister Donald Tusk said Poland had requested "
         "consultations under Article 4 of NATO's founding treaty.",
         {ev("appeal", "POL", "NATO", source="POL")}, id="en-appeal-pm-says"),
    case("France invoked Article 42.7 of the Treaty on European Union on Tuesday, asking its partners "
         "for aid and assistance.",
         {ev("appeal", "FRA", "EU")}, id="en-appeal-article-42-7"),
    case("Bulgaria, the Czech Republic, Estonia, Latvia, Lithuania, Poland, Romania and Slovakia "
         "requested consultations under Article 4.",
         {ev("appeal", state, "NATO") for state in EASTERN_EIGHT}, id="en-eight-allies-named"),

    # Denials (rule 2) and the text's own negation.
    case("The CSTO denied reports that Tajikistan had asked the bloc for military assistance.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
          ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
         id="en-denial-org"),
    case("NATO said it had received no request from Turkey to deploy Patriot missiles.",
         {ev("appeal", "TUR", "NATO", polarity="negative", source="NATO")},
         id="en-negation-by-org"),
    case("Russia has not asked its CSTO allies for help since Ukrainian troops entered the Kursk region.",
         {ev("appeal", "RUS", "CSTO", polarity="negative")}, id="en-own-negation"),
    case("Armenia's foreign minister did not deny that Yerevan had turned to the CSTO for help.",
         {ev("appeal", "ARM", "CSTO", source="ARM")}, id="en-double-negation"),

    # Coordination.
    case("Armenia appealed not only to the CSTO but also to Russia.",
         {ev("appeal", "ARM", "CSTO"), ev("appeal", "ARM", "RUS")}, id="en-not-only-but-also"),

    # Questions and conditionals.
    case("Will Armenia invoke the Collective Security Treaty?", set(), id="en-question"),
    case("Russia is ready to help Uzbekistan if Tashkent asks for it, a deputy foreign minister said.",
         {ev("offer", "RUS", "UZB", modality="conditional", source="RUS")}, id="en-conditional-offer"),
    case("If Tajikistan requests help, the CSTO will consider the request.",
         set(), id="en-conditional-consider-only"),

    # Future and intended.
    case("Germany, the Netherlands and the United States will send Patriot batteries to Turkey.",
         {ev("deployment", state, "TUR", modality="intended") for state in PATRIOT_ALLIES},
         id="en-will-send-list"),
    case("Armenia's defence ministry said it plans to send 100 peacekeepers to Kazakhstan.",
         {ev("deployment", "ARM", "KAZ", modality="intended", source="ARM")}, id="en-planned-deployment"),
    case("NUR-SULTAN, January 11, 2022\n\nTokayev said the CSTO force would begin withdrawing "
         "from Kazakhstan in two days.",
         {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="KAZ")}, id="en-intended-withdrawal"),
    case("Armenia had said it would send a peacekeeping unit; the unit flew to Kazakhstan on Friday.",
         {ev("deployment", "ARM", "KAZ")}, id="en-intended-then-done"),

    # Rumours.
    case("Tajikistan has reportedly asked the CSTO for military help.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")}, id="en-reportedly"),
    case("Telegram channels claimed that Dushanbe had requested Russian troops.",
         {ev("appeal", "TJK", "RUS", modality="uncertain", source="media")}, id="en-rumour-telegram"),
    case("An official who asked not to be named said Belarus planned to send troops to Kazakhstan.",
         {ev("deployment", "BLR", "KAZ", modality="uncertain", source="media")},
         id="en-unnamed-official-plan"),

    # Attribution (rules 5 and 6).
    case("MOSCOW, January 7, 2022\n\nKazakhstan asked for help in line with the treaty, Kremlin "
         "spokesman Dmitry Peskov said.",
         {ev("appeal", "KAZ", "CSTO", source="RUS")}, id="en-third-state-spokesman"),
    case("The CSTO has decided to send peacekeepers to Kazakhstan, RIA Novosti reported, citing the "
         "organization's press service.",
         {ev("decision", "CSTO", "KAZ", source="CSTO")}, id="en-agency-citing-press-service"),
    case("Pavel Orlov, an analyst at a Moscow think tank, said Tajikistan had already asked the CSTO for help.",
         {ev("appeal", "TJK", "CSTO", source="media")}, id="en-analyst-is-media"),

    # Decisions, withdrawals.
    case("NATO foreign ministers agreed to deploy Patriot missiles to Turkey.",
         {ev("decision", "NATO", "TUR")}, id="en-decision-deploy"),
    case("The allies determined that the attack on the United States was covered by Article 5 "
         "of the Washington Treaty.",
         {ev("decision", "NATO", "USA")}, id="en-decision-invoke"),
    case("The Kremlin turned down Kyrgyzstan's request for Russian peacekeepers.",
         {ev("decision", "RUS", "KGZ"), ev("appeal", "KGZ", "RUS")}, id="en-decision-decline"),
    case("The last Russian troops left Kazakhstan on Wednesday.",
         {ev("withdrawal", "RUS", "KAZ")}, id="en-withdrawal-done"),

    # Out of scope: nothing.
    case("Allied troops moved to Poland for a large NATO exercise rehearsing the defence of the "
         "eastern flank.",
         set(), id="en-exercise"),
    case("A member that needs help must submit an official request to the organization.",
         set(), id="en-general-procedure"),
    case("Article 42.7 says that if a member state is the victim of armed aggression on its territory, "
         "the others shall have an obligation of aid and assistance by all the means in their power.",
         set(), id="en-treaty-quotation"),
    case("An opposition party urged the government to invoke Article 4.", set(), id="en-opposition-call"),
    case("NATO is weighing options for additional support to Turkey.", set(), id="en-deliberation"),
]


def test_table_uses_spec_values():
    check_table(CASES)


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_sentence_en(text, expected, optional):
    assert_extracts(text, "en", expected, optional)
