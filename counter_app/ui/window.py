"""The desk window: one top-level window whose screens follow each other.

    opening the database → (first run: which desk is this?) → sign-in → shell ⇄ lock screen

The database is opened on the worker's database thread while the sign-in screen is already
shown; a sign-in submitted before it is ready waits for it. The window also owns the two
application-wide watchers: the barcode wedge and the idle timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.ui.context import AppContext, Changes, utcnow
from counter_app.ui.desk_choice import DeskChoiceScreen
from counter_app.ui.errors import user_message
from counter_app.ui.lock import IdleWatcher, LockScreen
from counter_app.ui.qt import (
    QAction,
    QApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    Qt,
    QWidget,
    Signal,
)
from counter_app.ui.signin import SignInScreen
from counter_app.ui.statusbar import StatusBar, SyncIndicator
from counter_app.ui.sync_link import SyncLink, SyncNews
from counter_app.ui.wedge import BarcodeWedge
from counter_app.ui.widgets import CardScreen
from counter_app.ui.worker import Worker

if TYPE_CHECKING:
    from counter_app.config import Settings
    from counter_app.services.auth import SignedIn
    from counter_app.services.desks import DeskView
    from counter_app.services.setup import Database
    from counter_app.ui.shell import Shell


MIN_WIDTH, MIN_HEIGHT = 1024, 640


@dataclass
class Opened:
    """What the window learns when the database opens."""

    db: Database
    center: str
    desk: DeskView | None
    desks: list[DeskView] = field(default_factory=list)  # to choose from, when desk is None
    note: str = ""  # why the desk must be chosen again
    joined: bool = False  # a desk of a center: the sync worker runs


def open_desk_database(url: str, desk_number: int | None) -> Opened:
    """Open the database and find this machine's desk (runs on the database thread)."""
    from counter_app.domain.errors import NotFound
    from counter_app.services.desks import center_name, get_desk, list_desks
    from counter_app.services.setup import open_database
    from counter_app.ui.sync_link import is_joined

    db = open_database(url)
    opened = Opened(db, center_name(db), None, joined=is_joined(db))
    if opened.joined:
        from counter_app.services.sync.numbers import attach_numbers

        attach_numbers(db)  # dossier codes from the center while it answers
    if desk_number is not None:
        try:
            opened.desk = get_desk(db, desk_number)
        except NotFound as exc:
            opened.note = exc.message
    if opened.desk is None:
        opened.desks = list_desks(db)
    return opened


class StartScreen(CardScreen):
    """ "Opening…", or why the database cannot be opened, with Retry and Quit."""

    retry = Signal()
    quit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(520, parent)
        self.title = self.heading(self.tr("Đang mở cơ sở dữ liệu…"))
        self.detail = QLabel("", objectName="muted")
        self.detail.setWordWrap(True)
        self.body.addWidget(self.detail)
        self.body.addSpacing(8)
        row = QHBoxLayout()
        row.addStretch(1)
        self.quit_button = QPushButton(self.tr("Thoát"))
        self.retry_button = QPushButton(self.tr("Thử lại"), objectName="primary")
        row.addWidget(self.quit_button)
        row.addWidget(self.retry_button)
        self.body.addLayout(row)
        self.quit_button.clicked.connect(self.quit.emit)
        self.retry_button.clicked.connect(self.retry.emit)
        self.set_problem("")

    def set_problem(self, text: str) -> None:
        self.title.setText(
            self.tr("Không mở được cơ sở dữ liệu") if text else self.tr("Đang mở cơ sở dữ liệu…")
        )
        self.detail.setText(text)
        for w in (self.detail, self.quit_button, self.retry_button):
            w.setVisible(bool(text))
        if text:
            self.retry_button.setFocus()


