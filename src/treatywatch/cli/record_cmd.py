"""`treatywatch ingest | cases | case | check | export`: the record from the command line.

Every command takes `--db URL` (default: $TREATYWATCH_DB, else the SQLite file
~/.local/share/treatywatch/treatywatch.sqlite, under $XDG_DATA_HOME when set).
Results go to stdout, progress and messages to stderr; errors print
`Error: ...` and exit 1.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from typing import Annotated, Any, Iterator

import typer
from rich.console import Console
from rich.table import Table

from treatywatch.cli.app import app
from treatywatch.errors import InputError, TreatywatchError

DbOpt = Annotated[str | None, typer.Option(
    "--db", metavar="URL",
    help="Store: a SQLite file path or a URL (postgresql+psycopg://user@host/db). "
         "Default: $TREATYWATCH_DB, else ~/.local/share/treatywatch/treatywatch.sqlite.")]
FormatOpt = Annotated[str, typer.Option("--format", metavar="text|json",
                                        help="A readable answer with citations, or JSON.")]
MAX_CITATIONS = 8  # in `check`'s text; `case` and --format json show all
PER_SIDE = 3  # citations per side of a conflict in `check`'s text
PIPED_WIDTH = 160


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except TreatywatchError as exc:
        print(f"Error: {exc}", file=sys.stderr, flush=True)
        raise typer.Exit(1) from None


def _answers(db: str | None):
    from treatywatch.serve.answers import open_answers

    return open_answers(db)


def _check_format(value: str, allowed: tuple[str, ...], option: str = "--format") -> None:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not a format; use {' or '.join(allowed)}",
                                 param_hint=f"'{option}'")


def _stdout() -> Console:
    """Tables at the terminal's width; wide enough not to cut ids when piped."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)


# --- ingest ------------------------------------------------------------------------

@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz), directories (read "
             "recursively) or - for stdin.",
        show_default=False)],
    db: DbOpt = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD",
        help="Publication date for documents that state none.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", metavar="N", min=1,
        help="Read and extract in N worker processes (a Dask cluster on this machine); "
             "this process alone writes.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Read and extract on an existing Dask cluster (tcp://host:8786).")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", metavar="N", min=1,
        help="With --workers or --scheduler: documents sent to a worker at a time, and "
             "written in one transaction.")] = 32,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress and no summary; errors only.")] = False,
    progress_every: Annotated[float, typer.Option(
        "--progress-every", metavar="SECONDS", min=0,
        help="When stderr is not a terminal: a progress line this often.")] = 10.0,
) -> None:
    """Read documents, extract their events and add them to the store.

    Each document is written in one transaction (with --workers or --scheduler, each
    batch): a document already stored is counted as a duplicate, a near-duplicate
    republication is stored but linked to the original (its events do not count
    twice). Cases are rebuilt at the end. Archives are read as streams. A document
    that cannot be read prints "Error: <document>: <problem>"; the others go on, and
    the exit code is then 1. The store is the same whether one process or many read.

    Progress goes to stderr: a bar with the total, rate and time left on a terminal
    (the total is known for files and uncompressed JSON Lines), else a plain line every
    --progress-every seconds.

    Example:

        treatywatch ingest ../shared/corpus/dev --db record.sqlite
        treatywatch ingest crawl.warc.gz wires.jsonl.gz --workers 4
    """
    default_date = _parse_date(date) if date else None
    if workers is not None and scheduler:
        raise typer.BadParameter("give --workers or --scheduler, not both",
                                 param_hint="'--workers'")
    with _user_errors():
        from treatywatch.cli.ingest_progress import IngestProgress, expected_documents
        from treatywatch.parallel.tally import IngestTally
        from treatywatch.store import open_store

        tally = IngestTally()
        total = None if quiet else expected_documents(paths)
        with open_store(db) as store:
            with IngestProgress(total, quiet=quiet, every=progress_every) as progress:

                def report(error: InputError) -> None:
                    progress.error(f"Error: {error.document}: {error.problem}")

                def show(current: IngestTally) -> None:
                    progress.update(current)

                if workers is not None or scheduler:
                    from treatywatch.parallel import BatchOptions, dask_client, ingest_in_parallel

                    progress.stage("Starting workers")
                    with dask_client(workers, scheduler) as client:
                        progress.stage("Ingesting")
                        options = BatchOptions(default_date, store_url=store.url)
                        ingest_in_parallel(paths, store, client, options,
                                           batch_size=batch_size, on_error=report,
                                           on_progress=show, tally=tally)
                else:
                    _ingest_here(paths, store, default_date, tally, report,
                                 lambda name: progress.update(tally, f"Ingesting {name}"))
                progress.update(tally)
                progress.stage("Rebuilding cases")
                rebuilt = store.refresh_cases()
        if not quiet:
            print(f"{tally.summary()}; cases rebuilt for {len(rebuilt)} requester(s).",
                  file=sys.stderr)
            print(f"{tally.on_topic} on topic; {tally.rate:,.1f} document(s) a second.",
                  file=sys.stderr)
    if tally.counts["failed"]:
        raise typer.Exit(1)


