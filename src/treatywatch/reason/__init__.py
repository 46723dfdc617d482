"""Events of many documents -> cases, verdicts and treaty findings.

    build_cases(claims, knowledge) -> list[Case]     claims: events with their documents
    Claim, DocRef                                    the input
    Case                                             id, requester, addressee, period, verdict
    APPEAL_VERDICTS                                  made, not_made, denied, reported, unclear, none_found
"""

from treatywatch.reason.appeal import APPEAL_VERDICTS
from treatywatch.reason.cases import REASONING_VERSION, Case, build_cases
from treatywatch.reason.claims import Claim, DocRef

__all__ = ["APPEAL_VERDICTS", "REASONING_VERSION", "Case", "Claim", "DocRef", "build_cases"]
