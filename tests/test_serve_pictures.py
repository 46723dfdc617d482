"""The SVG builders of the pages (timeline, charts, maps) and the overview's counts,
without a browser: the SVG is parsed back and its marks, positions, links and colours
are checked against the events and counts drawn."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from treatywatch.knowledge import load_knowledge
from treatywatch.serve.i18n import translator
from treatywatch.serve.pictures.charts import bars_svg, nice_step, stacked_columns_svg
from treatywatch.serve.pictures.pages import case_roles
from treatywatch.serve.pictures.record import CaseSummary, contingents, count_record
from treatywatch.serve.pictures.svg import COLOURS
from treatywatch.serve.pictures.timeline import _ticks, mark_of, timeline_svg
from treatywatch.serve.pictures.world import (ROLE_COLOURS, alpha2, crop_box, main_box, map_figure,
                                              piece_boxes, visible_pieces, world_shapes)

T = translator("en")


def parse(markup) -> ET.Element:
    root = ET.fromstring(str(markup))
    for node in root.iter():  # drop the SVG namespace: tags as written
        if "}" in node.tag:
            node.tag = node.tag.split("}", 1)[1]
    return root


def event(id_, type_, when, actor, target="KAZ", polarity="positive", modality="actual", **more):
    return {"id": id_, "type": type_, "when": when, "actor": actor, "target": target,
            "polarity": polarity, "modality": modality, "status": f"{polarity}_{modality}",
            "documents": 1, **more}


# A case written for these tests: a fact, a rumour, a denial, an announcement, a
# month-precision contingent and an undated withdrawal.
DATED = [
    event("e-rumour", "appeal", "2023-03-02", "UZB", "CSTO", modality="uncertain", source="media"),
    event("e-denial", "appeal", "2023-03-04", "UZB", "CSTO", polarity="negative", source="UZB"),
    event("e-consult", "consultation", "2023-03-05", "CSTO", "UZB"),
    event("e-decision", "decision", "2023-03-09", "CSTO", "UZB", outcome="mission"),
    event("e-month", "deployment", "2023-03", "KAZ", "UZB"),
    event("e-pledge", "deployment", "2023-03-20", "BLR", "UZB", modality="intended"),
]
UNDATED = [event("e-undated", "withdrawal", None, "KAZ", "UZB")]


def marks_by_event(svg: ET.Element) -> dict[str, tuple[ET.Element, ET.Element]]:
    """event id -> (its item group's mark, its link)."""
    found = {}
    for group in svg.iter("g"):
        if "tl-item" not in (group.get("class") or ""):
            continue
        mark = next(n for n in group if n.get("class") == "tl-mark")
        for link in group.iter("a"):
            found[link.get("data-event")] = (mark, link)
    return found


def mark_x(mark: ET.Element) -> float:
    if mark.tag == "circle":
        return float(mark.get("cx"))
    return float(mark.get("d")[1:].split()[0])  # "M{x} {y-r}L..."


def test_timeline_draws_one_linked_item_per_event():
    svg = parse(timeline_svg(DATED, UNDATED, T))
    items = marks_by_event(svg)
    assert set(items) == {ev["id"] for ev in DATED + UNDATED}
    for id_, (_, link) in items.items():
        assert link.get("href") == f"#src-{id_}"
        assert link.find("title").text == link.get("aria-label")
    assert "7 event(s)" in svg.find("title").text
    assert svg.get("viewBox").startswith("0 0 960 ")
    assert svg.get("width") == "100%"


def test_timeline_positions_follow_the_dates_and_undated_stand_apart():
    items = marks_by_event(parse(timeline_svg(DATED, UNDATED, T)))
    by_date = sorted(DATED, key=lambda ev: (ev["when"][:7], ev["when"]))
    xs = {ev["id"]: mark_x(items[ev["id"]][0]) for ev in DATED}
    days = [("e-month", "2023-03-01"), ("e-rumour", "2023-03-02"), ("e-denial", "2023-03-04"),
            ("e-consult", "2023-03-05"), ("e-decision", "2023-03-09"), ("e-pledge", "2023-03-20")]
    ordered = [xs[id_] for id_, _ in days]
    assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered), (by_date, xs)
    # equal gaps in days are equal gaps in x: 2023-03-02 -> 03-04 is twice 03-04 -> 03-05
    assert xs["e-denial"] - xs["e-rumour"] == pytest.approx(2 * (xs["e-consult"] - xs["e-denial"]), abs=0.2)
    undated_mark, undated_link = items["e-undated"]
    assert mark_x(undated_mark) > max(xs.values())
    assert undated_link.get("data-when") == ""


