"""Ukrainian sentences and the events a careful annotator gives them (../shared/spec/events.md).

Each row: one to three sentences (a dateline first where a person's role or a relative
date needs the year) and the set of keys (type, actor, target, polarity, modality,
source). Rows that must give nothing are as important as the others.
"""

from __future__ import annotations

import pytest

from event_keys import assert_extracts, case, check_table, ev

CASES = [
    # Plain appeals, past tense and headline present.
    case("Вірменія звернулася до ОДКБ з проханням розпочати консультації.",
         {ev("appeal", "ARM", "CSTO")}, id="uk-appeal-past"),
    case("Казахстан просить союзників по ОДКБ про допомогу",
         {ev("appeal", "KAZ", "CSTO")}, id="uk-headline-present"),
    case("ЄРЕВАН, 13 вересня 2022 року.\n\nПрем'єр-міністр Нікол Пашинян повідомив, що Вірменія "
         "офіційно звернулася до ОДКБ.",
         {ev("appeal", "ARM", "CSTO", source="ARM")}, id="uk-appeal-pm-says"),
    case("Франція вперше в історії ЄС звернулася до партнерів по допомогу на підставі статті 42.7.",
         {ev("appeal", "FRA", "EU")}, id="uk-appeal-article-42-7"),
    case("Посли країн НАТО провели консультації за статтею 4 на прохання Польщі.",
         {ev("consultation", "NATO", "POL"), ev("appeal", "POL", "NATO")},
         id="uk-consultation-at-request"),

    # Denials (rule 2) and the text's own negation.
    case("В ОДКБ спростували повідомлення про те, що Таджикистан просив організацію про військову допомогу.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
          ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
         id="uk-denial-org"),
    case("Секретаріат ОДКБ заявив, що Росія офіційно не зверталася до організації по допомогу.",
         {ev("appeal", "RUS", "CSTO", polarity="negative", source="CSTO")},
         id="uk-negation-by-secretariat"),
    case("Росія так і не попросила ОДКБ про допомогу.",
         {ev("appeal", "RUS", "CSTO", polarity="negative")}, id="uk-own-negation"),
    case("Міністр закордонних справ Вірменії не заперечив, що Єреван звертався до ОДКБ.",
         {ev("appeal", "ARM", "CSTO", source="ARM")}, id="uk-double-negation"),

    # Coordination and lists.
    case("Вірменія звернулася не лише до ОДКБ, а й до Росії.",
         {ev("appeal", "ARM", "CSTO"), ev("appeal", "ARM", "RUS")}, id="uk-not-only-but-also"),
    case("Білорусь, Вірменія, Таджикистан і Киргизстан вивели свої контингенти з Казахстану.",
         {ev("withdrawal", "BLR", "KAZ"), ev("withdrawal", "ARM", "KAZ"),
          ev("withdrawal", "TJK", "KAZ"), ev("withdrawal", "KGZ", "KAZ")},
         id="uk-list-withdrawals"),

    # Questions and conditionals.
    case("Чи звернеться Казахстан до ОДКБ?", set(), id="uk-question"),
    case("Москва надасть Вірменії всю необхідну допомогу, якщо бойові дії перекинуться на її "
         "територію, заявили в МЗС Росії.",
         {ev("offer", "RUS", "ARM", modality="conditional", source="RUS")}, id="uk-conditional-offer"),
    case("Якщо Таджикистан звернеться до ОДКБ, його прохання розглянуть на позачерговій сесії.",
         set(), optional={ev("consultation", "CSTO", "TJK", modality="conditional")},
         id="uk-conditional-examine-only"),

    # Future and intended.
    case("Білорусь відправить до Казахстану миротворчий підрозділ.",
         {ev("deployment", "BLR", "KAZ", modality="intended")}, id="uk-future-deployment"),
    case("Міністерство оборони Німеччини повідомило, що планує направити до Туреччини дві батареї Patriot.",
         {ev("deployment", "DEU", "TUR", modality="intended", source="DEU")}, id="uk-planned-deployment"),
    case("Російські миротворці залишать Казахстан до кінця місяця, повідомили в Міноборони Росії.",
         {ev("withdrawal", "RUS", "KAZ", modality="intended", source="RUS")}, id="uk-intended-withdrawal"),
    case("Мінськ оголосив, що відправить до Казахстану десантників, а вже ввечері білоруський "
         "підрозділ прибув до Алмати.",
         {ev("deployment", "BLR", "KAZ")}, id="uk-intended-then-done"),

    # Rumours.
    case("За даними ЗМІ, Душанбе нібито попросив Росію про військову підтримку.",
         {ev("appeal", "TJK", "RUS", modality="uncertain", source="media")}, id="uk-rumour-media"),
    case("Як стверджують джерела в силових структурах, Таджикистан звернувся до ОДКБ.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")}, id="uk-rumour-sources"),

    # Attribution (rules 5 and 6).
    case("МОСКВА, 7 січня 2022 року.\n\nКазахстан звернувся до ОДКБ цілком законно, заявив речник "
         "Кремля Дмитро Пєсков.",
         {ev("appeal", "KAZ", "CSTO", source="RUS")}, id="uk-third-state-spokesman"),
    case("Про рішення направити до Казахстану колективні миротворчі сили повідомило агентство "
         "БелТА з посиланням на прес-службу ОДКБ.",
         {ev("decision", "CSTO", "KAZ", source="CSTO")}, id="uk-agency-citing-press-service"),
    case("Депутат парламенту Вірменії Вараздат Оганесян заявив журналістам, що Єреван уже звернувся до ОДКБ.",
         {ev("appeal", "ARM", "CSTO", source="media")}, id="uk-legislator-is-media"),

    # Decisions.
    case("ОДКБ вирішила направити до Вірменії місію на чолі з генеральним секретарем замість військ.",
         {ev("decision", "CSTO", "ARM")}, id="uk-decision-mission"),
    case("ОДКБ відмовилася вводити миротворців до Киргизстану.",
         {ev("decision", "CSTO", "KGZ")}, id="uk-decision-decline"),
    case("Жогорку Кенеш схвалив участь киргизьких військових у миротворчій операції ОДКБ у Казахстані.",
         {ev("decision", "KGZ", "KAZ")},
         optional={ev("deployment", "KGZ", "KAZ", modality="intended")},
         id="uk-parliament-authorization"),

    # Out of scope: nothing.
    case("ОДКБ провела в Казахстані навчання, під час яких війська відпрацювали сценарій звернення "
         "держави-члена по допомогу.",
         set(), id="uk-exercise"),
    case("Держава-член, якій потрібна військова допомога, має офіційно звернутися до організації.",
         set(), id="uk-general-procedure"),
    case("Стаття 5 Північноатлантичного договору передбачає, що напад на одного із союзників "
         "вважається нападом на всіх.",
         set(), id="uk-treaty-quotation"),
    case("Відомий блогер закликав Казахстан попросити ОДКБ ввести війська.",
         set(), id="uk-private-call"),
]


def test_table_uses_spec_values():
    check_table(CASES)


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_sentence_uk(text, expected, optional):
    assert_extracts(text, "uk", expected, optional)
