"""Which files a run reads: folders recursively, file lists, and the members of zip archives,
in a stable order. A task names one input; its bytes are read where it is processed."""
from __future__ import annotations

import codecs
import hashlib
import os
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Optional

from thaikpi.pipeline.errors import too_large
from thaikpi.pipeline.readers.sniff import is_document_package

ZIP_SEPARATOR = "!"  # "archive.zip!reports/kpi.pdf"
ZIP_UTF8_FLAG = 0x800  # general purpose bit 11: the member's name is UTF-8
# What a name's bytes are read as, in turn, where they do not say: UTF-8, then TIS-620's
# Windows form (old Thai Windows shares and zip folders), whose undefined bytes rule it out
# for most other code pages.
NAME_CODECS = ("utf-8", "cp874")


def _read_name(raw: bytes) -> Optional[str]:
    for codec in NAME_CODECS:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass
    return None


def source_name(path: Path | str) -> str:
    """A path as text that every output can hold, each part read by NAME_CODECS. A name that is
    not UTF-8 reaches Python with its bytes as lone surrogates, which no UTF-8 file, JSON line
    or SQLite text can store. A part in no codec shows its odd bytes as \\xNN, as `ls -b` does.
    The file is still read by its real name (Task.path)."""
    return "/".join(_read_name(part) or part.decode("utf-8", "backslashreplace")
                    for part in os.fsencode(path).split(b"/"))


def exact_source_name(path: Path | str) -> str:
    """The path with every byte that is not UTF-8 as \\xNN: one text per path, for two paths
    that source_name reads alike (one name in UTF-8, one in TIS-620)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as its archive meant it: zipfile reads an unflagged name as cp437,
    which maps every byte, so its bytes are recovered and read by NAME_CODECS (DOS's cp437
    where neither fits)."""
    if info.flag_bits & ZIP_UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:  # not read as cp437 (a metadata_encoding was given)
        return info.filename
    return _read_name(raw) or info.filename


def _check_size(size: int, limit: Optional[int]) -> None:
    if limit is not None and size > limit:
        raise too_large(size, limit)


@dataclass(frozen=True)
class Task:
    source: str                    # what the outputs call it
    path: str                      # the file on disk (the zip, for a member)
    member: Optional[str] = None   # the member inside a zip archive

    @property
    def key(self) -> str:
        """The file itself, whatever names it (relative, absolute, `./`, through a symbolic
        link): its resolved path, and the member for an archive's. The ledger's identity of a
        file; as text that SQLite can store."""
        real = exact_source_name(os.path.realpath(self.path))
        return f"{real}{ZIP_SEPARATOR}{self.member}" if self.member is not None else real

    def read_bytes(self, max_bytes: Optional[int] = None) -> bytes:
        """Its bytes. Past `max_bytes` it is refused (InputError too_large) before it is read, a
        member by the size its archive states (zipfile reads no more than that): a member may
        unpack to more than a worker's memory."""
        if self.member is None:
            _check_size(os.path.getsize(self.path), max_bytes)
            return Path(self.path).read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            info = archive.getinfo(self.member)
            _check_size(info.file_size, max_bytes)
            return archive.read(info)

    def blocks(self, size: int = 1 << 20) -> Iterator[bytes]:
        """Its bytes in blocks, in flat memory: an archive member may unpack to gigabytes."""
        with ExitStack() as stack:
            if self.member is None:
                fh = stack.enter_context(open(self.path, "rb"))
            else:
                fh = stack.enter_context(stack.enter_context(zipfile.ZipFile(self.path)).open(self.member))
            yield from iter(lambda: fh.read(size), b"")


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
    """A file is one task; a zip archive is one task per member (its reports), but for a zip
    that is one document (a .docx, .xlsx, .odt)."""
    source = source_name(path)
    if is_zip(path):
        try:
            with zipfile.ZipFile(path) as archive:
                infos = archive.infolist()
        except (zipfile.BadZipFile, OSError):
            return [Task(source=source, path=str(path))]  # read it, and fail it, as a file
        if is_document_package([i.filename for i in infos]):
            return [Task(source=source, path=str(path))]  # a Word or Excel file: one document
        members = [i for i in infos if not i.is_dir() and not Path(i.filename).name.startswith(".")]
        return sorted((Task(source=f"{source}{ZIP_SEPARATOR}{member_name(info)}", path=str(path),
                            member=info.filename) for info in members), key=lambda t: t.source)
    return [Task(source=source, path=str(path))]


def read_list(list_file: Path) -> list[Path]:
    """A file list: one path a line; blank lines and '#' comments ignored. Paths are bytes, as
    the file system keeps them: a line in TIS-620 names the file whose name is those bytes. A
    list saved on Windows may start with a BOM and end its lines with CRLF."""
    data = list_file.read_bytes().removeprefix(codecs.BOM_UTF8)
    lines = (line.strip() for line in data.splitlines())
    return [Path(os.fsdecode(line)) for line in lines if line and not line.startswith(b"#")]


def collect_inputs(paths: list[Path], listed: list[Path] = (), outputs: Optional[Path] = None) -> Inputs:
    """Every regular file below the paths and the `listed` ones (a file list's); its format is
    decided later, from its bytes. A named path that is not there is `missing`; a listed one
    is a task all the same, which fails as unreadable: a list is an archive's inventory, and
    one absent file must be accounted for, not stop the rest. A folder's files below
    `outputs` (the run's own output folder, inside the archive it reads) are not inputs."""
    found = Inputs()
    own = outputs.resolve() if outputs is not None else None
    for path, is_listed in [(p, False) for p in paths] + [(p, True) for p in listed]:
        if path.is_dir():
            # a link to nothing is a file of the archive gone missing: a task that fails
            for p in sorted(p for p in path.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists())):
                if own is not None and own in p.resolve().parents:
                    continue
                if _hidden(p, path):
                    found.skipped.append(p)
                else:
                    found.tasks.extend(_tasks_for(p))
        elif path.exists():
            found.tasks.extend(_tasks_for(path))
        elif is_listed:
            found.tasks.append(Task(source=source_name(path), path=str(path)))
        else:
            found.missing.append(source_name(path))
    unique, by_source, keys = [], {}, set()
    for task in found.tasks:
        if task.key in keys:
            continue  # one file named twice (a folder and a file in it, a link beside its target)
        keys.add(task.key)
        same = by_source.get(task.source)
        if same is not None:
            if (same.path, same.member) == (task.path, task.member):
                continue  # named twice
            # another file whose name reads alike: it keeps its bytes as written
            task = replace(task, source=exact_source_name(task.path)
                           + (f"{ZIP_SEPARATOR}{task.member}" if task.member else ""))
        by_source[task.source] = task
        unique.append(task)
    found.tasks = unique
    return found


def fingerprint(task: Task) -> tuple[Optional[int], Optional[str]]:
    """(size, sha256) of the task's bytes; (None, None) if they cannot be read."""
    digest, size = hashlib.sha256(), 0
    try:
        for block in task.blocks():
            digest.update(block)
            size += len(block)
        return size, digest.hexdigest()
    except (OSError, zipfile.BadZipFile, KeyError):
        return None, None