def test_timeline_marks_say_polarity_and_modality():
    items = marks_by_event(parse(timeline_svg(DATED, UNDATED, T)))
    fact, rumour, denial, pledge = (items[i][0] for i in ("e-consult", "e-rumour", "e-denial", "e-pledge"))
    assert (fact.tag, fact.get("fill"), fact.get("stroke-dasharray")) == ("circle", COLOURS["made"], None)
    assert rumour.tag == "circle" and rumour.get("fill") == COLOURS["paper"]
    assert rumour.get("stroke") == COLOURS["reported"] and rumour.get("stroke-dasharray")
    assert denial.tag == "path" and denial.get("stroke") == COLOURS["denied"]
    assert denial.get("fill") == COLOURS["denied"]
    assert pledge.get("fill") == COLOURS["paper"] and pledge.get("stroke-dasharray") is None
    # a rumoured denial is a dashed, hollow diamond
    rumoured_denial = mark_of("negative_uncertain")
    assert (rumoured_denial.shape, rumoured_denial.fill, rumoured_denial.dashed) == ("diamond", COLOURS["paper"], True)


def test_timeline_legend_names_each_kind_of_mark():
    svg = parse(timeline_svg(DATED, [], T))
    legend = [g for g in svg.iter("g") if g.get("class") == "tl-legend-item"]
    texts = [g.find("text").text for g in legend]
    assert texts == [T("pictures.legend.fact"), T("pictures.legend.announced"), T("pictures.legend.rumoured"),
                     T("pictures.legend.denied"), T("pictures.legend.span")]
    statuses = [g.find("*[@data-status]").get("data-status") for g in legend[:4]]
    assert statuses == ["positive_actual", "positive_intended", "positive_uncertain", "negative_actual"]


def test_timeline_month_precision_is_a_bar_over_the_month():
    svg = parse(timeline_svg(DATED, [], T))
    month = next(g for g in svg.iter("g") if "tl-item" in (g.get("class") or "")
                 and g.find(".//a[@data-event='e-month']") is not None)
    span = month.find("rect[@class='tl-span']")
    xs = {link.get("data-event"): mark_x(mark) for mark, link in marks_by_event(svg).values()}
    # March 1 to 31 covers every dated item of the month: from before the 2nd to after the 20th
    assert float(span.get("x")) < xs["e-rumour"]
    assert float(span.get("x")) + float(span.get("width")) > xs["e-pledge"]
    single_days = [g for g in svg.iter("g") if "status-negative_actual" in (g.get("class") or "")]
    assert single_days and all(g.find("rect[@class='tl-span']") is None for g in single_days)


def test_timeline_clusters_same_day_same_status_into_one_mark_with_a_link_each():
    same = [event(f"e-{c}", "deployment", "2022-01", c) for c in ("ARM", "BLR", "RUS")]
    svg = parse(timeline_svg(same, [], T))
    groups = [g for g in svg.iter("g") if "tl-item" in (g.get("class") or "")]
    assert len(groups) == 1
    assert [a.find("tspan").text for a in groups[0].iter("a")] == ["ARM", "BLR", "RUS"]


