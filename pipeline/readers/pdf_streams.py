"""Whether a page's content streams decode whole.

A content stream damaged in the middle (a bad sector, a cut download) still opens: pdfium
reads what it can decode and pdfminer gives up on the stream, so the page quietly loses the
text after the damage, or all of it, which would pass for a scan. Decoding the page's
streams once more with the standard library tells the damage and its cause. Filters other
than these (images' own codecs) are not checked: a page's text is in Flate, ASCII85 or hex.
"""
from __future__ import annotations

import zlib
from typing import Optional

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdftypes import (LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE,
                               PDFStream, resolve1)


def content_damage(page_obj) -> Optional[str]:
    """Why a page's content (pdfminer's PDFPage) does not decode whole, or None. Run before the
    page is read: pdfminer keeps only the decoded bytes of a stream it has read."""
    for number, stream in enumerate(page_obj.contents, 1):
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream) or stream.rawdata is None:
            continue
        where = f"content stream {number} of {len(page_obj.contents)}" if len(page_obj.contents) > 1 \
            else "content stream"
        why = stream_damage(stream)
        if why:
            return f"its {where} is damaged ({why})"
    return None


def stream_damage(stream: PDFStream) -> Optional[str]:
    data = stream.rawdata
    if stream.decipher:  # an encrypted file (read with its empty user password): as pdfminer does
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _params in stream.get_filters():
        if name in LITERALS_FLATE_DECODE:
            inflater = zlib.decompressobj()
            try:
                decoded = inflater.decompress(data)
            except zlib.error as exc:
                return f"Flate data stops decoding: {_printable(exc)}"
            if not inflater.eof and not _deflate_complete(data):
                return "Flate data ends before its end"
            data = decoded
        elif name in LITERALS_ASCII85_DECODE:
            try:
                data = ascii85decode(data)
            except ValueError as exc:
                return f"ASCII85 data does not decode: {_printable(exc)}"
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        else:
            return None
    return None


def _deflate_complete(data: bytes) -> bool:
    """Whether zlib data that did not reach its end holds its last deflate block all the same:
    some producers leave out the 4-byte checksum after it, and readers read the text whole."""
    raw = zlib.decompressobj(-zlib.MAX_WBITS)  # the deflate blocks alone, past the 2-byte header
    try:
        raw.decompress(data[2:])
    except zlib.error:
        return False
    return raw.eof


def _printable(exc: Exception) -> str:
    """An error's text with the damaged bytes it quotes as \\xNN: a flag message stays text."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in str(exc))
