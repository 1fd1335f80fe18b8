"""A bad input file is a value, not a traceback: readers raise InputError, the runner turns it
into a document with status "error"."""
from __future__ import annotations


class InputError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message
