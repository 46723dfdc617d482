"""Throughput and peak memory of the extraction pipeline (read_documents + Extractor), one process.

    python bench/bench_extract.py [--n 10000] [--seed 0] [--dev ../shared/corpus/dev] [--seconds 5]

(a) dev: the on-topic dev documents, read again and again for at least --seconds.
(b) mixed: --n documents written to a temporary folder, about 95% off-topic news made
    here from templates (sports, economy, weather, culture, science, transport, health;
    ru/uk/en; 500-3000 characters; datelines and "read also" lists as on real pages) and
    the rest copies of the dev documents. Read once with ingest only, then through the
    whole pipeline.

Start-up included: the dev documents of the warm-up pass and of (a), over the time from
before `import treatywatch` to the end of (a) (imports, extractor build, warm-up pass and
(a) itself), so it depends on --seconds; the issue's figure is for --seconds 10.

Targets (issue 7): >= 100 on-topic documents/s start-up included, >= 1,000 documents/s on
the mixed stream, peak memory <= 500 MB, one process on one core.

Peak memory is the process's maximum resident set (ru_maxrss) after each stage. "cpu
ms/doc" is the process's CPU time (time.process_time) per document: on a machine shared
with other jobs it varies less than the wall-clock rate.
"""

from __future__ import annotations

import time

PROCESS_STARTED, CPU_STARTED = time.perf_counter(), time.process_time()  # before treatywatch's imports

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from treatywatch.errors import InputError
from treatywatch.extract import Extractor
from treatywatch.ingest import read_documents

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "corpus" / "dev"
ON_TOPIC_SHARE = 0.05
TARGET_MIXED = 1000  # documents/s
TARGET_ON_TOPIC_WITH_START_UP = 100  # documents/s
TARGET_PEAK_MB = 500

# --- off-topic news, written for this benchmark -------------------------------------------

CITIES = {
    "ru": ["МОСКВА", "САНКТ-ПЕТЕРБУРГ", "НОВОСИБИРСК", "КАЗАНЬ", "ЕКАТЕРИНБУРГ", "СОЧИ", "ВЛАДИВОСТОК", "МИНСК"],
    "uk": ["КИЇВ", "ЛЬВІВ", "ОДЕСА", "ХАРКІВ", "ДНІПРО", "ВІННИЦЯ", "УЖГОРОД", "ЧЕРНІГІВ"],
    "en": ["LONDON", "NEW YORK", "SYDNEY", "TORONTO", "DUBLIN", "CHICAGO", "EDINBURGH", "AUCKLAND"],
}
MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
           "жовтня", "листопада", "грудня"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
NAMES = {
    "ru": ["Андрей Соколов", "Мария Ковалёва", "Игорь Лебедев", "Ольга Назарова", "Дмитрий Гусев",
           "Екатерина Белова", "Павел Морозов", "Анна Фёдорова"],
    "uk": ["Олена Ткаченко", "Тарас Бондар", "Ірина Мельник", "Василь Кравчук", "Наталія Шевчук",
           "Богдан Поліщук", "Оксана Гнатюк", "Юрій Левченко"],
    "en": ["Sarah Mitchell", "James Carter", "Emily Watson", "Daniel Hughes", "Laura Bennett",
           "Michael Foster", "Rachel Adams", "Thomas Reid"],
}
READ_ALSO = {"ru": "Читайте также:", "uk": "Читайте також:", "en": "Read also"}

