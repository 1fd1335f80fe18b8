"""Damaged files (bench/mutate.py's deterministic mutations of the samples) are the file's
fault: `damaged`, or the pages that parse kept, never `internal`; `internal` is for our bugs."""
import pytest

from conftest import SAMPLES
from mutate import mutate
from thaikpi.pipeline.errors import one_line, parser_failure
from thaikpi.pipeline.run.process import process_bytes
from thaikpi.pipeline.settings import Settings

OFF = Settings(ocr="off")


@pytest.mark.parametrize("sample,seed,page,kind", [
    # pdfminer's PSSyntaxError (a 2,570-character message) inside the page with the title
    ("kpi_2556_2-3_disbursement_office_export.lo.pdf", 114, 1, "unknown"),
    # pdfminer's ASCII85 ValueError, raised again by our pdfminer fallback as pdfplumber does
    ("kpi_2557_1-2_subindicators_unruled.rl.pdf", 123, 1, "unknown"),
    ("framework_2551_ministry.rl.pdf", 178, 2, "framework"),
])
def test_bug_a_parser_error_in_a_mutated_pdf_was_internal(sample, seed, page, kind):
    name, data = mutate((SAMPLES / sample).read_bytes(), seed)
    doc = process_bytes(data, sample, OFF)
    # the page the parser stopped on is flagged; the others are read
    assert (doc.status, doc.error) == ("partial", None)
    damaged = [f for f in doc.flags if f.check == "page_content_damaged" and f.page == page]
    assert len(damaged) == 1
    assert "the parser stopped on it (" in damaged[0].message and len(damaged[0].message) < 400
    assert (doc.pages > 1, doc.kind) == (True, kind)


def test_a_parser_s_exception_is_the_file_s_and_ours_is_internal():
    from pdfminer.ascii85 import ascii85decode
    from pdfminer.psparser import PSSyntaxError
    with pytest.raises(ValueError) as parser:
        ascii85decode(b"<~\xcc\xcc~>")
    assert parser_failure(parser.value)
    with pytest.raises(ZeroDivisionError) as ours:
        1 / 0
    assert not parser_failure(ours.value)
    long = PSSyntaxError("Invalid dictionary construct: " + "x " * 2000 + "\nsecond line")
    assert one_line(long) == ("PSSyntaxError: Invalid dictionary construct: " + "x " * 200)[:199] + "…"
