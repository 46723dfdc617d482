"""What treatywatch knows about the world: parties, people, memberships, treaties, bodies,
institutions and media outlets, read once from data/*.yaml (facts live in data, never in code).

    kb = load_knowledge()                          # cached; a broken file raises DataFileError
    kb.member_of("UZB", "CSTO", date(2013, 1, 1))  # MembershipStatus(status="suspended", ...)
    kb.members("NATO", date(2022, 6, 1))           # ["ALB", "BEL", ...] (status member only)
    kb.person_role("tokayev", date(2022, 1, 5))    # ("KAZ", "head_of_state")
    kb.person_roles("pashinyan", date(2022, 1, 6)) # [Role(ARM, head_of_government), Role(CSTO, council_chair)]
    kb.party_by_name("Tajikistan")                 # ("TJK", False); inflected forms: lookup.resolve_party
    kb.group_members("baltic-states", date(2022, 1, 5))  # ["EST", "LVA", "LTU"] (groups.yaml)
    kb.acts_for("legislator")                      # "media" (spec rule 6)
    kb.basis("CST", 4)                             # "CST-4"
    kb.display_name("KAZ", "ru")                   # "Казахстан" (parties, groups, bodies, people)

Dates are `datetime.date` or ISO strings ("2022-01-05"); None means today.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from pathlib import Path
from typing import Iterable

from treatywatch.errors import NotFoundError
from treatywatch.knowledge_files import (
    Where, read_bodies, read_groups, read_institutions, read_memberships, read_outlets, read_parties,
    read_people, read_treaties, read_yaml,
)
from treatywatch.knowledge_records import (
    Article, Body, Group, GroupMember, Institution, Membership, MembershipStatus, Name, Outlet, Party, Period,
    Person, PersonInText, Role, RoleKind, Treaty,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = [
    "Article", "Body", "DATA_DIR", "Group", "GroupMember", "Institution", "Knowledge", "Membership", "MembershipStatus", "Name",
    "Outlet", "Party", "Period", "Person", "PersonInText", "Role", "RoleKind", "Treaty", "load_knowledge",
]


class Knowledge:
    """Read-only answers over the data files. Build it with `load_knowledge()`."""

    def __init__(self, parties: list[Party], people: list[Person], memberships: list[Membership],
                 treaties: list[Treaty], kinds: list[RoleKind], institutions: list[Institution],
                 bodies: list[Body], outlets: list[Outlet], data_dir: Path, groups: list[Group] = ()):
        self.data_dir = data_dir
        self._parties = {p.id: p for p in parties}
        self._people = {p.id: p for p in people}
        self._memberships = memberships
        self._treaties = {t.id: t for t in treaties}
        self._kinds = {k.id: k for k in kinds}
        self._institutions = {i.id: i for i in institutions}
        self._bodies = {b.id: b for b in bodies}
        self._outlets = {o.id: o for o in outlets}
        self._groups = {g.id: g for g in groups}
        self.derived: dict = {}  # indexes built over these facts once, by the modules that read text

    # --- parties ---------------------------------------------------------------------------

    def party(self, party_id: str) -> Party:
        try:
            return self._parties[party_id]
        except KeyError:
            raise NotFoundError(f"unknown party {party_id!r}: use an ISO 3166-1 alpha-3 code or one of "
                                f"{', '.join(p.id for p in self.organizations())}") from None

    def has_party(self, party_id: str) -> bool:
        return party_id in self._parties

    def party_name(self, party_id: str, lang: str = "en") -> str:
        return self.party(party_id).name(lang)

    def display_name(self, record_id: str, lang: str = "en") -> str:
        """The name to show for a party, group, body or person id in `lang` (the first
        name of that language in its data file, else the English one); an id the data
        does not know is shown as it is."""
        for table in (self._parties, self._groups, self._bodies, self._people):
            record = table.get(record_id)
            if record is not None:
                name = record.name(lang)
                if isinstance(record, Body) and "{org}" in name:  # bodies.yaml: "Постоянный совет {org}"
                    name = name.replace("{org}", self.display_name(record.org, lang))
                return name
        return record_id

    def parties(self) -> list[Party]:
        return list(self._parties.values())

    def states(self) -> list[Party]:
        return [p for p in self._parties.values() if p.kind == "state"]

    def organizations(self) -> list[Party]:
        return [p for p in self._parties.values() if p.kind == "organization"]

    def organization_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.organizations())

    def party_by_name(self, text: str, lang: str | None = None) -> tuple[str | None, bool]:
        """(party id, ambiguous) for a name as written: an id in any case ("tjk"), or a name,
        adjective or metonym of the files in any letter case. (None, True) when the name names
        several parties ("Congo"); (None, False) when it names none as written (inflected
        forms are `treatywatch.lookup.resolve_party`'s)."""
        query = " ".join(str(text).split())
        if not query:
            return None, False
        if query.upper() in self._parties:
            return query.upper(), False
        wanted = _fold(query)
        ambiguous: set[str] = set()  # parties an ambiguous name names ("Chad": also a given name)
        for party in self._parties.values():
            for name in (*party.names, *party.adjectives, *party.metonyms):
                if (lang is None or name.lang == lang) and _fold(name.text) == wanted:
                    if not name.ambiguous:
                        return party.id, False
                    ambiguous.add(party.id)
        if len(ambiguous) == 1:
            return ambiguous.pop(), False  # what a user types as a name is the name
        return None, bool(ambiguous)

    # --- groups of states ------------------------------------------------------------------

    def group(self, group_id: str) -> Group:
        return _get(self._groups, group_id, "group", "groups.yaml")

    def groups(self) -> list[Group]:
        return list(self._groups.values())

    def group_members(self, group_id: str, date: dt.date | str | None = None) -> list[str]:
        """The states of the group on `date` (None: today), in the data's order."""
        return self.group(group_id).members_on(_day(date))

    # --- memberships -----------------------------------------------------------------------

    def member_of(self, state: str, org: str, date: dt.date | str | None = None) -> MembershipStatus:
        """Whether `state` was a member of `org` on `date` (see MembershipStatus)."""
        day = _day(date)
        self.party(state)
        records = self._org_records(org)
        own = [m for m in records if m.state == state]
        for record in own:
            if record.period.covers(day):
                return MembershipStatus(state, org, day, record.status, record, record.source)
        ended = [m for m in own if m.period.end is not None and m.period.end < day]
        if ended:
            last = max(ended, key=lambda m: m.period.end)
            return MembershipStatus(state, org, day, "former", last, last.source)
        return MembershipStatus(state, org, day, "never", None, None)

    def members(self, org: str, date: dt.date | str | None = None,
                statuses: Iterable[str] = ("member",)) -> list[str]:
        """States of `org` on `date` whose status is in `statuses` (by default full members:
        a frozen or suspended member is left out), sorted by id."""
        day, wanted = _day(date), set(statuses)
        return sorted({m.state for m in self._org_records(org) if m.status in wanted and m.period.covers(day)})

    def memberships(self, org: str | None = None, state: str | None = None) -> list[Membership]:
        return [m for m in self._memberships if (org is None or m.org == org) and (state is None or m.state == state)]

    def _org_records(self, org: str) -> list[Membership]:
        party = self.party(org)
        if party.kind != "organization":
            raise NotFoundError(f"{org!r} is a state, not an organization: ask member_of(state, org)")
        records = [m for m in self._memberships if m.org == org]
        if not records:
            raise NotFoundError(f"memberships of {org} are not recorded in memberships.yaml: "
                                f"add them there to answer this")
        return records

    # --- people and roles ------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        try:
            return self._people[person_id]
        except KeyError:
            raise NotFoundError(f"unknown person {person_id!r}: see people.yaml for ids") from None

    def people(self) -> list[Person]:
        return list(self._people.values())

    def person_roles(self, person_id: str, date: dt.date | str | None = None) -> list[Role]:
        """The person's roles on `date`, latest start first; with no date, every role,
        latest start first."""
        roles = self.person(person_id).roles
        if date is not None:
            day = _day(date)
            roles = tuple(r for r in roles if r.period.covers(day))
        return sorted(roles, key=lambda r: r.period.start or dt.date.min, reverse=True)

    def person_role(self, person_id: str, date: dt.date | str | None = None) -> tuple[str, str] | None:
        """(party, role) of the person on `date` (None: the latest role). A state role wins
        over an organization role held at the same time (Pashinyan in 2022 is ARM's head of
        government; `person_roles` also lists his CSTO chairmanship). None if no role."""
        roles = self.person_roles(person_id, date)
        if not roles:
            return None
        if date is None:
            # with no date, what the person is now: Rutte is NATO's Secretary General, not a Dutch PM
            current = [r for r in roles if r.period.end is None]
            roles = current or roles
        states_first = sorted(roles, key=lambda r: self.party(r.party).kind != "state")
        return states_first[0].party, states_first[0].role

    def role_kind(self, kind: str) -> RoleKind:
        try:
            return self._kinds[kind]
        except KeyError:
            raise NotFoundError(f"unknown role kind {kind!r}: see 'kinds' in institutions.yaml") from None

    def role_kinds(self) -> list[RoleKind]:
        return list(self._kinds.values())

    def acts_for(self, kind: str) -> str:
        """'party' if someone in this role speaks for their party, 'media' otherwise (rule 6)."""
        return self.role_kind(kind).acts_for

    # --- bodies, institutions, outlets -----------------------------------------------------

    def body(self, body_id: str) -> Body:
        return _get(self._bodies, body_id, "body", "bodies.yaml")

    def bodies(self, org: str | None = None) -> list[Body]:
        return [b for b in self._bodies.values() if org is None or b.org == org]

    def institution(self, institution_id: str) -> Institution:
        return _get(self._institutions, institution_id, "institution", "institutions.yaml")

    def institutions(self) -> list[Institution]:
        return list(self._institutions.values())

    def outlet(self, outlet_id: str) -> Outlet:
        return _get(self._outlets, outlet_id, "outlet", "outlets.yaml")

    def outlets(self) -> list[Outlet]:
        return list(self._outlets.values())

    # --- treaties --------------------------------------------------------------------------

    def treaty(self, treaty_id: str) -> Treaty:
        return _get(self._treaties, treaty_id, "treaty", "treaties.yaml")

    def treaties(self) -> list[Treaty]:
        return list(self._treaties.values())

    def basis(self, treaty_id: str, article: str | int | None = None) -> str | None:
        """The spec's basis id: basis("CST") -> "CST", basis("CST", 4) -> "CST-4",
        basis("TEU", "42.7") -> "TEU-42.7"; None for a bilateral treaty or an article we
        do not record."""
        treaty = self.treaty(treaty_id)
        if treaty.bilateral:
            return None
        if article is None:
            return treaty.basis
        found = treaty.article(article)
        return found.basis if found else None

    def article_of_basis(self, basis_id: str | None) -> Article | None:
        """The article a basis id names ("NATO-4"), or None."""
        for treaty in self._treaties.values():
            for article in treaty.articles:
                if article.basis == basis_id:
                    return article
        return None

    def basis_ids(self) -> frozenset[str]:
        """Every basis id the spec allows that our treaties define (CST, CST-2, NATO-5, ...)."""
        ids = {t.id for t in self._treaties.values() if not t.bilateral}
        ids.update(a.basis for t in self._treaties.values() if not t.bilateral for a in t.articles)
        return frozenset(ids)


def _get(table: dict, key: str, what: str, file: str):
    try:
        return table[key]
    except KeyError:
        raise NotFoundError(f"unknown {what} {key!r}: see {file} for ids") from None


def _day(date: dt.date | str | None) -> dt.date:
    if date is None:
        return dt.date.today()
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date))
    except ValueError:
        raise NotFoundError(f"bad date {date!r}: write YYYY-MM-DD") from None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.replace("’", "'").replace("ʼ", "'").split())


