"""A small catalog whose every duration is known, for precise service tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from small_catalog import GPLX, HOURS, SAME_DAY

from counter_app.db import Database
from counter_app.domain.catalog import (
    ChecklistItemSpec,
    DepartmentSpec,
    DocumentKind,
    Duration,
    DurationUnit,
    ProcedureSpec,
)
from counter_app.services.catalog import load_catalog
from counter_app.services.setup import init_database, open_database

DEPARTMENTS = [
    DepartmentSpec("SGTVT", "Sở Giao thông Vận tải", "GTVT", True, "000.00.06.H56"),
    DepartmentSpec("STP", "Sở Tư pháp", "TP", True, "000.00.07.H56"),
]
PROCEDURES = [
    ProcedureSpec(
        GPLX,
        "Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
        "SGTVT",
        Duration(DurationUnit.WORKING_DAYS, 1),
        fee=135000,
        checklist=(
            ChecklistItemSpec("Đơn đề nghị đổi giấy phép lái xe"),
            ChecklistItemSpec("Bản sao giấy phép lái xe", kind=DocumentKind.PHOTOCOPY),
            ChecklistItemSpec("Giấy khám sức khỏe", required=False),
        ),
    ),
    ProcedureSpec(
        SAME_DAY,
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "STP",
        Duration(DurationUnit.WORKING_DAYS, 0, time(15, 0)),
        checklist=(ChecklistItemSpec("Bản chính giấy tờ cần chứng thực"),),
    ),
    ProcedureSpec(
        HOURS,
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "STP",
        Duration(DurationUnit.WORKING_HOURS, 4),
        checklist=(
            ChecklistItemSpec("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"),
            ChecklistItemSpec("Bản sao Căn cước công dân", kind=DocumentKind.CERTIFIED_COPY),
        ),
    ),
]


@pytest.fixture
def small_db(sqlite_url: str) -> Iterator[Database]:
    """A new desk database holding two departments and three procedures."""
    init_database(sqlite_url)
    db = open_database(sqlite_url)
    with db.write() as session:
        load_catalog(session, DEPARTMENTS, PROCEDURES, source="test")
    yield db
    db.dispose()
