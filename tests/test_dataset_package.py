"""Issue 25: the exported packages are valid Frictionless Data Packages, typed (Parquet integers
load as pandas' nullable Int64) and keyed (primary keys, foreign keys that frictionless checks),
with a licence, sources, when and by which thaikpi they were made."""
import csv
import json
import shutil

import pandas as pd
import pytest
from frictionless import Package, validate

from conftest import csv_rows, run_cli
from thaikpi.pipeline.outputs.rows import table_rows
from thaikpi.schemas.columns import FOREIGN_KEYS, PRIMARY_KEYS, TABLES
from thaikpi.schemas.document import Document, Indicator
from thaikpi.schemas.flags import Flag, Locator
from thaikpi.version import __version__

PANDAS_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}


@pytest.fixture(scope="module")
def packages(samples_ingest, tmp_path_factory):
    out, _ = samples_ingest
    folder = tmp_path_factory.mktemp("packages")
    for fmt in ("csv", "parquet"):
        proc = run_cli("export", str(out), "--format", fmt, "--to", str(folder / fmt))
        assert proc.returncode == 0, proc.stderr
    return folder


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_package_validates_with_its_keys(packages, fmt):
    report = validate(str(packages / fmt / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((packages / fmt / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert resource["schema"]["primaryKey"] == PRIMARY_KEYS[resource["name"]]
        assert [(k["fields"], k["reference"]["resource"], k["reference"]["fields"]) for k in
                resource["schema"]["foreignKeys"]] == FOREIGN_KEYS[resource["name"]]
    assert package["licenses"][0]["name"] == "thai-government-works"
    assert package["sources"] == [{"title": package["sources"][0]["title"], "path": f"documents.{fmt}"}]
    assert package["thaikpi_version"] == __version__ and package["created"].endswith("Z")


def test_a_flag_pointing_at_no_indicator_fails_the_foreign_key(packages, tmp_path):
    """The keys are checked, not only declared: a flag naming an indicator the package lacks."""
    broken = tmp_path / "broken"
    shutil.copytree(packages / "csv", broken)
    rows = csv_rows(broken / "flags.csv")
    rows[0]["indicator_id"] = "000000000000-99"
    with open(broken / "flags.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = validate(str(broken / "datapackage.json"))
    assert [(e[0], e[1]) for e in report.flatten(["type", "fieldName"])] == [("foreign-key", None)]


def test_parquet_integers_load_in_pandas_as_nullable_integers(packages):
    documents = pd.read_parquet(packages / "parquet" / "documents.parquet")
    assert documents["round_months"].isna().any() and documents["quarter"].isna().any()
    for name, columns in TABLES.items():
        frame = pd.read_parquet(packages / "parquet" / f"{name}.parquet")
        assert {c.name: str(frame[c.name].dtype) for c in columns if c.type in PANDAS_DTYPES} == \
            {c.name: PANDAS_DTYPES[c.type] for c in columns if c.type in PANDAS_DTYPES}, name
    # frictionless reads Parquet through pandas too: the same typed rows
    flags = Package(str(packages / "parquet" / "datapackage.json")).get_resource("flags").read_rows()
    assert all(isinstance(r["flag"], int) and isinstance(r["page"], (int, type(None))) for r in flags)


def test_flag_values_are_numbers_with_words_beside_them():
    doc = Document(source="a.pdf", doc_id="sha256:" + "ab" * 32, indicators=[Indicator(code="1.1"), Indicator(code="1.2")],
                   flags=[Flag(check="total_mismatch", reported=10, expected=8.5, locator=Locator(indicator=1)),
                          Flag(check="achievement_mismatch", indicator_code="1.1", reported="บรรลุ", expected="ไม่บรรลุ"),
                          Flag(check="missing_field")])
    flags = table_rows([doc])["flags"]
    assert [(f["flag"], f["indicator_id"], f["reported"], f["reported_text"], f["expected"], f["expected_text"])
            for f in flags] == [(0, "abababababab-1", 10, None, 8.5, None),
                                (1, "abababababab-0", None, "บรรลุ", None, "ไม่บรรลุ"),
                                (2, None, None, None, None, None)]


def test_a_second_file_of_the_same_bytes_gets_indicator_ids_of_its_own():
    doc = Document(source="a.pdf", doc_id="sha256:" + "cd" * 32, indicators=[Indicator(code="1")])
    copy = doc.model_copy(update={"source": "old/a.pdf"})
    assert [r["indicator_id"] for d, n in ((doc, 1), (copy, 2)) for r in table_rows([d], n)["indicators"]] == \
        ["cdcdcdcdcdcd-0", "cdcdcdcdcdcd.2-0"]


def test_the_licence_is_the_users_when_given(samples_ingest, tmp_path):
    out, _ = samples_ingest
    proc = run_cli("export", str(out), "--to", str(tmp_path / "d"), "--kind", "framework",
                   "--license", "CC-BY-4.0", "--license", "odc-by=Open Data Commons Attribution")
    assert proc.returncode == 0, proc.stderr
    package = json.loads((tmp_path / "d" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "cc-by-4.0"}, {"name": "odc-by", "title": "Open Data Commons Attribution"}]
    assert validate(str(tmp_path / "d" / "datapackage.json")).valid
