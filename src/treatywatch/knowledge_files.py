"""Read data/*.yaml into knowledge records, checking every entry.

A broken file raises `DataFileError` naming the file, the line of the entry, what is wrong
and how to fix it. Cross-references (a person's party, a membership's state) are checked
by `check_references` once every file is read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import Any, Callable

import yaml

from treatywatch.errors import DataFileError
from treatywatch.knowledge_records import (
    ALWAYS, LANGS, MEMBERSHIP_STATUSES, Article, Body, Group, GroupMember, Institution, Membership, Name,
    Outlet, Party, Period, Person, Role, RoleKind, Treaty,
)

DATA_FILES = ("parties.yaml", "groups.yaml", "people.yaml", "memberships.yaml", "treaties.yaml",
              "institutions.yaml", "bodies.yaml", "outlets.yaml")
ORG_PLACEHOLDER = "{org}"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class _Mapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int] = {}


class _Sequence(list):
    """A YAML sequence that remembers the line it starts on."""

    line: int = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built with it: 5x faster
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    mapping = _Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Sequence:
    sequence = _Sequence(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text until `parse_date`, which names the entry when one is wrong (2023-13-04).
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class Where:
    """A place in a data file, for error messages."""

    def __init__(self, file: str, line: int, entry: str | None = None):
        self.file, self.line, self.entry = file, line, entry

    def error(self, problem: str, fix: str) -> DataFileError:
        entry = f" entry {self.entry!r}:" if self.entry else ""
        return DataFileError(f"{self.file}:{self.line}:{entry} {problem}; {fix}")

    def at(self, item: Any, entry: str | None = None) -> "Where":
        line = getattr(item, "line", 0) or self.line
        return Where(self.file, line, entry or self.entry)

    def field(self, item: Any, key: str) -> "Where":
        """The line of `key` in the mapping `item` (else of the mapping)."""
        line = getattr(item, "key_lines", {}).get(key) or getattr(item, "line", 0) or self.line
        return Where(self.file, line, self.entry)


def key_lines(item: Any) -> dict[str, int]:
    return dict(getattr(item, "key_lines", {}))


def read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise DataFileError(f"{path}: data file not found; restore it from the repository "
                            f"or pass a data directory that has all of {', '.join(DATA_FILES)}")
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"{path.name}:{line}: invalid YAML ({problem}); fix the syntax "
                            f"(quote names that contain ':' or ',' in [...] lists)") from exc


# --- small field readers -------------------------------------------------------------------

def entries(data: Any, key: str | None, where: Where) -> list[_Mapping]:
    """The list of mappings under `key` (or the document itself when key is None)."""
    if key is not None:
        if not isinstance(data, dict) or key not in data:
            raise where.error(f"missing top-level key {key!r}", f"start the file with '{key}:'")
        data = data[key]
    if data is None:
        return []
    if not isinstance(data, list):
        raise where.error(f"{key or 'the document'} is not a list", "write one '- ...' item per entry")
    for item in data:
        if not isinstance(item, dict):
            raise where.at(item).error(f"item {item!r} is not a mapping", "write '- {id: ..., ...}'")
    return data


def check_fields(item: _Mapping, where: Where, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    allowed = set(required) | set(optional)
    for key in item:
        if key not in allowed:
            raise where.field(item, str(key)).error(f"unknown field {key!r}",
                              f"use one of {', '.join(sorted(allowed))} (quote values that contain ', ' or ': ')")
    for key in required:
        if item.get(key) in (None, "", [], {}):
            raise where.error(f"missing {key!r}", f"add '{key}: ...' to the entry")


def text_field(item: _Mapping, key: str, where: Where, default: str | None = None) -> str | None:
    value = item.get(key, default)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"{key} {value!r} is not text", f"write {key} as a non-empty string")
    return value.strip()


def parse_date(value: Any, where: Where, field_name: str, end: bool = False) -> dt.date | None:
    """ISO date, or a year/month (the first day, or the last day when `end`)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), match[2], match[3]
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), last if end else 1)
        return dt.date(year, int(month), int(day))
    except ValueError:
        raise where.error(f"bad date {field_name}: {value!r}",
                          "write YYYY-MM-DD, YYYY-MM or YYYY, or null") from None


def parse_period(item: _Mapping, where: Where) -> Period:
    start = parse_date(item.get("from"), where.field(item, "from"), "from")
    end = parse_date(item.get("to"), where.field(item, "to"), "to", end=True)
    if start and end and start > end:
        raise where.error(f"'from' {start} is after 'to' {end}", "swap the dates or correct the wrong one")
    return Period(start, end)


