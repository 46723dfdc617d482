"""Reports of what a poll changed: a case seen for the first time, or a case whose
verdict (appeal, basis, decision) changed. Each goes to stdout, to a JSON Lines log when
one is given, and to a webhook when one is given: a POST of the same JSON, signed with
HMAC-SHA256 over the body with a shared secret (header X-Treatywatch-Signature:
sha256=<hex>), retried with back-off when the receiver fails."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import httpx

SIGNATURE_HEADER = "X-Treatywatch-Signature"
WEBHOOK_ATTEMPTS = 4
WEBHOOK_FIRST_PAUSE = 0.5


def verdict_of(case: Any) -> dict[str, Any]:
    """What a report compares: the case's parties, period and verdict, not its evidence."""
    return {"case": case.id, "requester": case.requester, "addressee": case.addressee,
            "start": case.start.isoformat() if case.start else None,
            "end": case.end.isoformat() if case.end else None,
            "appeal": case.appeal, "basis": case.basis, "decision": case.decision}


def fingerprint(verdict: dict[str, Any]) -> str:
    keys = ("requester", "addressee", "appeal", "basis", "decision")
    return hashlib.sha256(json.dumps([verdict[k] for k in keys]).encode()).hexdigest()[:16]


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@dataclass
class Change:
    kind: str  # "new_case" | "verdict_changed"
    verdict: dict[str, Any]
    previous: dict[str, Any] | None
    articles: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.verdict, "previous": self.previous,
                "articles": self.articles,
                "reported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}

    def text(self) -> str:
        v = self.verdict
        line = (f"{v['case']}: {v['requester']} → {v['addressee']}, appeal {v['appeal']}, "
                f"basis {v['basis'] or '—'}, decision {v['decision'] or '—'}")
        if self.kind == "new_case":
            return "NEW CASE " + line
        changed = [f"{k} {self.previous.get(k) or '—'} → {v[k] or '—'}"
                   for k in ("appeal", "basis", "decision") if self.previous.get(k) != v[k]]
        return f"CHANGED {line} ({'; '.join(changed)})"


class Reporter:
    def __init__(self, out: TextIO | None = None, log: str | Path | None = None,
                 webhook: str | None = None, secret: str | None = None,
                 transport: httpx.BaseTransport | None = None, warn: TextIO | None = None):
        if webhook and not secret:
            raise ValueError("a webhook needs a shared secret to sign with")
        self.out = out or sys.stdout
        self.warn = warn or sys.stderr
        self.log = Path(log).expanduser() if log else None
        self.webhook, self.secret = webhook, secret
        self._client = httpx.Client(timeout=10.0, transport=transport) if webhook else None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def report(self, change: Change) -> None:
        record = change.to_json()
        print(change.text(), file=self.out, flush=True)
        body = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        if self.log is not None:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log, "ab") as log:
                log.write(body + b"\n")
        if self.webhook:
            self._post(body)

    def _post(self, body: bytes) -> None:
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, self.secret)}
        pause = WEBHOOK_FIRST_PAUSE
        problem = ""
        for attempt in range(1, WEBHOOK_ATTEMPTS + 1):
            try:
                response = self._client.post(self.webhook, content=body, headers=headers)
                if response.status_code < 300:
                    return
                problem = f"HTTP {response.status_code}"
                if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
                    break  # the receiver refuses it: sending again will not help
            except httpx.HTTPError as exc:
                problem = type(exc).__name__
            if attempt < WEBHOOK_ATTEMPTS:
                time.sleep(pause / 2 + random.uniform(0, pause / 2))
                pause *= 2
        print(f"Warning: webhook {self.webhook} did not take a report ({problem}); "
              "it is in the log and on stdout", file=self.warn, flush=True)