# --- loading -------------------------------------------------------------------------------

def load_knowledge(data_dir: str | Path | None = None) -> Knowledge:
    """Read and check the data files once (cached per directory).

    Raises DataFileError naming file:line, the problem and the fix."""
    return _load(str(Path(data_dir).resolve()) if data_dir else str(DATA_DIR))


@functools.lru_cache(maxsize=8)
def _load(data_dir: str) -> Knowledge:
    folder = Path(data_dir)
    parties = read_parties(read_yaml(folder / "parties.yaml"), "parties.yaml")
    _check_unique(parties, "parties.yaml")
    by_id = {p.id: p for p in parties}
    people = read_people(read_yaml(folder / "people.yaml"), "people.yaml")
    memberships = read_memberships(read_yaml(folder / "memberships.yaml"), "memberships.yaml")
    treaties = read_treaties(read_yaml(folder / "treaties.yaml"), "treaties.yaml")
    kinds, institutions = read_institutions(read_yaml(folder / "institutions.yaml"), "institutions.yaml")
    org_names = lambda org: by_id[org].names if org in by_id else ()  # noqa: E731
    bodies = read_bodies(read_yaml(folder / "bodies.yaml"), "bodies.yaml", org_names)
    outlets = read_outlets(read_yaml(folder / "outlets.yaml"), "outlets.yaml")
    groups = read_groups(read_yaml(folder / "groups.yaml"), "groups.yaml")
    for records, file in ((people, "people.yaml"), (treaties, "treaties.yaml"), (kinds, "institutions.yaml"),
                          (institutions, "institutions.yaml"), (bodies, "bodies.yaml"), (outlets, "outlets.yaml"),
                          (groups, "groups.yaml")):
        _check_unique(records, file)
    _check_references(by_id, {k.id for k in kinds}, people, memberships, treaties, institutions, bodies, outlets)
    _check_groups(by_id, groups)
    return Knowledge(parties, people, memberships, treaties, kinds, institutions, bodies, outlets, folder, groups)


