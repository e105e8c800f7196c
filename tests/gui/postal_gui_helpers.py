"""Dossiers for the postal page's tests: received ones of one department, results ready to go
home by post, and a valid tracking number maker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gui_helpers import VN

from counter_app.services.catalog import search_procedures
from counter_app.services.dossiers import change_status
from counter_app.services.intake import Applicant, IntakeRequest, PostReturn, create_dossier
from counter_app.services.postal_tracking import s10_check_digit
from counter_app.services.recording import Actor

OFFICER = Actor(None, "Nguyễn Thị Hương")
RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
READY = datetime(2025, 3, 12, 16, 0, tzinfo=VN)


@dataclass(frozen=True)
class Made:
    codes: list[str]
    department_code: str
    department: str


def received(db, n: int, name: str = "Trần Văn An", post: bool = False) -> Made:
    """`n` dossiers of one procedure (status 2 "Được tiếp nhận"), received on 12 March 2025."""
    proc = search_procedures(db, "chứng thực", limit=1)[0]
    codes = []
    for i in range(n):
        request = IntakeRequest(
            proc.code,
            Applicant(f"{name} {i + 1}", phone="0912345678", address="Phường Vĩnh Trại"),
            return_by_post=PostReturn("Số 5 Lê Lợi, Phường Vĩnh Trại", "0987654321", name)
            if post
            else None,
        )
        codes.append(create_dossier(db, request, OFFICER, now=RECEIVED).code)
    return Made(codes, proc.department_code, proc.department)


def ready_by_post(db, n: int) -> list[str]:
    """`n` results ready (status 9) that the citizen asked to get at home by post."""
    codes = received(db, n, name="Hoàng Thị Mai", post=True).codes
    for code in codes:
        change_status(db, code, 9, OFFICER, at=READY)
    return codes


def tracking(serial: int) -> str:
    """Return a valid VNPost (UPU S10) tracking number for an 8-digit serial."""
    digits = f"{serial:08d}"
    return f"EB{digits}{s10_check_digit(digits)}VN"
