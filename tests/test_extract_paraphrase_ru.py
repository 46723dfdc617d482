"""Russian paraphrase table: each valency frame of ../shared/spec/events.md in active,
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
    row("Казахстан официально обратился к Организации Договора о коллективной безопасности "
        "с просьбой о помощи в связи с террористической угрозой, — заявил в среду вечером "
        "официальный представитель МИД Казахстана.",
        {ev("appeal", "KAZ", "CSTO", source="KAZ")}, id="ru-p-appeal-late-speaker"),
    row("К союзникам по ОДКБ за военной помощью Ереван обратился лишь на вторые сутки боёв, "
        "когда азербайджанские подразделения продвинулись вглубь Сюникской области.",
        {ev("appeal", "ARM", "CSTO")}, id="ru-p-appeal-object-first"),
    row("В ночь на четверг, после многочасовых обстрелов пограничных застав, Таджикистан "
        "попросил Россию о срочной военной поддержке, сообщил пресс-секретарь президента "
        "Таджикистана.",
        {ev("appeal", "TJK", "RUS", source="TJK")}, id="ru-p-appeal-adverbial-first"),
    row("Помощь у ОДКБ была запрошена временным правительством Киргизии в ночь на 12 июня, "
        "когда беспорядки в Оше переросли в межэтнические столкновения.",
        {ev("appeal", "KGZ", "CSTO")}, id="ru-p-appeal-passive-agent"),
    row("Официальный запрос о вводе миротворцев был направлен Казахстаном в ОДКБ в ночь на "
        "6 января.",
        {ev("appeal", "KAZ", "CSTO")},
        id="ru-p-appeal-passive-request-sent"),
    row("По просьбе Казахстана в республику были переброшены коллективные миротворческие силы "
        "ОДКБ, основу которых составили российские десантники.",
        {ev("appeal", "KAZ", "CSTO"), ev("deployment", "CSTO", "KAZ")},
        optional={ev("deployment", "RUS", "KAZ")}, id="ru-p-appeal-nominal-at-request"),
    row("Обращение Армении к ОДКБ после сентябрьских столкновений на границе с Азербайджаном "
        "так и осталось без внятного ответа, заявил премьер-министр Армении Никол Пашинян.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="ru-p-appeal-nominal-genitive"),
    row("Президент Казахстана Касым-Жомарт Токаев попросил Россию и Белоруссию направить в "
        "Казахстан войска для охраны стратегических объектов.",
        {ev("appeal", "KAZ", "RUS"), ev("appeal", "KAZ", "BLR")},
        id="ru-p-appeal-content-is-deployment"),
    row("Ереван обратился к ОДКБ с просьбой срочно созвать консультации в соответствии со "
        "статьёй 2 Договора о коллективной безопасности.",
        {ev("appeal", "ARM", "CSTO")}, id="ru-p-appeal-content-is-consultation"),
    row("Армения в ближайшие часы направит в ОДКБ официальное обращение, заявила на брифинге "
        "официальный представитель МИД Армении.",
        {ev("appeal", "ARM", "CSTO", modality="intended", source="ARM")},
        id="ru-p-appeal-future"),

    # Offer: readiness to help if asked or needed.
    row("В случае обращения Бишкека Россия готова направить в Киргизию дополнительные силы, "
        "заявил министр обороны России.",
        {ev("offer", "RUS", "KGZ", modality="conditional", source="RUS")},
        id="ru-p-offer-condition-first"),
    row("Армении была обещана вся необходимая поддержка со стороны Москвы, если боевые действия "
        "перекинутся на её территорию.",
        {ev("offer", "RUS", "ARM", modality="conditional")},
        id="ru-p-offer-passive"),
    row("Предложение Минска выделить миротворцев в случае обострения обстановки в Таджикистане "
        "пока остаётся без ответа.",
        {ev("offer", "BLR", "TJK", modality="conditional")},
        id="ru-p-offer-nominal", xfail="nominal event"),
    row("ОДКБ готова при необходимости задействовать Коллективные силы оперативного реагирования "
        "для защиты Таджикистана, заявил генеральный секретарь организации.",
        {ev("offer", "CSTO", "TJK", modality="conditional", source="CSTO")},
        id="ru-p-offer-org-if-needed", xfail="offer frame"),
    row("В случае официального обращения Еревана страны ОДКБ готовы направить в Армению "
        "миротворцев, заявил генеральный секретарь организации.",
        {ev("offer", "CSTO", "ARM", modality="conditional", source="CSTO")},
        id="ru-p-offer-v-sluchae-obrashcheniya", xfail="offer read as deployment"),

    # Consultation.
    row("Председатель Совета коллективной безопасности ОДКБ созвал в понедельник внеочередные "
        "консультации в связи с вторжением азербайджанских войск на территорию Армении.",
        {ev("consultation", "CSTO", "ARM")},
        id="ru-p-consultation-active", xfail="consultation target"),
    row("Внеочередная сессия Совета коллективной безопасности ОДКБ была созвана в режиме "
        "видеоконференции по запросу Еревана.",
        {ev("consultation", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="ru-p-consultation-passive"),
    row("После консультаций в рамках статьи 4, которые запросила Польша, послы стран НАТО "
        "выступили с совместным заявлением.",
        {ev("consultation", "NATO", "POL"), ev("appeal", "POL", "NATO")},
        id="ru-p-consultation-nominal", xfail="actor taken as source"),
    row("Послы стран НАТО в экстренном порядке собрались в Брюсселе из-за падения беспилотников "
        "на территории Румынии.",
        {ev("consultation", "NATO", "ROU")},
        id="ru-p-consultation-no-requester", xfail="consultation frame"),

    # Decision.
    row("Совет коллективной безопасности ОДКБ в ночь на четверг принял решение направить в "
        "Казахстан коллективные миротворческие силы на ограниченный срок.",
        {ev("decision", "CSTO", "KAZ")}, id="ru-p-decision-active"),
    row("Решение о направлении в Казахстан миротворческого контингента было принято главами "
        "государств ОДКБ единогласно, сообщил председатель Совета коллективной безопасности, "
        "премьер-министр Армении Никол Пашинян.",
        {ev("decision", "CSTO", "KAZ", source="CSTO")},
        optional={ev("decision", "CSTO", "KAZ", source="ARM")},
        id="ru-p-decision-passive"),
    row("По решению Совета коллективной безопасности ОДКБ в Казахстан прибыли первые "
        "подразделения миротворческих сил.",
        {ev("decision", "CSTO", "KAZ"), ev("deployment", "CSTO", "KAZ")},
        id="ru-p-decision-nominal", xfail="nominal event"),
    row("Кремль отверг просьбу временного правительства Киргизии о вводе российских войск в "
        "охваченный беспорядками Ош.",
        {ev("decision", "RUS", "KGZ"), ev("appeal", "KGZ", "RUS")},
        id="ru-p-decision-reject-request"),
    row("ОДКБ направила в Армению не войска, а миссию во главе с генеральным секретарём "
        "организации для оценки обстановки на границе.",
        {ev("decision", "CSTO", "ARM")},
        id="ru-p-decision-not-troops-but-mission"),
    row("Жогорку Кенеш Киргизии проголосовал за отправку 150 военнослужащих в Казахстан в "
        "составе миротворческих сил ОДКБ.",
        {ev("decision", "KGZ", "KAZ")},
        optional={ev("deployment", "KGZ", "KAZ", modality="intended")},
        id="ru-p-decision-parliament-vote", xfail="parliament vote"),
    row("Совет ЕС единогласно поддержал просьбу Франции о помощи на основании статьи 42.7 "
        "Договора о Европейском союзе.",
        {ev("decision", "EU", "FRA"), ev("appeal", "FRA", "EU")}, id="ru-p-decision-grant"),

    # Deployment.
    row("Россия перебросила в Казахстан более трёх тысяч десантников, сообщили в Министерстве "
        "обороны России.",
        {ev("deployment", "RUS", "KAZ", source="RUS")}, id="ru-p-deployment-late-speaker"),
    row("В Казахстан самолётами военно-транспортной авиации переброшены подразделения "
        "белорусской 103-й воздушно-десантной бригады.",
        {ev("deployment", "BLR", "KAZ")}, id="ru-p-deployment-passive"),
    row("Ввод российских войск в Казахстан вызвал острые споры в казахстанском парламенте.",
        {ev("deployment", "RUS", "KAZ")}, id="ru-p-deployment-nominal"),
    row("Россия направила в Казахстан около 3000 военнослужащих, Белоруссия — около 500, "
        "Таджикистан — 200, Киргизия — 150, Армения — 100.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="ru-p-deployment-list-gapping"),
    row("В Алматы и Нур-Султан прибыли контингенты России, Белоруссии, Армении, Таджикистана и "
        "Киргизии, которые взяли под охрану аэропорты и электростанции.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="ru-p-deployment-list-arrived"),
    row("Белоруссия на этой неделе направит в Казахстан ещё одну роту миротворцев, сообщили в "
        "Министерстве обороны Белоруссии.",
        {ev("deployment", "BLR", "KAZ", modality="intended", source="BLR")},
        id="ru-p-deployment-future"),
    row("Переброска армянского миротворческого подразделения в Казахстан начнётся в пятницу утром.",
        {ev("deployment", "ARM", "KAZ", modality="intended")},
        id="ru-p-deployment-scheduled"),
    row("Россия не направляла в Армению войска во время сентябрьских боёв, напомнили в Кремле.",
        {ev("deployment", "RUS", "ARM", polarity="negative", source="RUS")},
        id="ru-p-deployment-negated"),
    row("Таджикистан готов выделить подразделение для совместной миротворческой операции ОДКБ в "
        "Казахстане, заявили в Министерстве обороны Таджикистана.",
        {ev("deployment", "TJK", "KAZ", modality="intended", source="TJK")},
        id="ru-p-deployment-ready-for-agreed-operation", xfail="readiness to contribute"),

    # Withdrawal.
    row("Российские миротворцы завершили вывод из Казахстана и вернулись в места постоянной "
        "дислокации.",
        {ev("withdrawal", "RUS", "KAZ")}, id="ru-p-withdrawal-active"),
    row("Последние белорусские подразделения были выведены из Казахстана в субботу, сообщило "
        "Министерство обороны Белоруссии.",
        {ev("withdrawal", "BLR", "KAZ", source="BLR")}, id="ru-p-withdrawal-passive"),
    row("МОСКВА, 11 января 2022.\n\nВывод миротворческих сил ОДКБ из Казахстана начнётся "
        "13 января и займёт не более десяти дней, сообщил генеральный секретарь организации "
        "Станислав Зась.",
        {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="CSTO")},
        id="ru-p-withdrawal-nominal-scheduled"),
    row("После того как миротворцы ОДКБ покинули Казахстан, президент Токаев поблагодарил "
        "союзников за поддержку.",
        {ev("withdrawal", "CSTO", "KAZ")}, id="ru-p-withdrawal-temporal-clause"),

    # Hedges.
    row("Душанбе якобы уже направил в секретариат ОДКБ просьбу о военной помощи, пишут "
        "таджикские оппозиционные сайты.",
        {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")},
        id="ru-p-hedge-yakoby"),
    row("Вряд ли Ереван в ближайшее время снова обратится к ОДКБ, считает политолог Андрей "
        "Соколов.",
        {ev("appeal", "ARM", "CSTO", modality="uncertain", source="media")},
        id="ru-p-hedge-vryad-li"),
    row("По неподтверждённым данным, российские военные уже переброшены в Таджикистан для "
        "усиления 201-й военной базы.",
        {ev("deployment", "RUS", "TJK", modality="uncertain", source="media")},
        id="ru-p-hedge-unconfirmed-passive"),

    # Confirm, deny, reject.
    row("В Кремле подтвердили сообщения о том, что Таджикистан обратился к России за военной "
        "помощью.",
        {ev("appeal", "TJK", "RUS", source="RUS")},
        optional={ev("appeal", "TJK", "RUS", modality="uncertain", source="media")},
        id="ru-p-confirm-reports"),
    row("Генеральный секретарь ОДКБ отрицает, что Таджикистан просил организацию о военной помощи.",
        {ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
        optional={ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")},
        id="ru-p-deny-that"),
    row("В МИД Таджикистана опровергли появившиеся в СМИ сообщения о том, что Душанбе попросил "
        "ОДКБ ввести войска.",
        {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
         ev("appeal", "TJK", "CSTO", polarity="negative", source="TJK")},
        id="ru-p-deny-reports"),
    row("Совет коллективной безопасности ОДКБ отклонил запрос Армении о направлении войск, "
        "ограничившись отправкой наблюдателей.",
        {ev("decision", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="ru-p-reject-request-is-decision"),

    # Temporal clauses.
    row("АЛМАТЫ, 7 января 2022.\n\nПосле того как Токаев обратился к ОДКБ, Совет коллективной "
        "безопасности за считанные часы принял решение о вводе миротворцев в Казахстан.",
        {ev("appeal", "KAZ", "CSTO"), ev("decision", "CSTO", "KAZ")},
        id="ru-p-temporal-after-appeal", xfail="actor taken as source"),

    # Negation on the governing verb or noun.
    row("Армения за время боёв в Карабахе не направляла в ОДКБ никаких запросов о военной "
        "помощи, заявили в секретариате организации.",
        {ev("appeal", "ARM", "CSTO", polarity="negative", source="CSTO")},
        id="ru-p-neg-no-requests"),
    row("Никакой просьбы о помощи от Москвы в связи с событиями в Курской области в ОДКБ не "
        "поступало.",
        {ev("appeal", "RUS", "CSTO", polarity="negative")}, id="ru-p-neg-noun"),
    row("Президент Таджикистана Эмомали Рахмон не просил Россию направить войска на афганскую "
        "границу, заявил его пресс-секретарь.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="TJK")},
        id="ru-p-neg-content-request"),
    row("Эстония пока так и не задействовала статью 4 Североатлантического договора, хотя "
        "такая возможность обсуждалась.",
        {ev("appeal", "EST", "NATO", polarity="negative")}, id="ru-p-neg-so-far-not-invoked"),

    # Not X but Y.
    row("Ереван обратился за помощью не к ОДКБ, а напрямую к Москве, сославшись на двусторонний "
        "договор 1997 года.",
        {ev("appeal", "ARM", "RUS"), ev("appeal", "ARM", "CSTO", polarity="negative")},
        id="ru-p-not-x-but-y"),

    # Attribution, readiness, conditions on the actor's own act.
    row("По данным МИД Армении, Ереван во вторник вечером направил в ОДКБ официальную просьбу о "
        "помощи.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="ru-p-according-to-ministry"),
    row("Если Душанбе попросит, Москва готова направить войска для защиты таджикско-афганской "
        "границы, заявил пресс-секретарь президента России Дмитрий Песков.",
        {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")},
        id="ru-p-offer-if-asked-send-troops", xfail="target in modifier"),
    row("Киргизия предположительно попросила Москву перебросить дополнительные силы на авиабазу "
        "Кант, сообщают местные СМИ.",
        {ev("appeal", "KGZ", "RUS", modality="uncertain", source="media")},
        id="ru-p-hedge-predpolozhitelno", xfail="content of request"),
    row("Москва не получала от Душанбе просьб о вводе войск, сказал журналистам пресс-секретарь "
        "президента России Дмитрий Песков.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="RUS")},
        id="ru-p-neg-addressee-received-none"),
    row("МИД России подтвердил готовность Москвы помочь Еревану, если боевые действия перекинутся "
        "на армянскую территорию.",
        {ev("offer", "RUS", "ARM", modality="conditional", source="RUS")},
        id="ru-p-confirm-readiness"),
    row("Таджикистан обратится к ОДКБ, если обстрелы с афганской территории продолжатся, заявил "
        "министр иностранных дел Таджикистана Сироджиддин Мухриддин.",
        {ev("appeal", "TJK", "CSTO", modality="conditional", source="TJK")},
        id="ru-p-conditional-appeal"),


    # The addressee of a request noun in the dative of an addressing verb; the object first;
    # a title that names its state by what it is ("глава государства"); a colon after a speech verb.
    row("Письменное обращение Душанбе было адресовано не ОДКБ, а лично Москве, уточнили в МИД "
        "Таджикистана.",
        {ev("appeal", "TJK", "CSTO", polarity="negative", source="TJK"), ev("appeal", "TJK", "RUS", source="TJK")},
        id="ru-p-appeal-addressed-dative-contrast"),
    row("Просьбу о военной поддержке Ереван адресовал Вашингтону.",
        {ev("appeal", "ARM", "USA")}, id="ru-p-appeal-object-first-addressed"),
    row("Запрос о помощи Бишкек Москве так и не направил.",
        {ev("appeal", "KGZ", "RUS", polarity="negative")}, id="ru-p-appeal-object-first-negated-dative"),
    row("Премьер-министр Армении Никол Пашинян провёл пресс-конференцию. «Скажу прямо: мы "
        "просили о помощи Россию, а не ОДКБ», — сказал глава правительства.",
        {ev("appeal", "ARM", "RUS", source="ARM"), ev("appeal", "ARM", "CSTO", polarity="negative", source="ARM")},
        id="ru-p-appeal-title-anaphora-after-quote"),
    row("«Контингент ОДКБ действовал строго в рамках мандата. Контингент покинул страну "
        "досрочно», — сказал президент Казахстана Касым-Жомарт Токаев.",
        {ev("withdrawal", "CSTO", "KAZ", source="KAZ")}, id="ru-p-withdrawal-force-named-before-host-speaks"),
    row("При нападении на Таджикистан Россия готова перебросить туда свои войска, заявил "
        "министр обороны России.",
        {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")},
        optional={ev("deployment", "RUS", "TJK", modality="conditional", source="RUS")},
        id="ru-p-offer-readiness-to-move-troops", xfail="condition by 'при' + noun; helped party inside it"),
    row("Послы стран НАТО соберутся в четверг, потому что Эстония запросила консультации по "
        "статье 4.",
        {ev("consultation", "NATO", "EST", modality="intended"), ev("appeal", "EST", "NATO")},
        id="ru-p-consultation-gather-because"),
    row("Собравшись в Брюсселе, лидеры ЕС обсудили, как действовать, если какое-либо государство "
        "когда-нибудь применит статью 42.7.",
        set(), id="ru-p-gather-hypothetical-article"),
    row("В пятницу в Москве соберутся на экстренные консультации министры обороны государств — "
        "членов ОДКБ, чтобы обсудить просьбу Таджикистана о помощи.",
        {ev("consultation", "CSTO", "TJK", modality="intended"), ev("appeal", "TJK", "CSTO")},
        id="ru-p-consultation-member-officials-purpose-presupposes"),
    row("У Москвы Душанбе военной помощи так и не попросил, сообщил источник в правительстве "
        "Таджикистана.",
        {ev("appeal", "TJK", "RUS", polarity="negative", modality="uncertain", source="media")},
        id="ru-p-appeal-addressee-before-verb-negated"),
    row("Песков: Пашинян у Путина помощи не просил.",
        {ev("appeal", "ARM", "RUS", polarity="negative", source="RUS")},
        id="ru-p-appeal-headline-speaker-colon-addressee-before"),
    row("НАТО задействовало статью 4 Североатлантического договора после вторжения российских "
        "дронов в Польшу.",
        {ev("consultation", "NATO", "POL")}, optional={ev("decision", "NATO", "POL")},
        id="ru-p-consultation-alliance-invokes-consultation-article"),
    row("На саммите ОДКБ в Минске главы государств приняли 12 решений, в том числе по "
        "военно-техническому сотрудничеству.",
        set(), id="ru-p-decision-tally-of-papers"),
    row("После инцидента с дронами над Польшей альянс намерен развернуть на своём восточном фланге "
        "дополнительные силы ПВО.",
        set(), id="ru-p-deployment-own-ground-no-host"),
    row("Россия начала выводить свой миротворческий контингент из Нагорного Карабаха, подтвердил "
        "пресс-секретарь Кремля Дмитрий Песков.",
        {ev("withdrawal", "RUS", "AZE", source="RUS")}, id="ru-p-withdrawal-from-region"),
    row("В Ошскую область Киргизии Россия направила «дополнительный» батальон десантников.",
        {ev("deployment", "RUS", "KGZ")}, id="ru-p-deployment-to-region-scare-quotes"),
    row("Франция обратилась к ЕС по статье 42.7. Все 27 государств-членов единогласно выразили "
        "Франции поддержку.",
        {ev("appeal", "FRA", "EU"), ev("decision", "EU", "FRA")}, id="ru-p-decision-member-states-back"),
    # Nothing: questions, exercise scenarios, treaty and procedure text.
    row("Направит ли ОДКБ миротворцев в Таджикистан, если ситуация на границе продолжит "
        "ухудшаться?",
        set(), id="ru-p-question-direct"),
    row("Журналисты спросили генерального секретаря ОДКБ, обращался ли Душанбе за помощью.",
        set(), id="ru-p-question-indirect"),
    row("По замыслу учений «Взаимодействие-2025», Таджикистан обращается к ОДКБ за помощью, и "
        "коллективные силы перебрасываются на таджикско-афганскую границу.",
        set(), id="ru-p-exercise-scenario"),
    row("В соответствии со статьёй 4 договора по просьбе государства, подвергшегося агрессии, "
        "остальные участники незамедлительно оказывают ему необходимую помощь.",
        set(), id="ru-p-treaty-text"),
]


def test_table_uses_spec_values():
    check_table(CASES)


def test_table_is_large_enough():
    assert len(CASES) >= 45


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_paraphrase_ru(text, expected, optional):
    assert_extracts(text, "ru", expected, optional)
