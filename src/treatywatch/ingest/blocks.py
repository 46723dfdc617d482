"""Cut a document's text into blocks (`title`, `dateline`, `body`, `furniture`) that cover it.

A block is a paragraph: one line in text copied from web pages (one paragraph a line),
or the lines between blank lines in hard-wrapped text. Furniture ("Read also" lists,
comments, prompts) comes from the vocabulary in data/furniture.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from treatywatch.ingest.datelines import dateline_date, lead_date
from treatywatch.ingest.furniture import load_furniture
from treatywatch.model import Block

# A "long paragraph" ends a furniture list and shows the story has begun.
LIST_ITEM_MAX_CHARS = 120
BULLET_ITEM_MAX_CHARS = 300
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
HEADLINE_MIN_WORDS = 3
PROSE_MIN_WORDS = 8
WRAPPED_LINE_MIN_CHARS = 40
# The publication date is taken from a dateline among the first readable blocks only.
DATELINE_SEARCH_BLOCKS = 5

_BULLET = re.compile(r"^(?:[•·▪►*—–-]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?][»\"”'’)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[»\"”'’)\]]*$")
_CONTINUES_LINE = re.compile(r"[,;(\-]$")
_ONLY_DATE_OR_TIME = re.compile(r"^[\d\s.:/\-·|,]+$")


@dataclass
class Segmentation:
    blocks: list[Block] = field(default_factory=list)
    published: dt.date | None = None  # from the first dateline, if any
    title: str | None = None


def segment(text: str, known_title: str | None = None) -> Segmentation:
    """Blocks of `text` with their kinds; `known_title` (from HTML or a record) marks the
    block that repeats it as the title."""
    blocks = _paragraphs(text)
    lines = [text[b.start:b.end] for b in blocks]
    _mark_furniture(blocks, lines)
    result = Segmentation(blocks=blocks)
    _mark_datelines_and_titles(blocks, lines, known_title, result)
    return result


def _line_spans(text: str) -> list[tuple[int, int] | None]:
    """(start, end) of each line without its surrounding spaces; None for a blank line."""
    spans: list[tuple[int, int] | None] = []
    position = 0
    for raw in text.split("\n"):
        start = position + len(raw) - len(raw.lstrip())
        end = position + len(raw.rstrip())
        spans.append((start, end) if end > start else None)
        position += len(raw) + 1
    return spans


def _looks_hard_wrapped(lengths: list[int], joined: int) -> bool:
    """Lines cut at a fixed width (e-mail, old wire copy): many lines of similar length
    that follow one another without blank lines."""
    if len(lengths) < 6:
        return False
    widest = max(lengths)
    if widest > 100:
        return False
    near_width = sum(1 for n in lengths if n >= 0.6 * widest)
    return near_width >= 0.6 * len(lengths) and joined >= 0.5 * len(lengths)


def _paragraphs(text: str) -> list[Block]:
    spans = _line_spans(text)
    present = [s for s in spans if s]
    followed = sum(1 for a, b in zip(spans, spans[1:]) if a and b)
    wrapped = _looks_hard_wrapped([e - s for s, e in present], followed)

    blocks: list[Block] = []
    current: Block | None = None
    previous_line = ""
    for span in spans:
        if span is None:
            current = None
            continue
        line = text[span[0]:span[1]]
        if current is not None and _continues(previous_line, line, wrapped):
            current.end = span[1]
        else:
            current = Block(span[0], span[1])
            blocks.append(current)
        previous_line = line
    return blocks


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether `line` goes on the paragraph that `previous` (the line above) belongs to."""
    if _BULLET.match(line) or _BULLET.match(previous):
        return False
    if wrapped:
        return True
    # A short line (a header, a name) does not wrap: a cut-off line is near full width.
    if len(previous) < WRAPPED_LINE_MIN_CHARS or _SENTENCE_END.search(previous) or previous.endswith(":"):
        return False
    return line[0].islower() or bool(_CONTINUES_LINE.search(previous))


def _is_list_item(line: str) -> bool:
    if _BULLET.match(line):
        return len(line) <= BULLET_ITEM_MAX_CHARS
    if _ONLY_DATE_OR_TIME.match(line):
        return True
    if len(line) > LIST_ITEM_MAX_CHARS:
        return False
    return bool(_ELLIPSIS_END.search(line)) or not _SENTENCE_END.search(line)


def _mark_furniture(blocks: list[Block], lines: list[str]) -> None:
    vocabulary = load_furniture()
    story_started = False
    in_list = False
    for index, (block, line) in enumerate(zip(blocks, lines)):
        found = vocabulary.match(line)
        if found:
            block.kind = "furniture"
            if found.inline or found.scope == "line":
                continue
            if found.scope == "rest" and story_started:
                for rest in blocks[index + 1:]:
                    rest.kind = "furniture"
                return
            in_list = True
            continue
        if in_list and _is_list_item(line):
            block.kind = "furniture"
            continue
        in_list = False
        if len(line) > LIST_ITEM_MAX_CHARS:
            story_started = True


def _looks_like_title(line: str) -> bool:
    return (
        len(line) <= TITLE_MAX_CHARS
        and not line.endswith(".")
        and not line.endswith(":")
        and not _BULLET.match(line)
        and any(c.isalpha() for c in line)
        and len(line.split()) <= TITLE_MAX_WORDS
    )


def _mark_datelines_and_titles(
    blocks: list[Block], lines: list[str], known_title: str | None, result: Segmentation
) -> None:
    readable = [i for i, b in enumerate(blocks) if b.kind != "furniture"]
    first_date = headed_date = None
    story_begun = False
    for position, index in enumerate(readable):
        date = dateline_date(lines[index])
        if date is None:
            story_begun = story_begun or _reads_as_prose(lines[index])
            continue
        blocks[index].kind = "dateline"
        if first_date is None and position < DATELINE_SEARCH_BLOCKS:
            first_date = date
        # A headline right above a dateline (the second story of a bilingual page);
        # a word or two there is a rubric ("Мир", "Politics").
        if position > 0:
            above = readable[position - 1]
            if (blocks[above].kind == "body" and _looks_like_title(lines[above])
                    and len(lines[above].split()) >= HEADLINE_MIN_WORDS):
                blocks[above].kind = "title"
                if headed_date is None and not story_begun:
                    headed_date = date
    # The date under the story's headline is the story's; one above it, over menus and
    # rates, is the site's clock ("Сегодня: четверг, 16 мая").
    result.published = headed_date or first_date or next(
        (d for d in (lead_date(lines[i]) for i in readable[:DATELINE_SEARCH_BLOCKS]) if d), None)

    headline = _first_headline(blocks, lines, readable, known_title)
    if headline is None:
        return
    result.title = lines[headline]
    for index in readable:
        if blocks[index].kind == "body" and lines[index] == result.title:
            blocks[index].kind = "title"
    blocks[headline].kind = "title"


def _reads_as_prose(line: str) -> bool:
    """A paragraph of the story, not a menu item, rate or rubric."""
    return len(line) > LIST_ITEM_MAX_CHARS or (
        bool(_SENTENCE_END.search(line)) and len(line.split()) >= PROSE_MIN_WORDS)


def _first_headline(
    blocks: list[Block], lines: list[str], readable: list[int], known_title: str | None
) -> int | None:
    candidates = [i for i in readable if blocks[i].kind != "dateline"][:2]
    if known_title:
        wanted = " ".join(known_title.split())
        for index in candidates:
            if " ".join(lines[index].split()) == wanted:
                return index
    if candidates and _looks_like_title(lines[candidates[0]]):
        return candidates[0]
    return None
