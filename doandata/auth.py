"""The editor role: scrypt password hashes, constant-time checks, a growing delay after failures.

Viewers need nothing. Editing (uploads, undo, settings) needs the editor password, whose hash comes
from configuration; the plain password is never stored, logged or put in a URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger("doandata.auth")

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_DELAY = 30.0
UNKNOWN = "unknown"  # the client of every visitor whose address is not known: they share one counter


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$16384$8$1$<salt>$<hash>' (base64): what goes into secrets.toml or the environment."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return "$".join(
        [
            "scrypt",
            str(SCRYPT_N),
            str(SCRYPT_R),
            str(SCRYPT_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def verify(password: str, stored: str | None) -> bool:
    """Constant-time comparison against a stored hash; a malformed hash never matches."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


class LoginCounts(Protocol):
    """Where failed sign-ins are counted: logins.LoginCounts."""

    def get(self, client: str) -> tuple[int, float]: ...  # (failures in a row, time of the last)
    # (seconds to wait, count): when not waiting, this attempt is counted as a failure at once
    def attempt(self, client: str, now: float, delay: Callable[[int], float]) -> tuple[float, int]: ...
    def clear(self, client: str) -> None: ...


class Throttle:
    """Failed logins per client: each failure doubles the wait before the next try (1, 2, 4 … 30 s).

    The counts live in the store (`Store.login_counts()`), so every app instance on it holds back the
    same client, and a restart does not wipe them.
    """

    def __init__(self, counts: LoginCounts):
        self.counts = counts

    def wait_for(self, client: str) -> float:
        count, last = self.counts.get(client)
        return max(0.0, delay(count) - (time.time() - last)) if count else 0.0

    def attempt(self, client: str) -> float:
        """Seconds to wait; 0 means go ahead and verify, this attempt already counted as a failure
        (the wait is checked and the attempt recorded in one atomic step, so a crowd of sign-ins
        sent at the same instant gets one guess checked, not one each)."""
        wait, _ = self.counts.attempt(client, time.time(), delay)
        return wait

    def failed(self, client: str) -> None:
        count, _ = self.counts.get(client)
        log.warning("editor login failed for client %s (%d in a row)", client, count)

    def succeeded(self, client: str) -> None:
        self.counts.clear(client)
        log.info("editor login for client %s", client)


def delay(failures: int) -> float:
    """The wait after `failures` failures in a row: 1, 2, 4 … 30 s."""
    return min(MAX_DELAY, 2 ** (failures - 1)) if failures else 0.0


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxies: int) -> str:
    """Who is signing in. Behind `trusted_proxies` reverse proxies the connection comes from the
    nearest proxy, and the client is the address those proxies put in X-Forwarded-For: the n-th from
    the right, since each proxy appends what it saw and anything further left came from the client
    (and may be forged). Without trusted proxies the header is ignored."""
    if trusted_proxies > 0 and forwarded_for:
        hops = [h.strip() for h in forwarded_for.split(",")]
        if len(hops) >= trusted_proxies and hops[-trusted_proxies]:
            return hops[-trusted_proxies][:64]
    return (peer or UNKNOWN)[:64]


def check_login(password: str, stored: str | None, client: str, throttle: Throttle) -> tuple[bool, float]:
    """(accepted, seconds to wait before the next try). A client still waiting is refused unchecked."""
    wait = throttle.attempt(client)
    if wait > 0:
        return False, wait
    if stored and verify(password, stored):
        throttle.succeeded(client)
        return True, 0.0
    throttle.failed(client)
    return False, throttle.wait_for(client)
