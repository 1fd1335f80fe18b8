"""Field-by-field comparison of a document with its gold answer."""
from __future__ import annotations

import math
from typing import Any

from gold_score import skeleton


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


def _same_leaf(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str) and isinstance(actual, str):
        return skeleton(expected) == skeleton(actual)
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) \
            and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return math.isclose(expected, actual, abs_tol=1e-9)
    return expected == actual


def field_score(expected: Any, actual: Any, path: str = "") -> tuple[int, list[str]]:
    """(gold fields, the ones actual gets wrong): every leaf of the gold is a field; a list
    item actual lacks counts all its fields wrong. Texts are compared by their consonant
    skeleton (gold_score.skeleton), as the real-corpus judge compares names: a dropped tone
    mark is not a wrong field, a wrong or stray letter or digit is."""
    if isinstance(expected, dict):
        total, wrong = 0, []
        for key, value in expected.items():
            sub = actual.get(key) if isinstance(actual, dict) else None
            n, w = field_score(value, sub, f"{path}.{key}" if path else key)
            total, wrong = total + n, wrong + w
        return total, wrong
    if isinstance(expected, list):
        total, wrong = 0, []
        items = actual if isinstance(actual, list) else []
        for i, value in enumerate(expected):
            n, w = field_score(value, items[i] if i < len(items) else None, f"{path}[{i}]")
            total, wrong = total + n, wrong + w
        if not expected:  # an empty list is one field: nothing there
            return 1, [f"{path}: expected [], got {items!r}"[:300]] if items else []
        return total, wrong
    if _same_leaf(expected, actual):
        return 1, []
    return 1, [f"{path}: expected {expected!r}, got {actual!r}"[:300]]
