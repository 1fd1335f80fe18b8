"""A KPI report as a scan: its first page an image, no text layer."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from samplegen.render_fpdf import make_fpdf2


def make_scan(spec: dict, path: Path) -> tuple[int, int]:
    """An old report as archives hold it: a scan, the page an image with no text layer
    (the report typeset by fpdf2, rasterised by poppler's pdftoppm at 150 dpi, re-embedded)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    with tempfile.TemporaryDirectory() as tmp:
        typeset = Path(tmp) / "typeset.pdf"
        make_fpdf2(spec, typeset)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-gray", "-f", "1", "-l", "1", str(typeset),
                        str(Path(tmp) / "page")], check=True)
        image = next(Path(tmp).glob("page*.png"))
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.drawImage(str(image), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
        c.save()
    return 1, 0


