"""Documents for the search tests, written for them: forms of the same words in
Russian, Ukrainian and English, with dates and outlets to filter by."""

from __future__ import annotations

import datetime as dt

from treatywatch.ingest import doc_from_text

# name: (text, published, outlet); language detected from the text
DOCS = {
    "ru-appeal": ("Власти Таджикистана обратились к союзникам по ОДКБ за помощью.",
                  dt.date(2025, 3, 1), "Вести"),
    "ru-aid": ("Союзники направили помощь Таджикистану после наводнения в горах.",
               dt.date(2025, 6, 1), "Вести"),
    "ru-drill": ("Таджикистан провёл совместные учения с соседями на юге страны.",
                 dt.date(2024, 11, 5), "Курьер"),
    "ru-other": ("Учения прошли в Киргизии, соседи наблюдали за ними издалека.",
                 dt.date(2025, 1, 9), "Курьер"),
    "uk-gov": ("Уряд Таджикистану звернувся до партнерів по організації.",
               dt.date(2025, 4, 2), "Вісник"),
    "uk-peace": ("Миротворців відправили до Таджикистану наприкінці зими.",
                 dt.date(2025, 2, 20), "Вісник"),
    "uk-home": ("Останній миротворець повернувся додому з далекої місії.",
                dt.date(2025, 5, 7), "Вісник"),
    "en-ask": ("The government of Tajikistan requested troops from its allies last week.",
               dt.date(2025, 3, 3), "Wire"),
    "en-move": ("A single troop carrier deployed near the border on Monday morning.",
                dt.date(2025, 3, 4), "Wire"),
    "en-later": ("Peacekeepers were deploying to the capital as talks resumed.",
                 dt.date(2025, 3, 9), "Daily"),
}


def ingest_search_docs(store, names=None):
    for name in names or DOCS:
        body, published, outlet = DOCS[name]
        store.ingest(doc_from_text(name, body, published=published, outlet=outlet))
