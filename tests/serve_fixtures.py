"""Documents for the web tests, written for them, with their events annotated by
hand (evidence spans found in the text the store keeps), so the pages are tested
apart from extraction quality.

`HandAnnotated` stands in for `Extractor`: it recognises each document below by a
marker in its text and fills in its events with evidence offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treatywatch.model import Doc, Event, Evidence

TOKEN = "test-token-0123456789"


@dataclass
class Annotated:
    marker: str  # a phrase only this document contains
    record: dict[str, Any]  # the JSON Lines input record
    events: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (fields, sentence)


KAZ_APPEAL = "President Kassym-Jomart Tokayev appealed to the CSTO on 5 January for help against what he called terrorist gangs."
KAZ_DECISION = "The Collective Security Council decided on 6 January to send the collective peacekeeping forces to Kazakhstan under Article 4 of the treaty."
KAZ_RUSSIA = "Russia is sending about 3,000 paratroopers to guard airports and power stations."

KAZAKHSTAN = Annotated(
    marker="terrorist gangs",
    record={"id": "kaz-2022.txt", "published": "2022-01-07", "url": "https://news.example/kaz-2022",
            "title": "CSTO agrees to send peacekeepers to Kazakhstan",
            "text": "ALMATY, 7 January 2022.\n\n" + KAZ_APPEAL + " " + KAZ_DECISION + "\n\n"
                    + KAZ_RUSSIA + " Belarus and Armenia are preparing smaller units.\n"},
    events=[
        ({"type": "appeal", "actor": "KAZ", "target": "CSTO", "source": "KAZ", "when": "2022-01-05",
          "assistance": "military"}, KAZ_APPEAL),
        ({"type": "decision", "actor": "CSTO", "target": "KAZ", "source": "CSTO", "when": "2022-01-06",
          "assistance": "peacekeeping", "basis": "CST-4", "outcome": "deploy"}, KAZ_DECISION),
        ({"type": "deployment", "actor": "RUS", "target": "KAZ", "when": "2022-01", "size": 3000,
          "via": "CSTO"}, KAZ_RUSSIA),
    ],
)

TJK_DENIAL = "Пресс-служба ОДКБ заявила, что Таджикистан не обращался в организацию за военной помощью."
TJK_RUMOUR = "Ранее ряд телеграм-каналов писал, что Душанбе <b>попросил</b> ввести войска."
HOSTILE_SCRIPT = "<script>alert(1)</script>"

# Text that looks like markup: it must come out of every page as text.
TAJIKISTAN = Annotated(
    marker="телеграм-каналов писал",
    record={"id": "tjk-2025.txt", "published": "2025-12-02", "url": "javascript:alert(3)",
            "title": "ОДКБ опровергла <img src=x onerror=alert(2)> слухи",
            "text": "ДУШАНБЕ, 2 декабря 2025.\n\n" + TJK_DENIAL + " " + HOSTILE_SCRIPT + "\n\n"
                    + TJK_RUMOUR + " <a href=\"javascript:alert(4)\">подробнее</a>\n"},
    events=[
        ({"type": "appeal", "actor": "TJK", "target": "CSTO", "polarity": "negative",
          "source": "CSTO", "when": "2025-11", "assistance": "military"}, TJK_DENIAL),
        ({"type": "appeal", "actor": "TJK", "target": "CSTO", "modality": "uncertain",
          "source": "media", "when": "2025-11", "assistance": "military"}, TJK_RUMOUR),
    ],
)

ARM_APPEAL = "Armenia formally asked the CSTO for military assistance under Article 4 on 13 September."
ARM_MISSION = "Instead of troops, the organisation decided to send a mission led by its Secretary General."

ARMENIA = Annotated(
    marker="Instead of troops",
    record={"id": "arm-2022.txt", "published": "2022-09-14", "title": "CSTO sends a mission to Armenia",
            "text": "YEREVAN, 14 September 2022.\n\n" + ARM_APPEAL + " " + ARM_MISSION + "\n"},
    events=[
        ({"type": "appeal", "actor": "ARM", "target": "CSTO", "source": "ARM", "when": "2022-09-13",
          "assistance": "military", "basis": "CST-4"}, ARM_APPEAL),
        ({"type": "decision", "actor": "CSTO", "target": "ARM", "source": "CSTO", "when": "2022-09",
          "outcome": "mission", "assistance": "monitoring"}, ARM_MISSION),
    ],
)

DOCUMENTS = [KAZAKHSTAN, TAJIKISTAN, ARMENIA]


class HandAnnotated:
    """An extractor that knows the events of `DOCUMENTS` (and finds none elsewhere)."""

    def __init__(self, documents: list[Annotated] = DOCUMENTS):
        self.documents = documents

    def __call__(self, doc: Doc) -> Doc:
        doc.events = []
        for annotated in self.documents:
            if annotated.marker not in doc.text:
                continue
            for fields, sentence in annotated.events:
                start = doc.text.find(sentence)
                assert start >= 0, f"{sentence!r} is not in the stored text of {doc.id}"
                event = Event(**fields, evidence=[Evidence(doc.id, start, start + len(sentence), sentence)],
                              confidence=0.9)
                doc.events.append(event)
        return doc


def open_test_answers(tmp_path: Path):
    """Answers over a fresh SQLite store whose ingestion uses `HandAnnotated`."""
    from treatywatch.serve.answers import Answers
    from treatywatch.store import open_store

    return Answers(open_store(f"sqlite:///{tmp_path / 'web.sqlite'}"), extractor=HandAnnotated())
