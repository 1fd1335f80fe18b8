"""Make samples/ (real PDF and HTML reports) and their gold answers in tests/gold/.

    pip install -e '.[samples]'   # reportlab, fpdf2, fontpkg-sarabun
    python scripts/make_samples.py

Producers: reportlab (platypus, drawn checkboxes), fpdf2 (checkbox glyphs from DejaVu Sans,
Debian's fonts-dejavu-core), headless Chromium's print-to-PDF (Debian's chromium), LibreOffice
Writer's PDF export (Debian's libreoffice-writer-nogui), a scan (poppler-utils), and HTML in
four styles and encodings. The text is Sarabun, the
government's standard face. Thai has no spaces between words, so lines are wrapped here at
word boundaries found by pythainlp and measured with the font's real widths, as a word
processor would.

Gold files are written from the specs in sample_specs.py, never from the pipeline's output.
Also writes tests/data/bad/: inputs that must fail cleanly.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import os
import quopri
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fontpkg_sarabun  # noqa: E402
from pythainlp.tokenize import word_tokenize  # noqa: E402

from thaikpi.pipeline.text import COMBINING_MARKS, NON_WORD_MIN_THAI, is_list_marker_start  # noqa: E402
from sample_specs import SAMPLES, SCORE_HEADER  # noqa: E402

SAMPLES_DIR = ROOT / "samples"
GOLD_DIR = ROOT / "tests" / "gold"
BAD_DIR = ROOT / "tests" / "data" / "bad"
FONT_DIR = Path(fontpkg_sarabun.__file__).parent / "files"
SARABUN = FONT_DIR / "Sarabun-Regular.ttf"
SARABUN_BOLD = FONT_DIR / "Sarabun-Bold.ttf"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_THAI = str.maketrans("0123456789", THAI_DIGITS)
INDENT_PT = 24
FONT_SIZE = 12
LINE_HEIGHT = 17


# --- the truth, and how a document writes it ------------------------------------------------

def arabic(text: str) -> str:
    return text.translate(_ARABIC)


def num(spec: dict, n) -> str:
    """A number as the document writes it."""
    return str(n).translate(_THAI) if spec.get("digits") == "thai" else str(n)


def damaged(spec: dict, section: str, text: str) -> str:
    """The text as the file's glyph layer gives it: damage the spec plants in a section."""
    if spec.get("damage", {}).get(section) == "decomposed_sara_am":
        text = re.sub("([\u0e48-\u0e4b])\u0e33", "\u0e4d\\1\u0e32", text)
        return text.replace("\u0e33", "\u0e4d\u0e32")
    return text


def is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4f"


def wrap(text: str, width: float, measure, first_width: float | None = None) -> list[str]:
    """Greedy line breaking at the last legal break before the line is full.

    Legal breaks: between two Thai words (no space is left: Thai writes none), and at a space
    that does not stand between two Thai letters (the space is dropped). Breaks a reader could
    not undo are never taken: at a space between two Thai words, or before anything that would
    look like a list marker at the start of a line. A run with no legal break overflows.
    """
    tokens = [t for t in word_tokenize(text, engine="newmm", keep_whitespace=True) if t]

    def legal(i: int) -> bool:
        """May a line start at tokens[i]?"""
        left, right = "".join(tokens[:i]), "".join(tokens[i:]).lstrip()
        if not left.strip() or not right or tokens[i].isspace():
            return False
        if is_list_marker_start(right) or right[0] in "ๆฯ":
            return False
        if left.endswith(" "):
            return not (is_thai_letter(left.rstrip()[-1]) and is_thai_letter(right[0]))
        return is_thai_letter(left[-1]) and is_thai_letter(right[0])

    lines: list[str] = []
    limit = first_width if first_width is not None else width
    start, last_break = 0, None
    for i in range(len(tokens)):
        if i > start and legal(i):
            last_break = i
        if measure("".join(tokens[start:i + 1]).strip()) > limit and last_break is not None:
            lines.append("".join(tokens[start:last_break]).strip())
            start, limit = last_break, width
            last_break = None
            for j in range(start + 1, i + 1):
                if legal(j):
                    last_break = j
    if "".join(tokens[start:]).strip():
        lines.append("".join(tokens[start:]).strip())
    return lines


# Legacy Thai fonts (TH SarabunPSK, Angsana) put upper vowels and tone marks at Windows PUA
# code points; a PDF made with one extracts them as PUA characters.
LEGACY_PUA = {"\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704",
              "\u0e48": "\uf70a", "\u0e49": "\uf70b", "\u0e4a": "\uf70c", "\u0e4b": "\uf70d",
              "\u0e4c": "\uf70e"}


def legacy_text(text: str) -> str:
    return text.translate(str.maketrans(LEGACY_PUA))


def lost_nikhahit_text(text: str) -> str:
    """How a font that maps its NIKHAHIT glyph to a space writes Thai: ำ as <space>า (a tone
    in between if there is one), real spaces as another space character (U+2008: fpdf2 turns
    NBSP back into a plain space in table cells)."""
    text = text.replace(" ", "\u2008")
    text = re.sub("([\u0e48-\u0e4b])\u0e33", " \\1\u0e32", text)
    return text.replace("\u0e33", " \u0e32")


def lost_nikhahit_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face whose space draws the NIKHAHIT glyph (zero advance) and whose
    U+2008 draws the space: the page shows คำนำ, its text layer says 'ค าน า'."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for table in font["cmap"].tables:
        if table.isUnicode():
            space, nikhahit = table.cmap[0x20], table.cmap[0x0E4D]
            table.cmap[0x2008] = space
            table.cmap[0x20] = nikhahit
    font.save(str(target))
    return target


def legacy_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face whose cmap also maps the PUA code points to the marks' glyphs."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for table in font["cmap"].tables:
        if table.isUnicode():
            for real, pua in LEGACY_PUA.items():
                if ord(real) in table.cmap:
                    table.cmap[ord(pua)] = table.cmap[ord(real)]
    font["name"].setName("SarabunLegacyPUA", 1, 3, 1, 0x409)
    font.save(str(target))
    return target


