"""extract/contrast.py: a negator on an argument ("not to X but to Y") and exercise
scenarios (pipeline: a scenario's story gives no event)."""

import pytest

from event_keys import event_key


def _keys(text):
    from treatywatch.extract import extract_text
    return {event_key(e) for e in extract_text(text)}


@pytest.mark.parametrize("text", [
    "Ереван обратился за помощью не к ОДКБ, а напрямую к Москве.",
    "Ереван обратился за помощью к Москве, а не к ОДКБ.",
    "Єреван звернувся по допомогу не до ОДКБ, а безпосередньо до Москви.",
    "Єреван звернувся по допомогу до Москви, а не до ОДКБ.",
    "Yerevan turned not to the CSTO but directly to Moscow, citing the bilateral treaty.",
    "Yerevan turned to Moscow for help, not to the CSTO.",
])
def test_not_x_but_y_gives_a_negated_and_a_positive_appeal(text):
    keys = _keys(text)
    assert ("appeal", "ARM", "CSTO", "negative", "actual", None) in keys
    assert ("appeal", "ARM", "RUS", "positive", "actual", None) in keys
    assert ("appeal", "ARM", "CSTO", "positive", "actual", None) not in keys


@pytest.mark.parametrize("text", [
    "ОДКБ направила в Армению не войска, а миссию наблюдателей.",
    "ОДКБ направила до Вірменії не війська, а місію спостерігачів.",
    "The CSTO sent not troops but a fact-finding mission to Armenia.",
])
def test_not_troops_but_a_mission_is_a_decision_to_send_a_mission(text):
    from treatywatch.extract import extract_text

    events = extract_text(text)
    assert [(e.type, e.outcome) for e in events] == [("decision", "mission")]


def test_a_plain_list_of_addressees_is_no_contrast():
    keys = _keys("Armenia asked Russia and the CSTO for help.")
    assert {k[2] for k in keys if k[0] == "appeal" and k[3] == "positive"} == {"RUS", "CSTO"}


@pytest.mark.parametrize("text", [
    "По замыслу учений Таджикистан обращается к ОДКБ за помощью, и коллективные силы перебрасываются на границу.",
    "За задумом навчань Таджикистан звертається до ОДКБ по допомогу.",
    "Under the exercise scenario, Kyrgyzstan asks the CSTO for help and collective forces are airlifted in.",
])
def test_an_exercise_scenario_gives_no_event(text):
    assert _keys(text) == set()


@pytest.mark.parametrize("text", [
    "Армения обратилась за помощью не только к России, но и к ОДКБ.",
    "Armenia turned not only to Russia but also to the CSTO for help.",
])
def test_not_only_but_also_is_no_contrast(text):
    keys = _keys(text)
    assert not any(k[3] == "negative" for k in keys)


@pytest.mark.parametrize("text", [
    "The CSTO sends a mission, not troops, to Armenia.",
    "ОДКБ направит в Армению миссию, а не войска.",
])
def test_a_mission_not_troops_is_a_decision_to_send_a_mission(text):
    from treatywatch.extract import extract_text

    assert [(e.type, e.outcome) for e in extract_text(text)] == [("decision", "mission")]


@pytest.mark.parametrize("text, key", [
    ("Кремль не стал вводить войска в Киргизию.", ("decision", "RUS", "KGZ", "positive", "actual")),
    ("Кремль не став вводити війська до Киргизстану.", ("decision", "RUS", "KGZ", "positive", "actual")),
    ("Россия не направляла в Армению войска во время боёв.", ("deployment", "RUS", "ARM", "negative", "actual")),
])
def test_chose_not_to_send_is_a_refusal_did_not_send_is_a_negated_move(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}
