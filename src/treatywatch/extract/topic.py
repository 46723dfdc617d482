"""A cheap first look at a document: text that names no alliance, body or treaty and has
no word of help, troops or consultations holds no event of ours, and skips the costly
steps. One pass of an Aho-Corasick automaton over the lowercased text.

A name passes by the stems of its two longest words (so inflected forms pass: "Организации
Договора о коллективной безопасности"); a short one-word name ("ООН", "UN") only as a
whole word ("until" is no UN).
"""

from __future__ import annotations

import re
from typing import Iterable

import ahocorasick

STEM = 6
SHORT = 5


class TopicFilter:
    def __init__(self, names: Iterable[str], stems: Iterable[str]):
        self._needs: list[frozenset[str]] = []
        keys: dict[str, bool] = {}  # key -> whole word only
        for name in names:
            words = [w for w in re.findall(r"\w+", name.lower()) if len(w) >= 2]
            if not words:
                continue  # "U.N.": its plain spelling is listed too
            if len(words) == 1 and len(words[0]) <= SHORT:
                keys[words[0]] = True
                self._needs.append(frozenset([words[0]]))
                continue
            longest = sorted(words, key=len, reverse=True)[:2]
            need = frozenset(w[:STEM] for w in longest)
            keys.update({k: keys.get(k, False) for k in need})
            self._needs.append(need)
        for stem in stems:
            stem = stem.lower()
            keys.setdefault(stem, False)
            self._needs.append(frozenset([stem]))
        self._needs_by_key: dict[str, list[frozenset[str]]] = {}  # a need is met only if one of its keys is hit
        for need in self._needs:
            for key in need:
                self._needs_by_key.setdefault(key, []).append(need)
        self._automaton = ahocorasick.Automaton()
        for key, whole in keys.items():
            self._automaton.add_word(key, (key, whole))
        self._automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        lowered = text.lower()
        hits = set()
        for end, (key, whole) in self._automaton.iter(lowered):
            start = end - len(key) + 1
            if start > 0 and lowered[start - 1].isalnum():
                continue  # a key inside a word
            if whole and end + 1 < len(lowered) and lowered[end + 1].isalnum():
                continue
            hits.add(key)
        return hits

    def __call__(self, text: str) -> bool:
        hits = self.found(text)
        return any(need <= hits for key in hits for need in self._needs_by_key.get(key, ()))