# A producer that breaks a line's glyph run inside words (justification, kerning, an editor's
# style runs) leaves a gap there: the text layer reads a space inside the word.
SPLIT_GAP = 3.0  # points between the pieces of a split run
SPLIT_EVERY = 3  # one known word in this many (of 4+ letters) is split
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def split_runs(line: str) -> list[str]:
    """The pieces a line is drawn in: some known words of four letters or more split between
    two clusters, where the next cluster starts with a consonant (as "สถิ ติภั ยคุ กคาม" in the
    Royal Gazette's layer). Names and other words in no word list are never split: no rule
    could tell them from two words, and the gold is what the page shows."""
    from pythainlp.corpus import thai_words
    known = thai_words()
    pieces, current, count = [], "", 0
    for word in word_tokenize(line, engine="newmm", keep_whitespace=True):
        letters = sum(1 for ch in word if "\u0e01" <= ch <= "\u0e2e")
        cut = None
        if word in known and letters >= 4:
            count += 1
            if count % SPLIT_EVERY == 0:
                # the first legal cut past the word's middle
                for i in range(len(word) // 2, len(word) - 1):
                    if "\u0e01" <= word[i] <= "\u0e2e" and word[i - 1] not in _LEADING_VOWELS:
                        cut = i
                        break
        if cut is None:
            current += word
        else:
            pieces.append(current + word[:cut])
            current = word[cut:]
    pieces.append(current)
    return [piece for piece in pieces if piece]


# A font whose cmap sends each consonant's code point to another consonant's glyph, so the
# page shows Thai and its text layer says other letters: the non-words of a broken legacy
# encoding (the Royal Gazette's layer is of this kind). Not repairable: the page is flagged.
_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
GARBLE_SHIFT = 7


def garbled_text(text: str) -> str:
    n = len(_CONSONANTS)
    return text.translate({ord(c): _CONSONANTS[(i + GARBLE_SHIFT) % n] for i, c in enumerate(_CONSONANTS)})


def garbled_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face where the code point garbled_text writes for a consonant
    draws that consonant."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for table in font["cmap"].tables:
        if table.isUnicode():
            glyphs = {c: table.cmap.get(ord(c)) for c in _CONSONANTS}
            for c in _CONSONANTS:
                if glyphs[c]:
                    table.cmap[ord(garbled_text(c))] = glyphs[c]
    font.save(str(target))
    return target


# --- gold -----------------------------------------------------------------------------------

def _number(text: str):
    text = arabic(text).replace(",", "")
    m = re.search(r"-?\d+(?:\.\d+)?", text)
    return float(m.group(0)) if m else None


def gold_for(spec: dict, fmt: str, pages: int, score_page: int) -> dict:
    steps = []
    for step in spec["steps"]:
        paragraphs = list(step[1]) + (list(step[2]) if len(step) > 2 else [])
        steps.append({"step": step[0], "text": arabic("\n".join(paragraphs))})
    criteria = []
    if spec.get("criteria"):
        values = spec.get("criteria_values") or list(range(1, 6))
        criteria = [{"level": i + 1, "text": arabic(t), "value": float(values[i])}
                    for i, t in enumerate(spec["criteria"])]
    rows = []
    # A score table broken across pages: the rows after the break are on the next page.
    broken_after = spec.get("score_break_after", len(spec["score_rows"]))
    row_pages = [score_page + (i >= broken_after) for i in range(len(spec["score_rows"]))]
    for row, row_page in zip(spec["score_rows"], row_pages):
        label, weight, performance, score, weighted = row["cells"]
        rows.append({
            "label": arabic(row.get("label", label)), "is_total": row.get("is_total", False),
            "weight": _number(weight), "performance_text": arabic(performance) or None,
            "performance_value": row["performance_value"], "score": _number(score),
            "weighted_score": _number(weighted), "score_recomputed": row["score_recomputed"],
            "weighted_score_recomputed": row["weighted_score_recomputed"], "page": row_page,
        })

    def items(key):
        inline = spec.get(key + "_inline")
        values = [inline] if inline else spec.get(key, [])
        return [arabic(v) for v in values if v and v != "-"]

    indicator = {
        "code": spec["code"], "name": arabic(spec["name"]), "name_raw": spec["name"],
        "supervisors": [arabic(p) for p in spec["supervisors"]],
        "data_collectors": [arabic(p) for p in spec["data_collectors"]],
        "phones": [arabic(p) for p in spec["supervisor_phones"] + spec["collector_phones"]],
        "description": arabic("\n".join(spec["description"])),
        "steps": steps, "criteria": criteria, "criteria_kind": spec["criteria_kind"],
        "score_rows": rows,
        "measures": items("measures"), "support_factors": items("support_factors"),
        "obstacles": items("obstacles"), "suggestions": items("suggestions"),
        "evidence": [{"text": arabic(t), "doc_refs": refs, "dates": dates}
                     for t, refs, dates in spec["evidence"]],
        "note": arabic(spec["note"]) if spec.get("note") else None,
        "conditions": arabic(spec["conditions"]) if spec.get("conditions") else None,
    }
    checked = [m for m, c in spec["rounds"] if c]
    return {
        "format": fmt, "kind": "kpi_report", "status": "ok", "error": None, "pages": pages,
        "fiscal_year_be": spec["fiscal_year_be"], "fiscal_year": spec["fiscal_year_be"] - 543,
        "round_months": checked[0] if len(checked) == 1 else None,
        "indicators": [indicator],
        "flags": [{"check": f["check"], "indicator_code": f["indicator_code"],
                   "reported": f["reported"], "expected": f["expected"], "page": row_pages[f["row"]]}
                  for f in spec["flags"]],
    }


# --- what every producer lays out -----------------------------------------------------------

def header_cells(spec: dict) -> tuple[str, list[str], list[str], str, str]:
    label = spec.get("code_label", "ชื่อตัวชี้วัด")
    name = f"{label} : {spec['code_written']} {spec['name']}"
    numbered = spec.get("numbered_people", True)

    def people(title, persons):
        if numbered:
            return [f"{title} : {num(spec, 1)}. {persons[0]}"] + [
                f"{num(spec, i + 1)}. {p}" for i, p in enumerate(persons) if i > 0]
        return [f"{title} : {persons[0]}"] + persons[1:]

    return (name, people("ผู้กำกับดูแลตัวชี้วัด", spec["supervisors"]),
            people("ผู้จัดเก็บข้อมูล", spec["data_collectors"]),
            "โทรศัพท์ : " + " , ".join(spec["supervisor_phones"]),
            "โทรศัพท์ : " + " , ".join(spec["collector_phones"]))


def list_paragraphs(spec: dict, key: str) -> list[str]:
    numbers = spec.get(key + "_numbers") or range(1, len(spec.get(key, [])) + 1)
    values = spec.get(key, [])
    texts = [v[0] if isinstance(v, tuple) else v for v in values]
    if texts == ["-"]:
        return ["-"]
    return [damaged(spec, key, f"{num(spec, n)}. {t}") for n, t in zip(numbers, texts)]


LIST_SECTIONS = (
    ("measures", "คำชี้แจงการปฏิบัติงาน/มาตรการที่ได้ดำเนินการ :"),
    ("support_factors", "ปัจจัยสนับสนุนต่อการดำเนินงาน :"),
    ("obstacles", "อุปสรรคต่อการดำเนินงาน :"),
    ("suggestions", "ข้อเสนอแนะสำหรับการดำเนินงานในปีต่อไป :"),
    ("evidence", "หลักฐานอ้างอิง :"),
)


def criteria_rows(spec: dict) -> list[list[str]]:
    return [[f"ระดับ {num(spec, i)}" for i in range(1, 6)], list(spec["criteria"])]


def score_header(spec: dict) -> tuple[str, ...]:
    return spec.get("score_header", SCORE_HEADER)


# A score header in two rows with merged cells (spec key merged_score_header), as many
# reports draw it: the first three labels span both rows, "ค่าคะแนน" spans the two score
# columns over "ที่ได้" and "ถ่วงน้ำหนัก". {(row, column): span}; a cell under a span is "".
MERGED_SCORE_HEADER = (("ตัวชี้วัด/ข้อมูลพื้นฐานประกอบตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ผลการดำเนินงาน", "ค่าคะแนน", ""),
                       ("", "", "", "ที่ได้", "ถ่วงน้ำหนัก"))
MERGED_SCORE_SPANS = {(0, 0): {"rowspan": 2}, (0, 1): {"rowspan": 2}, (0, 2): {"rowspan": 2}, (0, 3): {"colspan": 2}}

TAB_STOP = 36  # points: a word processor's default tab stops (half an inch)
TAB_MIN_GAP = 6  # points: a tab that would land closer than this goes on to the next stop


def tab_lines(rows: list[list[str]], measure, width: float) -> list[list[tuple[float, str]]]:
    """A table flattened to tab-separated lines: each row one line of (x, text) pieces; a last
    cell too long for the line wraps back to the margin, as a word processor wraps it."""
    out = []
    for row in rows:
        xs = tab_positions(row, measure)
        pieces = [(x, cell) for x, cell in zip(xs, row) if cell]
        x, last = pieces[-1]
        if x + measure(last) > width:
            wrapped = wrap(last, width, measure, first_width=width - x)
            out.append(pieces[:-1] + [(x, wrapped[0])])
            out.extend([(0.0, line)] for line in wrapped[1:])
        else:
            out.append(pieces)
    return out


def tab_positions(cells: list[str], measure) -> list[float]:
    """Where each cell of a tab-separated line starts: at the next default tab stop after the
    text before it, as a word processor sets it. Cells that overflow a stop push the rest of
    the line on, so the columns of a flattened table do not line up."""
    xs, x = [], 0.0
    for i, cell in enumerate(cells):
        if i:
            x = math.ceil((x + TAB_MIN_GAP) / TAB_STOP) * TAB_STOP
        xs.append(x)
        x += measure(cell)
    return xs


# --- reportlab ------------------------------------------------------------------------------

def lines_flowable(lines: list[str], font: str, indent: float, *, size: float = FONT_SIZE,
          leading: float = LINE_HEIGHT, overprint: bool = False, tag=None):
    """A reportlab flowable of lines already broken by wrap(), drawn as they are (Paragraph
    would re-break them); the first line indented. A line may also be a list of (x, text)
    pieces (tab-separated cells). `tag` tells afterFlowable where it fell."""
    from reportlab.platypus import Flowable

    class _Lines(Flowable):
        def wrap(self, avail_width, avail_height):
            return avail_width, leading * len(lines) + 2

        def draw(self):
            self.canv.setFont(font, size)
            y = leading * len(lines) - size + 2
            for i, line in enumerate(lines):
                pieces = [(indent if i == 0 else 0, line)] if isinstance(line, str) else line
                for x, text in pieces:
                    self.canv.drawString(x, y, text)
                    if overprint:
                        self.canv.drawString(x + 0.3, y, text)
                y -= leading

    flowable = _Lines()
    flowable.thaikpi_tag = tag
    return flowable


def make_reportlab(spec: dict, path: Path) -> tuple[int, int]:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Flowable, KeepTogether, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

    damage = spec.get("damage", {})
    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    pdfmetrics.registerFont(TTFont("Sarabun-Bold", str(SARABUN_BOLD)))
    fake_bold = damage.get("headings") == "fake_bold"
    margin = 56
    frame_width = A4[0] - 2 * margin

    def measure(font, size=FONT_SIZE):
        return lambda s: pdfmetrics.stringWidth(s, font, size)

    bold = None

    def paragraphs(texts: list[str], width: float, style=None, font="Sarabun") -> list:
        out = []
        for i, text in enumerate(texts):
            indent = 0 if is_list_marker_start(text) or i == 0 else INDENT_PT
            lines = wrap(text, width - 6, measure(font), first_width=width - 6 - indent)
            if font != "Sarabun":
                out.append(Spacer(1, 4))
            # Fake bold, as some word processors print headings: every line drawn twice.
            out.append(lines_flowable(lines, font, indent, overprint=fake_bold and font != "Sarabun"))
        return out

    class Checkboxes(Flowable):
        """"☐ รอบ 9 เดือน ☑ รอบ 12 เดือน", the boxes drawn as rectangles (a cross when checked)."""

        def __init__(self, rounds):
            super().__init__()
            self.rounds = rounds

        def wrap(self, *args):
            return frame_width, LINE_HEIGHT + 4

        def draw(self):
            c = self.canv
            x = 0
            for months, checked in self.rounds:
                if spec.get("checkboxes") == "symbol_font":
                    # reportlab's own form boxes: ZapfDingbats, not embedded, whose codes
                    # are Latin letters ("4" is ✔, "q" is ❑)
                    c.setFont("ZapfDingbats", FONT_SIZE)
                    c.drawString(x, 3, "✔" if checked else "❑")
                else:
                    c.setLineWidth(0.8)
                    c.rect(x, 2, 9, 9, stroke=1, fill=0)
                    if checked:
                        c.line(x + 1.5, 3.5, x + 7.5, 9.5)
                        c.line(x + 1.5, 9.5, x + 7.5, 3.5)
                c.setFont("Sarabun", FONT_SIZE)
                label = f"รอบ {num(spec, months)} เดือน"
                c.drawString(x + 14, 3, label)
                x += 14 + pdfmetrics.stringWidth(label, "Sarabun", FONT_SIZE) + 30

    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), "Sarabun")])

    def table(rows: list[list[list]], widths: list[float], spans=(), repeat=1, ruled=True):
        t = Table(rows, colWidths=widths, repeatRows=repeat)
        style = TableStyle(grid.getCommands() if ruled else [("VALIGN", (0, 0), (-1, -1), "TOP")])
        for span in spans:
            style.add("SPAN", *span)
        t.setStyle(style)
        return t

    story: list = []
    for title in spec["titles"]:
        story += paragraphs([title], frame_width, bold, "Sarabun-Bold")
    story.append(Checkboxes(spec["rounds"]))
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    half = frame_width / 2
    story.append(table([
        [paragraphs([name], frame_width - 12), ""],
        [paragraphs(supervisors, half - 12), paragraphs(collectors, half - 12)],
        [paragraphs([phone1], half - 12), paragraphs([phone2], half - 12)],
    ], [half, half], spans=[((0, 0), (1, 0))], repeat=0))
    story += paragraphs(["คำอธิบาย :"], frame_width, bold, "Sarabun-Bold")
    story += paragraphs(spec["description"], frame_width)
    story += paragraphs(["ข้อมูลผลการดำเนินงาน :"], frame_width, bold, "Sarabun-Bold")
    # Many reports align their tables in columns with no rules at all; some flatten them to
    # tab-separated lines.
    ruled = spec.get("tables") not in ("unruled", "tab_flattened")
    flattened = spec.get("tables") == "tab_flattened"

    def flat(rows: list[list[str]], size=10):
        """Tab-separated lines, in the smaller type reports set their tables in."""
        return lines_flowable(tab_lines(rows, measure("Sarabun", size), frame_width - 6), "Sarabun", 0,
                              size=size, leading=size + 4)

    first, second = 70, frame_width - 70
    if flattened:
        story.append(flat([list(spec["steps_header"])] + [[num(spec, s[0]), " ".join(s[1])] for s in spec["steps"]]))
    else:
        rows = [[paragraphs([spec["steps_header"][0]], first - 12), paragraphs([spec["steps_header"][1]], second - 12)]]
        for step in spec["steps"]:
            rows.append([paragraphs([num(spec, step[0])], first - 12), paragraphs(step[1], second - 12)])
            if len(step) > 2:
                rows.append(["", paragraphs(step[2], second - 12)])
        story.append(table(rows, [first, second], ruled=ruled))
    if spec.get("conditions"):
        story += paragraphs(["เงื่อนไข : " + spec["conditions"]], frame_width)
    if spec.get("criteria"):
        story += paragraphs(["เกณฑ์การให้คะแนน :"], frame_width, bold, "Sarabun-Bold")
        w = frame_width / 5
        story.append(flat(criteria_rows(spec)) if flattened else
                     table([[paragraphs([c], w - 12) for c in row] for row in criteria_rows(spec)], [w] * 5, ruled=ruled))
    widths = [frame_width - 4 * 92, 92, 92, 92, 92]
    heading = paragraphs(["การคำนวณคะแนนจากผลการดำเนินงาน :" + spec.get("score_label_suffix", "")],
                         frame_width, bold, "Sarabun-Bold")
    if flattened:
        score_table = flat([list(score_header(spec))] + [list(r["cells"]) for r in spec["score_rows"]])
        score_table.thaikpi_tag = "score"
        story.append(KeepTogether(heading + [score_table]))
    else:
        score_rows = [[paragraphs([h], w - 12) for h, w in zip(score_header(spec), widths)]]
        score_rows += [[paragraphs([c], w - 12) if c else "" for c, w in zip(r["cells"], widths)] for r in spec["score_rows"]]
        # A table broken across pages with no header repeated: its rows go on under the next page's top.
        split = 1 + spec.get("score_break_after", len(score_rows))  # the header row comes first
        head, rest = score_rows[:split], score_rows[split:]
        score_table = table(head, widths, ruled=ruled)
        score_table.thaikpi_tag = "score"
        story.append(KeepTogether(heading + [score_table]))
        if rest:
            story += [PageBreak(), table(rest, widths, repeat=0, ruled=ruled)]
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            story += paragraphs([f"{label} {inline}"], frame_width)
        elif spec.get(key):
            story += paragraphs([label], frame_width, bold, "Sarabun-Bold")
            story += paragraphs(list_paragraphs(spec, key), frame_width)
    if spec.get("note"):
        story += paragraphs(["หมายเหตุ : " + spec["note"]], frame_width)
    story.append(Spacer(1, 6))

    pages = {}

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if getattr(flowable, "thaikpi_tag", None):
                pages.setdefault(flowable.thaikpi_tag, self.page)

    doc = Doc(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
              bottomMargin=margin, invariant=1, title=spec["slug"], author="thaikpi samples",
              creator="thaikpi make_samples (reportlab)", encrypt=owner_lock(spec))
    doc.build(story)
    return doc.page, pages["score"]


