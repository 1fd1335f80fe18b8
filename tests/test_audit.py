"""thaikpi audit: the auditor's view of the samples' ingest, checked against the gold files
(the flags planted in the samples), and report.html read back as HTML."""
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import gold_documents, run_cli
from thaikpi.pipeline.outputs.audit import audit, tally
from thaikpi.pipeline.outputs.tables import write_outputs
from thaikpi.schemas.document import Document
from thaikpi.schemas.flags import FLAG_TYPES, Flag


def _value(cell: str):
    """A reported or expected value as the report shows it, comparable with gold's."""
    try:
        return float(cell)
    except ValueError:
        return cell or None


def _gold_flags() -> Counter:
    def value(v):
        return None if v is None else _value(str(v))
    return Counter((name, f["check"], f.get("indicator_code"), value(f.get("reported")),
                    value(f.get("expected")), f.get("page"))
                   for name, gold in gold_documents().items() for f in gold["flags"])


def test_audit_prints_flags_by_rule_by_year_and_the_most_flagged_documents(samples_ingest):
    out, _ = samples_ingest
    proc = run_cli("audit", str(out), "--top", "3")
    assert proc.returncode == 0, proc.stderr
    golds = gold_documents()
    status = Counter(g["status"] for g in golds.values())
    flagged = [name for name, g in golds.items() if g["flags"]]
    assert (f"documents    {len(golds)}  (ok {status['ok']}, partial {status['partial']}, error 0); "
            f"{len(flagged)} with flags") in proc.stdout
    by_check = Counter(f["check"] for g in golds.values() for f in g["flags"])
    docs_by_check = Counter(check for g in golds.values() for check in {f["check"] for f in g["flags"]})
    for check, n in by_check.items():
        documents = f"{docs_by_check[check]} document" + ("s" if docs_by_check[check] > 1 else "")
        assert f"  {check:<26} {n:>6}  in {documents} (" in proc.stdout
    by_year = Counter(g["fiscal_year_be"] for g in golds.values() for _ in g["flags"])
    for year, n in by_year.items():
        label = f"{year} ({year - 543})" if year else "no year"
        assert f"  {label:<26} {n:>6}" in proc.stdout
    # documents rank by their errors and warnings: an info flag (a repaired page) ranks nothing
    serious = {name: sum(FLAG_TYPES[f["check"]].severity != "info" for f in g["flags"]) for name, g in golds.items()}
    lines = proc.stdout.splitlines()
    at = lines.index(f"most flagged documents, by errors and warnings (of {sum(n > 0 for n in serious.values())})")
    top = [line.split() for line in lines[at + 1:at + 4]]
    ranked = sorted(((serious[Path(s).name], s) for _, s in top), key=lambda x: -x[0])
    assert [int(n) for n, _ in top] == [n for n, _ in ranked] == sorted(serious.values(), reverse=True)[:3]
    assert f"report       {out / 'report.html'}" in proc.stdout


def test_report_holds_every_flag_with_both_values_its_rule_file_and_page(samples_ingest):
    out, _ = samples_ingest
    assert run_cli("audit", str(out)).returncode == 0
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")
    shown = Counter()
    for table in soup.select("table.flags"):
        source = table.find_previous("h3").contents[0].strip()
        header = [th.get_text() for th in table.select("thead th")]
        assert header[:6] == ["rule", "severity", "indicator", "reported", "recomputed / expected", "page"]
        for tr in table.select("tbody tr:not(.page-image)"):
            cells = [td.get_text() for td in tr.find_all("td")]
            code = tr.find_all("td")[2].select_one(".code").get_text()  # the indicator's name is beside it
            shown[(Path(source).name, cells[0], code or None, _value(cells[3]), _value(cells[4]),
                   int(cells[5]) if cells[5] else None)] += 1
            assert cells[6], "every flag says what disagrees, in words"
    assert shown == _gold_flags()
    # each rule of the by-rule table links to a flag of that rule
    for link in soup.select('a[href^="#check-"]'):
        target = soup.find(id=link["href"][1:])
        assert target is not None and target.td.get_text() == link.get_text()
    # each document of the by-document table links to its own flags
    for link in soup.select('a[href^="#doc-"]'):
        assert soup.find(id=link["href"][1:]).contents[0].strip() == link.get_text()


def test_report_shows_source_text_as_text_never_as_markup(tmp_path):
    """Evidence is the source's own text: an HTML report may hold anything, markup included."""
    evidence = '<script>alert("x")</script> & ร้อยละ <b>92.50</b>'
    doc = Document(source="archive/<odd> name.html", doc_id="sha256:" + "0" * 64, format="html",
                   kind="kpi_report", status="ok", pages=1, fiscal_year_be=2554, fiscal_year=2011,
                   flags=[Flag(check="weighted_score_mismatch", indicator_code="1.1", reported=0.25,
                               expected=0.2, message="weighted score 0.25 reported, but 0.2", page=1,
                               evidence=evidence)])
    write_outputs([doc], tmp_path, excel=True)  # with a BOM, as --excel writes
    audit(tmp_path)
    soup = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    assert soup.select_one("table.flags td.evidence").get_text() == evidence
    assert soup.select_one("table.flags").find_previous("h3").contents[0].strip() == doc.source


def test_a_set_without_flags_or_with_failed_files_is_reported(tmp_path):
    failed = Document(source="broken.pdf", doc_id="sha256:" + "1" * 64, format="pdf", kind="unknown",
                      status="error", error={"kind": "truncated", "message": "the PDF ends early"}, pages=0)
    write_outputs([failed], tmp_path)
    result = audit(tmp_path)
    assert (result.documents, result.flags, result.failed) == (1, 0, [("broken.pdf", "truncated", "the PDF ends early")])
    text = BeautifulSoup((tmp_path / "report.html").read_text(encoding="utf-8"), "html.parser").get_text()
    assert "No flags." in text and "the PDF ends early" in text


def test_audit_needs_an_ingests_outputs(tmp_path):
    proc = run_cli("audit", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.startswith("thaikpi: no documents.csv in") and "Traceback" not in proc.stderr
    (tmp_path / "documents.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "flags.csv").write_text("a,b\n", encoding="utf-8")
    proc = run_cli("audit", str(tmp_path))
    assert proc.returncode == 2 and "lacks the columns" in proc.stderr


def test_tally_reads_each_documents_year_and_status(samples_ingest):
    out, _ = samples_ingest
    result = tally(out)
    golds = gold_documents()
    for source, doc in result.by_document.items():
        gold = golds[Path(source).name]
        assert doc.year == (str(gold["fiscal_year_be"]) if gold["fiscal_year_be"] else "no year")
        assert (doc.kind, doc.status) == (gold["kind"], gold["status"])
        assert doc.flags == Counter(f["check"] for f in gold["flags"])


def test_a_flag_message_with_markup_is_escaped_in_the_report(tmp_path):
    """The template escapes every value (autoescape): a message is text, whatever it holds."""
    message = '<script>alert("x")</script> weighted score 0.25 reported'
    doc = Document(source="a.html", doc_id="sha256:" + "2" * 64, format="html", kind="kpi_report", status="ok",
                   pages=1, flags=[Flag(check="weighted_score_mismatch", indicator_code="1.1", reported=0.25,
                                        expected=0.2, message=message, page=1)])
    write_outputs([doc], tmp_path)
    audit(tmp_path)
    raw = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in raw
    soup = BeautifulSoup(raw, "html.parser")
    assert soup.find("script") is None
    assert soup.select_one("table.flags tbody tr").find_all("td")[6].get_text() == message
