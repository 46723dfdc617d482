"""Clause structure per language, as golden renderings (extract/clauses.py `Clauses.render`):
one line per clause, its kind first; condition spans in {braces}.

    main  a main or complement clause        cond  a conditional clause put first
    rel   a relative or participial clause   cont  a main clause resumed after a relative one
"""

import pytest

from treatywatch.extract.clauses import split_clauses
from treatywatch.extract.lexicon import load_lexicon
from treatywatch.extract.segment import segment
from treatywatch.ingest import doc_from_text


@pytest.fixture(scope="module")
def morph():
    from treatywatch.extract.lang.morph import Morph
    return Morph()


ROWS = [
    ("ru", "Если Душанбе попросит, Россия направит войска.",
     """cond: {Если Душанбе попросит} ,
main: Россия направит войска ."""),
    ("ru", "Заседание, созванное по просьбе Эстонии, продлится до вечера.",
     """main: Заседание ,
rel: созванное по просьбе Эстонии ,
cont: продлится до вечера ."""),
    ("ru", "Пашинян, который председательствует в ОДКБ, сообщил, что запрос удовлетворён.",
     """main: Пашинян ,
rel: который председательствует в ОДКБ ,
cont: сообщил ,
main: что запрос удовлетворён ."""),
    ("ru", "Россия поможет Армении в случае обращения Еревана.",
     """main: Россия поможет Армении {в случае обращения Еревана} ."""),
    ("ru", "По первому же запросу Москва окажет помощь Минску.",
     """main: {По первому же запросу} Москва окажет помощь Минску ."""),
    ("ru", "Ещё раз подчеркну: обращение было адресовано ОДКБ.",
     """main: Ещё раз подчеркну :
main: обращение было адресовано ОДКБ ."""),
    ("uk", "Міністр наголосив: Єреван звернеться до ОДКБ.",
     """main: Міністр наголосив :
main: Єреван звернеться до ОДКБ ."""),
    ("en", "The minister said: Yerevan will appeal to the CSTO.",
     """main: The minister said :
main: Yerevan will appeal to the CSTO ."""),
    ("en", "In the event of aggression Russia is ready to move its troops to Belarus.",
     """main: {In the event of aggression} Russia is ready to move its troops to Belarus ."""),
    ("en", "Moscow will help in case of a threat to Dushanbe and a request from its government.",
     """main: Moscow will help {in case of a threat to Dushanbe and a request from its government} ."""),
    ("en", "Agenda: consultations on Article 4.",
     """main: Agenda : consultations on Article 4 ."""),
    ("uk", "Засідання, яке скликали на прохання Литви триватиме до вечора.",
     """main: Засідання ,
rel: яке скликали на прохання Литви
cont: триватиме до вечора ."""),
    ("uk", "Якщо Єреван попросить, Москва готова допомогти.",
     """cond: {Якщо Єреван попросить} ,
main: Москва готова допомогти ."""),
    ("uk", "Уряд заявив, що звернеться до ОДКБ, щоб захистити кордон.",
     """main: Уряд заявив ,
main: що звернеться до ОДКБ ,
main: щоб захистити кордон ."""),
    ("en", "If Dushanbe asks, Moscow will send troops.",
     """cond: {If Dushanbe asks} ,
main: Moscow will send troops ."""),
    ("en", "Should Yerevan ask for it, the CSTO is ready to help.",
     """cond: {Should Yerevan ask for it} ,
main: the CSTO is ready to help ."""),
    ("en", "The minister said that Armenia, which chairs the bloc, had asked for consultations.",
     """main: The minister said
main: that Armenia ,
rel: which chairs the bloc ,
cont: had asked for consultations ."""),
    ("en", "NATO will help upon request, the secretary general said.",
     """main: NATO will help {upon request} , the secretary general said ."""),
]


@pytest.mark.parametrize("lang, text, rendering", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_clause_structure(morph, lang, text, rendering):
    doc = doc_from_text("<t>", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    sentence = segment(doc, morph, lang)[0]
    assert split_clauses(sentence, load_lexicon(lang)).render(sentence.tokens) == rendering