def _ingest_here(paths, store, default_date, tally, report, show) -> None:
    """The ingest in this process: a transaction per document."""
    from treatywatch.extract import Extractor
    from treatywatch.ingest import read_documents

    extractor = Extractor()
    topic = getattr(extractor, "topic", None)
    for item in read_documents(paths, default_date=default_date):
        if isinstance(item, InputError):
            tally.failed()
            report(item)
            continue
        show(item.id)
        tally.on_topic += bool(item.text) and (topic is None or topic(item.text))
        tally.stored(store.ingest(item, extractor))


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD",
                                 param_hint="'--date'") from None


# --- cases -------------------------------------------------------------------------

@app.command("cases")
def cases_command(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Requester state: ISO code or name (ru/uk/en).")] = None,
    org: Annotated[str | None, typer.Option(
        "--org", help="Addressee: organization (CSTO, ОДКБ) or state.")] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", metavar="YYYY[-MM[-DD]]", help="Cases ending on or after this.")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", metavar="YYYY[-MM[-DD]]", help="Cases starting on or before this.")] = None,
    verdict: Annotated[str | None, typer.Option(
        "--verdict", help="Only cases with this appeal verdict (made, denied, ...).")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", metavar="table|json|csv|jsonl",
        help="A table; JSON; or one flat row per case (the columns of `export --table "
             "cases`) as CSV or JSON Lines.")] = "table",
) -> None:
    """List cases: episodes merged from all documents, with their verdicts.

    Example:

        treatywatch cases --actor Kazakhstan --org CSTO --from 2020
        treatywatch cases --format csv > cases.csv
    """
    _check_format(output_format, ("table", "json", "csv", "jsonl"))
    with _user_errors(), _answers(db) as answers:
        rows = answers.list_cases({"actor": actor, "org": org, "from": date_from,
                                   "to": date_to, "verdict": verdict})
        if output_format in ("csv", "jsonl"):
            _write_flat_cases(answers, [row["id"] for row in rows], output_format)
            return
    if output_format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(rows)} case(s)")
    for column in ("Case", "Period", "Requester", "Addressee", "Appeal", "Basis", "Decision",
                   "Docs"):
        table.add_column(column, justify="right" if column == "Docs" else "left",
                         no_wrap=column in ("Case", "Period"))
    for row in rows:
        period = _period_text(row["start"], row["end"])
        table.add_row(row["id"], period, row["requester"], row["addressee"], row["appeal"],
                      row["basis"] or "—", row["decision"] or "—", str(row["documents"]))
    _stdout().print(table)


