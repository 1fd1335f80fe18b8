"""Readers: a file's bytes -> a ParsedDocument (lines of cells with pages). PDF (pdfium and
pdfminer through pdfplumber), HTML and MHTML. They may import text/, settings and schemas."""
