"""The treaty's rules applied to a case, reported as findings.

Facts (who was a member when, who speaks for whom) come from `treatywatch.knowledge`;
only the rules are here:

- `membership`: the requester was a member of the organization on that date (and
  not frozen or suspended);
- `appeal_authority`: the appeal was made by someone who speaks for the state;
- `decision_first`: the organization decided before contingents moved;
- `contributors_members`: the states that sent contingents were members.

Each finding is `{"rule", "ok", "status", "message", "key", "fields"}` with `status` one of `ok`,
`warning` (allowed but notable: a frozen member, a non-member contributing),
`violation` (the procedure was not followed) or `unknown` (the record cannot tell).
Cases addressed to a state rather than an organization are bilateral: no findings.
`message` is the English sentence (CLI, API); `key` and `fields` (party and person ids,
ISO dates, an outcome) let the web pages say it in the interface language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from treatywatch.errors import NotFoundError
from treatywatch.reason.appeal import AppealFinding
from treatywatch.reason.claims import Claim
from treatywatch.reason.episodes import Episode


def treaty_findings(episode: Episode, appeal: AppealFinding, decision: dict[str, Any] | None,
                    contributors: list[dict[str, Any]], claims: list[Claim],
                    organizations: frozenset[str], knowledge: Any) -> list[dict[str, Any]]:
    org = episode.addressee
    if org not in organizations:
        return []
    on = episode.first_date()
    findings = [_membership(knowledge, episode.requester, org, on)]
    if appeal.verdict == "made":
        findings.append(_appeal_authority(knowledge, episode.requester, appeal))
    moved = [c for c in claims if c.is_("deployment", "positive", "actual")]
    if moved:
        findings.append(_decision_first(org, decision, claims, moved))
    if contributors:
        findings.append(_contributors_members(knowledge, org, contributors, on))
    return findings


def _finding(rule: str, status: str, message: str, key: str, **fields: Any) -> dict[str, Any]:
    return {"rule": rule, "ok": status == "ok", "status": status, "message": message,
            "key": f"{rule}.{key}", "fields": fields}


def membership_status(knowledge: Any, state: str, org: str, on: dt.date | None) -> str:
    """`member`, `frozen`, `suspended`, `former`, `never` (from the knowledge files),
    or `unknown` (no date, or memberships of `org` not recorded)."""
    found = _member_of(knowledge, state, org, on)
    return found.status if found is not None else "unknown"


def _member_of(knowledge: Any, state: str, org: str, on: dt.date | None) -> Any:
    if on is None or not knowledge.has_party(state):
        return None
    try:
        return knowledge.member_of(state, org, on)
    except NotFoundError:
        return None


def membership_over(knowledge: Any, state: str, org: str, start: dt.date,
                    end: dt.date) -> list[dict[str, Any]]:
    """Membership findings for a period asked about (`check --when 2023`): one for
    its first day, and one for its last when the status changed in between."""
    first = _membership(knowledge, state, org, start)
    last = _membership(knowledge, state, org, end)
    if end == start or (membership_status(knowledge, state, org, start)
                        == membership_status(knowledge, state, org, end)):
        return [first]
    return [first, last]


def _since_day(found: Any) -> str | None:
    record = getattr(found, "record", None)
    if record is None or record.period.start is None:
        return None
    return record.period.start.isoformat()


def _since(found: Any) -> str:
    day = _since_day(found)
    return f" since {day}" if day else ""


def _membership(knowledge: Any, state: str, org: str, on: dt.date | None) -> dict[str, Any]:
    found = _member_of(knowledge, state, org, on)
    status = found.status if found is not None else "unknown"
    when = on.isoformat() if on else "an unknown date"
    cited = found.source if found is not None and found.source else None
    source = f" (source: {cited})" if cited else ""
    parties = {"state": state, "org": org}
    if status == "member":
        return _finding("membership", "ok", f"{state} was a member of {org} on {when}.",
                        "member", **parties, when=when)
    if status == "frozen":
        return _finding("membership", "warning",
                        f"{state} had frozen its participation in {org} by {when} "
                        f"(frozen{_since(found)}); it remains a member{source}.",
                        "frozen", **parties, when=when, since=_since_day(found), source=cited)
    if status == "suspended":
        return _finding("membership", "violation",
                        f"{state}'s membership of {org} was suspended on {when} "
                        f"(suspended{_since(found)}): the treaty's assistance covers members "
                        f"only{source}.",
                        "suspended", **parties, when=when, since=_since_day(found), source=cited)
    if status in ("former", "never"):
        ended_on = None
        if status == "former" and found.record is not None and found.record.period.end:
            ended_on = found.record.period.end.isoformat()
        ended = f" (its membership ended on {ended_on})" if ended_on else ""
        return _finding("membership", "violation",
                        f"{state} was not a member of {org} on {when}{ended}: "
                        "the treaty's assistance covers members only.",
                        "not_member", **parties, when=when, ended=ended_on)
    if on is None:
        return _finding("membership", "unknown",
                        f"The record does not date the episode; {state}'s membership of {org} "
                        "cannot be checked.", "undated", **parties)
    return _finding("membership", "unknown",
                    f"{org}'s memberships are not in the knowledge files; {state}'s membership "
                    "cannot be checked.", "unrecorded", **parties)


def _appeal_authority(knowledge: Any, state: str, appeal: AppealFinding) -> dict[str, Any]:
    own = [c for c in appeal.supporting if c.event.polarity == "positive" and c.event.source == state]
    if own:
        documents = len({c.doc.id for c in own})
        return _finding("appeal_authority", "ok",
                        f"The appeal is stated by {state} itself (a voice that speaks for the "
                        f"state) in {documents} document(s).", "own", state=state, documents=documents)
    speakers = _speakers_for(knowledge, state, appeal.supporting)
    if speakers:
        names = sorted(knowledge.person(p).name("en") for p in speakers)
        return _finding("appeal_authority", "ok",
                        f"The appeal is attributed to {', '.join(names)}, who spoke for "
                        f"{state} at the time.", "speakers", state=state, speakers=speakers)
    return _finding("appeal_authority", "unknown",
                    f"No source speaking for {state} is cited as making the appeal; "
                    "the record has it from others.", "unknown", state=state)


def _speakers_for(knowledge: Any, state: str, claims: list[Claim]) -> list[str]:
    """Ids of the people named in the evidence who held, on the day, a role that speaks
    for `state` (head of state, foreign minister, ...: `acts_for` in the data)."""
    found = set()
    for claim in claims:
        on = claim.period.start if claim.period else claim.doc.published
        sentences = [span.sentence.casefold() for span in claim.event.evidence]
        if on is None or not sentences:
            continue
        for person in knowledge.people():
            if not any(name.text.casefold() in s for name in person.names
                       if not name.ambiguous for s in sentences):
                continue
            role = knowledge.person_role(person.id, on)
            if role and role[0] == state and knowledge.acts_for(role[1]) == "party":
                found.add(person.id)
    return sorted(found)


def _decision_first(org: str, decision: dict[str, Any] | None, claims: list[Claim],
                    moved: list[Claim]) -> dict[str, Any]:
    outcome = decision.get("outcome") if decision else None
    own_mission = outcome == "mission" and all(c.event.actor == org for c in moved)
    if decision is None:
        return _finding("decision_first", "violation",
                        f"Contingents moved but the record holds no decision of {org}.",
                        "no_decision", org=org)
    if outcome not in ("deploy", "grant", "invoke") and not own_mission:
        return _finding("decision_first", "warning",
                        f"Contingents moved although {org} decided '{outcome}'.",
                        "other_outcome", org=org, outcome=outcome)
    decided = _earliest([c for c in claims if c.event.type == "decision" and c.event.actor == org
                         and c.event.polarity == "positive" and c.event.modality == "actual"])
    sent = _earliest(moved)
    if decided is None or sent is None:
        return _finding("decision_first", "unknown",
                        f"{org} decided to act, but the record does not date both the decision "
                        "and the deployments.", "undated", org=org)
    (decided_on, decided_exact), (sent_on, sent_exact) = decided, sent
    if decided_on <= sent_on and (decided_exact or decided_on < sent_on.replace(day=1)):
        return _finding("decision_first", "ok",
                        f"{org} decided on {decided_on.isoformat()}; the first contingents "
                        f"moved on or after {sent_on.isoformat()}.", "ok", org=org,
                        decided=decided_on.isoformat(), sent=sent_on.isoformat())
    if decided_on > sent_on and sent_exact:
        return _finding("decision_first", "violation",
                        f"Contingents moved on {sent_on.isoformat()}, before {org}'s decision "
                        f"of {decided_on.isoformat()}.", "violation", org=org,
                        decided=decided_on.isoformat(), sent=sent_on.isoformat())
    return _finding("decision_first", "unknown",
                    f"{org}'s decision and the first deployments fall in the same month "
                    f"({sent_on.strftime('%Y-%m')}); the record cannot order them.",
                    "same_month", org=org, month=sent_on.strftime("%Y-%m"))


def _earliest(claims: list[Claim]) -> tuple[dt.date, bool] | None:
    """The earliest date among the claims, and whether it is given to the day."""
    periods = [c.period for c in claims if c.period is not None]
    days = [p.start for p in periods if p.start == p.end]
    if days:
        return min(days), True
    if periods:
        return min(p.start for p in periods), False
    return None


def _contributors_members(knowledge: Any, org: str, contributors: list[dict[str, Any]],
                          on: dt.date | None) -> dict[str, Any]:
    if on is None:
        return _finding("contributors_members", "unknown",
                        "The episode is undated; contributors' membership cannot be checked.",
                        "undated")
    outsiders = [c["state"] for c in contributors
                 if membership_status(knowledge, c["state"], org, on) != "member"]
    if not outsiders:
        states = ", ".join(c["state"] for c in contributors)
        return _finding("contributors_members", "ok",
                        f"All contributors ({states}) were members of {org}.", "ok",
                        org=org, states=[c["state"] for c in contributors])
    return _finding("contributors_members", "warning",
                    f"{', '.join(outsiders)} contributed without being full members of {org} "
                    "on that date (bilateral help, not the treaty's).", "outsiders",
                    org=org, states=outsiders)
