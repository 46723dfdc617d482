"""What makes a meeting a consultation, an invoked clause a decision, and a habit no event.

- A meeting of an alliance's body is a consultation when it is urgent or convened over a
  situation or a request; a summit or session with no crisis named is routine.
- Talks by phone between officials are a call, not a session (spec: private calls).
- An organization invoking its own clause decides that it applies (outcome `invoke`);
  members invoking it ask.
- "sometimes", "обычно", "іноді": a habit, not an episode.
"""

import pytest


@pytest.mark.parametrize("text", [
    "В Бишкеке состоялся саммит ОДКБ.",
    "Вопросы сотрудничества прошли рассмотрение на заседаниях органов ОДКБ.",
    "Генсек ОДКБ и глава МИД Армении обсудили по телефону ситуацию на границе.",
    "Генсек ОДКБ і міністр оборони Таджикистану обговорили телефоном обстановку на кордоні.",
    "The CSTO Secretary General discussed the border situation with Armenia's foreign minister by phone.",
    "В Астане прошёл саммит ОДКБ, на котором обсуждали бюджет организации.",
    "У Мінську відбувся саміт ОДКБ.",
    "A NATO summit took place in Vilnius.",
    "In similar cases NATO allies sometimes invoked the article and sometimes did not.",
    "Обычно Россия направляет миротворцев в зону конфликта по мандату ОДКБ.",
    "Іноді союзники зверталися до НАТО за статтею 4, але не завжди.",
])
def test_routine_meetings_calls_and_habits_give_no_event(text):
    from treatywatch.extract import extract_text

    assert [e.key for e in extract_text(text)] == []


@pytest.mark.parametrize("text, key", [
    ("Внеочередное заседание Совета коллективной безопасности ОДКБ по ситуации в Армении прошло в режиме видеоконференции.",
     ("consultation", "CSTO", "ARM", "positive", "actual")),
    ("Члены ОДКБ обсудили обстановку в Таджикистане на экстренной сессии.", ("consultation", "CSTO", "TJK", "positive", "actual")),
    ("NATO ambassadors met in an emergency session over the drone incident in Poland.",
     ("consultation", "NATO", "POL", "positive", "actual")),
    ("NATO invoked Article 5 for the first time after the attacks on the United States.",
     ("decision", "NATO", "USA", "positive", "actual")),
])
def test_urgent_sessions_and_invoked_clauses(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


def test_an_organization_invoking_its_clause_decides_with_outcome_invoke():
    from treatywatch.extract import extract_text

    events = extract_text("NATO invoked Article 5 for the first time after the attacks on the United States.")
    assert [(e.type, e.outcome) for e in events if e.actor == "NATO"] == [("decision", "invoke")]
    assert not [e for e in events if e.type == "appeal" and e.target == "NATO"]


def test_members_invoking_the_clause_ask_the_alliance():
    from treatywatch.extract import extract_text

    keys = {e.key for e in extract_text("Eight eastern allies triggered NATO consultations under Article 4.")}
    assert not any(k[0] == "decision" for k in keys)


@pytest.mark.parametrize("text", [
    "Asked whether Azerbaijan had declared war on Armenia, the minister declined to answer.",
    "Журналисты спросили, обратится ли Армения к ОДКБ за помощью.",
    "Ухвалили 15 рішень щодо співпраці держав ОДКБ.",
    "In many NATO countries the leadership is not prepared to take decisive steps.",
    "Президент Молдавии выступила за вывод из Приднестровья российских войск.",
    "The opposition called for the withdrawal of Russian troops from Moldova.",
])
def test_questions_tallies_vague_readiness_and_calls_give_no_event(text):
    from treatywatch.extract import extract_text

    assert [e.key for e in extract_text(text)] == []


@pytest.mark.parametrize("text, key", [
    ("The European Union voiced its readiness to give France all the aid and assistance required.",
     ("offer", "EU", "FRA", "positive", "conditional")),
    ("Таджикистан и Киргизия «в конфиденциальном порядке» выразили готовность оказать России военную помощь.",
     ("offer", "KGZ", "RUS", "positive", "conditional")),
])
def test_readiness_nouns_and_quoted_phrases(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


@pytest.mark.parametrize("text", [
    "The alliance put its forces on higher readiness to protect all allies.",
    "Войска ОДКБ приведены в повышенную боевую готовность.",
    "Альянс підвищує бойову готовність своїх військ.",
])
def test_an_alert_level_is_no_offer(text):
    from treatywatch.extract import extract_text

    assert "offer" not in {e.type for e in extract_text(text)}


@pytest.mark.parametrize("text, key", [
    ("Москва поможет Душанбе защитить границу с Афганистаном, заявили в ОДКБ.", ("offer", "RUS", "TJK", "positive", "conditional")),
    ("Москва допоможе Душанбе захистити кордон з Афганістаном, заявили в ОДКБ.", ("offer", "RUS", "TJK", "positive", "conditional")),
    ("Russia will help Tajikistan protect its border with Afghanistan.", ("offer", "RUS", "TJK", "positive", "conditional")),
])
def test_a_promise_to_help_a_named_party_is_an_offer(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


@pytest.mark.parametrize("text, key", [
    ("A Kenyan-led mission to restore stability in Haiti won the backing of the UN Security Council on Monday.",
     ("decision", "UN", "HTI", "positive", "actual")),
    ("Просьба Армении получила одобрение Совета коллективной безопасности ОДКБ.", ("decision", "CSTO", "ARM", "positive", "actual")),
    ("Прохання Вірменії отримало схвалення Ради колективної безпеки ОДКБ.", ("decision", "CSTO", "ARM", "positive", "actual")),
])
def test_winning_a_body_s_backing_is_its_decision(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}
