"""`treatywatch VERB`: each module below registers its commands on `app`."""

from treatywatch.cli.app import app
from treatywatch.cli import extract_cmd  # noqa: F401  extract, eval
from treatywatch.cli import record_cmd  # noqa: F401  ingest, cases, case, check, export
from treatywatch.cli import serve_cmd  # noqa: F401  serve
from treatywatch.cli import watch_cmd  # noqa: F401  watch


def main() -> None:
    import sys

    from treatywatch.errors import TreatywatchError

    try:
        app()
    except TreatywatchError as exc:  # a deliberate error no command caught: its message, no traceback
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)


__all__ = ["app", "main"]
