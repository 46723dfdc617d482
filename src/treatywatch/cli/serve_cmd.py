"""`treatywatch serve`: the web app and JSON API over the store."""

from __future__ import annotations

import os
import sys

import typer

from treatywatch.cli.app import app
from treatywatch.errors import TreatywatchError


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help="Store URL; default from TREATYWATCH_DB, else the SQLite file."),
    workers: int = typer.Option(1, min=1, max=64, help="Server processes sharing the port (one per core)."),
) -> None:
    """Serve the case list, case pages, evidence, search, the claim checker and /api.

    Uploads (POST /api/documents) are allowed only when TREATYWATCH_TOKEN is set.
    With --workers N, N processes answer on the same port; each keeps its own response
    cache, keyed on the store's write generation, so none serves an answer older than
    a write another one committed.

    Example: treatywatch serve --port 8000   then open http://127.0.0.1:8000/
    """
    import uvicorn

    from treatywatch.serve.app import create_app
    from treatywatch.store import ENV_VAR, resolve_url

    try:
        web_app = create_app(db)
        if workers > 1:
            web_app.state.answers.refresh()  # stale cases rebuilt once, not by every worker
            web_app.state.answers.close()
    except TreatywatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        raise typer.Exit(1)
    print(f"treatywatch: serving on http://{host}:{port}/"
          f"{f' with {workers} workers' if workers > 1 else ''} (Ctrl+C to stop)", file=sys.stderr)
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)
        return
    os.environ[ENV_VAR] = resolve_url(db)  # for the workers' app_from_env
    uvicorn.run("treatywatch.serve.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning", server_header=False)
