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
