"""The intake page's applicant card: filled from a CCCD QR (all fields at once, or none) or typed,
with the ID number, birth date, phone and email checked as they are typed.

A message appears as soon as a field is clearly wrong (a letter in the ID, a 13th digit) and,
for a field still being typed (11 digits of 12), once the cursor leaves it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.cccd import validate_id_number, validate_phone
from counter_app.domain.errors import InvalidInput
from counter_app.domain.text import nfc
from counter_app.services.intake import Applicant
from counter_app.ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from counter_app.ui.widgets import ComboBox

if TYPE_CHECKING:
    from counter_app.domain.cccd import CccdData
    from counter_app.services.intake_preview import KnownApplicant

_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})|(\d{2})(\d{2})(\d{4})")
_PHONE_CHARS = re.compile(r"[0-9+\s.\-()]*")
FIELDS = ("full_name", "id_number", "birth_date", "gender", "phone", "email", "address")
# A red frame on a field whose value is wrong (a property, so the theme's focus frame stays).
STYLE = 'QLineEdit[invalid="true"] { border: 1px solid #b42318; }'


def parse_birth(text: str) -> date | None:
    """Return the date in "dd/mm/yyyy" (or d/m/yyyy, ddmmyyyy); None if empty; ValueError if bad."""
    text = text.strip()
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if m is None:
        raise ValueError(text)
    d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    return date(int(y), int(mo), int(d))


class ApplicantPanel(QFrame):
    changed = Signal()
    id_entered = Signal(str)  # a valid CCCD number was typed or scanned (to offer past contacts)
    read_image = Signal()  # "Đọc QR từ ảnh…" clicked
    read_camera = Signal()  # "Chụp từ camera…" clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(STYLE)
        self.errors: dict[str, str] = {}
        self._done: set[str] = set()  # fields the cursor has left at least once
        self.today = date.today

        title = QLabel(self.tr("2. Người nộp"), objectName="sectionTitle")
        self.image_button = QPushButton(self.tr("Đọc QR từ ảnh… (Ctrl+O)"), objectName="link")
        self.image_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.image_button.clicked.connect(self.read_image.emit)
        self.camera_button = QPushButton(self.tr("Chụp từ camera…"), objectName="link")
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_button.clicked.connect(self.read_camera.emit)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.image_button)
        head.addSpacing(12)
        head.addWidget(self.camera_button)
        # Where the values came from (the card, an earlier dossier); hidden when typed.
        self.source = QLabel("", objectName="muted")
        self.source.setWordWrap(True)
        self.source.hide()

        self.full_name = self._edit("full_name", self.tr("quét mã QR trên CCCD để điền tự động"))
        self.id_number = self._edit("id_number", self.tr("12 chữ số"))
        self.id_number.setMaxLength(20)
        self.birth_date = self._edit("birth_date", self.tr("dd/mm/yyyy"))
        self.birth_date.setMaxLength(10)
        self.gender = ComboBox(objectName="applicantGender")
        for text, value in (("", ""), (self.tr("Nam"), "Nam"), (self.tr("Nữ"), "Nữ")):
            self.gender.addItem(text, value)
        self.gender.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.phone = self._edit("phone", self.tr("di động hoặc cố định"))
        self.phone.setMaxLength(20)
        self.email = self._edit("email", "")
        self.address = self._edit("address", self.tr("nơi thường trú"))
        self.error = QLabel("", objectName="formError")
        self.error.setWordWrap(True)
        self.error.hide()

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        rows: list[tuple[tuple[str, QWidget], ...]] = [
            ((self.tr("Họ và tên"), self.full_name),),
            ((self.tr("Số CCCD"), self.id_number), (self.tr("Ngày sinh"), self.birth_date)),
            ((self.tr("Giới tính"), self.gender), (self.tr("Điện thoại"), self.phone)),
            ((self.tr("Email"), self.email),),
            ((self.tr("Địa chỉ"), self.address),),
        ]
        for r, pairs in enumerate(rows):
            for c, (label, field) in enumerate(pairs):
                text = QLabel(label, objectName="fieldLabel")
                text.setBuddy(field)
                grid.addWidget(text, r, c * 2)
                span = 3 if len(pairs) == 1 else 1
                grid.addWidget(field, r, c * 2 + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(6)
        lay.addLayout(head)
        lay.addLayout(grid)
        lay.addWidget(self.source)
        lay.addWidget(self.error)
        lay.addStretch(1)

    def set_camera_problem(self, problem: str) -> None:
        """Enable "Chụp từ camera" when `problem` is "", else disable it with the reason."""
        self.camera_button.setEnabled(not problem)
        self.camera_button.setToolTip(
            problem or self.tr("Đọc mã QR trên thẻ CCCD bằng camera tài liệu (Ctrl+Shift+O)")
        )

    def _edit(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=f"applicant_{field}")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, e=edit: self._edited(e))
        edit.editingFinished.connect(lambda f=field: self._left(f))
        return edit

    def edits(self) -> list[QWidget]:
        """The fields in tab order."""
        return [
            self.full_name,
            self.id_number,
            self.birth_date,
            self.gender,
            self.phone,
            self.email,
            self.address,
        ]

    # --- values ------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        out = {f: getattr(self, f).text() for f in FIELDS if f != "gender"}
        out["gender"] = str(self.gender.currentData() or "")
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for f in FIELDS:
            value = values.get(f, "")
            if not isinstance(value, str):
                continue
            if f == "gender":
                self.gender.setCurrentIndex(max(0, self.gender.findData(value)))
            else:
                edit = getattr(self, f)
                edit.setText(value)
                edit.setCursorPosition(0)  # a long address shows its start
        self._done = {f for f in FIELDS if values.get(f)}
        self.check()
        self.changed.emit()

    def clear(self) -> None:
        self.set_values({})
        self._done.clear()
        self._say("")
        self.check()

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.values().values())

    def fill_from_cccd(self, card: CccdData) -> None:
        """Fill the fields from a parsed card; phone and email stay only for the same person."""
        same = validate_or_empty(self.id_number.text()) == card.id_number
        values = self.values() if same else {}
        values |= {
            "full_name": card.full_name,
            "id_number": card.id_number,
            "birth_date": card.birth_date.strftime("%d/%m/%Y"),
            "gender": card.gender,
            "address": card.address,
        }
        self.set_values(values)
        self._say(self.tr("Đã điền từ mã QR căn cước."))
        self.id_entered.emit(card.id_number)

    def offer_contacts(self, known: KnownApplicant) -> None:
        """Fill the phone and email an applicant gave last time, where still empty."""
        if validate_or_empty(self.id_number.text()) != known.id_number:
            return
        filled = False
        for field, value in ((self.phone, known.phone), (self.email, known.email)):
            if value and not field.text().strip():
                field.setText(value)
                filled = True
        if filled:
            self._say(
                self.tr("Điện thoại, email theo hồ sơ %1 (%2): hỏi lại người nộp.")
                .replace("%1", known.last_code)
                .replace("%2", known.last_received_at.strftime("%d/%m/%Y"))
            )
            self.check()
            self.changed.emit()

    def _say(self, text: str) -> None:
        self.source.setText(text)
        self.source.setVisible(bool(text))

    def applicant(self) -> Applicant:
        """The applicant for the services (validated there again); ValueError for a bad date."""
        v = self.values()
        return Applicant(
            full_name=nfc(v["full_name"]),
            id_number=v["id_number"],
            phone=v["phone"],
            address=nfc(v["address"]),
            email=nfc(v["email"]),
            birth_date=parse_birth(v["birth_date"]),
            gender=v["gender"],
        )

    # --- checks ------------------------------------------------------------------------------

    def _edited(self, edit: QLineEdit) -> None:
        self.check()
        self.changed.emit()
        if edit is self.id_number and "id_number" not in self.errors:
            number = validate_or_empty(edit.text())
            if number:
                self.id_entered.emit(number)

    def _left(self, field: str) -> None:
        self._done.add(field)
        self.check()

    def check(self) -> dict[str, str]:
        """Check every field; show the messages; return {field: message} of the wrong ones."""
        errors = self.errors = self._evaluate(self._done)
        for f in FIELDS:
            widget = getattr(self, f)
            bad = f in errors
            if bool(widget.property("invalid")) != bad:
                widget.setProperty("invalid", bad)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.error.setText("\n".join(errors.values()))
        self.error.setVisible(bool(errors))
        return errors

    def _evaluate(self, done: set[str]) -> dict[str, str]:
        """{field: message} of the wrong fields; a field not in `done` (still being typed) is
        wrong only when it clearly is."""
        v = self.values()
        errors: dict[str, str] = {}
        ident = v["id_number"].replace(" ", "")
        if ident:
            if not ident.isdigit():
                errors["id_number"] = self.tr("Số CCCD chỉ gồm chữ số.")
            elif len(ident) > 12 or (len(ident) < 12 and "id_number" in done):
                errors["id_number"] = self.tr("Số CCCD phải có đủ 12 chữ số (đang có %1).").replace(
                    "%1", str(len(ident))
                )
            elif len(ident) == 12 and not 1 <= int(ident[:3]) <= 96:
                errors["id_number"] = self.tr(
                    "Số CCCD không hợp lệ: 3 số đầu (mã tỉnh) phải từ 001 đến 096."
                )
        phone = v["phone"].strip()
        if phone:
            digits = sum(ch.isdigit() for ch in phone)
            if (
                not _PHONE_CHARS.fullmatch(phone)
                or digits > 13
                or (("phone" in done) and not _valid_phone(phone))
            ):
                errors["phone"] = self.tr(
                    "Số điện thoại không hợp lệ: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; "
                    "cố định bắt đầu bằng 02."
                )
        birth = v["birth_date"].strip()
        if birth and ("birth_date" in done or len(birth) >= 10):
            try:
                when = parse_birth(birth)
                if when is not None and not date(1900, 1, 1) <= when <= self.today():
                    errors["birth_date"] = self.tr("Ngày sinh không hợp lý.")
            except ValueError:
                errors["birth_date"] = self.tr(
                    "Ngày sinh viết theo dạng dd/mm/yyyy, ví dụ 01/02/1995."
                )
        email = v["email"].strip()
        if email and "email" in done and ("@" not in email or " " in email):
            errors["email"] = self.tr("Email không hợp lệ.")
        return errors

    def problem(self, *, strict: bool = False) -> tuple[QWidget, str] | None:
        """The first thing that keeps the applicant from being saved: (field, message).

        `strict` (a save was asked): every field counts as typed, and its message is shown."""
        if strict:
            self._done.update(FIELDS)
            errors = self.check()
        else:
            errors = self._evaluate(set(FIELDS))
        if not self.full_name.text().strip():
            return self.full_name, self.tr("Thiếu họ tên người nộp.")
        for f in FIELDS:
            if f in errors:
                return getattr(self, f), errors[f]
        return None


def validate_or_empty(text: str) -> str:
    """The CCCD number in `text`, or "" if it is not a valid one."""
    try:
        return validate_id_number(text) if text.strip() else ""
    except InvalidInput:
        return ""


def _valid_phone(text: str) -> bool:
    try:
        validate_phone(text)
    except InvalidInput:
        return False
    return True