TOPICS: dict[str, dict[str, dict[str, list[str]]]] = {
    "sports": {
        "ru": {
            "title": ["«{team}» выиграл домашний матч со счётом {a}:{b}", "Сборная начала подготовку к турниру в {month_loc}",
                      "{name} установила новый рекорд сезона"],
            "body": ["Команда «{team}» обыграла гостей со счётом {a}:{b} в матче {n}-го тура.",
                     "Главный тренер {name} отметил, что игроки хорошо выдержали высокий темп второго тайма.",
                     "Решающий мяч был забит на {minute}-й минуте после быстрой контратаки.",
                     "На стадионе собралось около {thousands} тысяч болельщиков, билеты были распроданы заранее.",
                     "В следующем туре клуб сыграет на выезде, матч начнётся в {hour}:00 по местному времени.",
                     "Полузащитник получил травму колена и пропустит не менее {n} недель.",
                     "Пловчиха улучшила собственное достижение на {n} сотых секунды.",
                     "Лыжники проведут сбор в горах, где будут тренироваться дважды в день."],
        },
        "uk": {
            "title": ["«{team}» виграв домашній матч з рахунком {a}:{b}", "Збірна почала підготовку до турніру",
                      "{name} встановила новий рекорд сезону"],
            "body": ["Команда «{team}» обіграла гостей з рахунком {a}:{b} у матчі {n}-го туру.",
                     "Головний тренер {name} зазначив, що гравці добре витримали високий темп другого тайму.",
                     "Вирішальний м'яч забили на {minute}-й хвилині після швидкої контратаки.",
                     "На стадіоні зібралося близько {thousands} тисяч уболівальників, квитки розкупили заздалегідь.",
                     "У наступному турі клуб зіграє на виїзді, матч розпочнеться о {hour}:00 за місцевим часом.",
                     "Півзахисник отримав травму коліна і пропустить щонайменше {n} тижнів.",
                     "Плавчиня покращила власне досягнення на {n} сотих секунди.",
                     "Лижники проведуть збір у горах, де тренуватимуться двічі на день."],
        },
        "en": {
            "title": ["{team} win {a}-{b} at home", "National squad begins preparations for the championship",
                      "{name} sets a new season record"],
            "body": ["{team} beat the visitors {a}-{b} in round {n} of the league on Saturday.",
                     "Head coach {name} said the players coped well with the high tempo of the second half.",
                     "The decisive goal came in the {minute}th minute after a quick counter-attack.",
                     "About {thousands},000 fans filled the stadium, and tickets had sold out days in advance.",
                     "The club plays away next week, with kick-off at {hour}:00 local time.",
                     "The midfielder injured his knee and will miss at least {n} weeks.",
                     "The swimmer improved her own best time by {n} hundredths of a second.",
                     "The cross-country team will hold a training camp in the mountains, practising twice a day."],
        },
    },
    "economy": {
        "ru": {
            "title": ["Инфляция в {month_loc} замедлилась до {pct}%", "Производство стали выросло на {pct}%",
                      "Банки снизили ставки по ипотеке"],
            "body": ["По данным статистической службы, годовая инфляция замедлилась до {pct}%.",
                     "Аналитик {name} считает, что цены на продукты стабилизируются к концу квартала.",
                     "Выручка крупнейших ритейлеров выросла на {pct}% по сравнению с прошлым годом.",
                     "Средняя ставка по ипотеке снизилась до {pct}% годовых.",
                     "Экспорт зерна за {n} месяцев превысил {thousands} тысяч тонн.",
                     "Компания объявила о строительстве нового завода стоимостью {n} млрд рублей.",
                     "Розничные продажи электроники увеличились на {pct}% за квартал.",
                     "Эксперты ожидают, что спрос на жильё останется высоким до весны."],
        },
        "uk": {
            "title": ["Інфляція сповільнилася до {pct}%", "Виробництво сталі зросло на {pct}%",
                      "Банки знизили ставки за іпотекою"],
            "body": ["За даними статистичної служби, річна інфляція сповільнилася до {pct}%.",
                     "Аналітик {name} вважає, що ціни на продукти стабілізуються до кінця кварталу.",
                     "Виторг найбільших рітейлерів зріс на {pct}% порівняно з минулим роком.",
                     "Середня ставка за іпотекою знизилася до {pct}% річних.",
                     "Експорт зерна за {n} місяців перевищив {thousands} тисяч тонн.",
                     "Компанія оголосила про будівництво нового заводу вартістю {n} млрд гривень.",
                     "Роздрібний продаж електроніки збільшився на {pct}% за квартал.",
                     "Експерти очікують, що попит на житло залишиться високим до весни."],
        },
        "en": {
            "title": ["Inflation slows to {pct}%", "Steel output rises {pct}%", "Banks cut mortgage rates"],
            "body": ["Annual inflation slowed to {pct}%, the statistics office said on Tuesday.",
                     "Analyst {name} expects food prices to stabilise by the end of the quarter.",
                     "Revenue at the largest retailers rose {pct}% from a year earlier.",
                     "The average mortgage rate fell to {pct}% a year.",
                     "Grain exports over {n} months exceeded {thousands},000 tonnes.",
                     "The company announced a new factory worth {n} billion dollars.",
                     "Retail sales of electronics grew {pct}% in the quarter.",
                     "Economists expect demand for housing to stay strong until spring."],
        },
    },
    "weather": {
        "ru": {
            "title": ["Синоптики обещают до +{temp} градусов", "На регион надвигаются сильные дожди",
                      "Первый снег выпал раньше обычного"],
            "body": ["В выходные температура поднимется до +{temp} градусов, осадков не ожидается.",
                     "Синоптик {name} предупредила о сильном ветре с порывами до {n} метров в секунду.",
                     "Ночью местами возможны заморозки, днём воздух прогреется до +{n} градусов.",
                     "Уровень воды в реке поднялся на {n} сантиметров после ливней.",
                     "Коммунальные службы вывели на улицы {thousands} единиц снегоуборочной техники.",
                     "Атмосферное давление будет расти, к середине недели установится сухая погода.",
                     "Жителей просят не парковать автомобили под деревьями во время грозы.",
                     "Метеорологи отмечают, что такой тёплой осени не было уже много лет."],
        },
        "uk": {
            "title": ["Синоптики обіцяють до +{temp} градусів", "На регіон насуваються сильні дощі",
                      "Перший сніг випав раніше, ніж зазвичай"],
            "body": ["У вихідні температура підніметься до +{temp} градусів, опадів не очікується.",
                     "Синоптикиня {name} попередила про сильний вітер із поривами до {n} метрів за секунду.",
                     "Уночі подекуди можливі заморозки, вдень повітря прогріється до +{n} градусів.",
                     "Рівень води в річці піднявся на {n} сантиметрів після злив.",
                     "Комунальні служби вивели на вулиці {thousands} одиниць снігоприбиральної техніки.",
                     "Атмосферний тиск зростатиме, до середини тижня встановиться суха погода.",
                     "Мешканців просять не паркувати автівки під деревами під час грози.",
                     "Метеорологи зазначають, що такої теплої осені не було вже багато років."],
        },
        "en": {
            "title": ["Forecasters expect highs of {temp} degrees", "Heavy rain heads for the region",
                      "First snow arrives earlier than usual"],
            "body": ["Temperatures will climb to {temp} degrees at the weekend, with no rain expected.",
                     "Forecaster {name} warned of strong winds gusting up to {n} metres per second.",
                     "Frost is possible overnight in places, while afternoons will reach {n} degrees.",
                     "The river rose by {n} centimetres after the downpours.",
                     "The city sent {thousands} snow ploughs onto the streets before dawn.",
                     "Pressure will rise, bringing dry weather by the middle of the week.",
                     "Residents are asked not to park under trees during thunderstorms.",
                     "Meteorologists say the autumn has been the warmest in many years."],
        },
    },
    "culture": {
        "ru": {
            "title": ["В театре покажут премьеру нового спектакля", "Музей открыл выставку современной графики",
                      "Фестиваль джаза собрал {thousands} тысяч зрителей"],
            "body": ["Режиссёр {name} рассказал, что репетиции продолжались почти {n} месяцев.",
                     "Выставка включает более {n} работ из частных коллекций.",
                     "Билеты на премьеру разошлись за {n} часов после начала продаж.",
                     "Фестиваль продлится {n} дней, концерты пройдут на трёх площадках.",
                     "Критики высоко оценили декорации и работу художника по свету.",
                     "Библиотека проведёт серию лекций о литературе прошлого века.",
                     "Оркестр исполнит симфонию, которую не играли в городе более {n} лет.",
                     "Вход на открытие выставки будет свободным для студентов."],
        },
        "uk": {
            "title": ["У театрі покажуть прем'єру нової вистави", "Музей відкрив виставку сучасної графіки",
                      "Джазовий фестиваль зібрав {thousands} тисяч глядачів"],
            "body": ["Режисер {name} розповів, що репетиції тривали майже {n} місяців.",
                     "Виставка містить понад {n} робіт із приватних колекцій.",
                     "Квитки на прем'єру розкупили за {n} годин після початку продажу.",
                     "Фестиваль триватиме {n} днів, концерти відбудуться на трьох майданчиках.",
                     "Критики високо оцінили декорації та роботу художника зі світла.",
                     "Бібліотека проведе серію лекцій про літературу минулого століття.",
                     "Оркестр виконає симфонію, яку не грали в місті понад {n} років.",
                     "Вхід на відкриття виставки буде вільним для студентів."],
        },
        "en": {
            "title": ["Theatre stages premiere of a new play", "Museum opens exhibition of modern prints",
                      "Jazz festival draws {thousands},000 visitors"],
            "body": ["Director {name} said rehearsals had lasted almost {n} months.",
                     "The exhibition brings together more than {n} works from private collections.",
                     "Tickets for the premiere sold out within {n} hours.",
                     "The festival runs for {n} days, with concerts on three stages.",
                     "Critics praised the set design and the lighting.",
                     "The library will host a series of talks on last century's literature.",
                     "The orchestra will play a symphony not performed in the city for {n} years.",
                     "Entry to the opening night is free for students."],
        },
    },
    "science": {
        "ru": {
            "title": ["Учёные описали новый вид жуков", "Студенты запустили учебный спутник",
                      "Обсерватория зафиксировала яркую вспышку"],
            "body": ["Исследователи под руководством {name} изучили более {n} образцов.",
                     "Результаты опубликованы в научном журнале после полугода рецензирования.",
                     "Спутник массой {n} килограммов будет передавать снимки облаков.",
                     "Лаборатория получила грант на {n} млн рублей на три года.",
                     "Телескоп наблюдал за звездой {n} ночей подряд.",
                     "Новый метод позволяет сократить время анализа в {n} раз.",
                     "Экспедиция вернулась с образцами почвы и льда.",
                     "Университет откроет магистерскую программу по анализу данных."],
        },
        "uk": {
            "title": ["Науковці описали новий вид жуків", "Студенти запустили навчальний супутник",
                      "Обсерваторія зафіксувала яскравий спалах"],
            "body": ["Дослідники під керівництвом {name} вивчили понад {n} зразків.",
                     "Результати опублікували в науковому журналі після пів року рецензування.",
                     "Супутник масою {n} кілограмів передаватиме знімки хмар.",
                     "Лабораторія отримала грант на {n} млн гривень на три роки.",
                     "Телескоп спостерігав за зорею {n} ночей поспіль.",
                     "Новий метод дає змогу скоротити час аналізу в {n} разів.",
                     "Експедиція повернулася зі зразками ґрунту та льоду.",
                     "Університет відкриє магістерську програму з аналізу даних."],
        },
        "en": {
            "title": ["Scientists describe a new species of beetle", "Students launch a training satellite",
                      "Observatory records a bright flare"],
            "body": ["Researchers led by {name} examined more than {n} samples.",
                     "The results were published in a journal after six months of review.",
                     "The {n}-kilogram satellite will send back images of clouds.",
                     "The laboratory won a grant of {n} million dollars over three years.",
                     "The telescope followed the star for {n} nights in a row.",
                     "The new method cuts analysis time by a factor of {n}.",
                     "The expedition returned with samples of soil and ice.",
                     "The university will open a master's programme in data analysis."],
        },
    },
    "transport": {
        "ru": {
            "title": ["Новую линию метро откроют в {month_loc}", "Аэропорт обслужил рекордное число пассажиров",
                      "На трассе начался ремонт моста"],
            "body": ["Строители завершили укладку путей на участке длиной {n} километров.",
                     "За месяц аэропорт обслужил {thousands} тысяч пассажиров.",
                     "Движение по мосту будет ограничено на {n} недель.",
                     "Перевозчик добавил {n} новых рейсов в летнее расписание.",
                     "Директор депо {name} сообщил о закупке новых трамваев.",
                     "Стоимость проезда в автобусах не изменится до конца года.",
                     "Водителей просят заранее планировать маршрут из-за ремонта.",
                     "На вокзале установили {n} новых терминалов для покупки билетов."],
        },
        "uk": {
            "title": ["Нову лінію метро відкриють найближчим часом", "Аеропорт обслужив рекордну кількість пасажирів",
                      "На трасі почався ремонт мосту"],
            "body": ["Будівельники завершили укладання колій на ділянці завдовжки {n} кілометрів.",
                     "За місяць аеропорт обслужив {thousands} тисяч пасажирів.",
                     "Рух мостом буде обмежено на {n} тижнів.",
                     "Перевізник додав {n} нових рейсів до літнього розкладу.",
                     "Директор депо {name} повідомив про закупівлю нових трамваїв.",
                     "Вартість проїзду в автобусах не зміниться до кінця року.",
                     "Водіїв просять заздалегідь планувати маршрут через ремонт.",
                     "На вокзалі встановили {n} нових терміналів для купівлі квитків."],
        },
        "en": {
            "title": ["New metro line to open this year", "Airport handles record number of passengers",
                      "Bridge repairs begin on the motorway"],
            "body": ["Builders finished laying track on a {n}-kilometre section.",
                     "The airport handled {thousands},000 passengers last month.",
                     "Traffic on the bridge will be restricted for {n} weeks.",
                     "The carrier added {n} new routes to its summer timetable.",
                     "Depot manager {name} announced the purchase of new trams.",
                     "Bus fares will stay the same until the end of the year.",
                     "Drivers are asked to plan their journeys ahead because of the works.",
                     "The station installed {n} new ticket machines."],
        },
    },
}


