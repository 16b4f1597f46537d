"""Editor sign-in: constant-time check, growing delay, no password in logs or URLs."""
import logging

from streamlit.testing.v1 import AppTest

from doandata import auth
from tests.conftest import ROOT

PASSWORD = "mat-khau-bi-mat-2018"


def test_verification_uses_a_constant_time_comparison(monkeypatch):
    stored = auth.hash_password(PASSWORD)
    calls = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    assert auth.verify(PASSWORD, stored) and not auth.verify("khac", stored)
    assert len(calls) == 2


def test_failures_grow_the_wait_and_refuse_during_it():
    t = auth.Throttle()
    stored = auth.hash_password(PASSWORD)
    waits = []
    for _ in range(4):
        t._failures["1.2.3.4"] = (t._failures.get("1.2.3.4", (0, 0.0))[0], 0.0)  # the previous wait is over
        ok, wait = auth.check_login("sai", stored, "1.2.3.4", t)
        waits.append(round(wait))
        assert not ok
    assert waits == [1, 2, 4, 8]
    assert auth.check_login(PASSWORD, stored, "1.2.3.4", t)[0] is False  # the right one, too early
    assert auth.check_login(PASSWORD, stored, "5.6.7.8", t) == (True, 0.0)  # another client is not held up


def test_no_password_in_logs_or_urls(db_url, monkeypatch, caplog):
    monkeypatch.setenv("DOANDATA_DB_URL", db_url)
    monkeypatch.setenv("DOANDATA_EDITOR_PASSWORD_HASH", auth.hash_password(PASSWORD))
    monkeypatch.chdir(ROOT)
    auth.THROTTLE._failures.clear()
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.switch_page("pages/tai_len.py").run()
    with caplog.at_level(logging.INFO, logger="doandata.auth"):
        inputs = {t.label: t for t in app.text_input}
        inputs["Họ tên người biên tập (ghi vào lịch sử)"].set_value("Người thử")
        inputs["Mật khẩu biên tập"].set_value("doan-sai-" + PASSWORD)
        next(b for b in app.button if b.label == "Đăng nhập").click().run()
    assert "editor login failed" in caplog.text and PASSWORD not in caplog.text
    assert all(PASSWORD not in str(v) for v in dict(app.query_params).values())
    assert next(t for t in app.text_input if t.label == "Mật khẩu biên tập").proto.type == 1  # a password field
