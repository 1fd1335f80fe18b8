"""Scans: a KPI report's first page as an image (make_scan), and scanned twins of text-layer
samples (make_scanned_twin): every page rendered, turned 0.5-2 degrees, given scanner noise,
a received stamp and a pen tick, at 150-300 dpi, saved as an image-only PDF. A twin's gold
for OCR is its text-layer twin's (tests/test_ocr_twins.py); without OCR nothing is read."""
from __future__ import annotations

import io
import random
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from samplegen.fonts import SARABUN_BOLD
from samplegen.render_fpdf import make_fpdf2

# The scanned twins: (text-layer sample in samples/, scan resolution, seed). Their names:
# the twin's slug + "_scanned.scan.pdf" (twin_name). One or two pages each: OCR is slow.
SCANNED_TWINS = [
    ("kpi_2558_3-2_permit_days_planted.fpdf.pdf", 300, 1),
    ("me_2566_q2_digital_skills.rl.pdf", 200, 2),
    ("framework_2553_department.rl.pdf", 200, 3),
    ("genre_action_results_2566_6m.rl.pdf", 300, 4),
]
SCAN_DATE = time.gmtime(1704067200)  # 2024-01-01
STAMP_TEXT = ("รับที่ 1234", "วันที่ 5 ก.พ.")


def twin_name(source: str) -> str:
    """samples/ name of a text-layer sample's scanned twin: 'me_..._skills.rl.pdf' ->
    'me_..._skills_scanned.scan.pdf' (a genre's twin is no genre sample: 'scanned_genre_...')."""
    slug = source.split(".")[0]
    return f"scanned_{slug}.scan.pdf" if slug.startswith("genre_") else f"{slug}_scanned.scan.pdf"


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


def _stamp(image: Image.Image, dpi: int, rng: random.Random) -> None:
    """A received stamp in the top right margin (a box of two lines, pressed grey and a little
    turned) and a pen tick in the left margin: the marks archives' scans carry."""
    size = round(dpi * 0.16)
    font = ImageFont.truetype(str(SARABUN_BOLD), size)
    w, h = round(dpi * 1.5), round(size * 3.2)
    stamp = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(stamp)
    draw.rectangle((2, 2, w - 3, h - 3), outline=90, width=max(2, dpi // 100))
    for i, text in enumerate(STAMP_TEXT):
        draw.text((dpi * 0.12, size * (0.4 + 1.3 * i)), text, fill=90, font=font)
    stamp = stamp.rotate(rng.uniform(-8, 8), expand=True, fillcolor=255)
    x, y = image.width - stamp.width - round(dpi * 0.3), round(dpi * 0.1)
    image.paste(Image.fromarray(np.minimum(np.asarray(image.crop((x, y, x + stamp.width, y + stamp.height))),
                                           np.asarray(stamp))), (x, y))
    tick = ImageDraw.Draw(image)
    x, y = round(dpi * 0.25), round(dpi * 0.9)
    tick.line([(x, y), (x + dpi // 12, y + dpi // 10), (x + dpi // 4, y - dpi // 8)], fill=40, width=max(2, dpi // 80))


def scanned(page: pdfium.PdfPage, dpi: int, rng: random.Random, stamp: bool = True) -> Image.Image:
    """The page as a scanner gives it: grey, a little turned, speckled (stamped, if asked)."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    if stamp:
        _stamp(image, dpi, rng)
    angle = rng.uniform(0.5, 2.0) * rng.choice((-1, 1))
    image = image.rotate(angle, expand=True, fillcolor=255, resample=Image.BILINEAR)
    pixels = np.asarray(image, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 12, pixels.shape)
    specks = np.random.default_rng(rng.randrange(1 << 30)).random(pixels.shape) < 0.0005
    pixels = np.clip(pixels + noise, 0, 255)
    pixels[specks] = 0
    return Image.fromarray(pixels.astype(np.uint8))


def image_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """An image-only PDF of the pages (PIL: each page a JPEG, as scanners save them; dated
    once and for all, so that the same pages make the same file)."""
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=60,
                   creationDate=SCAN_DATE, modDate=SCAN_DATE)
    return out.getvalue()


def make_scanned_twin(source: Path, path: Path, dpi: int, seed: int) -> int:
    """The scanned twin of a text-layer PDF; its number of pages."""
    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(source)
    try:
        images = [scanned(pdf[i], dpi, rng) for i in range(len(pdf))]
    finally:
        pdf.close()
    path.write_bytes(image_pdf(images, dpi))
    return len(images)
