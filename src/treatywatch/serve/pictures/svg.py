"""SVG built as ElementTree elements, so every attribute and text is escaped.

Colours are presentation attributes (fill=, stroke=), not style attributes: the
pages' Content-Security-Policy allows no inline styles.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
CHAR_WIDTH = 0.58  # of the font size: the average advance of a sans-serif letter, for layout

# The palette of the pages (style.css :root), for what an SVG attribute must name itself.
COLOURS = {
    "made": "#1d7a3d", "denied": "#b3261e", "reported": "#9a6700", "unclear": "#5b6470",
    "ink": "#1d2228", "muted": "#5b6470", "line": "#d9dde3", "accent": "#1f5fa8", "paper": "#ffffff",
}


def element(tag: str, parent: ET.Element | None = None, text: str | None = None, **attrs: Any) -> ET.Element:
    """An element with attributes given as keywords (`class_` for class, `aria_label`
    for aria-label, `stroke_width` for stroke-width); None values are left out."""
    clean = {_name(k): _value(v) for k, v in attrs.items() if v is not None}
    node = ET.Element(tag, clean) if parent is None else ET.SubElement(parent, tag, clean)
    if text is not None:
        node.text = text
    return node


def root(width: float, height: float, label: str, css_class: str) -> ET.Element:
    """An <svg> that scales to its container's width, labelled by its own <title>."""
    svg = element("svg", xmlns=SVG_NS, viewBox=f"0 0 {fmt(width)} {fmt(height)}",
                  width="100%", class_=css_class, aria_label=label,
                  preserveAspectRatio="xMinYMin meet")
    element("title", svg, label)
    return svg


def markup(node: ET.Element) -> Markup:
    return Markup(ET.tostring(node, encoding="unicode", short_empty_elements=True))


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def fmt(number: float) -> str:
    """A coordinate with at most one decimal, without a trailing `.0`."""
    rounded = round(float(number), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _name(key: str) -> str:
    if key == "class_":
        return "class"
    return key.replace("_", "-") if key not in ("viewBox", "preserveAspectRatio") else key


def _value(value: Any) -> str:
    if isinstance(value, float):
        return fmt(value)
    return str(value)
