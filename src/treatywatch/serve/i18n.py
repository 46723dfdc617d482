"""Interface language: message catalogues (locales/*.yaml) and the choice of language.

The language is chosen by `?lang=` first, then the browser's Accept-Language, then
English. Catalogues are flat `key: text` maps; `str.format` fields fill the blanks.
A key missing in Russian falls back to English. Keys built from data values
(`outcome.<value>`) may name a value the catalogues do not know yet: the page then
shows the value itself rather than failing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Callable

import yaml

from treatywatch.errors import DataFileError

LANGUAGES = ("en", "ru")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one interface language, loaded once."""
    path = resources.files("treatywatch.serve") / "locales" / f"{lang}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read message catalogue ({exc}); fix the YAML") from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DataFileError(f"{path}: a catalogue must be a flat map of key: text")
    return data


def translator(lang: str) -> Callable[..., str]:
    """`t(key, **fields)` for one language, falling back to English per key."""
    own = catalogue(lang) if lang in LANGUAGES else {}
    fallback = catalogue(DEFAULT_LANGUAGE)

    def t(key: str, **fields: object) -> str:
        text = own.get(key) or fallback.get(key)
        if text is None:
            return key.rsplit(".", 1)[-1]
        return text.format(**fields) if fields else text

    return t


def choose_language(query_lang: str | None, accept_language: str | None) -> str:
    """`?lang=` if it names a supported language, else the best Accept-Language match."""
    if query_lang and query_lang.lower() in LANGUAGES:
        return query_lang.lower()
    for lang in _accepted(accept_language or ""):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def _accepted(header: str) -> list[str]:
    """Primary language tags of an Accept-Language header, best first."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary and quality > 0:
            weighted.append((-quality, position, primary))
    return [tag for _, _, tag in sorted(weighted)]
