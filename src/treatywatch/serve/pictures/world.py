"""The world's shapes and maps of the parties to a case or to the whole record.

The shapes are the world map that the pygal_maps_world package ships (an SVG of
countries keyed by ISO 3166-1 alpha-2 code, LGPL-3.0-or-later), read from the
installed package: no tile server, nothing fetched. Our record keys states by
alpha-3; pycountry's ISO 3166 tables give the alpha-2 code. A state the map has no
shape for (Kosovo, small island states) is listed beside the map instead.

A map is the grey world (one static image, `/pictures/world.svg`, cached by the
browser) with the parties' shapes drawn over it in the colour of their role, each
with a <title> naming the state and its role.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Mapping

import pycountry
from markupsafe import Markup
from svg.path import parse_path

from treatywatch.errors import DataFileError
from treatywatch.serve.pictures.svg import SVG_NS, element, markup

BASE_MAP_URL = "/pictures/world.svg"
LAND = "#e3e6ea"
BORDER = "#ffffff"
# Roles in the order a state takes the first that applies (asked and sent beats asked).
ROLES = ("asked_sent", "asked", "addressee", "sent", "pledged")
ROLE_COLOURS = {"asked_sent": "#6b4fa0", "asked": "#1f5fa8", "addressee": "#5b6470",
                "sent": "#1d7a3d", "pledged": "#d4a72c"}
MIN_CROP_WIDTH = 320.0  # map units: a single small state still shows its neighbours
CROP_ASPECT = (0.42, 0.8)  # height / width of a cropped map
SMALLEST_PIECE = 700  # a piece narrower than the view's width / this is not drawn in colour


@dataclass(frozen=True)
class Shapes:
    width: float
    height: float
    paths: Mapping[str, tuple[str, ...]]  # alpha-2 (lower case) -> path data


@lru_cache(maxsize=1)
def world_shapes() -> Shapes:
    source = resources.files("pygal_maps_world") / "worldmap.svg"
    try:
        tree = ET.fromstring(source.read_text(encoding="utf-8"))
    except (OSError, ET.ParseError) as exc:
        raise DataFileError(f"{source}: cannot read the world map of pygal_maps_world ({exc}); "
                            "reinstall the package") from exc
    _, _, width, height = (float(v) for v in tree.get("viewBox", "0 0 0 0").split())
    paths: dict[str, tuple[str, ...]] = {}
    for group in tree.iter(f"{{{SVG_NS}}}g"):
        classes = (group.get("class") or "").split()
        if "country" in classes and classes:
            paths[classes[0]] = tuple(p.get("d") for p in group.iter(f"{{{SVG_NS}}}path") if p.get("d"))
    if not paths or not width:
        raise DataFileError(f"{source}: no countries found in the world map")
    return Shapes(width, height, paths)


def alpha2(state: str) -> str | None:
    """The map's key for an ISO 3166-1 alpha-3 state code, None if it has no shape."""
    country = pycountry.countries.get(alpha_3=state.upper()) if len(state) == 3 else None
    if country is None:
        return None
    code = country.alpha_2.lower()
    return code if code in world_shapes().paths else None


@lru_cache(maxsize=512)
def piece_boxes(code: str) -> tuple[tuple[float, float, float, float], ...]:
    """The bounding box (x0, y0, x1, y1) of each piece of a country, in its order."""
    return tuple(tuple(parse_path(d).boundingbox()) for d in world_shapes().paths[code])


def main_box(code: str) -> tuple[float, float, float, float]:
    """The bounding box of a country's largest piece (so that Alaska's Aleutians or
    Russia's Chukotka across the date line do not stretch a crop over the world)."""
    return max(piece_boxes(code), key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))


def visible_pieces(code: str, view_width: float) -> list[str]:
    """The path data of a country's pieces that show at this zoom (islands below about
    a pixel are left out: the grey base map still has them), the largest always."""
    smallest = view_width / SMALLEST_PIECE
    largest = main_box(code)
    return [d for d, box in zip(world_shapes().paths[code], piece_boxes(code))
            if box == largest or max(box[2] - box[0], box[3] - box[1]) >= smallest]


def world_box() -> tuple[float, float, float, float]:
    """The whole map less Antarctica, which no record of ours needs."""
    shapes = world_shapes()
    bottom = main_box("aq")[1] - 10 if "aq" in shapes.paths else shapes.height
    return 0.0, 0.0, shapes.width, bottom


