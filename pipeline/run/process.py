"""One file -> one Document: read, classify, extract (with the metadata of any document), then
the stages normalise -> validate -> score -> sums -> general indicator checks. Every failure
becomes a document with status "error"."""
from __future__ import annotations

import hashlib
import io
import os
import resource
import traceback
import zipfile
import zlib
from pathlib import Path
from typing import Callable, Optional

from thaikpi.extractors import registry
from thaikpi.extractors.metadata import document_metadata
from thaikpi.pipeline.text import clean_parsed, document_memo
from thaikpi.version import __version__
from thaikpi.pipeline.errors import InputError, exception_chain, one_line, parser_failure, too_large
from thaikpi.pipeline.readers.html_reader import read_html, read_mhtml
from thaikpi.pipeline.run.capacity import ocr_pages_at_once
from thaikpi.pipeline.run.inputs import Task, source_name
from thaikpi.pipeline.checks.normalise import normalise
from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.readers.ocr import ocr_pages, text_sources
from thaikpi.pipeline.checks.score import score
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.readers.sniff import is_document_package, non_document, sniff_format
from thaikpi.pipeline.checks.sums import check_sums
from thaikpi.pipeline.checks.indicators import check_indicators
from thaikpi.pipeline.checks.validate import validate
from thaikpi.schemas.document import Document, DocumentError
from thaikpi.schemas.flags import EncodingRepaired, PageContentDamaged, PageOcr, TextLayerGarbled, TextLayerMissing, TextLayerRepaired
from thaikpi.schemas.parsed import ParsedDocument

# The stages after extraction, in order; each takes a Document and the settings and returns a
# Document (ARCHITECTURE.md: a new check is a function here).
STAGES: tuple[Callable[[Document, Settings], Document], ...] = (
    normalise, validate, score, check_sums, check_indicators,
)

# The text sources: a format's reader takes the file's bytes and the settings. To add a source,
# add it here (ARCHITECTURE.md).
READERS: dict[str, Callable[[bytes, Settings], ParsedDocument]] = {
    "pdf": lambda data, settings: read_pdf(data, settings=settings.reader),
    "html": lambda data, settings: read_html(data),
    "mhtml": lambda data, settings: read_mhtml(data),
}
# The document's format as the outputs name it: a saved web page (MHTML) is HTML
FORMATS = {"pdf": "pdf", "html": "html", "mhtml": "html"}


def doc_id_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def classify(parsed: ParsedDocument) -> str:
    """The document's kind, from its content (titles and section labels), whatever its format."""
    kind = registry.classify(parsed)
    return kind.KIND if kind else registry.UNKNOWN


# The seed kinds read their fiscal year and round from their own template (a KPI report's
# checked round box, an M&E report's header): the general metadata never overrides them.
PERIOD_OWNERS = frozenset({"kpi_report", "framework", "me_report"})
PERIOD_FIELDS = ("fiscal_year_be", "round_months")


def with_metadata(update: dict, parsed: ParsedDocument) -> dict:
    """The document's metadata (extractors/metadata.py) where its kind's extraction left a
    field unset: what a kind reads itself wins."""
    owned = PERIOD_FIELDS if update.get("kind") in PERIOD_OWNERS else ()
    found = document_metadata(parsed)
    return {**update, **{name: value for name, value in found.items()
                         if name not in owned and update.get(name) is None}}


def error_document(source: str, kind: str, message: str, doc_id: str = "",
                   read: Optional[Document] = None) -> Document:
    """The document of a file that failed: status "error", and why (every path that fails makes
    its document here). `read`: what was read of the file before it failed (its id, format,
    pages), kept as it was."""
    error = DocumentError(kind=kind, message=message)
    if read is not None:
        return read.model_copy(update={"status": "error", "error": error})
    return Document(source=source, doc_id=doc_id, status="error", pipeline_version=__version__, error=error)


