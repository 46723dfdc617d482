"""The pictures of each page, put together from the builders for one request's
language (`t`, an i18n.Interface: messages and the parties' names in that language):
`case_pictures` for a case page, `overview_pictures` for the overview."""

from __future__ import annotations

from typing import Any, Callable

from treatywatch.serve.i18n import Interface
from treatywatch.serve.params import VERDICTS
from treatywatch.serve.pictures.charts import bars_svg, stacked_columns_svg
from treatywatch.serve.pictures.record import contingents, record_counts
from treatywatch.serve.pictures.svg import COLOURS
from treatywatch.serve.pictures.timeline import timeline_svg
from treatywatch.serve.pictures.world import map_figure, role_of

VERDICT_COLOURS = {"made": COLOURS["made"], "not_made": COLOURS["denied"], "denied": COLOURS["denied"],
                   "reported": COLOURS["reported"], "unclear": COLOURS["unclear"], "none_found": "#a9b0ba"}
DECISIONS = ("deploy", "mission", "grant", "invoke", "decline")


def party_names(t: Interface, codes: Any) -> dict[str, str]:
    """Display names in the page's language (`t.name`: the data files' names); a code
    the knowledge lacks stays a code."""
    return {code: t.name(code) for code in codes if code}


def case_roles(case: dict[str, Any], knowledge: Any) -> dict[str, str]:
    """alpha-3 state -> its role in the case (requester, state asked, contingents)."""
    verdict = case.get("verdict") or {}
    sent, pledged = contingents([*(verdict.get("contributors") or []), *(verdict.get("bilateral") or [])])
    requester, addressee = case.get("requester"), case.get("addressee")
    states = {requester, addressee, *sent, *pledged} - {None}
    roles = {}
    for state in states:
        if not knowledge.has_party(state) or knowledge.party(state).kind != "state":
            continue
        role = role_of(state == requester, state in sent, state in pledged, state == addressee)
        if role:
            roles[state] = role
    return roles


def case_pictures(case: dict[str, Any], knowledge: Any, t: Interface) -> dict[str, Any]:
    verdict = case.get("verdict") or {}
    roles = case_roles(case, knowledge)
    return {
        "timeline": timeline_svg(case.get("timeline") or [], verdict.get("undated") or [], t),
        "map": map_figure(roles, party_names(t, roles), t, t("pictures.map.case_title"),
                          crop=True, css_id="case-map"),
    }


def overview_pictures(answers: Any, t: Interface, link: Callable[..., str]) -> dict[str, Any]:
    counts = record_counts(answers)
    knowledge = answers.knowledge
    addressees = counts.addressees
    names = party_names(t, {*addressees, *counts.states})
    year_labels = {year: year or t("overview.undated") for year in counts.years}
    verdict_rows = [(v, t(f"appeal.{v}"), counts.verdicts[v], VERDICT_COLOURS[v])
                    for v in VERDICTS if counts.verdicts[v]]
    decision_rows = [(d or "", t(f"outcome.{d}") if d else t("overview.no_decision"), counts.decisions[d],
                      COLOURS["accent"] if d else "#a9b0ba")
                     for d in (*DECISIONS, *sorted(k for k in counts.decisions if k and k not in DECISIONS), None)
                     if counts.decisions[d]]
    roles = {}
    for state in counts.states:
        role = role_of(bool(counts.asked[state]), bool(counts.sent[state]), bool(counts.pledged[state]))
        if role and knowledge.has_party(state) and knowledge.party(state).kind == "state":
            roles[state] = role
    return {
        "counts": counts,
        "names": names,
        "year_labels": year_labels,
        "verdict_rows": verdict_rows,
        "decision_rows": decision_rows,
        "by_year": stacked_columns_svg(counts.years, addressees, counts.by_year, year_labels, names,
                                       t("overview.by_year")),
        "verdicts": bars_svg(verdict_rows, t("overview.verdicts"), lambda v: link("/", verdict=v)),
        "decisions": bars_svg(decision_rows, t("overview.decisions")),
        "map": map_figure(roles, names, t, t("pictures.map.record_title"), crop=False, css_id="record-map"),
    }

