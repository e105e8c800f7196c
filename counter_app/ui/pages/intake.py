"""Tiếp nhận (F2): receiving a paper dossier at the desk, keyboard first.

The officer scans the citizen's CCCD (or types), picks the procedure by a few letters and Enter,
checks the documents, and saves with Ctrl+S: the dossier is written on the database thread, the
receipt is queued for the thermal printer, forms 01 and 05 are written as PDFs (and queued for
the A4 printer), and the page shows the code, due time and look-up secret. A supplement request
(Ctrl+B) or a refusal (Ctrl+R) is recorded the same way with its form. The half-typed form is
kept as a draft and offered back after a crash. The cards live in `intake_*.py` beside this.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.domain.cccd import parse_cccd
from counter_app.domain.errors import InvalidInput
from counter_app.domain.status import Status
from counter_app.services.catalog import search_procedures
from counter_app.services.cccd_image import read_cccd_image
from counter_app.services.intake import create_dossier
from counter_app.services.intake_documents import (
    FORMS_RECEIVED,
    FORMS_REFUSED,
    FORMS_SUPPLEMENT,
    DocumentsPlan,
    produce_documents,
)
from counter_app.services.intake_outcomes import MissingItem, record_intake_outcome
from counter_app.services.intake_preview import (
    applicant_history,
    due_preview,
    list_departments,
    procedure_detail,
)
from counter_app.ui.camera import CameraDialog, CameraWatch
from counter_app.ui.context import AppContext, Changes
from counter_app.ui.drafts import DraftKeeper
from counter_app.ui.pages.base import Page
from counter_app.ui.pages.intake_draft import IntakeDraft
from counter_app.ui.pages.intake_form import IntakeForm
from counter_app.ui.pages.intake_outcome import RefusalDialog, SupplementDialog
from counter_app.ui.pages.intake_result import ResultPanel
from counter_app.ui.qt import (
    QFileDialog,
    QKeySequence,
    QMessageBox,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from counter_app.ui.scans import ScanKind, classify_scan

if TYPE_CHECKING:
    from counter_app.services.catalog import ProcedureDetail
    from counter_app.services.intake import IntakeResult
    from counter_app.services.intake_documents import ProducedDocuments
    from counter_app.services.intake_outcomes import OutcomeResult
    from counter_app.services.intake_preview import DuePreview, KnownApplicant
    from counter_app.ui.pages.intake_checklist import DocRow
    from counter_app.ui.qt import QDialog

DUE_REFRESH_MS = 30_000  # the due time moves as the clock does (a session ends, a day ends)


class IntakePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_cccd = ""  # the last CCCD payload offered to the page
        self.restored: dict[str, Any] | None = None  # the last draft taken back
        self.busy = False
        self.dialog: QDialog | None = None  # the supplement or refusal dialog, while open
        self._tried = False  # a save was refused: the hint turns red
        self._saving = ("", "")  # the applicant and procedure being recorded
        self._restoring = False
        self._pending_rows: list[DocRow] | None = None  # a draft's rows, until its procedure loads

        self.form = IntakeForm(ctx, host=self)
        self.procedure, self.applicant = self.form.procedure, self.form.applicant
        self.checklist, self.options = self.form.checklist, self.form.options
        self.bar = self.form.bar
        self.save_button = self.bar.save_button
        self.supplement_button = self.bar.supplement_button
        self.refuse_button = self.bar.refuse_button
        self.due_label, self.hint = self.bar.due_label, self.bar.hint
        self.result = ResultPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.result)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

        self.draft = DraftKeeper(ctx, "intake", parent=self)
        self.procedure.picked.connect(self.choose_procedure)
        self.form.changed.connect(self._changed)
        self.applicant.id_entered.connect(self._look_up_applicant)
        self.applicant.read_image.connect(self.read_qr_image)
        self.applicant.read_camera.connect(self.read_qr_camera)
        self.bar.refuse_button.clicked.connect(self.refuse)
        self.bar.supplement_button.clicked.connect(self.supplement)
        self.bar.save_button.clicked.connect(self.save)
        self.result.new_requested.connect(self.new_form)
        ctx.cccd_scanned.connect(self.take_cccd)
        ctx.print_job_changed.connect(self.result.job_changed)
        self._actions()
        self.camera_watch = CameraWatch(self)
        self.camera_watch.changed.connect(self._camera_changed)
        self._camera_changed(self.camera_watch.problem)
        self._due_timer = QTimer(self)
        self._due_timer.timeout.connect(self.refresh_due)
        self._due_timer.start(DUE_REFRESH_MS)
        ctx.read(list_departments, on_success=self.procedure.set_departments, owner=self)
        # Builds the search index on the database thread before the first keystroke needs it.
        ctx.read(search_procedures, "a", 1, on_error=lambda _e: None, owner=self)
        self._update_hint()

    # --- building ----------------------------------------------------------------------------

    def _actions(self) -> None:
        save = self.add_page_action(
            self.tr("Lưu, in giấy hẹn (cả Ctrl+Enter)"), "Ctrl+S", self.save
        )
        save.setShortcuts(
            [save.shortcut(), QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
        )
        for text, keys, slot in (
            (self.tr("Tiếp nhận hồ sơ mới"), "Ctrl+N", self.new_form),
            (self.tr("Yêu cầu bổ sung hồ sơ (mẫu 02)"), "Ctrl+B", self.supplement),
            (self.tr("Từ chối tiếp nhận (mẫu 03)"), "Ctrl+R", self.refuse),
            (self.tr("Đọc mã QR căn cước từ ảnh"), "Ctrl+O", self.read_qr_image),
            (self.tr("Tìm thủ tục"), "Alt+T", self.procedure.focus_search),
            (self.tr("Họ tên người nộp"), "Alt+N", self.applicant.full_name.setFocus),
            (self.tr("Điện thoại người nộp"), "Alt+D", self.applicant.phone.setFocus),
            (self.tr("Danh mục giấy tờ (Space: nhận/bỏ)"), "Alt+G", self.checklist.table.setFocus),
            (self.tr("Đánh dấu đủ giấy tờ bắt buộc"), "Ctrl+D", self.checklist.model.tick_required),
            (self.tr("Thêm giấy tờ khác"), "Alt+K", self.checklist.extra.setFocus),
            (self.tr("Trả kết quả qua bưu điện"), "Alt+B", self.options.toggle_post),
        ):
            self.add_page_action(text, keys, slot)
        self.camera_action = self.add_page_action(
            self.tr("Đọc mã QR căn cước bằng camera"), "Ctrl+Shift+O", self.read_qr_camera
        )

    @property
    def detail(self) -> ProcedureDetail | None:
        return self.form.detail

    @property
    def due(self) -> DuePreview | None:
        return self.form.due

    # --- hooks of the shell ------------------------------------------------------------------

    def on_shown(self) -> None:
        if self.stack.currentWidget() is self.result:
            self.result.new_button.setFocus()
        elif self.detail is None:
            self.procedure.search.setFocus()

    def handle_scan(self, text: str) -> bool:
        if classify_scan(text) is ScanKind.CCCD:
            self.take_cccd(text)
            return True
        return False

    def on_changes(self, changes: Changes) -> None:
        if changes.catalog or changes.everything:
            self.ctx.read(list_departments, on_success=self.procedure.set_departments, owner=self)

    def flush(self) -> None:
        self.draft.flush()

    # --- the applicant -----------------------------------------------------------------------

    def take_cccd(self, payload: str) -> None:
        """A CCCD QR payload (scanned, or read from a picture): fill the applicant, or say why not."""
        self.last_cccd = payload
        try:
            card = parse_cccd(payload, today=self.ctx.now_local().date())
        except InvalidInput as exc:
            self.ctx.show_message(exc.message, "error")
            return
        if self.busy:  # the form is being recorded: it must not change under the save
            self.ctx.show_message(
                self.tr("Đang ghi hồ sơ trước: quét lại thẻ sau giây lát."), "warning"
            )
            return
        if self.stack.currentWidget() is self.result:
            self._reset_form()
        self.applicant.fill_from_cccd(card)
        self.ctx.show_message(
            self.tr("Đã đọc CCCD của %1.").replace("%1", card.full_name), "success"
        )
        if self.detail is None:
            self.procedure.focus_search()
        elif not self.applicant.phone.text().strip():
            self.applicant.phone.setFocus()

    def _look_up_applicant(self, number: str) -> None:
        self.ctx.read(
            applicant_history, number, on_success=self._known, on_error=lambda _e: None, owner=self
        )

    def _known(self, known: KnownApplicant | None) -> None:
        if known is not None:
            self.applicant.offer_contacts(known)

    def read_qr_image(self) -> None:
        dialog = QFileDialog(self, self.tr("Chọn ảnh có mã QR căn cước"))
        dialog.setNameFilter(self.tr("Ảnh hoặc PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.decode_image)
        dialog.open()

    def _camera_changed(self, problem: str) -> None:
        self.applicant.set_camera_problem(problem)
        self.camera_action.setEnabled(not problem)

    def read_qr_camera(self) -> None:
        """Ctrl+Shift+O: the document camera's live view, until a card's QR is read."""
        if self.camera_watch.problem:
            self.ctx.show_message(self.camera_watch.problem, "warning")
            return
        dialog = CameraDialog(self.ctx, self)
        dialog.payload_read.connect(self.take_cccd)  # exactly as a scanner's payload
        self._open(dialog)

    def decode_image(self, path: str) -> None:
        """Read the CCCD QR in the picture at `path` off the GUI thread, then take it."""
        self.ctx.show_message(self.tr("Đang đọc mã QR trong ảnh…"), "info")
        self.ctx.background(read_cccd_image, path, on_success=self.take_cccd, owner=self)

    # --- the procedure -----------------------------------------------------------------------

    def choose_procedure(self, code: str) -> None:
        self.ctx.read(
            procedure_detail,
            code,
            on_success=self._show_detail,
            on_error=self._detail_failed,
            owner=self,
        )

    def _show_detail(self, detail: ProcedureDetail) -> None:
        was_searching = self.procedure.search.hasFocus() or self.procedure.list.hasFocus()
        rows, self._pending_rows = self._pending_rows, None
        self.form.set_detail(detail, rows)
        self.refresh_due()
        if was_searching:
            self.form.focus_next()

    def _detail_failed(self, exc: BaseException) -> None:
        self._pending_rows = None
        self.ctx.show_error(exc)

    def refresh_due(self) -> None:
        if self.detail is None or self.stack.currentWidget() is self.result:
            return
        self.ctx.read(
            due_preview,
            self.detail.code,
            self.ctx.now(),
            on_success=self.form.set_due,
            on_error=lambda _e: None,
            owner=self,
        )

    # --- the state of the form ---------------------------------------------------------------

    def _changed(self) -> None:
        self._update_hint()
        if self._restoring or self.stack.currentWidget() is self.result:
            return
        if self.form.is_blank():
            self.draft.clear()
        else:
            self.draft.update(self.form_data())

    def is_blank(self) -> bool:
        return self.form.is_blank()

    def problem(self, *, outcome: bool = False, strict: bool = False) -> tuple[QWidget, str] | None:
        return self.form.problem(outcome=outcome, strict=strict)

    def _update_hint(self) -> None:
        self.form.show_state(busy=self.busy, alarm=self._tried)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:  # what the result will say, as it was when the officer saved
            name = self.applicant.values()["full_name"].strip()
            self._saving = (name, self.detail.name if self.detail else "")
        self._update_hint()

    def _refused(self, found: tuple[QWidget, str]) -> None:
        self._tried = True
        self._update_hint()
        self.ctx.show_message(found[1], "error")
        found[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _ready(self, *, outcome: bool) -> bool:
        if self.busy or self.stack.currentWidget() is self.result:
            return False
        found = self.problem(outcome=outcome, strict=True)
        if found is not None:
            self._refused(found)
            return False
        return True

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+S: receive the dossier (on the database thread), then make its papers."""
        if not self._ready(outcome=False):
            return
        request = self.form.request()
        self._set_busy(True)
        self.ctx.write(
            partial(create_dossier, now=self.ctx.now()),
            request,
            self.ctx.actor(),
            changes=lambda r: Changes(dossiers=frozenset({r.code}), prints=True, source=self),
            on_success=self._saved,
            on_error=self._write_failed,
            owner=self,
        )

    def _saved(self, r: IntakeResult) -> None:
        self.result.show_result(
            title=self.tr("Đã tiếp nhận hồ sơ"),
            kind="on_time",
            badge=self.tr("Được tiếp nhận"),
            code=r.code,
            applicant=self._saving[0],
            procedure=self._saving[1],
            due=r.due_at,
            secret=r.lookup_secret,
        )
        self._finish(r.code, FORMS_RECEIVED)
        self.ctx.show_message(self.tr("Đã tiếp nhận hồ sơ %1.").replace("%1", r.code), "success")

    def _write_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.ctx.show_error(exc)  # the form stays as it was: nothing is lost

    def _finish(self, code: str, forms: tuple[str, ...]) -> None:
        """The visit is recorded: forget the draft, show the result, make the papers."""
        self.busy = False
        self.draft.clear()
        self.stack.setCurrentWidget(self.result)
        self.result.new_button.setFocus()
        settings = self.ctx.settings
        plan = DocumentsPlan(forms, settings.receipt_printer, "80", settings.a4_printer)
        self.ctx.write(
            produce_documents,
            code,
            plan,
            self.ctx.actor(),
            changes=Changes(dossiers=frozenset({code}), prints=True, source=self),
            on_success=self._produced,
            owner=self,
        )

    def _produced(self, produced: ProducedDocuments) -> None:
        self.result.show_documents(produced)
        if produced.queued:
            self.ctx.wake_printing()
        if produced.problems:
            self.ctx.show_message("\n".join(produced.problems), "warning")

    # --- the other outcomes ------------------------------------------------------------------

    def _about(self) -> str:
        assert self.detail is not None
        name = self.applicant.values()["full_name"].strip()
        return f"{name} · {self.detail.code} {self.detail.name}"

    def supplement(self) -> None:
        """Ctrl+B: ask for what is missing (form 02); the dossier waits in status 5."""
        if not self._ready(outcome=True):
            return
        assert self.detail is not None
        dialog = SupplementDialog(
            list(self.checklist.model.rows), self.detail.code, self._about(), self
        )
        dialog.accepted.connect(
            lambda: self._record(
                Status.SUPPLEMENT, dialog.reason_text(), dialog.missing(), dialog.rules_text()
            )
        )
        self._open(dialog)

    def refuse(self) -> None:
        """Ctrl+R: refuse to receive the dossier (form 03, status 3), with the reason."""
        if not self._ready(outcome=True):
            return
        dialog = RefusalDialog(self._about(), self)
        dialog.accepted.connect(lambda: self._record(Status.REFUSED, dialog.reason_text(), [], ""))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _record(self, outcome: Status, reason: str, missing: list[MissingItem], rules: str) -> None:
        request = self.form.request()
        self._set_busy(True)
        self.ctx.write(
            partial(
                record_intake_outcome,
                outcome=outcome,
                reason=reason,
                missing=missing,
                rules_reference=rules,
                now=self.ctx.now(),
            ),
            request,
            self.ctx.actor(),
            changes=lambda r: Changes(dossiers=frozenset({r.code}), prints=True, source=self),
            on_success=self._recorded,
            on_error=self._write_failed,
            owner=self,
        )

    def _recorded(self, r: OutcomeResult) -> None:
        supplement = r.status == Status.SUPPLEMENT
        self.result.show_result(
            title=self.tr("Đã ghi yêu cầu bổ sung")
            if supplement
            else self.tr("Đã ghi từ chối tiếp nhận"),
            kind="due_soon" if supplement else "overdue",
            badge=self.tr("Yêu cầu bổ sung") if supplement else self.tr("Không được tiếp nhận"),
            code=r.code,
            applicant=self._saving[0],
            procedure=self._saving[1],
            due=None,
            reason=r.reason,
        )
        self._finish(r.code, FORMS_SUPPLEMENT if supplement else FORMS_REFUSED)

    # --- a new form, drafts ------------------------------------------------------------------

    def new_form(self) -> None:
        """Ctrl+N: a clean form for the next citizen (asking first if this one is unsaved)."""
        if self.busy:
            return
        if self.stack.currentWidget() is self.result or self.is_blank():
            self._reset_form()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Hồ sơ đang nhập"))
        box.setText(self.tr("Bỏ hồ sơ đang nhập dở để tiếp nhận hồ sơ mới?"))
        drop = box.addButton(self.tr("Bỏ, nhập hồ sơ mới"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.buttonClicked.connect(lambda b: self._reset_form() if b is drop else None)
        self.dialog = box
        box.finished.connect(lambda _r: setattr(self, "dialog", None))
        box.open()

    def _reset_form(self, *, keep_draft: bool = False) -> None:
        self._restoring = True
        self._tried, self._pending_rows = False, None
        self.form.reset()
        self._restoring = False
        if not keep_draft:
            self.draft.clear()
        self.stack.setCurrentIndex(0)
        self._update_hint()
        self.procedure.focus_search()

    def form_data(self) -> dict[str, Any]:
        """The form as JSON-able data (what the draft keeps)."""
        return self.form.draft().to_json(self.detail.name if self.detail else "")

    def focus_search(self) -> bool:
        """Ctrl+F on the form: the procedure search (on the result view: the shell's search)."""
        if self.stack.currentWidget() is self.result:
            return False
        self.procedure.focus_search()
        return True

    def restore_draft(self, data: dict[str, Any]) -> bool:
        """Put a draft back in the form; parts that are not what a draft holds are skipped."""
        self.restored = data
        draft = IntakeDraft.from_json(data)
        if draft is None:
            return False
        self._reset_form(keep_draft=True)
        self._restoring = True
        self.form.apply_draft(draft)
        self.ctx.show_message(self.tr("Đã mở lại hồ sơ đang nhập dở."), "info")
        if draft.procedure:
            self._pending_rows = draft.rows
            self.choose_procedure(draft.procedure)
        self._restoring = False
        self._changed()
        return True
