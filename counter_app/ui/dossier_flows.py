"""Running the dossier view's actions: the status changes (asking a reason where the status needs
one, and a confirmation for a withdrawal), the supplement request with its form 02, the apology
with its form 04, and the way to the
returns page (asked of the shell through `ctx.open_page`). Every write goes through `ctx.write`
with `Changes(dossiers={code})`."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.status import Status
from counter_app.domain.text import fold
from counter_app.services.apology import issue_apology
from counter_app.services.dossier_records import apology_context
from counter_app.services.dossiers import change_status
from counter_app.services.supplement import request_supplement, supplement_context
from counter_app.ui.context import Changes
from counter_app.ui.dossier_actions import action
from counter_app.ui.dossier_dialogs import ApologyDialog, ReasonDialog
from counter_app.ui.pages.dossier_table import status_label
from counter_app.ui.pages.intake_checklist import DocRow
from counter_app.ui.pages.intake_outcome import SupplementDialog
from counter_app.ui.qt import QMessageBox, QObject, QWidget

if TYPE_CHECKING:
    from counter_app.services.apology import ApologyIssued
    from counter_app.services.dossier_records import ApologyContext
    from counter_app.services.dossiers import DossierView, StatusChange
    from counter_app.services.intake_outcomes import MissingItem
    from counter_app.services.supplement import SupplementContext, SupplementIssued
    from counter_app.ui.context import AppContext

TIME = "%H:%M %d/%m/%Y"


class DossierActionRunner(QObject):
    """Runs one action on the dossier a page shows. `page` parents the dialogs."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.dialog: ReasonDialog | ApologyDialog | SupplementDialog | None = None
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
            self.ctx.open_page("returns", d.code)
        elif action_id == "scan":
            self.ctx.open_page("scan", d.code)
        elif action_id == "supplement":
            self.ctx.read(
                supplement_context,
                d.code,
                on_success=lambda c, d=d: self._ask_supplement(d, c),
                owner=self.page,
            )
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

    # --- supplement request (form 02) -------------------------------------------------------

    def _ask_supplement(self, d: DossierView, context: SupplementContext) -> None:
        # The checklist, the documents not handed in ticked at first (MissingModel's rule).
        handed_in = {fold(name) for name in context.handed_in}
        rows = [
            DocRow(c.name, c.required, c.kind.value, c.count, received=fold(c.name) in handed_in)
            for c in context.checklist
        ]
        about = f"{d.applicant_name} · {d.code} · {d.procedure_name}"
        dialog = SupplementDialog(rows, context.procedure_code, about, self.page)
        dialog.accepted.connect(
            lambda: self._supplement(
                d.code, dialog.reason_text(), dialog.missing(), dialog.rules_text()
            )
        )
        self._open(dialog)

    def _supplement(self, code: str, reason: str, missing: list[MissingItem], rules: str) -> None:
        self.busy = True
        self.ctx.write(
            partial(
                request_supplement,
                code=code,
                actor=self.ctx.actor(),
                reason=reason,
                missing=missing,
                rules_reference=rules,
                a4_printer=self.ctx.settings.a4_printer,
                now=self.ctx.now(),
            ),
            changes=lambda r: Changes(
                dossiers=frozenset({code}), prints=r.job is not None, source=self.page
            ),
            on_success=self._supplemented,
            on_error=self._failed,
            owner=self.page,
        )

    def _supplemented(self, issued: SupplementIssued) -> None:
        self.busy = False
        if issued.job is not None:
            self.ctx.wake_printing()
        text = (
            self.tr("Hồ sơ %1: đã ghi yêu cầu bổ sung, thời hạn tạm dừng. Phiếu (mẫu 02): %2")
            .replace("%1", issued.code)
            .replace("%2", str(issued.path))
        )
        if issued.problem:
            self.ctx.show_message(text + "\n" + issued.problem, "warning")
        else:
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

    def _open(self, dialog: ReasonDialog | ApologyDialog | SupplementDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
