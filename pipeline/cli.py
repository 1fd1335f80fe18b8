"""The command line: a thin layer over the library that turns every problem into one clear
message. Exit status: 0 all inputs processed (flags are not failures), 1 some inputs failed
(each with its reason in the output), 2 bad usage."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer

# pythainlp must never reach for the network at run time: CI and archives run offline.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from pipeline import __version__  # noqa: E402
from pipeline.inputs import collect_inputs  # noqa: E402
from pipeline.outputs import write_outputs  # noqa: E402
from pipeline.process import process_file  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from schemas.document import document_json_schema  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="thaikpi: Thai government performance reports (PDF, HTML) -> validated, "
                       "recomputed indicator records.")

BELOW_LEVEL1_HELP = "score for a result short of the level-1 threshold (0 or 1)"


def _settings(below_level1: float) -> Settings:
    try:
        return Settings(below_level1_score=below_level1)
    except ValueError as exc:
        raise typer.BadParameter(str(exc))


@app.command()
def extract(
    files: List[Path] = typer.Argument(..., help="PDF or HTML files (the format is read from the bytes)"),
    pretty: bool = typer.Option(False, "--pretty", help="indented JSON, for people"),
    below_level1: float = typer.Option(0.0, "--below-level1", help=BELOW_LEVEL1_HELP),
) -> None:
    """Print one JSON document per file, one per line (JSON Lines)."""
    settings = _settings(below_level1)
    failed = 0
    for path in files:
        doc = process_file(path, settings)
        failed += doc.status == "error"
        data = doc.model_dump(mode="json")
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1 if pretty else None))
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: List[Path] = typer.Argument(..., help="folders (read recursively) and files"),
    out: Path = typer.Option(Path("out"), "--out", help="folder for the outputs"),
    excel: bool = typer.Option(False, "--excel", help="write CSVs with a BOM so Excel shows Thai"),
    below_level1: float = typer.Option(0.0, "--below-level1", help=BELOW_LEVEL1_HELP),
) -> None:
    """Every PDF/HTML below the inputs -> records, validation, scoring, flags -> CSV, JSONL."""
    settings = _settings(below_level1)
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        typer.echo(f"thaikpi: no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    found = collect_inputs(inputs)
    docs = []
    for i, path in enumerate(found.files, 1):
        docs.append(process_file(path, settings))
        if sys.stderr.isatty():
            typer.echo(f"\r[{i}/{len(found.files)}] {path.name[:60]:<60}", err=True, nl=False)
    if sys.stderr.isatty() and found.files:
        typer.echo("", err=True)
    try:
        counts = write_outputs(docs, out, excel=excel)
    except OSError as exc:
        typer.echo(f"thaikpi: cannot write the outputs to {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1)
    typer.echo(summary(docs, counts, out, found.skipped))
    raise typer.Exit(1 if any(d.status == "error" for d in docs) else 0)


def summary(docs, counts: dict[str, int], out: Path, skipped: list[Path]) -> str:
    status = Counter(d.status for d in docs)
    kinds = Counter(d.kind for d in docs if d.status != "error")
    flags = Counter(f.check for d in docs for f in d.flags)
    lines = [
        f"files        {len(docs)}  (ok {status['ok']}, partial {status['partial']}, error {status['error']})"
        + (f"; {len(skipped)} hidden files skipped" if skipped else ""),
        "kinds        " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "-"),
        f"indicators   {counts.get('indicators', 0)}",
        f"score rows   {counts.get('score_rows', 0)}",
        f"flags        {sum(flags.values())}",
    ]
    lines += [f"  {check:<26} {n}" for check, n in sorted(flags.items())]
    errors = [d for d in docs if d.status == "error"]
    if errors:
        lines.append("failed files:")
        lines += [f"  {d.source}: {d.error.kind}: {d.error.message}" for d in errors]
    lines.append(f"outputs      {out}/ (documents.csv, indicators.csv, score_rows.csv, flags.csv, "
                 "records.jsonl, datapackage.json)")
    return "\n".join(lines)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one document (what extract prints)."""
    typer.echo(json.dumps(document_json_schema(), ensure_ascii=False, indent=1))


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


if __name__ == "__main__":
    main()