def test_timeline_lanes_only_for_kinds_present_and_nothing_for_no_events():
    svg = parse(timeline_svg(DATED, UNDATED, T))
    lanes = [t.text for t in svg.iter("text") if t.get("class") == "tl-lane"]
    assert lanes == [T("pictures.lane.appeal"), T("pictures.lane.consultation"), T("pictures.lane.decision"),
                     T("pictures.lane.deployment"), T("pictures.lane.withdrawal")]
    assert timeline_svg([], [], T) is None
    assert timeline_svg([event("x", "exercise", "2022", "RUS")], [], T) is None  # not a kind we draw


def test_timeline_escapes_what_it_draws():
    hostile = [event("e1", "appeal", "2022-01-05", "<script>alert(1)</script>", "CSTO")]
    text = str(timeline_svg(hostile, [], T))
    assert "<script>" not in text and "&lt;script&gt;" in text
    parse(text)  # still well-formed


@pytest.mark.parametrize("first,last,expected", [
    ("2022-01-01", "2022-01-05", ["2022-01-01", "2022-01-02", "2022-01-03", "2022-01-04", "2022-01-05"]),
    ("2022-01-01", "2022-01-31", ["2022-01-01", "2022-01-08", "2022-01-15", "2022-01-22", "2022-01-29"]),
    ("2021-11-15", "2022-03-02", ["2021-12", "2022-01", "2022-02", "2022-03"]),
    ("2001-09-12", "2025-12-31", ["2005", "2010", "2015", "2020", "2025"]),
])
def test_ticks_fit_the_span(first, last, expected):
    ticks = _ticks(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    labels = [label for _, label in ticks]
    assert labels == expected


def test_stacked_columns_heights_are_proportional_and_stack_in_series_order():
    values = {("2020", "CSTO"): 2, ("2020", "NATO"): 1, ("2022", "CSTO"): 1}
    svg = parse(stacked_columns_svg(["2020", "2021", "2022"], ["CSTO", "NATO"], values,
                                    {}, {"CSTO": "CSTO", "NATO": "NATO"}, "cases"))
    columns = {g.get("data-category"): g for g in svg.iter("g") if g.get("class") == "chart-column"}
    assert [columns[c].get("data-total") for c in ("2020", "2021", "2022")] == ["3", "0", "1"]
    bars = {(c, r.get("data-series")): r for c, g in columns.items() for r in g.iter("rect")}
    assert set(bars) == set(values)
    unit = float(bars[("2022", "CSTO")].get("height"))
    assert float(bars[("2020", "CSTO")].get("height")) == pytest.approx(2 * unit, abs=0.2)
    assert float(bars[("2020", "NATO")].get("height")) == pytest.approx(unit, abs=0.2)
    # NATO sits on top of CSTO in the same column
    assert float(bars[("2020", "NATO")].get("y")) < float(bars[("2020", "CSTO")].get("y"))
    assert bars[("2020", "CSTO")].get("fill") != bars[("2020", "NATO")].get("fill")
    assert bars[("2020", "NATO")].find("title").text.endswith("NATO: 1")


def test_bars_widths_are_proportional_and_link_where_asked():
    rows = [("made", "made", 10, "#111111"), ("denied", "denied", 5, "#222222")]
    svg = parse(bars_svg(rows, "verdicts", lambda key: f"/?verdict={key}"))
    links = list(svg.iter("a"))
    assert [a.get("href") for a in links] == ["/?verdict=made", "/?verdict=denied"]
    widths = [float(a.find(".//rect").get("width")) for a in links]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.2)
    assert [a.find(".//rect").get("fill") for a in links] == ["#111111", "#222222"]


@pytest.mark.parametrize("maximum,step", [(1, 1), (5, 1), (6, 2), (10, 2), (11, 5), (40, 10), (101, 50)])
def test_gridline_steps(maximum, step):
    assert nice_step(maximum) == step


def test_world_shapes_come_from_the_package_and_codes_map_from_alpha3():
    shapes = world_shapes()
    assert shapes.width > 1000 and len(shapes.paths) > 150
    assert alpha2("KAZ") == "kz" and alpha2("RUS") == "ru" and alpha2("kaz") == "kz"
    assert alpha2("XKX") is None  # Kosovo: not in ISO 3166-1, no shape
    assert alpha2("CSTO") is None


