"""What makes report.html read the same on any machine and take the reader to the evidence:
Sarabun embedded as @font-face, Thai headers that wrap between words, a small image of the
page around each flag (rendered by pdfium) and a link that opens the PDF at that page."""
from __future__ import annotations

import base64
import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from thaikpi.pipeline.outputs.tables import atomic_write
from thaikpi.version import __version__

CROPS_DIR = "report_files"  # beside report.html: the page images
MAX_CROPS = 300             # images per report: past this a flag keeps its link, not a picture
CROP_HEIGHT = 170.0         # points of the page shown around the evidence
CROP_SCALE = 1.5            # 108 dpi: a printed table row reads at its size
# JPEG: several times faster to encode than WebP even at libwebp's fastest method (a large
# share of an ingest at the cap: README, "What changed in 0.5.2"), files somewhat larger, text as sharp
CROP_FORMAT, CROP_SUFFIX, CROP_QUALITY = "JPEG", ".jpg", 80
CROP_WIDTH = 640            # CSS pixels the image is shown at (an A4 page's width, a little larger)
ZWSP = "\u200b"


@lru_cache(maxsize=1)
def font_face_css() -> str:
    """@font-face rules for Sarabun (regular and semibold, from fontpkg-sarabun) as data URIs:
    the report shows Thai on a machine with no Thai font installed."""
    import fontpkg_sarabun

    rules = []
    for weight, name in ((400, "Sarabun-Regular.ttf"), (600, "Sarabun-SemiBold.ttf")):
        data = base64.b64encode((Path(fontpkg_sarabun.ROOT) / "files" / name).read_bytes()).decode("ascii")
        rules.append(f"@font-face{{font-family:'Sarabun';font-weight:{weight};font-style:normal;"
                     f"src:url(data:font/ttf;base64,{data}) format('truetype')}}")
    return "\n".join(rules)


@lru_cache(maxsize=512)
def wrap_thai(text: str) -> str:
    """Text with zero-width spaces between Thai words, so that a narrow header wraps between
    words, never inside one (Thai has no spaces; browsers otherwise break anywhere or nowhere)."""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return text
    from pythainlp.tokenize import word_tokenize

    return wrap_words(word_tokenize(text, engine="newmm", keep_whitespace=True))


def wrap_words(words) -> str:
    """Words joined with a zero-width space after each that ends in a Thai character."""
    return "".join(w + ZWSP if "\u0e00" <= w[-1:] <= "\u0e7f" else w for w in words).rstrip(ZWSP)


def source_path(source: str) -> Optional[Path]:
    """The file a document was read from, where it still is (a zip member is not)."""
    path = Path(source)
    return path if path.is_file() else None


def pdf_link(source: str, page: Optional[int], out: Path) -> Optional[str]:
    """A link from OUT/report.html that opens the PDF at the page (PDF viewers read #page=N),
    relative so that it still works when OUT and the archive move together."""
    path = source_path(source)
    if path is None:
        return None
    relative = os.path.relpath(path.resolve(), out.resolve())
    return quote(Path(relative).as_posix()) + (f"#page={page}" if page else "")


