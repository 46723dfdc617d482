"""Write access: the API is read-only unless the operator sets a token.

With `TREATYWATCH_TOKEN` set (read once by `create_app`), a write needs the header
`Authorization: Bearer <token>`, compared in constant time.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request


def require_token(request: Request) -> None:
    """FastAPI dependency for every route that writes to the store."""
    expected: str | None = request.app.state.settings.token
    if not expected:
        raise HTTPException(403, "this server is read-only: the operator must set "
                                 "TREATYWATCH_TOKEN to allow uploads")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing token: send the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})
