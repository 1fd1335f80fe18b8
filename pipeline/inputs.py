"""Which files a run reads: folders recursively, file lists, and the members of zip archives,
in a stable order. A task names one input; its bytes are read where it is processed."""
from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ZIP_SEPARATOR = "!"  # "archive.zip!reports/kpi.pdf"


@dataclass(frozen=True)
class Task:
    source: str                    # what the outputs call it
    path: str                      # the file on disk (the zip, for a member)
    member: Optional[str] = None   # the member inside a zip archive

    def read_bytes(self) -> bytes:
        if self.member is None:
            return Path(self.path).read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(self.member)


@dataclass
class Inputs:
    tasks: list[Task] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)   # hidden files (.DS_Store, editor backups)
    missing: list[str] = field(default_factory=list)    # named but not there

    @property
    def files(self) -> list[Path]:
        return [Path(t.path) for t in self.tasks if t.member is None]


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _tasks_for(path: Path) -> list[Task]:
    """A file is one task; a zip archive is one task per member (its reports)."""
    if is_zip(path):
        try:
            with zipfile.ZipFile(path) as archive:
                members = sorted(i.filename for i in archive.infolist()
                                 if not i.is_dir() and not Path(i.filename).name.startswith("."))
        except (zipfile.BadZipFile, OSError):
            return [Task(source=str(path), path=str(path))]  # read it, and fail it, as a file
        return [Task(source=f"{path}{ZIP_SEPARATOR}{m}", path=str(path), member=m) for m in members]
    return [Task(source=str(path), path=str(path))]


def read_list(list_file: Path) -> list[Path]:
    """A file list: one path a line; blank lines and '#' comments ignored."""
    lines = list_file.read_text(encoding="utf-8").splitlines()
    return [Path(line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def collect_inputs(paths: list[Path]) -> Inputs:
    """Every regular file below the paths; its format is decided later, from its bytes."""
    found = Inputs()
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            for p in sorted(p for p in path.rglob("*") if p.is_file()):
                if _hidden(p, path):
                    found.skipped.append(p)
                else:
                    found.tasks.extend(_tasks_for(p))
        elif path.exists():
            found.tasks.extend(_tasks_for(path))
        else:
            found.missing.append(str(path))
    unique = []
    for task in found.tasks:
        if task.source not in seen:
            seen.add(task.source)
            unique.append(task)
    found.tasks = unique
    return found


def fingerprint(task: Task) -> tuple[Optional[int], Optional[str]]:
    """(size, sha256) of the task's bytes; (None, None) if they cannot be read."""
    try:
        if task.member is None:
            digest = hashlib.sha256()
            size = 0
            with open(task.path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
                    size += len(block)
            return size, digest.hexdigest()
        data = task.read_bytes()
        return len(data), hashlib.sha256(data).hexdigest()
    except (OSError, zipfile.BadZipFile, KeyError):
        return None, None