def owner_lock(spec: dict):
    """An owner password forbidding copying and editing, and no user password, as agencies lock
    the PDFs they publish: every reader opens the file, its streams encrypted (RC4, 128 bits)."""
    if not spec.get("owner_locked"):
        return None
    from reportlab.lib.pdfencrypt import StandardEncryption
    return StandardEncryption("", ownerPassword="thaikpi-owner", canPrint=1, canModify=0, canCopy=0,
                              canAnnotate=0, strength=128)


# --- fpdf2 ----------------------------------------------------------------------------------

def make_fpdf2(spec: dict, path: Path) -> tuple[int, int]:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Report(FPDF):
        def header(self):
            # Page numbers at the top from page 2 on ("- 2 -"), as Thai government documents
            # print them: a line inside whatever table runs across the break.
            if spec.get("page_numbers") and self.page_no() > 1:
                self.set_font("Sarabun", "", FONT_SIZE)
                self.set_y(24)
                self.cell(0, LINE_HEIGHT, written(f"- {num(spec, self.page_no())} -"), align="C")
                self.set_y(self.t_margin)

    pdf = Report(unit="pt", format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator("thaikpi make_samples (fpdf2)")
    pdf.set_margins(56, 56, 56)
    pdf.set_auto_page_break(True, 56)
    # A legacy-encoded font (PUA tone marks) if the spec plants one: fpdf2 maps each glyph to
    # the character drawn, so the PDF's text layer carries the PUA code points, as TH
    # SarabunPSK documents do.
    damage = spec.get("damage", {}).get("text")
    regular, bold = SARABUN, SARABUN_BOLD
    written = lambda t: t  # noqa: E731
    if damage in ("legacy_pua", "lost_nikhahit", "garbled_font"):
        tmp = Path(tempfile.mkdtemp(prefix="thaikpi-fonts-"))
        make_font, written = {"legacy_pua": (legacy_font, legacy_text),
                              "lost_nikhahit": (lost_nikhahit_font, lost_nikhahit_text),
                              "garbled_font": (garbled_font, garbled_text)}[damage]
        regular, bold = make_font(SARABUN, tmp / "regular.ttf"), make_font(SARABUN_BOLD, tmp / "bold.ttf")
    pdf.add_font("Sarabun", "", str(regular))
    pdf.add_font("Sarabun", "B", str(bold))
    if damage == "shaped":
        # HarfBuzz shaping (uharfbuzz), as Word does: marks are positioned glyphs whose x can
        # fall past the next letter's, and SARA AM splits into glyphs, one with no Unicode.
        pdf.set_text_shaping(True)
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.add_page()
    pdf.set_font("Sarabun", size=FONT_SIZE)
    width = pdf.epw

    def measure(style=""):
        def m(s):
            pdf.set_font("Sarabun", style, FONT_SIZE)
            return pdf.get_string_width(s)
        return m

    def text(paragraphs: list[str], style=""):
        for i, para in enumerate(paragraphs):
            indent = 0 if is_list_marker_start(para) or i == 0 else INDENT_PT
            lines = wrap(para, width - 4, measure(style), first_width=width - 4 - indent)
            pdf.set_font("Sarabun", style, FONT_SIZE)
            for j, line in enumerate(lines):
                pdf.set_x(pdf.l_margin + (indent if j == 0 else 0))
                if damage != "split_runs":
                    pdf.cell(0, LINE_HEIGHT, written(line), new_x="LMARGIN", new_y="NEXT")
                    continue
                for piece in split_runs(line):
                    x, piece_width = pdf.get_x(), measure(style)(piece)
                    pdf.cell(piece_width, LINE_HEIGHT, piece)
                    pdf.set_x(x + piece_width + SPLIT_GAP)
                pdf.ln(LINE_HEIGHT)

    def cell_text(paragraphs: list[str], w: float) -> str:
        out = []
        for i, para in enumerate(paragraphs):
            indent = "\u00a0" * 8 if not is_list_marker_start(para) and i > 0 else ""
            lines = wrap(para, w - 24, measure(), first_width=w - 24 - measure()(indent))
            lines[0] = indent + lines[0]
            out.extend(lines)
        return written("\n".join(out))

    # How the data tables are ruled: all rules, rules between rows only, or none.
    borders = {"horizontal_rules": "HORIZONTAL_LINES", "unruled": "NONE"}.get(spec.get("tables"), "ALL")
    repeat = 0 if spec.get("header_repeated") is False else 1

    def table(rows: list[list[str]], widths: list[float], headings=1, borders="ALL", spans=None):
        """spans: {(row, column): {"rowspan": n} or {"colspan": n}}; a cell under a span is None."""
        pdf.set_font("Sarabun", "", FONT_SIZE)
        with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", text_align="LEFT",
                       line_height=LINE_HEIGHT, first_row_as_headings=headings > 0, num_heading_rows=max(headings, 1),
                       repeat_headings=repeat if headings else 0, borders_layout=borders,
                       headings_style=FontFace(emphasis=None), padding=4) as t:
            for i, row in enumerate(rows):
                r = t.row()
                for j, value in enumerate(row):
                    if value is not None:
                        r.cell(value, **(spans or {}).get((i, j), {}))

    for title in spec["titles"]:
        text([title], "B")
    # Checkbox glyphs from DejaVu Sans (Sarabun has none), labels in Sarabun.
    pdf.set_x(pdf.l_margin)
    for months, checked in spec["rounds"]:
        pdf.set_font("DejaVu", "", FONT_SIZE)
        pdf.cell(pdf.get_string_width("☑ "), LINE_HEIGHT, ("☑" if checked else "☐") + " ")
        pdf.set_font("Sarabun", "", FONT_SIZE)
        label = f"รอบ {num(spec, months)} เดือน"
        pdf.cell(pdf.get_string_width(label) + 30, LINE_HEIGHT, written(label))
    pdf.ln(LINE_HEIGHT + 4)
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    half = width / 2
    table([[cell_text([name], width)]], [width], headings=0)
    table([[cell_text(supervisors, half), cell_text(collectors, half)],
           [cell_text([phone1], half), cell_text([phone2], half)]], [half, half], headings=0)
    text(["คำอธิบาย :"], "B")
    text(spec["description"])
    text(["ข้อมูลผลการดำเนินงาน :"], "B")
    first, second = 70, width - 70
    rows = [[written(spec["steps_header"][0]), cell_text([spec["steps_header"][1]], second)]]
    for step in spec["steps"]:
        rows.append([num(spec, step[0]), cell_text(step[1], second)])
        if len(step) > 2:
            rows.append(["", cell_text(step[2], second)])
    table(rows, [first, second], borders=borders)
    if spec.get("conditions"):
        text(["เงื่อนไข : " + spec["conditions"]])
    if spec.get("criteria"):
        text(["เกณฑ์การให้คะแนน :"], "B")
        table([[cell_text([c], width / 5) for c in row] for row in criteria_rows(spec)], [width / 5] * 5, borders=borders)
    if pdf.get_y() > pdf.h - 250:  # keep the score table on one page, with its heading
        pdf.add_page()
    text(["การคำนวณคะแนนจากผลการดำเนินงาน :" + spec.get("score_label_suffix", "")], "B")
    score_page = pdf.page_no()
    widths = [width - 4 * 92, 92, 92, 92, 92]
    if spec.get("merged_score_header"):
        rows = [[cell_text([h], w) if h else None for h, w in zip(row, widths)] for row in MERGED_SCORE_HEADER]
        spans = MERGED_SCORE_SPANS
    else:
        rows, spans = [[cell_text([h], w) for h, w in zip(score_header(spec), widths)]], None
    rows += [[cell_text([c], w) if c else "" for c, w in zip(r["cells"], widths)] for r in spec["score_rows"]]
    table(rows, widths, headings=len(rows) - len(spec["score_rows"]), borders=borders, spans=spans)
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            text([f"{label} {inline}"])
        elif spec.get(key):
            text([label], "B")
            text(list_paragraphs(spec, key))
    if spec.get("note"):
        text(["หมายเหตุ : " + spec["note"]])
    pdf.output(str(path))
    return pdf.pages_count, score_page


