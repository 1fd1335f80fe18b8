"""The researcher's dataset: the ledger's documents as typed tables (CSV or Parquet), with
datapackage.json and the data dictionary beside them, optionally cut to some document kinds
and fiscal years.

The tables are the ones ingest writes (the same rows, from the same function), read again
from the ledger, the run's single source of truth. The dataset is built in a temporary
folder beside the destination and swapped in whole: a reader never sees half a dataset, and
a failed export leaves the previous one in place.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, get_args

from thaikpi.pipeline.run.ledger import LEDGER_NAME
from thaikpi.pipeline.run.ledger import Ledger
from thaikpi.pipeline.outputs.package import datapackage
from thaikpi.pipeline.outputs.tables import FORMATS, Totals, current_umask, table_sinks, write_tables
from thaikpi.schemas.columns import data_dictionary
from thaikpi.schemas.document import Document, Kind

KINDS = get_args(Kind)
BE_OFFSET = 543
FIRST_BE_YEAR = 2400  # a year at or past this is Buddhist Era; before it, Common Era


class ExportError(Exception):
    """An export that cannot be made as asked: a message for the user."""


@dataclass(frozen=True)
class Selection:
    """Which documents go into the dataset: kinds (none: all) and fiscal years, Buddhist Era,
    inclusive (none: all). A document whose year is unknown goes in only when no years are asked."""
    kinds: tuple[str, ...] = ()
    first_year_be: Optional[int] = None
    last_year_be: Optional[int] = None

    def __post_init__(self) -> None:
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise ExportError(f"unknown kind {', '.join(unknown)}: use {', '.join(KINDS)}")
        if None not in (self.first_year_be, self.last_year_be) and self.first_year_be > self.last_year_be:
            raise ExportError(f"the years run backwards: {self.first_year_be}-{self.last_year_be}")

    @property
    def years_asked(self) -> bool:
        return self.first_year_be is not None or self.last_year_be is not None

    def takes(self, doc: Document) -> bool:
        if self.kinds and doc.kind not in self.kinds:
            return False
        if self.years_asked:
            year = doc.fiscal_year_be
            if year is None:
                return False
            if self.first_year_be is not None and year < self.first_year_be:
                return False
            if self.last_year_be is not None and year > self.last_year_be:
                return False
        return True


def _be(year: int) -> int:
    return year if year >= FIRST_BE_YEAR else year + BE_OFFSET


def parse_years(text: str) -> tuple[Optional[int], Optional[int]]:
    """'2551-2556', '2551-', '-2556', '2554' (Buddhist Era), or the same in the Common Era
    ('2008-2013'): the first and last fiscal year, Buddhist Era."""
    match = re.fullmatch(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*", text)
    if not match or not (match.group(1) or match.group(3)) or (match.group(2) is None and match.group(3)):
        raise ExportError(f"years {text!r}: write FIRST-LAST (2551-2556 or 2008-2013), FIRST-, -LAST or one year")
    first, dash, last = match.groups()
    first_be = _be(int(first)) if first else None
    last_be = _be(int(last)) if last else (None if dash else first_be)
    return first_be, last_be


@dataclass
class ExportReport:
    dest: Path
    format: str
    totals: Totals = field(default_factory=Totals)
    left_out: int = 0  # documents of the ledger outside the selection


def _selected(docs: Iterable[Document], selection: Selection, report: ExportReport) -> Iterator[Document]:
    for doc in docs:
        if selection.takes(doc):
            yield doc
        else:
            report.left_out += 1


def export(out: Path, dest: Path, fmt: str = "csv", selection: Selection = Selection(),
           excel: bool = False, licenses: Optional[list[dict]] = None) -> ExportReport:
    """Write the dataset of OUT's ledger to dest (a folder, replaced whole); `licenses` for
    datapackage.json (none: package.DEFAULT_LICENSE)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    ledger_path = out / LEDGER_NAME
    if not ledger_path.exists():
        raise ExportError(f"no ledger in {out}: run thaikpi ingest ... --out {out} first")
    _check_destination(out, dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    report = ExportReport(dest=dest, format=fmt)
    building = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    try:
        os.chmod(building, 0o777 & ~current_umask())
        with Ledger(ledger_path) as ledger:
            write_tables(_selected(ledger.documents(), selection, report),
                         table_sinks(building, fmt, excel), report.totals)
        (building / "datapackage.json").write_text(
            json.dumps(datapackage(excel, fmt, licenses), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (building / "data_dictionary.md").write_text(data_dictionary(fmt), encoding="utf-8")
        _swap_in(building, dest)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return report


def is_dataset(folder: Path) -> bool:
    """A folder export wrote: its datapackage.json says thaikpi made it."""
    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(package, dict) and str(package.get("created_by", "")).startswith("thaikpi ")


def _check_destination(out: Path, dest: Path) -> None:
    """The dataset replaces its folder whole, so that folder must be new, empty, or a dataset
    of ours: never a folder of the user's (`--to .`, `--to ~`), nor the ingest's outputs."""
    out, dest = out.resolve(), dest.resolve()
    if dest == out or dest in out.parents:
        raise ExportError(f"{dest} holds the ingest's outputs: give the dataset a folder of its own")
    if dest.exists():
        if not dest.is_dir():
            raise ExportError(f"{dest} is a file, not a folder")
        if any(dest.iterdir()) and not is_dataset(dest):
            raise ExportError(f"{dest} is not empty and is not a dataset thaikpi exported: "
                              "it would be replaced whole, so give a new or empty folder")


def _swap_in(building: Path, dest: Path) -> None:
    """Put the finished folder at dest. A folder cannot be renamed over another, so the old
    dataset is first renamed aside (both renames are atomic) and removed once the new is in."""
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".old", dir=dest.parent))
        os.replace(dest, old / dest.name)
    os.replace(building, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
