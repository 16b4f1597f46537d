"""The error family: every code declared once, named by one class, said in both languages."""

import datetime as dt

from doandata import backup, commendations, errors, i18n, ingest, migrate, problems, safety, store

RAISERS = (backup, commendations, ingest, migrate, problems, safety, store)  # each declares the errors it raises


def family() -> list[type]:
    found, todo = [], [errors.DoanError]
    while todo:
        cls = todo.pop()
        found += cls.__subclasses__()
        todo += cls.__subclasses__()
    return found


def test_every_code_is_named_by_one_class_where_it_is_raised():
    assert {cls.__module__ for cls in family()} == {m.__name__ for m in RAISERS}
    assert sorted(cls.code for cls in family()) == sorted(errors.Code)


def test_every_catalogue_message_exists_in_both_languages():
    for cls in family():
        if cls.message is errors.DoanError.message:  # the others say their problem records
            vi, en = i18n.CATALOGUE[f"error.{cls.code}"]
            assert vi and en, cls


def test_a_message_is_rendered_in_the_readers_language():
    at = dt.datetime(2026, 11, 25, 3, 4)  # stored in UTC: 10:04 in Hồ Chí Minh City
    exc = store.DuplicateUpload({"id": 5, "at": at, "filename": "q1.xlsx"})
    assert exc.message() == "Tệp này đã được tải lên y hệt ở lần #5 (25/11/2026 10:04). Không lưu gì thêm."
    assert exc.message("en").startswith("This very file was already uploaded as #5 (25 Nov 2026 10:04)")
    assert exc.exit_status == errors.Exit.OK and exc.upload["filename"] == "q1.xlsx"
    assert store.UnknownUpload(7).message() == (
        "Không có lần tải lên #7. Danh sách các lần tải lên có ở trang Lịch sử (trên dòng lệnh: "
        "“python -m doandata history”)."
    )
    assert problems.Unreadable("file_empty", file="a.xlsx").message().startswith("Lỗi: Tệp a.xlsx rỗng")
    seed = ingest.SeedError("u.xlsx", [problems.error("no_rows", sheet="S", row=3)])
    assert seed.message() == "u.xlsx: " + problems.error("no_rows", sheet="S", row=3).line()
