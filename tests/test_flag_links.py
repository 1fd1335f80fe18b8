"""Issue 21: a flag says where it points as values (schemas/flags.py Locator), and the tables
link a flag to its score row or claim by that place, not by comparing its evidence text
(pipeline/outputs/tables.py)."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from snapshots import SAMPLES, processed
from thaikpi.pipeline.checks.score import score
from thaikpi.pipeline.checks.sums import claim_flags
from thaikpi.pipeline.outputs.tables import table_rows
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Claim, Document, Indicator, Project, ScoreRow
from thaikpi.schemas.flags import Flag, Locator, MissingField


def row(label, weight, score_, weighted, is_total=False):
    cells = [label, str(weight), "", str(score_), str(weighted)]
    return ScoreRow(label=label, is_total=is_total, weight=weight, score=score_, weighted_score=weighted,
                    page=2, cells=cells)


def test_a_flag_links_to_its_score_row_when_two_rows_read_the_same():
    # Two groups of sub-indicators, each closed by a total row that reads "รวม | 5 | | 4 | 0.2":
    # the first adds up, the second does not (its part's score is 5, so the total's is 5). The old link
    # (same indicator, page and evidence text) gave the first total the second's flags too.
    indicator = Indicator(code="1.2", page=1, score_rows=[
        row("ก", 5, 4, 0.2), row("รวม", 5, 4, 0.2, is_total=True),
        row("ข", 5, 5, 0.25), row("รวม", 5, 4, 0.2, is_total=True),
    ])
    doc = score(Document(source="x.pdf", doc_id="sha256:0", kind="kpi_report", indicators=[indicator]),
                Settings())
    assert [(f.check, f.locator.indicator, f.locator.table, f.locator.row) for f in doc.flags] == [
        ("total_mismatch", 0, "score_rows", 3)]
    assert doc.flags[0].evidence == " | ".join(indicator.score_rows[1].cells)  # the text alone cannot tell
    rows = table_rows([doc])["score_rows"]
    assert [r["flags"] for r in rows] == ["", "", "", "total_mismatch"]


def test_a_flag_links_to_its_claim_by_its_index():
    # Two claims that read the same on the same page; only the second lists fewer things.
    text = "จำนวน 3 จังหวัด ได้แก่ ก ข ค"
    claims = [Claim(section="outputs", kind="count", value=3, unit="จังหวัด", text=text, listed=3, page=4),
              Claim(section="outputs", kind="count", value=3, unit="จังหวัด", text=text, listed=2, page=4)]
    doc = Document(source="x.pdf", doc_id="sha256:0", kind="me_report", project=Project(claims=claims),
                   flags=claim_flags(claims))
    assert [r["flags"] for r in table_rows([doc])["me_claims"]] == ["", "count_mismatch"]


def test_score_row_flags_of_a_sample_link_to_their_rows():
    doc = processed(SAMPLES / "kpi_2557_1-2_subindicators_planted.rl.pdf")
    rows = table_rows([doc])["score_rows"]
    assert [(r["row"], r["flags"]) for r in rows if r["flags"]] == [
        (1, "weighted_score_mismatch"), (3, "total_mismatch")]
    flagged = [f for f in doc.flags if f.locator.table == "score_rows"]
    # Each points at the row whose cells its evidence quotes, on that row's page.
    for flag in flagged:
        target = doc.indicators[flag.locator.indicator].score_rows[flag.locator.row]
        assert (flag.evidence, flag.page, flag.indicator_code) == (
            " | ".join(target.cells), target.page, doc.indicators[0].code)


def test_a_flags_page_and_code_and_its_locators_are_one_fact():
    made = MissingField.make(field="name", locator=Locator(page=3, indicator_code="2.1", indicator=1))
    assert (made.page, made.indicator_code, made.locator.page, made.locator.indicator) == (3, "2.1", 3, 1)
    shared = Locator(table="score_rows", row=0)
    built = Flag(check="x", page=5, indicator_code="1", locator=shared)
    assert (built.locator.page, built.locator.indicator_code, shared.page) == (5, "1", None)
    with pytest.raises(ValidationError):
        Flag(check="x", page=5, locator=Locator(page=6))
