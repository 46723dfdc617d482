"""`treatywatch VERB`: each module below registers its commands on `app`."""

from treatywatch.cli.app import app
from treatywatch.cli import extract_cmd  # noqa: F401  extract, eval
from treatywatch.cli import record_cmd  # noqa: F401  ingest, cases, case, check, export
from treatywatch.cli import serve_cmd  # noqa: F401  serve
from treatywatch.cli import watch_cmd  # noqa: F401  watch


def main() -> None:
    app()


__all__ = ["app", "main"]
