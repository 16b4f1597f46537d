"""Editor sign-in: constant-time check, growing delay, no password in logs or URLs."""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from doandata import auth
from doandata.store import Store
from tests.conftest import NEXT, ROOT, SEEDED

PASSWORD = "mat-khau-bi-mat-2018"


def test_verification_uses_a_constant_time_comparison(monkeypatch):
    stored = auth.hash_password(PASSWORD)
    calls = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    assert auth.verify(PASSWORD, stored) and not auth.verify("khac", stored)
    assert len(calls) == 2


def wait_over(store, client):
    """As if the last failure of `client` were 31 s ago: any wait is over, the count is kept."""
    with store.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE login_failures SET last_at = :t WHERE client = :c"),
            {"t": time.time() - auth.MAX_DELAY - 1, "c": client},
        )


def stored_failures(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return dict(conn.execute(sa.text("SELECT client, failures FROM login_failures")).all())


def test_failures_grow_the_wait_and_refuse_during_it(any_store):
    t = auth.Throttle(any_store.login_counts())
    stored = auth.hash_password(PASSWORD)
    waits = []
    for _ in range(4):
        wait_over(any_store, "1.2.3.4")
        ok, wait = auth.check_login("sai", stored, "1.2.3.4", t)
        waits.append(round(wait))
        assert not ok
    assert waits == [1, 2, 4, 8]
    assert auth.check_login(PASSWORD, stored, "1.2.3.4", t) == (False, pytest.approx(8, abs=0.5))  # right, too early
    assert auth.check_login("sai", stored, "1.2.3.4", t)[0] is False  # refused unchecked: not counted
    assert stored_failures(any_store) == {"1.2.3.4": 4}
    assert auth.check_login(PASSWORD, stored, "5.6.7.8", t) == (True, 0.0)  # another client is not held up
    for _ in range(3):
        wait_over(any_store, "1.2.3.4")
        auth.check_login("sai", stored, "1.2.3.4", t)
    assert round(t.wait_for("1.2.3.4")) == 30  # the wait stops growing at 30 s
    wait_over(any_store, "1.2.3.4")
    assert auth.check_login(PASSWORD, stored, "1.2.3.4", t) == (True, 0.0)
    assert stored_failures(any_store) == {}  # a success wipes the count


def test_app_instances_on_one_store_hold_back_the_same_client(any_url):
    """Two app instances (two Store objects, each with its own connections) behind one proxy: a
    client that failed on one is held back on the other, and its success there clears both."""
    stored = auth.hash_password(PASSWORD)
    first, second = Store(any_url), Store(any_url)
    one, two = auth.Throttle(first.login_counts()), auth.Throttle(second.login_counts())
    assert auth.check_login("sai", stored, "203.0.113.7", one)[0] is False
    ok, wait = auth.check_login(PASSWORD, stored, "203.0.113.7", two)
    assert not ok and 0 < wait <= 1
    wait_over(second, "203.0.113.7")
    assert auth.check_login("sai", stored, "203.0.113.7", two) == (False, pytest.approx(2, abs=0.5))  # the 2nd
    wait_over(first, "203.0.113.7")
    assert auth.check_login(PASSWORD, stored, "203.0.113.7", two) == (True, 0.0)
    assert one.wait_for("203.0.113.7") == 0 and stored_failures(first) == {}
    first.dispose()
    second.dispose()


def test_sign_ins_at_the_same_instant_get_one_guess_checked(any_url, monkeypatch):
    """#11: twelve sessions click "sign in" at the same instant, each through its own connections
    (as twelve browser tabs on several instances would): checking the wait, verifying and counting
    the failure were separate steps, and 8 guesses got verified. One guess per wait now."""
    stored = auth.hash_password(PASSWORD)
    verified = []
    real = auth.verify
    monkeypatch.setattr(auth, "verify", lambda p, s: verified.append(p) or real(p, s))
    stores = [Store(any_url) for _ in range(12)]
    start = threading.Barrier(12)

    def guess(i):
        throttle = auth.Throttle(stores[i].login_counts())
        start.wait()
        return auth.check_login(f"doan-{i}", stored, "198.51.100.1", throttle)

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(guess, range(12)))
    assert len(verified) == 1 and not any(ok for ok, _ in results)
    assert sorted(round(wait) for _, wait in results) == [1] * 12  # the rest were refused unchecked
    assert stored_failures(stores[0]) == {"198.51.100.1": 1}
    for s in stores:
        s.dispose()


def test_old_failures_are_forgotten(any_store):
    counts = any_store.login_counts()
    counts.attempt("192.0.2.1", time.time() - 2 * 86_400, auth.delay)
    counts.attempt("192.0.2.2", time.time(), auth.delay)
    assert stored_failures(any_store) == {"192.0.2.2": 1}


@pytest.mark.parametrize(
    "peer, header, proxies, client",
    [
        ("127.0.0.1", "203.0.113.7", 1, "203.0.113.7"),  # nginx in front: the address it saw
        ("127.0.0.1", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),  # a forged entry further left is ignored
        ("10.0.0.2", "203.0.113.7, 10.0.0.1", 2, "203.0.113.7"),  # two proxies
        ("10.0.0.2", "203.0.113.7", 2, "10.0.0.2"),  # fewer entries than proxies: not to be trusted
        ("198.51.100.9", "6.6.6.6", 0, "198.51.100.9"),  # no proxy configured: the header is ignored
        (None, None, 0, "unknown"),
        ("127.0.0.1", None, 1, "127.0.0.1"),
    ],
)
def test_the_client_address_behind_proxies(peer, header, proxies, client):
    assert auth.client_address(peer, header, proxies) == client