def extract_document(doc: Document, parsed: ParsedDocument) -> Document:
    """The extraction for the document's kind; pages without text are flagged."""
    hint = parsed.ocr_unavailable and f"; {parsed.ocr_unavailable}"
    flags = [TextLayerMissing.make(page=p, hint=hint) for p in parsed.pages_without_text]
    flags += [TextLayerGarbled.make(page=p, reason=why, hint=hint) for p, why in sorted(parsed.garbled_pages.items())]
    flags += [TextLayerRepaired.make(page=p, count=n) for p, n in sorted(parsed.repaired_pages.items())]
    flags += [PageOcr.make(page=p, confidence=c) for p, c in sorted(parsed.ocr_confidence.items())]
    flags += [PageContentDamaged.make(page=p, reason=why) for p, why in sorted(parsed.damaged_pages.items())]
    if parsed.encoding_repairs:
        count, offset, codec = parsed.encoding_repairs
        flags.append(EncodingRepaired.make(reported=count, expected=0, page=1, offset=offset, codec=codec))
    update: dict = {"pages": parsed.pages, "kind": registry.UNKNOWN, "text_sources": text_sources(parsed)}
    kind = registry.classify(parsed)
    if kind is not None:
        found = kind.extract(parsed)
        update.update(kind=kind.KIND, **found.document_fields())
        flags.extend(found.flags)
    update = with_metadata(update, parsed)
    if update.get("fiscal_year_be"):
        update["fiscal_year"] = update["fiscal_year_be"] - 543
    if update.get("academic_year_be"):
        update["academic_year"] = update["academic_year_be"] - 543
    if parsed.pages_without_text or parsed.garbled_pages or parsed.damaged_pages:
        update["status"] = "partial"
    update["flags"] = flags
    return doc.model_copy(update=update)


# CPython's words for C code that failed without saying why, which under a memory limit is
# an allocation that failed: from a call ("... returned NULL without setting an exception")
# or from the interpreter's loop ("error return without exception set", seen in newmm's
# segmentation when the limit struck there).
SILENT_FAILURES = ("returned NULL without setting an exception", "error return without exception set")


def _out_of_memory(exc: BaseException) -> bool:
    """Past the worker's memory limit (RLIMIT_AS): a MemoryError, perhaps wrapped by pdfplumber;
    or, when an allocation fails inside C code that does not say so, one of CPython's
    SystemErrors for a silent failure, under a memory limit."""
    chain = exception_chain(exc)
    if any(isinstance(e, MemoryError) for e in chain):
        return True
    limited = resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY
    return limited and any(isinstance(e, SystemError) and any(words in str(e) for words in SILENT_FAILURES)
                           for e in chain)


def _gunzip(data: bytes, settings: Settings) -> bytes:
    """A gzip-compressed file's bytes (a page saved as the server sent it), no more than the size
    limit allows."""
    inflater = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
    try:
        inner = inflater.decompress(data, settings.max_file_bytes + 1)
    except zlib.error as exc:
        raise InputError("damaged", f"a gzip-compressed file that does not decompress ({exc})")
    if len(inner) > settings.max_file_bytes:
        raise InputError("too_large", "a gzip-compressed file that unpacks to more than the limit of "
                                      f"{settings.max_file_bytes} bytes")
    if not inflater.eof:
        raise InputError("truncated", "a gzip-compressed file cut before its end")
    return inner


def _zip_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def _office_package(data: bytes) -> bool:
    try:
        return is_document_package(_zip_names(data))
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def skipped_document(doc: Document, what: str) -> Document:
    """The document of a file that is no report (a README, an image, an Office file): status
    "skipped", with what it is; not a failure."""
    error = DocumentError(kind="unsupported", message=f"{what}, not a report (PDF or HTML): skipped")
    return doc.model_copy(update={"status": "skipped", "error": error})


