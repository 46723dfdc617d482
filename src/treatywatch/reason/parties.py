"""Who is in need and whom they turn to, read off an event's spec fields.

| type | requester | addressee |
| --- | --- | --- |
| appeal | actor | target |
| offer, consultation, decision | target | actor |
| deployment, withdrawal | target | via, else actor |
"""

from __future__ import annotations

from treatywatch.model import Event


def requester_and_addressee(event: Event) -> tuple[str | None, str | None]:
    if event.type == "appeal":
        return event.actor, event.target
    if event.type in ("deployment", "withdrawal"):
        return event.target, event.via or event.actor
    return event.target, event.actor
