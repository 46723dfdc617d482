"""Passive predicates and their agents (frames._passive_agent, _predicate_after) and a sent
request that is no force (triggers._sends_a_request)."""

import pytest

from event_keys import event_key


def _keys(text):
    from treatywatch.extract import extract_text
    return {event_key(e)[:5] for e in extract_text(text)}


@pytest.mark.parametrize("text, key", [
    ("Помощь у ОДКБ была запрошена временным правительством Киргизии в ночь на 12 июня.",
     ("appeal", "KGZ", "CSTO", "positive", "actual")),
    ("Официальный запрос о вводе миротворцев был направлен Казахстаном в ОДКБ.",
     ("appeal", "KAZ", "CSTO", "positive", "actual")),
    ("Офіційний запит про введення миротворців було надіслано Казахстаном до ОДКБ.",
     ("appeal", "KAZ", "CSTO", "positive", "actual")),
    ("Армении была обещана вся необходимая поддержка со стороны Москвы, если бои перекинутся на её территорию.",
     ("offer", "RUS", "ARM", "positive", "conditional")),
    ("Вірменії було обіцяно всю необхідну підтримку з боку Москви, якщо бої перекинуться на її територію.",
     ("offer", "RUS", "ARM", "positive", "conditional")),
    ("Решение о направлении в Казахстан миротворческого контингента было принято главами государств ОДКБ единогласно.",
     ("decision", "CSTO", "KAZ", "positive", "actual")),
    ("Рішення про направлення миротворців до Казахстану було ухвалено главами держав ОДКБ одноголосно.",
     ("decision", "CSTO", "KAZ", "positive", "actual")),
    ("Два зенитных дивизиона были переброшены в Турцию Нидерландами.", ("deployment", "NLD", "TUR", "positive", "actual")),
])
def test_a_passive_predicate_takes_its_agent_as_actor(text, key):
    assert key in _keys(text)


@pytest.mark.parametrize("text", [
    "Официальный запрос о вводе миротворцев был направлен Казахстаном в ОДКБ.",
    "Офіційний запит про введення миротворців було надіслано Казахстаном до ОДКБ.",
    "Kazakhstan sent a formal request for peacekeepers to the CSTO.",
    "Армения направила в ОДКБ запрос о помощи.",
])
def test_a_sent_request_is_no_deployment(text):
    assert "deployment" not in {k[0] for k in _keys(text)}


def test_a_force_sent_at_a_request_is_still_a_deployment():
    keys = _keys("Тоді на прохання президента Казахстану до Казахстану направили колективні миротворчі сили ОДКБ.")
    assert ("deployment", "CSTO", "KAZ", "positive", "actual") in keys


def test_a_passive_list_of_contributors():
    from treatywatch.extract import shared_extractor
    from treatywatch.ingest import doc_from_text

    story = ("NATO agreed to deploy air defences to Turkey. "
             "The Patriot missiles are expected to be provided by the U.S., Germany and the Netherlands.")
    keys = {e.key for e in shared_extractor().extract(doc_from_text("<t>", story))}
    assert {("deployment", s, "TUR", "positive", "intended") for s in ("USA", "DEU", "NLD")} <= keys


@pytest.mark.parametrize("text", [
    "Генсек рассказал о ходе выполнения решения СКБ ОДКБ о направлении в Казахстан миротворческих сил.",
    "Генсек розповів про хід виконання рішення Ради колективної безпеки ОДКБ про направлення до Казахстану миротворчих сил.",
])
def test_a_decision_noun_s_owner_decides(text):
    keys = _keys(text)
    assert ("decision", "CSTO", "KAZ", "positive", "actual") in keys
    assert not any(k[0] == "deployment" for k in keys)
