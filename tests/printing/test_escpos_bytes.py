"""ESC/POS bytes read back: initialisation, fragments, cut, the exact image, codes that decode,
and the Windows-1258 / TCVN-3 text mode."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import escpos
import pytest
import zxingcpp
from escpos.printer import Dummy
from escpos_reader import Printout, read_escpos
from PIL import Image
from pyzbar import pyzbar
from test_receipts import CODE, LONG_NAME, LONG_PROCEDURE, sample_docs, sample_layouts, to_nfd

from counter_app.printing.errors import PrintingError
from counter_app.printing.escpos_out import (
    PROFILE_58MM,
    PROFILE_80MM,
    PROFILE_TM_T88,
    TCVN3_LOWER,
    TCVN3_UPPER,
    PrinterProfile,
    encode_cp1258,
    encode_tcvn3,
    raster_bytes,
    raster_chunks,
    receipt_bytes,
    text_mode_bytes,
)
from counter_app.printing.raster import PAPER_58MM, PAPER_80MM, render, render_receipt
from counter_app.printing.receipt_layout import (
    VIETNAMESE_LETTERS,
    ticket_layout,
)

PROFILES = [PROFILE_80MM, PROFILE_58MM]
CASES = [(name, profile) for name in sample_layouts() for profile in PROFILES]
IDS = [f"{name}-{profile.paper.width_dots}" for name, profile in CASES]

# The 134 letters of Vietnamese that are not ASCII, lower and upper case.
VI_NON_ASCII = "".join(c for c in VIETNAMESE_LETTERS if not c.isascii())


def _escpos_tables() -> dict[str, dict[int, str]]:
    """python-escpos's own code tables (escpos-printer-db): an independent source."""
    path = Path(escpos.__file__).parent / "capabilities.json"
    encodings = json.loads(path.read_text(encoding="utf-8"))["encodings"]
    out = {}
    for name in ("TCVN-3-1", "TCVN-3-2"):
        rows = "".join(encodings[name]["data"])
        # The database writes Đ as the look-alike Ð (U+00D0, eth); printers print Đ.
        out[name] = {0x80 + i: ch.replace("Ð", "Đ") for i, ch in enumerate(rows) if ch != " "}
    return out


ESCPOS_TABLES = _escpos_tables()


def _tcvn3_decoder(name: str):
    table = ESCPOS_TABLES[name]
    return lambda data: "".join(chr(b) if b < 0x80 else table[b] for b in data)


