"""Finished reports for viewers: each document built once per store version, two builds at a time.

A click on Báo cáo lays out a .docx (its charts drawn by Chromium through kaleido) and an .xlsx.
Anyone with the link may click, so the documents are kept by what they depend on (the store and
its version, the kind, the period, the format, the signing fields and the language), a document
asked for while it is being built waits for that build instead of starting another, and the
builds of the whole process take turns at a semaphore of `MAX_RUNNING`: eight clicks at once
are two builds at a time, drawing their pictures in the one Chromium kept alive by pictures.py
(one tab each). No Streamlit here: the page says "wait your turn" through `on_wait`.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from . import reports

MAX_RUNNING = 2  # builds at once in this process
MAX_KEPT = 32  # finished documents kept
MAX_KEPT_BYTES = 64 * 2**20  # and at most this many bytes of them

_turns = threading.BoundedSemaphore(MAX_RUNNING)
_lock = threading.Lock()  # guards _kept and _building
_kept: OrderedDict[Hashable, bytes] = OrderedDict()
_building: dict[Hashable, threading.Lock] = {}


def document(
    store,
    kind: str,
    period: str,
    fmt: str,
    signing: reports.Signing | None = None,
    lang: str = "vi",
    on_wait: Callable[[], None] | None = None,
) -> bytes:
    """The finished document, from the kept ones or built in turn; `on_wait` is called once when
    this call has to wait (for a turn, or for the same document being built by another click)."""
    signing = signing or reports.Signing()
    key = (store.url, store.version(), kind, period, fmt, dataclasses.astuple(signing), lang)
    waited = _Once(on_wait)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
        same = _building.setdefault(key, threading.Lock())
    if not same.acquire(blocking=False):
        waited()
        same.acquire()
    try:
        with _lock:
            if key in _kept:
                return _kept[key]
        if not _turns.acquire(blocking=False):
            waited()
            _turns.acquire()
        try:
            data = reports.build(store, kind, period, fmt, signing, lang=lang)
        finally:
            _turns.release()
        _keep(key, data)
        return data
    finally:
        with _lock:
            if _building.get(key) is same:
                del _building[key]
        same.release()


def _keep(key: Hashable, data: bytes) -> None:
    with _lock:
        _kept[key] = data
        while len(_kept) > MAX_KEPT or sum(map(len, _kept.values())) > MAX_KEPT_BYTES:
            _kept.popitem(last=False)


def forget() -> None:
    """Drop every kept document (tests, benchmarks; the kept pictures stay: pictures.forget)."""
    with _lock:
        _kept.clear()


class _Once:
    def __init__(self, call: Callable[[], None] | None):
        self.call, self.done = call, False

    def __call__(self) -> None:
        if self.call and not self.done:
            self.done = True
            self.call()
