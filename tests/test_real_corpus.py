"""Every real PDF of ../shared/corpus/real gives a document, never a crash of ours.

Real archives hold scans, garbage text layers and budget books; the pipeline must answer for
each: a record, a flag, or an error with a reason, but never an internal error."""
import hashlib

import pytest

from conftest import REAL_CORPUS
from pipeline.process import process_file

REAL_PDFS = sorted(REAL_CORPUS.glob("*.pdf"))


def test_the_real_corpus_is_beside_the_repository():
    # CI clones the repo with shared/ beside it; without the corpus this suite would prove nothing.
    assert len(REAL_PDFS) >= 18, f"expected the real corpus in {REAL_CORPUS}"


@pytest.mark.parametrize("pdf", REAL_PDFS, ids=lambda p: p.name)
def test_real_pdf_gives_a_document(pdf):
    doc = process_file(pdf)
    assert doc.error is None or doc.error.kind != "internal", doc.error
    assert doc.doc_id == "sha256:" + hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert doc.format == "pdf" and doc.pages and doc.pages > 0


def test_bug_scanned_pages_are_flagged_not_a_crash():
    # Flag templates that name {page} raised KeyError, so every scan became an internal error.
    doc = process_file(REAL_CORPUS / "phitsanulok_SCANNED_provincial_letter_2568.pdf")
    assert doc.status == "partial"
    assert [(f.check, f.page) for f in doc.flags] == [("text_layer_missing", p) for p in (1, 2, 3, 4)]
    assert doc.flags[0].message == "page 1 has no text layer"
