"""Which files a run reads: folders recursively, in a stable order."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # hidden files (.DS_Store, editor backups)


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def collect_inputs(paths: list[Path]) -> Inputs:
    """Every regular file below the paths; its format is decided later, from its bytes."""
    found = Inputs()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
            for p in candidates:
                (found.skipped if _hidden(p, path) else found.files).append(p)
        else:
            found.files.append(path)
    unique = []
    for p in found.files:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    found.files = unique
    return found
