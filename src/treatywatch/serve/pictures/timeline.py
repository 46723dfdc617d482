"""One case's events as an SVG timeline: a lane per kind of event (appeals,
consultations, decisions, contingents in and out), each event a mark at its date and
a label that links to its evidence: the citations folded under its row on the case
page (a browser unfolds a <details> that holds the target of a link).

Marks say what the record says of the event: a filled circle happened, a hollow one
was announced or offered on condition, a dashed one is only reported (a rumour), a
red diamond did not happen (a denial). A date known only to the month or year is
drawn as a bar over that month or year, the mark at its first day. Undated events
stand apart, in a column of their own at the right.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from markupsafe import Markup

from treatywatch.reason.periods import parse_when
from treatywatch.serve.pictures.svg import COLOURS, element, markup, root, text_width

LANES = ("appeal", "offer", "consultation", "decision", "deployment", "withdrawal")
WIDTH = 960
LANE_LABEL = 132  # the lanes' names on the left
UNDATED = 120  # the column of undated events, when there are any
ROW = 20
LANE_GAP = 6
TOP = 20
AXIS = 26
LEGEND = 26
FONT = 12
MARK_R = 5.5
MAX_TICKS = 8


@dataclass(frozen=True)
class Mark:
    """How an event's status is drawn (tests read these back from the SVG)."""
    shape: str  # circle: it happened or is said to; diamond: it did not
    stroke: str
    fill: str
    dashed: bool


def mark_of(status: str) -> Mark:
    polarity, _, modality = status.partition("_")
    if polarity == "negative":
        colour = COLOURS["denied"]
        return Mark("diamond", colour, colour if modality == "actual" else COLOURS["paper"],
                    modality == "uncertain")
    if modality == "actual":
        return Mark("circle", COLOURS["made"], COLOURS["made"], False)
    return Mark("circle", COLOURS["reported"], COLOURS["paper"], modality == "uncertain")


LEGEND_ITEMS = (  # (message key, a status drawn that way)
    ("pictures.legend.fact", "positive_actual"),
    ("pictures.legend.announced", "positive_intended"),
    ("pictures.legend.rumoured", "positive_uncertain"),
    ("pictures.legend.denied", "negative_actual"),
)


@dataclass
class Cluster:
    """Events of one lane with the same date and status: one mark, one label per event."""
    lane: str
    when: str | None
    status: str
    superseded: bool
    events: list[dict[str, Any]] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None


def timeline_svg(dated: Sequence[dict[str, Any]], undated: Sequence[dict[str, Any]],
                 t: Callable[..., str], anchor: str = "src-") -> Markup | None:
    """The picture of a case's timeline rows (`case.timeline`, `verdict.undated`);
    None when there is nothing to draw. Each label links to `#{anchor}{event id}`: the
    row's folded sources on the case page, which the browser unfolds on arrival."""
    clusters = _clusters([*dated, *undated])
    if not clusters:
        return None
    placed = [c for c in clusters if c.start is not None]
    apart = [c for c in clusters if c.start is None]
    lanes = [lane for lane in LANES if any(c.lane == lane for c in clusters)]
    x0, x1 = LANE_LABEL + 8, WIDTH - 12 - (UNDATED if apart else 0)
    scale = _Scale(placed, x0, x1)

    rows: dict[str, list[list[tuple[float, float, Cluster]]]] = {lane: [] for lane in lanes}
    for cluster in sorted(placed, key=lambda c: (c.start, c.end)):
        left, right = scale.extent(cluster)
        lane_rows = rows[cluster.lane]
        for row in lane_rows:
            if row[-1][1] + 8 <= left:
                row.append((left, right, cluster))
                break
        else:
            lane_rows.append([(left, right, cluster)])
    apart_rows = {lane: [c for c in apart if c.lane == lane] for lane in lanes}
    heights = {lane: max(len(rows[lane]), len(apart_rows[lane]), 1) for lane in lanes}
    plot_bottom = TOP + sum(heights[lane] * ROW + LANE_GAP for lane in lanes)
    height = plot_bottom + (AXIS if placed else 0) + LEGEND

    count = sum(len(c.events) for c in clusters)
    svg = root(WIDTH, height, t("pictures.timeline.title", count=count), "picture timeline-svg")
    element("desc", svg, t("pictures.timeline.desc"))
    if placed:
        scale.draw_axis(svg, TOP - 6, plot_bottom, t)
    if apart:
        element("line", svg, x1=x1 + 10, y1=TOP - 14, x2=x1 + 10, y2=plot_bottom,
                stroke=COLOURS["line"], stroke_dasharray="4 3")
        element("text", svg, t("case.undated"), x=x1 + 18, y=TOP - 6, font_size=FONT - 1,
                fill=COLOURS["muted"], class_="tl-undated-head")

    y = TOP
    for lane in lanes:
        element("text", svg, t(f"pictures.lane.{lane}"), x=4, y=y + ROW * 0.65, font_size=FONT,
                font_weight="600", fill=COLOURS["ink"], class_="tl-lane")
        element("line", svg, x1=4, y1=y + heights[lane] * ROW + LANE_GAP / 2, x2=WIDTH - 4,
                y2=y + heights[lane] * ROW + LANE_GAP / 2, stroke=COLOURS["line"], stroke_width=0.6)
        for index, row in enumerate(rows[lane]):
            for _, _, cluster in row:
                _draw(svg, cluster, scale.mark_x(cluster), y + index * ROW + ROW / 2,
                      scale.x(cluster.start), scale.x_after(cluster.end), t, anchor)
        for index, cluster in enumerate(apart_rows[lane]):
            _draw(svg, cluster, x1 + 18 + MARK_R, y + index * ROW + ROW / 2, None, None, t, anchor)
        y += heights[lane] * ROW + LANE_GAP
    _legend(svg, height - LEGEND + 4, t)
    return markup(svg)


