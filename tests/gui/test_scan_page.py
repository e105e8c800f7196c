"""The scan page's workspace: a dossier opened from the dossier view, real files of every kind
imported and cleaned, pages reordered, turned, deleted and restored, assigned to checklist
items, saved as one PDF per item (read back from storage), viewed; settings reaching the
pipeline; the watched folder."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pypdfium2 as pdfium
import pytest
from gui_helpers import VN
from PySide6.QtTest import QTest
from scan_gui_helpers import (
    marked_page,
    new_dossier,
    text_page,
    write_jpeg,
    write_pdf,
    write_png,
    write_tiff,
)

from counter_app.services.dossier_records import list_dossier_files
from counter_app.services.dossiers import get_dossier
from counter_app.services.files import read_file
from counter_app.ui.qt import QApplication, Qt

RECEIVED = datetime(2025, 3, 12, 10, 0, tzinfo=VN)
CTRL = Qt.KeyboardModifier.ControlModifier
offscreen_dialog = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def scan_page(qtbot, signed_in, demo_db):
    """The scan page of a signed-in window, on a new dossier opened from the dossier view."""

    def make(**settings):
        window = signed_in("canbo1", scan_dpi=200, **settings)
        code = new_dossier(demo_db, RECEIVED)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        dossiers = window.shell.show_page("dossiers")
        dossiers.open_code(code)
        dossiers.table.setFocus()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        assert window.shell.current_id() == "scan"
        page = window.shell.current_page()
        assert page.workspace.dossier is not None and page.workspace.dossier.code == code
        page.workers = 0
        return window, page, code

    return make


def _key(page, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    page.workspace.view.setFocus()
    QTest.keyClick(page.workspace.view, key, mods)


def _ids(page) -> list[int]:
    return [p.id for p in page.workspace.model.pages]


def _pdf_pages(sha256: str) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(read_file(sha256))
    try:
        return [
            np.asarray(doc[n].render(scale=0.3, grayscale=True).to_pil().convert("L"))
            for n in range(len(doc))
        ]
    finally:
        doc.close()


def test_import_arrange_assign_and_save(scan_page, demo_db, tmp_path) -> None:
    _window, page, code = scan_page()
    changes = []
    page.ctx.changed.connect(changes.append)
    files = [
        write_png(tmp_path / "a.png", marked_page(1)),
        write_jpeg(tmp_path / "b.jpg", text_page(2, 200), 2),
        write_tiff(tmp_path / "c.tif", [text_page(3, 200), text_page(4, 200)]),
        write_pdf(tmp_path / "d.pdf", text_page(5, 200)),
    ]
    page.import_files([str(f) for f in files])
    model = page.workspace.model
    assert model.rowCount() == 5
    assert [p.source for p in model.pages] == ["a.png (1)", "b.jpg (1)", "c.tif (1)", "c.tif (2)", "d.pdf (1)"]  # fmt: skip
    icon = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull() and icon.width() == 150
    a, b, c1, c2, d = _ids(page)

    page.workspace.select([4])  # the PDF's page two places to the left, by keys
    _key(page, Qt.Key.Key_Left, CTRL)
    _key(page, Qt.Key.Key_Left, CTRL)
    assert _ids(page) == [a, b, d, c1, c2]
    assert page.workspace.selected_rows() == [2]
    mime = model.mimeData([model.index(0)])  # drag the first page and drop it after c1
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, model.index(-1))
    assert _ids(page) == [b, d, c1, a, c2]

    page.workspace.select([3])
    _key(page, Qt.Key.Key_R)  # a quarter turn clockwise...
    _key(page, Qt.Key.Key_R)
    _key(page, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)  # ...twice, and one back
    assert model.pages[3].page.rotate == 90
    turned = model.data(model.index(3), Qt.ItemDataRole.DecorationRole)
    assert turned.width() > turned.height()  # the thumbnail shows it turned

    page.workspace.select([0])
    _key(page, Qt.Key.Key_Delete)
    assert _ids(page) == [d, c1, a, c2]
    _key(page, Qt.Key.Key_Z, CTRL)
    assert _ids(page) == [b, d, c1, a, c2]
    page.workspace.select([1])
    _key(page, Qt.Key.Key_Delete)  # d goes for good
    assert _ids(page) == [b, c1, a, c2]

    page.workspace.select([0, 2])  # b and the turned page a: checklist item 1
    page.workspace.items.setCurrentIndex(1)
    _key(page, Qt.Key.Key_G, CTRL)
    page.workspace.select([1, 3])  # the TIFF's two pages: item 3
    page.workspace.items.setCurrentIndex(3)
    _key(page, Qt.Key.Key_G, CTRL)
    assert [p.item for p in model.pages] == [1, 3, 1, 3]
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole) == "Trang 1 · TP 1"
    assert "\n1. Đơn đề nghị" in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)

    _key(page, Qt.Key.Key_S, CTRL)
    assert model.rowCount() == 0
    assert any(ch.touches(code) for ch in changes)  # the dossier view reloads from this
    scans = [f for f in list_dossier_files(demo_db, code) if f.role == "scan"]
    items = get_dossier(demo_db, code).items
    assert [(f.title, f.page_count) for f in scans] == [
        (f"Bản quét: {items[0].name}", 2),
        (f"Bản quét: {items[2].name}", 2),
    ]
    first, turned_page = _pdf_pages(scans[0].sha256)
    assert first.shape[0] > first.shape[1]  # b: upright A4
    h, w = turned_page.shape
    assert w > h  # a: turned a quarter, landscape
    # Its square, top-left when scanned, is top-right after a clockwise quarter turn.
    assert turned_page[: h // 4, -w // 6 :].mean() < 200
    assert turned_page[: h // 4, : w // 6].mean() > 230
    assert turned_page[-h // 4 :, -w // 6 :].mean() > 230
    assert len(_pdf_pages(scans[1].sha256)) == 2
    assert page.workspace.files.count() == 2  # the attached files are listed


@offscreen_dialog
def test_view_pdf_renders_the_attached_file(scan_page, tmp_path) -> None:
    _window, page, _code = scan_page()
    page.import_files([str(write_tiff(tmp_path / "t.tif", [text_page(6, 200), text_page(7, 200)]))])
    page.save()
    assert page.workspace.files.count() == 1
    _key(page, Qt.Key.Key_P, CTRL)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.page_labels) == 2
    assert dialog.page_labels[0].pixmap().height() > dialog.page_labels[0].pixmap().width()
    assert dialog.data.startswith(b"%PDF")
    dialog.close()


def test_the_scan_settings_reach_the_pipeline(scan_page, tmp_path) -> None:
    _window, page, _code = scan_page(scan_color="bilevel")
    blank = text_page(8, 200).point(lambda _v: 250)
    page.import_files([str(write_png(tmp_path / "p.png", text_page(8, 200))), str(write_png(tmp_path / "blank.png", blank))])  # fmt: skip
    assert [p.page.encoding for p in page.workspace.model.pages] == ["g4"]  # blank one dropped
    assert "bỏ 1 trang trắng" in page.workspace.status.text()
    assert page.workspace.model.pages[0].page.dpi == 200


def test_a_bad_scan_setting_is_said_and_reads_nothing(scan_page, tmp_path) -> None:
    window, page, _code = scan_page()
    page.ctx.settings.scan_dpi = 150
    page.import_files([str(write_png(tmp_path / "p.png", text_page(8, 200)))])
    assert page.workspace.model.rowCount() == 0
    assert "200" in window.shell.bar.text()


def test_take_from_the_watched_folder(scan_page, tmp_path) -> None:
    folder = tmp_path / "scanner"
    folder.mkdir()
    _window, page, _code = scan_page(scan_folder=str(folder))
    page.settle_s = 0.05
    write_jpeg(folder / "doc.jpg", text_page(9, 200), 9)
    (folder / "half.jpg.part").write_bytes(b"\xff\xd8 still writing")
    _key(page, Qt.Key.Key_T, CTRL)
    assert [p.source for p in page.workspace.model.pages] == ["doc.jpg (1)"]
    assert (folder / "done" / "doc.jpg").exists() and not (folder / "doc.jpg").exists()
    assert (folder / "half.jpg.part").exists()  # not complete: left alone
    _key(page, Qt.Key.Key_T, CTRL)  # taken once only
    assert page.workspace.model.rowCount() == 1


def test_another_dossier_waits_for_unsaved_pages(scan_page, demo_db, tmp_path) -> None:
    window, page, code = scan_page()
    other = new_dossier(demo_db, RECEIVED, "Lê Thị Bình")
    page.import_files([str(write_png(tmp_path / "p.png", text_page(8, 200)))])
    page.handle_scan(other)  # the control sheet of another dossier scanned
    assert page.workspace.dossier.code == code
    assert "chưa lưu" in window.shell.bar.text()
    page.workspace.select([0])
    _key(page, Qt.Key.Key_Delete)
    assert page.handle_scan(other)
    assert page.workspace.dossier.code == other
