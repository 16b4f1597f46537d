"""The documents' pictures: plotly figures drawn as PNG by one Chromium kept alive through kaleido.

`fig.to_image` starts a new Chromium for every picture (2–5 s each on this machine). Here one
kaleido browser (`kaleido.Kaleido`, two tabs) is started by the first document that needs it and
kept for the next ones; its asyncio loop runs in a thread of its own, so every build thread hands
it its figures and waits for the PNGs (`render`), two builds at once drawing in its two tabs. A
browser that died (killed, crashed) is noticed and started again, once per call; one that cannot
start is not tried again for `RETRY_AFTER` seconds, and in the meantime the pictures come from
`fig.to_image` as before (and when that fails too, the caller gets no pictures and says so). The
browser is closed after `IDLE_CLOSE` seconds without a picture, and at exit.

Pictures are kept by what they show (the figure's JSON and the size asked for): the same store
version, kind, period and language draw the same figures, so the .docx built again with other
signing fields, or the same report in another format, reuses them. No Streamlit here.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import hashlib
import threading
import time
from collections import OrderedDict

START_TIMEOUT = 60  # seconds for the browser to start
RENDER_TIMEOUT = 30  # seconds for one picture
RETRY_AFTER = 60  # seconds before a browser that could not start is tried again
IDLE_CLOSE = 15 * 60  # seconds without a picture before the browser is closed
TABS = 2  # pictures drawn at once (builds.MAX_RUNNING builds at once)
MAX_KEPT = 64  # pictures kept
MAX_KEPT_BYTES = 32 * 2**20  # and at most this many bytes of them

_lock = threading.Lock()  # guards everything below (held only for moments)
_starting = threading.Lock()  # one browser start at a time
_kept: OrderedDict[str, bytes] = OrderedDict()
_loop: asyncio.AbstractEventLoop | None = None
_browser = None  # kaleido.Kaleido, open
_busy = 0  # calls drawing now
_last_used = 0.0
_failed_at: float | None = None  # when the browser last failed to start
_idle_timer: threading.Timer | None = None
starts = 0  # browsers started by this process (tests, benchmarks)
drawn = 0  # pictures drawn by them


class Unavailable(RuntimeError):
    """No kept browser could draw the pictures."""


def render(figures: dict, width: int = 1400, fallback: bool = True) -> dict[str, bytes]:
    """Each figure as PNG (`width` px wide, its own layout height), from the kept pictures or drawn
    by the kept browser; with `fallback`, by `fig.to_image` when that browser cannot be had.
    Raises when no picture can be drawn at all."""
    sized = {
        key: (fig, {"format": "png", "width": width, "height": int(fig.layout.height or 600), "scale": 1})
        for key, fig in figures.items()
    }
    keys = {key: _key(fig, opts) for key, (fig, opts) in sized.items()}
    images = {}
    with _lock:
        for key, k in keys.items():
            if k in _kept:
                _kept.move_to_end(k)
                images[key] = _kept[k]
    missing = {key: sized[key] for key in sized if key not in images}
    if missing:
        try:
            drawn = _draw(missing)
        except Unavailable:
            if not fallback:
                raise
            drawn = {key: fig.to_image(**opts) for key, (fig, opts) in missing.items()}
        for key, png in drawn.items():
            _keep(keys[key], png)
        images.update(drawn)
    return {key: images[key] for key in figures}


def pid() -> int | None:
    """The kept browser's process id, None when there is none (tests, benchmarks)."""
    with _lock:
        return _browser.subprocess.pid if _alive(_browser) else None


def forget() -> None:
    """Drop every kept picture (tests, benchmarks)."""
    with _lock:
        _kept.clear()


def shutdown() -> None:
    """Close the kept browser (at exit, when idle; the next picture starts another, even if one
    could not start a moment ago)."""
    global _browser, _idle_timer, _failed_at
    with _lock:
        browser, _browser, _failed_at = _browser, None, None
        if _idle_timer:
            _idle_timer.cancel()
            _idle_timer = None
    if browser is not None and _loop is not None and _loop.is_running():
        with contextlib.suppress(Exception):  # closing a browser that is already gone
            asyncio.run_coroutine_threadsafe(browser.close(), _loop).result(15)


# ---------------------------------------------------------------- the kept browser


