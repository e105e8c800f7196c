"""Results by post: tracking numbers (S10), the pool, sending, delivery news and the post's CSV."""

from __future__ import annotations

from datetime import timedelta

import pytest
from test_postal_helpers import ACTOR, AT, dossier

from counter_app.domain.errors import InvalidInput, NotAllowed
from counter_app.domain.status import Channel, Status
from counter_app.services.dossiers import get_dossier
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier, request_from_json
from counter_app.services.postal import (
    PoolImport,
    PoolStatus,
    import_status_csv,
    import_tracking_pool,
    in_transit,
    list_deliveries,
    paper_location,
    pool_status,
    postal_volumes,
    send_by_post,
    set_delivery_status,
    track,
    validate_tracking,
    waiting_for_post,
)

N1, N2, N3 = "EB123456785VN", "EB000000005VN", "RR987654326VN"  # valid S10 check digits


def test_tracking_numbers_follow_upu_s10() -> None:
    assert validate_tracking(" eb 123 456 785 vn ") == N1
    assert validate_tracking(N3) == N3
    for bad, why in (
        ("EB123456789VN", "số kiểm tra"),
        ("EB12345678VN", "không đúng dạng"),
        ("EB123456785US", "không đúng dạng"),
        ("", "Thiếu"),
    ):
        with pytest.raises(InvalidInput, match=why):
            validate_tracking(bad)


def test_pool_import_reads_lines_or_csv_and_refuses_a_bad_file(small_db, tmp_path) -> None:
    lines = tmp_path / "pool.txt"
    lines.write_text(f"{N1}\n\n{N2}\n{N1}\n", encoding="utf-8")
    assert import_tracking_pool(small_db, ACTOR, lines) == PoolImport(2, 1)
    csv = tmp_path / "pool.csv"
    csv.write_text(f"ma_van_don,ghi_chu\n{N2},cu\n{N3},moi\n", encoding="utf-8")
    assert import_tracking_pool(small_db, ACTOR, csv) == PoolImport(1, 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{N1}\nEB123456789VN\nxyz\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"dòng 2.*dòng 3"):
        import_tracking_pool(small_db, ACTOR, bad)
    assert pool_status(small_db) == PoolStatus(3, 0)


def test_send_takes_the_pool_number_and_delivered_returns_the_result(small_db, tmp_path) -> None:
    (tmp_path / "p.txt").write_text(f"{N1}\n{N2}\n", encoding="utf-8")
    import_tracking_pool(small_db, ACTOR, tmp_path / "p.txt")
    home = dossier(small_db, post=True, status=Status.RESULT_READY)
    not_ready = dossier(small_db, post=True)
    assert [w.code for w in waiting_for_post(small_db)] == [home]
    with pytest.raises(NotAllowed, match="Đã xử lý xong"):
        send_by_post(small_db, ACTOR, not_ready)
    sent = send_by_post(small_db, ACTOR, home, at=AT + timedelta(hours=2))
    assert (sent.tracking_number, sent.receiver_name, sent.phone) == (
        N1,
        "Trần Văn An",
        "0912345678",
    )
    assert sent.status_label == "Đã giao bưu điện" and pool_status(small_db) == PoolStatus(1, 1)
    assert waiting_for_post(small_db) == [] and paper_location(small_db, home).place == "post"
    with pytest.raises(InvalidInput, match="đã giao bưu điện"):
        send_by_post(small_db, ACTOR, home)
    other = dossier(small_db, post=True, status=Status.RESULT_READY)
    with pytest.raises(InvalidInput, match="đã dùng cho hồ sơ"):
        track(small_db, ACTOR, other, N1)
    set_delivery_status(small_db, ACTOR, home, "in_transit", at=AT + timedelta(hours=3))
    done = set_delivery_status(small_db, ACTOR, home, "delivered", at=AT + timedelta(days=1))
    assert done.status_label == "Đã phát thành công"
    view = get_dossier(small_db, home)
    assert view.status == Status.RETURNED and view.returned_at == AT + timedelta(days=1)
    assert view.events[-1].data["by_post"] is True
    with pytest.raises(NotAllowed):
        set_delivery_status(small_db, ACTOR, home, "returned_to_center")
    assert paper_location(small_db, home).place == "citizen"


def test_a_returned_result_stays_ready_and_can_be_sent_again(small_db) -> None:
    home = dossier(small_db, post=True, status=Status.RESULT_READY)
    send_by_post(small_db, ACTOR, home, tracking_number=N2, at=AT + timedelta(hours=2))
    back = set_delivery_status(small_db, ACTOR, home, "returned", at=AT + timedelta(days=2))
    assert "vẫn “Đã xử lý xong”" in back.note
    assert get_dossier(small_db, home).status == Status.RESULT_READY
    assert paper_location(small_db, home).place == "center"
    assert [w.code for w in waiting_for_post(small_db)] == [home]
    again = send_by_post(
        small_db, ACTOR, home, tracking_number=N3, address="Thôn Pò Mục", at=AT + timedelta(days=3)
    )
    assert (again.tracking_number, again.address) == (N3, "Thôn Pò Mục")
    assert len(list_deliveries(small_db)) == 2


