"""The intake form: the four cards (procedure, applicant, documents, delivery) and the bar of
outcomes, laid out in two columns, with their state: the chosen procedure, the live due time,
what is still missing, the request to save, the draft. The page (`intake.py`) runs the work."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from counter_app.domain.status import Channel
from counter_app.services.intake import IntakeRequest, ItemInput
from counter_app.ui.pages.intake_applicant import ApplicantPanel
from counter_app.ui.pages.intake_bar import ActionBar
from counter_app.ui.pages.intake_checklist import ChecklistPanel, DocRow
from counter_app.ui.pages.intake_draft import IntakeDraft
from counter_app.ui.pages.intake_options import OptionsPanel
from counter_app.ui.pages.intake_procedure import ProcedurePanel
from counter_app.ui.qt import QFrame, QHBoxLayout, QScrollArea, Qt, QVBoxLayout, QWidget, Signal

if TYPE_CHECKING:
    from counter_app.services.catalog import ProcedureDetail
    from counter_app.services.intake_preview import DuePreview
    from counter_app.ui.context import AppContext


class _Columns(QHBoxLayout):
    """The two columns of cards. It says it has no height-for-width, so that the scroll area
    around it gives the cards the page's height and scrolls only below their minimum; otherwise
    a word-wrapped label inside makes it size them to their preferred height, and scroll."""

    def hasHeightForWidth(self) -> bool:
        return False


class IntakeForm(QWidget):
    changed = Signal()  # anything the officer can see or type changed

    def __init__(self, ctx: AppContext, host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ProcedureDetail | None = None
        self.due: DuePreview | None = None
        self.procedure = ProcedurePanel(ctx)
        self.applicant = ApplicantPanel()
        self.applicant.today = lambda: ctx.now_local().date()
        self.checklist = ChecklistPanel()
        roles = set(getattr(ctx.user, "roles", ()))
        postal_only = "postal" in roles and "officer" not in roles
        self.options = OptionsPanel(
            default_channel=Channel.POSTAL if postal_only else Channel.DIRECT
        )
        self.bar = ActionBar()
        self.procedure.set_host(host)
        for signal in (self.applicant.changed, self.checklist.model.changed, self.options.changed):
            signal.connect(self._changed)

        cards = QWidget()
        columns = _Columns(cards)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(14)
        for stretch, (top, rest) in (
            (11, (self.procedure, self.checklist)),
            (9, (self.applicant, self.options)),
        ):
            column = QVBoxLayout()
            column.setSpacing(14)
            column.addWidget(top)
            column.addWidget(rest, 1)
            columns.addLayout(column, stretch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(cards)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.bar)
        chain: list[QWidget] = [
            self.procedure.search,
            self.procedure.department,
            *self.applicant.edits(),
            self.checklist.table,
            self.checklist.extra,
            *self.options.edits(),
            self.bar.save_button,
            self.bar.supplement_button,
            self.bar.refuse_button,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _changed(self) -> None:
        values = self.applicant.values()
        self.options.follow_applicant(values["address"], values["phone"])
        self.changed.emit()

    # --- the procedure -----------------------------------------------------------------------

    def set_detail(self, detail: ProcedureDetail, rows: list[DocRow] | None = None) -> None:
        """Show the chosen procedure and its checklist (or `rows`, from a draft); the documents
        the officer added by hand stay."""
        if self.detail is None or self.detail.code != detail.code:
            self.due = None
        self.detail = detail
        self.procedure.set_chosen(detail)
        if rows is None:
            extra = [r for r in self.checklist.model.rows if r.extra]
            rows = [DocRow.from_spec(s) for s in detail.checklist] + extra
        self.checklist.model.set_rows(rows)

    def set_due(self, due: DuePreview) -> None:
        if self.detail is not None and due.procedure_code == self.detail.code:
            self.due = due
            self.changed.emit()

    def focus_next(self) -> None:
        """After the procedure: the first applicant field still empty, else the documents."""
        for edit in (self.applicant.full_name, self.applicant.phone):
            if not edit.text().strip():
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.checklist.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the state ---------------------------------------------------------------------------

    def is_blank(self) -> bool:
        return (
            self.detail is None
            and self.applicant.is_empty()
            and not self.checklist.model.rows
            and self.options.is_default()
        )

    def problem(self, *, outcome: bool = False, strict: bool = False) -> tuple[QWidget, str] | None:
        """The first thing that keeps the form from being saved (or, with `outcome`, from a
        supplement request or refusal being recorded): (the field to go to, what to do).
        `strict`: a save was asked; half-typed fields count as typed and show their message."""
        if self.detail is None:
            return self.procedure.search, self.tr(
                "Chưa chọn thủ tục: gõ tên hoặc mã thủ tục rồi Enter (Alt+T)."
            )
        found = self.applicant.problem(strict=strict)
        if found is not None or outcome:
            return found
        missing = self.checklist.model.missing_required()
        if missing and not strict:  # the bar's short form: the card names them
            return self.checklist.table, self.tr(
                "Thiếu %n giấy tờ bắt buộc (mục 3): Yêu cầu bổ sung (Ctrl+B).", "", len(missing)
            )
        if missing:
            return self.checklist.table, self.tr(
                "Thiếu giấy tờ bắt buộc: %1. Nếu người nộp chưa có, bấm Yêu cầu bổ sung (Ctrl+B)."
            ).replace("%1", "; ".join(r.name for r in missing))
        return self.options.problem()

    def show_state(self, *, busy: bool, alarm: bool) -> None:
        found = self.problem()
        self.bar.show_state(
            self.due if self.detail is not None else None,
            found[1] if found is not None else None,
            busy=busy,
            alarm=alarm,
            outcome_ready=self.problem(outcome=True) is None,
        )

    def request(self) -> IntakeRequest:
        """What to record: the documents ticked as handed in (raises ValueError for a birth
        date `problem()` would have named)."""
        assert self.detail is not None
        applicant = self.applicant.applicant()
        return IntakeRequest(
            procedure_code=self.detail.code,
            applicant=applicant,
            channel=self.options.channel_value(),
            items=[ItemInput(r.name, r.kind, r.count) for r in self.checklist.model.received()],
            return_by_post=self.options.post_return(applicant.full_name),
            sets_count=self.options.sets.value(),
            notes=self.options.notes.toPlainText().strip(),
            postal_tracking=self.options.postal_tracking(),
        )

    def reset(self) -> None:
        self.detail, self.due = None, None
        self.procedure.set_chosen(None)
        self.applicant.clear()
        self.checklist.model.set_rows([])
        self.checklist.extra.clear()
        self.options.set_values({})

    def draft(self) -> IntakeDraft:
        return IntakeDraft(
            self.detail.code if self.detail else "",
            self.procedure.search.text(),
            self.applicant.values(),
            list(self.checklist.model.rows),
            self.options.values(),
        )

    def apply_draft(self, draft: IntakeDraft) -> None:
        """Everything of `draft` but its procedure (the page loads that, then its rows)."""
        self.applicant.set_values(draft.applicant)
        self.options.set_values(draft.options)
        self.procedure.search.setText(draft.search)
        if not draft.procedure:
            self.checklist.model.set_rows(draft.rows)