def _write_flat_cases(answers: Any, case_ids: list[str], output_format: str) -> None:
    from treatywatch.store.export import CASE_COLUMNS, flat_case, write_rows
    from treatywatch.store.models import CaseRow

    with answers.store.session() as session:
        stored = {row.id: row for row in session.query(CaseRow).filter(CaseRow.id.in_(case_ids))}
        flat = [flat_case(stored[case_id]) for case_id in case_ids if case_id in stored]
    write_rows(flat, CASE_COLUMNS, output_format, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _period_text(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


# --- case --------------------------------------------------------------------------

@app.command("case")
def case_command(
    case_id: Annotated[str, typer.Argument(help="A case id, as listed by `treatywatch cases`.",
                                           show_default=False)],
    db: DbOpt = None,
    output_format: FormatOpt = "text",
) -> None:
    """Show one case: its verdict, conflicts, treaty findings and the timeline with
    the evidence of every event.

    Example:

        treatywatch case KAZ-CSTO-2022-01
    """
    _check_format(output_format, ("text", "json"))
    with _user_errors(), _answers(db) as answers:
        case = answers.get_case(case_id)
    if case["note"]:
        print(f"Note: {case['note']}", file=sys.stderr)
    if output_format == "json":
        print(json.dumps(case, ensure_ascii=False, indent=2))
        return
    verdict = case["verdict"]
    lines = verdict_lines(verdict, citations=False)
    for title, rows in (("Timeline: one row per event, its sources folded under it",
                         case["timeline"]),
                        ("Undated events (reported, no date of their own):", verdict["undated"]),
                        ("Undated reports that may belong here (not counted):",
                         verdict["maybe"])):
        if not rows and title.startswith(("Undated events", "Undated reports")):
            continue
        lines += ["", title]
        for entry in rows:
            lines.append("  " + _timeline_line(entry))
            for item in entry["evidence"]:
                lines.append("      " + citation_text(item))
    print("\n".join(lines))


def _timeline_line(entry: dict[str, Any]) -> str:
    when = entry["when"] or f"undated (reported {entry['reported'] or '?'})"
    parts = [f"{when}  {entry['type']} {entry['actor'] or '?'} → {entry['target'] or '?'}"]
    qualifiers = [entry["polarity"], entry["modality"], f"source: {entry['source'] or 'text'}"]
    for name in ("basis", "outcome", "assistance", "size", "via"):
        if entry.get(name):
            qualifiers.append(f"{name}: {entry[name]}")
    if entry.get("superseded"):
        qualifiers.append("superseded by later reports")
    documents = entry.get("documents") or 1
    outlets = ", ".join(entry.get("outlets") or [])
    carried = f" — {documents} source{'s' if documents > 1 else ''}" + \
        (f": {outlets}" if outlets else "")
    return parts[0] + " (" + ", ".join(str(q) for q in qualifiers) + ")" + carried


# --- check -------------------------------------------------------------------------

@app.command("check")
def check_command(
    state: Annotated[str, typer.Argument(
        help="The state in need: ISO code (TJK) or name in ru/uk/en (Таджикистан, Tajikistan).",
        show_default=False)],
    org: Annotated[str, typer.Option("--org", help="The organization (CSTO, ОДКБ, NATO) or a state.")],
    when: Annotated[str | None, typer.Option(
        "--when", metavar="YYYY[-MM[-DD]]", help="The time asked about; default: the latest episode.")] = None,
    db: DbOpt = None,
    output_format: FormatOpt = "text",
) -> None:
    """Did STATE appeal to ORG, and what came of it? A verdict with citations.

    The appeal verdict is one of made, not_made, denied, reported (only rumoured),
    unclear, none_found; with the basis, the decision, the contributors (state,
    size, status), conflicting sources shown side by side, and evidence.

    Example:

        treatywatch check Tajikistan --org CSTO --when 2025-11 --format json
    """
    _check_format(output_format, ("text", "json"))
    with _user_errors(), _answers(db) as answers:
        result = answers.check(state, org, when)
    if output_format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if result["case"] is None:
        q = result["question"]
        others = ", ".join(result["other_cases"]) or "none"
        lines = [f"{q['state']} → {q['org']}{' in ' + q['when'] if q['when'] else ''}: "
                 f"none_found — the record holds no episode for that time."]
        lines += finding_lines(result["findings"])
        lines.append(f"Other cases of these parties: {others}")
        print("\n".join(lines))
        return
    print("\n".join(verdict_lines(result, limit=MAX_CITATIONS)))


# --- export ------------------------------------------------------------------------

@app.command("export")
def export_command(
    output_format: Annotated[str, typer.Option("--format", metavar="csv|jsonl|parquet",
                                               help="File format.")] = "jsonl",
    table: Annotated[str, typer.Option(
        "--table", metavar="events|evidence|documents|cases",
        help="What to export: events (with CAMEO and PLOVER codes), evidence (one row per "
             "cited span: event, document, offsets, sentence), documents, or cases (flat "
             "verdict columns).")] = "events",
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help="Write here instead of stdout.")] = None,
    db: DbOpt = None,
) -> None:
    """Export the record. The same documents give a byte-identical file whatever
    the order or time of ingestion (ids derive from content; no timestamps).

    Example:

        treatywatch export --format parquet --output events.parquet
        treatywatch export --table evidence --format csv --output evidence.csv
    """
    _check_format(output_format, ("csv", "jsonl", "parquet"))
    if output is None and output_format == "parquet" and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --output FILE", param_hint="'--output'")
    with _user_errors(), _answers(db) as answers:
        from treatywatch.store.export import export

        answers.refresh()
        with answers.store.session() as session:
            if output is None:
                count = export(session, table, output_format, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                try:
                    with open(output, "wb") as out:
                        count = export(session, table, output_format, out)
                except OSError as exc:
                    raise InputError(output, f"cannot write: {exc.strerror}") from None
    print(f"{count} {table} row(s) exported.", file=sys.stderr)


# --- rendering shared by `case` and `check` ----------------------------------------

APPEAL_TEXT = {
    "made": "MADE — {req} appealed to {addr}",
    "denied": "DENIED — {said} say(s) {req} made no appeal to {addr}; reports said it had ({rumours})",
    "not_made": "NOT MADE — {said} say(s) {req} made no appeal to {addr}",
    "reported": "ONLY REPORTED — {rumours} report(s) an appeal by {req} to {addr}; not confirmed",
    "unclear": "UNCLEAR — the sources on an appeal by {req} to {addr} disagree or are inconclusive",
    "none_found": "NONE FOUND — nothing in the record about an appeal by {req} to {addr}",
}


SIDE_TEXT = {"made": "said it was made", "not_made": "said there was none",
             "reported": "only reported it", "announced": "announced or offered it"}
COUNTED_TEXT = {"decided": "decided", "outweighed": "outweighed", "superseded": "superseded",
                "other_basis": "beside the point", "considered": "weighed"}


def explanation_lines(verdict: dict[str, Any]) -> list[str]:
    """The rows that decided the appeal verdict, each with why and its citations."""
    rows = (verdict.get("explanation") or {}).get("rows") or []
    if not rows:
        return []
    lines = ["Why:"]
    for row in rows:
        documents = f"{row['documents']} document{'s' if row['documents'] > 1 else ''}"
        cites = "".join(f"[{n}]" for n in row["citations"])
        lines.append(f"  {COUNTED_TEXT[row['counted']]}: {row['source'] or 'the text'} "
                     f"({row['weight']}) {SIDE_TEXT[row['side']]} — {documents}: "
                     f"{', '.join(row['outlets'])} {cites}".rstrip())
        lines.append(f"      {row['why']}")
    return lines


def verdict_lines(verdict: dict[str, Any], limit: int | None = None,
                  citations: bool = True) -> list[str]:
    req, addr = verdict["requester"], verdict["addressee"]
    period = verdict.get("period") or {}
    span = _period_text(period.get("start"), period.get("end"))
    if period and not period.get("dated"):
        span += " (from report dates; the events are undated)"
    detail = verdict.get("appeal_detail") or {}
    said = ", ".join(s for s in detail.get("said_by", [])) or "sources"
    rumours = ", ".join(detail.get("rumoured_by", [])) or "media"
    lines = [f"Case {verdict['case']}: {req} → {addr}, {span}",
             "Appeal: " + APPEAL_TEXT[verdict["appeal"]].format(
                 req=req, addr=addr, said=said, rumours=rumours)]
    if detail.get("superseded"):
        lines.append("  (an earlier statement that no appeal had been made was overtaken by later reports)")
    lines += explanation_lines(verdict)
    lines.append(f"Basis: {verdict.get('basis') or '—'}")
    decision = verdict.get("decision")
    if decision:
        extra = ", ".join(f"{k}: {decision[k]}" for k in ("when", "basis", "assistance")
                          if decision.get(k))
        lines.append(f"Decision: {decision['outcome']} by {decision['by']} "
                     f"({decision['modality']}{', ' + extra if extra else ''})")
    else:
        lines.append("Decision: —")
    force = verdict.get("force")
    if force:
        lines.append(f"Force of {addr}: {force['status']}"
                     f"{', ' + _size_text(force) if force.get('size') else ''}"
                     f"{', withdrawn ' + force['withdrawn'] if force.get('withdrawn') else ''}")
    contributors = verdict.get("contributors") or []
    lines.append(f"Contributors under {addr}'s decision: "
                 + ("; ".join(_contributor_text(c) for c in contributors)
                    if contributors else "—"))
    bilateral = verdict.get("bilateral") or []
    if bilateral:
        lines.append("Moved on their own (bilateral, not under the treaty): "
                     + "; ".join(_contributor_text(c) for c in bilateral))
    conflicts = verdict.get("conflicts") or []
    if conflicts:
        lines.append("Conflicting sources:")
        for item in conflicts:
            subject = f" of {item['subject']}" if item.get("subject") else ""
            lines.append(f"  {item['field']}{subject}:")
            for side in item["values"]:
                lines.append(f"    {side['value']}:")
                cites = side["evidence"]
                for cite in cites[:PER_SIDE] if limit else cites:
                    lines.append("      " + citation_text(cite))
                if limit and len(cites) > PER_SIDE:
                    lines.append(f"      … {len(cites) - PER_SIDE} more")
    lines += finding_lines(verdict.get("findings") or [])
    maybe = verdict.get("maybe") or []
    if maybe:
        lines.append(f"Undated reports that may belong here (not counted): {len(maybe)} "
                     f"(see `treatywatch case {verdict['case']}`)")
    if not citations:
        return lines
    evidence = verdict.get("evidence") or []
    shown = evidence[:limit] if limit else evidence
    lines.append("Citations (each once, with its side):")
    for item in shown:
        side = SIDE_TEXT.get(item.get("side"), item.get("side") or item["type"])
        counted = f", {COUNTED_TEXT[item['counted']]}" if item.get("counted") not in \
            (None, "considered") else ""
        lines.append(f"  [{item.get('n', '?')}] {side}{counted} · {citation_text(item)}")
    if len(shown) < len(evidence):
        lines.append(f"  … {len(evidence) - len(shown)} more (see --format json or "
                     f"`treatywatch case {verdict['case']}`)")
    return lines


def finding_lines(findings: list[dict[str, Any]]) -> list[str]:
    if not findings:
        return []
    marks = {"ok": "✓", "warning": "!", "violation": "✗"}
    return ["Treaty findings:", *(f"  {marks.get(f['status'], '?')} {f['message']}"
                                  for f in findings)]


def _contributor_text(c: dict[str, Any]) -> str:
    text = f"{c['state']} ({c['status']}"
    if c.get("size"):
        text += f", {_size_text(c)}"
    if c.get("withdrawn"):
        text += f", withdrawn {c['withdrawn']}"
    return text + ")"


def _size_text(c: dict[str, Any]) -> str:
    """`100 personnel (announced, according to media)`: how the size is given."""
    detail = c.get("size_detail") or {}
    how = []
    if detail.get("modality") and detail["modality"] != "actual":
        how.append(MODALITY_WORDS.get(detail["modality"], detail["modality"]))
    if detail:
        how.append(f"according to {detail.get('source') or 'the text'}")
    others = [s["value"] for s in c.get("sizes") or [] if s["value"] != c["size"]]
    if others:
        how.append("also reported: " + ", ".join(str(v) for v in others))
    return f"{c['size']} personnel" + (f" [{'; '.join(how)}]" if how else "")


MODALITY_WORDS = {"intended": "announced", "conditional": "on condition",
                  "uncertain": "unconfirmed"}


def citation_text(item: dict[str, Any]) -> str:
    where = item.get("outlet") or item.get("name") or item["doc"][:12]
    date = item.get("published") or "undated"
    event = (f"{item['type']} {item.get('actor') or '?'}→{item.get('target') or '?'} "
             f"{item['polarity']}/{item['modality']}, source {item.get('source') or 'text'}")
    sentence = item.get("sentence")
    quote = f" «{' '.join(sentence.split())}»" if sentence else ""
    return f"{where}, {date}: [{event}]{quote}"
