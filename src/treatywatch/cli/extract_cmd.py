"""`treatywatch extract` and `treatywatch eval`: documents in, events (or scores) out."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from treatywatch.cli.app import app
from treatywatch.errors import InputError, TreatywatchError
from treatywatch.evaluate import EvalReport, evidence_sentence, load_gold, score
from treatywatch.ingest import DEFAULT_MAX_BYTES, read_documents
from treatywatch.model import Doc, doc_to_json

SENTENCE_WIDTH = 80
PIPED_TABLE_WIDTH = 160


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-01-06") from None


PathsArg = Annotated[list[str], typer.Argument(
    help="Files (.txt, .html, .jsonl), directories (read recursively) or - for stdin.",
    show_default=False)]
DateOpt = Annotated[dt.date | None, typer.Option(
    "--date", metavar="YYYY-MM-DD", parser=_parse_date,
    help="Publication date for documents that state none (resolves 'yesterday').")]
MaxBytesOpt = Annotated[int, typer.Option(
    "--max-bytes", min=1, metavar="N", help="Largest document (or JSON Lines record) read, in bytes.")]


def _report_error(error: InputError) -> None:
    print(f"Error: {error.document}: {error.problem}", file=sys.stderr, flush=True)


def _extracted(paths: list[str], date: dt.date | None, max_bytes: int, failures: list[InputError]) -> Iterator[Doc]:
    """Docs with events; read failures are reported on stderr as they come."""
    from treatywatch.extract import Extractor

    extractor = Extractor()  # heavy: once per command run
    for item in read_documents(paths, default_date=date, max_bytes=max_bytes):
        if isinstance(item, InputError):
            failures.append(item)
            _report_error(item)
            continue
        yield extractor(item)


@app.command("extract")
def extract_command(
    paths: PathsArg,
    output_format: Annotated[str, typer.Option(
        "--format", metavar="jsonl|table", help="JSON Lines (the spec's format) or a table.")] = "jsonl",
    date: DateOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Extract collective-security events from news documents.

    Prints one JSON object per document (doc, lang, events with evidence),
    or a table. A document that cannot be read is reported on stderr as
    "Error: <document>: <problem>"; the others are still processed, and the
    exit code is then 1.

    Example:

        treatywatch extract news/ --date 2022-01-07 > events.jsonl
    """
    if output_format not in ("jsonl", "table"):
        raise typer.BadParameter(f"{output_format!r} is not a format; use jsonl or table",
                                 param_hint="'--format'")
    failures: list[InputError] = []
    docs = _extracted(paths, date, max_bytes, failures)
    if output_format == "jsonl":
        for doc in docs:
            sys.stdout.write(json.dumps(doc_to_json(doc), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    else:
        # Rich lays out 80 columns when stdout is not a terminal; events need more.
        console = Console() if sys.stdout.isatty() else Console(width=PIPED_TABLE_WIDTH)
        console.print(_events_table(list(docs)))
    if failures:
        raise typer.Exit(1)


def _events_table(docs: list[Doc]) -> Table:
    table = Table(title="Events")
    for column in ("doc", "lang", "type", "actor", "target", "polarity", "modality", "source", "when"):
        table.add_column(column, no_wrap=True)
    table.add_column("sentence", ratio=1, overflow="fold")
    for doc in docs:
        if not doc.events:
            table.add_row(doc.id, doc.lang or "-", "(no events)", *[""] * 7)
        for event in doc.events:
            sentence = event.evidence[0].sentence if event.evidence else ""
            if len(sentence) > SENTENCE_WIDTH:
                sentence = sentence[:SENTENCE_WIDTH - 1] + "…"
            table.add_row(doc.id, doc.lang or "-", event.type, event.actor or "-", event.target or "-",
                          event.polarity, event.modality, event.source or "-", event.when or "-", sentence)
    return table


@app.command("eval")
def eval_command(
    gold: Annotated[str, typer.Argument(help="Gold annotations, JSON Lines (spec format).", show_default=False)],
    paths: PathsArg,
    errors: Annotated[bool, typer.Option("--errors", help="List false positives and negatives per document.")] = False,
    date: DateOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Extract events from documents and score them against gold annotations.

    Prints precision, recall and F1 overall and per event type, then the
    accuracy of each other field over matched events. The last line is
    "events: P=... R=... F1=...". Read failures are reported as by extract.

    Example:

        treatywatch eval corpus/dev/gold.jsonl corpus/dev/ --errors
    """
    try:
        gold_docs = load_gold(gold)
    except TreatywatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    failures: list[InputError] = []
    predicted = [doc_to_json(doc) for doc in _extracted(paths, date, max_bytes, failures)]
    report = score(gold_docs, predicted)

    console = Console()
    _print_report(console, report, errors)
    sys.stdout.flush()
    print(report.summary_line(), flush=True)
    if failures:
        raise typer.Exit(1)


def _print_report(console: Console, report: EvalReport, show_errors: bool) -> None:
    if show_errors:
        for line in error_lines(report):
            console.print(line, markup=False, highlight=False)
    console.print(score_table(report))
    console.print(slot_table(report))
    if report.unpredicted_docs:
        console.print(f"gold documents not read: {', '.join(report.unpredicted_docs)}",
                      markup=False, highlight=False)
    if report.unknown_docs:
        console.print(f"documents without gold (their events count as false positives): "
                      f"{', '.join(report.unknown_docs)}", markup=False, highlight=False)


def score_table(report: EvalReport) -> Table:
    table = Table(title=f"Events ({report.documents} gold documents)")
    for column in ("", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column else "left")
    rows = [("all", report.overall)] + [(name, prf) for name, prf in report.per_type.items()
                                         if prf.tp or prf.fp or prf.fn]
    for name, prf in rows:
        table.add_row(name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                      str(prf.tp), str(prf.fp), str(prf.fn))
    return table


def slot_table(report: EvalReport) -> Table:
    table = Table(title="Fields of matched events")
    for column in ("field", "accuracy", "right", "scored"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, slot in report.slots.items():
        table.add_row(name, f"{slot.accuracy:.3f}" if slot.total else "-", str(slot.correct), str(slot.total))
    return table


def error_lines(report: EvalReport) -> Iterator[str]:
    for doc in report.errors:
        yield f"== {doc.doc}"
        for label, events in (("FP", doc.false_positives), ("FN", doc.false_negatives)):
            for event in events:
                yield f"  {label} {_describe(event)}"
                sentence = evidence_sentence(event)
                if sentence:
                    yield f"       «{' '.join(sentence.split())}»"
        for slot in doc.slot_errors:
            yield (f"  field {slot.field}: gold {slot.gold!r}, predicted {slot.predicted!r} "
                   f"in {_describe(slot.event)}")


def _describe(event: dict) -> str:
    key = " ".join(str(event.get(name) or "-") for name in ("type", "actor", "target", "polarity", "modality"))
    return key + (" (when " + str(event["when"]) + ")" if event.get("when") else "")