def _cp1258_decoder(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258"))


QR = zxingcpp.barcode_formats_from_str("QRCode")
CODE128 = zxingcpp.barcode_formats_from_str("Code128")

DECODERS = {
    52: _cp1258_decoder,
    30: _tcvn3_decoder("TCVN-3-1"),
    31: _tcvn3_decoder("TCVN-3-2"),
}


@pytest.fixture(scope="module")
def printed() -> dict[tuple[str, str], tuple[Image.Image, bytes, Printout]]:
    out = {}
    for name, layout in sample_layouts().items():
        for profile in PROFILES:
            image = render(layout, profile.paper)
            data = raster_bytes(image, profile)
            out[name, profile.name] = image, data, read_escpos(data)
    return out


@pytest.mark.parametrize(("name", "profile"), CASES, ids=IDS)
def test_raster_stream_reads_back_as_the_rendered_image(
    name: str, profile: PrinterProfile, printed
) -> None:
    image, data, back = printed[name, profile.name]
    assert data.startswith(b"\x1b@"), "starts with ESC @"
    assert back.commands[0].name == "init"
    assert back.fragments and all(f.height <= 100 for f in back.fragments)
    assert all(f.width <= profile.paper.width_dots for f in back.fragments)
    assert len(back.fragments) == -(-image.height // 100)
    assert len(back.named("cut")) == (1 if profile.has_cutter else 0)
    if not profile.has_cutter:
        assert back.named("feed_lines"), "fed past the tear bar"
    assert back.text_bytes == b"", "raster mode prints no character at all"
    assert b"?" not in back.outside_images(data)
    assert back.image is not None
    assert back.image.width <= profile.paper.width_dots
    again = back.image.crop((0, 0, image.width, image.height))
    assert again.size == image.size and again.tobytes() == image.tobytes(), "pixel for pixel"


def _decode_qr(image: Image.Image) -> tuple[list[str], list[str]]:
    """Return the QR texts found by zxing-cpp and by pyzbar (upscaled x2 when needed)."""
    grey = image.convert("L")
    found_z = [r.text for r in zxingcpp.read_barcodes(grey, formats=QR)]
    symbols = pyzbar.decode(grey, symbols=[pyzbar.ZBarSymbol.QRCODE])
    if not found_z or not symbols:
        big = grey.resize((grey.width * 2, grey.height * 2), Image.Resampling.NEAREST)
        found_z = found_z or [r.text for r in zxingcpp.read_barcodes(big, formats=QR)]
        symbols = symbols or pyzbar.decode(big, symbols=[pyzbar.ZBarSymbol.QRCODE])
    return found_z, [s.data.decode("utf-8") for s in symbols]


def _decode_code128(image: Image.Image) -> tuple[list[str], list[str]]:
    grey = image.convert("L")
    found_z = [r.text for r in zxingcpp.read_barcodes(grey, formats=CODE128)]
    found_p = [s.data.decode() for s in pyzbar.decode(grey, symbols=[pyzbar.ZBarSymbol.CODE128])]
    return found_z, found_p


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: str(p.paper.width_dots))
@pytest.mark.parametrize("name", ["intake", "result"])
def test_the_qr_read_back_from_the_bytes_holds_the_dossier_code(
    name: str, profile: PrinterProfile, printed
) -> None:
    back = printed[name, profile.name][2]
    assert back.image is not None
    by_zxing, by_zbar = _decode_qr(back.image)
    assert CODE in by_zxing
    assert CODE in by_zbar


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: str(p.paper.width_dots))
def test_the_handover_barcode_read_back_holds_the_batch_number(profile, printed) -> None:
    back = printed["handover", profile.name][2]
    assert back.image is not None
    by_zxing, by_zbar = _decode_code128(back.image)
    assert by_zxing == ["BG-250312-03"]
    assert by_zbar == ["BG-250312-03"]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: str(p.paper.width_dots))
def test_a_short_dossier_code_is_printed_as_code_128_too(profile) -> None:
    short = "H56-250312-0007"
    layout = sample_layouts(short)["intake"]
    result = render_receipt(layout, profile.paper)
    assert result.omitted == []
    back = read_escpos(raster_bytes(result.image, profile))
    assert back.image is not None
    assert _decode_code128(back.image) == ([short], [short])
    assert short in _decode_qr(back.image)[0]


def test_the_ticket_qr_holds_the_follow_link() -> None:
    image = render(ticket_layout(sample_docs()["ticket"]), PAPER_58MM)
    back = read_escpos(raster_bytes(image, PROFILE_58MM))
    assert back.image is not None
    url = "https://dichvucong.langson.gov.vn/hang-doi/A023"
    assert _decode_qr(back.image) == ([url], [url])


def test_nfd_documents_give_the_same_bytes() -> None:
    for name, doc in sample_docs().items():
        layout = sample_layouts()[name]
        from test_receipts import LAYOUTS

        assert receipt_bytes(LAYOUTS[name](to_nfd(doc)), PROFILE_58MM) == receipt_bytes(
            layout, PROFILE_58MM
        )


