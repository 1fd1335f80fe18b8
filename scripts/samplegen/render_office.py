"""A KPI report as an office suite exports it: its HTML through LibreOffice Writer."""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from samplegen.fonts import SARABUN, SARABUN_BOLD
from samplegen.poppler import first_page_with, pdf_pages
from samplegen.render_html import html_plain


def make_libreoffice(spec: dict, path: Path) -> tuple[int, int]:
    """The report as an office suite exports it: the HTML opened in LibreOffice Writer
    (Debian's libreoffice-writer-nogui) and exported to PDF, Sarabun found through a
    fontconfig file of its own. Writer drops HTML form controls, so the round boxes are
    Unicode characters (☑ ☐), as a person types them."""
    css = "body,h1,h2,h3,p,td,th,b{font-family:Sarabun;font-size:11pt} td{vertical-align:top}"
    page = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head>'
            f'<body>{html_plain(dict(spec, checkboxes="unicode"))}</body></html>')
    convert_libreoffice(page.encode("utf-8"), ".html", "pdf:writer_web_pdf_Export", path)
    pages = pdf_pages(path)
    # A4 pages: the score table's header may end one page and its rows start the next, so the
    # rows' page is the first after the heading with the first row's weighted score
    heading = first_page_with(path, pages, "การคำนวณคะแนน")
    weighted = spec["score_rows"][0]["cells"][-1]
    return pages, first_page_with(path, pages, weighted, start=heading, word=True)




def convert_libreoffice(source: bytes, suffix: str, pdf_filter: str, path: Path) -> None:
    """A document (HTML, DOCX) exported to the PDF at path by LibreOffice Writer, Sarabun found
    through a fontconfig file of its own (the machine's Thai fonts play no part)."""
    with tempfile.TemporaryDirectory(prefix="thaikpi-libreoffice-") as tmp:
        fonts = Path(tmp) / "fonts"
        fonts.mkdir()
        for font in (SARABUN, SARABUN_BOLD):
            (fonts / font.name).write_bytes(font.read_bytes())
        config = Path(tmp) / "fonts.conf"
        config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                          '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                          f'<dir>{fonts}</dir><cachedir>{tmp}/cache</cachedir></fontconfig>')
        (Path(tmp) / f"{path.stem}{suffix}").write_bytes(source)
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
                        "--convert-to", pdf_filter, "--outdir", tmp, str(Path(tmp) / f"{path.stem}{suffix}")],
                       check=True, capture_output=True, timeout=300,
                       env={**os.environ, "FONTCONFIG_FILE": str(config)})
        path.write_bytes((Path(tmp) / f"{path.stem}.pdf").read_bytes())
