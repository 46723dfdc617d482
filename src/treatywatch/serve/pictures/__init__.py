"""Pictures drawn on the server as inline SVG: no script, no CDN, no tile server.

    timeline.py   one case's events on a time axis, each linked to its row and evidence
    charts.py     bar charts of the whole record (appeal episodes by year, verdicts)
    world.py      the world's shapes (from pygal_maps_world) and maps of the parties
    record.py     the counts the overview page draws, from the store
    svg.py        building SVG with escaping (ElementTree), shared by the above

Every builder returns Markup (safe to put in a template) and takes `t`, the page's
translator, for the words it draws.
"""
