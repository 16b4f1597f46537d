"""The shipped server settings, read as Streamlit reads them, and checked on the running server."""

import re
import shutil
import subprocess
import tomllib
import urllib.request

from doandata import config as app_config
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


def readme_nginx() -> str:
    """The nginx configuration the README gives for running behind a proxy."""
    blocks = re.findall(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(blocks) == 1
    return blocks[0]


def nginx_block(config: str, opening: str) -> str:
    """The text between `opening {` and its closing brace."""
    start = config.index(opening + " {") + len(opening) + 2
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(config[end], 0)
        end += 1
    return config[start : end - 1]


def test_the_upload_limit_of_the_server_is_the_apps():
    assert config()["server"]["maxUploadSize"] == app_config.DEFAULT_MAX_UPLOAD_MB


def test_the_proxy_bounds_streamlits_upload_endpoint():
    """#5: any open session may PUT files to /_stcore/upload_file/<session>/<id>, uploader or not;
    the proxy limits their rate (per client address), their size, and keeps session ids out of logs."""
    conf = readme_nginx()
    zone = re.search(r"limit_req_zone \$binary_remote_addr zone=(\w+):\w+ rate=(\d+)r/m;", conf)
    assert zone and int(zone[2]) <= 6
    upload = nginx_block(conf, "location /_stcore/upload_file/")
    assert re.search(rf"limit_req zone={zone[1]} burst=\d+", upload)
    assert "access_log off;" in upload
    size = re.search(r"client_max_body_size (\d+)m;", upload)
    assert size and app_config.DEFAULT_MAX_UPLOAD_MB <= int(size[1]) <= app_config.DEFAULT_MAX_UPLOAD_MB + 1
    elsewhere = re.search(r"client_max_body_size (\d+)m;", conf[: conf.index("location /_stcore/upload_file/")])
    assert elsewhere and int(elsewhere[1]) <= 1  # no other path takes a body


def test_the_proxy_configuration_is_valid_nginx(tmp_path):
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    assert nginx, "nginx is missing: run the tests through scripts/test.sh, which installs nginx-light"
    conf = readme_nginx().replace("listen 443 ssl;", "listen 127.0.0.1:8443;")  # no certificate here
    (tmp_path / "nginx.conf").write_text("events {}\nhttp {\n" + conf + "}\n")
    checked = subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "nginx.conf"),
            "-g",
            f"pid {tmp_path}/pid; error_log stderr;",
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


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
