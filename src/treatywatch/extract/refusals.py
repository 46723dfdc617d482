"""A denial verb whose object is a request refuses the request; it does not deny it.

"Кремль отверг просьбу Бишкека", "The CSTO rejected Armenia's request": the request was
made (a positive appeal), and the refusal is a decision with outcome `decline`. Neither
is a statement: the verb gives no speaker and no denial.
"""

from __future__ import annotations

from treatywatch.extract.lexicon import Lexicon


def rejects_a_request(toks, k: int, lex: Lexicon) -> bool:
    """The denial verb's object is a request ("отверг просьбу Бишкека", "rejected the request
    of ...") rather than a report or a claim about one."""
    for j in range(k + 1, min(len(toks), k + 6)):
        tok = toks[j]
        if lex.report_nouns.has(tok) or lex.complementizers.has(tok) or tok.text in {",", ";", ":"}:
            return False
        if lex.appeal_nouns.has(tok):
            return True
    return False
