"""National contingents listed in one sentence (extract/contingents.py, frames._force_owner):
gapped lists with their own numbers, and a force noun followed by its states."""

import pytest


def _moves(text):
    from treatywatch.extract import extract_text
    return {(e.type, e.actor, e.target, e.polarity, e.modality, e.size) for e in extract_text(text)}


@pytest.mark.parametrize("text, sizes", [
    ("Russia sent about 3,000 troops to Kazakhstan, Belarus around 500, Tajikistan 200 and Armenia 100.",
     {"RUS": 3000, "BLR": 500, "TJK": 200, "ARM": 100}),
    ("Россия направила в Казахстан около 3000 военнослужащих, Белоруссия — около 500, Армения — 100.",
     {"RUS": 3000, "BLR": 500, "ARM": 100}),
    ("Росія направила до Казахстану близько 3000 військових, Білорусь — близько 500, Таджикистан — 200.",
     {"RUS": 3000, "BLR": 500, "TJK": 200}),
    ("Россия выведет из Казахстана 3000 военнослужащих, Белоруссия — 500.",
     {"RUS": 3000, "BLR": 500}),
])
def test_a_gapped_list_gives_each_state_its_own_contingent(text, sizes):
    moves = _moves(text)
    kind = next(iter(moves))[0]
    assert {(m[1], m[5]) for m in moves} == set(sizes.items())
    assert all(m[0] == kind and m[2] == "KAZ" for m in moves)


def test_a_gapped_list_keeps_the_movement_s_modality():
    moves = _moves("Россия направит в Казахстан 3000 военнослужащих, Белоруссия — около 500.")
    assert {m[4] for m in moves} == {"intended"}


def test_several_hosts_are_no_gapped_list():
    moves = _moves("The United States deployed 3,000 troops to Poland and Romania.")
    assert {(m[1], m[2]) for m in moves} == {("USA", "POL"), ("USA", "ROU")}


@pytest.mark.parametrize("text", [
    "Contingents from Russia, Belarus and Armenia arrived in Kazakhstan on Friday.",
    "В Казахстан прибыли контингенты России, Белоруссии и Армении.",
    "До Казахстану прибули контингенти Росії, Білорусі та Вірменії.",
])
def test_a_force_noun_followed_by_its_states(text):
    moves = _moves(text)
    assert {(m[0], m[1], m[2]) for m in moves} == {("deployment", s, "KAZ") for s in ("RUS", "BLR", "ARM")}


@pytest.mark.parametrize("text, key", [
    ("Ввод российских войск в Казахстан вызвал споры в парламенте.", ("deployment", "RUS", "KAZ", "positive", "actual")),
    ("Введення російських військ до Казахстану викликало суперечки в парламенті.", ("deployment", "RUS", "KAZ", "positive", "actual")),
    ("The deployment of German Patriot batteries to Turkey drew criticism in the Bundestag.",
     ("deployment", "DEU", "TUR", "positive", "actual")),
    ("Переброска армянского миротворческого подразделения в Казахстан начнётся в пятницу.",
     ("deployment", "ARM", "KAZ", "positive", "intended")),
])
def test_a_nominal_deployment_is_a_deployment(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


@pytest.mark.parametrize("text", [
    "Минск и Москва договорились о переброске российских войск в Белоруссию в случае угрозы.",
    "Мінськ і Москва мають домовленість про перекидання російських військ до Білорусі.",
    "Министерство не уполномочено решать вопрос о направлении воинского контингента в Казахстан.",
    "Tajikistan is discussing with Russia the deployment of Russian troops to its border.",
    "Парламент Киргизии одобрил отправку военных в Казахстан.",
])
def test_a_nominal_deployment_that_is_agreed_asked_or_discussed_is_no_deployment(text):
    from treatywatch.extract import extract_text

    assert "deployment" not in {e.type for e in extract_text(text)}


def test_the_contingent_named_again_is_the_same_force():
    from treatywatch.extract import shared_extractor
    from treatywatch.ingest import doc_from_text

    story = ("Контингент ОДКБ прибыл в Казахстан в январе. В те дни он охранял аэропорты. "
             "Как и было условлено, контингент ушёл из страны раньше срока.")
    keys = {e.key for e in shared_extractor().extract(doc_from_text("<t>", story))}
    assert ("withdrawal", "CSTO", "KAZ", "positive", "actual") in keys


def test_first_person_acts_for_the_story_s_state():
    from treatywatch.extract import shared_extractor
    from treatywatch.ingest import doc_from_text

    story = ("Президент Казахстана дал интервью газете. «Когда мы обращались в ОДКБ за помощью, "
             "председателем организации была Армения», — сказал он.")
    keys = {e.key[:3] for e in shared_extractor().extract(doc_from_text("<t>", story))}
    assert ("appeal", "KAZ", "CSTO") in keys and ("appeal", "ARM", "CSTO") not in keys