def crop_box(codes: list[str]) -> tuple[float, float, float, float]:
    """x, y, width, height around the given countries, padded and clamped to the world."""
    shapes = world_shapes()
    if not codes:
        return 0.0, 0.0, shapes.width, shapes.height
    boxes = [main_box(code) for code in codes]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width = max(x1 - x0, MIN_CROP_WIDTH) * 1.2
    height = min(max((y1 - y0) * 1.25, width * CROP_ASPECT[0]), width * CROP_ASPECT[1])
    width = max(width, height / CROP_ASPECT[1])
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    width, height = min(width, shapes.width), min(height, shapes.height)
    left = min(max(cx - width / 2, 0.0), shapes.width - width)
    top = min(max(cy - height / 2, 0.0), shapes.height - height)
    return left, top, width, height


def base_map_svg() -> bytes:
    """The grey world that every map draws on, as a standalone SVG file."""
    return _base_map()


@lru_cache(maxsize=1)
def _base_map() -> bytes:
    shapes = world_shapes()
    svg = element("svg", xmlns=SVG_NS, viewBox=f"0 0 {shapes.width:g} {shapes.height:g}",
                  width=f"{shapes.width:g}", height=f"{shapes.height:g}")
    land = element("g", svg, fill=LAND, stroke=BORDER, stroke_width=0.6, stroke_linejoin="round")
    for code, paths in sorted(shapes.paths.items()):
        country = element("g", land, id=code)
        for d in paths:
            element("path", country, d=d)
    return ET.tostring(svg, encoding="utf-8", xml_declaration=True)


def role_of(asked: bool, sent: bool, pledged: bool, addressee: bool = False) -> str | None:
    if asked and sent:
        return "asked_sent"
    if asked:
        return "asked"
    if addressee:
        return "addressee"
    if sent:
        return "sent"
    return "pledged" if pledged else None


def map_figure(roles: Mapping[str, str], names: Mapping[str, str], t: Callable[..., str],
               title: str, crop: bool, css_id: str) -> Markup | None:
    """A <figure>: the map of `roles` (alpha-3 state -> role), its legend, and the
    states it cannot draw. None when no state has a role."""
    if not roles:
        return None
    drawn = {state: alpha2(state) for state in roles}
    codes = sorted(code for code in drawn.values() if code)
    shapes = world_shapes()
    x, y, width, height = crop_box(codes) if crop else world_box()
    figure = element("figure", class_="picture-map", id=css_id)
    svg = element("svg", figure, xmlns=SVG_NS, viewBox=f"{x:.1f} {y:.1f} {width:.1f} {height:.1f}",
                  width="100%", class_="picture map-svg", aria_label=title,
                  preserveAspectRatio="xMidYMid meet")
    element("title", svg, title)
    element("rect", svg, x=f"{x:.1f}", y=f"{y:.1f}", width=f"{width:.1f}", height=f"{height:.1f}",
            fill="#f4f8fb")
    element("image", svg, href=BASE_MAP_URL, x=0, y=0, width=f"{shapes.width:g}",
            height=f"{shapes.height:g}", aria_hidden="true")
    for state in sorted(roles, key=lambda s: (ROLES.index(roles[s]), s)):
        code = drawn[state]
        if not code:
            continue
        role = roles[state]
        label = f"{names.get(state, state)}: {t('pictures.map.' + role)}"
        group = element("g", svg, class_=f"map-state role-{role}", fill=ROLE_COLOURS[role],
                        stroke=BORDER, stroke_width=1, vector_effect="non-scaling-stroke",
                        data_state=state, data_role=role, role="img", aria_label=label)
        element("title", group, label)
        for d in visible_pieces(code, width):
            element("path", group, d=d, vector_effect="non-scaling-stroke")
    caption = element("figcaption", figure)
    legend = element("ul", caption, class_="map-legend")
    for role in ROLES:
        if role in roles.values():
            item = element("li", legend, class_=f"role-{role}")
            swatch = element("svg", item, width=12, height=12, viewBox="0 0 12 12", aria_hidden="true")
            element("rect", swatch, width=12, height=12, rx=2, fill=ROLE_COLOURS[role])
            swatch.tail = " " + t("pictures.map." + role)
    missing = sorted(names.get(state, state) for state, code in drawn.items() if not code)
    if missing:
        element("p", caption, t("pictures.map.not_drawn", states=", ".join(missing)),
                class_="small muted map-missing")
    element("p", caption, t("pictures.map.source"), class_="small muted map-source")
    return markup(figure)
