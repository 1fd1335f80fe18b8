"""What a file is, from its bytes (never its name)."""
from __future__ import annotations

import re
from typing import Optional

_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|table)\b", re.IGNORECASE)


def sniff_format(data: bytes) -> Optional[str]:
    """"pdf", "html", or None for anything else."""
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
