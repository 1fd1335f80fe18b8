"""Field-by-field comparison of a document with its gold answer."""
from __future__ import annotations

import math
from typing import Any


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every place where actual differs from expected. Only keys present in the gold are
    compared (the gold says what is checked); lists must match in length and element by
    element; numbers match to 1e-9."""
    out: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, value in expected.items():
            out += differences(value, actual.get(key, "<missing>"), f"{path}.{key}" if path else key)
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}"[:2000])
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += differences(e, a, f"{path}[{i}]")
        return out
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float)):
        if not math.isclose(expected, actual, abs_tol=1e-9):
            out.append(f"{path}: expected {expected!r}, got {actual!r}")
        return out
    if expected != actual:
        out.append(f"{path}:\n    expected {expected!r}\n    got      {actual!r}")
    return out
