"""Report floods (issue "What an attacker tried next", #4): a viewer's click builds a document
through Chromium, so the same document is built once and at most two builds run at once."""

import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from doandata import builds, reports
from tests.conftest import ROOT


class Counting:
    """A slow stand-in for reports.build that counts its calls and how many overlap."""

    def __init__(self, seconds=0.3):
        self.seconds, self.calls, self.running, self.most = seconds, 0, 0, 0
        self.lock = threading.Lock()

    def __call__(self, store, kind, period, fmt, signing=None, with_images=True, lang="vi"):
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(self.seconds)
        with self.lock:
            self.running -= 1
        return f"{kind} {period} {fmt} {lang} {signing.number if signing else ''}".encode()


@pytest.fixture
def counting(monkeypatch):
    builds.forget()
    fake = Counting()
    monkeypatch.setattr(reports, "build", fake)
    yield fake
    builds.forget()


def at_once(calls):
    results, start = [None] * len(calls), threading.Barrier(len(calls))

    def run(i, call):
        start.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_eight_clicks_for_the_same_document_build_it_once(store, counting):
    waits = []
    got = at_once([lambda: builds.document(store, "quarter", "2018-Q2", "docx", on_wait=lambda: waits.append(1))] * 8)
    assert counting.calls == 1
    assert got == [b"quarter 2018-Q2 docx vi "] * 8
    assert len(waits) == 7  # every click but the first was told it waits
    builds.document(store, "quarter", "2018-Q2", "docx")
    assert counting.calls == 1  # kept


def test_eight_different_documents_never_build_more_than_two_at_once(store, counting):
    waits = []
    calls = [
        (
            lambda n=n: builds.document(
                store, "quarter", "2018-Q2", "docx", reports.Signing(number=str(n)), "vi", lambda: waits.append(1)
            )
        )
        for n in range(8)
    ]
    got = at_once(calls)
    assert counting.calls == 8 and counting.most == builds.MAX_RUNNING == 2
    assert len(set(got)) == 8 and len(waits) >= 6  # six at least waited for a turn


def test_a_document_depends_on_every_field_and_a_new_store_version(store, counting):
    base = dict(kind="quarter", period="2018-Q2", fmt="docx")
    builds.document(store, **base)
    builds.document(store, **base, lang="en")
    builds.document(store, **{**base, "fmt": "xlsx"})
    builds.document(store, **{**base, "period": "2018-Q3"})
    builds.document(store, **base, signing=reports.Signing(signer="Nguyễn Văn A"))
    assert counting.calls == 5
    store.save_settings(store.settings(), by="test")  # a new history entry: a new version
    builds.document(store, **base)
    assert counting.calls == 6


def test_kept_documents_are_bounded(store, counting, monkeypatch):
    monkeypatch.setattr(builds, "MAX_KEPT", 3)
    for n in range(5):
        builds.document(store, "quarter", "2018-Q2", "xlsx", reports.Signing(number=str(n)))
    assert len(builds._kept) == 3


def test_two_viewers_clicking_the_same_report_share_one_build(db_url, monkeypatch, counting):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.chdir(ROOT)
    for _ in range(2):
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        app.switch_page("pages/bao_cao.py").run()
        next(b for b in app.button if b.label == "Lập báo cáo").click().run()
        assert not app.exception
        assert [b.label for b in app.get("download_button")] == ["Tải văn bản Word (.docx)", "Tải bảng Excel (.xlsx)"]
    assert counting.calls == 2  # one .docx and one .xlsx for both viewers
