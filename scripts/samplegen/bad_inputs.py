"""Inputs that must fail cleanly (tests/data/bad/), and a PDF of lines only a text rule can
repair (tests/data/text/)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from thaikpi.pipeline.text import COMBINING_MARKS

from samplegen.fonts import FONT_SIZE, SARABUN


def write_word_file(path: Path) -> None:
    """A Word document: a zip of its parts, one document and not an archive of reports."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, text in (("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                            'openxmlformats.org/package/2006/content-types"/>'),
                           ("word/document.xml", "<w:document/>")):
            docx.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)


def make_bad_inputs(good_pdf: Path, good_html: Path, bad_dir: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    bad_dir.mkdir(parents=True, exist_ok=True)
    (bad_dir / "empty.pdf").write_bytes(b"")
    data = good_pdf.read_bytes()
    (bad_dir / "truncated.pdf").write_bytes(data[: len(data) * 6 // 10])
    enc = StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)
    c = canvas.Canvas(str(bad_dir / "encrypted.pdf"), pagesize=A4, encrypt=enc, invariant=1)
    c.drawString(72, 720, "confidential")
    c.showPage()
    c.save()
    write_word_file(bad_dir / "report.pdf.docx")  # named like a report
    (bad_dir / "scan.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    # An HTML report mislabelled as a PDF: read as what its bytes are.
    (bad_dir / "mislabelled_html.pdf").write_bytes(good_html.read_bytes())


# Lines a text rule must repair, in a PDF of their own (tests/test_pdf_reader.py reads it).
# (relative to the repository)
TEXT_FIXTURE = Path("tests/data/text/fake_bold_wide_and_letter_spaced.pdf")
FAKE_BOLD_LINES = ("ข้อมูลผลการดำเนินงาน ร้อยละ 92.50", "ที่ได้รับจัดสรร 2,000,000 บาท")
LETTER_SPACED_LINE = "รายงานผลการปฏิบัติราชการ"


def make_text_fixture(path: Path) -> None:
    """Fake bold whose copies lie 1.4 and 2 points apart (too far for the reader's geometry to
    tell them from two glyphs), and a heading spread letter by letter, as Thai distributed
    justification draws it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Sarabun", FONT_SIZE)
    x = 72
    for cluster in re.findall(f"[^{COMBINING_MARKS}][{COMBINING_MARKS}]*", LETTER_SPACED_LINE):
        c.drawString(x, 740, cluster)
        x += pdfmetrics.stringWidth(cluster, "Sarabun", FONT_SIZE) + 6
    for y, (line, offset) in zip((700, 680), zip(FAKE_BOLD_LINES, (1.4, 2.0))):
        c.drawString(72, y, line)
        c.drawString(72 + offset, y, line)
    c.save()


