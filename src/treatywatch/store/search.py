"""Search by lemma: every document's words as lemmas, indexed by the database.

A document's title and text are cut into words and each word replaced by its
lemma in the document's language (pymorphy3 for ru and uk, simplemma for en: the
extractor's `Morph`), so "Таджикистана", "Таджикистану" and "Таджикистан" are all
indexed as `таджикистан`. A query is lemmatised the same way, once per language, and
each version is matched only against documents of that language: a word means what it
means in the language of the page it is on.

Lemmas are cut into their letter-and-digit parts ("северо-запад" -> `северо запад`)
before indexing, so that both databases see the same tokens:

- SQLite: an FTS5 table `search_lemmas(doc_id UNINDEXED, lemmas)`.
- PostgreSQL: a table `search_lemmas(doc_id, lemmas, search)` whose `search` is the
  generated `to_tsvector('simple', lemmas)` with a GIN index. The configuration is
  'simple' on purpose: the text is lemmatised already, by the same analyzers as on
  SQLite, which the 'russian' and 'english' Snowball stemmers would only undo (and
  PostgreSQL has no Ukrainian one).

Each query part matches as a prefix of an indexed part, so `consult` still finds
"consultations". `search_lemmas` are created by migration 0004, which also fills them
for the documents of an existing store; `index_document` is called when a document
is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import text
from sqlalchemy.engine import Connection

LEMMATISED_LANGS = ("ru", "uk", "en")
MAX_PARSES = 3  # lemmas kept of an ambiguous word, best first
OTHER = ""  # documents of any other or unknown language: matched by lower-cased words
TABLE = "search_lemmas"
PG_INDEX = "ix_search_lemmas_search"
_PART = re.compile(r"[^\W_]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019\u02bc][^\W_]+)*", re.UNICODE)


Lemma = tuple[str, ...]  # a lemma's letter-and-digit parts


@dataclass(frozen=True)
class Word:
    """One word of a text: where it is, and the lemmas it may have (best first)."""

    start: int
    end: int
    lemmas: tuple[Lemma, ...]

    @property
    def parts(self) -> list[str]:
        return list(dict.fromkeys(part for lemma in self.lemmas for part in lemma))


@dataclass(frozen=True)
class SearchFilters:
    lang: str | None = None  # ru, uk, en, or any other code
    start: dt.date | None = None  # published on or after
    end: dt.date | None = None  # published on or before
    outlet: str | None = None  # as stored


@functools.lru_cache(maxsize=1)
def _morph():
    """One analyzer for indexing and queries alike, with no gazetteer names added, so
    that a lemma never depends on what else the process has loaded."""
    from treatywatch.extract.lang.morph import Morph

    return Morph()


def text_language(lang: str | None) -> str:
    """The lemmatiser group of a document's language."""
    return lang if lang in LEMMATISED_LANGS else OTHER


@functools.lru_cache(maxsize=200_000)
def lemmas_of(word: str, lang: str | None) -> tuple[Lemma, ...]:
    """Every lemma `word` may have in `lang`, best first, as parts: an ambiguous form
    ("стали": стать, сталь) is indexed, and searched for, under each of its lemmas.
    So is a form the language's dictionary reads otherwise than a neighbour's would
    (Ukrainian "Таджикистана": таджикистаний, таджикистан)."""
    from treatywatch.extract.lang.morph import PYMORPHY_LANGS, normalize

    group = text_language(lang)
    if not group:
        found = [normalize(word)]
    elif group in PYMORPHY_LANGS:
        found = [_morph().lemma(word, group)]
        found += [parse.lemma for parse in _morph().parses(word, group)[:MAX_PARSES]]
    else:
        found = [_morph().lemma(word, group)]
    lemmas = (tuple(_PART.findall(lemma)) for lemma in dict.fromkeys(found))
    return tuple(lemma for lemma in lemmas if lemma)


def words(body: str, lang: str | None) -> Iterator[Word]:
    """The words of `body` with their lemmas. A word is letters and digits, joined by
    inner hyphens and apostrophes ("Касым-Жомарт", "м'ясо", "Tajikistan's"), so that it
    is lemmatised whole; a regular expression is ten times faster than razdel here,
    and splits words no differently once lemmas are cut into parts."""
    for match in _WORD.finditer(body):
        lemmas = lemmas_of(match.group(), lang)
        if lemmas:
            yield Word(match.start(), match.end(), lemmas)


def lemma_text(title: str | None, body: str, lang: str | None) -> str:
    """What is indexed for a document: the lemma parts of its title and text."""
    return " ".join(part for chunk in (title or "", body) for word in words(chunk, lang)
                    for part in word.parts)


def query_words(query: str, lang: str | None) -> list[tuple[Lemma, ...]]:
    """The query's words, each as the lemmas it may have in `lang`: a document must
    hold every word, under any of its lemmas, each lemma with all its parts."""
    return [word.lemmas for word in words(query, lang)]


# --- the index ----------------------------------------------------------------------