def _clusters(events: Iterable[dict[str, Any]]) -> list[Cluster]:
    by_key: dict[tuple, Cluster] = {}
    for ev in events:
        if ev.get("type") not in LANES or not ev.get("id"):
            continue
        period = parse_when(ev.get("when"))
        when = ev.get("when") if period is not None else None
        status = ev.get("status") or f"{ev.get('polarity', 'positive')}_{ev.get('modality', 'actual')}"
        key = (ev["type"], when, status, bool(ev.get("superseded")))
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = Cluster(ev["type"], when, status, bool(ev.get("superseded")),
                                            start=period.start if period else None,
                                            end=period.end if period else None)
        cluster.events.append(ev)
    return list(by_key.values())


class _Scale:
    """Days to x over the span of the dated events (a day is the slot [d, d+1))."""

    def __init__(self, clusters: Sequence[Cluster], x0: float, x1: float):
        self.x0, self.x1 = x0, x1
        if clusters:
            self.first = min(c.start for c in clusters)
            self.last = max(c.end for c in clusters)
        else:
            self.first = self.last = dt.date(2000, 1, 1)
        self.days = (self.last - self.first).days + 1

    def x(self, day: dt.date | None) -> float | None:
        if day is None:
            return None
        return self.x0 + (day - self.first).days / self.days * (self.x1 - self.x0)

    def x_after(self, day: dt.date | None) -> float | None:
        return None if day is None else self.x(day + dt.timedelta(days=1))

    def mark_x(self, cluster: Cluster) -> float:
        """The middle of the cluster's first day, at least a mark's radius inside."""
        left, right = self.x(cluster.start), self.x_after(cluster.start)
        return max(left + MARK_R, (left + right) / 2) if right - left > 2 * MARK_R else left + MARK_R

    def extent(self, cluster: Cluster) -> tuple[float, float]:
        mark = self.mark_x(cluster)
        label = sum(text_width(_code(ev), FONT) for ev in cluster.events) + 4 * len(cluster.events)
        return mark - MARK_R, max(self.x_after(cluster.end), mark + MARK_R + 4 + label)

    def draw_axis(self, svg: Any, top: float, bottom: float, t: Callable[..., str]) -> None:
        element("line", svg, x1=self.x0, y1=bottom, x2=self.x1, y2=bottom, stroke=COLOURS["muted"])
        for day, label in _ticks(self.first, self.last):
            x = self.x(day)
            element("line", svg, x1=x, y1=top, x2=x, y2=bottom + 4, stroke=COLOURS["line"],
                    stroke_width=0.8, class_="tl-tick")
            element("text", svg, _in_words(t, label, short=True), x=x, y=bottom + 17, font_size=FONT - 1,
                    fill=COLOURS["muted"], text_anchor="middle", class_="tl-tick-label")


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Days (within two months), else months or years within [first, last], at most
    MAX_TICKS of them, on round steps (every 3rd month from January, years by 5)."""
    days = (last - first).days + 1
    for step in (1, 2, 7, 14):
        if days <= 62 and days / step <= MAX_TICKS:
            return [(first + dt.timedelta(days=n), (first + dt.timedelta(days=n)).isoformat())
                    for n in range(0, days, step)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    for step in (1, 2, 3, 6):
        if months / step <= MAX_TICKS:
            out = []
            for n in range(months):
                year, month = divmod(first.month - 1 + n, 12)
                day = dt.date(first.year + year, month + 1, 1)
                if day >= first and month % step == 0:
                    out.append((day, day.isoformat()[:7]))
            return out
    years = last.year - first.year + 1
    step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s <= MAX_TICKS), 100)
    return [(dt.date(year, 1, 1), str(year)) for year in range(first.year, last.year + 1)
            if year % step == 0 and dt.date(year, 1, 1) >= first]


def _code(ev: dict[str, Any]) -> str:
    return str(ev.get("actor") or "?")


def _draw(svg: Any, cluster: Cluster, x: float, y: float, span_from: float | None,
          span_to: float | None, t: Callable[..., str], anchor: str) -> None:
    mark = mark_of(cluster.status)
    group = element("g", svg, class_=f"tl-item status-{cluster.status}"
                    + (" superseded" if cluster.superseded else ""),
                    opacity=0.45 if cluster.superseded else None)
    if (span_from is not None and span_to is not None and cluster.end > cluster.start
            and span_to - span_from > 2 * MARK_R):
        element("rect", group, x=span_from, y=y + MARK_R + 1, width=span_to - span_from, height=3, rx=1.5,
                fill=mark.stroke, fill_opacity=0.35, class_="tl-span")
    _shape(group, mark, x, y, cluster.status)
    label = element("text", group, x=x + MARK_R + 4, y=y + FONT * 0.36, font_size=FONT,
                    fill=COLOURS["ink"])
    for index, ev in enumerate(cluster.events):
        link = element("a", label, href=f"#{anchor}{ev['id']}", class_="tl-link",
                       data_event=ev["id"], data_when=cluster.when or "", aria_label=_describe(ev, cluster, t))
        element("title", link, _describe(ev, cluster, t))
        element("tspan", link, _code(ev), fill=COLOURS["accent"], text_decoration="underline")
        if index < len(cluster.events) - 1:
            link.tail = " "


def _shape(parent: Any, mark: Mark, x: float, y: float, status: str) -> None:
    common = {"stroke": mark.stroke, "fill": mark.fill, "stroke_width": 1.8,
              "stroke_dasharray": "2.2 1.6" if mark.dashed else None,
              "class_": "tl-mark", "data_status": status}
    if mark.shape == "diamond":
        r = MARK_R + 0.8
        element("path", parent, d=f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y:.1f}L{x:.1f} {y + r:.1f}"
                f"L{x - r:.1f} {y:.1f}Z", **common)
    else:
        element("circle", parent, cx=x, cy=y, r=MARK_R, **common)


def _in_words(t: Callable[..., str], when: str, short: bool = False) -> str:
    """A date in the page's language where `t` knows dates (i18n.Interface.when)."""
    say = getattr(t, "short_when" if short else "when", None)
    return say(when) if say is not None else when