class Crops:
    """The page images of one report, in OUT/report_files/, one per (document, page, box), at
    most MAX_CROPS; each PDF opened once at a time.

    An image is named by what it shows (the document's bytes, by doc_id, the page, the box or
    evidence, how it is rendered), so a re-run of ingest over unchanged files finds its images
    already there and renders none: at the cap they were most of a re-run's time. `prune`,
    once the report that uses them is in place, removes the images no longer shown."""

    def __init__(self, out: Path, limit: int = MAX_CROPS):
        self.folder = out / CROPS_DIR
        self.limit = limit
        self.made: dict[tuple, Optional[str]] = {}
        self.open_source: Optional[str] = None
        self.pdf = None

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None

    def prune(self) -> None:
        """Remove the images (and a killed run's temporary files) this report does not show."""
        shown = {Path(v).name for v in self.made.values() if v}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in shown:
                    path.unlink(missing_ok=True)

    def crop(self, source: str, page: Optional[int], bbox: Optional[tuple] = None,
             evidence: Optional[str] = None, doc_id: str = "") -> Optional[str]:
        """The image's path relative to OUT, or None (no page, not a PDF on disk, over the cap).
        Without a box, the evidence's text is looked for on the page to place the picture."""
        key = (source, page, bbox, None if bbox else evidence)
        if key in self.made:
            return self.made[key]
        made = None
        if page and len([v for v in self.made.values() if v]) < self.limit:
            name = _image_name(doc_id, source, page, bbox, evidence)
            if doc_id and (self.folder / name).is_file():
                made = f"{CROPS_DIR}/{name}"  # rendered by an earlier run, from the same bytes
            else:
                try:
                    made = self._render(source, page, bbox, evidence, name)
                except Exception:  # a file that changed or vanished since ingest: no picture, no failure
                    made = None
        self.made[key] = made
        return made

    def _document(self, source: str):
        if source != self.open_source:
            import pypdfium2 as pdfium

            self.close()
            self.open_source = source
            path = source_path(source)
            self.pdf = pdfium.PdfDocument(str(path)) if path and _is_pdf(path) else None
        return self.pdf

    def _render(self, source: str, page: int, bbox: Optional[tuple], evidence: Optional[str],
                name: str) -> Optional[str]:
        pdf = self._document(source)
        if pdf is None or page > len(pdf):
            return None
        pdf_page = pdf[page - 1]
        width, height = pdf_page.get_size()
        if bbox is None and evidence:
            bbox = find_text(pdf_page, evidence)
        # the evidence's box with a margin, else the page's top (where a flagged page's first
        # table row or heading usually is)
        top = max(0.0, bbox[1] - 60) if bbox else 0.0
        bottom = min(height, max(top + CROP_HEIGHT, (bbox[3] + 40) if bbox else 0.0))
        image = for_jpeg(pdf_page.render(scale=CROP_SCALE, crop=(0, height - bottom, 0, top)).to_pil())
        self.folder.mkdir(parents=True, exist_ok=True)
        # written whole under a temporary name: a killed run leaves no half image to be reused
        atomic_write(self.folder / name, lambda tmp: image.save(tmp, CROP_FORMAT, quality=CROP_QUALITY))
        return f"{CROPS_DIR}/{name}"


def for_jpeg(image):
    """The image in a mode JPEG takes: pdfium gives RGB (or L, BGRA with transparency asked for,
    which JPEG refuses where WebP took it)."""
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _image_name(doc_id: str, source: str, page: int, bbox: Optional[tuple], evidence: Optional[str]) -> str:
    """An image's file name: a digest of what it shows and how it is drawn (a new version of
    thaikpi draws afresh). Without a doc_id the source names the document."""
    shown = f"{__version__}|{CROP_SCALE}|{CROP_HEIGHT}|{doc_id or source}|{page}|{bbox}|{None if bbox else evidence}"
    return hashlib.sha256(shown.encode()).hexdigest()[:16] + CROP_SUFFIX


THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _pieces(evidence: str) -> list[str]:
    """What to look for of the evidence: its cells (' | '), longest first, without a leading
    number where words follow (1.2.1 ...), each also in Thai digits (as many reports print
    them), long enough not to be found everywhere."""
    pieces = []
    for cell in sorted(evidence.split(" | "), key=len, reverse=True):
        words = re.sub(r"^[\d.\s]+", "", cell).strip()
        piece = (words if len(words) >= 4 else cell.strip())[:40]
        if len(piece) >= 4:
            pieces += [piece] + ([piece.translate(THAI_DIGITS)] if re.search(r"\d", piece) else [])
    return pieces[:6]


def find_text(pdf_page, evidence: str) -> Optional[tuple]:
    """The box (x0 top x1 bottom, from the page's top-left) of the evidence's first piece that
    the page's text layer holds, or None (a scan, shaped text: the page's top is shown)."""
    height = pdf_page.get_height()
    textpage = pdf_page.get_textpage()
    try:
        for piece in _pieces(evidence):
            found = textpage.search(piece, match_case=False).get_next()
            if found:
                index, count = found
                boxes = [textpage.get_charbox(i) for i in (index, index + count - 1)]
                left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
                return (left, height - max(b[3] for b in boxes), right, height - min(b[1] for b in boxes))
    finally:
        textpage.close()
    return None


def _is_pdf(path: Path) -> bool:
    with open(path, "rb") as fh:
        return b"%PDF-" in fh.read(1024)  # the header may follow a few junk bytes


def parse_bbox(text: str) -> Optional[tuple]:
    """flags.csv's bbox cell ("x0 top x1 bottom", points from the page's top-left) or None."""
    try:
        values = tuple(float(v) for v in text.split())
    except (AttributeError, ValueError):
        return None
    return values if len(values) == 4 else None
