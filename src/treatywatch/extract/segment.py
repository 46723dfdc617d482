"""Doc blocks -> sentences of tokens with offsets, lemmas and grammemes (razdel's cuts, lang/tokens.py + Morph)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from razdel import sentenize

from treatywatch.extract.lang.tokens import razdel_spans
from treatywatch.model import Block, Doc

# razdel splits after an abbreviation before a year ("6 янв. 2024 г."): glue such splits back.
_ABBREV_TAIL = re.compile(r"(?:\b[а-яіїєa-z]{1,4}\.)$", re.IGNORECASE)
_SENTENCE_LIMIT = 1200  # characters; longer "sentences" are lists or tables, cut them
# A dateline run into the lead: "RIGA, Latvia (BalticWire.net) — ", "Prague, 2 October 2001
# (Radio X) -- ", "АЛМАТЫ, 3 янв - Steppe News. ": a place, then a date or an outlet in
# brackets, then a dash; an outlet's name may follow the dash as a sentence of its own.
_RUN_IN_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*){0,2}(?:, [^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*){0,2})?)"
    r"(?:,\s+(?P<date>[^—–()\n]{0,30}?\d[^—–()\n]{0,20}?))?\s*"
    r"(?:\((?P<outlet>[^\W\d_a-zа-яёіїє][^()\n]{1,40})\))?\s*(?:—|–|--| - )\s*"
    r"(?P<credit>(?:[^\W\d_][\w.-]*\s){0,2}[^\W\d_][\w-]*\.\s+)?(?=[^\W\d_a-zа-яёіїє])")
_RUN_IN_MAX_CHARS = 100


@dataclass
class Token:
    i: int
    text: str
    start: int  # absolute offsets in Doc.text
    end: int
    lemma: str
    pos: str | None
    grams: frozenset[str]
    verb_lemma: str | None = None  # a verb reading behind a noun first parse ("прибыли")
    verb_grams: frozenset[str] = frozenset()
    lower: str = ""

    def __post_init__(self) -> None:
        # as the lexicon and the lemmas write it: "её" matches "по ее словам"
        self.lower = self.text.lower().replace("ё", "е")

    def as_verb(self) -> "Token":
        return Token(self.i, self.text, self.start, self.end, self.verb_lemma or self.lemma, "VERB",
                     self.verb_grams or self.grams)

    def has(self, *grammemes: str) -> bool:
        return any(g in self.grams for g in grammemes)

    @property
    def infinitive(self) -> bool:
        # pymorphy's Russian tags an infinitive as INFN, its Ukrainian as VERB + infn
        return self.pos == "INFN" or "infn" in self.grams


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    lang: str
    kind: str  # block kind: title | body | dateline
    block: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def lemmas(self) -> list[str]:
        return [t.lemma for t in self.tokens]

    @property
    def is_question(self) -> bool:
        return self.text.rstrip(" »\"'”)").endswith("?")


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s in sentenize(text):
        if spans and _ABBREV_TAIL.search(text[spans[-1][0]:spans[-1][1]]) and s.text[:1].isdigit():
            spans[-1] = (spans[-1][0], s.stop)
        else:
            spans.append((s.start, s.stop))
    out: list[tuple[int, int]] = []
    for start, stop in spans:
        while stop - start > _SENTENCE_LIMIT:
            cut = text.rfind(" ", start, start + _SENTENCE_LIMIT)
            cut = cut if cut > start else start + _SENTENCE_LIMIT
            out.append((start, cut))
            start = cut
        out.append((start, stop))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Within a block, a line break ends a sentence (headlines, bullet lines)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def segment(doc: Doc, morph, default_lang: str = "ru") -> list[Sentence]:
    sentences: list[Sentence] = []
    blocks: list[Block] = doc.readable_blocks() or [Block(0, len(doc.text), "body", doc.lang)]
    for block_index, block in enumerate(blocks):
        lang = block.lang or doc.lang or default_lang
        block_text = doc.text[block.start:block.end]
        for n, (line_start, line_end) in enumerate(_lines(block_text)):
            line = block_text[line_start:line_end]
            skip = _run_in_dateline(line) if n == 0 and block.kind == "body" else 0
            spans = [(0, skip)] + [(skip + a, skip + b) for a, b in _spans(line[skip:])] if skip else _spans(line)
            for s_start, s_end in spans:
                start = block.start + line_start + s_start
                end = block.start + line_start + s_end
                text = doc.text[start:end]
                if not text.strip():
                    continue
                kind = "dateline" if skip and s_start == 0 else block.kind
                sentence = Sentence(len(sentences), start, end, text, lang, kind, block_index)
                for k, (a_start, a_stop) in enumerate(razdel_spans(text)):
                    word = text[a_start:a_stop]
                    a = morph.analyze(word, lang)
                    token = Token(k, word, start + a_start, start + a_stop, a.lemma, a.pos, a.grammemes)
                    if a.pos == "NOUN" and lang != "en" and word[:1].islower() and word.endswith(_VERB_ENDINGS):
                        verb = _verb_reading(morph, word, lang)
                        if verb is not None:
                            token.verb_lemma, token.verb_grams = verb.lemma, verb.grammemes
                    sentence.tokens.append(token)
                if lang == "en":
                    _tag_in_context(sentence, morph)
                if lang == "uk":
                    _resolve_uk_future(sentence, morph)
                sentences.append(sentence)
    return sentences


def _run_in_dateline(line: str) -> int:
    """Length of a dateline run into the first line of a paragraph, else 0. Its place names
    where the story was filed, not who acts ("Prague, 2 October 2001 (Radio X) -- NATO ...")."""
    found = _RUN_IN_DATELINE.match(line)
    if found is None or found.end() >= len(line) or found.end() > _RUN_IN_MAX_CHARS:
        return 0
    place = found["place"]
    if not all(w[:1].isupper() for w in place.replace(",", " ").split()):
        return 0
    # with no date, only a filing place looks like this: "RIGA, Latvia (...)", "МОСКВА (...)"
    if not found["date"] and not (found["outlet"] and ("," in place or place.isupper())):
        return 0
    return found.end()


_VERB_ENDINGS = ("ли", "ла", "ло", "л", "ть", "ся", "сь", "ет", "ит", "ут", "ют", "ат", "ят")


def _verb_reading(morph, word: str, lang: str):
    if not hasattr(morph, "parses"):
        return None
    return next((a for a in morph.parses(word, lang) if a.pos in {"VERB", "INFN"}), None)


def _tag_in_context(sentence: Sentence, morph) -> None:
    """English words get their part of speech from the sentence (en_pos.py via Morph)."""
    if not hasattr(morph, "tag_sentence"):
        return
    tags = morph.tag_sentence([t.text for t in sentence.tokens], sentence.lang)
    for token, (pos, grams) in zip(sentence.tokens, tags or ()):
        token.pos, token.grams = pos, grams


def _resolve_uk_future(sentence: Sentence, morph) -> None:
    """Ukrainian 'відправить' is an infinitive or 'will send'; after a noun or a name it is
    the future, after a verb ('планує відправить') the infinitive."""
    toks = sentence.tokens
    for i, tok in enumerate(toks):
        if "infn" not in tok.grams or not hasattr(morph, "parses"):
            continue
        future = next((a for a in morph.parses(tok.text, "uk") if "futr" in a.grammemes), None)
        if future is None:
            continue
        prev = [t for t in toks[max(0, i - 3):i] if t.lower not in {"не", "вже", "також", "теж", "ще"}][-2:]
        if not any(t.pos in {"VERB", "ADJS", "PRTS"} or t.lemma in {"готовий", "мати", "намір"} for t in prev):
            tok.lemma, tok.grams = future.lemma, future.grammemes