def _draw(missing: dict) -> dict[str, bytes]:
    """Draw with the kept browser, starting it (again) when needed; a call whose browser died under
    it starts another and tries once more."""
    global _busy, _last_used, drawn
    specs = {key: (fig.to_dict(), opts) for key, (fig, opts) in missing.items()}
    for attempt in (1, 2):
        browser = _ensure()
        with _lock:
            _busy += 1
        try:
            future = asyncio.run_coroutine_threadsafe(_all(browser, specs), _loop)
            try:
                pngs = future.result(RENDER_TIMEOUT * (len(specs) + TABS))  # kaleido times out each picture
                with _lock:
                    drawn += len(pngs)
                return pngs
            except Exception as error:  # a dead or stuck browser: another one, once
                future.cancel()
                _drop(browser)
                if attempt == 2:
                    raise Unavailable(str(error)) from error
        finally:
            with _lock:
                _busy -= 1
                _last_used = time.monotonic()
                _schedule_idle_close()
    raise AssertionError("unreachable")


async def _all(browser, specs: dict) -> dict[str, bytes]:
    """Every picture of one call at once, each in a free tab."""
    keys = list(specs)
    pngs = await asyncio.gather(*(browser.calc_fig(specs[k][0], opts=specs[k][1]) for k in keys))
    return dict(zip(keys, pngs, strict=True))


def warm() -> None:
    """Start the browser in the background when none is open (the Báo cáo page calls this as it
    opens, so the first document of the process does not wait for Chromium); never raises."""
    with _lock:
        if _alive(_browser):
            return
    threading.Thread(target=_warmed, name="pictures-warm", daemon=True).start()


def _warmed() -> None:
    global _last_used
    try:
        _ensure()
    except Unavailable:
        return  # the first document says it has no charts, as without warming
    with _lock:
        _last_used = time.monotonic()
        _schedule_idle_close()  # a warmed browser no document used is closed like an idle one


def _ensure():
    """The open browser, started if there is none or it died (one start at a time)."""
    global _browser, _failed_at, starts
    with _starting:
        with _lock:
            browser = _browser
            if _alive(browser):
                return browser
            _browser = None
        if browser is not None:
            _close_later(browser)
        if _failed_at is not None and time.monotonic() - _failed_at < RETRY_AFTER:
            raise Unavailable("the browser could not start a moment ago")
        try:
            import kaleido

            async def opened():
                browser = kaleido.Kaleido(n=TABS, mathjax=False, timeout=RENDER_TIMEOUT)
                await browser.open()
                return browser

            browser = asyncio.run_coroutine_threadsafe(opened(), _running_loop()).result(START_TIMEOUT)
        except Exception as error:  # no Chromium, or it would not start
            _failed_at = time.monotonic()
            raise Unavailable(str(error)) from error
        _failed_at = None
        with _lock:
            _browser = browser
            starts += 1
        return browser


def _alive(browser) -> bool:
    return (
        browser is not None and getattr(browser, "subprocess", None) is not None and browser.subprocess.poll() is None
    )


def _drop(browser) -> None:
    """Forget a browser that failed a call (the next call starts another) and close it."""
    global _browser
    with _lock:
        if _browser is browser:
            _browser = None
    _close_later(browser)


def _close_later(browser) -> None:
    if _loop is not None and _loop.is_running():
        asyncio.run_coroutine_threadsafe(_quietly(browser.close()), _loop)


async def _quietly(coroutine) -> None:
    with contextlib.suppress(Exception):  # closing what is already gone
        await coroutine


def _running_loop() -> asyncio.AbstractEventLoop:
    """The loop the browser lives on, in a daemon thread of its own. Called holding _starting."""
    global _loop
    if _loop is None or not _loop.is_running():
        loop = asyncio.new_event_loop()
        started = threading.Event()
        loop.call_soon(started.set)
        threading.Thread(target=loop.run_forever, name="pictures-browser", daemon=True).start()
        started.wait(10)
        _loop = loop
    return _loop


def _schedule_idle_close() -> None:
    """Called holding _lock after each call: close the browser once nothing was drawn for IDLE_CLOSE."""
    global _idle_timer
    if _busy or _browser is None:
        return
    if _idle_timer:
        _idle_timer.cancel()
    _idle_timer = threading.Timer(IDLE_CLOSE, _close_if_idle)
    _idle_timer.daemon = True
    _idle_timer.start()


def _close_if_idle() -> None:
    with _lock:
        idle = not _busy and time.monotonic() - _last_used >= IDLE_CLOSE - 1
    if idle:
        shutdown()


# ---------------------------------------------------------------- kept pictures


def _key(fig, opts: dict) -> str:
    text = fig.to_json() + repr(sorted(opts.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def _keep(key: str, png: bytes) -> None:
    with _lock:
        _kept[key] = png
        while len(_kept) > MAX_KEPT or sum(map(len, _kept.values())) > MAX_KEPT_BYTES:
            _kept.popitem(last=False)


atexit.register(shutdown)