# --- HTML -----------------------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=False)


def ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in paragraphs)


def checkbox_html(spec: dict) -> str:
    style = spec.get("checkboxes")
    if style == "unicode":
        box = lambda checked: "☑" if checked else "☐"
    elif style == "symbol_font":
        # Word's "Save as Web Page": a Wingdings letter in a span naming the symbol font
        # (its "þ" is ☑, "¨" is ☐)
        box = lambda checked: ("<span style='font-family:Wingdings;mso-ascii-font-family:\"TH SarabunPSK\";"
                               "mso-char-type:symbol;mso-symbol-font-family:Wingdings'>"
                               f"{'þ' if checked else '¨'}</span>")
    else:
        box = lambda checked: f'<input type="checkbox"{" checked" if checked else ""}>'
    return "<br>".join(f"{box(c)} รอบ {num(spec, m)} เดือน" for m, c in spec["rounds"])


def data_table(rows: list[list[str]], header=True, spans=None, header_rows=1, border=1) -> str:
    """spans: {(row, column): {"rowspan"/"colspan": n}}; cells under a span are left out."""
    out = [f'<table border="{border}" cellspacing="0" cellpadding="3">']
    covered = set()
    for (i, j), span in (spans or {}).items():
        covered |= {(i + di, j + dj) for di in range(span.get("rowspan", 1))
                    for dj in range(span.get("colspan", 1))} - {(i, j)}
    for i, row in enumerate(rows):
        tag = "th" if header and i < header_rows else "td"
        cells = []
        for j, c in enumerate(row):
            if (i, j) not in covered:
                attrs = "".join(f' {k}="{v}"' for k, v in (spans or {}).get((i, j), {}).items())
                cells.append(f"<{tag}{attrs}>{c}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def flattened_table(rows: list[list[str]]) -> str:
    """A table as tab-separated lines of its cells' text, in a <pre>."""
    flat = "\n".join("\t".join(" ".join(re.sub("<[^>]+>", " ", c).split()) for c in r) for r in rows)
    return f"<pre>{flat}</pre>"


def spec_table(spec: dict, rows: list[list[str]]) -> str:
    """A data table as the spec draws it: a table, or lines of tab-separated cells."""
    if spec.get("tables") == "tab_flattened":
        return flattened_table(rows)
    return data_table(rows, border=0 if spec.get("tables") == "unruled" else 1)


def steps_rows(spec: dict) -> list[list[str]]:
    rows = [[esc(spec["steps_header"][0]), esc(spec["steps_header"][1])]]
    for step in spec["steps"]:
        rows.append([num(spec, step[0]), ps(step[1])])
        if len(step) > 2:
            rows.append(["", ps(step[2])])
    return rows


def tail_html(spec: dict) -> str:
    """Score table and list sections, as plain blocks after the report's header."""
    out = [f"<p><b>การคำนวณคะแนนจากผลการดำเนินงาน :{esc(spec.get('score_label_suffix', ''))}</b></p>"]
    body = [[esc(c) for c in r["cells"]] for r in spec["score_rows"]]
    if spec.get("merged_score_header"):
        out.append(data_table([[esc(h) for h in row] for row in MERGED_SCORE_HEADER] + body,
                              spans=MERGED_SCORE_SPANS, header_rows=2))
    else:
        out.append(spec_table(spec, [[esc(h) for h in score_header(spec)]] + body))
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            out.append(f"<p><b>{esc(label)}</b> {esc(inline)}</p>")
        elif spec.get(key):
            out.append(f"<p><b>{esc(label)}</b></p>" + ps(list_paragraphs(spec, key)))
    if spec.get("note"):
        out.append(f"<p>หมายเหตุ : {esc(spec['note'])}</p>")
    return "\n".join(out)


def html_plain(spec: dict) -> str:
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    parts = [f"<h2>{esc(t)}</h2>" for t in spec["titles"]]
    parts.append(f"<p>{checkbox_html(spec)}</p>")
    parts.append(data_table([[f'<span class="label">{esc(name.split(" : ")[0])}</span> : <b>{esc(name.split(" : ", 1)[1])}</b>', ""],
                             [ps(supervisors), ps(collectors)], [esc(phone1), esc(phone2)]], header=False))
    parts.append("<p><b>คำอธิบาย :</b></p>" + ps(spec["description"]))
    parts.append("<p><b>ข้อมูลผลการดำเนินงาน :</b></p>" + spec_table(spec, steps_rows(spec)))
    if spec.get("conditions"):
        parts.append(f"<p>เงื่อนไข : {esc(spec['conditions'])}</p>")
    if spec.get("criteria"):
        parts.append("<p><b>เกณฑ์การให้คะแนน :</b></p>" + spec_table(spec, [[esc(c) for c in r] for r in criteria_rows(spec)]))
    parts.append(tail_html(spec))
    return "\n".join(parts)


def html_flat(spec: dict) -> str:
    """Seed 002's shape: the whole report one three-column table, the score table after it."""
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    rows = [[esc(" ".join(spec["titles"])), "", checkbox_html(spec)], [esc(name), "", ""],
            [esc(" ".join(supervisors)), esc(" ".join(collectors)), ""], [esc(phone1), esc(phone2), ""],
            ["คำอธิบาย : " + ps(spec["description"]), "", ""], ["ข้อมูลผลการดำเนินงาน :", "", ""]]
    html_rows = ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    html_rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in steps_rows(spec)[0]) + "<td></td></tr>")
    for step in spec["steps"]:
        # A step whose text runs on in a second row: its number cell spans both (rowspan).
        span = ' rowspan="2"' if len(step) > 2 else ""
        html_rows.append(f"<tr><td{span}>{num(spec, step[0])}</td><td>{ps(step[1])}</td><td></td></tr>")
        if len(step) > 2:
            html_rows.append(f"<tr><td>{ps(step[2])}</td><td></td></tr>")
    rows = []
    if spec.get("conditions"):
        rows.append([f"<p>เงื่อนไข : {esc(spec['conditions'])}</p>", "", ""])
    if spec.get("criteria"):
        rows.append(["เกณฑ์การให้คะแนน :", "", ""])
    html_rows += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    out = ['<table width="100%" border="1">', *html_rows, "</table>"]
    if spec.get("criteria"):
        out.append(data_table([[esc(c) for c in r] for r in criteria_rows(spec)]))
    out.append(tail_html(spec))
    return "\n".join(out)


