"""What a file is, from its bytes; its name only says whether a file that is not a report
claims to be one (non_document)."""
from __future__ import annotations

import re
from pathlib import PurePosixPath
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


# What a file that is not a report is, from its first bytes: these are skipped, not failed.
NON_DOCUMENT_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (Word or Excel 97-2003)"),
)
# Names that claim a report: a file so named whose bytes are something else is a failure (a
# report saved wrongly), not a file to pass over.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".htm", ".html", ".xhtml", ".shtml", ".mht", ".mhtml"})


def non_document(data: bytes, fmt: Optional[str], name: str, package: bool = False) -> Optional[str]:
    """What the file is, when it is plainly not a report and its name does not claim one: an
    image, an Office file (`package`: a zip of an Office document's parts), or plain text (a
    README, a CSV); None otherwise."""
    suffixes = {s.lower() for s in PurePosixPath(name.rsplit("!", 1)[-1]).suffixes}
    if suffixes & DOCUMENT_SUFFIXES:
        return None
    if fmt == "zip":
        return "an Office or OpenDocument file (Word, Excel, ...)" if package else None
    if fmt is not None:
        return None
    found = next((what for magic, what in NON_DOCUMENT_MAGIC if data.startswith(magic)), None)
    return found or ("a plain-text file" if _is_text(data[:8192]) else None)


def _is_text(head: bytes) -> bool:
    """No NUL byte, and UTF-8 (perhaps cut inside its last character) or windows-874."""
    if b"\x00" in head:
        return False
    for codec in ("utf-8", "cp874"):
        try:
            head.decode(codec)
            return True
        except UnicodeDecodeError as exc:
            if codec == "utf-8" and exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
                return True
    return False
