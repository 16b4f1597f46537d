"""The shipped server settings, read as Streamlit reads them, and checked on the running server."""

import re
import subprocess
import tomllib
import urllib.request

from tests.browser import running_app
from tests.conftest import ROOT


def config():
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_shipped_settings_protect_the_server():
    c = config()
    assert c["server"]["enableXsrfProtection"] is True  # never turned off to "fix" uploads behind a proxy
    assert c["server"]["enableCORS"] is True  # no cross-origin requests
    assert c["server"]["maxUploadSize"] <= 20
    assert c["browser"]["gatherUsageStats"] is False
    assert c["client"]["showErrorDetails"] == "none"  # viewers never see tracebacks
    assert c["client"]["toolbarMode"] == "viewer"


def test_the_running_server_refuses_an_upload_without_the_xsrf_token(db_url):
    # CVE-2025-1684: the uploader's file types are checked in the browser only; what protects the
    # endpoint is XSRF (and the content checks of the import)
    with running_app(db_url) as base:
        request = urllib.request.Request(f"{base}/_stcore/upload_file/session/file", data=b"PK\x03\x04", method="PUT")
        try:
            urllib.request.urlopen(request)
            status, body = 200, ""
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read().decode()
        assert status == 403 and "XSRF" in body


def test_no_secret_is_committed():
    """Asked of git itself: a secrets.toml added by force, or a hash pasted into any tracked file,
    is committed whatever .gitignore says."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    names = tracked.decode().split("\0")
    assert not [n for n in names if n.endswith("secrets.toml")]
    real_hash = re.compile(rb"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{8,}\$[A-Za-z0-9+/=]{8,}")
    assert [n for n in names if (ROOT / n).is_file() and real_hash.search((ROOT / n).read_bytes())] == []
    example = (ROOT / ".streamlit" / "secrets.toml.example").read_text()
    assert 'editor_password_hash = "scrypt$16384$8$1$...$..."' in example  # a placeholder, not a hash