def _check_unique(records: list, file: str) -> None:
    seen: dict[str, int] = {}
    for record in records:
        line = getattr(record, "line", 0)
        if record.id in seen:
            raise Where(file, line, record.id).error(
                f"duplicate id (first defined on line {seen[record.id]})", "rename one of them or merge the entries")
        seen[record.id] = line


def _check_references(parties: dict[str, Party], kinds: set[str], people: list[Person],
                      memberships: list[Membership], treaties: list[Treaty], institutions: list[Institution],
                      bodies: list[Body], outlets: list[Outlet]) -> None:
    def need_party(party_id: str | None, where: Where, kind: str | None = None) -> None:
        if party_id is None:
            return
        party = parties.get(party_id)
        if party is None:
            raise where.error(f"unknown party id {party_id!r}", "use an id defined in parties.yaml (or add it there)")
        if kind and party.kind != kind:
            article = "an" if kind[0] in "aeiou" else "a"
            raise where.error(f"{party_id!r} is a {party.kind}, not {article} {kind}", f"use the id of {article} {kind}")

    def need_kind(kind: str, where: Where) -> None:
        if kind not in kinds:
            raise where.error(f"unknown role kind {kind!r}", "use a kind listed under 'kinds' in institutions.yaml")

    def at(record, file: str, key: str) -> Where:
        return Where(file, record.field_lines.get(key, record.line), record.id)

    for person in people:
        for role in person.roles:
            where = Where("people.yaml", role.line or person.line, person.id)
            need_party(role.party, where)
            need_kind(role.role, where)
    for record in memberships:
        where = Where("memberships.yaml", record.line, f"{record.org}/{record.state}")
        need_party(record.org, where, "organization")
        need_party(record.state, where, "state")
    _check_membership_overlaps(memberships)
    for treaty in treaties:
        need_party(treaty.org, at(treaty, "treaties.yaml", "org"), "organization")
        for party_id in treaty.parties:
            need_party(party_id, at(treaty, "treaties.yaml", "parties"))
    for institution in institutions:
        need_party(institution.party, at(institution, "institutions.yaml", "party"), "state")
        need_kind(institution.kind, at(institution, "institutions.yaml", "kind"))
    for body in bodies:
        need_party(body.org, at(body, "bodies.yaml", "org"), "organization")
        need_kind(body.role, at(body, "bodies.yaml", "role"))
    for outlet in outlets:
        need_party(outlet.country, at(outlet, "outlets.yaml", "country"), "state")
    for party in parties.values():
        for metonym in party.metonyms:
            if metonym.role:
                need_kind(metonym.role, at(party, "parties.yaml", "metonyms"))


