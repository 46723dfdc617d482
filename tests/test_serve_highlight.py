"""Evidence highlighting escapes every piece of text and marks exactly the spans."""

from __future__ import annotations

from hypothesis import given, strategies as st
from markupsafe import Markup

from treatywatch.serve.highlight import Span, highlight_evidence


def test_highlight_marks_the_span_and_escapes_around_it():
    text = 'A <b>bold</b> claim. Tajikistan asked the CSTO for help. "End" & more'
    start = text.index("Tajikistan")
    end = text.index("help.") + len("help.")
    html = highlight_evidence(text, [Span(start, end, "ev-7", "appeal TJK → CSTO")])
    assert isinstance(html, Markup)
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>" not in html
    assert '<span class="ev-anchor" id="ev-7"></span><mark class="ev" title="appeal TJK → CSTO">' \
           "Tajikistan asked the CSTO for help.</mark>" in html
    assert "&#34;End&#34; &amp; more" in html


def test_highlight_overlapping_spans_share_the_overlap():
    text = "one two three four"
    html = highlight_evidence(text, [Span(0, 7, "ev-a", "x"), Span(4, 13, "ev-b", "y")])
    assert html == ('<span class="ev-anchor" id="ev-a"></span><mark class="ev" title="x">one </mark>'
                    '<span class="ev-anchor" id="ev-b"></span><mark class="ev" title="x; y">two</mark>'
                    '<mark class="ev" title="y"> three</mark> four')


def test_highlight_clamps_spans_outside_the_text():
    html = highlight_evidence("short", [Span(2, 99, "ev-1"), Span(50, 60, "ev-2")])
    assert html == 'sh<span class="ev-anchor" id="ev-1"></span><mark class="ev" title="">ort</mark>'


def test_highlight_escapes_a_hostile_anchor_and_label():
    html = highlight_evidence("text", [Span(0, 4, 'x"><script>', "<img src=x onerror=alert(1)>")])
    assert "<script>" not in html and "<img" not in html
    assert 'id="x&#34;&gt;&lt;script&gt;"' in html


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=4))
def test_highlight_never_lets_markup_through_and_keeps_the_text(text, bounds):
    spans = [Span(a, b, f"ev-{i}") for i, (a, b) in enumerate(bounds)]
    html = str(highlight_evidence(text, spans))
    stripped = html
    for tag in ("</mark>",):
        stripped = stripped.replace(tag, "")
    import re

    stripped = re.sub(r'<mark class="ev" title="[^"<>]*">|<span class="ev-anchor" id="ev-\d+"></span>', "", stripped)
    assert "<" not in stripped and ">" not in stripped.replace("&gt;", "")
    assert Markup(stripped).unescape() == text