def test_fragment_height_is_configurable_and_chunks_split_at_fragments() -> None:
    profile = dataclasses.replace(PROFILE_58MM, fragment_height=24)
    image = render(sample_layouts()["ticket"], profile.paper)
    chunks = raster_chunks(image, profile)
    assert chunks[0] == b"\x1b@"
    assert len(chunks) == 2 + -(-image.height // 24)
    for chunk in chunks[1:-1]:
        back = read_escpos(chunk)
        assert [c.name for c in back.commands] == ["raster"]
        assert back.fragments[0].height <= 24
    back = read_escpos(b"".join(chunks))
    assert back.image is not None
    assert back.image.crop((0, 0, *image.size)).tobytes() == image.tobytes()


def test_epson_tm_t88_prints_512_dots_at_180_dpi() -> None:
    image = render(sample_layouts()["intake"], PROFILE_TM_T88.paper)
    assert image.width == 512
    back = read_escpos(raster_bytes(image, PROFILE_TM_T88))
    assert back.image is not None and back.image.width == 512
    assert len(back.named("cut")) == 1
    assert CODE in _decode_qr(back.image)[0]


def test_profiles_that_cannot_work_are_refused_with_a_reason() -> None:
    with pytest.raises(PrintingError, match="Unknown python-escpos printer profile"):
        PrinterProfile("x", PAPER_80MM, True, "NO-SUCH-PRINTER")
    with pytest.raises(PrintingError, match="512"):
        PrinterProfile("x", PAPER_80MM, True, "TM-T88V")  # 576 dots on a 512-dot printer
    with pytest.raises(PrintingError, match="no cutter"):
        PrinterProfile("x", PAPER_58MM, True, "POS-5890")
    with pytest.raises(PrintingError, match="text mode"):
        PrinterProfile("x", PAPER_80MM, True, "TM-T20II", text_mode="utf8")
    with pytest.raises(PrintingError, match="TCVN-3-1"):
        PrinterProfile("x", PAPER_58MM, False, "POS-5890", text_mode="tcvn3")
    with pytest.raises(PrintingError, match="2 code table numbers"):
        PrinterProfile("x", PAPER_58MM, False, "POS-5890", "tcvn3", code_pages=(30,))
    ok = PrinterProfile("x", PAPER_58MM, False, "POS-5890", "tcvn3", code_pages=(30, 31))
    assert ok.tables() == (30, 31)
    assert PrinterProfile("x", PAPER_58MM, False, "POS-5890", "cp1258").tables() == (27,)
    with pytest.raises(PrintingError, match="wider"):
        raster_bytes(Image.new("1", (600, 10), 1), PROFILE_80MM)


@pytest.mark.parametrize("impl", ["bitImageColumn", "graphics"])
def test_the_reader_also_reads_column_and_graphics_images(impl: str) -> None:
    """The reader is a test tool: check it on the other image commands python-escpos has."""
    image = render(sample_layouts()["ticket"], PAPER_58MM).crop((0, 0, 384, 240))
    printer = Dummy(profile="POS-5890")
    printer.image(image, impl=impl)
    back = read_escpos(printer.output)
    assert back.image is not None
    assert back.image.crop((0, 0, *image.size)).tobytes() == image.tobytes()


# --- text mode ------------------------------------------------------------------------------------


def test_cp1258_round_trips_every_vietnamese_letter() -> None:
    assert len(VI_NON_ASCII) == 134
    text = VI_NON_ASCII + " " + VIETNAMESE_LETTERS + " 0123456789 .,:;()/-"
    data = encode_cp1258(text)
    assert b"?" not in data
    assert _cp1258_decoder(data) == text
    # precomposed where the table has it, else base letter + combining tone mark
    assert encode_cp1258("á") == b"\xe1"
    assert encode_cp1258("ấ") == "â".encode("cp1258") + b"\xec"
    assert encode_cp1258("Ự") == "Ư".encode("cp1258") + b"\xf2"
    assert encode_cp1258(unicodedata.normalize("NFD", "Việt")) == encode_cp1258("Việt")


def test_tcvn3_round_trips_every_vietnamese_letter_through_the_printer_tables() -> None:
    text = VI_NON_ASCII + " " + VIETNAMESE_LETTERS + " 0123456789"
    decoded = ""
    for table, data in encode_tcvn3(text):
        assert b"?" not in data
        decoded += _tcvn3_decoder(("TCVN-3-1", "TCVN-3-2")[table])(data)
    assert decoded == text


def test_tcvn3_tables_follow_the_standard() -> None:
    """TCVN 5712:1993 (VN3) bytes, checked against python-escpos's printer tables."""
    assert len(TCVN3_LOWER) == len(TCVN3_UPPER) == 67
    assert len(set(TCVN3_LOWER.values())) == len(set(TCVN3_UPPER.values())) == 67
    assert {v: k for k, v in TCVN3_LOWER.items()} == ESCPOS_TABLES["TCVN-3-1"]
    assert {v: k for k, v in TCVN3_UPPER.items()} == ESCPOS_TABLES["TCVN-3-2"]
    # spot checks from the standard: ă A8, đ AE, à B5, ặ C6, ì D7, ò DF, ù EF, ỵ FE; Ă A1, Đ A7
    assert [TCVN3_LOWER[c] for c in "ăđàặìòùỵ"] == [
        0xA8, 0xAE, 0xB5, 0xC6, 0xD7, 0xDF, 0xEF, 0xFE
    ]  # fmt: skip
    assert (TCVN3_UPPER["Ă"], TCVN3_UPPER["Đ"]) == (0xA1, 0xA7)


@pytest.mark.parametrize("mode", ["cp1258", "tcvn3"])
def test_a_character_outside_the_table_is_an_error_not_a_question_mark(mode: str) -> None:
    encode = encode_cp1258 if mode == "cp1258" else encode_tcvn3
    for bad in ("中", "😀", "ñ" if mode == "tcvn3" else "ş"):
        with pytest.raises(PrintingError, match=f"U\\+{ord(bad):04X}"):
            encode(f"Lạng Sơn {bad}")
    # typography with a plain equivalent is written plainly, never as '?'
    assert encode_cp1258("Trung tâm → Sở") == encode_cp1258("Trung tâm -> Sở")


@pytest.mark.parametrize("mode", ["cp1258", "tcvn3"])
@pytest.mark.parametrize("base", PROFILES, ids=lambda p: str(p.paper.width_dots))
def test_text_mode_prints_the_layout_text_in_the_chosen_table(
    mode: str, base: PrinterProfile
) -> None:
    profile = dataclasses.replace(
        base,
        escpos_profile="TM-T20II",
        paper=base.paper,
        text_mode=mode,
        code_pages=(52,) if mode == "cp1258" else (30, 31),
    )
    layout = sample_layouts()["intake"]
    data = text_mode_bytes(layout, profile)
    back = read_escpos(data, DECODERS)
    assert back.commands[0].name == "init"
    assert back.commands[1].name == "code_table" and back.commands[1].args[0] != 0
    assert {c.args[0] for c in back.named("code_table")} <= set(profile.code_pages)
    columns = profile.paper.width_dots // 12
    text = "\n".join(back.lines)
    assert "?" not in text
    for line in back.lines:
        assert len(line) <= columns, line
    flat = " ".join(" ".join(back.lines).split())
    dash = "–" if mode == "cp1258" else "-"  # TCVN3 has no en dash: written plainly
    assert " ".join(LONG_NAME.replace("–", dash).split()) in flat
    assert " ".join(LONG_PROCEDURE.split()) in flat
    assert "Mã tra cứu" in text and "K7P9QX" in text
    assert back.image is not None and CODE in _decode_qr(back.image)[0]  # QR as an image
    assert len(back.named("cut")) == (1 if profile.has_cutter else 0)


def test_text_mode_is_never_the_default() -> None:
    assert PROFILE_80MM.text_mode is None and PROFILE_58MM.text_mode is None
    with pytest.raises(PrintingError, match="text mode"):
        text_mode_bytes(sample_layouts()["ticket"], PROFILE_80MM)