def _check_groups(parties: dict[str, Party], groups: list[Group]) -> None:
    for group in groups:
        if group.id in parties:
            raise Where("groups.yaml", group.line, group.id).error(
                "the id is a party's id in parties.yaml", "give the group an id of its own (baltic-states)")
        seen: set[str] = set()
        for member in group.members:
            where = Where("groups.yaml", member.line or group.line, group.id)
            party = parties.get(member.party)
            if party is None or party.kind != "state":
                raise where.error(f"member {member.party!r} is not a state in parties.yaml",
                                  "use the ISO 3166-1 alpha-3 id of a state listed there")
            if member.party in seen:
                raise where.error(f"member {member.party!r} is listed twice", "keep one line per member")
            seen.add(member.party)


def _check_membership_overlaps(memberships: list[Membership]) -> None:
    by_pair: dict[tuple[str, str], list[Membership]] = {}
    for record in memberships:
        by_pair.setdefault((record.org, record.state), []).append(record)
    for (org, state), records in by_pair.items():
        ordered = sorted(records, key=lambda m: m.period.start or dt.date.min)
        for before, after in zip(ordered, ordered[1:]):
            if before.period.end is None or (after.period.start or dt.date.min) <= before.period.end:
                raise Where("memberships.yaml", after.line, f"{org}/{state}").error(
                    f"period {after.period} overlaps the one on line {before.line} ({before.period})",
                    "end the earlier period the day before the later one starts")