def test_no_password_in_logs_or_urls(db_url, monkeypatch, caplog):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", auth.hash_password(PASSWORD))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.switch_page("pages/tai_len.py").run()
    with caplog.at_level(logging.INFO, logger="doandata.auth"):
        inputs = {t.label: t for t in app.text_input}
        inputs["Họ tên người biên tập (ghi vào lịch sử)"].set_value("Người thử")
        inputs["Mật khẩu biên tập"].set_value("doan-sai-" + PASSWORD)
        next(b for b in app.button if b.label == "Đăng nhập").click().run()
    assert "editor login failed" in caplog.text and PASSWORD not in caplog.text
    assert [e.value for e in app.error] == ["Mật khẩu không đúng. Hãy chờ 1 giây rồi thử lại."]
    store = Store(db_url)
    assert sum(stored_failures(store).values()) == 1  # counted in the store, for every instance
    store.dispose()
    assert all(PASSWORD not in str(v) for v in dict(app.query_params).values())
    assert next(t for t in app.text_input if t.label == "Mật khẩu biên tập").proto.type == 1  # a password field


# ---------------------------------------------------------------- #6: the editor's session


@pytest.fixture
def editor_app(db_url, monkeypatch):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", auth.hash_password(PASSWORD))
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def sign_in(app, page: str) -> AppTest:
    app.switch_page(page).run()
    inputs = {t.label: t for t in app.text_input}
    inputs["Họ tên người biên tập (ghi vào lịch sử)"].set_value("Người biên tập")
    inputs["Mật khẩu biên tập"].set_value(PASSWORD)
    next(b for b in app.button if b.label == "Đăng nhập").click().run()
    assert not app.exception and app.get("file_uploader"), "signed in"
    return app


SIGNED_OUT = "Phiên biên tập đã hết hạn hoặc mật khẩu biên tập vừa được đổi; hãy đăng nhập lại."


def test_a_new_password_hash_signs_editors_out(editor_app, monkeypatch):
    """#6: changing the hash did not sign out an editor already signed in."""
    app = sign_in(editor_app, "pages/tai_len.py")
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", auth.hash_password("mat-khau-moi-2019"))
    app.run()
    assert not app.exception and not app.get("file_uploader")
    assert [i.value for i in app.info][:1] == [SIGNED_OUT]


def test_a_sign_in_expires(editor_app, monkeypatch):
    """#6: the editor role lived as long as the session id (which leaks); now its hours are a setting."""
    monkeypatch.setenv("DOANDATA_EDITOR_SESSION_HOURS", str(1 / 3600))  # one second
    app = sign_in(editor_app, "pages/tai_len.py")
    time.sleep(1.2)
    app.run()
    assert not app.exception and not app.get("file_uploader")
    assert [i.value for i in app.info][:1] == [SIGNED_OUT]


def test_a_restore_and_a_change_of_settings_ask_for_the_password_again(editor_app, db_url):
    """#6: another client reconnecting with a leaked session id got the editor's restore button."""
    app = sign_in(editor_app, "pages/tai_len.py")
    app.switch_page("pages/lich_su.py").run()
    app.selectbox(key="restore_pick").set_value(10).run()
    app.checkbox(key="restore_sure_10").check().run()
    go = next(b for b in app.button if b.key == "restore_go")
    go.click().run()
    assert [e.value for e in app.error] == ["Hãy nhập lại mật khẩu biên tập để xác nhận; chưa thay đổi gì."]
    app.text_input(key="restore_password").set_value("doan-" + PASSWORD)
    next(b for b in app.button if b.key == "restore_go").click().run()
    assert [e.value for e in app.error] == ["Mật khẩu không đúng. Hãy chờ 1 giây rồi thử lại."]
    store = Store(db_url)
    assert len(store.history()) == SEEDED  # nothing restored
    app.switch_page("pages/cai_dat.py").run()
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert [e.value for e in app.error] == ["Hãy nhập lại mật khẩu biên tập để xác nhận; chưa thay đổi gì."]
    assert len(store.history()) == SEEDED  # no settings saved
    wait_over(store, "unknown")
    app.text_input(key="settings_password").set_value(PASSWORD)
    next(b for b in app.button if b.label == "Lưu cài đặt").click().run()
    assert not app.exception and app.success[0].value.startswith(f"Đã lưu cài đặt (mục lịch sử #{NEXT})")
    store.dispose()


def test_an_unknown_client_address_is_said_to_editors_and_logged(editor_app, caplog):
    """#18: with no peer address (a proxy on the same machine that sets no header) every visitor
    shares the "unknown" counter: one person's wrong passwords make every editor wait."""
    from pages import _editor

    _editor._log_shared_counter.clear()
    with caplog.at_level(logging.WARNING, logger="doandata.auth"):
        editor_app.switch_page("pages/tai_len.py").run()
    assert not editor_app.exception
    assert [w.value for w in editor_app.warning][0].startswith(
        "Máy chủ không biết địa chỉ của người truy cập (proxy không gửi X-Forwarded-For"
    )
    assert "every visitor shares one failure counter" in caplog.text
