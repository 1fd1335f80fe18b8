"""Hostile inputs, made small on disk: a Flate bomb, 10,000-deep nesting (PDF and HTML), a
100 MB image, and text that is code (`<script>`, a spreadsheet formula `=cmd|`). Each is
(file name, bytes); bench/fuzz.py puts them through the real ingest."""
from __future__ import annotations

import zlib

SCRIPT = "<script>alert('thaikpi')</script>"
FORMULA = "=cmd|' /C calc'!A0"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (numbered from 1; object 1 the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    body = zlib.compress(data, 9) if compress else data
    flate = b"/Filter /FlateDecode " if compress else b""
    return b"<< " + flate + extra + b"/Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


def _page(contents: bytes, resources: bytes = b"<< >>") -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + resources + b" >>",
            contents]


def _deflated(size: int, byte: bytes = b" ") -> bytes:
    """`size` bytes of `byte`, deflated without holding them in memory."""
    packer, chunk, parts = zlib.compressobj(9), byte * (1 << 20), []
    for _ in range(size >> 20):
        parts.append(packer.compress(chunk))
    parts.append(packer.flush())
    return b"".join(parts)


def flate_bomb(size: int = 256 << 20) -> bytes:
    """A page whose content stream inflates to `size` bytes of spaces (a few hundred KB on disk)."""
    body = _deflated(size)
    return pdf(_page(b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"))


def deep_pdf(depth: int = 10_000) -> bytes:
    """A page dictionary holding an array nested `depth` deep."""
    objects = _page(_stream(b"BT /F1 12 Tf 72 720 Td (deep) Tj ET"))
    objects[2] = objects[2][:-3] + b" /Deep " + b"[" * depth + b"]" * depth + b" >>"
    return pdf(objects)


def deep_html(depth: int = 10_000) -> bytes:
    return ("<html><body>" + "<div>" * depth + "ตัวชี้วัด 1.1 ลึก" + "</div>" * depth + "</body></html>").encode()


def big_image(side: int = 10_000) -> bytes:
    """A page showing one 8-bit grey image of side x side pixels (100 MB decoded at 10,000)."""
    image = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray " % (side, side)
    image += b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
    body = _deflated(side * side, b"\x80")
    objects = _page(_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"), b"<< /XObject << /Im1 5 0 R >> >>")
    return pdf(objects + [image % len(body) + body + b"\nendstream"])


def code_as_text() -> bytes:
    """A KPI-like page whose cells hold a script and a spreadsheet formula, as text."""
    cell = f"{SCRIPT.replace('<', '&lt;').replace('>', '&gt;')} {FORMULA}"
    return (f"<html><head><meta charset='utf-8'></head><body><h1>รายงานผลการปฏิบัติราชการ {cell}</h1>"
            f"<p>ชื่อตัวชี้วัด : 1.1 {cell}</p><table border=1><tr><td>ตัวชี้วัด</td><td>เป้าหมาย</td><td>ผล</td></tr>"
            f"<tr><td>{FORMULA}</td><td>{cell}</td><td>=1+1</td></tr></table>{SCRIPT}</body></html>").encode()


def hostile_inputs(scale: float = 1.0) -> list[tuple[str, bytes]]:
    """The hostile files; `scale` < 1 makes the bomb and the image smaller (for the test suite)."""
    return [
        ("hostile_flate_bomb.pdf", flate_bomb(max(1, int(256 * scale)) << 20)),
        ("hostile_deep_nesting.pdf", deep_pdf()),
        ("hostile_deep_nesting.html", deep_html()),
        ("hostile_big_image.pdf", big_image(max(1000, int(10_000 * scale ** 0.5)))),
        ("hostile_code_as_text.html", code_as_text()),
    ]
