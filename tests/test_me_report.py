"""The M&E report extractor: sections, nested numbering, claims and what they list; and the
count and total checks. Seed 004 (../shared/seeds/004) is read as it is."""
from conftest import SEEDS
from thaikpi.extractors import me_report
from thaikpi.pipeline.checks.sums import claim_flags
from thaikpi.schemas.document import Claim
from thaikpi.schemas.parsed import Line, ParsedDocument
from conftest import needs_shared


def parsed(*texts: str) -> ParsedDocument:
    return ParsedDocument(format="html", pages=1,
                          lines=[Line(cells=(t,), page=1, paragraph_start=True) for t in texts])


def test_a_nested_list_numbered_1_2_3_stays_inside_its_item():
    paras = [(t, 1) for t in ("1. ผลผลิตแรก", "2. ผลผลิตที่สอง", "จัดกิจกรรม จำนวน 3 ครั้ง", "1. ครั้งแรก", "2. ครั้งที่สอง",
                              "3. ครั้งที่สาม", "และเผยแพร่", "3. ผลผลิตที่สาม")]
    items = me_report.numbered_items(paras)
    assert [(i.number, i.text, len(i.details)) for i in items] == [
        ("1", "ผลผลิตแรก", 0), ("2", "ผลผลิตที่สอง", 5), ("3", "ผลผลิตที่สาม", 0)]


def test_names_listed_after_a_count():
    assert me_report.inline_list(" จังหวัดขอนแก่น จังหวัดเชียงใหม่ และจังหวัดภูเก็ต โดยให้", "จังหวัด") == [
        "จังหวัดขอนแก่น", "จังหวัดเชียงใหม่", "จังหวัดภูเก็ต"]
    assert me_report.inline_list(" จังหวัดสุราษฎร์ธานีและจังหวัดพังงา", "จังหวัด") == ["จังหวัดสุราษฎร์ธานี", "จังหวัดพังงา"]
    assert me_report.inline_list(" โดยจังหวัดดังกล่าว", "จังหวัด") == []


def test_a_numbered_list_in_the_next_paragraphs_is_counted_until_its_numbering_breaks():
    paras = [(t, 1) for t in ("กิจกรรมที่ 1 ก", "1. รายละเอียด", "กิจกรรมที่ 2 ข", "กิจกรรมที่ 4 ค")]
    assert me_report.following_list(paras) == ["กิจกรรมที่ 1 ก", "กิจกรรมที่ 2 ข"]
    assert me_report.following_list([("ไม่มีเลข", 1), ("1. ก", 1)]) == []


def test_a_number_glued_to_a_name_is_not_a_count_but_one_glued_to_a_verb_is():
    claims = me_report.find_claims("x", [("ในพื้นที่ 7 จังหวัดสุราษฎร์ธานี และจังหวัดทั้ง 76 จังหวัดได้รับการประเมิน", 1)])
    assert [(c.value, c.unit, c.kind) for c in claims] == [(76, "จังหวัด", "count")]


def test_money_in_baht_and_millions():
    claims = me_report.find_claims("budget", [("เบิกจ่าย 798,390 บาท และ ๑.๒๕ ล้านบาท", 1)])
    assert [(c.kind, c.value, c.unit) for c in claims] == [("amount", 798390, "บาท"), ("amount", 1250000, "ล้านบาท")]


@needs_shared
def test_seed_004_as_dumped():
    seed = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    doc = parsed(*[p for p in seed.split("\n") if p.strip()])
    assert me_report.is_me_report(doc)
    project = me_report.parse(doc).project
    assert project.name.startswith("โครงการสร้างความเข้มแข็งในการบริหารราชการ")
    assert (project.fiscal_year_be, project.quarter, project.budget_disbursed_baht) == (2565, 4, 798390)
    assert [i.number for i in project.outputs] == ["1", "2", "3", "4"]
    assert [i.number for i in project.outcomes] == ["1", "2", "3"]
    assert [i.number for i in project.kpis] == ["1", "2", "3"]
    assert project.problems == []
    counts = [(c.section, c.value, c.listed) for c in project.claims if c.listed is not None]
    assert counts == [("outputs", 7, 6), ("outputs", 3, 3), ("activities", 7, 6), ("summary", 2, 2)]
    total = next(c for c in project.claims if c.kind == "total" and c.unit == "คน")
    assert (total.value, total.parts) == (4625, [1550, 1341, 1734])
    flags = claim_flags(project.claims)
    # seven provinces said, six named, twice; 1,550 + 1,341 + 1,734 = 4,625 holds
    assert [(f.check, f.reported, f.expected) for f in flags] == [("count_mismatch", 7, 6), ("count_mismatch", 7, 6)]
    assert "จังหวัดภูเก็ต" in flags[0].message


def test_a_total_that_does_not_add_up():
    claim = Claim(section="kpis", kind="total", value=1200, unit="คน", text="รวม 1,200 คน", parts=[300, 420, 250, 160])
    flags = claim_flags([claim])
    assert [(f.check, f.reported, f.expected) for f in flags] == [("total_mismatch", 1200, 1130)]
    assert "300 + 420 + 250 + 160" in flags[0].message


def test_a_kpi_report_is_not_an_me_report():
    assert not me_report.is_me_report(parsed("รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ", "ไตรมาสที่ 2"))
