"""Time-ordered UUIDs (RFC 9562 version 7) for records that are synced between posts.

Version 7 puts the Unix time in milliseconds in the top 48 bits, so ids created at a
border post and at the centre sort by creation time and index well in PostgreSQL,
while staying globally unique without coordination. Python 3.11's ``uuid`` module has
no ``uuid7`` (it arrives in 3.14), hence these few lines.
"""

from __future__ import annotations

import os
import time
import uuid


def uuid7(ms: int | None = None, randbits=None) -> uuid.UUID:
    """A version 7 UUID stamped at ``ms`` (Unix milliseconds; default now).

    ``randbits(k)`` supplies the 74 random bits (default: the OS's randomness); a seeded
    ``random.Random().getrandbits`` gives reproducible ids for demo data.
    """
    if ms is None:
        ms = time.time_ns() // 1_000_000
    if randbits is None:
        rand = int.from_bytes(os.urandom(10), "big")
        rand_a, rand_b = (rand >> 68) & 0xFFF, rand & ((1 << 62) - 1)
    else:
        rand_a, rand_b = randbits(12), randbits(62)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= rand_a << 64  # 12 random bits (rand_a)
    value |= 0b10 << 62  # variant
    value |= rand_b  # 62 random bits (rand_b)
    return uuid.UUID(int=value)
