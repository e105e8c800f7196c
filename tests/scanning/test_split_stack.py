"""Batch split on realistic stacks: every page lands in its dossier and document, with both
barcode engines, at 150 and 300 dpi; what cannot be placed goes to review with its reason."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from scan_stacks import (
    CODES,
    UNKNOWN,
    control_sheet,
    crashing_process_page,
    landing,
    standard_pages,
    text_page,
)

from counter_app.scanning import pool, simulate
from counter_app.scanning.errors import ScanCancelled, UnreadableInput
from counter_app.scanning.pages import PageSettings
from counter_app.scanning.pdf import read_scan_metadata
from counter_app.scanning.separators import code_shape
from counter_app.scanning.split import split_batch

KNOWN = set(CODES)


def known(code: str) -> bool:
    return code in KNOWN


@pytest.mark.parametrize("engine", ["zxing", "zbar"])
@pytest.mark.parametrize("dpi", [150, 300])
def test_every_page_lands_where_it_belongs(stacks, tmp_path: Path, dpi: int, engine: str) -> None:
    folder, expect = stacks(dpi)
    result = split_batch(
        [folder],
        tmp_path / "out",
        known_code=known,
        settings=PageSettings(engine=engine),
        workers=0,
    )
    got = landing(result, expect)
    wanted = {name: e.where for name, e in expect.values()}
    assert got == wanted
    assert result.total_pages == len(expect)
    # One PDF per dossier document, in stack order; its metadata says whose it is.
    assert [(d.dossier_code, d.item, d.pages) for d in result.documents] == [
        (CODES[0], None, 1),
        (CODES[0], 2, 2),
        (CODES[1], None, 3),
        (CODES[2], None, 1),
        (CODES[2], 2, 2),
    ]
    for d in result.documents:
        data = d.pdf.read_bytes()
        meta = read_scan_metadata(data)
        assert meta is not None
        assert (meta["dossier_code"], meta["item"], meta["pages"]) == (
            d.dossier_code,
            d.item,
            d.pages,
        )
        assert len(pdfium.PdfDocument(data)) == d.pages
    unknown = [r for r in result.review if r.reason_code == "unknown_code"]
    assert {r.code for r in unknown} == {UNKNOWN}
    assert all(r.pdf is not None and r.pdf.exists() for r in result.review)


def test_pages_are_upright_and_level_in_the_pdfs(stacks, tmp_path: Path) -> None:
    """The stack feeds every fourth page upside down and skews two in three by 3°: each page of
    the output matches its original upright and level, far better than turned over."""
    folder, _ = stacks(300)
    originals = standard_pages(300)
    result = split_batch([folder], tmp_path / "out", known_code=known, workers=0)
    for d in result.documents:
        doc = pdfium.PdfDocument(str(d.pdf))
        for n, origin in enumerate(d.origins):
            out = _small(doc[n].render(scale=50 / 72, grayscale=True).to_pil())
            index = int(Path(origin.source).stem.split("_")[1])
            original = _small(originals[index][1])
            upright = float(np.abs(out - original).mean())
            turned = float(np.abs(out - original[::-1, ::-1]).mean())
            assert upright < 0.5 * turned, (origin, upright, turned)
            assert upright < 12, (origin, upright)  # level: a 3° tilt differs far more


def _small(img: Image.Image) -> np.ndarray:
    """The page at 50 dpi-ish, blurred a little: a fair comparison of two scans of it."""
    small = img.convert("L").resize((413, 585), Image.Resampling.BOX)
    return np.asarray(small.filter(ImageFilter.BoxBlur(2)), dtype=np.float64)


def test_corrupt_files_go_to_review_and_nothing_else_is_lost(tmp_path: Path) -> None:
    dpi = 200
    folder = tmp_path / "in"
    folder.mkdir()
    good = simulate.jpeg_bytes(simulate.scanned(text_page(1, dpi), seed=1), dpi)
    sheet = simulate.jpeg_bytes(simulate.scanned(control_sheet(CODES[0], dpi), seed=2), dpi)
    (folder / "a_01.jpg").write_bytes(sheet)
    (folder / "a_02.jpg").write_bytes(good)
    (folder / "a_03.jpg").write_bytes(good[: len(good) // 2])  # cut off mid-transfer
    (folder / "a_04.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")  # not a PDF inside
    (folder / "a_05.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)  # a broken PNG
    (folder / "a_06.tif").write_bytes(b"II*\x00" + b"\xff" * 40)  # a broken TIFF
    (folder / "a_07.jpg").write_bytes(good)
    result = split_batch([folder], tmp_path / "out", known_code=known, workers=0)
    assert [
        (d.dossier_code, [Path(o.source).name for o in d.origins]) for d in result.documents
    ] == [(CODES[0], ["a_02.jpg", "a_07.jpg"])]
    bad = {Path(r.source).name: r for r in result.review}
    assert set(bad) == {"a_03.jpg", "a_04.pdf", "a_05.png", "a_06.tif"}
    assert all(r.reason_code == "unreadable" and "Unreadable" in r.reason for r in bad.values())
    assert "truncated" in bad["a_03.jpg"].reason


def test_a_missing_input_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="No such file"):
        split_batch([tmp_path / "nope.pdf"], tmp_path / "out", workers=0)


def test_multipage_tiff_and_pdf_inputs_and_an_empty_dossier(tmp_path: Path) -> None:
    """A scanner's multi-page TIFF (bilevel, G4) and PDF (embedded JPEG) are read page by page;
    a control sheet followed directly by another is reported, not silently dropped."""
    dpi = 200
    frames = [
        control_sheet(CODES[0], dpi),
        text_page(1, dpi),
        control_sheet(CODES[1], dpi),  # empty: the next sheet follows at once
        control_sheet(CODES[2], dpi),
        text_page(2, dpi),
    ]
    scanned = [simulate.scanned(f, seed=n, skew=1.5).point(lambda v: 255 if v > 140 else 0, "1")
               for n, f in enumerate(frames)]  # fmt: skip
    tiff = tmp_path / "batch.tif"
    scanned[0].save(
        tiff, compression="group4", save_all=True, append_images=scanned[1:3], dpi=(dpi, dpi)
    )
    pdf = tmp_path / "batch.pdf"
    rgb = [s.convert("RGB") for s in scanned[3:]]
    rgb[0].save(pdf, save_all=True, append_images=rgb[1:], resolution=dpi)
    result = split_batch(
        [tiff, pdf], tmp_path / "out", known_code=known, settings=PageSettings(dpi=200), workers=0
    )
    assert [
        (d.dossier_code, [(Path(o.source).name, o.page) for o in d.origins])
        for d in result.documents
    ] == [
        (CODES[0], [("batch.tif", 2)]),
        (CODES[2], [("batch.pdf", 2)]),
    ]
    assert [(r.reason_code, r.code, r.page) for r in result.review] == [
        ("empty_dossier", CODES[1], 3)
    ]
    assert result.review[0].pdf is not None  # the officer sees the sheet itself


def test_an_unknown_sheet_is_told_by_its_code_shape_when_its_qr_is_unreadable(
    tmp_path: Path,
) -> None:
    dpi = 200
    sheet = control_sheet(UNKNOWN, dpi).copy()
    w, h = sheet.size
    sheet.paste(255, (int(w * 0.75), 0, w, int(h * 0.4)))  # the QR torn off
    stack = [control_sheet(CODES[0], dpi), text_page(1, dpi), sheet, text_page(2, dpi)]
    for n, img in enumerate(stack):
        (tmp_path / f"p{n}.png").write_bytes(_png(img, dpi))
    shape = code_shape("{unit}-{yyMMdd}-{seq:4}")
    result = split_batch(
        sorted(tmp_path.glob("p*.png")), tmp_path / "out", known_code=known, shape=shape, workers=0
    )
    assert [d.pages for d in result.documents] == [1]  # p3 did not join the first dossier
    assert [(Path(r.source).name, r.reason_code) for r in result.review] == [
        ("p2.png", "unknown_code"),
        ("p3.png", "unknown_code"),
    ]


def test_progress_and_cancel_remove_everything_written(stacks, tmp_path: Path) -> None:
    folder, expect = stacks(150)
    seen = []
    out = tmp_path / "out"

    def cancel() -> bool:
        return len(seen) >= 8

    with pytest.raises(ScanCancelled):
        split_batch([folder], out, known_code=known, workers=0, progress=seen.append, cancel=cancel)
    assert [p.done for p in seen] == list(range(1, 9))
    assert all(p.total == len(expect) for p in seen)
    assert list(out.iterdir()) == []


def test_the_pool_gives_the_same_files_as_one_process(stacks, tmp_path: Path) -> None:
    """Two worker processes (spawned), pages streamed a few ahead: same split, same bytes."""
    folder, _ = stacks(150)
    inline = split_batch([folder], tmp_path / "a", known_code=known, workers=0)
    pooled = split_batch([folder], tmp_path / "b", known_code=known, workers=2)
    assert [(d.dossier_code, d.item, d.sha256) for d in pooled.documents] == [
        (d.dossier_code, d.item, d.sha256) for d in inline.documents
    ]
    assert pooled.review == tuple(
        r.__class__(r.source, r.page, r.reason_code, r.reason, r.code,
                    tmp_path / "b" / r.pdf.name if r.pdf else None, r.pdf_page)
        for r in inline.review
    )  # fmt: skip


def test_a_worker_crash_costs_only_its_page(tmp_path: Path, monkeypatch) -> None:
    """A page that kills its worker process (a decoder crash) goes to review; the pool starts
    again and the other pages are processed."""
    dpi = 200
    for n, img in enumerate([control_sheet(CODES[0], dpi), text_page(1, dpi), text_page(2, dpi)]):
        (tmp_path / f"p{n}.png").write_bytes(_png(img, dpi))
    (tmp_path / "p1.png").rename(tmp_path / "p1-crash.png")
    # A stand-in for process_page, importable by the spawned workers, that kills its process.
    monkeypatch.setattr(pool, "process_page", crashing_process_page)
    result = split_batch(
        sorted(tmp_path.glob("p*.png")), tmp_path / "out", known_code=known, workers=1
    )
    assert [[Path(o.source).name for o in d.origins] for d in result.documents] == [["p2.png"]]
    assert [(Path(r.source).name, r.reason_code) for r in result.review] == [
        ("p1-crash.png", "unreadable")
    ]
    assert "crashed" in result.review[0].reason


def _png(img: Image.Image, dpi: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def test_folder_inputs_are_read_in_natural_order(tmp_path: Path) -> None:
    for n in (10, 2, 1):
        shutil.copyfile(Path(__file__), tmp_path / f"scan_{n}.jpg")
    from counter_app.scanning.inputs import expand_inputs

    assert [p.name for p in expand_inputs([tmp_path])] == [
        "scan_1.jpg",
        "scan_2.jpg",
        "scan_10.jpg",
    ]
