"""What users type and what a text names, over the knowledge files and the extractor's name
index: a party id for a name in any form ("Таджикистана", "tjk"), and the people a sentence
names with their role on a date.

It sits above `knowledge` (facts, with no idea of text) and `extract` (reading text), so
neither imports the other's way back: knowledge never imports extract.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from treatywatch.knowledge import Knowledge, PersonInText

if TYPE_CHECKING:
    from treatywatch.extract.names import NameIndex

RESOLVABLE_KINDS = ("state", "org", "state_adj", "metonym", "body", "force")
_building = threading.Lock()


def name_index(knowledge: Knowledge) -> "NameIndex":
    """The name index over `knowledge`: the first one built over it (the extractor's, when it
    runs in this process), else one built now with its own Morph (1-2 s), once."""
    index = knowledge.derived.get("name_index")
    if index is None:
        with _building:
            index = knowledge.derived.get("name_index")
            if index is None:
                from treatywatch.extract.lang.morph import Morph  # loaded only when names are looked up
                from treatywatch.extract.names import NameIndex

                index = NameIndex(knowledge, Morph())  # keeps itself in knowledge.derived
    return knowledge.derived["name_index"]


def resolve_party(knowledge: Knowledge, text: str, lang: str | None = None) -> str | None:
    """A party id for user input: an id in any case ("tjk"), a name in any of our languages,
    inflected or not ("Таджикистана", "Кыргызстан", "Tajik"). None if unsure: no name,
    several parties ("Congo", "альянс"). A place name that is also a common word ("Chad",
    "Того") is the place when a user types it."""
    exact, ambiguous = knowledge.party_by_name(text, lang)
    if exact is not None or ambiguous:
        return exact
    query = " ".join(str(text).split())
    if not query:
        return None
    index = name_index(knowledge)
    for candidate in ((lang,) if lang else ("ru", "uk", "en")):
        tokens, mentions = index.find_text(query, candidate)
        words = [t for t in tokens if _is_word(t.text)]
        if len(mentions) == 1 and not mentions[0].alternatives and mentions[0].kind in RESOLVABLE_KINDS:
            mention = mentions[0]
            covered = [t for t in tokens[mention.start:mention.end] if _is_word(t.text)]
            if len(covered) == len(words) and mention.party:
                return mention.party
    return None


def people_in(knowledge: Knowledge, text: str, date: dt.date | str | None = None,
              lang: str | None = None) -> list[PersonInText]:
    """The people named in `text` with the (party, role) each held on `date` (see
    `Knowledge.person_role`); `lang` is guessed from the script when not given."""
    found: dict[str, PersonInText] = {}
    for mention in name_index(knowledge).find_text(text, lang)[1]:
        if mention.kind == "person" and mention.id not in found:
            party_role = knowledge.person_role(mention.id, date)
            party, role = party_role if party_role else (None, None)
            found[mention.id] = PersonInText(mention.id, knowledge.person(mention.id).name("en"), party, role)
    return list(found.values())


def _is_word(token: str) -> bool:
    """Tokens a name must cover when resolving user input (not punctuation, "the", "'s")."""
    return any(ch.isalnum() for ch in token) and token.lower() not in ("the", "s")
