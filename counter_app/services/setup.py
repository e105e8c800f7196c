"""Creating a database: the schema, and on request the deterministic demo Lạng Sơn center."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db import Database
from counter_app.db.engine import sqlite_path
from counter_app.db.migrate import current_revision, head_revision, upgrade
from counter_app.domain.errors import InvalidInput, StorageError
from counter_app.models import CalendarEntry, Desk, Dossier, Procedure, QueueService, Unit, User
from counter_app.models.queue import desk_services, queue_service_units
from counter_app.services.auth import add_user, new_password
from counter_app.services.catalog import load_catalog
from counter_app.services.meta import CENTER_UNIT_ID, DESK_ID, set_meta
from counter_app.services.recording import SYSTEM, audit, sync_state

CENTER_CODE = "TTPVHCC"
CENTER_NAME = "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"
# Electronic identification codes (mã định danh) of the demo: province H39, one per unit.
PROVINCE_SUFFIX = "H39"
DEMO_DESKS = 20


@dataclass(frozen=True, slots=True)
class InitResult:
    url: str
    created: bool  # False: the database existed and was only upgraded
    demo: bool  # the demo center was loaded now
    passwords: dict[str, str] = field(default_factory=dict)  # demo users, shown once


def open_database(url: str) -> Database:
    """Open an existing database at the current schema; StorageError says how to create one."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise StorageError(
            f"Chưa có cơ sở dữ liệu {path}. Tạo bằng: counter-app init --demo "
            f"(hoặc counter-app init) / No database at {path}; create it with "
            f"`counter-app init --demo`"
        )
    db = Database(url)
    try:
        rev = current_revision(db.engine)
    except Exception as exc:
        db.dispose()
        raise StorageError(
            f"Không mở được cơ sở dữ liệu / Cannot open the database: {exc}"
        ) from exc
    if rev is None:
        db.dispose()
        raise StorageError(
            "Cơ sở dữ liệu trống, chưa khởi tạo: chạy counter-app init --demo / "
            "The database is empty: run `counter-app init --demo`"
        )
    if rev != head_revision():
        db.dispose()
        raise StorageError(
            f"Cơ sở dữ liệu ở phiên bản {rev}, cần {head_revision()}: chạy counter-app init để "
            f"nâng cấp / The database schema is at {rev}; run `counter-app init` to upgrade"
        )
    return db


