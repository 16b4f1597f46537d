"""Links people share in meetings: the URL of a view and its QR code for the projector."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import qrcode


def view_url(base: str | None, params: dict[str, str]) -> str:
    """The address that reopens this view: the page's URL and the view's query parameters."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{base or ''}?{query}" if query else (base or "")


def qr_png(url: str, box_size: int = 8) -> bytes:
    code = qrcode.QRCode(border=2, box_size=box_size, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()