def _name(t: Callable[..., str], code: Any) -> str:
    """A party in the page's language where `t` knows names (i18n.Interface.name)."""
    if not code:
        return "—"
    name = getattr(t, "name", None)
    return name(code) if name is not None else str(code)


def _describe(ev: dict[str, Any], cluster: Cluster, t: Callable[..., str]) -> str:
    parts = [_in_words(t, cluster.when) if cluster.when else t("case.undated"), t(f"type.{ev['type']}"),
             f"{_name(t, ev.get('actor'))} → {_name(t, ev.get('target'))}", t(f"status.{cluster.status}"),
             t("case.sources", count=ev.get("documents") or 1)]
    if cluster.superseded:
        parts.append(t("case.superseded"))
    return " · ".join(parts)


def _legend(svg: Any, y: float, t: Callable[..., str]) -> None:
    x = 4.0
    for key, status in LEGEND_ITEMS:
        item = element("g", svg, class_="tl-legend-item")
        _shape(item, mark_of(status), x + MARK_R, y + 8, status)
        text = t(key)
        element("text", item, text, x=x + 2 * MARK_R + 5, y=y + 12, font_size=FONT - 1, fill=COLOURS["ink"])
        x += 2 * MARK_R + 5 + text_width(text, FONT - 1) + 22
    span = element("g", svg, class_="tl-legend-item")
    element("rect", span, x=x, y=y + 7, width=26, height=3, rx=1.5, fill=COLOURS["made"], fill_opacity=0.35)
    element("text", span, t("pictures.legend.span"), x=x + 32, y=y + 12, font_size=FONT - 1,
            fill=COLOURS["ink"])