def test_crop_holds_the_states_and_ignores_far_islands():
    codes = ["kz", "am"]
    x, y, width, height = crop_box(codes)
    for code in codes:
        box = main_box(code)
        assert x <= box[0] and box[2] <= x + width and y <= box[1] and box[3] <= y + height
    assert width < world_shapes().width / 2  # Kazakhstan and Armenia need not the whole world
    us = main_box("us")  # the lower 48, not the Aleutians across the date line
    assert us[2] - us[0] < world_shapes().width / 3


def test_map_colours_by_role_and_lists_what_it_cannot_draw():
    roles = {"KAZ": "asked", "RUS": "sent", "BLR": "pledged", "XKX": "sent"}
    names = {"KAZ": "Kazakhstan", "RUS": "Russia", "BLR": "Belarus", "XKX": "Kosovo"}
    figure = parse(map_figure(roles, names, T, "map", crop=True, css_id="m"))
    states = {g.get("data-state"): g for g in figure.iter("g") if g.get("data-state")}
    assert set(states) == {"KAZ", "RUS", "BLR"}
    for state, group in states.items():
        assert group.get("fill") == ROLE_COLOURS[roles[state]]
        assert group.find("title").text == f"{names[state]}: {T('pictures.map.' + roles[state])}"
        pieces = group.findall("path")
        assert 1 <= len(pieces) <= len(world_shapes().paths[alpha2(state)])
        assert main_box(alpha2(state)) in [piece_boxes(alpha2(state))[world_shapes().paths[alpha2(state)].index(
            p.get("d"))] for p in pieces]  # the largest piece always
    image = figure.find(".//image")
    assert image.get("href") == "/pictures/world.svg"  # no tile server: our own grey world
    missing = figure.find(".//p[@class='small muted map-missing']")
    assert "Kosovo" in missing.text
    legend = [li.get("class") for li in figure.iter("li")]
    assert legend == ["role-asked", "role-sent", "role-pledged"]
    assert map_figure({}, {}, T, "map", crop=True, css_id="m") is None


def test_small_islands_are_left_out_only_when_too_small_to_see():
    every = world_shapes().paths["ru"]
    close, far = visible_pieces("ru", 300.0), visible_pieces("ru", world_shapes().width)
    assert len(far) < len(close) <= len(every)
    assert set(far) <= set(close)
    assert visible_pieces("ad", world_shapes().width) == list(world_shapes().paths["ad"])  # Andorra stays


def test_case_roles_from_a_verdict():
    knowledge = load_knowledge()
    case = {"requester": "KAZ", "addressee": "CSTO", "verdict": {
        "contributors": [{"state": "RUS", "status": "actual"}, {"state": "BLR", "status": "intended"},
                         {"state": "CSTO", "status": "actual"}],
        "bilateral": [{"state": "ARM", "status": "uncertain"}]}}
    assert case_roles(case, knowledge) == {"KAZ": "asked", "RUS": "sent", "BLR": "pledged", "ARM": "pledged"}
    bilateral = {"requester": "ARM", "addressee": "RUS", "verdict": {"contributors": []}}
    assert case_roles(bilateral, knowledge) == {"ARM": "asked", "RUS": "addressee"}