def init_database(url: str, *, demo: bool = False, if_new: bool = False) -> InitResult:
    """Create (or upgrade) the database at `url`; with `demo`, load the demo center into it.

    The demo goes only into a database without units or procedures: otherwise InvalidInput,
    or, with `if_new`, the database is only upgraded (what `make run` does on later runs)."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        created = current_revision(db.engine) is None
        upgrade(db.engine)
        passwords: dict[str, str] = {}
        loaded = False
        with db.write() as session:
            sync_state(session)
            has_data = bool(
                session.scalar(select(func.count(Unit.id)))
                or session.scalar(select(func.count(Procedure.id)))
            )
            if demo and not (has_data and if_new):
                if has_data:
                    raise InvalidInput(
                        "Cơ sở dữ liệu đã có dữ liệu, không nạp trung tâm mẫu / The database "
                        "already has data; the demo center goes only into a new one"
                    )
                passwords = _load_demo(session)
                loaded = True
            audit(session, SYSTEM, "database.init", details={"demo": loaded}, outbox=False)
        return InitResult(url=url, created=created, demo=loaded, passwords=passwords)
    finally:
        db.dispose()


DEMO_USERS = [
    # username, full name, roles, desk number
    ("canbo1", "Nguyễn Thị Hương", ["officer"], 1),
    ("canbo2", "Hoàng Văn Đức", ["officer"], 2),
    ("buudien", "Lương Thị Thu Trang", ["postal"], 19),
    ("lanhdao", "Vi Văn Thắng", ["supervisor"], None),
    ("quantri", "Lộc Minh Khải", ["admin"], None),
]

DEMO_CALENDAR = [
    # Lịch nghỉ lễ 30/4 - 1/5/2025: nghỉ thêm thứ Sáu 2/5, làm bù thứ Bảy 26/4.
    (date(2025, 4, 26), "working_day", "Làm bù cho ngày 02/5/2025"),
    (date(2025, 5, 2), "day_off", "Nghỉ hoán đổi dịp 30/4 - 1/5/2025"),
    (date(2025, 12, 31), "day_off", "Nghỉ tổng kết cuối năm của Trung tâm (lịch mẫu)"),
]

DEMO_SERVICES = [
    # code, name, department codes (filled from the demo departments by position)
    ("A", "Đất đai, xây dựng, tài nguyên"),
    ("B", "Đầu tư, doanh nghiệp, công thương"),
    ("C", "Tư pháp, nội vụ, văn hóa, giáo dục, y tế"),
    ("D", "Giao thông vận tải"),
    ("E", "Bảo hiểm xã hội, lao động"),
    ("F", "Điện lực, công chứng, nông nghiệp, khác"),
]


def _service_for(dep_code: str, name: str) -> str:
    n = name.lower()
    rules = [
        ("A", ("tài nguyên", "xây dựng")),
        ("B", ("kế hoạch", "công thương", "tài chính", "khoa học", "kinh tế")),
        ("C", ("tư pháp", "nội vụ", "văn hóa", "giáo dục", "y tế", "thông tin")),
        ("D", ("giao thông",)),
        ("E", ("bảo hiểm", "lao động")),
    ]
    for code, words in rules:
        if any(w in n for w in words):
            return code
    return "F"


def _load_demo(session: Session) -> dict[str, str]:
    """Load the demo center; return the demo users' passwords."""
    from counter_app.services.demo_catalog import demo_departments, demo_procedures

    center = Unit(
        code=CENTER_CODE,
        name=CENTER_NAME,
        short_name="TTPVHCC",
        kind="center",
        ident_code=f"000.00.00.{PROVINCE_SUFFIX}",
        saturday_reception=True,
    )
    session.add(center)
    session.flush()
    set_meta(session, CENTER_UNIT_ID, center.id)
    departments = demo_departments()
    load_catalog(session, departments, demo_procedures(), source="demo")
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.kind != "center"))}
    for n, dep in enumerate(departments, start=1):
        units[dep.code].ident_code = f"000.00.{n:02d}.{PROVINCE_SUFFIX}"

    desks = []
    for n in range(1, DEMO_DESKS + 1):
        desk = Desk(number=n, name=f"Quầy số {n}", unit_id=center.id)
        session.add(desk)
        desks.append(desk)
    session.flush()
    set_meta(session, DESK_ID, desks[0].id)
    state = sync_state(session)
    state.desk_id = desks[0].id

    services = {}
    for code, name in DEMO_SERVICES:
        service = QueueService(code=code, name=name)
        session.add(service)
        services[code] = service
    session.flush()
    for dep in departments:
        service = services[_service_for(dep.code, dep.name)]
        session.execute(
            queue_service_units.insert().values(service_id=service.id, unit_id=units[dep.code].id)
        )
    codes = list(services)
    for i, desk in enumerate(desks):
        # Desks 1-18 serve one service each, three desks per service; 19-20 serve all.
        served = codes if i >= 18 else [codes[i // 3]]
        for code in served:
            session.execute(
                desk_services.insert().values(desk_id=desk.id, service_id=services[code].id)
            )

    for day, kind, note in DEMO_CALENDAR:
        session.add(CalendarEntry(day=day, kind=kind, note=note))

    passwords = {}
    for username, full_name, roles, desk_no in DEMO_USERS:
        password = new_password()
        add_user(
            session,
            username,
            full_name,
            password,
            roles,
            desk_id=desks[desk_no - 1].id if desk_no else None,
        )
        passwords[username] = password
    session.flush()
    return passwords


@dataclass(frozen=True, slots=True)
class CenterSummary:
    center: str
    units: int
    procedures: int
    desks: int
    users: int
    dossiers: int
    queue_services: int


def summary(db: Database) -> CenterSummary:
    """Return the counts that describe the center in this database."""
    with db.read() as session:

        def count(model: Any, *where: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        return CenterSummary(
            center=session.scalar(select(Unit.name).where(Unit.kind == "center")) or "",
            units=count(Unit, Unit.kind != "center"),
            procedures=count(Procedure),
            desks=count(Desk),
            users=count(User),
            dossiers=count(Dossier),
            queue_services=count(QueueService),
        )
