"""English parts of speech (extract/lang/en_pos.py): the hand-tagged table, the decisions
the triggers depend on, razdel's cuts, headlines, and the tokens segment() hands on.

    PYTHONPATH=src:tests python tests/test_en_pos.py     # the table's figures (docs/architecture.md)
"""

from __future__ import annotations

import threading

import pytest

from en_pos_table import DEVELOPMENT, HELD_OUT, parse_row
from event_keys import assert_extracts, case, check_table, ev
from treatywatch.extract.lang import Morph, tokenize
from treatywatch.extract.lang import en_pos
from treatywatch.extract.lang.en_pos import EnglishTagger
from treatywatch.extract.segment import segment
from treatywatch.model import Doc

VERB_FORMS = {"VERB", "INFN", "PRTS", "PRTF", "GRND"}
# the words whose noun or verb reading decides whether a trigger fires (triggers.py)
TRIGGER_WORDS = {"request", "appeal", "call", "turn", "deploy", "withdraw", "support", "aid", "offer", "help",
                 "ask", "send", "invoke", "decision", "plan"}


@pytest.fixture(scope="module")
def tagger() -> EnglishTagger:
    return EnglishTagger()


def score(tagger: EnglishTagger, rows: list[str]) -> tuple[int, int, list[str]]:
    """(words, right, errors) over the rows' word tokens (punctuation and figures aside)."""
    words = right = 0
    errors = []
    for row in rows:
        items = parse_row(row)
        for (word, pos, tense), tag in zip(items, tagger.tag([w for w, _, _ in items])):
            if not any(ch.isalpha() for ch in word):
                continue
            words += 1
            if tag.pos == pos and (tense is None or tense in tag.grams):
                right += 1
            else:
                errors.append(f"{word}: {pos}{'.' + tense if tense else ''} -> {tag.pos} ({tag.penn})")
    return words, right, errors


def trigger_word_decisions(tagger: EnglishTagger, rows: list[str]) -> tuple[int, int]:
    """(decisions, right): noun or verb for the table's trigger words, the call triggers.py makes."""
    from simplemma import lemmatize

    seen = right = 0
    for row in rows:
        items = parse_row(row)
        for (word, pos, _), tag in zip(items, tagger.tag([w for w, _, _ in items])):
            if lemmatize(word.lower(), lang="en") in TRIGGER_WORDS or word.lower() in TRIGGER_WORDS:
                seen += 1
                right += (pos in VERB_FORMS) == (tag.pos in VERB_FORMS) and (pos == "NOUN") == (tag.pos == "NOUN")
    return seen, right


def test_table_is_large_enough_and_well_formed():
    words = [w for row in DEVELOPMENT + HELD_OUT for w, _, _ in parse_row(row) if any(c.isalpha() for c in w)]
    assert len(words) >= 400
    tags = {pos for row in DEVELOPMENT + HELD_OUT for _, pos, _ in parse_row(row)}
    assert tags <= {"NOUN", "VERB", "INFN", "PRTS", "PRTF", "GRND", "ADJF", "COMP", "ADVB", "PREP", "CONJ",
                    "PRCL", "NPRO", "NUMR", None}


def test_development_rows_accuracy(tagger):
    words, right, errors = score(tagger, DEVELOPMENT)
    assert right / words >= 0.97, errors  # measured 0.982 (268 of 273); Brill alone 0.949


def test_held_out_rows_accuracy(tagger):
    words, right, errors = score(tagger, HELD_OUT)
    assert right / words >= 0.96, errors  # measured 0.979 (142 of 145); Brill alone 0.972


def test_corrections_do_better_than_brill_alone(tagger, monkeypatch):
    _, with_rules, _ = score(tagger, DEVELOPMENT + HELD_OUT)
    monkeypatch.setattr(en_pos, "CORRECTIONS", ())  # Brill (contextual rules kept to a word's forms) + mapping
    _, brill_only, _ = score(tagger, DEVELOPMENT + HELD_OUT)
    assert with_rules > brill_only


