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


# The libraries that parse a file's bytes for the readers: an exception they raise is the
# file's fault (a damaged file), not ours. Their top-level module names.
PARSERS = frozenset({"pdfminer", "pdfplumber", "pypdfium2", "pypdfium2_raw", "bs4", "lxml", "html5lib",
                     "PIL", "email"})
OWN = "thaikpi"
MESSAGE_LIMIT = 200  # characters of a parser's message kept (pdfminer's run to thousands)


def _origin(exc: BaseException) -> Optional[str]:
    """The top-level module of the innermost frame of exc's traceback that is ours or a
    parser's; the standard library and other packages' frames are passed over."""
    found, tb = None, exc.__traceback__
    while tb is not None:
        top = str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0]
        if top == OWN or top in PARSERS:
            found = top
        tb = tb.tb_next
    return found


def _wrapped(exc: BaseException, limit: int = 6) -> list[BaseException]:
    """exc and what it wraps on purpose: its cause (`raise ... from`) or an exception passed as
    an argument (PdfminerException(original)); not the exception it met while handling another
    (__context__), which did not make it."""
    chain: list[BaseException] = []
    current: Optional[BaseException] = exc
    while current is not None and len(chain) < limit and current not in chain:
        chain.append(current)
        current = current.__cause__ or next(
            (a for a in getattr(current, "args", ()) if isinstance(a, BaseException)), None)
    return chain


def one_line(exc: BaseException, limit: int = MESSAGE_LIMIT) -> str:
    """'Type: the first line of its message', at most `limit` characters, of the innermost
    exception that exc wraps and that has a message."""
    inner = next((e for e in reversed(_wrapped(exc)) if str(e).strip()), exc)
    text = str(inner).strip().splitlines()[0] if str(inner).strip() else ""
    line = f"{type(inner).__name__}: {text}" if text else type(inner).__name__
    return line if len(line) <= limit else line[:limit - 1] + "…"


def parser_failure(exc: BaseException) -> bool:
    """Whether exc was raised inside a parsing library (the file is damaged), or wraps one that
    was, not in our code alone (a bug of ours, "internal")."""
    return any(_origin(e) in PARSERS for e in _wrapped(exc))
