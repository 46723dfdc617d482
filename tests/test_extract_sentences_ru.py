"""Russian sentences and the events a careful annotator gives them (../shared/spec/events.md).

Each row: one to three sentences (a dateline first where a person's role or a relative
date needs the year) and the set of keys (type, actor, target, polarity, modality,
source). Rows that must give nothing are as important as the others.
"""

from __future__ import annotations

import pytest

from event_keys import assert_extracts, case, check_table, ev

CASES = [
    # Plain appeals, past tense and headline present.
    case("Власти Казахстана официально обратились к Организации Договора о коллективной "
         "безопасности за помощью.",
         {ev("appeal", "KAZ", "CSTO")}, id="ru-appeal-past"),
    case("Таджикистан просит ОДКБ о помощи",
         {ev("appeal", "TJK", "CSTO")}, id="ru-headline-present"),
    case("АЛМАТЫ, 6 января 2022.\n\nПрезидент Касым-Жомарт Токаев заявил, что обратился к "
         "главам государств ОДКБ с просьбой помочь республике справиться с угрозой.",
         {ev("appeal", "KAZ", "CSTO", source="KAZ")}, id="ru-appeal-president-says"),
    case("«Мы направили официальное обращение в ОДКБ», — сказал журналистам министр "
         "иностранных дел Армении.",
         {ev("appeal", "ARM", "CSTO", source="ARM")}, id="ru-appeal-quoted-minister"),
    case("По просьбе Армении в Москве прошло внеочередное заседание Совета коллективной безопасности.",
         {ev("appeal", "ARM", "CSTO"), ev("consultation", "CSTO", "ARM")},
         id="ru-consultation-at-request"),

    # Denials (rule 2) and the text's own negation.
    case("ОДКБ опровергла сообщения о том, что Таджикистан обращался к организации за военной помощью.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
          ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
         id="ru-denial-org"),
    case("В секретариате ОДКБ сообщили, что Россия в связи с боями в Курской области в "
         "организацию не обращалась.",
         {ev("appeal", "RUS", "CSTO", polarity="negative", source="CSTO")},
         id="ru-negation-by-secretariat"),
    case("Россия так и не обратилась к союзникам по ОДКБ за военной помощью.",
         {ev("appeal", "RUS", "CSTO", polarity="negative")}, id="ru-own-negation"),
    case("ЕРЕВАН, 14 сентября 2022.\n\nПремьер-министр Никол Пашинян не отрицает, что Ереван "
         "обращался к ОДКБ за помощью.",
         {ev("appeal", "ARM", "CSTO", source="ARM")}, id="ru-double-negation"),

    # Coordination and lists.
    case("Армения обратилась за помощью не только к России, но и к ОДКБ.",
         {ev("appeal", "ARM", "RUS"), ev("appeal", "ARM", "CSTO")}, id="ru-not-only-but-also"),
    case("Россия, Белоруссия и Таджикистан направили в Казахстан свои контингенты.",
         {ev("deployment", "RUS", "KAZ"), ev("deployment", "BLR", "KAZ"),
          ev("deployment", "TJK", "KAZ")}, id="ru-list-deployments"),

    # Questions and conditionals.
    case("Обратится ли Армения к ОДКБ?", set(), id="ru-question"),
    case("В Кремле заявили, что Россия готова помочь Таджикистану, если Душанбе об этом попросит.",
         {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")}, id="ru-conditional-offer"),
    case("Если Армения обратится с официальной просьбой, ОДКБ рассмотрит её в установленном порядке.",
         set(), id="ru-conditional-examine-only"),

    # Future and intended.
    case("Киргизия направит в Казахстан 150 военнослужащих в составе миротворческих сил ОДКБ.",
         {ev("deployment", "KGZ", "KAZ", modality="intended")}, id="ru-future-deployment"),
    case("Министерство обороны Таджикистана сообщило, что планирует направить в Казахстан "
         "миротворческое подразделение.",
         {ev("deployment", "TJK", "KAZ", modality="intended", source="TJK")}, id="ru-planned-deployment"),
    case("НУР-СУЛТАН, 11 января 2022.\n\nВывод коллективных сил ОДКБ из Казахстана начнётся через "
         "два дня, заявил Токаев.",
         {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="KAZ")}, id="ru-intended-withdrawal"),
    case("Армения объявила, что направит в Казахстан сто миротворцев, а на следующий день "
         "армянский контингент вылетел в Казахстан.",
         {ev("deployment", "ARM", "KAZ")}, id="ru-intended-then-done"),

    # Rumours.
    case("По данным источников, Душанбе якобы запросил у ОДКБ военную помощь.",
         {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")}, id="ru-rumour-sources"),
    case("Ряд телеграм-каналов утверждает, что Таджикистан попросил Россию ввести войска.",
         {ev("appeal", "TJK", "RUS", modality="uncertain", source="media")}, id="ru-rumour-telegram"),
    case("По данным анонимного источника в правительстве, Минск планирует направить в Казахстан "
         "около 500 военных.",
         {ev("deployment", "BLR", "KAZ", modality="uncertain", source="media")},
         id="ru-rumoured-plan"),

    # Attribution (rules 5 and 6).
    case("МОСКВА, 7 января 2022.\n\nКазахстан обратился к ОДКБ в полном соответствии с договором, "
         "заявил пресс-секретарь президента России Дмитрий Песков.",
         {ev("appeal", "KAZ", "CSTO", source="RUS")}, id="ru-third-state-spokesman"),
    case("ОДКБ приняла решение направить в Казахстан коллективные миротворческие силы, сообщило "
         "агентство ТАСС со ссылкой на пресс-службу организации.",
         {ev("decision", "CSTO", "KAZ", source="CSTO")}, id="ru-agency-citing-press-service"),
    case("Депутат мажилиса Марат Ахметов заявил журналистам, что Казахстан ещё в среду обратился к ОДКБ.",
         {ev("appeal", "KAZ", "CSTO", source="media")}, id="ru-legislator-is-media"),

    # Decisions, withdrawals.
    case("Вместо войск ОДКБ решила направить в Армению миссию во главе с генеральным секретарём.",
         {ev("decision", "CSTO", "ARM")}, id="ru-decision-mission"),
    case("Москва отклонила просьбу Бишкека о вводе российских войск.",
         {ev("decision", "RUS", "KGZ"), ev("appeal", "KGZ", "RUS")}, id="ru-decision-decline"),
    case("Союзники по ОДКБ пока взвешивают варианты ответа на просьбу Еревана.",
         {ev("appeal", "ARM", "CSTO")}, id="ru-deliberation-is-no-decision"),
    case("Российский контингент покинул Казахстан.",
         {ev("withdrawal", "RUS", "KAZ")}, id="ru-withdrawal-done"),

    # Out of scope: nothing.
    case("На полигоне в Белоруссии начались учения Коллективных сил оперативного реагирования ОДКБ, "
         "в которых участвуют контингенты пяти стран.",
         set(), id="ru-exercise"),
    case("Согласно уставу, член организации, которому нужна помощь, должен обратиться к ней официально.",
         set(), id="ru-general-procedure"),
    case("Статья 4 договора гласит, что агрессия против одного из государств-участников "
         "рассматривается как агрессия против всех.",
         set(), id="ru-treaty-quotation"),
    case("Лидер оппозиционной партии призвал правительство немедленно обратиться к ОДКБ за военной помощью.",
         set(), id="ru-opposition-call"),
]


def test_table_uses_spec_values():
    check_table(CASES)


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_sentence_ru(text, expected, optional):
    assert_extracts(text, "ru", expected, optional)
