"""OCR of scanned pages and text layers beyond repair (issue 24). OCR costs seconds a page, so
few pages are OCR'd here: page 2 of the FY2562 scan (read_page, then the hook end to end),
page 1 of the rotated KSP scan, the disbursement sample's scan (what Tesseract is handed) and
the two pages of the scanned action-plan sample, in turn and at once."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from conftest import run_cli
from thaikpi.pipeline.readers import ocr_image
from thaikpi.pipeline.readers.ocr import INSTALL_HINT, _tesseract, beyond_repair
from thaikpi.pipeline.readers.ocr_page import corrected, read_page
from thaikpi.pipeline.readers.ocr_tables import find_grids, find_rules
from thaikpi.pipeline.run.process import process_bytes
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.readers.ocr_marks import find_boxes, with_boxes
from thaikpi.pipeline.readers.ocr_tables import Word
from thaikpi.pipeline.text.ocr_fixes import (clean_cell, fix_label_head, fix_mark_cell, fix_number_cell, fix_text,
                                             strip_stray_marks)
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
FY2562 = REAL / "rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.pdf"
KSP = REAL / "ksp_teachers_council_SCANNED_ROTATED_report_templates.pdf"
GOLD = ROOT / "tests" / "real_gold" / "rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.json"


def one_page(path: Path, page: int) -> bytes:
    """A PDF of one page of another, to OCR one page through the whole pipeline."""
    source, out = pdfium.PdfDocument(path), pdfium.PdfDocument.new()
    out.import_pages(source, [page - 1])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def fy2562_page2():
    tesseract, why = _tesseract(Settings())
    assert tesseract is not None, why
    lines, confidences, _ = read_page(tesseract, pdfium.PdfDocument(FY2562)[1], 2, 1, Settings())
    lines = corrected(lines)
    return lines, confidences


@needs_shared
def test_ocr_reads_the_thai_title_and_fiscal_year_of_a_scan(fy2562_page2):
    lines, confidences = fy2562_page2
    title = next(line.text for line in lines if "Action Conclusion" in line.text)
    assert "ปีงบประมาณ" in title and "2562" in title
    assert "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ" in _key(title)  # SARA AM composed (ํา -> ำ)
    assert sum(confidences) / len(confidences) > 75


@needs_shared
def test_ocr_cuts_a_ruled_table_of_a_scan_into_rows_and_cells(fy2562_page2):
    lines, _ = fy2562_page2
    rows = [line for line in lines if line.table is not None]
    header = next(row for row in rows if "ตัวชี้วัด" in row.cells)  # ตัวชีวัด read, label put right
    assert header.cells[:4] == ("ยุทธศาสตร์มหาวิทยาลัย", "กลยุทธ์หน่วยงาน", "ผลผลิต/โครงการ/กิจกรรม", "ตัวชี้วัด")
    assert len({len(row.cells) for row in rows}) == 1 and len(header.cells) == 12
    last = rows[-1].cells
    assert (last[4], last[6], last[8], last[10]) == ("120 รายการ", "300,000", "201,798.75", "ไม่บรรลุเป้า")
    # the gold rows' indicator names, each found in one cell of the page's table
    gold = [r["name"] for r in json.loads(GOLD.read_text())["rows"] if r["page"] == 2]
    cells = [_key(c) for row in rows for c in row.cells]
    found = [name for name in gold if any(_key(name) in c for c in cells)]
    assert len(found) >= 3, found


@needs_shared
def test_a_rotated_scan_is_turned_upright_and_read_through_the_pipeline():
    tesseract, _ = _tesseract(Settings())
    image = ocr_image.render(pdfium.PdfDocument(KSP)[0], 300)
    assert ocr_image.upright_rotation(image, 300, tesseract) == 90  # its tables are printed sideways
    doc = process_bytes(one_page(KSP, 1), "ksp.pdf", Settings())
    assert [(s.page, s.source) for s in doc.text_sources] == [(1, "ocr")]
    assert doc.text_sources[0].ocr_confidence > 60
    assert [f.check for f in doc.flags if f.page == 1] == ["page_ocr"]
    assert doc.status == "ok"


@needs_shared
def test_ocr_off_keeps_the_flags_of_a_garbage_text_layer():
    doc = process_bytes(one_page(FY2562, 2), "fy2562.pdf", Settings(ocr="off"))
    assert [f.check for f in doc.flags] == ["text_layer_garbled"]
    assert doc.flags[0].message == ("page 1 text layer looks garbled: the text layer over this scanned page is "
                                    "not Thai (OCR that read Thai as Latin)")
    assert doc.text_sources == [] and doc.status == "partial"


def test_without_tesseract_the_flags_say_how_to_install_it():
    settings = Settings(tesseract_cmd="/nonexistent/tesseract")
    doc = process_bytes((ROOT / "samples" / "kpi_2556_2-3_disbursement_scan.scan.pdf").read_bytes(), "scan.pdf", settings)
    assert [f.check for f in doc.flags] == ["text_layer_missing"]
    assert doc.flags[0].message.startswith("page 1 has no text layer; OCR is off: Tesseract was not found")
    assert INSTALL_HINT in doc.flags[0].message and doc.status == "partial"


def test_a_page_without_ink_is_blank_not_missing_text():
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    doc = process_bytes(buffer.getvalue(), "blank.pdf", Settings())
    assert doc.flags == [] and doc.status == "ok"
    assert [(s.page, s.source) for s in doc.text_sources] == [(1, "blank")]


def test_cli_ocr_off_gives_the_old_flag_of_a_scan():
    proc = run_cli("extract", "--ocr", "off", ROOT / "samples" / "kpi_2556_2-3_disbursement_scan.scan.pdf")
    doc = json.loads(proc.stdout)
    assert [f["message"] for f in doc["flags"]] == ["page 1 has no text layer"]


def test_ruled_grid_found_in_a_skewed_image():
    dark = np.zeros((1200, 1500), dtype=bool)
    for y in (100, 400, 700, 1000):  # four rules across, drifting 6 px over the width (0.25 degrees)
        for x in range(100, 1400):
            dark[y + (x - 100) * 6 // 1300: y + (x - 100) * 6 // 1300 + 3, x] = True
    for x in (100, 600, 1000, 1400):
        dark[100:1006, x:x + 3] = True
    dark[500:560, 200:330] = True  # a blot of ink shorter than a rule is none
    horizontal, vertical = find_rules(dark, 300)
    grids = find_grids(horizontal, vertical, 300)
    assert len(horizontal) == 4 and len(vertical) == 4 and len(grids) == 1
    assert len(grids[0].row_edges) == 4


def test_column_rules_of_a_one_line_row_are_rules_between_two_rules():
    # the action-plan scan: rows 0.35 inch high, their column rules shorter than a rule (0.6)
    dark = np.zeros((600, 1500), dtype=bool)
    for y in (100, 205, 310):
        dark[y:y + 3, 100:1400] = True
    for x in (100, 1400):
        dark[100:313, x:x + 3] = True
    for x in (600, 1000):  # column rules of the first row only (the second is one cell across)
        dark[100:208, x:x + 3] = True
    dark[400:480, 700:703] = True  # a stroke as long, between no rules: none
    horizontal, vertical = find_rules(dark, 300)
    assert sorted(round(v.pos) for v in vertical) == [101, 601, 1001, 1401]
    assert len(find_grids(horizontal, vertical, 300)) == 1


def test_ocr_fixes_are_safe():
    assert fix_text("สํานัก ดําเนินงาน") == "สำนัก ดำเนินงาน"
    assert fix_text("ตัวชีวัด เปาหมาย") == "ตัวชี้วัด เป้าหมาย"
    assert fix_text("ที่่") == "ที่"
    assert fix_number_cell("๒0") == "20"  # one number in two scripts: the script only
    assert fix_number_cell("๒๐") == "๒๐" and fix_number_cell("l00") == "l00"  # no digit made up


def test_an_ordinal_keeps_its_mai_ek():
    # the framework scan: "มิติที 1" misses the dimension word; ที is a word, never before a number
    assert fix_text("มิติที 1 : มิติด้านประสิทธิผล") == "มิติที่ 1 : มิติด้านประสิทธิผล"
    assert fix_text("วันที15 ตุลาคม 2555") == "วันที่15 ตุลาคม 2555" and fix_text("ไตรมาสท2") == "ไตรมาสที่2"
    assert fix_text("ทีละคน") == "ทีละคน" and fix_text("วันที่ 9") == "วันที่ 9"


def test_only_garbled_layers_beyond_repair_are_ocrd():
    assert not beyond_repair("SARA AM lost to a space 3 times (e.g. 'ค าน า')")
    assert beyond_repair("control characters where glyphs should be; vowel and tone marks with no base letter")
    assert beyond_repair("SARA AM lost to a space 3 times (e.g. 'ค าน า'); 5 glyphs without Unicode ((cid:N))")


def test_stray_marks_of_stamps_and_ticks_leave_ocrd_titles_and_cells():
    # the disbursement scan: a tick beside the name read as "a a", a speck over a cell as "ย"
    assert strip_stray_marks("ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด a a") == \
        "ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด"
    assert strip_stray_marks("รายงานผลผ่านระบบ GFMIS") == "รายงานผลผ่านระบบ GFMIS"  # a Latin word stays
    assert strip_stray_marks("ภาคผนวก ก") == "ภาคผนวก ก" and strip_stray_marks("ร้อยละ 5") == "ร้อยละ 5"
    assert clean_cell("ย\nรอยละ 92.50") == "รอยละ 92.50" and clean_cell("น้ำหนัก\nษ ๓\n(ร้อยละ)") == "น้ำหนัก\n(ร้อยละ)"
    assert clean_cell("5") == "5" and clean_cell("๕") == "๕"  # a number alone is a value
    assert clean_cell("นางสาวพิมพ์ใจ แสงทอง\nve ๕ บ") == "นางสาวพิมพ์ใจ แสงทอง"  # marks read as a line
    assert clean_cell("5 10") == "5 10" and clean_cell("ข้อ 1") == "ข้อ 1"


def test_an_ocrd_label_is_put_right_by_its_consonants():
    labels = ("ชื่อตัวชี้วัด", "คำอธิบาย", "เกณฑ์การให้คะแนน")
    assert fix_label_head("ซอตวชวด : 3.2 ระยะเวลาเฉลี่ย", labels) == "ชื่อตัวชี้วัด : 3.2 ระยะเวลาเฉลี่ย"
    assert fix_label_head("คําอธบาย :", labels) == "คำอธิบาย :"
    assert fix_label_head("ระยะเวลาเฉลี่ย : 7.5 วัน", labels) == "ระยะเวลาเฉลี่ย : 7.5 วัน"  # no label: kept
    assert fix_label_head("ชื่อตัวชี้วัด 3.2", labels) == "ชื่อตัวชี้วัด 3.2"  # no colon: no label head
    # one consonant more in a long label (a mark read as ช); a short one must match exactly
    assert fix_label_head("ชซอตว ชวด : 3.2", labels) == "ชื่อตัวชี้วัด : 3.2"
    assert fix_label_head("ปญห : x", ("ปัญหา",)) == "ปัญหา: x" and fix_label_head("ปกญห : x", ("ปัญหา",)) == "ปกญห : x"


def test_checkboxes_are_found_in_the_image_and_replace_what_ocr_made_of_them():
    dark = np.zeros((200, 900), dtype=bool)
    for x0, ticked in ((100, True), (500, False)):  # 0.12 inch boxes at 300 dpi, 3 px outlines
        dark[60:63, x0:x0 + 36] = dark[93:96, x0:x0 + 36] = True
        dark[60:96, x0:x0 + 3] = dark[60:96, x0 + 33:x0 + 36] = True
        if ticked:
            for i in range(20):
                dark[70 + i, x0 + 8 + i // 2: x0 + 12 + i // 2] = True
    dark[60:96, 700:740] = True  # a blot is no box
    boxes = find_boxes(dark, 300)
    assert [(b[0], b[4]) for b in boxes] == [(100, True), (500, False)]
    words = [Word(150, 60, 250, 96, "รอบ", 90, (1, 1, 1)), Word(505, 65, 530, 92, "[]", 40, (1, 1, 1)),
             Word(550, 60, 650, 96, "รอบ", 90, (1, 1, 1))]
    assert [w.text for w in sorted(with_boxes(words, boxes), key=lambda w: w.x0)] == ["☑", "รอบ", "☐", "รอบ"]


# KSP p.1 as its image prints it: the ten offence types (rows) and the regions (columns) of a
# blank count template ruled in faint grey, every count cell empty.
KSP_OFFENCES = ("ปฏิบัติหน้าที่โดยมิชอบ", "ทำร้ายร่างกาย", "ชู้สาว", "ความผิดเกี่ยวกับเพศ", "การพนันและสุรา,ยาเสพติด",
                "ความผิดเกี่ยวกับทรัพย์", "ละทิ้ง,ละเว้น", "ดูหมิ่น หมิ่นประมาท กล่าวถ้อยคำไม่เหมาะสม",
                "ความผิดทางแพ่ง", "อื่น ๆ")
KSP_REGIONS = ("เหนือ", "อีสาน", "ใต้", "ตะวันออก", "กลาง", "ตะวันตก", "รวม")


@needs_shared
def test_the_faint_ruled_table_of_a_rotated_scan_comes_out_as_cells():
    from gold_score import skeleton
    tesseract, _ = _tesseract(Settings())
    lines, _, _ = read_page(tesseract, pdfium.PdfDocument(KSP)[0], 1, 1, Settings())
    rows = [line.cells for line in corrected(lines) if line.table is not None]
    assert len(rows) == 13 and {len(cells) for cells in rows} == {9}  # 2 header rows, 10 types, the total
    names = [skeleton(cells[1]) for cells in rows]
    assert sum(skeleton(o) in names for o in KSP_OFFENCES) >= 9
    header = [skeleton(c) for c in rows[1]]
    assert sum(skeleton(r) in header for r in KSP_REGIONS) >= 6
    assert all(cell == "" for cells in rows[2:] for cell in cells[2:])  # a blank template: no count invented


def test_a_cell_of_a_lone_tick_or_cross_reads_as_the_mark():
    # the action-plan scan's บรรลุ column: Tesseract reads ✓ as "v", "Vv" or "J", ✗ as "x"
    assert [fix_mark_cell(c) for c in ("v", "Vv", "J", "x", "X")] == ["✓", "✓", "✓", "✗", "✗"]
    assert fix_mark_cell("v.2") == "v.2" and fix_mark_cell("GFMIS") == "GFMIS"  # only a whole cell
    assert clean_cell("eee\nบรรลุ") == "บรรลุ" and clean_cell("/ลำดับ") == "ลำดับ"  # a shade's noise


def test_tesseract_is_handed_each_image_uncompressed(monkeypatch):
    # pytesseract writes each image to a file for Tesseract; as PNG, deflating a 300 dpi page
    # was a third of a scanned page's OCR time. The same pixels go as PNM (PGM for grey).
    import pytesseract.pytesseract as binding

    handed, real = [], binding.run_tesseract

    def spy(input_filename, *args, **kwargs):
        handed.append((Path(input_filename).read_bytes()[:2], kwargs.get("extension", args[1] if len(args) > 1 else "")))
        return real(input_filename, *args, **kwargs)

    monkeypatch.setattr(binding, "run_tesseract", spy)
    scan = ROOT / "samples" / "kpi_2556_2-3_disbursement_scan.scan.pdf"
    doc = process_bytes(scan.read_bytes(), scan.name, Settings())
    assert [(s.page, s.source) for s in doc.text_sources] == [(1, "ocr")]
    assert {extension for _, extension in handed} == {"osd", "tsv", "txt"}  # orientation, page, a cell
    assert all(magic in (b"P4", b"P5", b"P6") for magic, _ in handed), handed


def test_pages_read_at_once_give_the_lines_read_in_turn(monkeypatch):
    # A worker whose run has idle slots reads a scan's pages in threads (pipeline/run/capacity):
    # the same lines, tables numbered on from page to page as when read in turn.
    import threading
    import types

    from thaikpi.pipeline.readers import ocr_page
    from thaikpi.pipeline.run import capacity

    scan = ROOT / "samples" / "scanned_genre_action_results_2566_6m.scan.pdf"
    threads, real = [], ocr_page.read_image

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(ocr_page, "read_image", spy)
    in_turn = process_bytes(scan.read_bytes(), scan.name, Settings())
    assert threads == [threading.get_ident()] * 2
    threads.clear()
    monkeypatch.setattr(capacity, "_share", types.SimpleNamespace(value=1))
    at_once = process_bytes(scan.read_bytes(), scan.name, Settings())
    assert len(set(threads)) == 2 and threading.get_ident() not in threads
    assert [(s.page, s.source) for s in at_once.text_sources] == [(1, "ocr"), (2, "ocr")]
    # page 2's table numbered on from page 1's, as the text layer's tables are (its table 1)
    assert sorted({(i.page, i.table) for i in at_once.indicators}) == [(1, 1), (2, 2)]
    assert at_once.model_dump(exclude={"seconds"}) == in_turn.model_dump(exclude={"seconds"})
    # no thread to be had (or no room for one under the memory limit): the pages in turn
    from thaikpi.pipeline.readers import ocr

    class NoThreads:
        def __init__(self, *args):
            raise RuntimeError("can't start new thread")

    monkeypatch.setattr(ocr, "ThreadPoolExecutor", NoThreads)
    threads.clear()
    without = process_bytes(scan.read_bytes(), scan.name, Settings())
    assert threads == [threading.get_ident()] * 2
    assert without.model_dump(exclude={"seconds"}) == in_turn.model_dump(exclude={"seconds"})
