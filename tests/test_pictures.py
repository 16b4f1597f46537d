"""The documents' pictures come from one Chromium kept alive across builds (issue #16, "Speed"):
two documents in a row share it, a killed one is started again, two builds at once both get their
pictures, and a document built again with other signing fields reuses its pictures."""

import io
import os
import signal
import threading
import time
from pathlib import Path

import docx
import pytest

from doandata import builds, i18n, pictures, reports


@pytest.fixture(autouse=True)
def fresh():
    builds.forget()
    pictures.forget()
    yield
    builds.forget()
    pictures.forget()


def pictures_in(data: bytes) -> int:
    return len(docx.Document(io.BytesIO(data)).inline_shapes)


def processes() -> dict[int, tuple[str, int]]:
    """Every process: its name and its parent (read from /proc)."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            found[int(entry)] = (name, int(rest.split()[1]))
    return found


def browsers_below_this_process() -> list[int]:
    """The Chromium browser processes (not their renderers and helpers) started from this process."""
    table = processes()

    def below(pid):
        while pid in table and pid != os.getpid():
            pid = table[pid][1]
        return pid == os.getpid()

    return [
        pid
        for pid, (name, parent) in table.items()
        if name.startswith("chrom") and not table.get(parent, ("",))[0].startswith("chrom") and below(pid)
    ]


def gone(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pictures.pid() != pid:
            return True
        time.sleep(0.05)
    return False


def test_two_documents_in_a_row_share_one_browser(store):
    first = builds.document(store, "midyear", "2018-Q2", "docx")
    browser, started = pictures.pid(), pictures.starts
    assert browser is not None
    second = builds.document(store, "quarter", "2018-Q1", "docx")  # another period: not kept, drawn anew
    assert pictures_in(first) == pictures_in(second) == 2
    assert pictures.pid() == browser
    assert pictures.starts == started
    assert len(browsers_below_this_process()) == 1  # one Chromium, not one per picture


def test_a_killed_browser_is_started_again_and_the_document_has_its_pictures(store):
    builds.document(store, "midyear", "2018-Q2", "docx")
    killed, started = pictures.pid(), pictures.starts
    (chromium,) = browsers_below_this_process()
    os.kill(chromium, signal.SIGKILL)  # the browser dies (a crash, the OOM killer)
    assert gone(killed)
    data = builds.document(store, "final", "2018-Q3", "docx")
    assert pictures_in(data) == 2
    assert pictures.starts == started + 1
    assert pictures.pid() not in (None, killed)


def test_two_builds_at_once_both_get_their_pictures(store):
    builds.document(store, "quarter", "2018-Q3", "docx")  # the browser is up
    started, got = pictures.starts, {}
    start = threading.Barrier(2)

    def build(kind, period):
        start.wait()
        got[kind] = builds.document(store, kind, period, "docx")

    threads = [threading.Thread(target=build, args=kp) for kp in (("midyear", "2018-Q2"), ("final", "2018-Q3"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert {k: pictures_in(v) for k, v in got.items()} == {"midyear": 2, "final": 2}
    assert pictures.starts == started


def test_other_signing_fields_reuse_the_pictures(store):
    plain = builds.document(store, "midyear", "2018-Q2", "docx")
    drawn = pictures.drawn
    signed = builds.document(store, "midyear", "2018-Q2", "docx", reports.Signing(number="12", signer="Nguyễn Văn A"))
    assert signed != plain
    assert pictures.drawn == drawn  # nothing drawn again
    assert blobs(signed) == blobs(plain) and len(blobs(plain)) == 2


def blobs(data: bytes) -> list[bytes]:
    part = docx.Document(io.BytesIO(data)).part
    return sorted(rel.target_part.blob for rel in part.rels.values() if rel.reltype.endswith("/image"))


def test_without_a_browser_the_document_says_so(store, monkeypatch):
    pictures.shutdown()
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    try:
        data = builds.document(store, "midyear", "2018-Q2", "docx")
    finally:
        monkeypatch.undo()
        pictures.shutdown()  # the next test starts a browser at once
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert pictures_in(data) == 0
    assert i18n.t("doc.no_charts", "vi") in text


def test_a_warmed_browser_draws_the_first_document_and_is_not_started_twice(store):
    """The Báo cáo page warms the browser as it opens: the first click then starts no Chromium."""
    pictures.shutdown()
    started = pictures.starts
    pictures.warm()
    deadline = time.monotonic() + pictures.START_TIMEOUT
    while pictures.pid() is None and time.monotonic() < deadline:  # started in a thread of its own
        time.sleep(0.05)
    assert pictures.pid() is not None and pictures.starts == started + 1
    pictures.warm()  # already open: nothing more
    data = builds.document(store, "quarter", "2018-Q2", "docx")
    assert pictures_in(data) == 2
    assert pictures.starts == started + 1
    assert len(browsers_below_this_process()) == 1
