"""When events happened, read from the whole story: its date, its lead, the paragraphs
around (our own stories, in ru, uk and en). Each row: a story and, for some of its events
(type, actor, target), the `when` they must get."""

from __future__ import annotations

import pytest

from treatywatch.ingest import doc_from_text

CASES = [
    # Rule 9: an offer is dated by when it was made, a conditional one too.
    pytest.param(
        "Россия готова помочь Белоруссии, если та попросит\n\n14.03.2023 11:20\n\n"
        "Россия окажет Белоруссии военную помощь, если Минск об этом попросит, заявил министр "
        "иностранных дел России.",
        {("offer", "RUS", "BLR"): "2023-03-14"}, id="ru-conditional-offer-in-lead"),
    pytest.param(
        "Russia says it would help Kazakhstan\n\nMOSCOW, March 14, 2023\n\n"
        "Russia is ready to send troops to Kazakhstan if Astana asks for them, the Russian foreign "
        "minister said.",
        {("offer", "RUS", "KAZ"): "2023-03-14"}, id="en-conditional-offer-in-lead"),
    pytest.param(
        "Пашинян попросив Москву про допомогу\n\n1 листопада 2020 року\n\n"
        "Прем'єр-міністр Вірменії учора надіслав президентові Росії листа з проханням про допомогу. "
        "Він послався на Договір про дружбу від 29 серпня 1997 року.\n\n"
        "Відповідь надійшла увечері. Російське МЗС заявило, що Росія надасть Вірменії всю необхідну "
        "допомогу, якщо бої перекинуться на її територію.",
        {("offer", "RUS", "ARM"): "2020-10-31"}, id="uk-offer-after-lead-dated-yesterday"),
    # A page with no date: a day without its year takes the year the story last named.
    pytest.param(
        "Вірменія попросила ОДКБ про допомогу\n\nБої на кордоні тривали з 3 по 5 травня 2021 року.\n\n"
        "Через тиждень, 12 травня, Вірменія звернулася до ОДКБ з проханням про допомогу.",
        {("appeal", "ARM", "CSTO"): "2021-05-12"}, id="uk-day-takes-story-year"),
    pytest.param(
        "Armenia appeals to the CSTO\n\nFighting raged on the border in May 2021.\n\n"
        "On 12 May Armenia asked the CSTO for military assistance.",
        {("appeal", "ARM", "CSTO"): "2021-05-12"}, id="en-day-takes-story-year"),
    # Paragraphs after a lead dated to the story's day, with no other date between: that day.
    pytest.param(
        "Eastern allies ask NATO for consultations\n\nBRUSSELS, March 14, 2023\n\n"
        "NATO ambassadors met on Tuesday under Article 4 after three allies asked for talks.\n\n"
        "The request was made by Poland, Lithuania and Latvia.",
        {("appeal", "POL", "NATO"): "2023-03-14", ("appeal", "LVA", "NATO"): "2023-03-14"},
        id="en-request-after-dated-lead"),
    pytest.param(
        "Эстония обратилась в НАТО\n\nТАЛЛИН, 15 марта 2023.\n\n"
        "Вчера послы стран НАТО провели консультации по статье 4.\n\n"
        "С просьбой о консультациях к альянсу обратилась Эстония.",
        {("appeal", "EST", "NATO"): "2023-03-14", ("consultation", "NATO", "EST"): "2023-03-14"},
        id="ru-appeal-after-lead-dated-yesterday"),
    # "The same day" is the date told before it in its own sentence.
    pytest.param(
        "Контингент вирушив додому\n\n20 березня 2023 року\n\n"
        "10 березня білоруські військові полетіли літаками, а киргизький контингент того ж дня "
        "вирушив з Казахстану додому.",
        {("withdrawal", "KGZ", "KAZ"): "2023-03-10"}, id="uk-same-day-in-sentence"),
    # "The day after X asked": the asking was a day earlier; not when the day after is an apposition.
    pytest.param(
        "Первые подразделения прибыли в Казахстан\n\n20 марта 2023.\n\n"
        "Первые подразделения прибыли 6 марта, на следующий день после того, как Казахстан "
        "попросил ОДКБ о помощи.",
        {("appeal", "KAZ", "CSTO"): "2023-03-05"}, id="ru-day-after-asking"),
    pytest.param(
        "Troops landed a day after the appeal\n\nLONDON, March 20, 2023\n\n"
        "The first units landed on March 6, the day after Kazakhstan asked the CSTO for help.",
        {("appeal", "KAZ", "CSTO"): "2023-03-05"}, id="en-day-after-asking"),
    pytest.param(
        "CSTO decides to send troops\n\nLONDON, March 20, 2023\n\n"
        "The first units landed on March 6, the day after the riots, when the CSTO decided to deploy "
        "troops to Kazakhstan.",
        {("decision", "CSTO", "KAZ"): "2023-03-06"}, id="en-day-after-riots-is-apposition"),
    # A date after "after ..." is the act's own when the act is in that clause.
    pytest.param(
        "Patriot batteries in place\n\nBRUSSELS, March 20, 2023\n\n"
        "The batteries were sent after Turkey formally asked NATO in January to reinforce its air defences.",
        {("appeal", "TUR", "NATO"): "2023-01"}, id="en-act-inside-after-clause"),
    # A headline tells the news of its lead, dated by the lead.
    pytest.param(
        "Вірменія просить допомоги в ОДКБ\n\n15 березня 2023 року\n\n"
        "Лист прем'єр-міністра Вірменії генсекові організації надійшов учора.",
        {("appeal", "ARM", "CSTO"): "2023-03-14"}, id="uk-headline-dated-by-lead"),
    # "Hours before the session": the day last named.
    pytest.param(
        "Armenia asks allies for help\n\nYEREVAN, March 17, 2023\n\n"
        "The bloc's leaders met on Tuesday at an emergency video conference. Hours before the session, "
        "Armenia had asked the CSTO for military assistance.",
        {("appeal", "ARM", "CSTO"): "2023-03-14"}, id="en-hours-before-session"),
    # An act told again undated is the act the text dated elsewhere, whatever its modality there.
    pytest.param(
        "Council answers Turkey\n\nBRUSSELS, March 20, 2023\n\n"
        "Turkey will ask NATO for consultations on 9 March, the foreign minister said last week.\n\n"
        "The ministers then took note of Turkey's request for consultations under Article 4.",
        {("appeal", "TUR", "NATO"): "2023-03-09"}, id="en-request-dated-when-announced"),
    pytest.param(
        "Турция обратится в НАТО\n\nАНКАРА, 20 марта 2023.\n\n"
        "Министр сообщил, что 9 марта Турция попросит НАТО о консультациях.\n\n"
        "Позже совет принял к сведению просьбу Турции о консультациях по статье 4.",
        {("appeal", "TUR", "NATO"): "2023-03-09"}, id="ru-request-dated-when-announced"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_extract_dates_events_from_their_story(extractor, text, expected):
    events = extractor.extract(doc_from_text("story.txt", text))
    got = {(e.type, e.actor, e.target): e.when for e in events if e.polarity == "positive"}
    assert {k: got.get(k, "<no event>") for k in expected} == expected, events