def html_nested(spec: dict) -> str:
    """Seed 003's shape: a layout table whose cells hold the data tables."""
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    cells = [
        f"<td colspan=2>{ps(spec['titles'])}</td><td>{checkbox_html(spec)}</td>",
        f"<td colspan=3>{esc(name)}</td>",
        f"<td colspan=2>{esc(' '.join(supervisors))}</td><td>{esc(' '.join(collectors))}</td>",
        f"<td colspan=2>{esc(phone1)}</td><td>{esc(phone2)}</td>",
        f"<td colspan=3><p>คำอธิบาย :</p>{ps(spec['description'])}</td>",
        "<td colspan=3>ข้อมูลผลการดำเนินงาน :</td>",
        f"<td colspan=3>{data_table(steps_rows(spec))}</td>",
    ]
    if spec.get("conditions"):
        cells.append(f"<td colspan=3><p>เงื่อนไข : {esc(spec['conditions'])}</p></td>")
    if spec.get("criteria"):
        cells += ["<td colspan=3>เกณฑ์การให้คะแนน :</td>",
                  f"<td colspan=3>{data_table([[esc(c) for c in r] for r in criteria_rows(spec)])}</td>"]
    return '<table width="100%">' + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>\n" + tail_html(spec)


def html_nested_twice(spec: dict) -> str:
    """Seed 003 as its dump shows it: each data table, then the same table again, flattened to
    tab-separated lines (as some e-reporting systems print a table's text under it)."""
    page = html_nested(spec)
    for rows in (steps_rows(spec), [[esc(c) for c in r] for r in criteria_rows(spec)] if spec.get("criteria") else []):
        if not rows:
            continue
        table = data_table(rows)
        page = page.replace(table, table + flattened_table(rows), 1)
    return page


