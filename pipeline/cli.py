"""The command line: a thin layer over the library that turns every problem into one clear
message. Exit status: 0 every document read (flags are not failures, nor files skipped as no
report: a README, an image), 1 some document failed (each with its reason in the output), 2 bad
usage."""
from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

if TYPE_CHECKING:
    from thaikpi.pipeline.run.ingest import IngestReport
    from thaikpi.pipeline.settings import Settings

# pythainlp must never reach for the network at run time: CI and archives run offline.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
# pdfminer logs every font quirk it meets; a user sees flags and errors in the output instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

from thaikpi.version import __version__  # noqa: E402
# The library is imported by the command that uses it: --version and --help stay fast.

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="thaikpi: Thai government performance reports (PDF, HTML) -> validated, "
                       "recomputed indicator records.")

BELOW_LEVEL1_HELP = "score for a result short of the level-1 threshold (0 or 1)"
OCR_HELP = ("OCR of scans and unreadable text layers (Tesseract tha+eng): auto (the pages that need it), "
            "off, or force (every page)")
EXCEL_HELP = "CSVs for Excel: with a BOM (Excel shows Thai), and text that starts like a formula (=, +, -, @) kept as text"


def _settings(below_level1: float, ocr: str = "auto") -> Settings:
    from thaikpi.pipeline.settings import Settings
    try:
        return Settings(below_level1_score=below_level1, ocr=ocr)
    except ValueError as exc:
        raise typer.BadParameter(str(exc))