def create_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
            "doc_id UNINDEXED, lemmas, tokenize='unicode61 remove_diacritics 0')")
    else:
        conn.exec_driver_sql(
            f"CREATE TABLE {TABLE} (doc_id VARCHAR(64) PRIMARY KEY REFERENCES documents (id) "
            "ON DELETE CASCADE, lemmas TEXT NOT NULL, search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', lemmas)) STORED)")
        conn.exec_driver_sql(f"CREATE INDEX {PG_INDEX} ON {TABLE} USING gin (search)")


def drop_index(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def index_document(conn: Connection, doc_id: str, lang: str | None, title: str | None,
                   body: str) -> None:
    """Make a new document findable (in the transaction that writes it)."""
    conn.execute(text(f"INSERT INTO {TABLE} (doc_id, lemmas) VALUES (:id, :lemmas)"),
                 {"id": doc_id, "lemmas": lemma_text(title, body, lang)})


def index_documents(conn: Connection, docs: list[tuple[str, str | None, str | None, str]]) -> None:
    """Make new documents, (id, lang, title, text), findable in one statement."""
    if docs:
        conn.execute(text(f"INSERT INTO {TABLE} (doc_id, lemmas) VALUES (:id, :lemmas)"),
                     [{"id": doc_id, "lemmas": lemma_text(title, body, lang)} for doc_id, lang, title, body in docs])


def index_all(conn: Connection, batch: int = 200) -> int:
    """Index every stored document not indexed yet (migration 0004); how many."""
    done, last = 0, ""
    while True:
        rows = conn.execute(text(
            f"SELECT id, lang, title, text FROM documents WHERE id > :last AND id NOT IN "
            f"(SELECT doc_id FROM {TABLE}) ORDER BY id LIMIT :batch"),
            {"last": last, "batch": batch}).all()
        if not rows:
            return done
        for doc_id, lang, title, body in rows:
            index_document(conn, doc_id, lang, title, body)
        done += len(rows)
        last = rows[-1][0]


# --- searching ----------------------------------------------------------------------

def search(conn: Connection, query: str, limit: int,
           filters: SearchFilters = SearchFilters()) -> list[tuple[str, float]]:
    """Ids of documents holding every word of `query` (by lemma, in the document's
    language), best first, with a score (higher is better)."""
    groups = [text_language(filters.lang)] if filters.lang else [*LEMMATISED_LANGS, OTHER]
    hits: list[tuple[str, float]] = []
    for group in groups:
        wanted = query_words(query, group or None)
        if wanted:
            hits += _search_group(conn, group, wanted, limit, filters)
    hits.sort(key=lambda hit: (-hit[1], hit[0]))
    return hits[:limit]


def _search_group(conn: Connection, group: str, wanted: list[tuple[Lemma, ...]], limit: int,
                  filters: SearchFilters) -> list[tuple[str, float]]:
    where, params = _filters_sql(group, filters)
    params["limit"] = limit
    if conn.dialect.name == "sqlite":
        params["match"] = _expression(wanted, '"{}"*', " AND ", " OR ")
        sql = (f"SELECT f.doc_id, -bm25({TABLE}) AS score FROM {TABLE} AS f "
               f"JOIN documents AS d ON d.id = f.doc_id WHERE {TABLE} MATCH :match{where} "
               "ORDER BY score DESC, f.doc_id LIMIT :limit")
    else:
        params["q"] = _expression(wanted, "{}:*", " & ", " | ")
        sql = (f"SELECT f.doc_id, ts_rank(f.search, to_tsquery('simple', :q)) AS score "
               f"FROM {TABLE} AS f JOIN documents AS d ON d.id = f.doc_id "
               f"WHERE f.search @@ to_tsquery('simple', :q){where} "
               "ORDER BY score DESC, f.doc_id LIMIT :limit")
    return [(row[0], float(row[1])) for row in conn.execute(text(sql), params)]


def _expression(wanted: list[tuple[Lemma, ...]], term: str, all_of: str, any_of: str) -> str:
    """Every word, each as any of its lemmas, each lemma as all of its parts (the
    parts are letters and digits only, so nothing in them is syntax)."""
    def lemma(parts: Lemma) -> str:
        return "(" + all_of.join(term.format(p) for p in parts) + ")"

    return all_of.join("(" + any_of.join(lemma(l) for l in word) + ")" for word in wanted)


def _filters_sql(group: str, filters: SearchFilters) -> tuple[str, dict[str, object]]:
    clauses, params = [], {}
    if group:
        clauses.append("d.lang = :lang")
        params["lang"] = group
    elif filters.lang:
        clauses.append("d.lang = :lang")
        params["lang"] = filters.lang
    else:
        clauses.append("(d.lang IS NULL OR d.lang NOT IN ('ru', 'uk', 'en'))")
    if filters.start:
        clauses.append("d.published >= :start")
        params["start"] = filters.start
    if filters.end:
        clauses.append("d.published <= :end")
        params["end"] = filters.end
    if filters.outlet:
        clauses.append("d.outlet = :outlet")
        params["outlet"] = filters.outlet
    return "".join(" AND " + c for c in clauses), params