def make_html(spec: dict, path: Path, producer: str) -> tuple[int, int]:
    body = {"html-utf8": html_plain, "html-utf8-flat": html_flat, "html-cp874-declared": html_nested,
            "html-cp874-undeclared": html_plain, "html-utf8-twice": html_nested_twice,
            "html-mht": html_nested}[producer](spec)
    if producer == "html-mht":
        return make_mht(spec, body, path)
    if producer.startswith("html-cp874"):
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">' if "declared" in producer and "undeclared" not in producer else ""
        encoding = "cp874"
    else:
        meta, encoding = '<meta charset="utf-8">', "utf-8"
    # Site chrome around the report, as e-reporting systems print it.
    page = (f"<!DOCTYPE html>\n<html lang=\"th\"><head>{meta}<title>{esc(spec['slug'])}</title>"
            f"<style>td{{vertical-align:top}}</style><script>var x = 1;</script></head>\n<body>\n{body}\n</body></html>\n")
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
    return 1, 1


MHT_BOUNDARY = "----=_NextPart_000_0000_01C9A1B2.3C4D5E60"
GIF_1PX = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


def make_mht(spec: dict, body: str, path: Path) -> tuple[int, int]:
    """The report as Internet Explorer saved a page as a "Web Archive, single file" (.mht):
    mail headers, the page in windows-874 as quoted-printable (soft breaks every 76
    characters, inside words), then the site's logo as a base64 part."""
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f"<title>{esc(spec['slug'])}</title></head>\r\n<body>\r\n{body}\r\n</body></html>\r\n")
    encoded = quopri.encodestring(page.encode("cp874", errors="xmlcharrefreplace").replace(b"\n", b"\r\n"))
    where = f"http://www.example.go.th/kpi/{spec['slug']}"
    head = (f"From: <Saved by Windows Internet Explorer 8>\r\nSubject: {spec['slug']}\r\n"
            "Date: Tue, 15 Sep 2009 10:12:00 +0700\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{MHT_BOUNDARY}"\r\n'
            "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5579\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
            f"--{MHT_BOUNDARY}\r\n"
            'Content-Type: text/html;\r\n\tcharset="windows-874"\r\n'
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {where}.html\r\n\r\n")
    tail = (f"\r\n\r\n--{MHT_BOUNDARY}\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: {where}/logo.gif\r\n\r\n{GIF_1PX}\r\n\r\n--{MHT_BOUNDARY}--\r\n")
    path.write_bytes(head.encode("ascii") + encoded + tail.encode("ascii"))
    return 1, 1


# --- a browser's print-to-PDF -----------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer", "--allow-file-access-from-files"]


def make_chromium(spec: dict, path: Path) -> tuple[int, int]:
    """The report as an e-reporting system prints it: HTML through headless Chromium (Debian's
    chromium). Skia shapes the Thai: shaped glyphs map to U+0000 and the true text sits in
    /ActualText spans. A wide page keeps lines from wrapping: where Chromium wraps at a space
    between two Thai phrases, no reader can tell that space from a word boundary."""
    css = (f"@font-face{{font-family:Sarabun;src:url({SARABUN.as_uri()})}}"
           "@page{size:A3 landscape;margin:12mm} body{font-family:Sarabun;font-size:10pt}"
           "td{vertical-align:top}")
    page = f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head><body>{html_plain(spec)}</body></html>'
    with tempfile.TemporaryDirectory(prefix="thaikpi-chromium-") as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={path}",
                        source.as_uri()], check=True, capture_output=True, timeout=180)
    # Page facts for the gold come from poppler, which reads Chromium's ActualText exactly.
    pages = pdf_pages(path)
    return pages, first_page_with(path, pages, "การคำนวณคะแนน")


