"""Byte-level mutations of sample files, deterministic for a seed: what a damaged disk, a cut
download or a careless tool makes of a report. Used by bench/fuzz.py and by the tests that
hold a damaged file to its outcome (tests/test_reliability_input.py).

Each mutation is a pure function (data, rng) -> data; `mutate(data, seed)` picks one."""
from __future__ import annotations

import random
from typing import Callable

Mutation = Callable[[bytes, random.Random], bytes]


def flip(data: bytes, rng: random.Random, count: int = 0) -> bytes:
    """A few bytes XOR'd with a random non-zero value."""
    out = bytearray(data)
    for _ in range(count or rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= rng.randint(1, 255)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """The file cut somewhere after its first tenth (a download that stopped)."""
    return data[:rng.randint(len(data) // 10, max(len(data) // 10, len(data) - 1))]


def splice(data: bytes, rng: random.Random) -> bytes:
    """A run of the file copied over another place of it (a disk block written twice)."""
    size = rng.randint(16, max(16, len(data) // 8))
    src, dst = rng.randrange(max(1, len(data) - size)), rng.randrange(max(1, len(data) - size))
    return data[:dst] + data[src:src + size] + data[dst + size:]


def zero_run(data: bytes, rng: random.Random) -> bytes:
    """A run of bytes zeroed (a bad sector)."""
    size = rng.randint(8, 4096)
    at = rng.randrange(len(data))
    return data[:at] + bytes(min(size, len(data) - at)) + data[at + size:]


def repeat_run(data: bytes, rng: random.Random) -> bytes:
    """A run of the file repeated in place, several times."""
    size = rng.randint(4, 512)
    at = rng.randrange(max(1, len(data) - size))
    return data[:at] + data[at:at + size] * rng.randint(2, 50) + data[at:]


def cut_inside_last_char(data: bytes, rng: random.Random) -> bytes:
    """UTF-8 text cut one byte short of its end's last multi-byte character (a split char)."""
    end = len(data.rstrip())
    for i in range(end - 1, max(0, end - 4096), -1):
        if data[i] >= 0xE0:  # the lead byte of a 3-byte character (Thai is 3 bytes in UTF-8)
            return data[:i + 2]
    return data[:-1]


MUTATIONS: dict[str, Mutation] = {
    "flip": flip, "truncate": truncate, "splice": splice, "zero_run": zero_run, "repeat_run": repeat_run,
}


def mutate(data: bytes, seed: int) -> tuple[str, bytes]:
    """(the mutation's name, the mutated bytes), the same for the same data and seed."""
    rng = random.Random(seed)
    name = rng.choice(sorted(MUTATIONS))
    return name, MUTATIONS[name](data, rng)
