"""What a file is, from its bytes (never its name)."""
from __future__ import annotations

import re
from typing import Optional

_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|table)\b", re.IGNORECASE)


# A zip archive's first local header, or the end record of an empty one. Checked before PDF:
# a PDF stored in a zip shows its own header within the archive's first 1024 bytes.
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")


# A web page saved as one file (MHTML: Internet Explorer's and Word's "web archive", .mht):
# mail headers, then the page and its images as MIME parts. Checked before HTML, which the
# page's part would match.
_MIME_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:")
_MULTIPART_RELATED = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


GZIP_START = b"\x1f\x8b"  # a page saved as the server sent it, compressed (wget, some crawlers)


def sniff_format(data: bytes) -> Optional[str]:
    """"pdf", "html", "mhtml", "zip", "gzip", or None for anything else."""
    if data[:4] in _ZIP_STARTS:
        return "zip"
    if data[:2] == GZIP_START:
        return "gzip"
    headers = re.split(rb"\r?\n\r?\n", data[:4096], maxsplit=1)[0]  # up to the first blank line
    if _MIME_HEADER.match(headers) and _MULTIPART_RELATED.search(headers):
        return "mhtml"
    head = data[:1024]
    # The PDF spec lets the header sit anywhere in the first 1024 bytes.
    if b"%PDF-" in head:
        return "pdf"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 BOM: look at the text inside
        try:
            head = data[:4096].decode("utf-16", errors="ignore").encode("utf-8")
        except Exception:
            return None
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(data[:8192]):
        return "html"
    return None


# Zip packages that are one document, not an archive of files: Office Open XML (Word, Excel,
# PowerPoint) lists its parts in [Content_Types].xml; OpenDocument and EPUB name their type in
# a first entry "mimetype".
PACKAGE_MARKERS = ("[Content_Types].xml", "mimetype")


def is_document_package(member_names: list[str]) -> bool:
    """Whether a zip with these members is an Office or OpenDocument file (one document)."""
    return any(marker in member_names for marker in PACKAGE_MARKERS)