def parse_names(value: Any, where: Where, what: str, allow_role: bool = False) -> tuple[Name, ...]:
    """{en: [...], ru: [...], uk: [...]} where each item is a name or {name, ambiguous, role, from, to}."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise where.error(f"{what} is not a mapping of languages", "write {en: [...], ru: [...], uk: [...]}")
    names: list[Name] = []
    for lang, items in value.items():
        lang_where = where.field(value, lang)
        if lang not in LANGS:
            raise lang_where.error(f"unknown language {lang!r} in {what}", f"use one of {', '.join(LANGS)}")
        for item in items if isinstance(items, list) else [items]:
            names.append(_parse_name(item, lang, lang_where.at(item), what, allow_role))
    return tuple(names)


def _parse_name(item: Any, lang: str, where: Where, what: str, allow_role: bool) -> Name:
    if isinstance(item, dict):
        optional = ("ambiguous", "role", "from", "to") if allow_role else ("ambiguous",)
        check_fields(item, where, ("name",), optional)
        text, ambiguous = item["name"], bool(item.get("ambiguous", False))
        role, period = item.get("role"), parse_period(item, where) if allow_role else ALWAYS
    else:
        text, ambiguous, role, period = item, False, None, ALWAYS
    if not isinstance(text, str) or not text.strip():
        raise where.error(f"{what} in {lang}: {text!r} is not a name", "write the name as text (quote numbers)")
    text = text.strip()
    if sum(ch.isalpha() for ch in text) < 2:
        raise where.error(f"{what} in {lang}: {text!r} is too short to be a name",
                          "remove it: one-letter names match too much")
    return Name(text, lang, ambiguous, role, period)


# --- one reader per file -------------------------------------------------------------------

def read_parties(data: Any, file: str) -> list[Party]:
    where = Where(file, 1)
    parties: list[Party] = []
    for key, kind in (("states", "state"), ("organizations", "organization")):
        for item in entries(data, key, where):
            at = where.at(item, str(item.get("id")))
            check_fields(item, at, ("id", "names", "source"), ("adjectives", "metonyms", "regions"))
            party_id = text_field(item, "id", at)
            if kind == "state" and not re.fullmatch(r"[A-Z]{3}", party_id):
                raise at.error(f"state id {party_id!r} is not ISO 3166-1 alpha-3", "use three capital letters (KAZ)")
            parties.append(Party(
                id=party_id, names=parse_names(item["names"], at, "names"), source=text_field(item, "source", at),
                file=file, line=at.line, field_lines=key_lines(item), kind=kind,
                adjectives=parse_names(item.get("adjectives"), at, "adjectives"),
                metonyms=parse_names(item.get("metonyms"), at, "metonyms", allow_role=True),
                regions=parse_names(item.get("regions"), at, "regions")))
    return parties


def read_groups(data: Any, file: str) -> list[Group]:
    where = Where(file, 1)
    groups: list[Group] = []
    for item in entries(data, "groups", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "names", "members", "source"), ())
        members = []
        for member in entries(item["members"], None, at.field(item, "members")):
            member_at = at.at(member)
            check_fields(member, member_at, ("party",), ("from", "to"))
            members.append(GroupMember(text_field(member, "party", member_at), parse_period(member, member_at),
                                       member_at.line))
        groups.append(Group(id=text_field(item, "id", at), names=parse_names(item["names"], at, "names"),
                            source=text_field(item, "source", at), file=file, line=at.line,
                            field_lines=key_lines(item), members=tuple(members)))
    return groups


def read_people(data: Any, file: str) -> list[Person]:
    where = Where(file, 1)
    people: list[Person] = []
    for item in entries(data, "people", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "names", "source", "roles"), ())
        source = text_field(item, "source", at)
        roles = []
        for role in entries(item["roles"], None, at):
            role_at = at.at(role)
            check_fields(role, role_at, ("party", "role"), ("from", "to", "title", "source"))
            roles.append(Role(party=text_field(role, "party", role_at), role=text_field(role, "role", role_at),
                              period=parse_period(role, role_at), source=text_field(role, "source", role_at, source),
                              title=text_field(role, "title", role_at), line=role_at.line))
        people.append(Person(id=text_field(item, "id", at), names=parse_names(item["names"], at, "names"),
                             source=source, file=file, line=at.line, field_lines=key_lines(item), roles=tuple(roles)))
    return people


def read_memberships(data: Any, file: str) -> list[Membership]:
    where = Where(file, 1)
    if not isinstance(data, dict):
        raise where.error("the file is not a mapping of organizations", "write 'CSTO:' followed by '- {state: ...}' lines")
    records: list[Membership] = []
    for org, items in data.items():
        for item in entries(items, None, where.at(items, str(org))):
            at = where.at(item, f"{org}/{item.get('state')}")
            check_fields(item, at, ("state", "status", "source"), ("from", "to"))
            status = text_field(item, "status", at)
            if status not in MEMBERSHIP_STATUSES:
                raise at.error(f"unknown status {status!r}", f"use one of {', '.join(MEMBERSHIP_STATUSES)}")
            records.append(Membership(state=text_field(item, "state", at), org=str(org), status=status,
                                      period=parse_period(item, at), source=text_field(item, "source", at),
                                      file=file, line=at.line))
    return records


def read_treaties(data: Any, file: str) -> list[Treaty]:
    where = Where(file, 1)
    treaties: list[Treaty] = []
    for item in entries(data, "treaties", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "names", "source"),
                     ("org", "signed", "in_force", "bilateral", "parties", "articles"))
        treaty_id = text_field(item, "id", at)
        articles = []
        for article in entries(item.get("articles"), None, at):
            art_at = at.at(article)
            check_fields(article, art_at, ("number", "summary"), ("provides",))
            number = str(article["number"]).strip()
            provides = article.get("provides")
            if provides not in (None, "consultation", "assistance"):
                raise art_at.field(article, "provides").error(f"provides is {provides!r}", "write provides: consultation or provides: assistance")
            articles.append(Article(number=number, basis=f"{treaty_id}-{number}",
                                    summary=" ".join(str(article["summary"]).split()), provides=provides))
        treaties.append(Treaty(
            id=treaty_id, names=parse_names(item["names"], at, "names"), source=text_field(item, "source", at),
            file=file, line=at.line, field_lines=key_lines(item), org=text_field(item, "org", at),
            signed=parse_date(item.get("signed"), at, "signed"), in_force=parse_date(item.get("in_force"), at, "in_force"),
            bilateral=bool(item.get("bilateral", False)), parties=tuple(item.get("parties") or ()),
            articles=tuple(articles)))
    return treaties


def read_institutions(data: Any, file: str) -> tuple[list[RoleKind], list[Institution]]:
    where = Where(file, 1)
    kinds = []
    for item in entries(data, "kinds", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "acts_for", "description"), ())
        acts_for = text_field(item, "acts_for", at)
        if acts_for not in ("party", "media"):
            raise at.error(f"acts_for {acts_for!r} is neither 'party' nor 'media'", "use party or media (spec rule 6)")
        kinds.append(RoleKind(text_field(item, "id", at), acts_for, text_field(item, "description", at)))
    institutions = []
    for key, fixed in (("generic", False), ("specific", True)):
        for item in entries(data, key, where):
            at = where.at(item, str(item.get("id")))
            check_fields(item, at, ("id", "kind", "names", "source") + (("party",) if fixed else ()), ())
            institutions.append(Institution(
                id=text_field(item, "id", at), names=parse_names(item["names"], at, "names"),
                source=text_field(item, "source", at), file=file, line=at.line, field_lines=key_lines(item),
                kind=text_field(item, "kind", at), party=text_field(item, "party", at) if fixed else None))
    return kinds, institutions


def read_bodies(data: Any, file: str, org_names: Callable[[str], tuple[Name, ...]]) -> list[Body]:
    """Bodies, with `{org}` in a name expanded into every name of the organization."""
    where = Where(file, 1)
    bodies = []
    for item in entries(data, "bodies", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "org", "kind", "role", "names", "source"), ())
        org = text_field(item, "org", at)
        kind = text_field(item, "kind", at)
        if kind not in ("body", "force"):
            raise at.error(f"kind {kind!r} is neither 'body' nor 'force'", "use body, or force for the organization's forces")
        names = []
        for name in parse_names(item["names"], at, "names"):
            if ORG_PLACEHOLDER not in name.text:
                names.append(name)
                continue
            expansions = [n for n in org_names(org) if n.lang == name.lang]
            if not expansions:
                raise at.field(item, "org").error(f"{name.text!r} uses {ORG_PLACEHOLDER} but {org!r} has no {name.lang} names",
                               "add the organization's names to parties.yaml or spell the name out")
            names.extend(Name(name.text.replace(ORG_PLACEHOLDER, n.text), name.lang, name.ambiguous or n.ambiguous)
                         for n in expansions)
        bodies.append(Body(id=text_field(item, "id", at), names=tuple(names), source=text_field(item, "source", at),
                           file=file, line=at.line, field_lines=key_lines(item), org=org, kind=kind, role=text_field(item, "role", at)))
    return bodies


def read_outlets(data: Any, file: str) -> list[Outlet]:
    where = Where(file, 1)
    outlets = []
    for item in entries(data, "outlets", where):
        at = where.at(item, str(item.get("id")))
        check_fields(item, at, ("id", "names", "source"), ("country",))
        outlets.append(Outlet(id=text_field(item, "id", at), names=parse_names(item["names"], at, "names"),
                              source=text_field(item, "source", at), file=file, line=at.line, field_lines=key_lines(item),
                              country=text_field(item, "country", at)))
    return outlets