def make_libreoffice(spec: dict, path: Path) -> tuple[int, int]:
    """The report as an office suite exports it: the HTML opened in LibreOffice Writer
    (Debian's libreoffice-writer-nogui) and exported to PDF, Sarabun found through a
    fontconfig file of its own. Writer drops HTML form controls, so the round boxes are
    Unicode characters (☑ ☐), as a person types them."""
    css = "body,h1,h2,h3,p,td,th,b{font-family:Sarabun;font-size:11pt} td{vertical-align:top}"
    page = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head>'
            f'<body>{html_plain(dict(spec, checkboxes="unicode"))}</body></html>')
    with tempfile.TemporaryDirectory(prefix="thaikpi-libreoffice-") as tmp:
        fonts = Path(tmp) / "fonts"
        fonts.mkdir()
        for font in (SARABUN, SARABUN_BOLD):
            (fonts / font.name).write_bytes(font.read_bytes())
        config = Path(tmp) / "fonts.conf"
        config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                          '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                          f'<dir>{fonts}</dir><cachedir>{tmp}/cache</cachedir></fontconfig>')
        source = Path(tmp) / f"{path.stem}.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
                        "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=300,
                       env={**os.environ, "FONTCONFIG_FILE": str(config)})
        path.write_bytes((Path(tmp) / f"{path.stem}.pdf").read_bytes())
    pages = pdf_pages(path)
    # A4 pages: the score table's header may end one page and its rows start the next, so the
    # rows' page is the first after the heading with the first row's weighted score
    heading = first_page_with(path, pages, "การคำนวณคะแนน")
    weighted = spec["score_rows"][0]["cells"][-1]
    return pages, first_page_with(path, pages, weighted, start=heading, word=True)


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


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def first_page_with(path: Path, pages: int, text: str, start: int = 1, word: bool = False) -> int:
    """The first page from `start` whose poppler text holds `text` (as a whole word, with `word`)."""
    return next(n for n in range(start, pages + 1)
                if text in (poppler_page_text(path, n).split() if word else poppler_page_text(path, n)))


def poppler_page_text(path: Path, page: int) -> str:
    """One page's text as poppler reads it (exact on unshaped text, and on ActualText)."""
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True).stdout


def nothing_read_gold(pages: int, check: str, flagged: list[int]) -> dict:
    """A PDF from which nothing can be read, its pages in `flagged` carrying `check`."""
    return {"format": "pdf", "kind": "unknown", "status": "partial", "error": None, "pages": pages,
            "fiscal_year_be": None, "fiscal_year": None, "round_months": None, "indicators": [],
            "flags": [{"check": check, "indicator_code": None, "reported": None,
                       "expected": None, "page": n} for n in flagged]}