def test_record_counts_years_verdicts_and_states():
    sent, pledged = contingents([{"state": "RUS", "status": "actual"}, {"state": "RUS", "status": "intended"},
                                 {"state": "BLR", "status": "uncertain"}, {"status": "actual"}])
    assert (sent, pledged) == (frozenset({"RUS"}), frozenset({"BLR"}))
    counts = count_record([
        CaseSummary("KAZ", "CSTO", "2022", "made", "deploy", sent, pledged),
        CaseSummary("TJK", "CSTO", "2025", "denied", None),
        CaseSummary("EST", "NATO", "2025", "made", None),
        CaseSummary("ARM", "CSTO", "", "reported", None, frozenset(), frozenset({"RUS"})),
    ], documents=9)
    assert counts.cases == 4 and counts.documents == 9
    assert counts.years == ["2022", "2023", "2024", "2025", ""]  # empty years kept, undated last
    assert counts.addressees == ["CSTO", "NATO"]
    assert counts.by_year[("2025", "CSTO")] == 1 and counts.by_year[("2025", "NATO")] == 1
    assert counts.verdicts == {"made": 2, "denied": 1, "reported": 1}
    assert counts.decisions == {"deploy": 1, None: 3}
    assert counts.sent == {"RUS": 1} and counts.pledged == {"BLR": 1, "RUS": 1}
    assert counts.states == ["ARM", "BLR", "EST", "KAZ", "RUS", "TJK"]


def test_record_counts_from_the_store_on_each_backend(db_url, tmp_path):
    """The overview's one query (summary columns and each verdict's contributors, read
    through JSON indexing) gives the same counts on SQLite and PostgreSQL."""
    from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, HandAnnotated
    from treatywatch.serve.answers import Answers
    from treatywatch.serve.pictures.record import record_counts
    from treatywatch.store import open_store

    with Answers(open_store(db_url), extractor=HandAnnotated()) as answers:
        for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
            answers.ingest_record(annotated.record)
        counts = record_counts(answers)
    assert (counts.cases, counts.documents) == (3, 3)
    assert counts.by_year == {("2022", "CSTO"): 2, ("2025", "CSTO"): 1}
    assert counts.verdicts == {"made": 2, "denied": 1}
    assert counts.decisions == {"deploy": 1, "mission": 1, None: 1}
    assert counts.asked == {"KAZ": 1, "TJK": 1, "ARM": 1}
    assert counts.sent == {"RUS": 1}  # Russia's 3,000 paratroopers under the CSTO


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from serve_fixtures import KAZAKHSTAN, TAJIKISTAN, open_test_answers
    from treatywatch.serve.app import ServeSettings, create_app

    answers = open_test_answers(tmp_path_factory.mktemp("pictures"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        yield client
    answers.close()


def test_case_page_draws_its_timeline_and_map(client):
    html = client.get("/cases/KAZ-CSTO-2022-01").text
    picture = html[html.index('<figure class="picture-timeline"'):html.index("</figure>")]
    targets = re.findall(r'<a href="#src-([0-9a-f]+)" class="tl-link"', picture)
    rows = re.findall(r'<li class="[^"]*" id="t-([0-9a-f]+)">', html)
    assert sorted(targets) == sorted(rows) and len(rows) == 3  # appeal, decision, Russia's paratroopers
    for event_id in rows:  # each target holds that row's folded citations
        row = html[html.index(f'id="t-{event_id}"'):]
        row = row[:row.index("</li>")]
        assert f'<div class="sources-body" id="src-{event_id}">' in row
        assert row.index("<details") < row.index(f'id="src-{event_id}"') < row.index("blockquote")
    assert 'data-state="KAZ" data-role="asked"' in html and 'data-state="RUS" data-role="sent"' in html
    ru = client.get("/cases/KAZ-CSTO-2022-01?lang=ru").text
    assert translator("ru")("pictures.lane.appeal") in ru and "Казахстан: " in ru


def test_overview_page_and_base_map(client):
    response = client.get("/overview")
    assert response.status_code == 200
    html = response.text
    assert len(re.findall(r'class="chart-column" data-category="\d{4}" data-total="[1-9]', html)) == 2
    assert 'data-key="made" data-value="1"' in html and 'data-key="denied" data-value="1"' in html
    assert 'href="/overview"' in client.get("/").text  # in the nav
    world = client.get("/pictures/world.svg")
    assert world.status_code == 200 and world.headers["content-type"].startswith("image/svg+xml")
    assert "max-age" in world.headers["cache-control"]
    ET.fromstring(world.content)  # a well-formed SVG file
    empty_lang = client.get("/overview?lang=ru").text
    assert translator("ru")("overview.title") in empty_lang
