"""Running the dossier view's actions: the status changes (asking a reason where the status needs
one, and a confirmation for a withdrawal), the apology with its form 04, and the way to the
returns page. Every write goes through `ctx.write` with `Changes(dossiers={code})`."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.status import Status
from counter_app.services.apology import issue_apology
from counter_app.services.dossier_records import apology_context
from counter_app.services.dossiers import change_status
from counter_app.ui.context import Changes
from counter_app.ui.dossier_actions import action
from counter_app.ui.dossier_dialogs import ApologyDialog, ReasonDialog
from counter_app.ui.pages.dossier_table import status_label
from counter_app.ui.qt import QMessageBox, QObject, QWidget

if TYPE_CHECKING:
    from counter_app.services.apology import ApologyIssued
    from counter_app.services.dossier_records import ApologyContext
    from counter_app.services.dossiers import DossierView, StatusChange
    from counter_app.ui.context import AppContext

TIME = "%H:%M %d/%m/%Y"


def open_page(widget: QWidget, page_id: str) -> Any:
    """Show another page of the shell holding `widget`; return it (None if there is none).

    Pages are given no navigation of their own (context.py): the shell is the first ancestor
    that can show pages."""
    w = widget.parentWidget()
    while w is not None and not hasattr(w, "show_page"):
        w = w.parentWidget()
    return w.show_page(page_id) if w is not None else None


class DossierActionRunner(QObject):
    """Runs one action on the dossier a page shows. `page` parents the dialogs."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.dialog: ReasonDialog | ApologyDialog | None = None
        self.question: QMessageBox | None = None
        self.busy = False  # a write is on its way: a second click must not send another

    def run(self, action_id: str, d: DossierView) -> None:
        """Start action `action_id` on dossier `d` (nothing if its status does not allow it)."""
        spec = action(action_id)
        if self.busy:
            return
        if not spec.allowed(d.status):
            self.ctx.show_message(
                self.tr("“%1” không áp dụng cho hồ sơ đang ở trạng thái “%2”.")
                .replace("%1", spec.display_title())
                .replace("%2", status_label(d.status, self.ctx.language)),
                "warning",
            )
            return
        if action_id == "return":
            returns = open_page(self.page, "returns")
            if returns is not None and hasattr(returns, "open_code"):
                returns.open_code(d.code)
        elif action_id == "apology":
            self.ctx.read(
                apology_context,
                d.code,
                self.ctx.now(),
                on_success=self._ask_apology,
                owner=self.page,
            )
        elif spec.needs_reason:
            ok = self.tr("Tiếp tục") if spec.confirm else self.tr("Ghi nhận")
            dialog = ReasonDialog(spec.display_title(), d.code, spec.display_tip(), ok, self.page)
            dialog.submitted.connect(
                lambda reason, i=action_id, c=d.code: self._reasoned(i, c, reason)
            )
            self._open(dialog)
        else:
            self._change(action_id, d.code, "")

    # --- status changes --------------------------------------------------------------------

    def _reasoned(self, action_id: str, code: str, reason: str) -> None:
        if not action(action_id).confirm:
            self._change(action_id, code, reason)
            return
        box = QMessageBox(self.page)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Công dân rút hồ sơ"))
        box.setText(self.tr("Xác nhận công dân rút hồ sơ %1?").replace("%1", code))
        box.setInformativeText(
            self.tr("Hồ sơ sẽ kết thúc ở trạng thái “Công dân rút hồ sơ” và không hoàn tác được.")
            + "\n"
            + self.tr("Lý do: %1").replace("%1", reason)
        )
        yes = box.addButton(self.tr("Rút hồ sơ"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("Quay lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)

        def answered(button: Any) -> None:
            self.question = None
            if button is yes:
                self._change(action_id, code, reason)

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()

    def _change(self, action_id: str, code: str, reason: str) -> None:
        spec = action(action_id)
        assert spec.target is not None
        self.busy = True
        self.ctx.write(
            partial(
                change_status,
                code=code,
                target=spec.target,
                actor=self.ctx.actor(),
                reason=reason,
                at=self.ctx.now(),
            ),
            changes=Changes(dossiers=frozenset({code}), source=self.page),
            on_success=self._changed,
            on_error=self._failed,
            owner=self.page,
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ctx.show_error(exc)

    def _changed(self, change: StatusChange) -> None:
        self.busy = False
        label = status_label(change.to_status, self.ctx.language)
        text = self.tr("Hồ sơ %1: đã chuyển sang “%2”.").replace("%1", change.code)
        text = text.replace("%2", label)
        if change.to_status == Status.RESULT_READY:
            text += " " + self.tr("Trả kết quả cho công dân: Alt+T hoặc trang Trả kết quả (F4).")
        self.ctx.show_message(text, "success")

    # --- apology ---------------------------------------------------------------------------

    def _ask_apology(self, context: ApologyContext) -> None:
        dialog = ApologyDialog(context, self.ctx.now_local(), self.page)
        dialog.submitted.connect(
            lambda when, reason, unit, c=context.code: self._apologize(c, when, reason, unit)
        )
        self._open(dialog)

    def _apologize(self, code: str, when: Any, reason: str, unit: str) -> None:
        self.busy = True
        self.ctx.write(
            partial(
                issue_apology,
                code=code,
                actor=self.ctx.actor(),
                new_due_at=when,
                reason=reason,
                responsible_unit=unit,
                a4_printer=self.ctx.settings.a4_printer,
                now=self.ctx.now(),
            ),
            changes=lambda r: Changes(
                dossiers=frozenset({code}), prints=r.job is not None, source=self.page
            ),
            on_success=self._apologized,
            on_error=self._failed,
            owner=self.page,
        )

    def _apologized(self, issued: ApologyIssued) -> None:
        self.busy = False
        if issued.job is not None:
            self.ctx.wake_printing()
        text = (
            self.tr("Đã lập phiếu xin lỗi, hẹn trả lại lúc %1: %2")
            .replace("%1", issued.new_due_at.strftime(TIME))
            .replace("%2", str(issued.path))
        )
        if issued.problem:
            self.ctx.show_message(text + "\n" + issued.problem, "warning")
        else:
            self.ctx.show_message(text, "success")

    def _open(self, dialog: ReasonDialog | ApologyDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
