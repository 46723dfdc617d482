"""`treatywatch serve`: the web app and JSON API over the store."""

from __future__ import annotations

import sys

import typer

from treatywatch.cli.app import app
from treatywatch.errors import TreatywatchError


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help="Store URL; default from TREATYWATCH_DB, else the SQLite file."),
) -> None:
    """Serve the case list, case pages, evidence, search, the claim checker and /api.

    Uploads (POST /api/documents) are allowed only when TREATYWATCH_TOKEN is set.

    Example: treatywatch serve --port 8000   then open http://127.0.0.1:8000/
    """
    import uvicorn

    from treatywatch.serve.app import create_app

    try:
        web_app = create_app(db)
    except TreatywatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        raise typer.Exit(1)
    print(f"treatywatch: serving on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)