# (sentence, word, expected part of speech[, a grammeme it must carry]) - one decision each
DECISIONS = [
    # noun or verb: the same word in both roles
    ("Belgrade made a formal request for help .", "request", "NOUN"),
    ("Belgrade may request help from its allies .", "request", "INFN"),
    ("They request an urgent meeting .", "request", "VERB"),
    ("Warsaw requests consultations", "requests", "VERB"),
    ("Requests for troops went unanswered .", "Requests", "NOUN"),
    ("The appeal reached Moscow on Friday .", "appeal", "NOUN"),
    ("Dushanbe will appeal to the bloc .", "appeal", "INFN"),
    ("Bishkek appealed to its allies for support .", "appealed", "VERB", "past"),
    ("Their call for troops was ignored .", "call", "NOUN"),
    ("Ministers called for calm .", "called", "VERB", "past"),
    ("The government turned to Moscow .", "turned", "VERB", "past"),
    ("It was a turn for the worse .", "turn", "NOUN"),
    ("Allies pledged their support .", "support", "NOUN"),
    ("Allies agreed to support Estonia .", "support", "INFN"),
    ("Italy offered aid to the region .", "aid", "NOUN"),
    ("Italy promised to aid Albania .", "aid", "INFN"),
    ("The offer was withdrawn a day later .", "offer", "NOUN"),
    ("Hungary offers help , Austria sends engineers", "offers", "VERB", "pres"),
    ("Lithuania asked for help on Monday .", "help", "NOUN"),
    ("Lithuania asked the alliance to help .", "help", "INFN"),
    ("Oslo requested help from the EU .", "help", "NOUN"),
    ("The bloc helped secure the airport .", "secure", "VERB"),
    ("The decision to deploy was taken late .", "deploy", "INFN"),
    ("Moscow plans to withdraw its units .", "plans", "VERB", "pres"),
    ("The plans were shelved .", "plans", "NOUN"),
    # past tense, participle, adjective
    ("Minsk sent troops to the border .", "sent", "VERB", "past"),
    ("Troops were sent to the border .", "sent", "PRTS", "pssv"),
    ("Troops sent by Minsk reached the border .", "sent", "PRTF"),
    ("Moscow has sent more troops .", "sent", "VERB", "perf"),
    ("The troops deployed there would return in May .", "deployed", "PRTF"),
    ("Russia deployed paratroopers overnight .", "deployed", "VERB", "past"),
    ("The requested equipment arrived on Sunday .", "requested", "PRTF"),
    ("The council , which offered aid , met again .", "offered", "VERB", "past"),
    ("The bloc refused to intervene .", "refused", "VERB", "past"),
    ("Armed men seized the building .", "Armed", "ADJF"),
    # auxiliaries, modals, negation, infinitives
    ("Serbia will not send troops .", "will", "VERB", "Aux"),
    ("Serbia will not send troops .", "send", "INFN"),
    ("Serbia will not send troops .", "not", "PRCL"),
    ("Athens is sending two frigates .", "sending", "VERB"),
    ("Athens is sending two frigates .", "is", "VERB", "Aux"),
    ("Athens began withdrawing its frigates .", "withdrawing", "GRND"),
    ("Talks over sending frigates stalled .", "sending", "NOUN"),
    ("Sending troops was never discussed .", "Sending", "NOUN"),
    ("Citing the treaty , Sofia asked for help .", "Citing", "GRND"),
    ("Kyiv wants to join the alliance .", "to", "PRCL"),
    ("Kyiv turned to the alliance .", "to", "PREP"),
    ("Officials said that Riga had asked .", "that", "CONJ"),
]


@pytest.mark.parametrize("decision", DECISIONS, ids=[f"{d[1]}-{d[2]}-{i}" for i, d in enumerate(DECISIONS)])
def test_decision(tagger, decision):
    sentence, word, pos, *gram = decision
    words = sentence.split()
    tag = tagger.tag(words)[words.index(word)]
    assert tag.pos == pos, (sentence, tag)
    assert set(gram) <= tag.grams, (sentence, tag)


def test_razdel_cuts_of_apostrophes_and_initials(tagger):
    words = [t.text for t in tokenize("Kazakhstan's leader didn't ask the U.S. for troops.")]
    assert words[:7] == ["Kazakhstan", "'", "s", "leader", "didn", "'", "t"]
    tags = dict(enumerate(tagger.tag(words)))
    assert tags[0].pos == "NOUN" and tags[1].pos is None and tags[2].pos == "PRCL" and "Poss" in tags[2].grams
    assert tags[3].pos == "NOUN"
    assert tags[4].pos == "VERB" and "past" in tags[4].grams  # "did"
    assert tags[6].pos == "PRCL"  # "n't"
    assert tags[7].pos == "INFN"  # "ask"
    u = words.index("U")
    assert tags[u].pos == "NOUN" and tags[u + 1].pos is None
    assert tagger.tag(["It", "'", "s", "over"])[2].pos == "VERB"  # "it's" = it is


def test_headlines_in_capitals_and_title_case(tagger):
    caps = tagger.tag("LATVIA ASKS NATO FOR HELP".split())
    assert [t.pos for t in caps] == ["NOUN", "VERB", "NOUN", "PREP", "NOUN"]
    title = tagger.tag("Estonia Requests Consultations After Drone Crash".split())
    assert title[1].pos == "VERB" and title[2].pos == "NOUN" and title[3].pos == "PREP"
    assert "Prop" in tagger.tag("Turkey requests consultations".split())[0].grams  # a name, not the bird


