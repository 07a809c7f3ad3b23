"""Give the memory a large document freed back to the system.

A 1 MB document allocates a few hundred MB of small objects (tokens, parses, mentions)
that Python frees when it is done, but the C allocator keeps the freed pages in its
arenas: a long-running worker's resident memory then stays at its largest document's
level, and the next large one stacks on top of the holes. glibc's ``malloc_trim`` returns
those pages; elsewhere (macOS, musl) there is nothing to call and nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import lru_cache

from newsevents.limits import TRIM_AFTER_CHARS


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    trim = getattr(libc, "malloc_trim", None)  # glibc only
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_after(characters: int) -> bool:
    """After a document of `characters`, give free memory back when it was large enough
    to leave holes worth it (a trim costs a few milliseconds); whether it did."""
    trim = _malloc_trim() if characters >= TRIM_AFTER_CHARS else None
    if trim is None:
        return False
    trim(0)
    return True
