"""The typed records that `treatywatch.knowledge` reads from data/*.yaml.

Every record keeps its `source` (where the fact comes from) and the `line` of its entry in
the data file, so answers can cite both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGS = ("en", "ru", "uk")
MEMBERSHIP_STATUSES = ("member", "suspended", "frozen")
STATUS_ANSWERS = ("member", "suspended", "frozen", "former", "never")


@dataclass(frozen=True)
class Period:
    """A closed date range; `None` on either side means open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def __str__(self) -> str:
        return f"{self.start or '…'} – {self.end or '…'}"


ALWAYS = Period()


@dataclass(frozen=True)
class Name:
    """One way of writing a name in one language."""

    text: str
    lang: str
    ambiguous: bool = False
    role: str | None = None  # whose voice a metonym is (the Kremlin: head_of_state)
    period: Period = ALWAYS  # when the name was in use (Nur-Sultan 2019-2022)


@dataclass(frozen=True)
class Named:
    """Base for records with names in several languages."""

    id: str
    names: tuple[Name, ...]
    source: str
    file: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def name(self, lang: str = "en") -> str:
        """The display name in `lang`, else in English, else the id."""
        for wanted in (lang, "en"):
            for name in self.names:
                if name.lang == wanted:
                    return name.text
        return self.id

    def names_in(self, lang: str) -> tuple[Name, ...]:
        return tuple(n for n in self.names if n.lang == lang)

    def all_names(self) -> list[str]:
        """Every written form (names, and for parties adjectives and metonyms), all languages."""
        found = [n.text for n in self.names]
        found += [n.text for n in getattr(self, "adjectives", ())] + [n.text for n in getattr(self, "metonyms", ())]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Party(Named):
    kind: str = "state"  # state | organization
    adjectives: tuple[Name, ...] = ()
    metonyms: tuple[Name, ...] = ()
    regions: tuple[Name, ...] = ()  # places inside the state, named as where forces go or leave


@dataclass(frozen=True)
class GroupMember:
    party: str
    period: Period = ALWAYS  # when the state belonged to the group
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Group(Named):
    """States news names as one ("the Baltic states"): a mention stands for each member."""

    members: tuple[GroupMember, ...] = ()

    def members_on(self, day: dt.date) -> list[str]:
        return [m.party for m in self.members if m.period.covers(day)]


@dataclass(frozen=True)
class Role:
    party: str
    role: str
    period: Period
    source: str
    title: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Person(Named):
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class RoleKind:
    """A role or institution kind; `acts_for` is `party` or `media` (spec rule 6)."""

    id: str
    acts_for: str
    description: str


@dataclass(frozen=True)
class Body(Named):
    """A body or force of an organization: it acts for `org`."""

    org: str = ""
    kind: str = "body"  # body | force
    role: str = "council"


@dataclass(frozen=True)
class Institution(Named):
    """A state institution; `party` is None for the generic ones (any state's president)."""

    kind: str = ""
    party: str | None = None


@dataclass(frozen=True)
class Outlet(Named):
    country: str | None = None


@dataclass(frozen=True)
class Article:
    number: str
    basis: str  # the spec's basis id: CST-4, TEU-42.7
    summary: str
    provides: str | None = None  # "consultation" (NATO-4, CST-2) or "assistance" (NATO-5, CST-4)


@dataclass(frozen=True)
class Treaty(Named):
    org: str | None = None
    signed: dt.date | None = None
    in_force: dt.date | None = None
    bilateral: bool = False
    parties: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()

    @property
    def basis(self) -> str | None:
        """The spec's basis id of the treaty as a whole; None for bilateral treaties."""
        return None if self.bilateral else self.id

    def article(self, number: str | int) -> Article | None:
        wanted = str(number).strip()
        return next((a for a in self.articles if a.number == wanted), None)


@dataclass(frozen=True)
class Membership:
    state: str
    org: str
    status: str  # member | suspended | frozen
    period: Period
    source: str
    file: str
    line: int


@dataclass(frozen=True)
class PersonInText:
    """A person named in a text, with the party and role they held on the date asked."""

    id: str
    name: str
    party: str | None
    role: str | None


@dataclass(frozen=True)
class MembershipStatus:
    """The answer to `member_of(state, org, date)`.

    `status` is one of member, suspended, frozen, former (a period ended before `date`),
    never (no period started by `date`). `record` is the period the answer rests on.
    """

    state: str
    org: str
    date: dt.date
    status: str
    record: Membership | None = None
    source: str | None = field(default=None)

    @property
    def is_member(self) -> bool:
        return self.status == "member"
