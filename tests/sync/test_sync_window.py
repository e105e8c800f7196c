"""The window of a joined desk: the sync worker runs, the status bar shows the link, a local
write reaches the center without anyone asking, the operator can force a round."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from counter_app.config import Settings
from counter_app.models import Dossier, Procedure, SyncState
from counter_app.services.intake import Applicant, IntakeRequest, create_dossier
from counter_app.services.sync import sync_once
from counter_app.services.sync.central import add_central_user
from counter_app.ui.context import Changes
from counter_app.ui.qt import QApplication
from counter_app.ui.theme import apply_theme
from counter_app.ui.window import CounterWindow
from counter_app.ui.worker import Worker

pytestmark = pytest.mark.pg
PASSWORD = "mat-khau-quay-1"


@pytest.fixture
def desk_window(qtbot, qapp: QApplication, center_url: str, make_desk, tmp_path: Path):
    apply_theme(qapp)
    add_central_user(center_url, "dongbo1", "Đặng Thị Bộ", ["officer"], password=PASSWORD)
    desk = make_desk(1)
    worker = Worker(inline=True)
    windows: list[CounterWindow] = []

    def make() -> CounterWindow:
        window = CounterWindow(
            db_url=f"sqlite:///{desk.path}",
            settings=Settings(desk=1),
            worker=worker,
            settings_path=tmp_path / "config.toml",
        )
        window.sync_interval_s = 60.0  # rounds come from requests in this test, not the timer
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1366, 768)
        window.start()
        window.show()
        return window

    yield desk, make
    for window in windows:
        window.close()
    worker.shutdown()


def _center_dossiers(center_url: str) -> list[str]:
    with psycopg.connect(center_url) as conn:
        return [r[0] for r in conn.execute("SELECT code FROM dossiers")]


def test_a_local_write_reaches_the_center_and_the_status_bar_says_so(
    qtbot, desk_window, center_url
) -> None:
    desk, make = desk_window
    window = make()
    qtbot.waitUntil(lambda: window.status.sync.text().startswith("Đã đồng bộ"), timeout=15_000)
    window.signin.username.setText("dongbo1")
    window.signin.password.setText(PASSWORD)
    window.signin.submit()
    assert window.current_screen == "shell", window.signin.error.text()
    ctx = window.ctx
    with desk.db.read() as session:
        code = session.scalar(select(Procedure.code).order_by(Procedure.code))
    done: list[str] = []
    ctx.write(
        create_dossier,
        IntakeRequest(code, Applicant("Triệu Thị Xuân")),
        ctx.actor(),
        changes=lambda r: Changes(dossiers=frozenset({r.code})),
        on_success=lambda r: done.append(r.code),
    )
    assert done and done[0].endswith("-0001")  # numbered by the center while online
    qtbot.waitUntil(lambda: done[0] in _center_dossiers(center_url), timeout=10_000)
    qtbot.waitUntil(lambda: window.status.sync_state.waiting == 0, timeout=10_000)
    assert "Đã đồng bộ" in window.status.sync.text()
    assert window.status.sync_button.isVisible()


def test_offline_the_status_bar_shows_waiting_changes_and_the_last_error(
    qtbot, desk_window
) -> None:
    desk, make = desk_window
    with desk.db.write() as session:  # the center moves to a port nobody listens on
        state = session.get(SyncState, 1)
        user, rest = state.central_url.split("@", 1)
        state.central_url = f"{user}@127.0.0.1:9/{rest.split('/', 1)[1]}"
    create_dossier(
        desk.db,
        IntakeRequest(_first_code(desk), Applicant("Hà Văn Tùng")),
        desk.actor,
    )
    window = make()
    qtbot.waitUntil(lambda: "Mất kết nối" in window.status.sync.text(), timeout=15_000)
    assert "chờ gửi" in window.status.sync.text()
    assert "Không kết nối được" in window.status.sync.toolTip()
    window.sync_now()  # the operator insists: the bar says it is trying, then why it failed
    assert "Đang kết nối" in window.status.sync.text()
    qtbot.waitUntil(lambda: "Mất kết nối" in window.status.sync.text(), timeout=15_000)


def _first_code(desk) -> str:
    with desk.db.read() as session:
        return session.scalar(select(Procedure.code).order_by(Procedure.code))


def test_the_queue_bar_of_a_joined_desk_calls_at_the_center(qtbot, desk_window, center_url) -> None:
    desk, make = desk_window
    window = make()
    qtbot.waitUntil(lambda: window.status.sync.text().startswith("Đã đồng bộ"), timeout=15_000)
    window.signin.username.setText("dongbo1")
    window.signin.password.setText(PASSWORD)
    window.signin.submit()
    assert window.current_screen == "shell", window.signin.error.text()
    with psycopg.connect(center_url) as conn:  # a kiosk of the center issues a ticket
        service = conn.execute(
            "SELECT s.code FROM desk_services ds JOIN queue_services s ON s.id = ds.service_id "
            "WHERE ds.desk_id = %s ORDER BY s.code LIMIT 1",
            (desk.desk_id,),
        ).fetchone()[0]
        ticket = conn.execute(
            "SELECT center_issue_ticket(%s, %s, '', gen_random_uuid()::text)",
            (desk.desk_id, service),
        ).fetchone()[0]
        conn.commit()
    bar = window.shell.queue_bar
    bar.call_next()
    qtbot.waitUntil(lambda: bar.number.text() == ticket["display"], timeout=10_000)
    with psycopg.connect(center_url) as conn:  # claimed at the center, by this desk
        state, desk_id = conn.execute(
            "SELECT state, desk_id FROM queue_tickets WHERE id = %s", (ticket["id"],)
        ).fetchone()
    assert (state, desk_id) == ("called", desk.desk_id)
    bar.skip()  # the citizen does not come: a no-show, recorded at the center
    qtbot.waitUntil(lambda: _ticket_state(center_url, ticket["id"]) == "no_show", timeout=10_000)
    bar.call_next()  # nobody else waits: said, nothing claimed

    def said() -> None:
        assert "Không còn ai chờ" in window.shell.bar.text(), (window.shell.bar.text(), bar.current)

    qtbot.waitUntil(said, timeout=10_000)


def _ticket_state(center_url: str, ticket_id: str) -> str:
    with psycopg.connect(center_url) as conn:
        return conn.execute(
            "SELECT state FROM queue_tickets WHERE id = %s", (ticket_id,)
        ).fetchone()[0]


def test_another_desks_dossier_arriving_is_announced_to_the_pages(
    qtbot, desk_window, make_desk
) -> None:
    desk, make = desk_window
    window = make()
    qtbot.waitUntil(lambda: window.status.sync.text().startswith("Đã đồng bộ"), timeout=15_000)
    window.signin.username.setText("dongbo1")
    window.signin.password.setText(PASSWORD)
    window.signin.submit()
    assert window.current_screen == "shell", window.signin.error.text()
    heard: list[Changes] = []
    window.ctx.changed.connect(heard.append)
    other = make_desk(2)
    made = create_dossier(
        other.db, IntakeRequest(_first_code(other), Applicant("Mã Thị Hằng")), other.actor
    )
    with other.client() as client:
        sync_once(other.db, client)
    window.sync_now()
    qtbot.waitUntil(lambda: any(c.everything for c in heard), timeout=10_000)
    with desk.db.read() as session:
        assert session.scalar(select(Dossier.code).where(Dossier.code == made.code))
