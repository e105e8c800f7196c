"""History import: all rows or none, every bad line named by its line number."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import HEADER, NOVEMBER, write_csv
from small_catalog import GPLX
from sqlalchemy import func, select

from counter_app.db import Database
from counter_app.domain.errors import InvalidInput
from counter_app.models import Dossier, DossierEvent, OutboxOp, Rating
from counter_app.services.dossiers import get_dossier
from counter_app.services.recording import SYSTEM
from counter_app.services.reports.history_import import import_history

GOOD = ("G1", GPLX, "direct", "2026-11-02T08:00", "2026-11-03T08:00", "2026-11-02T15:00",
        "2026-11-02T16:00", "0", "10", "satisfied", "")  # fmt: skip


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_good_file_imports_every_row_with_its_events_and_ratings(
    small_db: Database, tmp_path: Path
) -> None:
    done = import_history(small_db, write_csv(tmp_path / "h.csv", NOVEMBER), SYSTEM)
    assert (done.dossiers, done.ratings) == (17, 5)
    assert _count(small_db, Dossier) == 17 and _count(small_db, Rating) == 5
    a3 = get_dossier(small_db, "a3")  # codes are kept upper case, as the desk numbers them
    assert (a3.status, a3.channel, a3.return_by_post) == (10, 2, True)
    assert a3.received_at.isoformat() == "2026-11-05T10:00:00+07:00"
    assert [(e.from_status, e.to_status) for e in a3.events] == [(None, 2), (2, 9), (9, 10)]
    withdrawn = get_dossier(small_db, "A11")
    assert withdrawn.finished_at is None  # withdrawing settles nothing
    assert withdrawn.events[-1].to_status == 7
    assert withdrawn.events[-1].at.isoformat() == "2026-11-27T08:00:00+07:00"
    with small_db.read() as s:  # everything goes to the center
        entities = dict(
            s.execute(select(OutboxOp.entity, func.count()).group_by(OutboxOp.entity)).all()
        )
    assert entities["dossiers"] == 17 and entities["ratings"] == 5
    assert entities["dossier_events"] == _count(small_db, DossierEvent)


def test_bad_lines_are_all_named_and_nothing_is_written(small_db: Database, tmp_path: Path) -> None:
    rows = [
        ("X1", GPLX, "fax", *GOOD[3:]),  # line 2: bad channel
        ("X2", GPLX, "direct", "2026-11-31T08:00", *GOOD[4:]),  # line 3: no 31 November
        ("X3", "9.999999", "direct", *GOOD[3:]),  # line 4: not in the catalog
        ("X4", *GOOD[1:9], "unsatisfied", ""),  # line 5: unsatisfied without a reason
        GOOD,  # line 6: good
        GOOD,  # line 7: the same code again
        ("X5", *GOOD[1:8], "11", "", ""),  # line 8: no status 11
    ]
    with pytest.raises(InvalidInput) as caught:
        import_history(small_db, write_csv(tmp_path / "bad.csv", rows), SYSTEM)
    message = caught.value.message
    assert "6 lỗi" in message and "\n" not in message
    for line, word in ((2, "kênh"), (3, "received_at"), (4, "9.999999"), (5, "lý do"),
                       (7, "trùng dòng 6"), (8, "trạng thái")):  # fmt: skip
        assert f"dòng {line}: " in message and word in message.split(f"dòng {line}: ")[1]
    assert "dòng 6:" not in message
    assert _count(small_db, Dossier) == 0 and _count(small_db, OutboxOp) == 0


def test_a_code_already_in_the_database_is_an_error(small_db: Database, tmp_path: Path) -> None:
    import_history(small_db, write_csv(tmp_path / "one.csv", [GOOD]), SYSTEM)
    again = ("G2", *GOOD[1:])
    with pytest.raises(InvalidInput, match=r"dòng 3: mã G1 đã có"):
        import_history(small_db, write_csv(tmp_path / "two.csv", [again, GOOD]), SYSTEM)
    assert _count(small_db, Dossier) == 1


@pytest.mark.parametrize(
    ("row", "word"),
    [
        (("Y", *GOOD[1:5], "", *GOOD[6:]), "finished_at"),  # status 10 without its finish
        (("Y", *GOOD[1:3], "2026-11-05T08:00", "2026-11-04T08:00", *GOOD[5:]), "due_at"),
        (("Y", *GOOD[1:7], "2", *GOOD[8:]), "returned_via_post"),
        (("Y", *GOOD[1:6], "", "0", "9", "satisfied", ""), "returned_at"),  # rated, not returned
    ],
)
def test_inconsistent_rows_are_refused(
    small_db: Database, tmp_path: Path, row: tuple[str, ...], word: str
) -> None:
    with pytest.raises(InvalidInput, match=rf"dòng 2: .*{word}"):
        import_history(small_db, write_csv(tmp_path / "x.csv", [row]), SYSTEM)


def test_a_missing_column_is_named(small_db: Database, tmp_path: Path) -> None:
    header = HEADER.replace(",rating_reason", "")
    path = write_csv(tmp_path / "h.csv", [GOOD[:-1]], header=header)
    with pytest.raises(InvalidInput, match="rating_reason"):
        import_history(small_db, path, SYSTEM)
