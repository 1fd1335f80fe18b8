"""Issue 25: checks across documents and the indicator panel. The samples hold one KPI report
(1.4, fiscal year 2559) filed at 6, 9 and 12 months (scripts/samplegen/specs_series.py); what
changes between its rounds is planted there, and the flags and series below are worked out by
hand from that spec."""
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import csv_rows, run_cli
from thaikpi.pipeline.checks.cross_documents import KEPT, cross_flags

R6, R9, R12 = (f"kpi_2559_1-4_one_stop_round{n}.rl.pdf" for n in (6, 9, 12))
A, B = "1.4.1 การลดขั้นตอนการให้บริการ", "1.4.2 การให้บริการออนไลน์"


def test_the_rounds_of_one_report_raise_the_cross_document_flags(samples_ingest):
    out, proc = samples_ingest
    found = [(r["check"], r["severity"], r["indicator_code"], r["row_label"], r["fiscal_year_be"],
              r["earlier_round_months"], r["earlier_value"], Path(r["earlier_source"]).name, r["earlier_page"],
              r["later_round_months"], r["later_value"], Path(r["later_source"]).name, r["later_page"])
             for r in csv_rows(out / "cross_flags.csv")]
    # 6 -> 9 months: A's weight 2 -> 3; B's steps 2 -> 1 (its result and score fall), weight 2 -> 1.
    # 9 -> 12 months: both rows grow, the weights stay: nothing.
    assert found == [
        ("cross_weight_changed", "warning", "1.4", A, "2559", "6", "2", R6, "1", "9", "3", R9, "1"),
        ("cross_result_decreased", "warning", "1.4", B, "2559", "6", "2", R6, "1", "9", "1", R9, "1"),
        ("cross_score_decreased", "warning", "1.4", B, "2559", "6", "2", R6, "1", "9", "1", R9, "1"),
        ("cross_weight_changed", "warning", "1.4", B, "2559", "6", "2", R6, "1", "9", "1", R9, "1"),
    ]
    message = csv_rows(out / "cross_flags.csv")[1]["message"]
    assert message.endswith(f"cumulative result fell from 2 at 6 months ({out.parent / 'samples' / R6} p.1) "
                            f"to 1 at 9 months ({out.parent / 'samples' / R9} p.1)")
    assert "across documents 4 flags" in proc.stdout


def test_audit_counts_the_cross_document_flags_by_rule(samples_ingest):
    out, _ = samples_ingest
    proc = run_cli("audit", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    at = lines.index("across documents 4 flags (cross_flags.csv)")
    assert lines[at + 1:at + 4] == [f"  {'cross_weight_changed':<26} {2:>6}", f"  {'cross_result_decreased':<26} {1:>6}",
                                    f"  {'cross_score_decreased':<26} {1:>6}"]


def test_indicator_series_is_the_panel_of_indicator_by_period(samples_ingest):
    out, _ = samples_ingest
    series = [(r["period"], r["row_label"], r["is_total"], r["weight"], r["result"], r["score"], r["weighted_score"],
               Path(r["source"]).name)
              for r in csv_rows(out / "indicator_series.csv") if r["indicator_code"] == "1.4"]
    # in the ledger's order (by source: round12 sorts before round6)
    assert series == [
        ("2559/12", A, "False", "3.0", "5.0", "5.0", "0.15", R12),
        ("2559/12", B, "False", "1.0", "5.0", "5.0", "0.05", R12),
        ("2559/12", "รวม", "True", "4.0", "", "5.0", "0.2", R12),
        ("2559/06", A, "False", "2.0", "3.0", "3.0", "0.06", R6),
        ("2559/06", B, "False", "2.0", "2.0", "2.0", "0.04", R6),
        ("2559/06", "รวม", "True", "4.0", "", "2.5", "0.1", R6),
        ("2559/09", A, "False", "3.0", "4.0", "4.0", "0.12", R9),
        ("2559/09", B, "False", "1.0", "1.0", "1.0", "0.01", R9),
        ("2559/09", "รวม", "True", "4.0", "", "3.25", "0.13", R9),
    ]


def _row(round_months, target, source, **kw):
    row = dict.fromkeys(KEPT)
    row.update(series="X | 2.1", indicator_code="2.1", indicator_name="ร้อยละ", fiscal_year_be=2560,
               round_months=round_months, criteria_kind="numeric", target=target, source=source, page=3,
               indicator_id=f"{source}-0", **kw)
    return row


def test_a_target_changed_within_a_year_is_flagged_and_a_new_year_is_not():
    rows = [_row(6, "1: 80 | 5: 100", "a.pdf", result=50.0), _row(12, "1: 70 | 5: 90", "b.pdf", result=40.0),
            dict(_row(6, "1: 60 | 5: 80", "c.pdf"), fiscal_year_be=2561)]
    flags = cross_flags(rows)
    # a numeric result may fall (it is not cumulative): only the target is flagged
    assert [(f["check"], f["earlier_value"], f["later_value"], f["earlier_source"], f["later_source"]) for f in flags] == \
        [("cross_target_changed", "1: 80 | 5: 100", "1: 70 | 5: 90", "a.pdf", "b.pdf")]


def test_the_report_lists_the_cross_document_flags_with_links_to_both_pages(samples_ingest):
    out, _ = samples_ingest
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.cross tbody tr")
    assert [tr.td.get_text() for tr in rows] == ["cross_weight_changed", "cross_result_decreased",
                                                 "cross_score_decreased", "cross_weight_changed"]
    earlier, later = (a["href"] for a in rows[1].find_all("a"))
    assert (earlier.endswith(f"samples/{R6}#page=1"), later.endswith(f"samples/{R9}#page=1")) == (True, True)
    assert rows[1].select_one(".name").get_text() == "ระดับความสำเร็จของการพัฒนาระบบบริการเบ็ดเสร็จ"
