"""Scoring in stages on the pages (#19): the overview says which stage its figures rest on, and an
editor approves a working group's checked scorecards of Q3 on Tổ công tác, one history entry."""

from doandata.store import Store
from tests.conftest import NEXT, SEEDED
from tests.test_editing import app_on, open_page, sign_in

ED = "Nguyễn Trần Tuấn"
# the sample's Q3 (sample_data, #19): all 24 units scored themselves; group 1 checked its units BDMDN
# and STC; nothing approved. The overview shows the 9 followed units: 7 self-scored, 2 checked.
BEFORE = (
    "Quý III/2018: 7 đơn vị mới có điểm tự chấm (chờ Tổ công tác thẩm định), 2 đơn vị đã thẩm định chờ Ban "
    "Thường vụ duyệt. Chưa duyệt thì tổng điểm tính theo vòng chấm cao nhất đã có."
)
AFTER = BEFORE.replace("2 đơn vị đã thẩm định", "0 đơn vị đã thẩm định")


def captions(app) -> list[str]:
    return [c.value for c in app.caption]


def test_an_editor_approves_q3_for_group_1_and_the_overview_says_so(db_url, monkeypatch):
    app = app_on(db_url, monkeypatch, timeout=120)
    open_page(app, "pages/tong_quan.py", q="2018-Q3")
    assert BEFORE in captions(app)

    open_page(app, "pages/to_cong_tac.py", q="2018-Q3")
    assert "2 đơn vị đã được Tổ công tác thẩm định, chờ duyệt: BDMDN, STC." in [m.value for m in app.markdown]
    assert not [b for b in app.button if b.label == "Ghi duyệt cho Tổ 1"]  # a viewer: no button
    sign_in(app, name=ED)  # the folded sign-in at the foot of the page
    press = next(b for b in app.button if b.label == "Ghi duyệt cho Tổ 1")
    press.click().run()  # not confirmed: nothing happens but a word
    assert "Hãy đánh dấu ô xác nhận rồi bấm lại. Chưa duyệt gì." in [w.value for w in app.warning]
    assert len(Store(db_url).history()) == SEEDED
    next(
        c for c in app.checkbox if c.label.startswith("Ban Thường vụ đã duyệt điểm thẩm định của 2 đơn vị Tổ 1")
    ).check()
    next(b for b in app.button if b.label == "Ghi duyệt cho Tổ 1").click().run()
    assert not app.exception, app.exception
    assert f"Đã ghi duyệt bảng điểm của 2 đơn vị Tổ 1: mục lịch sử #{NEXT} (hoàn tác được ở trang Lịch sử)." in [
        s.value for s in app.success
    ]
    store = Store(db_url)
    assert store.approvable("2018-Q3") == []
    totals = store.totals(periods=["2018-Q3"], unit_codes=["BDMDN", "STC"])
    assert set(totals["stage"]) == {"approved"}
    assert store.history().iloc[0]["by"] == ED

    open_page(app, "pages/tong_quan.py", q="2018-Q3")
    assert AFTER in captions(app) and BEFORE not in captions(app)
    store.rollback(NEXT, by=ED)  # undone like an upload: group 1's cards wait again
    assert store.approvable("2018-Q3") == ["BDMDN", "STC"]
