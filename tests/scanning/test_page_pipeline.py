"""The page pipeline: loading every input kind, blank pages, deskew, upside-down pages,
resolution, grayscale and bilevel output."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from scan_stacks import CODES, control_sheet, text_page

from counter_app.domain.errors import InvalidInput
from counter_app.scanning import images, simulate
from counter_app.scanning.inputs import PageRef, image_dpi, load_page, page_refs
from counter_app.scanning.pages import PageSettings, clean_image, process_page, upside_down
from counter_app.scanning.pdf import PdfMeta, build_pdf

FONTS = (
    "DejaVuSerif.ttf",
    "LiberationSerif-Regular.ttf",
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
)


def _mask(img: Image.Image, dpi: int) -> np.ndarray:
    small, _ = images.reduce_for_analysis(images.to_gray(img), dpi)
    return images.ink_mask(small, images.paper_level(small))


@pytest.mark.parametrize("dpi", [150, 300])
def test_blank_backs_are_dropped_and_sparse_pages_kept(dpi: int) -> None:
    settings = PageSettings()
    front = text_page(3, dpi)
    back = simulate.scanned(simulate.blank_back(1, dpi=dpi, front=front), noise=12, specks=200)
    signature = simulate.scanned(simulate.signature_page(2, dpi=dpi), noise=12, specks=200)
    one_line = simulate.scanned(simulate.text_page(4, dpi=dpi, lines=1), noise=12)
    jpeg = [
        Image.open(io.BytesIO(simulate.jpeg_bytes(p, dpi, 70))) for p in (back, signature, one_line)
    ]
    results = [clean_image(p, dpi, settings) for p in jpeg]
    assert [r.status for r in results] == ["blank", "page", "page"]
    assert (
        results[0].coverage
        < settings.blank_threshold / 2
        < settings.blank_threshold * 1.5
        < results[1].coverage
    )
    # The threshold is a setting: 0 keeps every page.
    assert clean_image(jpeg[0], dpi, PageSettings(blank_threshold=0)).status == "page"


@pytest.mark.parametrize("skew", [3.0, -3.0, 1.2, -4.5])
def test_skew_is_measured_and_removed(skew: float) -> None:
    page = simulate.scanned(text_page(5, 200), seed=1, skew=skew)
    result = clean_image(page, 200, PageSettings(dpi=200))
    assert result.skew == pytest.approx(-skew, abs=0.15)
    out = Image.open(io.BytesIO(result.image.data))  # type: ignore[union-attr]
    assert abs(images.estimate_skew(_mask(out, 200))) <= 0.15


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("flip", [False, True])
def test_upside_down_text_pages_are_turned(font: str, flip: bool) -> None:
    """Vietnamese text: marks above the letters outweigh those below (see images.py)."""
    path = simulate.find_font((font,))
    if path is None:
        pytest.skip(f"{font} is not installed")
    page = simulate.text_page(len(font), dpi=200, font=path, size_pt=11)
    scanned = simulate.scanned(page, seed=2, skew=2.0, upside_down=flip)
    result = clean_image(scanned, 200, PageSettings(dpi=200))
    assert (result.turned, result.orientation_by) == ((180, "text") if flip else (0, "text"))


def test_a_page_that_does_not_tell_is_left_as_it_is() -> None:
    few = simulate.scanned(simulate.text_page(1, dpi=200, lines=2), upside_down=True)
    assert clean_image(few, 200, PageSettings(dpi=200)).turned == 0
    assert not upside_down(-0.9, 3) and upside_down(-0.25, 6) and not upside_down(-0.15, 6)
    assert upside_down(-0.15, 30)


def test_barcode_pages_are_turned_by_their_codes() -> None:
    sheet = simulate.scanned(control_sheet(CODES[0], 200), skew=3, upside_down=True)
    result = clean_image(sheet, 200, PageSettings(dpi=200))
    assert (result.turned, result.orientation_by) == (180, "barcode")
    quarter = control_sheet(CODES[0], 200).rotate(-90, expand=True)  # fed sideways
    result = clean_image(quarter, 200, PageSettings(dpi=200))
    assert result.turned == 90 and result.image is not None
    assert result.image.width < result.image.height  # portrait again


@pytest.mark.parametrize(("src", "target"), [(150, 300), (300, 200), (240, 240)])
def test_resolution_is_normalized(src: int, target: int) -> None:
    page = simulate.scanned(text_page(6, src))
    result = clean_image(page, src, PageSettings(dpi=target))
    assert result.image is not None and result.image.dpi == target
    assert result.image.width == round(page.width * target / src)
    pdf = pdfium.PdfDocument(build_pdf([result.image], PdfMeta()))
    width, height = pdf[0].get_size()
    assert (width, height) == pytest.approx((595.3, 841.9), abs=1.5)  # A4 in points


def test_bilevel_pages_are_black_on_white_and_small() -> None:
    page = simulate.scanned(text_page(7, 300), noise=10)
    gray = clean_image(page, 300, PageSettings())
    bilevel = clean_image(page, 300, PageSettings(color="bilevel"))
    assert bilevel.image is not None and gray.image is not None
    assert bilevel.image.encoding == "g4"
    assert len(bilevel.image.data) * 4 < len(gray.image.data)
    rendered = pdfium.PdfDocument(build_pdf([bilevel.image], PdfMeta()))[0]
    out = np.asarray(rendered.render(scale=100 / 72, grayscale=True).to_pil().convert("L"))
    src = np.asarray(page.resize((out.shape[1], out.shape[0])))
    assert out.mean() > 200  # white paper, not an inverted page
    assert np.corrcoef(out.ravel(), src.ravel())[0, 1] > 0.6


def test_settings_are_checked() -> None:
    for bad in (
        {"dpi": 150},
        {"dpi": 600},
        {"color": "rgb"},
        {"engine": "x"},
        {"blank_threshold": 1},
    ):
        with pytest.raises(InvalidInput):
            PageSettings(**bad)  # type: ignore[arg-type]


def test_every_input_kind_loads(tmp_path: Path) -> None:
    page = text_page(8, 200)
    page.save(tmp_path / "a.png", dpi=(200, 200))
    page.convert("RGBA").save(tmp_path / "b.png")  # no resolution stated: A4 assumed
    frames = [page.convert("1"), text_page(9, 200).convert("1")]
    frames[0].save(
        tmp_path / "c.tif",
        compression="group4",
        save_all=True,
        append_images=frames[1:],
        dpi=(200, 200),
    )
    page.convert("RGB").save(tmp_path / "d.pdf", resolution=200)
    (tmp_path / "e.jpg").write_bytes(simulate.jpeg_bytes(page, 200))
    refs = [r for r in page_refs(sorted(tmp_path.iterdir())) if isinstance(r, PageRef)]
    assert [(Path(r.source).name, r.page, r.kind) for r in refs] == [
        ("a.png", 1, "image"),
        ("b.png", 1, "image"),
        ("c.tif", 1, "image"),
        ("c.tif", 2, "image"),
        ("d.pdf", 1, "pdf"),
        ("e.jpg", 1, "image"),
    ]
    for ref in refs:
        img, dpi = load_page(ref, 300)
        assert dpi == pytest.approx(300 if ref.kind == "pdf" else 200, abs=1)
        # A PDF page is rendered at the asked resolution, not taken from its embedded image.
        assert img.width == pytest.approx(round(8.27 * dpi), abs=3)
        assert process_page(ref, PageSettings()).status == "page"


def test_sixteen_bit_and_transparent_images_become_gray() -> None:
    arr = (np.arange(256 * 64, dtype=np.uint16).reshape(64, 256) * 4).astype(np.uint16)
    gray = images.to_gray(Image.fromarray(arr))
    assert gray.mode == "L" and gray.getextrema() == (0, 254)  # 65532 of 65535
    clear = Image.new("RGBA", (8, 8), (0, 0, 0, 0))
    assert images.to_gray(clear).getextrema() == (255, 255)  # transparent is paper


def test_image_resolution_is_read_or_guessed() -> None:
    img = Image.new("L", (1654, 2339))  # A4 at 200 dpi
    assert image_dpi(img) == 200
    img.info["dpi"] = (72, 72)  # what some devices write whatever they scanned at
    assert image_dpi(img) == 200
    img.info["dpi"] = (200.0, 200.0)
    assert image_dpi(img) == 200


def test_orientation_on_a_corpus_of_fonts_sizes_and_resolutions() -> None:
    """The reliability figure of the module docstring, in small: every page of regular-weight
    text of 8 lines or more is decided right, upright or turned over."""
    wrong = []
    for font in FONTS:
        path = simulate.find_font((font,))
        for dpi, size in ((150, 10), (300, 12)):
            page = simulate.text_page(dpi + size, dpi=dpi, font=path, size_pt=size, lines=8)
            for flip in (False, True):
                scanned = simulate.scanned(page, seed=size, skew=-1.5, upside_down=flip)
                mask = _mask(scanned, dpi)
                level = (
                    np.asarray(
                        Image.fromarray(mask.astype(np.uint8) * 255).rotate(
                            images.estimate_skew(mask)
                        )
                    )
                    > 127
                )
                score, lines = images.text_orientation(level)
                if upside_down(score, lines) != flip:
                    wrong.append((font, dpi, size, flip, round(score, 2), lines))
    assert wrong == []