@app.command()
def extract(
    files: List[Path] = typer.Argument(..., help="PDF or HTML files (the format is read from the bytes)"),
    pretty: bool = typer.Option(False, "--pretty", help="indented JSON, for people"),
    below_level1: float = typer.Option(0.0, "--below-level1", help=BELOW_LEVEL1_HELP),
    ocr: str = typer.Option("auto", "--ocr", help=OCR_HELP),
) -> None:
    """Print one JSON document per file, one per line (JSON Lines)."""
    from thaikpi.pipeline.run.capacity import lend_every_core
    from thaikpi.pipeline.run.process import process_file

    lend_every_core()  # files are read one at a time: a scan's pages may take every core
    settings = _settings(below_level1, ocr)
    failed = 0
    for path in files:
        doc = process_file(path, settings)
        failed += doc.status == "error"
        data = doc.model_dump(mode="json")
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1 if pretty else None))
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: Optional[List[Path]] = typer.Argument(None, help="folders (read recursively), files, zip archives"),
    out: Path = typer.Option(Path("out"), "--out", help="folder for the outputs and the ledger"),
    from_list: Optional[Path] = typer.Option(None, "--from-list", help="a file listing inputs, one per line"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="worker processes (the local engine, or "
                                                                      "the dask engine's local cluster)"),
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or dask"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT "
                                                                   "(without it, --engine dask starts a local cluster)"),
    time_limit: float = typer.Option(300.0, "--time-limit", help="seconds one file may take before it is failed"),
    memory_limit: int = typer.Option(4096, "--memory-limit", help="MiB of memory one worker may use"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="re-do unchanged files that failed before"),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    below_level1: float = typer.Option(0.0, "--below-level1", help=BELOW_LEVEL1_HELP),
    ocr: str = typer.Option("auto", "--ocr", help=OCR_HELP),
    wait: bool = typer.Option(False, "--wait", help="if another ingest is writing into OUT, wait for it "
                                                    "(without it: refuse, exit status 2)"),
) -> None:
    """Every PDF/HTML below the inputs -> records, validation, scoring, flags -> CSV, JSONL.

    Resumable: files already in OUT/ledger.sqlite with the same bytes are skipped; a killed
    run picks up where it stopped."""
    from thaikpi.pipeline.run.ingest import IngestOptions, ingest as run_ingest
    from thaikpi.pipeline.run.inputs import collect_inputs, read_list, source_name
    from thaikpi.pipeline.run.ledger import LEDGER_NAME

    paths, listed = list(inputs or []), []
    if from_list is not None:
        try:
            listed = read_list(from_list)
        except OSError as exc:
            _usage(f"cannot read the file list {source_name(from_list)}: {exc.strerror or exc}")
    if not paths and not listed:
        _usage("no inputs: name folders or files, or --from-list FILE")
    try:
        options = IngestOptions(settings=_settings(below_level1, ocr), jobs=jobs, engine=engine, scheduler=scheduler,
                                time_limit=time_limit, memory_limit=memory_limit << 20,
                                retry_failed=retry_failed, excel=excel, wait=wait)
    except ValueError as exc:
        _usage(str(exc))
    found = collect_inputs(paths, listed, outputs=out)
    if found.missing:
        _usage(f"no such file or folder: {', '.join(found.missing)}")
    from thaikpi.pipeline.run.lock import FolderBusy
    try:
        report = run_ingest(found, out, options)
    except FolderBusy as exc:
        _usage(str(exc))
    except KeyboardInterrupt:
        typer.echo(f"thaikpi: interrupted. The files done so far are in {source_name(out / LEDGER_NAME)}; run the "
                   "same command again to do the rest (the outputs are rebuilt then)", err=True)
        raise typer.Exit(130)
    except OSError as exc:
        typer.echo(f"thaikpi: cannot write to {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1)
    except (RuntimeError, TimeoutError) as exc:  # e.g. a Dask scheduler that cannot be reached
        typer.echo(f"thaikpi: {exc}", err=True)
        raise typer.Exit(1)
    typer.echo(summary(report, out))
    raise typer.Exit(1 if report.totals.status["error"] else 0)


def _usage(message: str) -> None:
    typer.echo(f"thaikpi: {message}", err=True)
    raise typer.Exit(2)


def summary(report: IngestReport, out: Path) -> str:
    from thaikpi.schemas.columns import TABLES

    t = report.totals
    lines = [
        f"this run     {report.planned} inputs: processed {report.processed} (failed {report.failed}), "
        f"skipped unchanged {report.skipped}" + (f"; {report.hidden} hidden files ignored" if report.hidden else ""),
        f"files        {t.documents}  (ok {t.status['ok']}, partial {t.status['partial']}, error {t.status['error']}"
        + (f", skipped {t.status['skipped']}" if t.status["skipped"] else "") + ")",
        "kinds        " + (", ".join(f"{k} {n}" for k, n in sorted(t.kinds.items())) or "-"),
        f"indicators   {t.rows.get('indicators', 0)}",
        f"score rows   {t.rows.get('score_rows', 0)}",
        f"flags        {sum(t.flags.values())}",
    ]
    lines += [f"  {check:<26} {n}" for check, n in sorted(t.flags.items())]
    lines.append(f"across documents {sum(t.cross_flags.values())} flags (cross_flags.csv; the panel: indicator_series.csv)")
    lines += [f"  {check:<26} {n}" for check, n in sorted(t.cross_flags.items())]
    if t.errors:
        lines.append("failed files:")
        lines += [f"  {source}: {kind}: {message}" for source, kind, message in t.errors]
    if t.skipped:
        lines.append("skipped files (not reports):")
        lines += [f"  {source}: {what}" for source, what in t.skipped]
    lines.append(f"outputs      {out}/ (" + ", ".join(f"{name}.csv" for name in TABLES)
                 + ", records.jsonl, datapackage.json, report.html, ledger.sqlite)"
                 + ("; as the last run wrote them: no file's row changed" if report.outputs_kept else ""))
    return "\n".join(lines)


@app.command()
def status(out: Path = typer.Argument(Path("out"), help="an ingest's output folder")) -> None:
    """Summarise OUT/ledger.sqlite: files by status, the last run, failed files and why."""
    from thaikpi.pipeline.run.ingest import status as ledger_status

    try:
        info = ledger_status(out)
    except FileNotFoundError as exc:
        _usage(str(exc))
    lines = [f"ledger       {out / 'ledger.sqlite'}",
             f"files        {info['files']}  (done {info['by_status'].get('done', 0)}, "
             f"failed {info['by_status'].get('failed', 0)}"
             + (f", skipped {info['by_status']['skipped']}" if info["by_status"].get("skipped") else "")
             + f"); {info['pages']} pages, {info['seconds']:.1f} s of work"]
    if info["last_run"]:
        run_id, started, finished, planned, processed, skipped, failed, engine = info["last_run"]
        state = f"finished {finished}" if finished else "did not finish (killed?): re-run to complete it"
        lines.append(f"last run     #{run_id} ({engine}) started {started}, {state}; "
                     f"{planned} inputs: processed {processed} (failed {failed}), skipped unchanged {skipped}")
    if info["failed"]:
        lines.append("failed files:")
        lines += [f"  {source}: {kind}: {message}" for source, kind, message in info["failed"]]
    typer.echo("\n".join(lines))


@app.command()
def audit(
    out: Path = typer.Argument(Path("out"), help="an ingest's output folder"),
    top: int = typer.Option(10, "--top", help="how many of the most flagged documents to list here"),
) -> None:
    """The auditor's view of an ingested set: flags by rule, by fiscal year and by document.

    Writes OUT/report.html: the same tallies with charts, then every flag with the value
    reported, the value recomputed, the rule, the file and the page, and the source text."""
    from thaikpi.pipeline.outputs.audit import AuditInputError, audit as run_audit, summary_lines as audit_summary

    try:
        result = run_audit(out)
    except AuditInputError as exc:
        _usage(str(exc))
    except OSError as exc:
        typer.echo(f"thaikpi: cannot write {out / 'report.html'}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1)
    typer.echo("\n".join(audit_summary(result, top)))


@app.command()
def export(
    out: Path = typer.Argument(Path("out"), help="an ingest's output folder (its ledger is read)"),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, parquet or sqlite (one file)"),
    to: Optional[Path] = typer.Option(None, "--to", help="the dataset's folder, new, empty or an earlier "
                                                         "export, replaced whole (default: OUT/dataset-FORMAT)"),
    kinds: Optional[List[str]] = typer.Option(None, "--kind", help="only this document kind "
                                              "(kpi_report, framework, me_report, unknown); repeatable"),
    years: Optional[str] = typer.Option(None, "--years", help="only these fiscal years: 2551-2556 "
                                        "(Buddhist Era) or 2008-2013 (Common Era), 2551-, -2556 or one year"),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    licenses: Optional[List[str]] = typer.Option(None, "--license", help="the dataset's licence in "
                                                 "datapackage.json: an id (cc-by-4.0) or ID=TITLE; repeatable "
                                                 "(default: the source agencies' terms, see README)"),
) -> None:
    """The researcher's dataset: every table typed (CSV or Parquet), with datapackage.json
    and the data dictionary (data_dictionary.md) beside it."""
    from thaikpi.pipeline.outputs.export import ExportError, Selection, export as run_export, parse_years
    from thaikpi.pipeline.outputs.package import license_entry
    from thaikpi.schemas.columns import TABLES

    dest = to or out / f"dataset-{fmt}"
    try:
        first, last = parse_years(years) if years else (None, None)
        selection = Selection(kinds=tuple(kinds or ()), first_year_be=first, last_year_be=last)
        report = run_export(out, dest, fmt, selection, excel=excel,
                            licenses=[license_entry(spec) for spec in licenses or ()])
    except ExportError as exc:
        _usage(str(exc))
    except OSError as exc:
        typer.echo(f"thaikpi: cannot write the dataset to {dest}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1)
    rows = report.totals.rows
    files = ["thaikpi.sqlite"] if fmt == "sqlite" else [f"{name}.{fmt}" for name in TABLES]
    typer.echo(f"dataset      {dest}/ ({fmt}: " + ", ".join(files) + ", datapackage.json, data_dictionary.md)")
    typer.echo("rows         " + ", ".join(f"{name} {rows.get(name, 0)}" for name in TABLES))
    if report.left_out:
        typer.echo(f"left out     {report.left_out} documents outside the selection")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one document (what extract prints)."""
    from thaikpi.schemas.document import document_json_schema

    typer.echo(json.dumps(document_json_schema(), ensure_ascii=False, indent=1))


def _print_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _options(
    show_version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                      help="print thaikpi's version and exit"),
) -> None:
    """thaikpi: Thai government performance reports (PDF, HTML) -> validated, recomputed
    indicator records."""


@app.command()
def version() -> None:
    """Print thaikpi's version."""
    typer.echo(__version__)


def main(argv: Optional[list[str]] = None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("thaikpi: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("THAIKPI_DEBUG"):
            traceback.print_exc()
        typer.echo(f"thaikpi: internal error: {type(exc).__name__}: {exc} "
                   "(set THAIKPI_DEBUG=1 for the traceback)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
