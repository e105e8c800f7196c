"""The shell a signed-in user works in: header, navigation by role, pages, message bar, keys.

It only assembles: pages come from the registry (`counter_app.ui.pages.PAGES`), are built when
first opened, and are told what happens through their hooks (`counter_app.ui.pages.base.Page`).
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.text import nfc
from counter_app.ui.context import AppContext
from counter_app.ui.drafts import draft_name
from counter_app.ui.help import HelpOverlay
from counter_app.ui.messages import MessageBar
from counter_app.ui.pages import PageSpec, home_page, page_spec, pages_for
from counter_app.ui.pages.base import Page
from counter_app.ui.qt import (
    QAction,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.scans import ScanKind, classify_scan

NAV_WIDTH = 232


class NavButton(QPushButton):
    """A page in the navigation: its title on the left, its key on the right."""

    def __init__(self, title: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("navButton")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(42)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 12, 0)
        row.addStretch(1)
        self.key = QLabel(key, objectName="navKey")
        self.key.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.key)


class Shell(QWidget):
    lock_requested = Signal()
    sign_out_requested = Signal()
    language_requested = Signal(str)  # "vi" or "en", for the next start

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ctx = ctx
        self.specs: list[PageSpec] = pages_for(ctx.user.roles)
        self.pages: dict[str, Page] = {}
        self.draft_question: QMessageBox | None = None

        # One QAction per shortcut, shared with the user menu (two would make it ambiguous).
        self.global_actions: list[QAction] = []
        for spec in self.specs:
            if spec.shortcut:
                self._action(
                    spec.display_title(), spec.shortcut, lambda s=spec.id: self.show_page(s)
                )
        self._action(self.tr("Tìm kiếm trên trang"), "Ctrl+F", self.focus_search)
        self.lock_action = self._action(
            self.tr("Khóa màn hình"), "Ctrl+L", self.lock_requested.emit
        )
        self.help_action = self._action(self.tr("Bảng phím tắt"), "F1", self.toggle_help)

        self.bar = MessageBar()
        ctx.message.connect(self.bar.show_message)
        ctx.page_requested.connect(self.open_requested)
        self.stack = QStackedWidget()
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: dict[str, NavButton] = {}

        content = QWidget()
        content_lay = QVBoxLayout(content)
        content_lay.setContentsMargins(24, 18, 24, 16)
        content_lay.setSpacing(12)
        self.queue_bar = self._queue_bar()
        if self.queue_bar is not None:
            content_lay.addWidget(self.queue_bar)
        content_lay.addWidget(self.bar)
        content_lay.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self._nav())
        body.addWidget(content, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header())
        outer.addLayout(body, 1)

        self.help = HelpOverlay(self)
        if self.specs:
            self.show_page(home_page(self.specs, self.ctx.user.roles))

    # --- building --------------------------------------------------------------------------

    def _header(self) -> QWidget:
        header = QFrame(objectName="header")
        header.setMinimumHeight(68)
        lay = QHBoxLayout(header)
        lay.setContentsMargins(20, 10, 20, 10)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        center = self.ctx.center_name or self.tr("Trung tâm Phục vụ hành chính công")
        self.center_label = QLabel(center.upper(), objectName="centerName")
        self.title = QLabel("", objectName="pageTitle")
        titles.addWidget(self.center_label)
        titles.addWidget(self.title)
        lay.addLayout(titles, 1)
        self.user_button = QToolButton(objectName="userButton")
        self.user_button.setText(f"{self.ctx.user.full_name}  ▾")
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.user_button)
        menu.addAction(self.lock_action)
        menu.addAction(self.help_action)
        menu.addSeparator()
        other = "en" if self.ctx.language == "vi" else "vi"
        menu.addAction(
            "English (at next start)" if other == "en" else "Tiếng Việt (khi mở lại)",
            lambda: self.language_requested.emit(other),
        )
        menu.addSeparator()
        menu.addAction(self.tr("Đăng xuất"), self.sign_out_requested.emit)
        self.user_button.setMenu(menu)
        lay.addWidget(self.user_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _nav(self) -> QWidget:
        nav = QFrame(objectName="nav")
        nav.setFixedWidth(NAV_WIDTH)
        lay = QVBoxLayout(nav)
        lay.setContentsMargins(12, 16, 12, 14)
        lay.setSpacing(4)
        for spec in self.specs:
            button = NavButton(spec.display_title(), spec.shortcut)
            button.setToolTip(spec.display_note())
            button.clicked.connect(lambda _c=False, s=spec.id: self.show_page(s))
            self.nav_group.addButton(button)
            self.nav_buttons[spec.id] = button
            lay.addWidget(button)
        lay.addStretch(1)
        for key, text, slot in (
            ("F1", self.tr("Phím tắt"), self.toggle_help),
            ("Ctrl+L", self.tr("Khóa màn hình"), self.lock_requested.emit),
        ):
            hint = NavButton(text, key)
            hint.setCheckable(False)
            hint.setMinimumHeight(34)
            hint.setObjectName("navButton")
            hint.clicked.connect(lambda _c=False, f=slot: f())
            lay.addWidget(hint)
        nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        return nav

    def _queue_bar(self) -> QWidget | None:
        """An officer at a desk calls the queue from every page (issue 7): the bar's keys are
        the window's, listed by F1."""
        if "officer" not in self.ctx.user.roles or self.ctx.desk is None:
            return None
        from counter_app.ui.queue_bar import QueueBar

        bar = QueueBar(self.ctx)
        for action in bar.shortcut_actions():
            self.addAction(action)
            self.global_actions.append(action)
        return bar

    def _action(self, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.addAction(action)
        self.global_actions.append(action)
        return action

    # --- pages -----------------------------------------------------------------------------

    def has_page(self, page_id: str) -> bool:
        return any(s.id == page_id for s in self.specs)

    def page(self, page_id: str) -> Page | None:
        """Return the page (built now if it was never opened), or None if the user lacks it."""
        if page_id in self.pages:
            return self.pages[page_id]
        spec = next((s for s in self.specs if s.id == page_id), None)
        if spec is None:
            return None
        page = spec.build(self.ctx)
        self.pages[page_id] = page
        self.stack.addWidget(page)
        return page

    def show_page(self, page_id: str) -> Page | None:
        page = self.page(page_id)
        if page is None:
            return None
        spec = next(s for s in self.specs if s.id == page_id)
        self.stack.setCurrentWidget(page)
        self.nav_buttons[page_id].setChecked(True)
        self.title.setText(spec.display_title())
        self.help.hide()
        page.on_shown()
        focus = QApplication.focusWidget()
        if focus is None or not page.isAncestorOf(focus):
            page.setFocus()
        return page

    def open_requested(self, page_id: str, code: str = "") -> Page | None:
        """Show page `page_id` (asked by a page through `ctx.open_page`, or by a scan) and the
        dossier `code` on it if given; a message, and None, if the user does not have it."""
        page = self.show_page(page_id)
        if page is None:
            spec = page_spec(page_id)
            title = spec.display_title() if spec is not None else page_id
            if code:
                text = self.tr("Không mở được hồ sơ %1: trang “%2” không dành cho bạn.")
                text = text.replace("%1", code).replace("%2", title)
            else:
                text = self.tr("Trang “%1” không dành cho bạn.").replace("%1", title)
            self.ctx.show_message(text, "warning")
            return None
        if code:
            page.open_code(code)
        return page

    def current_page(self) -> Page | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, Page) else None

    def current_id(self) -> str:
        page = self.current_page()
        return next((k for k, v in self.pages.items() if v is page), "")

    def focus_search(self) -> None:
        page = self.current_page()
        if page is None or not page.focus_search():
            dossiers = self.show_page("dossiers") if self.has_page("dossiers") else None
            if dossiers is not None:
                dossiers.focus_search()

    def flush(self) -> None:
        """Before locking or signing out: every page saves what must be saved."""
        for page in self.pages.values():
            page.flush()

    # --- F1 --------------------------------------------------------------------------------

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.hide()
            return
        general = [(a.shortcut().toString(), a.text()) for a in self.global_actions]
        general.append(
            (
                self.tr("Máy quét"),
                self.tr("Quét mã hồ sơ ở bất kỳ đâu để mở hồ sơ; quét CCCD để tiếp nhận"),
            )
        )
        sections = [(self.tr("Chung"), general)]
        page = self.current_page()
        if page is not None and page.page_actions():
            rows = [(a.shortcut().toString(), a.text()) for a in page.page_actions()]
            sections.append((self.title.text(), rows))
        self.help.show_for(sections)

    # --- scanner ---------------------------------------------------------------------------

    def route_scan(self, text: str) -> None:
        """A barcode was scanned: the current page first, then by what the text looks like."""
        text = nfc(text)
        self.bar.clear()  # a new scan: what was said about the last one no longer holds
        page = self.current_page()
        if page is not None and page.handle_scan(text):
            return
        kind = classify_scan(text)
        if kind is ScanKind.CCCD:
            if self.has_page("intake"):
                self.show_page("intake")
                self.ctx.cccd_scanned.emit(text)
            else:
                self.ctx.show_message(
                    self.tr("Đã đọc mã QR căn cước, nhưng trang Tiếp nhận không dành cho bạn."),
                    "warning",
                )
        elif kind is ScanKind.GARBLED:
            self.ctx.show_message(
                self.tr(
                    "Mã vừa quét bị bộ gõ tiếng Việt đổi thành “%1”. Hãy chuyển Unikey sang "
                    "chế độ tiếng Anh (chữ E trên biểu tượng; mặc định bấm Ctrl+Shift hoặc "
                    "Alt+Z) rồi quét lại."
                ).replace("%1", text),
                "warning",
            )
        elif kind is ScanKind.DOSSIER_CODE:
            if self.has_page("dossiers"):
                self.open_requested("dossiers", text)
            else:
                self.ctx.show_message(
                    self.tr("Đã quét mã %1, nhưng trang Tra cứu hồ sơ không dành cho bạn.").replace(
                        "%1", text
                    ),
                    "warning",
                )
        else:
            self.ctx.show_message(
                self.tr("Mã vạch không phải mã hồ sơ hay mã căn cước: %1").replace("%1", text),
                "warning",
            )

    # --- drafts ----------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """At start: look for a draft of one of the user's pages, and offer it back."""
        names = [(s.id, draft_name(s.id, self.ctx.user.username)) for s in self.specs]
        self.ctx.worker.files(_first_draft, names, on_success=self._offer, owner=self)

    def _offer(self, found: tuple[str, str, dict[str, Any]] | None) -> None:
        if found is None:
            return
        page_id, name, data = found
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Hồ sơ đang nhập dở"))
        box.setText(self.tr("Có một hồ sơ đang nhập dở, tiếp tục?"))
        go_on = box.addButton(self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Bỏ bản nháp"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(go_on)

        def answered(button: Any) -> None:
            self.draft_question = None
            if button is go_on:
                page = self.show_page(page_id)
                if page is None or not page.restore_draft(data):
                    self.ctx.show_message(
                        self.tr("Trang này chưa mở lại được bản nháp."), "warning"
                    )
            elif button is drop:
                from counter_app.services.drafts import clear_draft

                self.ctx.worker.files(clear_draft, name)

        box.buttonClicked.connect(answered)
        self.draft_question = box
        box.open()


def _first_draft(names: list[tuple[str, str]]) -> tuple[str, str, dict[str, Any]] | None:
    from counter_app.services.drafts import load_draft

    for page_id, name in names:
        data = load_draft(name)
        if data is not None:
            return page_id, name, data
    return None
