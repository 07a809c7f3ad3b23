"""Give the memory a large document freed back to the system.

A 1 MB document allocates a few hundred MB of small objects (tokens, parses, mentions)
that Python frees when it is done, but the C allocator keeps the freed pages in its
arenas: a long-running worker's resident memory then stays at its largest document's
level, and the next large one stacks on top of the holes. glibc's ``malloc_trim`` returns
those pages; elsewhere (macOS, musl) there is nothing to call and nothing happens.

The parser's arrays are another matter: glibc maps a large block apart and unmaps it when
freed, but each time one is freed it raises that threshold to the block's size (up to 32
MB), so that later blocks of the parse's activations come from the heap, where their holes
stay resident between the small objects of the document. ``fixed_mmap_threshold`` keeps
the threshold where glibc starts it (128 kB), which turns that adjustment off: a 1 MB
line's peak 852 -> 755 MB, the models' resident memory 675 -> 609 MB.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import lru_cache

from newsevents.limits import TRIM_AFTER_CHARS

M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h)
MMAP_THRESHOLD_BYTES = 128 * 1024  # glibc's own starting value


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


@lru_cache(maxsize=1)
def fixed_mmap_threshold() -> bool:
    """Blocks over 128 kB mapped apart, and unmapped when freed, for the rest of the
    process (glibc only; once: the parser calls it before it loads a model); whether it
    was set."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None or getattr(libc, "malloc_trim", None) is None:  # glibc's, not musl's
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    trim = getattr(_libc(), "malloc_trim", None)  # glibc only
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
