"""datapackage.json: the dataset described as a Frictionless Data Package, from the data
dictionary (schemas/columns.py): every field typed and described, each table's primary and
foreign keys, the licence, the sources, when it was made and by which thaikpi."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional, Sequence

from thaikpi.schemas.columns import FOREIGN_KEYS, PRIMARY_KEYS, TABLES
from thaikpi.version import __version__

# What the rows are made from: reports of Thai state agencies. Thai copyright (Copyright Act
# B.E. 2537, s.14) gives a work made by or for an agency to that agency, and s.7 frees only
# laws, regulations, orders, official correspondence, news and court decisions: so a
# performance report's reuse terms are its agency's. The values and names copied here are
# theirs; what thaikpi adds (recomputed values, flags) it adds under no further terms.
DEFAULT_LICENSE = {
    "name": "thai-government-works",
    "title": "Values and text quoted from reports of Thai government agencies: the agencies' "
             "own terms apply to reuse (Copyright Act B.E. 2537 s.14; s.7 frees only laws, orders "
             "and official correspondence). The recomputed values and flags thaikpi adds carry "
             "no further restriction.",
}
SOURCES_TITLE = ("The source documents (PDF, HTML) of the ingest, one row each in the documents "
                 "table: their path (source) and the sha256 of their bytes (doc_id)")


SQLITE_NAME = "thaikpi.sqlite"


def table_path(name: str, fmt: str) -> str:
    """A table's file; SQLite's tables are all in one file (the resource's name is its table)."""
    return SQLITE_NAME if fmt == "sqlite" else f"{name}.{fmt}"


def license_entry(spec: str) -> dict:
    """`--license ID` or `--license ID=TITLE`: an Open Definition / SPDX id (lower case as the
    Data Package profile asks: cc-by-4.0, odc-pddl-1.0), with a title if given."""
    name, _, title = spec.partition("=")
    entry = {"name": name.strip().lower()}
    if title.strip():
        entry["title"] = title.strip()
    return entry


def datapackage(excel: bool, fmt: str = "csv", licenses: Optional[Sequence[dict]] = None,
                created: Optional[datetime] = None) -> dict:
    """The package of the tables in `fmt`; `licenses` none: DEFAULT_LICENSE."""
    resource = {"csv": {"format": "csv", "encoding": "utf-8-sig" if excel else "utf-8"},
                "parquet": {"format": "parquet", "mediatype": "application/vnd.apache.parquet"},
                "sqlite": {"format": "sqlite", "mediatype": "application/vnd.sqlite3"}}[fmt]
    created = created or datetime.now(timezone.utc)
    return {
        "name": "thaikpi-dataset",
        "title": "Thai government performance reports, extracted and recomputed by thaikpi",
        "description": "One row per document, indicator, score row and flag. Reported values "
                       "sit beside recomputed ones; nothing reported is overwritten.",
        "created_by": f"thaikpi {__version__}",
        "thaikpi_version": __version__,
        "created": created.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "licenses": list(licenses) if licenses else [DEFAULT_LICENSE],
        "sources": [{"title": SOURCES_TITLE, "path": table_path("documents", fmt)}],
        "resources": [{
            "name": name, "path": table_path(name, fmt), "profile": "tabular-data-resource", **resource,
            "schema": _schema(name, columns),
        } for name, columns in TABLES.items()],
    }


def _schema(name: str, columns) -> dict:
    return {
        "fields": [{"name": c.name, "type": c.type, "description": c.description,
                    "description_th": c.description_th} for c in columns],
        "primaryKey": PRIMARY_KEYS[name],
        "foreignKeys": [{"fields": fields, "reference": {"resource": table, "fields": ref}}
                        for fields, table, ref in FOREIGN_KEYS[name]],
    }
