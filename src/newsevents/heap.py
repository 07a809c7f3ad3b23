"""Give the memory a large document freed back to the system.

A 1 MB document allocates a few hundred MB of small objects (tokens, parses, mentions)
that Python frees when it is done, but the C allocator keeps the freed pages in its
arenas: a long-running worker's resident memory then stays at its largest document's
level, and the next large one stacks on top of the holes. glibc's ``malloc_trim`` returns
those pages; elsewhere (macOS, musl) there is nothing to call and nothing happens.

A model's load is another matter: glibc maps a large block apart and unmaps it when
freed, but each time it frees one it raises that threshold to the block's size (up to 32
MB), so that the loader's later temporary copies come from the heap, where their holes
stay resident under the weights for the life of the worker. ``large_blocks_apart`` keeps
the threshold at glibc's starting 128 kB while a model loads (the models' resident memory
675 -> 609 MB), then fixes it at glibc's ceiling, 32 MB, where the parse's own arrays
would take it anyway (mapping each of them apart cost 13% of extract's CPU).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from newsevents.limits import TRIM_AFTER_CHARS

M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h)
MMAP_THRESHOLD_LOADING = 128 * 1024  # glibc's starting value
MMAP_THRESHOLD_AFTER = 32 * 1024 * 1024  # glibc's ceiling for its own adjustment (64-bit)


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


@lru_cache(maxsize=1)
def _mallopt() -> Callable[[int, int], int] | None:
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None or getattr(libc, "malloc_trim", None) is None:  # glibc's, not musl's
        return None
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt


@contextmanager
def large_blocks_apart() -> Iterator[bool]:
    """While a model loads, blocks over 128 kB mapped apart and unmapped when freed; after
    it, the threshold fixed at 32 MB (glibc only; elsewhere nothing happens). Yields
    whether it was set."""
    mallopt = _mallopt()
    if mallopt is None:
        yield False
        return
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_LOADING)
    try:
        yield True
    finally:
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_AFTER)


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
    return characters >= TRIM_AFTER_CHARS and release()


def release() -> bool:
    """Give the free memory back now (glibc); whether there was a way to."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