def test_figures_and_punctuation_have_no_part_of_speech(tagger):
    tags = tagger.tag(["On", "4", "March", ",", "2,500", "troops", "left", "."])
    assert tags[1].pos is None and "NUMB" in tags[1].grams  # the lexicon has "4" as IN
    assert [tags[3].pos, tags[4].pos, tags[7].pos] == [None, None, None]
    assert tagger.tag([]) == []


def test_morph_tags_english_sentences_only():
    morph = Morph()
    assert morph.tag_sentence(["Россия", "направила", "войска"], "ru") is None
    tags = morph.tag_sentence(["Russia", "sent", "troops"], "en")
    assert [pos for pos, _ in tags] == ["NOUN", "VERB", "NOUN"]


def test_segment_gives_english_tokens_their_tags_and_keeps_lemmas():
    morph = Morph()
    doc = Doc(id="t", text="Moldova asked the EU for help. The request was granted.", lang="en")
    first, second = segment(doc, morph)
    assert [(t.text, t.pos) for t in first.tokens][:5] == [
        ("Moldova", "NOUN"), ("asked", "VERB"), ("the", "ADJF"), ("EU", "NOUN"), ("for", "PREP")]
    assert first.tokens[1].lemma == "ask" and "past" in first.tokens[1].grams
    assert second.tokens[1].pos == "NOUN" and second.tokens[3].pos == "PRTS"
    ru = segment(Doc(id="r", text="Армения обратилась в ОДКБ.", lang="ru"), morph)[0]
    assert ru.tokens[1].pos == "VERB" and "femn" in ru.tokens[1].grams  # pymorphy3's, untouched


def test_contextual_rules_give_what_textblob_gives(tagger):
    """_apply_context is textblob's Context.apply made faster: the same tags on every row."""
    lexicon, find_lexical_tags, rules = tagger.brill
    for row in DEVELOPMENT + HELD_OUT + [d[0] for d in DECISIONS]:
        tagged = find_lexical_tags([w for w, _, _ in parse_row(row)] if "/" in row else row.split())
        theirs = lexicon.context.apply([list(t) for t in tagged])
        assert en_pos._apply_context(rules, tagged) == [list(t) for t in theirs], row


# What the tags decide downstream: a report word as noun or verb (denials, attribution).
DOWNSTREAM = [
    case("The Kazakh defence ministry reported that the CSTO had sent peacekeepers to Almaty.",
         {ev("deployment", "CSTO", "KAZ", source="KAZ")}, id="ministry-reported-verb"),
    case("Local media reported that Bishkek had requested CSTO peacekeepers.",
         {ev("appeal", "KGZ", "CSTO", modality="uncertain", source="media")}, id="media-reported-verb"),
    case("Several bloggers claimed that Yerevan had requested Russian troops.",
         {ev("appeal", "ARM", "RUS", modality="uncertain", source="media")}, id="bloggers-claimed-verb"),
    case("Lithuania's call for consultations under Article 4 was answered within hours.",
         {ev("appeal", "LTU", "NATO")}, id="call-noun-not-speech"),
]


def test_downstream_table_uses_spec_values():
    check_table(DOWNSTREAM)


@pytest.mark.parametrize("text, expected, optional", DOWNSTREAM)
def test_downstream(text, expected, optional):
    assert_extracts(text, "en", expected, optional)


def test_one_tagger_serves_many_threads(tagger):
    rows = [[w for w, _, _ in parse_row(row)] for row in DEVELOPMENT + HELD_OUT]
    expected = [tagger.tag(words) for words in rows]
    results: list[list] = [None] * 8
    def work(n: int) -> None:
        results[n] = [tagger.tag(words) for words in rows]
    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


if __name__ == "__main__":
    shared = EnglishTagger()
    for name, rows in (("development", DEVELOPMENT), ("held out", HELD_OUT), ("all", DEVELOPMENT + HELD_OUT)):
        words, right, errors = score(shared, rows)
        seen, decided = trigger_word_decisions(shared, rows)
        saved, en_pos.CORRECTIONS = en_pos.CORRECTIONS, ()
        _, brill, _ = score(shared, rows)
        b_seen, b_decided = trigger_word_decisions(shared, rows)
        en_pos.CORRECTIONS = saved
        print(f"{name:<12} words {words:>4}  tagger {right / words:.3f}  Brill+mapping {brill / words:.3f}  "
              f"trigger words noun/verb {decided}/{seen} (Brill {b_decided}/{b_seen})")
        for e in errors:
            print("    ", e)
