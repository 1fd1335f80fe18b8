"""A bad input file is a value, not a traceback: readers raise InputError, the runner turns it
into a document with status "error"."""
from __future__ import annotations

from typing import Optional


class InputError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


def too_large(size: int, limit: int) -> InputError:
    return InputError("too_large", f"{size} bytes is over the limit of {limit}")


def exception_chain(exc: BaseException, limit: int = 6) -> list[BaseException]:
    """exc and what it wraps: its cause, its context, or an exception passed as an argument
    (pdfplumber wraps pdfminer's errors as PdfminerException(original))."""
    chain: list[BaseException] = []
    current: Optional[BaseException] = exc
    while current is not None and len(chain) < limit and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__ or next(
            (a for a in getattr(current, "args", ()) if isinstance(a, BaseException)), None)
    return chain
