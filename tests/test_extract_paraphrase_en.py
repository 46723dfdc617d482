"""English paraphrase table: each valency frame of ../shared/spec/events.md in active,
passive and nominal form, in other word orders, under hedges, denials, conditions,
future tense and negation, and the sentences that must give nothing.

Rows are written from the spec, not from the extractor's output. A row the extractor
gets wrong today carries `xfail=<error category>`; the categories are counted in
docs/extraction-errors.md. Keys: (type, actor, target, polarity, modality, source).
"""

from __future__ import annotations

import pytest

from event_keys import assert_extracts, check_table, ev, row


KAZ_CONTRIBUTORS = ("RUS", "BLR", "ARM", "TJK", "KGZ")

CASES = [
    # Appeal: actor asks addressee for content.
    row("Kazakhstan has formally asked the Collective Security Treaty Organization for help in "
        "repelling what it called a terrorist threat, the Kazakh foreign ministry said in a "
        "statement late on Wednesday.",
        {ev("appeal", "KAZ", "CSTO", source="KAZ")},
        id="en-p-appeal-late-speaker"),
    row("Late on Tuesday, after hours of shelling along the border, Armenia turned to its CSTO "
        "allies for military assistance, Prime Minister Nikol Pashinyan told parliament.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="en-p-appeal-adverbial-first"),
    row("To the CSTO, Yerevan turned only on the second day of fighting, when Azerbaijani units "
        "had pushed deep into Syunik province.",
        {ev("appeal", "ARM", "CSTO")}, id="en-p-appeal-object-first", xfail="word order"),
    row("Help was requested from the CSTO by Kyrgyzstan's interim government on the night of "
        "12 June, as ethnic clashes engulfed Osh.",
        {ev("appeal", "KGZ", "CSTO")}, id="en-p-appeal-passive-agent"),
    row("A formal request for CSTO peacekeepers was sent by Kazakhstan in the early hours of "
        "6 January.",
        {ev("appeal", "KAZ", "CSTO")}, id="en-p-appeal-passive-request-sent"),
    row("Article 42.7 was invoked by France for the first time in the EU's history after the "
        "attacks in Paris.",
        {ev("appeal", "FRA", "EU")}, id="en-p-appeal-passive-invoked", xfail="passive"),
    row("At Kazakhstan's request, CSTO peacekeeping forces led by Russian paratroopers began "
        "arriving in the country on Thursday.",
        {ev("appeal", "KAZ", "CSTO"), ev("deployment", "CSTO", "KAZ")},
        optional={ev("deployment", "RUS", "KAZ")},
        id="en-p-appeal-nominal-at-request", xfail="deployment frame"),
    row("Armenia's appeal to the CSTO after the September clashes went unanswered for days, "
        "Prime Minister Nikol Pashinyan complained.",
        {ev("appeal", "ARM", "CSTO", source="ARM")},
        id="en-p-appeal-nominal-possessive", xfail="late speaker"),
    row("Kazakh President Kassym-Jomart Tokayev asked Russia and Belarus to send troops to guard "
        "airports and power plants.",
        {ev("appeal", "KAZ", "RUS"), ev("appeal", "KAZ", "BLR")},
        id="en-p-appeal-content-is-deployment"),
    row("Lithuania asked its NATO allies to hold consultations under Article 4 after a Russian "
        "drone crashed near Vilnius.",
        {ev("appeal", "LTU", "NATO")}, id="en-p-appeal-content-is-consultation"),
    row("Armenia will formally ask the CSTO for help within hours, a foreign ministry "
        "spokeswoman in Yerevan said.",
        {ev("appeal", "ARM", "CSTO", modality="intended", source="ARM")}, id="en-p-appeal-future"),

    # Offer: readiness to help if asked or needed.
    row("Should Dushanbe ask for it, Moscow stands ready to provide Tajikistan with whatever "
        "military support it needs, Russian Deputy Foreign Minister Andrei Rudenko said.",
        {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")},
        id="en-p-offer-condition-first"),
    row("Armenia has been promised all necessary assistance by Russia if the fighting spreads to "
        "Armenian territory.",
        {ev("offer", "RUS", "ARM", modality="conditional")},
        id="en-p-offer-passive"),
    row("Bishkek has yet to respond to Minsk's offer of peacekeepers should the unrest in "
        "Kyrgyzstan's south spread.",
        {ev("offer", "BLR", "KGZ", modality="conditional")},
        id="en-p-offer-nominal", xfail="nominal event"),
    row("The CSTO is prepared to deploy its rapid reaction force to Tajikistan if needed, the "
        "organization's secretary general said.",
        {ev("offer", "CSTO", "TJK", modality="conditional", source="CSTO")},
        id="en-p-offer-org-if-needed"),
    row("In the event of a formal request from Yerevan, CSTO members are ready to send "
        "peacekeepers to Armenia, the bloc's secretary general said.",
        {ev("offer", "CSTO", "ARM", modality="conditional", source="CSTO")},
        id="en-p-offer-in-the-event-of-request"),

    # Consultation.
    row("NATO ambassadors held consultations under Article 4 on Wednesday at Poland's request "
        "after Russian drones crossed into Polish airspace.",
        {ev("consultation", "NATO", "POL"), ev("appeal", "POL", "NATO")},
        id="en-p-consultation-active", xfail="appeal target"),
    row("An extraordinary session of the CSTO's Collective Security Council was convened by "
        "video link on Monday at Yerevan's request.",
        {ev("consultation", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="en-p-consultation-passive"),
    row("Following Tuesday's Article 4 consultations, requested by Estonia after Russian jets "
        "violated its airspace, allies issued a joint statement condemning the incursion.",
        {ev("consultation", "NATO", "EST"), ev("appeal", "EST", "NATO")},
        id="en-p-consultation-nominal", xfail="nominal event"),
    row("NATO envoys met in emergency session in Brussels after a drone crashed on Romanian "
        "territory.",
        {ev("consultation", "NATO", "ROU")}, id="en-p-consultation-no-requester"),

    # Decision.
    row("The CSTO's Collective Security Council decided early on Thursday to send collective "
        "peacekeeping forces to Kazakhstan for a limited period.",
        {ev("decision", "CSTO", "KAZ")}, id="en-p-decision-active"),
    row("The decision to deploy peacekeepers to Kazakhstan was taken unanimously by the bloc's "
        "leaders, said Armenian Prime Minister Nikol Pashinyan, who chairs the CSTO's "
        "Collective Security Council.",
        {ev("decision", "CSTO", "KAZ", source="CSTO")},
        optional={ev("decision", "CSTO", "KAZ", source="ARM")}, id="en-p-decision-passive"),
    row("Under the CSTO decision of 6 January, the first units of the peacekeeping force landed "
        "in Kazakhstan the same evening.",
        {ev("decision", "CSTO", "KAZ"), ev("deployment", "CSTO", "KAZ")},
        id="en-p-decision-nominal", xfail="nominal event"),
    row("Moscow rejected the request of Kyrgyzstan's interim government for Russian troops, "
        "calling the violence in Osh an internal matter.",
        {ev("decision", "RUS", "KGZ"), ev("appeal", "KGZ", "RUS")},
        id="en-p-decision-reject-request"),
    row("The CSTO sent not troops but a fact-finding mission to Armenia, led by its secretary "
        "general.",
        {ev("decision", "CSTO", "ARM")},
        id="en-p-decision-not-troops-but-mission"),
    row("Kyrgyzstan's parliament voted on Thursday to send 150 troops to Kazakhstan as part of "
        "the CSTO force.",
        {ev("decision", "KGZ", "KAZ")},
        optional={ev("deployment", "KGZ", "KAZ", modality="intended")},
        id="en-p-decision-parliament-vote"),
    row("For the first time in its history, NATO invoked Article 5 on 12 September 2001, a day "
        "after the attacks on New York and Washington.",
        {ev("decision", "NATO", "USA")}, id="en-p-decision-invoke"),
    row("EU defence ministers unanimously backed France's request for aid and assistance under "
        "Article 42.7.",
        {ev("decision", "EU", "FRA"), ev("appeal", "FRA", "EU")},
        id="en-p-decision-grant", xfail="grant decision"),

    # Deployment.
    row("Russia has airlifted more than 3,000 paratroopers to Kazakhstan, the defence ministry "
        "in Moscow said on Friday.",
        {ev("deployment", "RUS", "KAZ", source="RUS")}, id="en-p-deployment-late-speaker"),
    row("Two Patriot batteries were sent to Turkey by the Netherlands in January.",
        {ev("deployment", "NLD", "TUR")}, id="en-p-deployment-passive-agent"),
    row("Belarusian paratroopers have been flown to Kazakhstan to guard the airport in Almaty.",
        {ev("deployment", "BLR", "KAZ")}, id="en-p-deployment-passive-adjective"),
    row("The deployment of German Patriot batteries to Turkey drew criticism in the Bundestag.",
        {ev("deployment", "DEU", "TUR")}, id="en-p-deployment-nominal"),
    row("Russia sent about 3,000 troops to Kazakhstan, Belarus around 500, Tajikistan 200, "
        "Kyrgyzstan 150 and Armenia 100.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="en-p-deployment-list-gapping"),
    row("Contingents from Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan arrived in "
        "Kazakhstan between 6 and 8 January.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="en-p-deployment-list-arrived"),
    row("A Belarusian airborne company is due to fly to Kazakhstan on Saturday, the defence "
        "ministry in Minsk said.",
        {ev("deployment", "BLR", "KAZ", modality="intended", source="BLR")},
        id="en-p-deployment-due-to", xfail="future"),
    row("The United States will send an additional 3,000 troops to Poland, the Pentagon announced.",
        {ev("deployment", "USA", "POL", modality="intended", source="USA")},
        id="en-p-deployment-will"),
    row("Russia sent no troops to Armenia during the September fighting, the Kremlin said.",
        {ev("deployment", "RUS", "ARM", polarity="negative", source="RUS")},
        id="en-p-deployment-negated"),
    row("Tajikistan is ready to contribute a unit to the agreed CSTO operation in Kazakhstan, "
        "its defence ministry said.",
        {ev("deployment", "TJK", "KAZ", modality="intended", source="TJK")},
        id="en-p-deployment-ready-for-agreed-operation"),

    # Withdrawal.
    row("Russian peacekeepers completed their withdrawal from Kazakhstan on Wednesday and "
        "returned to their bases.",
        {ev("withdrawal", "RUS", "KAZ")}, id="en-p-withdrawal-active"),
    row("The last Armenian servicemen were withdrawn from Kazakhstan at the weekend, the "
        "Armenian defence ministry said.",
        {ev("withdrawal", "ARM", "KAZ", source="ARM")},
        id="en-p-withdrawal-passive", xfail="passive"),
    row("MOSCOW, January 11, 2022\n\nThe withdrawal of CSTO forces from Kazakhstan is due to "
        "begin on 13 January and will take no more than ten days, Secretary General Stanislav "
        "Zas said.",
        {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="CSTO")},
        id="en-p-withdrawal-nominal-due-to"),
    row("NUR-SULTAN, January 11, 2022\n\nOnce the situation is stable, the CSTO contingent will "
        "leave Kazakhstan, President Tokayev told parliament.",
        {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="KAZ")},
        optional={ev("withdrawal", "CSTO", "KAZ", modality="conditional", source="KAZ")},
        id="en-p-withdrawal-temporal-clause"),

    # Hedges.
    row("Russian troops have reportedly been moved to Tajikistan to reinforce the 201st base "
        "near the Afghan border.",
        {ev("deployment", "RUS", "TJK", modality="uncertain", source="media")},
        id="en-p-hedge-reportedly-passive"),
    row("Yerevan is unlikely to turn to the CSTO again, analysts in the Armenian capital say.",
        {ev("appeal", "ARM", "CSTO", modality="uncertain", source="media")},
        id="en-p-hedge-unlikely"),
    row("According to two people familiar with the matter, Dushanbe has asked Moscow for "
        "military help.",
        {ev("appeal", "TJK", "RUS", modality="uncertain", source="media")},
        id="en-p-hedge-unnamed-sources", xfail="hedge"),

    # Confirm, deny, reject.
    row("The Kremlin confirmed reports that Tajikistan had asked Russia for military assistance.",
        {ev("appeal", "TJK", "RUS", source="RUS")},
        optional={ev("appeal", "TJK", "RUS", modality="uncertain", source="media")},
        id="en-p-confirm-reports"),
    row("The CSTO's secretary general denied that Tajikistan had asked the organization for "
        "military help.",
        {ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
        optional={ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")},
        id="en-p-deny-that"),
    row("Tajikistan's foreign ministry rejected media reports that Dushanbe had requested CSTO "
        "troops.",
        {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
         ev("appeal", "TJK", "CSTO", polarity="negative", source="TJK")},
        id="en-p-rejected-reports-is-denial"),
    row("The CSTO rejected Armenia's request for troops and sent observers instead.",
        {ev("decision", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="en-p-reject-request-is-decision"),

    # Temporal clauses.
    row("After Kazakhstan appealed to the CSTO on 5 January, the bloc's leaders agreed within "
        "hours to send peacekeepers.",
        {ev("appeal", "KAZ", "CSTO"), ev("decision", "CSTO", "KAZ")},
        id="en-p-temporal-after-appeal", xfail="target from another clause"),

    # Negation on the governing verb or noun.
    row("Armenia made no request to the CSTO for military assistance during the Karabakh war, "
        "the organization's secretariat said.",
        {ev("appeal", "ARM", "CSTO", polarity="negative", source="CSTO")},
        id="en-p-neg-made-no-request"),
    row("No request for help has been received from Moscow over the fighting in the Kursk "
        "region, the CSTO secretariat said.",
        {ev("appeal", "RUS", "CSTO", polarity="negative", source="CSTO")},
        id="en-p-neg-no-request-received", xfail="governing negation"),
    row("Tajik President Emomali Rahmon did not ask Russia to send troops to the Afghan border, "
        "his spokesman said.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="TJK")},
        id="en-p-neg-content-request", xfail="late speaker"),
    row("Romania has so far not invoked Article 4, despite repeated drone incursions into its "
        "airspace.",
        {ev("appeal", "ROU", "NATO", polarity="negative")}, id="en-p-neg-so-far-not-invoked"),

    # Not X but Y.
    row("Yerevan turned not to the CSTO but directly to Moscow, citing the 1997 bilateral treaty.",
        {ev("appeal", "ARM", "RUS"), ev("appeal", "ARM", "CSTO", polarity="negative")},
        id="en-p-not-x-but-y"),
    row("It was to Moscow, not to the CSTO, that Yerevan turned for help in the autumn of 2020.",
        {ev("appeal", "ARM", "RUS"), ev("appeal", "ARM", "CSTO", polarity="negative")},
        id="en-p-cleft-not-x", xfail="not X but Y"),

    # Attribution, readiness, conditions on the actor's own act.
    row("According to the Armenian foreign ministry, Yerevan sent a formal request for help to "
        "the CSTO on Tuesday night.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="en-p-according-to-ministry"),
    row("If asked, Moscow is ready to send troops to protect Tajikistan's border with "
        "Afghanistan, Kremlin spokesman Dmitry Peskov said.",
        {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")},
        id="en-p-offer-if-asked-send-troops", xfail="target in modifier"),
    row("Kyrgyzstan allegedly asked Moscow to move additional forces to the Kant air base, local "
        "media said.",
        {ev("appeal", "KGZ", "RUS", modality="uncertain", source="media")},
        id="en-p-hedge-allegedly", xfail="content of request"),
    row("Moscow has received no request from Dushanbe for troops, Kremlin spokesman Dmitry "
        "Peskov told reporters.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="RUS")},
        id="en-p-neg-addressee-received-none"),
    row("The Russian foreign ministry reaffirmed Moscow's readiness to help Yerevan should the "
        "fighting spill over onto Armenian soil.",
        {ev("offer", "RUS", "ARM", modality="conditional", source="RUS")},
        id="en-p-confirm-readiness", xfail="nominal event"),
    row("Tajikistan will turn to the CSTO if the attacks from Afghan territory continue, Tajik "
        "Foreign Minister Sirojiddin Muhriddin said.",
        {ev("appeal", "TJK", "CSTO", modality="conditional", source="TJK")},
        id="en-p-conditional-appeal"),


    # The addressee of a request noun through an addressing verb; a title that names its
    # state by what it is ("the head of state") after a quotation; a colon after a speech verb.
    row("Kazakhstan's request was addressed to the CSTO, not to Russia.",
        {ev("appeal", "KAZ", "CSTO"), ev("appeal", "KAZ", "RUS", polarity="negative")},
        id="en-p-appeal-addressed-contrast"),
    row("The request for help was sent by Kyrgyzstan to Moscow.",
        {ev("appeal", "KGZ", "RUS")}, id="en-p-appeal-passive-sent-to"),
    row("President Kassym-Jomart Tokayev gave an interview on Monday. \"Let me stress this again: "
        "we appealed to the CSTO, not to Russia,\" the head of state said.",
        {ev("appeal", "KAZ", "CSTO", source="KAZ"), ev("appeal", "KAZ", "RUS", polarity="negative", source="KAZ")},
        id="en-p-appeal-title-anaphora-after-quote"),
    row("\"The CSTO contingent acted strictly within its mandate. The contingent left the country "
        "ahead of schedule,\" said Kazakh President Kassym-Jomart Tokayev.",
        {ev("withdrawal", "CSTO", "KAZ", source="KAZ")}, id="en-p-withdrawal-force-named-before-host-speaks"),
    row("In the event of an attack on Armenia, Russia is ready to send its troops there.",
        {ev("offer", "RUS", "ARM", modality="conditional")},
        optional={ev("deployment", "RUS", "ARM", modality="conditional")},
        id="en-p-offer-readiness-to-move-troops"),
    row("NATO ambassadors will meet on Thursday, because Estonia has asked for consultations "
        "under Article 4.",
        {ev("consultation", "NATO", "EST", modality="intended"), ev("appeal", "EST", "NATO")},
        id="en-p-consultation-gather-because"),
    row("Gathered in Brussels, EU leaders discussed how to respond if a member state were ever to "
        "invoke Article 42.7.",
        set(), id="en-p-gather-hypothetical-article"),
    row("On Friday the defence ministers of the member states of the CSTO will hold emergency "
        "consultations in Moscow to discuss Tajikistan's request for help.",
        {ev("consultation", "CSTO", "TJK", modality="intended"), ev("appeal", "TJK", "CSTO")},
        id="en-p-consultation-member-officials-purpose-presupposes"),
    row("To the CSTO, Yerevan never turned for help, the Armenian foreign ministry said.",
        {ev("appeal", "ARM", "CSTO", polarity="negative", source="ARM")},
        id="en-p-appeal-addressee-fronted-negated", xfail="phrasal appeal verb with its 'to' phrase fronted"),
    row("After the drone incursion, NATO invoked Article 4 for Poland.",
        {ev("consultation", "NATO", "POL")}, optional={ev("decision", "NATO", "POL")},
        id="en-p-consultation-alliance-invokes-consultation-article"),
    row("NATO invoked Article 5 for the first time after the attacks on the United States.",
        {ev("decision", "NATO", "USA")},
        id="en-p-decision-alliance-invokes-assistance-article"),
    row("Leaders at the CSTO summit in Minsk adopted 12 decisions on military cooperation.",
        set(), id="en-p-decision-tally-of-papers"),
    row("After the drone incident over Poland, the alliance plans to deploy additional air-defence "
        "units on its eastern flank.",
        set(), id="en-p-deployment-own-ground-no-host"),
    row("Kremlin spokesman Dmitry Peskov confirmed that Russia has started pulling its "
        "\"peacekeeping\" contingent out of Nagorno-Karabakh.",
        {ev("withdrawal", "RUS", "AZE", source="RUS")}, id="en-p-withdrawal-out-of-region-scare-quotes"),
    row("Moscow pulled its remaining troops back out of Syunik on Friday.",
        {ev("withdrawal", "RUS", "ARM")}, id="en-p-withdrawal-particle-after-object"),
    # Nothing: questions, exercise scenarios, treaty and procedure text.
    row("Will the CSTO send peacekeepers to Tajikistan if the border situation keeps worsening?",
        set(), id="en-p-question-direct"),
    row("Reporters asked the CSTO secretary general whether Dushanbe had requested help.",
        set(), id="en-p-question-indirect"),
    row("Under the exercise scenario, Tajikistan asks the CSTO for help and collective forces "
        "are airlifted to the Afghan border.",
        set(), id="en-p-exercise-scenario"),
    row("Under Article 4 of the treaty, at the request of the member that has been attacked, the "
        "other members immediately provide it with the necessary assistance.",
        set(), id="en-p-treaty-text"),
]


def test_table_uses_spec_values():
    check_table(CASES)


def test_table_is_large_enough():
    assert len(CASES) >= 45


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_paraphrase_en(text, expected, optional):
    assert_extracts(text, "en", expected, optional)