def _zip_error(data: bytes) -> InputError:
    """Why a zip reached the reader of reports: it is an Office file (a zip of its parts), or an
    archive that is damaged, or sits inside another archive, or went to extract (ingest reads
    the reports in the archives it is given)."""
    try:
        names = _zip_names(data)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return InputError("damaged", f"a zip archive that cannot be opened (truncated or damaged: {exc}); "
                                     "none of its reports can be read")
    if not names:  # ingest reads an empty archive as a file: it holds no report to list
        return InputError("empty", "the zip archive holds no files")
    if is_document_package(names):
        return InputError("unsupported", "an Office or OpenDocument file (Word, Excel, ...), neither PDF nor "
                                         "HTML: save it as PDF to read it")
    count = len(names)
    entries = f"{count} entry" if count == 1 else f"{count} entries"
    return InputError("unsupported", f"a zip archive ({entries}) inside another archive, or given to extract: "
                                     "ingest reads the archives it is given; unpack this one and ingest its folder")


@document_memo()  # one document's segmentations remembered, and dropped after it
def process_bytes(data: bytes, source: str, settings: Optional[Settings] = None) -> Document:
    settings = settings or Settings()
    doc = Document(source=source, doc_id=doc_id_of(data), pipeline_version=__version__)
    try:
        if not data.strip():
            raise InputError("empty", "the file is empty")
        if len(data) > settings.max_file_bytes:
            raise too_large(len(data), settings.max_file_bytes)
        fmt = sniff_format(data)
        if fmt == "gzip":
            data = _gunzip(data, settings)
            fmt = sniff_format(data)
        if fmt not in READERS and (what := non_document(data, fmt, source, fmt == "zip" and _office_package(data))):
            return skipped_document(doc, what)
        if fmt == "zip":
            raise _zip_error(data)
        if fmt not in READERS:
            raise InputError("unsupported", "the file is neither PDF nor HTML (judged from its bytes)")
        doc = doc.model_copy(update={"format": FORMATS[fmt]})
        parsed = READERS[fmt](data, settings)
        if fmt == "pdf":  # scans and text layers beyond repair, read by OCR (settings.ocr)
            parsed = ocr_pages(parsed, data, settings, ocr_pages_at_once)
        parsed = clean_parsed(parsed)  # each line cleaned once, before any kind reads it
        doc = extract_document(doc, parsed)
        for stage in STAGES:
            doc = stage(doc, settings)
        return doc
    except InputError as exc:
        return error_document(source, exc.kind, exc.message, read=doc)
    except Exception as exc:  # a bug of ours or an input no reader foresaw: say so, go on
        if _out_of_memory(exc):
            return error_document(source, "memory", "the file needed more memory than the per-file limit", read=doc)
        if os.environ.get("THAIKPI_DEBUG"):
            traceback.print_exc()
        if parser_failure(exc):  # the parser choked on the file's bytes: the file is damaged
            what = (doc.format or "file").upper().replace("FILE", "file")
            return error_document(source, "damaged", f"the {what} cannot be parsed ({one_line(exc)})", read=doc)
        return error_document(source, "internal", one_line(exc, 400), read=doc)


def process_task(task: Task, settings: Optional[Settings] = None) -> Document:
    """Read one task's bytes and process them. Never raises for a bad file: one that cannot be
    read becomes its error document."""
    settings = settings or Settings()
    try:
        data = task.read_bytes(settings.max_file_bytes)
    except InputError as exc:  # past the size limit, refused before it is read
        return error_document(task.source, exc.kind, exc.message)
    except Exception as exc:  # unreadable file or archive member
        return error_document(task.source, "unreadable", f"cannot read the file: {_unreadable(task, exc)}")
    return process_bytes(data, task.source, settings)  # a MemoryError comes back as kind "memory"


def _unreadable(task: Task, exc: Exception) -> object:
    # an OSError's text repeats the path, whose name may not be text (source_name)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    if isinstance(exc, FileNotFoundError) and task.member is None and os.path.islink(task.path):
        reason = f"it is a symbolic link to {source_name(os.readlink(task.path))}, which is not there"
    return reason


def process_file(path: Path | str, settings: Optional[Settings] = None) -> Document:
    return process_task(Task(source=source_name(path), path=str(path)), settings)