def _csv(tmp_path, text: str):
    path = tmp_path / "vnpost.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_the_posts_csv_is_all_or_nothing_on_malformed_lines(small_db, tmp_path) -> None:
    a = dossier(small_db, post=True, status=Status.RESULT_READY)
    b = dossier(small_db, post=True, status=Status.RESULT_READY)
    send_by_post(small_db, ACTOR, a, tracking_number=N1, at=AT)
    send_by_post(small_db, ACTOR, b, tracking_number=N2, at=AT)
    bad = _csv(
        tmp_path,
        "ma_van_don;trang_thai;thoi_gian\n"
        f"{N1};Phát thành công;24/11/2026 14:30\n"
        f"{N2};Đang bay;24/11/2026 15:00\n"
        "EB123456789VN;Phát thành công;24/11/2026 15:00\n"
        f"{N2};Chuyển hoàn;32/11/2026\n",
    )
    result = import_status_csv(small_db, ACTOR, bad, now=AT + timedelta(days=5))
    assert result.updated == 0 and [e.split(":")[0] for e in result.errors] == [
        "dòng 3",
        "dòng 4",
        "dòng 5",
    ]
    assert get_dossier(small_db, a).status == Status.RESULT_READY  # nothing applied
    good = _csv(
        tmp_path,
        "ma_van_don,trang_thai,thoi_gian,ghi_chu\n"
        f"{N1},Phát thành công,24/11/2026 14:30,Người nhận: Trần Văn An\n"
        f"{N1},Đang vận chuyển,24/11/2026 08:00\n"
        f"{N2},Đã chuyển hoàn,2026-11-25 09:00\n"
        f"{N3},Phát thành công,24/11/2026 10:00\n",
    )
    result = import_status_csv(small_db, ACTOR, good, now=AT + timedelta(days=5))
    assert (result.updated, result.unchanged, result.unknown, result.errors) == (3, 0, (N3,), ())
    assert get_dossier(small_db, a).status == Status.RETURNED
    assert get_dossier(small_db, b).status == Status.RESULT_READY
    again = import_status_csv(
        small_db, ACTOR, good, now=AT + timedelta(days=5)
    )  # the same file twice: harmless
    assert (again.updated, again.unchanged) == (0, 3)


def test_intake_by_post_keeps_the_envelopes_tracking_number(small_db) -> None:
    from small_catalog import GPLX

    req = IntakeRequest(
        GPLX,
        Applicant("Trần Văn An"),
        channel=Channel.POSTAL,
        received_at=AT,
        postal_tracking="rr 987654326 vn",
    )
    code = create_dossier(small_db, req, ACTOR, now=AT).code
    assert get_dossier(small_db, code).events[0].data["postal_tracking"] == N3
    with pytest.raises(InvalidInput, match="kênh 3"):
        create_dossier(small_db, IntakeRequest(GPLX, Applicant("A"), postal_tracking=N3), ACTOR)
    with pytest.raises(InvalidInput, match="số kiểm tra"):
        create_dossier(
            small_db,
            IntakeRequest(
                GPLX, Applicant("A"), channel=Channel.POSTAL, postal_tracking="EB123456789VN"
            ),
            ACTOR,
        )
    loaded = request_from_json(
        {
            "procedure": GPLX,
            "applicant": {"full_name": "A"},
            "channel": "postal",
            "postal_tracking": N1,
        }
    )
    assert loaded.postal_tracking == N1


def test_transit_and_volumes(small_db) -> None:
    from counter_app.services.postal import add_to_batch, close_batch, create_batch

    old, recent = dossier(small_db), dossier(small_db)
    for code, when in ((old, AT), (recent, AT + timedelta(days=4))):
        batch = create_batch(small_db, ACTOR, "to_department", "SGTVT", at=when)
        add_to_batch(small_db, ACTOR, batch.number, code, at=when)
        close_batch(small_db, ACTOR, batch.number, handed_by="A", received_by="B", at=when)
    by_post = dossier(small_db, channel=Channel.POSTAL)
    home = dossier(small_db, post=True, status=Status.RESULT_READY)
    send_by_post(small_db, ACTOR, home, tracking_number=N1, at=AT)
    now = AT + timedelta(days=5)
    rows = in_transit(small_db, older_than_days=3, now=now)
    assert [(r.code, r.days, r.place) for r in rows] == [(old, 5, "department"), (home, 5, "post")]
    assert rows[1].tracking_number == N1 and rows[0].department_name == "Sở Giao thông Vận tải"
    assert [r.code for r in in_transit(small_db, older_than_days=0, now=now)] == [old, home, recent]
    volumes = postal_volumes(small_db, months=1, now=now)
    assert [(v.month, v.direction, v.department_name, v.count) for v in volumes] == [
        ("2026-11", "to_department", "Sở Giao thông Vận tải", 2),
        ("2026-11", "to_post", "", 1),
        ("2026-11", "received_by_post", "Sở Giao thông Vận tải", 1),
    ]
    assert by_post and postal_volumes(small_db, months=1, now=now + timedelta(days=40)) == []