def scan_gold() -> dict:
    """What can be said of a scan without OCR: a PDF of one page with no text layer."""
    return nothing_read_gold(1, "text_layer_missing", [1])


def garbled_gold(path: Path, pages: int) -> dict:
    """What can be said of a report whose text layer is non-words: nothing read, and each
    page with enough Thai to judge flagged. The Thai on a page is counted with poppler."""
    return nothing_read_gold(pages, "text_layer_garbled", [
        n for n in range(1, pages + 1)
        if sum(1 for ch in poppler_page_text(path, n) if "\u0e01" <= ch <= "\u0e5b") >= NON_WORD_MIN_THAI])


def repaired_page_flags(spec: dict, producer: str) -> list[dict]:
    """The pages on which the pipeline must fill lost glyphs: where poppler reads ำ in the
    undamaged twin of the sample (same spec, same producer, same layout)."""
    with tempfile.TemporaryDirectory() as tmp:
        twin = Path(tmp) / "twin.pdf"
        pages, _ = {"fpdf2": make_fpdf2, "reportlab": make_reportlab}[producer](
            {k: v for k, v in spec.items() if k != "damage"}, twin)
        return [{"check": "text_layer_repaired", "indicator_code": None, "reported": None, "expected": None,
                 "page": n} for n in range(1, pages + 1) if "\u0e33" in poppler_page_text(twin, n)]


# --- bad inputs -----------------------------------------------------------------------------

def write_word_file(path: Path) -> None:
    """A Word document: a zip of its parts, one document and not an archive of reports."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, text in (("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                            'openxmlformats.org/package/2006/content-types"/>'),
                           ("word/document.xml", "<w:document/>")):
            docx.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)


def make_bad_inputs(good_pdf: Path, good_html: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    BAD_DIR.mkdir(parents=True, exist_ok=True)
    (BAD_DIR / "empty.pdf").write_bytes(b"")
    data = good_pdf.read_bytes()
    (BAD_DIR / "truncated.pdf").write_bytes(data[: len(data) * 6 // 10])
    enc = StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)
    c = canvas.Canvas(str(BAD_DIR / "encrypted.pdf"), pagesize=A4, encrypt=enc, invariant=1)
    c.drawString(72, 720, "confidential")
    c.showPage()
    c.save()
    write_word_file(BAD_DIR / "report.pdf.docx")  # named like a report
    (BAD_DIR / "scan.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    # An HTML report mislabelled as a PDF: read as what its bytes are.
    (BAD_DIR / "mislabelled_html.pdf").write_bytes(good_html.read_bytes())


# Lines a text rule must repair, in a PDF of their own (tests/test_pdf_reader.py reads it).
TEXT_FIXTURE = Path(ROOT / "tests" / "data" / "text" / "fake_bold_wide_and_letter_spaced.pdf")
FAKE_BOLD_LINES = ("ข้อมูลผลการดำเนินงาน ร้อยละ 92.50", "ที่ได้รับจัดสรร 2,000,000 บาท")
LETTER_SPACED_LINE = "รายงานผลการปฏิบัติราชการ"


def make_text_fixture() -> None:
    """Fake bold whose copies lie 1.4 and 2 points apart (too far for the reader's geometry to
    tell them from two glyphs), and a heading spread letter by letter, as Thai distributed
    justification draws it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    TEXT_FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(TEXT_FIXTURE), invariant=1)
    c.setFont("Sarabun", FONT_SIZE)
    x = 72
    for cluster in re.findall(f"[^{COMBINING_MARKS}][{COMBINING_MARKS}]*", LETTER_SPACED_LINE):
        c.drawString(x, 740, cluster)
        x += pdfmetrics.stringWidth(cluster, "Sarabun", FONT_SIZE) + 6
    for y, (line, offset) in zip((700, 680), zip(FAKE_BOLD_LINES, (1.4, 2.0))):
        c.drawString(72, y, line)
        c.drawString(72 + offset, y, line)
    c.save()


def main() -> None:
    only = set(sys.argv[1:])  # slugs to re-make; none: all
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    made = {}
    for spec, producer in SAMPLES:
        suffix = ".mht" if producer == "html-mht" else ".html" if producer.startswith("html") else ".pdf"
        if only and spec["slug"] not in only:
            continue
        tag = {"reportlab": "rl", "fpdf2": "fpdf", "chromium": "chromium", "libreoffice": "lo", "scan": "scan", "html-utf8": "utf8", "html-utf8-flat": "utf8_flat",
               "html-cp874-declared": "cp874", "html-cp874-undeclared": "cp874_nodecl",
               "html-utf8-twice": "twice", "html-mht": "ie"}[producer]
        path = SAMPLES_DIR / f"{spec['slug']}.{tag}{suffix}"
        if producer == "reportlab":
            pages, score_page = make_reportlab(spec, path)
        elif producer == "chromium":
            pages, score_page = make_chromium(spec, path)
        elif producer == "libreoffice":
            pages, score_page = make_libreoffice(spec, path)
        elif producer == "scan":
            pages, score_page = make_scan(spec, path)
        elif producer == "fpdf2":
            pages, score_page = make_fpdf2(spec, path)
        else:
            pages, score_page = make_html(spec, path, producer)
        if producer == "scan":
            gold = scan_gold()
        elif spec.get("damage", {}).get("text") == "garbled_font":
            gold = garbled_gold(path, pages)
        else:
            gold = gold_for(spec, "pdf" if suffix == ".pdf" else "html", pages, score_page)
        if spec.get("damage", {}).get("text") in ("lost_nikhahit", "shaped"):
            gold["flags"] += repaired_page_flags(spec, producer)
        gold_path = GOLD_DIR / (path.name + ".json")
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        made[producer] = path
        print(f"{path.relative_to(ROOT)}  ({producer}, {pages} pages)")
    import other_kinds  # frameworks and M&E reports

    for spec, producer in other_kinds.OTHER_SAMPLES:
        if only and spec["slug"] not in only:
            continue
        tag = {"reportlab": "rl", "html-utf8": "utf8", "html-cp874-undeclared": "cp874_nodecl"}[producer]
        path = SAMPLES_DIR / f"{spec['slug']}.{tag}{'.pdf' if producer == 'reportlab' else '.html'}"
        gold = other_kinds.make(spec, producer, path)
        (GOLD_DIR / (path.name + ".json")).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
        print(f"{path.relative_to(ROOT)}  ({producer}, {gold['pages']} pages)")
    if not only:
        make_bad_inputs(made["reportlab"], made["html-utf8"])
        make_text_fixture()
    print(f"bad inputs in {BAD_DIR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
