"""Cost of the knowledge base, the Morph adapter and the name index. Prints figures.

    python bench/bench_names.py [--repeat 3]

Measures: load_knowledge (cold); Morph analyzer start-up per language; microseconds per
analyze() call uncached (each word once, cache cleared) and cached; NameIndex build time
and size; microseconds per sentence for NameIndex.find (lemmas and words given, as the
extractor calls it); peak RSS. Text comes from ../shared/corpus when present (read only),
else from a few sentences of ours.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import sys
import time
from pathlib import Path

from treatywatch.extract.lang.morph import Morph
from treatywatch.extract.lang.tokens import tokenize

CORPUS = Path(os.environ.get("TREATYWATCH_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
FALLBACK = {
    "ru": ["Власти Таджикистана не обращались к странам ОДКБ за помощью.",
           "Переговоры с президентом Казахстана Касым-Жомартом Токаевым прошли в Кремле."],
    "uk": ["Прем'єр-міністр Вірменії звернувся до Організації Договору про колективну безпеку.",
           "Речник МЗС Польщі прокоментував рішення у Києві."],
    "en": ["The Kazakh president asked the CSTO for help.",
           "NATO's North Atlantic Council met in Brussels, Reuters reported."],
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences_by_lang() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"ru": [], "uk": [], "en": []}
    files = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            line = line.strip()
            if len(line) < 20:
                continue
            lang = "uk" if re.search("[іїєґІЇЄҐ]", line) else "ru" if re.search("[а-яА-Я]", line) else "en"
            found[lang].extend(s for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 15)
    return {lang: found[lang] or FALLBACK[lang] for lang in found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the sentences for find()")
    args = parser.parse_args()
    texts = sentences_by_lang()
    print(f"sentences: " + ", ".join(f"{lang} {len(s)}" for lang, s in texts.items())
          + (" (shared corpus)" if CORPUS.is_dir() else " (fallback)"))

    start = time.perf_counter()
    from treatywatch.knowledge import load_knowledge
    knowledge = load_knowledge()
    print(f"load_knowledge: {time.perf_counter() - start:.3f} s, {len(knowledge.parties())} parties, "
          f"{len(knowledge.people())} people, RSS {rss_mb():.0f} MB")

    morph = Morph()
    for lang in ("ru", "uk", "en"):
        start = time.perf_counter()
        morph.analyze("проверка" if lang != "en" else "check", lang)
        print(f"Morph start-up {lang}: {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    morph.analyze("Києві", "uk")  # the first Ukrainian tie loads simplemma's uk dictionary
    print(f"simplemma uk dictionary (first tie): {time.perf_counter() - start:.3f} s, RSS {rss_mb():.0f} MB")

    tokens = {lang: [[t.text for t in tokenize(s)] for s in sents] for lang, sents in texts.items()}
    for lang, sentences in tokens.items():
        words = list(dict.fromkeys(w for s in sentences for w in s))
        morph._cached.cache_clear()
        start = time.perf_counter()
        for word in words:
            morph.analyze(word, lang)
        cold = (time.perf_counter() - start) / len(words) * 1e6
        start = time.perf_counter()
        for word in words:
            morph.analyze(word, lang)
        warm = (time.perf_counter() - start) / len(words) * 1e6
        print(f"Morph.analyze {lang}: {cold:.1f} µs uncached, {warm:.2f} µs cached ({len(words)} distinct words)")

    from treatywatch.extract.names import NameIndex
    start = time.perf_counter()
    index = NameIndex(knowledge, morph)
    print(f"NameIndex build: {time.perf_counter() - start:.2f} s, {index.size} entries, "
          f"{len(index.conflicts)} conflicts, RSS {rss_mb():.0f} MB")

    for lang, sentences in tokens.items():
        prepared = [([morph.lemma(w, lang) for w in s], s) for s in sentences]
        passes, mentions = [], 0
        for _ in range(max(2, args.repeat)):
            timings = []
            for lemmas, words in prepared:
                start = time.perf_counter()
                found = index.find(lemmas, lang, words)
                timings.append(time.perf_counter() - start)
                mentions += len(found)
            passes.append(timings)
        first, warm = passes[0], [t for p in passes[1:] for t in p]
        tokens_per = statistics.mean(len(w) for _, w in prepared)
        print(f"NameIndex.find {lang}: first pass {statistics.mean(first) * 1e6:.0f} µs/sentence, "
              f"warm {statistics.mean(warm) * 1e6:.0f} µs mean, {sorted(warm)[int(len(warm) * 0.95)] * 1e6:.0f} µs p95 "
              f"({tokens_per:.0f} tokens, {mentions / len(prepared) / len(passes):.1f} mentions per sentence)")
    print(f"peak RSS: {rss_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
