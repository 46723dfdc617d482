"""Bar charts as SVG: stacked columns (cases per year, one colour per organization)
and horizontal bars (cases per verdict). Each bar has a <title> with its number;
the pages give the same numbers in a table."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from markupsafe import Markup

from treatywatch.serve.pictures.svg import COLOURS, element, markup, root, text_width

WIDTH = 960
FONT = 12
# Colours for the organizations asked, in the order they are listed (most asked first).
SERIES_COLOURS = ("#1f5fa8", "#1d7a3d", "#b3261e", "#9a6700", "#6b4fa0", "#00838f", "#5b6470", "#c2185b")


def nice_step(maximum: int) -> int:
    """A gridline step (1, 2, 5, 10, 20, ...) giving at most five lines up to `maximum`."""
    step = 1
    while maximum / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if maximum / step <= 5:
                break
    return step


def stacked_columns_svg(categories: Sequence[str], series: Sequence[str],
                        values: Mapping[tuple[str, str], int], labels: Mapping[str, str],
                        series_names: Mapping[str, str], title: str,
                        colours: Mapping[str, str] | None = None) -> Markup | None:
    """One column per category (bottom to top: `series` in order); `labels` name the
    categories on the axis, `series_names` in the legend and titles."""
    if not categories or not series:
        return None
    colours = colours or {s: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, s in enumerate(series)}
    totals = {c: sum(values.get((c, s), 0) for s in series) for c in categories}
    top = max(max(totals.values()), 1)
    step = nice_step(top)
    ceiling = -(-top // step) * step
    left, right, plot_top, plot_bottom = 44, WIDTH - 8, 12, 200
    legend_y = plot_bottom + 40
    height = legend_y + 22
    svg = root(WIDTH, height, title, "picture chart-svg columns-svg")
    for tick in range(0, ceiling + 1, step):
        y = plot_bottom - tick / ceiling * (plot_bottom - plot_top)
        element("line", svg, x1=left, y1=y, x2=right, y2=y, stroke=COLOURS["line"], stroke_width=0.8)
        element("text", svg, str(tick), x=left - 6, y=y + 4, font_size=FONT - 1, fill=COLOURS["muted"],
                text_anchor="end")
    slot = (right - left) / len(categories)
    bar = max(min(slot * 0.7, 48), 2)
    every = max(1, int(-(-text_width("2000", FONT - 1) // slot)) + (1 if slot < 30 else 0))
    for index, category in enumerate(categories):
        x = left + index * slot + (slot - bar) / 2
        y = plot_bottom
        column = element("g", svg, class_="chart-column", data_category=category,
                         data_total=totals[category])
        for name in series:
            n = values.get((category, name), 0)
            if not n:
                continue
            h = n / ceiling * (plot_bottom - plot_top)
            y -= h
            rect = element("rect", column, x=x, y=y, width=bar, height=h, fill=colours[name],
                           stroke=COLOURS["paper"], stroke_width=0.8, class_="chart-bar",
                           data_series=name, data_value=n)
            element("title", rect, f"{labels.get(category, category)} · {series_names.get(name, name)}: {n}")
        if totals[category]:
            element("text", column, str(totals[category]), x=x + bar / 2, y=y - 4, font_size=FONT - 1,
                    fill=COLOURS["ink"], text_anchor="middle")
        if index % every == 0 or index == len(categories) - 1:
            element("text", svg, labels.get(category, category), x=left + index * slot + slot / 2,
                    y=plot_bottom + 16, font_size=FONT - 1, fill=COLOURS["muted"], text_anchor="middle")
    element("line", svg, x1=left, y1=plot_bottom, x2=right, y2=plot_bottom, stroke=COLOURS["muted"])
    x = float(left)
    for name in series:
        text = series_names.get(name, name)
        item = element("g", svg, class_="chart-legend-item", data_series=name)
        element("rect", item, x=x, y=legend_y, width=12, height=12, rx=2, fill=colours[name])
        element("text", item, text, x=x + 17, y=legend_y + 10, font_size=FONT - 1, fill=COLOURS["ink"])
        x += 17 + text_width(text, FONT - 1) + 18
    return markup(svg)


def bars_svg(rows: Sequence[tuple[str, str, int, str]], title: str,
             on_click: Callable[[str], str] | None = None) -> Markup | None:
    """Horizontal bars of (key, label, value, colour), in the order given; a bar
    links to `on_click(key)` when that is given (e.g. the cases of that verdict)."""
    if not rows:
        return None
    label_width = max(text_width(label, FONT) for _, label, _, _ in rows) + 12
    left, right, row = min(label_width, 360), WIDTH - 48, 24
    top = max(value for _, _, value, _ in rows) or 1
    height = len(rows) * row + 8
    svg = root(WIDTH, height, title, "picture chart-svg bars-svg")
    for index, (key, label, value, colour) in enumerate(rows):
        y = 4 + index * row
        parent = svg
        if on_click is not None:
            parent = element("a", svg, href=on_click(key), class_="chart-link")
        group = element("g", parent, class_="chart-row", data_key=key, data_value=value)
        element("title", group, f"{label}: {value}")
        element("text", group, label, x=left - 8, y=y + row * 0.62, font_size=FONT,
                fill=COLOURS["ink"], text_anchor="end")
        width = value / top * (right - left)
        element("rect", group, x=left, y=y + 3, width=max(width, 0.0), height=row - 8, rx=2,
                fill=colour, class_="chart-bar")
        element("text", group, str(value), x=left + width + 6, y=y + row * 0.62, font_size=FONT,
                fill=COLOURS["ink"])
    return markup(svg)
