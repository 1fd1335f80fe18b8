"""pypdfium2's C functions called through cffi (pdfium_text_calls, pdfium_paths): a cffi call
takes about half a ctypes call's time, which counts where a page makes thousands of calls (a
call per char, per path, per path segment). The functions are pypdfium2's own, taken by
address, so both bindings share one library and its handles."""
from __future__ import annotations

import ctypes

import cffi
import pypdfium2.raw as raw

FFI = cffi.FFI()
FFI.cdef("typedef struct { float left; float top; float right; float bottom; } FS_RECTF;"
         "typedef struct { float a; float b; float c; float d; float e; float f; } FS_MATRIX;")


def bind(signatures: dict[str, str]) -> dict:
    """pypdfium2's functions by name, each cast to its cffi signature."""
    return {name: FFI.cast(signature, ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)
            for name, signature in signatures.items()}


def handle(pointer) -> object:
    """A pypdfium2 (ctypes) handle as a cffi `void *` to the same object."""
    return FFI.cast("void *", ctypes.cast(pointer, ctypes.c_void_p).value)