def _fill(template: str, lang: str, rng: random.Random) -> str:
    return template.format(
        team=rng.choice(["Звезда", "Метеор", "Sokol", "Rovers", "Динамо", "Карпати", "Albion", "Wanderers"]),
        name=rng.choice(NAMES[lang]), a=rng.randint(0, 5), b=rng.randint(0, 5), n=rng.randint(2, 40),
        minute=rng.randint(3, 90), thousands=rng.randint(2, 60), hour=rng.randint(12, 21),
        pct=f"{rng.randint(1, 12)},{rng.randint(0, 9)}" if lang != "en" else f"{rng.randint(1, 12)}.{rng.randint(0, 9)}",
        temp=rng.randint(5, 35), month_loc={"ru": "марте", "uk": "березні", "en": "March"}[lang],
    )


def _dateline(lang: str, date: dt.date, rng: random.Random) -> str:
    month = MONTHS[lang][date.month - 1]
    city = rng.choice(CITIES[lang])
    if lang == "en":
        return f"{city}, {month} {date.day}, {date.year}"
    if lang == "uk":
        return f"{date.day} {month} {date.year} року"
    return f"{city}, {date.day} {month} {date.year}."


def off_topic_text(rng: random.Random) -> str:
    lang = rng.choice(["ru", "ru", "uk", "en"])
    topic = TOPICS[rng.choice(list(TOPICS))][lang]
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    target = rng.randint(500, 3000)
    parts = [_fill(rng.choice(topic["title"]), lang, rng), _dateline(lang, date, rng)]
    size = sum(map(len, parts))
    while size < target:
        paragraph = " ".join(_fill(rng.choice(topic["body"]), lang, rng) for _ in range(rng.randint(1, 4)))
        parts.append(paragraph)
        size += len(paragraph) + 2
    if rng.random() < 0.3:
        other = TOPICS[rng.choice(list(TOPICS))][lang]["title"]
        parts.append(READ_ALSO[lang] + "\n" + "\n".join("• " + _fill(rng.choice(other), lang, rng) for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def write_mixed_stream(folder: Path, n: int, dev_files: list[Path], rng: random.Random) -> int:
    """Write `n` documents, ~5% of them dev copies; returns the number of on-topic ones."""
    on_topic = 0
    for index in range(n):
        if dev_files and rng.random() < ON_TOPIC_SHARE:
            source = rng.choice(dev_files)
            shutil.copyfile(source, folder / f"{index:06d}{source.suffix}")
            on_topic += 1
        else:
            (folder / f"{index:06d}.txt").write_text(off_topic_text(rng), encoding="utf-8")
    return on_topic


# --- measuring ------------------------------------------------------------------------------

def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_pipeline(paths: list[str], extractor: Extractor | None) -> tuple[int, int, int, float, float]:
    """(documents, events, read failures, seconds, CPU seconds) for one pass."""
    documents = events = failures = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in read_documents(paths):
        if isinstance(item, InputError):
            failures += 1
            continue
        documents += 1
        if extractor is not None:
            events += len(extractor(item).events)
    return documents, events, failures, time.perf_counter() - started, time.process_time() - cpu_started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="documents in the mixed stream")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of on-topic documents")
    parser.add_argument("--seconds", type=float, default=5.0, help="least time spent on the dev stage")
    args = parser.parse_args()
    if not args.dev.is_dir():
        sys.exit(f"dev corpus not found at {args.dev}; pass --dev")
    dev_files = sorted(p for p in args.dev.iterdir() if p.suffix in (".txt", ".html", ".htm"))

    rows: list[tuple[str, int, int, int, float, float, float]] = []
    imports_seconds = time.perf_counter() - PROCESS_STARTED
    started, cpu_started = time.perf_counter(), time.process_time()
    extractor = Extractor().warm_up()
    warm_documents, warm_events = run_pipeline([str(args.dev)], extractor)[:2]  # first pass: dateparser and caches warm up
    build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rows.append(("imports", 0, 0, 0, imports_seconds, time.process_time() - CPU_STARTED - build_cpu, peak_mb()))
    rows.append(("extractor build + warm", 0, 0, 0, build_seconds, build_cpu, peak_mb()))

    total = [0, 0, 0, 0.0, 0.0]
    while total[3] < args.seconds:
        total = [a + b for a, b in zip(total, run_pipeline([str(args.dev)], extractor))]
    rows.append(("(a) dev, pipeline", *total, peak_mb()))
    with_start_up = ("(a) dev, start-up incl.", warm_documents + total[0], warm_events + total[1], total[2],
                     time.perf_counter() - PROCESS_STARTED, time.process_time() - CPU_STARTED, peak_mb())
    rows.append(with_start_up)

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as folder:
        on_topic = write_mixed_stream(Path(folder), args.n, dev_files, rng)
        rows.append(("(b) mixed, ingest only", *run_pipeline([folder], None), peak_mb()))
        rows.append(("(b) mixed, pipeline", *run_pipeline([folder], extractor), peak_mb()))

    print(f"mixed stream: {args.n} documents, {on_topic} on-topic copies of {len(dev_files)} dev files, seed {args.seed}")
    print(f"{'stage':<25}{'docs':>7}{'events':>8}{'failed':>7}{'seconds':>9}{'docs/s':>8}{'ms/doc':>8}"
          f"{'cpu s':>8}{'cpu ms/doc':>11}{'peak MB':>9}")
    for name, documents, events, failures, seconds, cpu, peak in rows:
        rate = documents / seconds if documents and seconds else 0.0
        per_doc = 1000 * seconds / documents if documents else 0.0
        cpu_per_doc = 1000 * cpu / documents if documents else 0.0
        print(f"{name:<25}{documents:>7}{events:>8}{failures:>7}{seconds:>9.2f}{rate:>8.0f}{per_doc:>8.2f}"
              f"{cpu:>8.2f}{cpu_per_doc:>11.2f}{peak:>9.0f}")
    mixed_rate = rows[-1][1] / rows[-1][4] if rows[-1][4] else 0.0
    on_topic_rate = with_start_up[1] / with_start_up[4] if with_start_up[4] else 0.0
    peak = max(row[-1] for row in rows)
    for what, figure, target, unit, met in (
            ("on-topic, start-up included", on_topic_rate, TARGET_ON_TOPIC_WITH_START_UP, "documents/s", on_topic_rate >= TARGET_ON_TOPIC_WITH_START_UP),
            ("mixed pipeline", mixed_rate, TARGET_MIXED, "documents/s", mixed_rate >= TARGET_MIXED),
            ("peak memory", peak, TARGET_PEAK_MB, "MB", peak <= TARGET_PEAK_MB)):
        print(f"{what}: {figure:.0f} {unit} ({'meets' if met else 'misses'} the target of {target} {unit})")


if __name__ == "__main__":
    main()
