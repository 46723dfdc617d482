"""A generated mixed news stream for the ingest benchmarks: mostly off-topic stories,
some appeals, denials and decisions in en/ru/uk, a few exact and near duplicates.
Every sentence here is written for the benchmark; `random.Random(seed)` makes the same
stream each time.

    python bench/mixed_stream.py 10000 /tmp/stream10k.jsonl.gz
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import sys

ON_TOPIC_SHARE = 0.2
DUPLICATE_SHARE = 0.02
NEAR_DUPLICATE_SHARE = 0.02

STATES = {  # name as subject (en), genitive (ru, uk)
    "en": ["Armenia", "Kazakhstan", "Tajikistan", "Kyrgyzstan", "Belarus"],
    "ru": ["Армении", "Казахстана", "Таджикистана", "Киргизии", "Белоруссии"],
    "uk": ["Вірменії", "Казахстану", "Таджикистану", "Киргизстану", "Білорусі"],
}
ON_TOPIC = {
    "en": ["The government of {state} asked the CSTO for military assistance on {day}, the foreign ministry said.",
           "Officials in {state} denied reports that the country had requested help from the CSTO.",
           "The CSTO said it would consider sending peacekeepers to {state} if the situation worsened.",
           "Leaders of the alliance decided to send a peacekeeping force to {state}, the secretariat said."],
    "ru": ["Власти {state} обратились к ОДКБ за военной помощью, сообщил МИД.",
           "В правительстве {state} опровергли сообщения о просьбе о помощи к ОДКБ.",
           "Совет коллективной безопасности ОДКБ принял решение направить миротворцев на территорию {state}."],
    "uk": ["Уряд {state} звернувся до ОДКБ по військову допомогу, повідомило МЗС.",
           "У МЗС {state} заперечили повідомлення про звернення до ОДКБ."],
}
FILLER = {
    "en": ["The city library will stay open late during the exam season.",
           "Rain is expected across the north of the country until the weekend.",
           "The national team won its qualifying match by two goals to one.",
           "A new tram line connecting the airport and the centre opened on {day}.",
           "Farmers reported a record harvest of apples this autumn.",
           "The museum of modern art has acquired a collection of early photographs.",
           "Fuel prices fell slightly for the third week in a row.",
           "The university announced scholarships for students from rural areas."],
    "ru": ["В городе открылась новая библиотека с читальным залом на двести мест.",
           "Синоптики обещают дожди на севере страны до конца недели.",
           "Сборная выиграла отборочный матч со счётом два один.",
           "Фермеры собрали рекордный урожай яблок.",
           "Цены на топливо снизились третью неделю подряд.",
           "В музее современного искусства открылась выставка ранней фотографии."],
    "uk": ["У місті відкрилася нова бібліотека з читальною залою.",
           "Синоптики прогнозують дощі на півночі країни до кінця тижня.",
           "Збірна виграла відбірковий матч з рахунком два один.",
           "Фермери зібрали рекордний урожай яблук.",
           "Ціни на пальне знизилися третій тиждень поспіль."],
}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def records(count: int, seed: int = 1):
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    made: list[dict] = []
    for number in range(count):
        roll = rng.random()
        if made and roll < DUPLICATE_SHARE:
            record = dict(rng.choice(made), id=f"copy-{number}")
        elif made and roll < DUPLICATE_SHARE + NEAR_DUPLICATE_SHARE:
            source = rng.choice(made)
            record = dict(source, id=f"near-{number}",
                          text=source["text"] + " " + rng.choice(FILLER["en"]).format(day=rng.choice(DAYS)))
        else:
            lang = rng.choice(("en", "ru", "uk"))
            # each sentence with a number of its own, so that stories drawn from the same
            # few sentences do not become near-duplicates by chance as the stream grows
            sentences = [rng.choice(FILLER[lang]).format(day=rng.choice(DAYS))[:-1]
                         + f" ({rng.randint(1, 99999)})."
                         for _ in range(rng.randint(4, 9))]
            if rng.random() < ON_TOPIC_SHARE:
                template = rng.choice(ON_TOPIC[lang])
                sentences.insert(rng.randint(0, 2), template.format(
                    state=rng.choice(STATES[lang]), day=rng.choice(DAYS)))
            sentences.append(f"({lang}-{number})")  # every story its own text
            published = start + dt.timedelta(days=rng.randint(0, 1000))
            record = {"id": f"story-{number}", "published": published.isoformat(),
                      "text": " ".join(sentences)}
        made.append(record)
        yield record


def write(count: int, path: str, seed: int = 1) -> str:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    print(write(int(sys.argv[1]), sys.argv[2]))
