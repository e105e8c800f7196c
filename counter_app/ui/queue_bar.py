"""The officer's queue bar, always at the top of the shell (issue 7, part 3): the ticket at this
desk (number, service, wait, time serving), how many wait, and call next, recall, no-show,
transfer, start serving (then intake, returns or a dossier) and finish, each with a key.

A bar rather than a page: an officer calls the next citizen while the intake form is open.
Every call goes through `ctx.write` on the database thread; on a desk joined to a center the
calls go to the center (services/queue.py), which also says whether it answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from counter_app.services.queue import Ticket, call_next, finish, recall, skip, start_serving
from counter_app.services.queue import transfer as transfer_ticket
from counter_app.services.queue_desk import (
    CurrentTicket,
    DeskQueue,
    TransferTargets,
    desk_queue,
    transfer_targets,
)
from counter_app.services.queue_served import link_served_dossier
from counter_app.ui.center_link import LinkBox
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.qt import (
    QAction,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.queue_transfer import TransferDialog

REFRESH_MS = 10_000  # other desks and the kiosk change the waiting counts; no push reaches here
TICK_MS = 1_000  # the waited and serving times

KEYS = {
    "next": "F11",
    "recall": "F12",
    "skip": "Ctrl+Shift+V",
    "serve": "Ctrl+Shift+P",
    "finish": "Ctrl+Shift+K",
    "transfer": "Ctrl+Shift+T",
}


def _clock(seconds: float) -> str:
    """A running time as mm:ss (h:mm:ss past an hour)."""
    s = max(0, int(seconds))
    if s < 3600:
        return f"{s // 60:02d}:{s % 60:02d}"
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class _Elided(QLabel):
    """A one-line label that shortens its text with "…" instead of pushing the buttons away
    (a long service name must not crowd the bar at 1366 px)."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class QueueBar(QFrame):
    """The queue controls of the officer's desk."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueBar")
        self.ctx = ctx
        assert ctx.desk is not None
        self.desk_id = ctx.desk.id
        self.box = LinkBox()
        self.state: DeskQueue | None = None
        self.current: CurrentTicket | None = None
        self.linked = False  # the served ticket's dossier was recorded
        self.busy = False
        self.dialog: TransferDialog | None = None
        self.setStyleSheet(
            "#queueBar { background: #ffffff; border: 1px solid #d9dee5; border-radius: 8px; }"
            "#queueNumber { font-size: 22pt; font-weight: 700; color: #1d5fa7; }"
            "#queueBar QPushButton:disabled, #queueBar QToolButton:disabled { color: #9aa4b1; }"
        )

        self.number = QLabel("—", objectName="queueNumber")
        self.number.setMinimumWidth(96)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.service = _Elided("cardTitle")
        self.times = _Elided("muted")
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.service)
        texts.addWidget(self.times)
        self.waiting = QLabel("", objectName="muted")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.waiting.setMinimumWidth(90)

        self.actions_by_id: dict[str, QAction] = {}
        self.next_button = self._button("next", self.tr("Gọi số tiếp (F11)"), self.call_next)
        self.next_button.setObjectName("primary")
        self.recall_button = self._button("recall", self.tr("Gọi lại (F12)"), self.recall)
        self.skip_button = self._button("skip", self.tr("Vắng mặt"), self.skip)
        self.transfer_button = self._button("transfer", self.tr("Chuyển…"), self.transfer)
        self.finish_button = self._button("finish", self.tr("Kết thúc"), self.finish)
        self.serve_button = QToolButton(objectName="serveButton")
        self.serve_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.serve_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        serve = self._action("serve", self.tr("Bắt đầu phục vụ"), lambda: self.serve("intake"))
        self.serve_button.setDefaultAction(serve)
        menu = QMenu(self.serve_button)
        menu.addAction(self.tr("Phục vụ: tiếp nhận hồ sơ mới"), lambda: self.serve("intake"))
        menu.addAction(self.tr("Phục vụ: trả kết quả"), lambda: self.serve("returns"))
        menu.addAction(self.tr("Phục vụ: mở hồ sơ theo mã"), lambda: self.serve("dossiers"))
        self.serve_button.setMenu(menu)
        self.serve_button.setMinimumHeight(34)

        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 10, 6)
        row.setSpacing(8)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        row.addWidget(self.waiting, 0, Qt.AlignmentFlag.AlignVCenter)
        for w in (
            self.recall_button,
            self.skip_button,
            self.serve_button,
            self.transfer_button,
            self.finish_button,
            self.next_button,
        ):
            row.addWidget(w, 0, Qt.AlignmentFlag.AlignVCenter)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._show_times)
        self.tick_timer.start()
        ctx.changed.connect(self.on_changes)
        self.destroyed.connect(lambda *_a, box=self.box: box.close())
        self._show(None)
        self.refresh()

    # --- building --------------------------------------------------------------------------

    def _action(self, key: str, text: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(KEYS[key]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({KEYS[key]})")
        action.triggered.connect(lambda _c=False: slot())
        self.actions_by_id[key] = action
        return action

    def _button(self, key: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        action = self._action(key, text.split(" (")[0], slot)
        button = QPushButton(text)
        button.setToolTip(action.toolTip())
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the intake form
        button.setMinimumHeight(34)
        button.clicked.connect(lambda _c=False: action.trigger())
        return button

    def shortcut_actions(self) -> list[QAction]:
        """The bar's keys, for the shell to hold (window-wide, listed by F1)."""
        return [self.actions_by_id[k] for k in KEYS]

    # --- reading ---------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if (changes.queue or changes.everything) and changes.source is not self:
            self.refresh()
        c = self.current
        if c is not None and c.state == "serving" and changes.dossiers and not self.linked:
            # A page of this desk received or changed a dossier while the citizen is served:
            # that is what the visit was for (the first one, for a citizen with several).
            self.linked = True
            code, actor = min(changes.dossiers), self.ctx.actor()
            self.ctx.write(
                lambda db: link_served_dossier(db, c.id, code, actor),
                changes=Changes(queue=True, source=self),
                on_error=lambda _exc: None,  # the visit is served either way
                owner=self,
            )

    def refresh(self) -> None:
        box, desk_id, now = self.box, self.desk_id, self.ctx.now()
        self.ctx.read(
            lambda db: desk_queue(db, desk_id, box.get(db), now=now),
            on_success=self._loaded,
            on_error=lambda _exc: None,  # a refresh that failed is retried by the timer
            owner=self,
        )

    def _loaded(self, state: DeskQueue) -> None:
        self.state = state
        if not self.busy:
            self._show(state.current)
        self._show_waiting()

    # --- showing ---------------------------------------------------------------------------

    def _show(self, current: CurrentTicket | None) -> None:
        if current is None or self.current is None or current.id != self.current.id:
            self.linked = False  # a new citizen: their dossier is not known yet
        self.current = current
        called = current is not None and current.state == "called"
        serving = current is not None and current.state == "serving"
        self.recall_button.setVisible(called)
        self.skip_button.setVisible(called)
        self.serve_button.setVisible(called)
        self.transfer_button.setVisible(called or serving)
        self.finish_button.setVisible(serving)
        # The keys stay enabled: a key pressed at the wrong moment says why it does nothing.
        for b in (self.recall_button, self.skip_button, self.transfer_button, self.finish_button):
            b.setEnabled(not self.busy)
        self.serve_button.setEnabled(not self.busy)
        self.next_button.setEnabled(not called and not self.busy)
        self.next_button.setText(
            self.tr("Xong, gọi số tiếp (F11)") if serving else self.tr("Gọi số tiếp (F11)")
        )
        if current is None:
            self.number.setText("—")
            self.service.set_full(self.tr("Chưa gọi số nào"))
        else:
            self.number.setText(current.display)
            self.service.set_full(f"{current.service_code} – {current.service_name}")
        self._show_times()

    def _priority(self, kind: str) -> str:
        return {
            "elderly": self.tr("người cao tuổi"),
            "disabled": self.tr("người khuyết tật"),
            "pregnant": self.tr("phụ nữ mang thai"),
            "child": self.tr("người có con nhỏ"),
            "appointment": self.tr("có hẹn"),
        }.get(kind, kind)

    def _show_times(self) -> None:
        c = self.current
        if c is None:
            self.times.set_full(
                self.tr("Bấm F11 để mời công dân tiếp theo") if self._waiting() else ""
            )
            return
        now = self.ctx.now()
        waited = int(((c.called_at or now) - c.issued_at).total_seconds() // 60)
        parts = [self.tr("đã chờ %n phút", "", max(0, waited))]
        if c.state == "serving" and c.serving_at is not None:
            served = _clock((now - c.serving_at).total_seconds())
            parts.insert(0, self.tr("Đang phục vụ %1").replace("%1", served))
        else:
            since = _clock((now - (c.called_at or now)).total_seconds())
            parts.insert(0, self.tr("Đã gọi, chờ đến quầy %1").replace("%1", since))
        if c.priority:
            parts.insert(0, self.tr("Ưu tiên: %1").replace("%1", self._priority(c.priority)))
        self.times.set_full(" · ".join(parts))

    def _waiting(self) -> int:
        return self.state.waiting if self.state is not None else 0

    def _show_waiting(self) -> None:
        s = self.state
        if s is None:
            return
        if s.joined and not s.online:
            text = self.tr("Mất kết nối trung tâm:\nchỉ gọi số quầy này cấp (%1 chờ)")
            text = text.replace("%1", str(s.waiting))
            self.waiting.setStyleSheet("color: #8a4b00;")
        elif s.waiting == 0:
            text = self.tr("Không còn ai chờ")
            self.waiting.setStyleSheet("")
        else:
            text = self.tr("Đang chờ: %1").replace("%1", str(s.waiting))
            self.waiting.setStyleSheet("")
        self.waiting.setText(text)
        tip = [f"{w.code} – {w.name}: {w.waiting}" for w in s.services]
        if s.joined and not s.online:
            tip.insert(
                0,
                self.tr(
                    "Khi mất kết nối, quầy chỉ gọi được các số chính quầy này cấp trong lúc mất "
                    "mạng; các số khác gọi được khi có lại kết nối trung tâm. Số chờ theo dịch "
                    "vụ dưới đây là những gì máy này biết."
                ),
            )
        self.waiting.setToolTip("\n".join(tip))
        if self.current is None:
            self._show_times()

    # --- acting ----------------------------------------------------------------------------

    def _run(self, fn: Callable[..., Any], done: Callable[[Any], None], *args: Any) -> None:
        """Run a queue call on the database thread with this desk's link; one at a time."""
        if self.busy:
            return
        self.busy = True
        self._show(self.current)
        box, actor, now = self.box, self.ctx.actor(), self.ctx.now()

        def work(db: Any) -> Any:
            return fn(db, *args, actor, center=box.get(db), now=now)

        def ok(result: Any) -> None:
            self.busy = False
            done(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._show(self.current)
            self.ctx.show_error(exc)
            self.refresh()

        self.ctx.write(
            work,
            changes=Changes(queue=True, source=self),
            on_success=ok,
            on_error=failed,
            owner=self,
        )

    def _need(self, *states: str) -> CurrentTicket | None:
        c = self.current
        if c is None or c.state not in states:
            self.ctx.show_message(self.tr("Chưa có số nào đang được gọi ở quầy này."), "warning")
            return None
        return c

    def call_next(self) -> None:
        c = self.current
        if c is not None and c.state == "called":
            self.ctx.show_message(
                self.tr(
                    "Số %1 vừa được gọi: bấm Bắt đầu phục vụ, Vắng mặt hoặc Chuyển trước khi "
                    "gọi số tiếp."
                ).replace("%1", c.display),
                "warning",
            )
            return
        if c is not None and c.state == "serving":
            # Ending the citizen being served and calling the next is one key for the officer.
            self._run(finish, lambda _t: self._call(), c.id)
            return
        self._call()

    def _call(self) -> None:
        def called(ticket: Ticket | None) -> None:
            if ticket is None:
                self._show(None)
                self.ctx.show_message(self._nobody(), "info")
                return
            self._show(self._from_ticket(ticket, self.current))
            self.ctx.show_message(
                self.tr("Mời số %1 đến %2")
                .replace("%1", ticket.display)
                .replace("%2", self.ctx.desk.name if self.ctx.desk else ""),
                "success",
            )

        desk_id = self.desk_id

        def call(db: Any, actor: Any, **kw: Any) -> Ticket | None:
            return call_next(db, desk_id, actor, **kw)

        self._run(call, called)

    def _nobody(self) -> str:
        s = self.state
        if s is not None and s.joined and not s.online:
            return self.tr(
                "Không còn ai chờ trong số quầy này cấp khi mất mạng; các số khác gọi được khi "
                "có lại kết nối trung tâm."
            )
        return self.tr("Không còn ai chờ.")

    def _from_ticket(self, t: Ticket, before: CurrentTicket | None) -> CurrentTicket:
        name = next(
            (
                s.name
                for s in (self.state.services if self.state else [])
                if s.code == t.service_code
            ),
            "",
        )
        if before is not None and before.id == t.id:
            name = before.service_name
        return CurrentTicket(
            t.id,
            t.display,
            t.service_code,
            name,
            t.priority,
            t.state,
            t.issued_at,
            t.called_at,
            before.serving_at if before is not None and before.id == t.id else None,
        )

    def recall(self) -> None:
        c = self._need("called")
        if c is not None:
            self._run(
                recall,
                lambda t: self.ctx.show_message(
                    self.tr("Đã gọi lại số %1").replace("%1", t.display), "success"
                ),
                c.id,
            )

    def skip(self) -> None:
        c = self._need("called")
        if c is not None:
            self._run(skip, lambda t: self._ended(t, self.tr("Số %1 vắng mặt")), c.id)

    def finish(self) -> None:
        c = self._need("serving")
        if c is not None:
            self._run(finish, lambda t: self._ended(t, self.tr("Đã phục vụ xong số %1")), c.id)

    def _ended(self, t: Ticket, text: str) -> None:
        self._show(None)
        self.ctx.show_message(text.replace("%1", t.display), "success")

    def serve(self, page: str) -> None:
        c = self._need("called")
        if c is None:
            return

        def serving(t: Ticket) -> None:
            now = self.ctx.now()
            self._show(
                CurrentTicket(
                    t.id,
                    t.display,
                    t.service_code,
                    c.service_name,
                    t.priority,
                    t.state,
                    t.issued_at,
                    t.called_at,
                    now,
                )
            )
            self.ctx.open_page(page)

        self._run(start_serving, serving, c.id)

    def transfer(self) -> None:
        c = self._need("called", "serving")
        if c is None:
            return
        desk_id = self.desk_id
        self.ctx.read(
            lambda db: transfer_targets(db, desk_id),
            on_success=lambda targets: self._ask_transfer(c, targets),
            owner=self,
        )

    def _ask_transfer(self, c: CurrentTicket, targets: TransferTargets) -> None:
        dialog = TransferDialog(c.display, c.service_code, targets, self.window())
        self.dialog = dialog

        def accepted() -> None:
            service, desk = dialog.choice()
            self._run(
                lambda db, ticket_id, actor, **kw: transfer_ticket(
                    db, ticket_id, actor, service_code=service, to_desk=desk, **kw
                ),
                lambda t: self._ended(t, self._transferred(service, desk)),
                c.id,
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _transferred(self, service: str | None, desk: int | None) -> str:
        if desk is not None:
            return self.tr("Đã chuyển số %1 sang quầy số %2").replace("%2", str(desk))
        return self.tr("Đã chuyển số %1 sang dịch vụ %2").replace("%2", service or "")