class CounterWindow(QMainWindow):
    screen_shown = Signal(str)  # "start", "desk", "signin", "shell", "lock"

    def __init__(
        self,
        *,
        db_url: str,
        settings: Settings,
        worker: Worker,
        settings_path: Path | None = None,
        clock: Callable[[], datetime] = utcnow,
        username: str = "",
        idle_minutes: float | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Quầy một cửa"))
        self.db_url = db_url
        self.settings = settings
        self.settings_path = settings_path
        self.worker = worker
        self.clock = clock
        self.idle_minutes = (
            idle_minutes if idle_minutes is not None else float(settings.idle_lock_minutes)
        )
        self.db: Database | None = None
        self.center = ""
        self.desk: DeskView | None = None
        self.ctx: AppContext | None = None
        self.shell: Shell | None = None
        self._pending: tuple[str, str] | None = None  # a sign-in waiting for the database
        self.sync_link: SyncLink | None = None
        self.sync_interval_s = 30.0

        self.status = StatusBar(self, clock)
        self.setStatusBar(self.status)
        self.status.set_sync_state(SyncIndicator(configured=bool(settings.central_url)))
        self.status.set_printer_state(settings.receipt_printer)

        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        # A fixed minimum, not one that follows the content: a top-level window whose minimum
        # size changes at run time asks the platform to update its size hints, which Qt's
        # offscreen platform (tests, screenshots) answers with a warning each time.
        layout = self.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.start_screen = StartScreen()
        self.desk_screen = DeskChoiceScreen()
        self.signin = SignInScreen()
        self.lock_screen = LockScreen()
        for screen in (self.start_screen, self.desk_screen, self.signin, self.lock_screen):
            self.screens.addWidget(screen)
        self.start_screen.retry.connect(self.start)
        self.start_screen.quit.connect(self.close)
        self.desk_screen.chosen.connect(self._desk_chosen)
        self.signin.submitted.connect(self._sign_in)
        self.lock_screen.unlock.connect(self._unlock)
        self.lock_screen.switch_user.connect(self._switch_user)
        self.signin.reset(username or settings.user)

        worker.default_error = self.report_error
        self.sync_action = QAction(self.tr("Đồng bộ ngay"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.addAction(self.sync_action)
        self.wedge = BarcodeWedge(self)
        self.wedge.scanned.connect(self._scanned)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
            app.installEventFilter(self.idle)

    # --- screens ---------------------------------------------------------------------------

    @property
    def current_screen(self) -> str:
        current = self.screens.currentWidget()
        for name, screen in (
            ("start", self.start_screen),
            ("desk", self.desk_screen),
            ("signin", self.signin),
            ("lock", self.lock_screen),
            ("shell", self.shell),
        ):
            if screen is not None and current is screen:
                return name
        return ""

    def _show(self, widget: QWidget) -> None:
        self.screens.setCurrentWidget(widget)
        self.screen_shown.emit(self.current_screen)

    # --- opening ---------------------------------------------------------------------------

    def start(self) -> None:
        """Open the database; show the sign-in screen at once if this machine's desk is known."""
        self.start_screen.set_problem("")
        self._show(self.signin if self.settings.desk is not None else self.start_screen)
        self.worker.db(
            open_desk_database,
            self.db_url,
            self.settings.desk,
            on_success=self._opened,
            on_error=self._not_opened,
        )

    def _opened(self, opened: Opened) -> None:
        self.db, self.center = opened.db, opened.center
        if opened.joined and self.sync_link is None:
            self._start_sync(opened.db)
        for screen in (self.start_screen, self.desk_screen, self.signin, self.lock_screen):
            screen.set_center(opened.center)
        if opened.desk is None:
            self.desk_screen.set_desks(opened.desks, opened.note)
            self._show(self.desk_screen)
            return
        self._use_desk(opened.desk)

    def _not_opened(self, exc: BaseException) -> None:
        self._pending = None
        self.signin.set_busy(False)
        self.start_screen.set_problem(user_message(exc))
        self._show(self.start_screen)

    def _desk_chosen(self, desk: DeskView) -> None:
        from counter_app.config import save_settings

        self.settings.desk = desk.number
        self.worker.files(
            save_settings,
            self.settings,
            self.settings_path,
            on_success=lambda _path: self._use_desk(desk),
            on_error=lambda exc: self.desk_screen.set_desks(
                self.desk_screen._views, user_message(exc)
            ),
        )

    def _use_desk(self, desk: DeskView) -> None:
        self.desk = desk
        self.status.set_desk(desk.name)
        self.signin.set_desk(desk.name)
        if self.current_screen != "signin":
            self._show(self.signin)
            self.signin.reset(self.signin.username.text())
        if self._pending is not None:
            self._sign_in(*self._pending)

    # --- sync ------------------------------------------------------------------------------

    def _start_sync(self, db: Database) -> None:
        self.sync_link = SyncLink(db, self, interval_s=self.sync_interval_s)
        self.sync_link.news.connect(self._sync_news)
        self.status.set_sync_state(SyncIndicator(configured=True, checking=True))
        self.status.sync_requested.connect(self.sync_now)
        self.sync_link.start()

    def _sync_news(self, news: SyncNews) -> None:
        from counter_app.ui.sync_link import indicator

        self.status.set_sync_state(indicator(news))
        if news.pulled and self.ctx is not None and self.sync_link is not None:
            # Other desks' work arrived: every page decides what to reload (nothing polls).
            self.ctx.announce(Changes(everything=True, source=self.sync_link))

    def sync_now(self) -> None:
        """The operator's "sync now" (Ctrl+Shift+S, or the status bar's button)."""
        if self.sync_link is not None:
            self.sync_link.request()
            self.status.set_sync_state(
                SyncIndicator(configured=True, checking=True, detail=self.status.sync_state.detail)
            )

    # --- signing in ------------------------------------------------------------------------

    def _sign_in(self, username: str, password: str) -> None:
        if self.db is None or self.desk is None:
            self._pending = (username, password)  # the database is still opening
            return
        self._pending = None
        from counter_app.services.auth import sign_in

        self.worker.db(
            partial(sign_in, self.db, username, password, desk_id=self.desk.id),
            on_success=self._signed_in,
            on_error=lambda exc: self.signin.show_error(user_message(exc)),
        )

    def _signed_in(self, user: SignedIn) -> None:
        assert self.db is not None
        self.signin.reset(user.username)  # the password does not stay in a hidden field
        self.ctx = AppContext(
            db=self.db,
            settings=self.settings,
            user=user,
            desk=self.desk,
            worker=self.worker,
            center_name=self.center,
            clock=self.clock,
            idle_minutes=self.idle_minutes,
        )
        if self.sync_link is not None:
            self.ctx.changed.connect(self.sync_link.request)  # a local write: push it soon
        self.open_shell(self.ctx)
        self.shell_ready()

    def open_shell(self, ctx: AppContext) -> Shell:
        """Build the shell for a signed-in context and show it (the screenshot command too)."""
        from counter_app.ui.shell import Shell

        self.ctx = ctx
        self.shell = Shell(ctx)
        self.shell.lock_requested.connect(self.lock)
        self.shell.sign_out_requested.connect(self.sign_out)
        self.shell.language_requested.connect(self._set_language)
        self.screens.addWidget(self.shell)
        self.status.set_user(ctx.user.full_name)
        if ctx.desk is not None:
            self.status.set_desk(ctx.desk.name)
        self._show(self.shell)
        return self.shell

    def shell_ready(self) -> None:
        """After a real sign-in: watch for idle time, offer drafts back."""
        assert self.shell is not None
        if self.idle_minutes > 0:
            self.idle.start(int(self.idle_minutes * 60_000))
        self.shell.offer_drafts()

    def sign_out(self) -> None:
        self._end_session()
        self.signin.reset()
        self._show(self.signin)

    def _end_session(self) -> None:
        self.idle.stop()
        if self.shell is not None:
            self.shell.flush()
            self.screens.removeWidget(self.shell)
            self.shell.deleteLater()
        if self.ctx is not None:
            self.ctx.deleteLater()
        self.shell, self.ctx = None, None
        self.status.set_user("")

    # --- locking ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Cover the shell; the same user's password (or an administrator) opens it again."""
        if self.shell is None or self.ctx is None or self.current_screen == "lock":
            return
        self.idle.stop()
        self.shell.flush()
        self.shell.help.hide()
        self.lock_screen.set_user(self.ctx.user.full_name, self.ctx.user.username)
        self.lock_screen.reset()
        self._show(self.lock_screen)
        self.lock_screen.password.setFocus()

    def _unlock(self, password: str) -> None:
        assert self.ctx is not None and self.db is not None
        from counter_app.services.auth import sign_in

        self.worker.db(
            partial(sign_in, self.db, self.ctx.user.username, password, desk_id=self._desk_id()),
            on_success=lambda _user: self._back_to_shell(),
            on_error=lambda exc: self.lock_screen.show_error(user_message(exc)),
        )

    def _switch_user(self, username: str, password: str) -> None:
        assert self.db is not None
        from counter_app.services.auth import sign_in

        self.worker.db(
            partial(sign_in, self.db, username, password, desk_id=self._desk_id()),
            on_success=self._switched,
            on_error=lambda exc: self.lock_screen.show_error(user_message(exc)),
        )

    def _switched(self, user: SignedIn) -> None:
        assert self.ctx is not None
        if "admin" not in user.roles and user.user_id != self.ctx.user.user_id:
            self.lock_screen.show_error(
                self.tr("Chỉ quản trị viên mới được đổi người dùng khi màn hình đang khóa.")
            )
            return
        self._end_session()
        self._signed_in(user)

    def _back_to_shell(self) -> None:
        assert self.shell is not None
        self._show(self.shell)
        if self.idle_minutes > 0:
            self.idle.start(int(self.idle_minutes * 60_000))

    def _desk_id(self) -> str | None:
        return self.desk.id if self.desk else None

    # --- errors, scanner, language, closing ------------------------------------------------

    def report_error(self, exc: BaseException) -> None:
        """Show an error nobody else handled (a bug is already in the log file)."""
        if self.ctx is not None:
            self.ctx.show_error(exc)
        elif self.current_screen == "lock":
            self.lock_screen.show_error(user_message(exc))
        else:
            self.signin.show_error(user_message(exc))

    def _scanned(self, text: str) -> None:
        # Only a working shell takes scans: on the sign-in or lock screen, or under a dialog,
        # they are dropped.
        if (
            self.shell is not None
            and self.current_screen == "shell"
            and QApplication.activeModalWidget() is None
        ):
            self.shell.route_scan(text)

    def _set_language(self, language: str) -> None:
        from counter_app.config import save_settings

        self.settings.language = language
        text = (
            "Giao diện sẽ là tiếng Việt từ lần mở sau."
            if language == "vi"
            else "The window will be in English from the next start."
        )
        ctx = self.ctx
        self.worker.files(
            save_settings,
            self.settings,
            self.settings_path,
            on_success=lambda _p: ctx.show_message(text, "success") if ctx else None,
        )

    def closeEvent(self, event: Any) -> None:
        if self.shell is not None:
            self.shell.flush()
        if self.sync_link is not None:
            self.sync_link.stop()
            self.sync_link = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            app.removeEventFilter(self.idle)
        super().closeEvent(event)
