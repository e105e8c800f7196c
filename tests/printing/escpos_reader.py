"""A small ESC/POS reader for tests: turns a printer byte stream back into what it prints.

Raster blocks (GS v 0, ESC * column images, GS ( L graphics) are stacked into one 1-bit image
(black = printed); text bytes are decoded with the code table selected by ESC t, one string per
line; every command is listed with its offset. An unknown command is an error, so a test sees
anything it did not expect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

ESC, GS, LF, CR = 0x1B, 0x1D, 0x0A, 0x0D

# ESC x, and GS x, with a fixed number of parameter bytes.
_ESC_ARGS = {
    ord("@"): 0,
    ord("2"): 0,
    ord("3"): 1,
    ord("!"): 1,
    ord("-"): 1,
    ord("E"): 1,
    ord("G"): 1,
    ord("M"): 1,
    ord("a"): 1,
    ord("d"): 1,
    ord("J"): 1,
    ord("t"): 1,
    ord("{"): 1,
    ord("V"): 1,
}
_GS_ARGS = {ord("!"): 1, ord("B"): 1, ord("b"): 1, ord("L"): 2, ord("W"): 2}
_NAMES = {
    (ESC, ord("@")): "init",
    (ESC, ord("t")): "code_table",
    (ESC, ord("d")): "feed_lines",
    (ESC, ord("J")): "feed_dots",
    (ESC, ord("E")): "bold",
    (ESC, ord("a")): "align",
    (ESC, ord("!")): "print_mode",
    (ESC, ord("M")): "font",
    (GS, ord("!")): "size",
    (GS, ord("V")): "cut",
}

Decoder = Callable[[bytes], str]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    args: bytes
    offset: int  # where the command starts in the stream
    length: int  # its bytes, parameters and image data included


@dataclass(slots=True)
class Printout:
    """What a byte stream prints."""

    commands: list[Command] = field(default_factory=list)
    fragments: list[Image.Image] = field(default_factory=list)  # raster blocks, in order
    lines: list[str] = field(default_factory=list)  # decoded text, one entry per LF
    text_bytes: bytes = b""  # every byte printed as a character

    @property
    def image(self) -> Image.Image | None:
        """The raster fragments stacked top to bottom ("1", black = printed), or None."""
        if not self.fragments:
            return None
        width = max(f.width for f in self.fragments)
        out = Image.new("1", (width, sum(f.height for f in self.fragments)), 1)
        y = 0
        for fragment in self.fragments:
            out.paste(fragment, (0, y))
            y += fragment.height
        return out

    def named(self, name: str) -> list[Command]:
        return [c for c in self.commands if c.name == name]

    def outside_images(self, data: bytes) -> bytes:
        """Return the bytes of `data` outside image commands (whose size fields and pixels
        may hold any value): text and every other command."""
        images = {"raster", "column_image", "graphics_store"}
        kept = bytearray(self.text_bytes)
        for command in self.commands:
            if command.name not in images:
                kept += data[command.offset : command.offset + command.length]
        return bytes(kept)


def _raster(width_bytes: int, height: int, data: bytes) -> Image.Image:
    """GS v 0 data: rows of bits, 1 = print. PIL "1": 0 = black, so the bits are inverted."""
    inverted = bytes(b ^ 0xFF for b in data)
    return Image.frombytes("1", (width_bytes * 8, height), inverted)


def _columns(width: int, rows: int, data: bytes) -> Image.Image:
    """ESC * / column data: per column, `rows` bytes top to bottom, high bit first."""
    image = Image.new("1", (width, rows * 8), 1)
    pixels = image.load()
    assert pixels is not None
    for x in range(width):
        for r in range(rows):
            byte = data[x * rows + r]
            for bit in range(8):
                if byte & (0x80 >> bit):
                    pixels[x, r * 8 + bit] = 0
    return image


def read_escpos(data: bytes, tables: dict[int, Decoder] | None = None) -> Printout:
    """Parse `data`; text bytes are decoded with `tables[n]` after ESC t n (latin-1 before).

    Raises ValueError on a command it does not know or a stream cut short.
    """
    tables = tables or {}
    out = Printout()
    decode: Decoder = lambda b: b.decode("latin-1")  # noqa: E731
    line = bytearray()
    pending = ""
    text = bytearray()
    i = 0

    def flush_text() -> None:
        nonlocal pending
        if line:
            pending += decode(bytes(line))
            line.clear()

    def need(n: int) -> bytes:
        if i + n > len(data):
            raise ValueError(f"stream cut short at {i}")
        return data[i : i + n]

    while i < len(data):
        byte = data[i]
        start = i
        if byte == LF:
            flush_text()
            out.lines.append(pending)
            pending = ""
            out.commands.append(Command("lf", b"", start, 1))
            i += 1
            continue
        if byte == CR:
            out.commands.append(Command("cr", b"", start, 1))
            i += 1
            continue
        if byte >= 0x20 and byte != 0x7F:
            line.append(byte)
            text.append(byte)
            i += 1
            continue
        if byte not in (ESC, GS):
            raise ValueError(f"unexpected control byte {byte:#04x} at {i}")
        flush_text()
        op = need(2)[1]
        i += 2
        if byte == GS and op == ord("v"):  # GS v 0 m xL xH yL yH data
            head = need(6)
            if head[0] != ord("0"):
                raise ValueError(f"GS v {head[0]:#x} at {start}")
            width_bytes = head[2] | head[3] << 8
            height = head[4] | head[5] << 8
            i += 6
            pixels = need(width_bytes * height)
            i += width_bytes * height
            out.fragments.append(_raster(width_bytes, height, pixels))
            out.commands.append(Command("raster", head[1:], start, i - start))
        elif byte == ESC and op == ord("*"):  # ESC * m nL nH data
            head = need(3)
            mode, width = head[0], head[1] | head[2] << 8
            rows = 3 if mode in (32, 33) else 1
            i += 3
            pixels = need(width * rows)
            i += width * rows
            out.fragments.append(_columns(width, rows, pixels))
            out.commands.append(Command("column_image", bytes([mode]), start, i - start))
        elif byte == GS and op == ord("(") and need(1) == b"L":  # GS ( L pL pH m fn ...
            head = need(3)
            size = head[1] | head[2] << 8
            i += 3
            body = need(size)
            i += size
            fn = body[1]
            if fn == ord("p"):  # store: a bx by c xL xH yL yH data
                width = body[6] | body[7] << 8
                height = body[8] | body[9] << 8
                pending_graphic = _raster((width + 7) // 8, height, body[10:])
                out.fragments.append(pending_graphic.crop((0, 0, width, height)))
                out.commands.append(Command("graphics_store", b"", start, i - start))
            else:
                out.commands.append(Command("graphics_print", bytes([fn]), start, i - start))
        elif byte == GS and op == ord("V"):  # GS V m [n]
            mode = need(1)[0]
            i += 1
            args = bytes([mode])
            if mode in (65, 66, 97, 98, 103, 104):
                args += need(1)
                i += 1
            out.commands.append(Command("cut", args, start, i - start))
        else:
            arity = (_ESC_ARGS if byte == ESC else _GS_ARGS).get(op)
            if arity is None:
                raise ValueError(f"unknown command {byte:#04x} {op:#04x} at {start}")
            args = need(arity)
            i += arity
            name = _NAMES.get((byte, op), f"{'ESC' if byte == ESC else 'GS'} {chr(op)}")
            out.commands.append(Command(name, args, start, i - start))
            if name == "code_table":
                n = args[0]
                if n not in tables:
                    raise ValueError(f"no decoder for code table {n}")
                decode = tables[n]
    flush_text()
    if pending:
        out.lines.append(pending)
    out.text_bytes = bytes(text)
    return out
