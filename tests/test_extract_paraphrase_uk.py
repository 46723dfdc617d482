"""Ukrainian paraphrase table: each valency frame of ../shared/spec/events.md in active,
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
    row("Казахстан офіційно звернувся до Організації Договору про колективну безпеку по допомогу "
        "у зв'язку з терористичною загрозою, — заявив у середу ввечері речник МЗС Казахстану.",
        {ev("appeal", "KAZ", "CSTO", source="KAZ")}, id="uk-p-appeal-late-speaker"),
    row("До союзників по ОДКБ по військову допомогу Єреван звернувся лише на другу добу боїв, "
        "коли азербайджанські підрозділи просунулися вглиб Сюнікської області.",
        {ev("appeal", "ARM", "CSTO")}, id="uk-p-appeal-object-first"),
    row("У ніч на четвер, після багатогодинних обстрілів прикордонних застав, Таджикистан "
        "попросив Росію про термінову військову підтримку, повідомив речник президента "
        "Таджикистану.",
        {ev("appeal", "TJK", "RUS", source="TJK")}, id="uk-p-appeal-adverbial-first"),
    row("Допомоги в ОДКБ тимчасовий уряд Киргизстану попросив ще в червні, коли заворушення в "
        "Оші переросли в міжетнічні сутички.",
        {ev("appeal", "KGZ", "CSTO")}, id="uk-p-appeal-object-first-genitive"),
    row("Офіційний запит про введення миротворців було надіслано Казахстаном до ОДКБ у ніч на "
        "6 січня.",
        {ev("appeal", "KAZ", "CSTO")},
        id="uk-p-appeal-passive-request-sent"),
    row("На прохання Казахстану до республіки було перекинуто колективні миротворчі сили ОДКБ, "
        "основу яких склали російські десантники.",
        {ev("appeal", "KAZ", "CSTO"), ev("deployment", "CSTO", "KAZ")},
        optional={ev("deployment", "RUS", "KAZ")}, id="uk-p-appeal-nominal-at-request"),
    row("Звернення Вірменії до ОДКБ після вересневих зіткнень на кордоні з Азербайджаном так і "
        "залишилося без чіткої відповіді, заявив прем'єр-міністр Вірменії Нікол Пашинян.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="uk-p-appeal-nominal-genitive"),
    row("Президент Казахстану Касим-Жомарт Токаєв попросив Росію та Білорусь направити до "
        "Казахстану війська для охорони стратегічних об'єктів.",
        {ev("appeal", "KAZ", "RUS"), ev("appeal", "KAZ", "BLR")},
        id="uk-p-appeal-content-is-deployment"),
    row("Литва попросила союзників по НАТО провести консультації за статтею 4 після того, як "
        "російський безпілотник упав поблизу Вільнюса.",
        {ev("appeal", "LTU", "NATO")}, id="uk-p-appeal-content-is-consultation"),
    row("Вірменія найближчими годинами надішле до ОДКБ офіційне звернення, заявила речниця МЗС "
        "Вірменії.",
        {ev("appeal", "ARM", "CSTO", modality="intended", source="ARM")},
        id="uk-p-appeal-future"),

    # Offer: readiness to help if asked or needed.
    row("У разі звернення Бішкека Росія готова направити до Киргизстану додаткові сили, заявив "
        "міністр оборони Росії.",
        {ev("offer", "RUS", "KGZ", modality="conditional", source="RUS")},
        id="uk-p-offer-u-razi", xfail="offer read as deployment"),
    row("Вірменії було обіцяно всю необхідну підтримку з боку Москви, якщо бойові дії "
        "перекинуться на її територію.",
        {ev("offer", "RUS", "ARM", modality="conditional")},
        id="uk-p-offer-passive"),
    row("Пропозиція Мінська виділити миротворців у разі загострення ситуації в Таджикистані досі "
        "залишається без відповіді.",
        {ev("offer", "BLR", "TJK", modality="conditional")},
        id="uk-p-offer-nominal", xfail="nominal event"),
    row("ОДКБ готова за потреби задіяти Колективні сили оперативного реагування для захисту "
        "Таджикистану, заявив генеральний секретар організації.",
        {ev("offer", "CSTO", "TJK", modality="conditional", source="CSTO")},
        id="uk-p-offer-org-if-needed", xfail="offer frame"),
    row("Якщо Єреван офіційно попросить, країни ОДКБ готові направити до Вірменії миротворців, "
        "заявив генеральний секретар організації.",
        {ev("offer", "CSTO", "ARM", modality="conditional", source="CSTO")},
        id="uk-p-offer-if-asked-first"),

    # Consultation.
    row("Голова Ради колективної безпеки ОДКБ скликав у понеділок позачергові консультації у "
        "зв'язку з вторгненням азербайджанських військ на територію Вірменії.",
        {ev("consultation", "CSTO", "ARM")},
        id="uk-p-consultation-active", xfail="consultation target"),
    row("Позачергову сесію Ради колективної безпеки ОДКБ було скликано в режимі "
        "відеоконференції на запит Єревана.",
        {ev("consultation", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="uk-p-consultation-passive"),
    row("Після консультацій за статтею 4, про які попросила Естонія, посли країн НАТО ухвалили "
        "спільну заяву.",
        {ev("consultation", "NATO", "EST"), ev("appeal", "EST", "NATO")},
        id="uk-p-consultation-nominal", xfail="nominal event"),
    row("Посли країн НАТО екстрено зібралися в Брюсселі через падіння безпілотників на "
        "території Румунії.",
        {ev("consultation", "NATO", "ROU")},
        id="uk-p-consultation-no-requester", xfail="consultation frame"),

    # Decision.
    row("Рада колективної безпеки ОДКБ у ніч на четвер ухвалила рішення направити до Казахстану "
        "колективні миротворчі сили на обмежений термін.",
        {ev("decision", "CSTO", "KAZ")}, id="uk-p-decision-active"),
    row("Рішення про направлення миротворців до Казахстану було ухвалено главами держав ОДКБ "
        "одноголосно, повідомив голова Ради колективної безпеки, прем'єр-міністр Вірменії "
        "Нікол Пашинян.",
        {ev("decision", "CSTO", "KAZ", source="CSTO")},
        optional={ev("decision", "CSTO", "KAZ", source="ARM")},
        id="uk-p-decision-passive"),
    row("За рішенням Ради колективної безпеки ОДКБ до Казахстану прибули перші підрозділи "
        "миротворчих сил.",
        {ev("decision", "CSTO", "KAZ"), ev("deployment", "CSTO", "KAZ")},
        id="uk-p-decision-nominal", xfail="nominal event"),
    row("Кремль відхилив прохання тимчасового уряду Киргизстану про введення російських військ "
        "до охопленого заворушеннями Оша.",
        {ev("decision", "RUS", "KGZ"), ev("appeal", "KGZ", "RUS")},
        id="uk-p-decision-reject-request"),
    row("ОДКБ направила до Вірменії не війська, а місію на чолі з генеральним секретарем "
        "організації.",
        {ev("decision", "CSTO", "ARM")},
        id="uk-p-decision-not-troops-but-mission"),
    row("Міністри оборони ЄС одностайно підтримали прохання Франції про допомогу на підставі "
        "статті 42.7 Договору про Європейський союз.",
        {ev("decision", "EU", "FRA"), ev("appeal", "FRA", "EU")}, id="uk-p-decision-grant"),
    row("Уперше в історії альянсу НАТО задіяло статтю 5 12 вересня 2001 року, наступного дня "
        "після терактів у Нью-Йорку та Вашингтоні.",
        {ev("decision", "NATO", "USA")}, id="uk-p-decision-invoke"),
    row("12 вересня 2001 року, наступного дня після терактів у Нью-Йорку та Вашингтоні, НАТО "
        "уперше задіяло статтю 5.",
        {ev("decision", "NATO", "USA")}, id="uk-p-decision-invoke-date-first"),

    # Deployment.
    row("Росія перекинула до Казахстану понад три тисячі десантників, повідомили в Міністерстві "
        "оборони Росії.",
        {ev("deployment", "RUS", "KAZ", source="RUS")}, id="uk-p-deployment-late-speaker"),
    row("До Казахстану військово-транспортною авіацією перекинуто підрозділи білоруської 103-ї "
        "повітрянодесантної бригади.",
        {ev("deployment", "BLR", "KAZ")}, id="uk-p-deployment-passive"),
    row("Введення російських військ до Казахстану викликало гострі суперечки в казахстанському "
        "парламенті.",
        {ev("deployment", "RUS", "KAZ")}, id="uk-p-deployment-nominal"),
    row("Росія направила до Казахстану близько 3000 військовослужбовців, Білорусь — близько 500, "
        "Таджикистан — 200, Киргизстан — 150, Вірменія — 100.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="uk-p-deployment-list-gapping"),
    row("До Алмати та Нур-Султана прибули контингенти Росії, Білорусі, Вірменії, Таджикистану й "
        "Киргизстану, які взяли під охорону аеропорти й електростанції.",
        {ev("deployment", state, "KAZ") for state in KAZ_CONTRIBUTORS},
        id="uk-p-deployment-list-arrived"),
    row("Нідерланди наступного місяця відправлять до Туреччини дві батареї Patriot, повідомило "
        "міністерство оборони Нідерландів.",
        {ev("deployment", "NLD", "TUR", modality="intended", source="NLD")},
        id="uk-p-deployment-future"),
    row("Перекидання вірменського миротворчого підрозділу до Казахстану розпочнеться в п'ятницю "
        "вранці.",
        {ev("deployment", "ARM", "KAZ", modality="intended")},
        id="uk-p-deployment-scheduled"),
    row("Росія не направляла своїх військ до Вірменії під час вересневих боїв, нагадали в Кремлі.",
        {ev("deployment", "RUS", "ARM", polarity="negative", source="RUS")},
        id="uk-p-deployment-negated"),

    # Withdrawal.
    row("Російські миротворці завершили виведення з Казахстану й повернулися до місць постійної "
        "дислокації.",
        {ev("withdrawal", "RUS", "KAZ")}, id="uk-p-withdrawal-active"),
    row("Останні білоруські підрозділи було виведено з Казахстану в суботу, повідомило "
        "Міністерство оборони Білорусі.",
        {ev("withdrawal", "BLR", "KAZ", source="BLR")}, id="uk-p-withdrawal-passive"),
    row("МОСКВА, 11 січня 2022 року.\n\nВиведення миротворчих сил ОДКБ з Казахстану розпочнеться "
        "13 січня й триватиме не більше ніж десять днів, повідомив генеральний секретар "
        "організації Станіслав Зась.",
        {ev("withdrawal", "CSTO", "KAZ", modality="intended", source="CSTO")},
        id="uk-p-withdrawal-nominal-scheduled"),
    row("Після того як миротворці ОДКБ залишили Казахстан, президент Токаєв подякував союзникам "
        "за підтримку.",
        {ev("withdrawal", "CSTO", "KAZ")}, id="uk-p-withdrawal-temporal-clause"),

    # Hedges.
    row("Душанбе нібито вже надіслав до секретаріату ОДКБ прохання про військову допомогу, "
        "пишуть таджицькі опозиційні сайти.",
        {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")},
        id="uk-p-hedge-nibyto"),
    row("Навряд чи Єреван найближчим часом знову звернеться до ОДКБ, вважає політолог Андрій "
        "Соколенко.",
        {ev("appeal", "ARM", "CSTO", modality="uncertain", source="media")},
        id="uk-p-hedge-navriad-chy"),
    row("За неперевіреними даними, російських військових уже перекинуто до Таджикистану для "
        "посилення 201-ї військової бази.",
        {ev("deployment", "RUS", "TJK", modality="uncertain", source="media")},
        id="uk-p-hedge-unconfirmed-passive"),

    # Confirm, deny, reject.
    row("У Кремлі підтвердили повідомлення про те, що Таджикистан звернувся до Росії по "
        "військову допомогу.",
        {ev("appeal", "TJK", "RUS", source="RUS")},
        optional={ev("appeal", "TJK", "RUS", modality="uncertain", source="media")},
        id="uk-p-confirm-reports"),
    row("Генеральний секретар ОДКБ заперечує, що Таджикистан просив організацію про військову "
        "допомогу.",
        {ev("appeal", "TJK", "CSTO", polarity="negative", source="CSTO")},
        optional={ev("appeal", "TJK", "CSTO", modality="uncertain", source="media")},
        id="uk-p-deny-that"),
    row("У МЗС Таджикистану спростували повідомлення ЗМІ про те, що Душанбе просив ОДКБ ввести "
        "війська.",
        {ev("appeal", "TJK", "CSTO", modality="uncertain", source="media"),
         ev("appeal", "TJK", "CSTO", polarity="negative", source="TJK")},
        id="uk-p-deny-reports"),
    row("Рада колективної безпеки ОДКБ відхилила запит Вірменії про направлення військ, "
        "обмежившись відправкою спостерігачів.",
        {ev("decision", "CSTO", "ARM"), ev("appeal", "ARM", "CSTO")},
        id="uk-p-reject-request-is-decision"),

    # Temporal clauses.
    row("АЛМАТИ, 7 січня 2022 року.\n\nПісля того як Токаєв звернувся до ОДКБ, Рада колективної "
        "безпеки за лічені години ухвалила рішення про введення миротворців до Казахстану.",
        {ev("appeal", "KAZ", "CSTO"), ev("decision", "CSTO", "KAZ")},
        id="uk-p-temporal-after-appeal"),

    # Negation on the governing verb or noun.
    row("Вірменія під час боїв у Карабаху не надсилала до ОДКБ жодних запитів про військову "
        "допомогу, заявили в секретаріаті організації.",
        {ev("appeal", "ARM", "CSTO", polarity="negative", source="CSTO")},
        id="uk-p-neg-no-requests"),
    row("Жодного прохання про допомогу від Москви у зв'язку з подіями в Курській області до ОДКБ "
        "не надходило.",
        {ev("appeal", "RUS", "CSTO", polarity="negative")}, id="uk-p-neg-noun"),
    row("Президент Таджикистану Емомалі Рахмон не просив Росію направити війська на афганський "
        "кордон, заявив його речник.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="TJK")},
        id="uk-p-neg-content-request"),
    row("Румунія досі не ініціювала консультацій за статтею 4, попри неодноразові вторгнення "
        "безпілотників у її повітряний простір.",
        {ev("appeal", "ROU", "NATO", polarity="negative")}, id="uk-p-neg-so-far-not-invoked"),

    # Not X but Y.
    row("Єреван звернувся по допомогу не до ОДКБ, а безпосередньо до Москви, пославшись на "
        "двосторонній договір 1997 року.",
        {ev("appeal", "ARM", "RUS"), ev("appeal", "ARM", "CSTO", polarity="negative")},
        id="uk-p-not-x-but-y"),

    # Attribution, readiness, conditions on the actor's own act.
    row("За даними МЗС Вірменії, Єреван у вівторок увечері надіслав до ОДКБ офіційне прохання "
        "про допомогу.",
        {ev("appeal", "ARM", "CSTO", source="ARM")}, id="uk-p-according-to-ministry"),
    row("Якщо Душанбе попросить, Москва готова направити війська для захисту "
        "таджицько-афганського кордону, заявив речник президента Росії Дмитро Пєсков.",
        {ev("offer", "RUS", "TJK", modality="conditional", source="RUS")},
        id="uk-p-offer-if-asked-send-troops", xfail="target in modifier"),
    row("Киргизстан, імовірно, попросив Москву перекинути додаткові сили на авіабазу Кант, "
        "повідомляють місцеві ЗМІ.",
        {ev("appeal", "KGZ", "RUS", modality="uncertain", source="media")},
        id="uk-p-hedge-imovirno", xfail="content of request"),
    row("Москва не отримувала від Душанбе прохань про введення військ, сказав журналістам речник "
        "президента Росії Дмитро Пєсков.",
        {ev("appeal", "TJK", "RUS", polarity="negative", source="RUS")},
        id="uk-p-neg-addressee-received-none"),
    row("МЗС Росії підтвердило готовність Москви допомогти Єревану, якщо бойові дії перекинуться "
        "на вірменську територію.",
        {ev("offer", "RUS", "ARM", modality="conditional", source="RUS")},
        id="uk-p-confirm-readiness"),
    row("Таджикистан звернеться до ОДКБ, якщо обстріли з афганської території триватимуть, "
        "заявив міністр закордонних справ Таджикистану Сироджиддін Мухріддін.",
        {ev("appeal", "TJK", "CSTO", modality="conditional", source="TJK")},
        id="uk-p-conditional-appeal"),
    row("Жогорку Кенеш Киргизстану проголосував за відправлення 150 військовослужбовців до "
        "Казахстану у складі миротворчих сил ОДКБ.",
        {ev("decision", "KGZ", "KAZ")},
        optional={ev("deployment", "KGZ", "KAZ", modality="intended")},
        id="uk-p-decision-parliament-vote", xfail="parliament vote"),
    row("Таджикистан готовий виділити підрозділ для спільної миротворчої операції ОДКБ у "
        "Казахстані, заявили в Міністерстві оборони Таджикистану.",
        {ev("deployment", "TJK", "KAZ", modality="intended", source="TJK")},
        id="uk-p-deployment-ready-for-agreed-operation", xfail="readiness to contribute"),


    # The addressee of a request noun in the dative of an addressing verb; the object first;
    # a title that names its state by what it is ("глава держави"); a colon after a speech verb.
    row("Звернення Бішкека було адресоване Москві, а не ОДКБ.",
        {ev("appeal", "KGZ", "RUS"), ev("appeal", "KGZ", "CSTO", polarity="negative")},
        id="uk-p-appeal-addressed-dative-contrast"),
    row("Прохання про допомогу Душанбе адресував Москві.",
        {ev("appeal", "TJK", "RUS")}, id="uk-p-appeal-object-first-addressed"),
    row("Президент Казахстану Касим-Жомарт Токаєв дав інтерв'ю агентству. «Наголошу ще раз: наше "
        "звернення було адресоване ОДКБ, а не Росії», — сказав глава держави.",
        {ev("appeal", "KAZ", "CSTO", source="KAZ"), ev("appeal", "KAZ", "RUS", polarity="negative", source="KAZ")},
        id="uk-p-appeal-title-anaphora-after-quote"),
    row("«Контингент ОДКБ діяв суворо в межах мандата. Контингент залишив країну достроково», "
        "— сказав президент Казахстану Касим-Жомарт Токаєв.",
        {ev("withdrawal", "CSTO", "KAZ", source="KAZ")}, id="uk-p-withdrawal-force-named-before-host-speaks"),
    row("У разі нападу на Вірменію Росія готова направити туди свої війська.",
        {ev("offer", "RUS", "ARM", modality="conditional")},
        optional={ev("deployment", "RUS", "ARM", modality="conditional")},
        id="uk-p-offer-readiness-to-move-troops"),
    row("Посли країн НАТО зберуться в четвер, бо Естонія попросила про консультації за статтею 4.",
        {ev("consultation", "NATO", "EST", modality="intended"), ev("appeal", "EST", "NATO")},
        id="uk-p-consultation-gather-because"),
    row("Зібравшись у Брюсселі, лідери ЄС обговорили, як діяти, якщо будь-яка держава колись "
        "застосує статтю 42.7.",
        set(), id="uk-p-gather-hypothetical-article"),
    row("У п'ятницю в Москві зберуться на екстрені консультації міністри оборони держав — членів "
        "ОДКБ, щоб обговорити прохання Таджикистану про допомогу.",
        {ev("consultation", "CSTO", "TJK", modality="intended"), ev("appeal", "TJK", "CSTO")},
        id="uk-p-consultation-member-officials-purpose-presupposes"),
    row("До Москви Єреван по допомогу так і не звернувся, повідомив речник МЗС Вірменії.",
        {ev("appeal", "ARM", "RUS", polarity="negative", source="ARM")},
        id="uk-p-appeal-addressee-before-verb-negated"),
    row("ОДКБ задіяла статтю 2 Договору про колективну безпеку через загострення на кордоні "
        "Вірменії.",
        {ev("consultation", "CSTO", "ARM")}, optional={ev("decision", "CSTO", "ARM")},
        id="uk-p-consultation-alliance-invokes-consultation-article"),
    row("На засіданні Ради колективної безпеки ОДКБ ухвалили 15 рішень.",
        set(), id="uk-p-decision-tally-of-papers"),
    row("Після інциденту з дронами над Польщею Альянс має намір розгорнути на своєму східному фланзі "
        "додаткові підрозділи ППО.",
        set(), id="uk-p-deployment-own-ground-no-host"),
    row("Росія почала виводити свій миротворчий контингент з Нагірного Карабаху, підтвердив "
        "речник Кремля Дмитро Пєсков.",
        {ev("withdrawal", "RUS", "AZE", source="RUS")}, id="uk-p-withdrawal-from-region"),
    row("Франція звернулася до ЄС за статтею 42.7. Усі 27 держав-членів одностайно висловили "
        "Франції підтримку.",
        {ev("appeal", "FRA", "EU"), ev("decision", "EU", "FRA")}, id="uk-p-decision-member-states-back"),
    # Nothing: questions, exercise scenarios, treaty and procedure text.
    row("Чи направить ОДКБ миротворців до Таджикистану, якщо ситуація на кордоні й далі "
        "погіршуватиметься?",
        set(), id="uk-p-question-direct"),
    row("Журналісти запитали генерального секретаря ОДКБ, чи звертався Душанбе по допомогу.",
        set(), id="uk-p-question-indirect"),
    row("За задумом навчань «Взаємодія-2025», Таджикистан звертається до ОДКБ по допомогу, і "
        "колективні сили перекидають на таджицько-афганський кордон.",
        set(), id="uk-p-exercise-scenario"),
    row("Відповідно до статті 4 договору на прохання держави, яка зазнала агресії, інші "
        "учасники негайно надають їй необхідну допомогу.",
        set(), id="uk-p-treaty-text"),
]


def test_table_uses_spec_values():
    check_table(CASES)


def test_table_is_large_enough():
    assert len(CASES) >= 45


@pytest.mark.parametrize("text, expected, optional", CASES)
def test_extract_paraphrase_uk(text, expected, optional):
    assert_extracts(text, "uk", expected, optional)
