"""treatywatch: an evidence-cited record of how collective-security clauses are used."""

from treatywatch.model import Block, Doc, Event, Evidence

__all__ = ["Block", "Doc", "Event", "Evidence"]
__version__ = "0.1.0"
