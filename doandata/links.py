"""Links people share in meetings: the URL of a view and its QR code for the projector.

A link can be crafted (`?unit=` and 3,000 characters): every value that reaches the URL is short
text without control characters, and a URL that still does not fit a QR code (a padded address)
gets the QR code of the site's root, so neither function ever fails a page.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import qrcode
import qrcode.exceptions

MAX_VALUE = 100  # characters of one parameter in a shared link; the declared values are far shorter


def view_url(base: str | None, params: dict[str, str]) -> str:
    """The address that reopens this view: the page's URL and the view's query parameters, each
    left out when it is empty, too long or holds a control character (it cannot name a view)."""
    query = urlencode({k: v for k, v in params.items() if _shareable(k) and _shareable(v)})
    return f"{base or ''}?{query}" if query else (base or "")


def _shareable(text: str | None) -> bool:
    return isinstance(text, str) and 0 < len(text) <= MAX_VALUE and text.isprintable()


def qr_png(url: str, box_size: int = 8) -> bytes:
    """The QR code of `url`; of the site's root when `url` is longer than a QR code holds."""
    try:
        return _qr(url, box_size)
    except (ValueError, qrcode.exceptions.DataOverflowError):
        parts = urlsplit(url)
        return _qr(f"{parts.scheme}://{parts.netloc}/" if parts.netloc else "/", box_size)


def _qr(data: str, box_size: int) -> bytes:
    code = qrcode.QRCode(border=2, box_size=box_size, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()
