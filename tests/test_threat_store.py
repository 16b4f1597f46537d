"""What an attacker (or an unlucky editor) tried next against the store: the same file for another
period, ids reused after a restore, backups of another schema, a full or read-only disk."""

import pytest

from doandata import ingest
from doandata.store import DuplicateUpload
from tests.conftest import SAMPLE

Q3 = SAMPLE / "07_bang_diem_quy_3_2018.xlsx"


def test_the_same_file_chosen_for_another_period_is_not_a_duplicate(any_store):
    data = Q3.read_bytes()
    with pytest.raises(DuplicateUpload):  # the very file for the very period: refused as before
        ingest.import_bytes(data, Q3.name, any_store, "2018-Q3")
    outcome = ingest.import_bytes(data, Q3.name, any_store, "2018-Q4", by="Tổ 1")
    assert outcome.imported.id == 11
    assert any_store.upload(11)["periods"] == "2018-Q4"
    assert set(any_store.totals(periods=["2018-Q4"])["unit_code"]) == set(any_store.units()["unit_code"])
