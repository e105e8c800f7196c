"""Printer connections: every accepted URI form and every malformed one, and real bytes over
TCP (a fake network printer on 127.0.0.1), to files and devices, and through a fake `lp`."""

from __future__ import annotations

import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.printing import connections
from counter_app.printing.connections import (
    CupsTarget,
    FileTarget,
    SerialTarget,
    TcpTarget,
    UsbTarget,
    Win32Target,
    ensure_usable,
    open_connection,
    parse_printer_uri,
    send_to_printer,
)
from counter_app.printing.errors import PrinterUnavailable, PrintingError


class FakePrinter:
    """A raw-port printer on 127.0.0.1: records the bytes of each connection; with `read=False`
    it accepts and never reads (a printer out of paper)."""

    def __init__(self, *, read: bool = True) -> None:
        self.read = read
        self.jobs: list[bytes] = []
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # inherited
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen()
        self.port = self._sock.getsockname()[1]
        self._held: list[socket.socket] = []
        self._done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if not self.read:
                self._held.append(conn)
                continue
            chunks = []
            while data := conn.recv(65536):
                chunks.append(data)
            conn.close()
            self.jobs.append(b"".join(chunks))
            self._done.set()

    def wait_job(self, timeout: float = 5.0) -> None:
        assert self._done.wait(timeout), "the printer received nothing"

    def close(self) -> None:
        self._sock.close()
        for conn in self._held:
            conn.close()


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    p = FakePrinter()
    yield p
    p.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- parsing -----------------------------------------------------------------------------

ACCEPTED = [
    ("tcp://10.0.0.5:9100", TcpTarget("tcp://10.0.0.5:9100", "10.0.0.5", 9100, 5.0)),
    ("tcp://printer.local", TcpTarget("tcp://printer.local", "printer.local", 9100, 5.0)),
    ("TCP://10.0.0.5:9101/", TcpTarget("TCP://10.0.0.5:9101/", "10.0.0.5", 9101, 5.0)),
    ("tcp://[::1]:9100?timeout=3", TcpTarget("tcp://[::1]:9100?timeout=3", "::1", 9100, 3.0)),
    ("tcp://h?timeout=0.5", TcpTarget("tcp://h?timeout=0.5", "h", 9100, 0.5)),
    ("usb://0x0416:0x5011", UsbTarget("usb://0x0416:0x5011", 0x0416, 0x5011)),
    ("usb://1046:20497", UsbTarget("usb://1046:20497", 0x0416, 0x5011)),
    ("usb://0x04B8:0x0E15", UsbTarget("usb://0x04B8:0x0E15", 0x04B8, 0x0E15)),
    (
        "usb://0x0416:0x5011?interface=0&in_ep=0x81&out_ep=0x03",
        UsbTarget(
            "usb://0x0416:0x5011?interface=0&in_ep=0x81&out_ep=0x03",
            0x0416,
            0x5011,
            interface=0,
            in_ep=0x81,
            out_ep=0x03,
        ),
    ),
    (
        "serial:///dev/ttyUSB0?baudrate=19200",
        SerialTarget("serial:///dev/ttyUSB0?baudrate=19200", "/dev/ttyUSB0", 19200),
    ),
    ("serial:///dev/ttyS0", SerialTarget("serial:///dev/ttyS0", "/dev/ttyS0", 9600)),
    ("serial://COM3", SerialTarget("serial://COM3", "COM3", 9600)),
    (
        "serial:///dev/ttyUSB0?baudrate=115200&bytesize=7&parity=E&stopbits=2&xonxoff=1"
        "&dsrdtr=0&timeout=2",
        SerialTarget(
            "serial:///dev/ttyUSB0?baudrate=115200&bytesize=7&parity=E&stopbits=2&xonxoff=1"
            "&dsrdtr=0&timeout=2",
            "/dev/ttyUSB0",
            115200,
            bytesize=7,
            parity="E",
            stopbits=2,
            xonxoff=True,
            dsrdtr=False,
            timeout=2.0,
        ),
    ),
    ("win32://EPSON TM-T82", Win32Target("win32://EPSON TM-T82", "EPSON TM-T82")),
    ("win32://Máy in quầy 3", Win32Target("win32://Máy in quầy 3", "Máy in quầy 3")),
    (r"win32://\\server\Receipt", Win32Target(r"win32://\\server\Receipt", r"\\server\Receipt")),
    ("cups://TM_T20", CupsTarget("cups://TM_T20", "TM_T20")),
    ("cups://thermal?timeout=10", CupsTarget("cups://thermal?timeout=10", "thermal", 10.0)),
    ("file:/dev/usb/lp0", FileTarget("file:/dev/usb/lp0", Path("/dev/usb/lp0"))),
    ("file:///tmp/out.bin", FileTarget("file:///tmp/out.bin", Path("/tmp/out.bin"))),
    ("file:///tmp/a%20b.bin", FileTarget("file:///tmp/a%20b.bin", Path("/tmp/a b.bin"))),
    ("file://localhost/tmp/x", FileTarget("file://localhost/tmp/x", Path("/tmp/x"))),
    ("file:out/receipt.bin", FileTarget("file:out/receipt.bin", Path("out/receipt.bin"))),
]  # fmt: skip


@pytest.mark.parametrize(("uri", "expected"), ACCEPTED, ids=[u for u, _ in ACCEPTED])
def test_every_accepted_form_parses(uri: str, expected: object) -> None:
    assert parse_printer_uri(uri) == expected


def test_uri_is_nfc_normalized_and_trimmed() -> None:
    decomposed = "win32://Ma\u0301y in"  # "Máy in" typed with a combining accent
    target = parse_printer_uri(f"  {decomposed}  ")
    assert isinstance(target, Win32Target)
    assert target.name == "Máy in"


MALFORMED = [
    ("", "trống", "empty"),
    ("   ", "trống", "empty"),
    ("10.0.0.5:9100", "thiếu loại kết nối", "no scheme"),
    ("printer", "thiếu loại kết nối", "no scheme"),
    ("http://10.0.0.5", "không hỗ trợ loại 'http'", "unknown scheme 'http'"),
    ("lpt://1", "không hỗ trợ loại 'lpt'", "unknown scheme 'lpt'"),
    ("tcp:10.0.0.5", "thiếu loại kết nối", "no scheme"),
    ("tcp://", "thiếu tên hoặc địa chỉ IP", "missing host"),
    ("tcp://:9100", "thiếu tên hoặc địa chỉ IP", "missing host"),
    ("tcp://h:99999", "cổng phải là số từ 1 đến 65535", "port must be 1 to 65535"),
    ("tcp://h:0", "cổng phải là số", "port must be 1 to 65535"),
    ("tcp://h:abc", "cổng phải là số", "port must be 1 to 65535"),
    ("tcp://h:9100/queue", "chỉ gồm máy và cổng", "only a host and a port"),
    ("tcp://user@h:9100", "chỉ gồm máy và cổng", "only a host and a port"),
    ("tcp://h?timeout=0", "timeout", "timeout must be seconds"),
    ("tcp://h?timeout=61", "timeout", "timeout must be seconds"),
    ("tcp://h?timeout=abc", "timeout", "timeout must be seconds"),
    ("tcp://h?timeout=nan", "timeout", "timeout must be seconds"),
    ("tcp://h?tmeout=3", "tùy chọn 'tmeout'", "unknown option 'tmeout'"),
    ("tcp://h?timeout=1&timeout=2", "lặp lại", "given twice"),
    ("usb://", "usb://VID:PID", "expected usb://VID:PID"),
    ("usb://0x0416", "usb://VID:PID", "expected usb://VID:PID"),
    ("usb://0x0416:0x5011:1", "usb://VID:PID", "expected usb://VID:PID"),
    ("usb://0416:5011", "viết 0x0416", "write 0x0416 for hexadecimal"),
    ("usb://04b8:0e15", "viết 0x04b8", "write 0x04b8 for hexadecimal"),
    ("usb://0xZZ:0x5011", "VID '0xZZ'", "must be a number 0x0001-0xFFFF"),
    ("usb://0x0416:0x10000", "PID", "must be a number 0x0001-0xFFFF"),
    ("usb://0:0x5011", "VID", "must be a number 0x0001-0xFFFF"),
    ("usb://epson:tm", "VID", "must be a number"),
    ("usb://0x0416:0x5011?out_ep=0x1ff", "out_ep", "out_ep must be a number 0-255"),
    ("usb://0x0416:0x5011?endpoint=1", "tùy chọn 'endpoint'", "unknown option 'endpoint'"),
    ("serial://", "thiếu tên cổng", "missing the port"),
    ("serial:///", "thiếu tên cổng", "missing the port"),
    ("serial://dev/ttyUSB0", "ba dấu gạch", "use three slashes"),
    ("serial:///dev/ttyUSB0?baudrate=19201", "baudrate", "baudrate must be one of"),
    ("serial:///dev/ttyUSB0?baudrate=fast", "baudrate", "baudrate must be one of"),
    ("serial:///dev/ttyUSB0?baudrate=", "baudrate", "baudrate must be one of"),
    ("serial:///dev/ttyUSB0?baud=9600", "tùy chọn 'baud'", "unknown option 'baud'"),
    ("serial:///dev/ttyUSB0?bytesize=9", "bytesize", "bytesize must be 5, 6, 7 or 8"),
    ("serial:///dev/ttyUSB0?parity=X", "parity", "parity must be N, E, O, M or S"),
    ("serial:///dev/ttyUSB0?stopbits=3", "stopbits", "stopbits must be 1, 1.5 or 2"),
    ("serial:///dev/ttyUSB0?xonxoff=maybe", "xonxoff", "xonxoff must be 0 or 1"),
    ("win32://", "thiếu tên máy in", "missing the Windows printer name"),
    ("win32://   ", "thiếu tên máy in", "missing the Windows printer name"),
    ("cups://", "tên hàng đợi CUPS", "CUPS queue name"),
    ("cups://my printer", "tên hàng đợi CUPS", "CUPS queue name"),
    ("cups://host/queue", "tên hàng đợi CUPS", "CUPS queue name"),
    ("file:", "thiếu đường dẫn", "missing the file path"),
    ("file://", "file:/đường/dẫn", "use file:/path or file:///path"),
    ("file:///", "thiếu đường dẫn", "missing the file path"),
    ("file:/tmp/folder/", "thiếu đường dẫn", "missing the file path"),
    ("file://server/share/out.bin", "file:///đường/dẫn", "use file:/path or file:///path"),
]


@pytest.mark.parametrize(("uri", "vi", "en"), MALFORMED, ids=[m[0] or "empty" for m in MALFORMED])
def test_every_malformed_uri_is_refused_naming_what_is_accepted(uri: str, vi: str, en: str) -> None:
    with pytest.raises(PrintingError) as info:
        parse_printer_uri(uri)
    message = str(info.value)
    assert not isinstance(info.value, PrinterUnavailable)
    vi_part, en_part = message.split(" / ", 1)
    assert vi_part.startswith("Địa chỉ máy in không hợp lệ: ")
    assert vi in vi_part
    assert "Dùng: tcp://máy:9100, usb://VID:PID, serial:///dev/ttyUSB0?baudrate=19200, " in vi_part
    assert "win32://Tên máy in, cups://tên, file:/đường/dẫn" in vi_part
    assert en_part.startswith("Invalid printer URI ")
    assert en in en_part
    assert "tcp://host:9100" in en_part and "file:/path" in en_part


# --- TCP ---------------------------------------------------------------------------------


def test_tcp_printer_receives_exactly_the_bytes(printer: FakePrinter) -> None:
    payload = bytes(range(256)) * 1000 + b"\x1dV\x00"  # more than one chunk, any byte value
    with open_connection(f"tcp://127.0.0.1:{printer.port}") as conn:
        conn.send(payload)
    printer.wait_job()
    assert printer.jobs == [payload]


def test_send_to_printer_opens_sends_and_closes(printer: FakePrinter) -> None:
    send_to_printer(f"tcp://127.0.0.1:{printer.port}?timeout=2", b"\x1b@hello")
    printer.wait_job()
    assert printer.jobs == [b"\x1b@hello"]


def test_refused_connection_is_unavailable_and_nothing_was_sent() -> None:
    port = closed_port()
    with pytest.raises(PrinterUnavailable) as info:
        open_connection(f"tcp://127.0.0.1:{port}")
    assert info.value.partial is False
    message = str(info.value)
    assert message.startswith(f"Máy in 127.0.0.1:{port} không phản hồi: kiểm tra nguồn và cáp mạng")
    assert f" / Printer 127.0.0.1:{port} not answering" in message


def test_unknown_host_is_unavailable_with_a_hint() -> None:
    with pytest.raises(PrinterUnavailable, match="không tìm thấy trên mạng"):
        open_connection("tcp://no-such-printer.invalid:9100?timeout=1")


def test_printer_that_never_reads_times_out_without_hanging() -> None:
    stuck = FakePrinter(read=False)
    try:
        conn = open_connection(f"tcp://127.0.0.1:{stuck.port}?timeout=0.3")
        started = time.monotonic()
        with pytest.raises(PrinterUnavailable) as info, conn:
            conn.send(b"\x00" * (8 << 20))
        elapsed = time.monotonic() - started
    finally:
        stuck.close()
    assert elapsed < 2.0, f"waited {elapsed:.1f} s for a 0.3 s timeout"
    assert info.value.partial is True  # bytes had left: maybe on paper
    assert "ngừng nhận dữ liệu" in str(info.value)


def test_default_timeout_is_at_most_five_seconds() -> None:
    target = parse_printer_uri("tcp://10.0.0.5")
    assert isinstance(target, TcpTarget)
    assert target.timeout <= 5


# --- files and devices -------------------------------------------------------------------


def test_file_printer_gets_exactly_the_bytes_and_each_job_is_appended(tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    first, second = b"\x1b@first\n" * 2000, b"\x1b@second\x1dV\x00"
    send_to_printer(f"file:{out}", first)
    send_to_printer(f"file://{out}", second)
    assert out.read_bytes() == first + second


def test_missing_device_is_unavailable() -> None:
    with pytest.raises(PrinterUnavailable, match="kiểm tra cáp USB và nguồn"):
        open_connection("file:/dev/usb/lp-counter-app-missing")


def test_missing_folder_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnavailable, match="không mở được"):
        open_connection(f"file:{tmp_path / 'no' / 'out.bin'}")


def test_permission_denied_is_unavailable(tmp_path: Path, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(connections.os, "open", refuse)  # tests run as root in CI
    with pytest.raises(PrinterUnavailable, match="nhóm lp"):
        open_connection(f"file:{tmp_path / 'out.bin'}")


def test_device_that_stops_taking_bytes_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)  # a device-like file: writes block once its buffer is full
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read
    try:
        assert not stat.S_ISREG(os.stat(fifo).st_mode)
        started = time.monotonic()
        conn = open_connection(FileTarget(f"file:{fifo}", fifo, timeout=0.2))
        with pytest.raises(PrinterUnavailable) as info, conn:
            conn.send(b"\x00" * (4 << 20))
        assert time.monotonic() - started < 2.0
        assert info.value.partial is True
    finally:
        os.close(reader)


# --- CUPS, Windows, USB, serial ----------------------------------------------------------


def _fake_lp(folder: Path, exit_code: int = 0) -> Path:
    folder.mkdir()
    lp = folder / "lp"
    lp.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > "{folder}/args"\n'
        f'cat > "{folder}/data"\n'
        f'[ {exit_code} -eq 0 ] || echo "lp: The printer or class does not exist." >&2\n'
        f"exit {exit_code}\n"
    )
    lp.chmod(0o755)
    return folder


def test_cups_sends_raw_bytes_through_lp(tmp_path: Path, monkeypatch) -> None:
    bin_dir = _fake_lp(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    payload = b"\x1b@Xin ch\xe0o\x00\xff" * 100
    send_to_printer("cups://TM_T20", payload)
    assert (bin_dir / "args").read_text().split() == ["-d", "TM_T20", "-o", "raw"]
    assert (bin_dir / "data").read_bytes() == payload


def test_cups_refusal_is_unavailable_with_lps_reason(tmp_path: Path, monkeypatch) -> None:
    bin_dir = _fake_lp(tmp_path / "bin", exit_code=1)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PrinterUnavailable, match="does not exist") as info:
        send_to_printer("cups://nope", b"x")
    assert info.value.partial is False


def test_cups_without_lp_or_pycups_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    from escpos.printer import CupsPrinter

    monkeypatch.setattr(CupsPrinter, "is_usable", staticmethod(lambda: False))
    with pytest.raises(PrintingError, match="cups-client") as info:
        ensure_usable(parse_printer_uri("cups://TM_T20"))
    assert not isinstance(info.value, PrinterUnavailable)


@pytest.mark.skipif(os.name == "nt", reason="the Windows spooler exists there")
def test_win32_elsewhere_is_a_clear_error() -> None:
    with pytest.raises(PrintingError, match="chỉ dùng được trên Windows") as info:
        open_connection("win32://EPSON TM-T82 Receipt")
    assert "work only on Windows" in str(info.value)
    assert not isinstance(info.value, PrinterUnavailable)


class FakeUsbError(Exception):
    pass


class FakeEscpos:
    """Stands for python-escpos's Usb and Serial classes: records what it is given."""

    made: list[FakeEscpos] = []  # noqa: RUF012
    fail_open = False
    write_timeout: float | None = None  # set on `device` (itself) by the serial connection

    def __init__(self, **kwargs: object) -> None:
        self.kwargs = kwargs
        self.written = b""
        self.closed = False
        self.device = self
        self.detached: list[int] = []
        FakeEscpos.made.append(self)

    def open(self) -> None:
        if self.fail_open:
            raise FakeUsbError("No such device")

    def is_kernel_driver_active(self, interface: int) -> bool:
        return True

    def detach_kernel_driver(self, interface: int) -> None:
        self.detached.append(interface)

    def _raw(self, data: bytes) -> None:
        self.written += data

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_escpos(monkeypatch) -> type[FakeEscpos]:
    FakeEscpos.made = []
    FakeEscpos.fail_open = False
    monkeypatch.setattr(connections, "_load_usb", lambda: (FakeEscpos, FakeUsbError))
    monkeypatch.setattr(connections, "_load_serial", lambda: (FakeEscpos, FakeUsbError))
    return FakeEscpos


def test_usb_goes_through_python_escpos_with_the_uris_ids(fake_escpos) -> None:
    payload = b"\x1b@" + b"\x00" * 10_000
    send_to_printer("usb://0x0416:0x5011?interface=1&in_ep=0x81&out_ep=0x03&timeout=2", payload)
    (usb,) = fake_escpos.made
    assert usb.kwargs == {
        "idVendor": 0x0416,
        "idProduct": 0x5011,
        "timeout": 2000,
        "in_ep": 0x81,
        "out_ep": 0x03,
    }
    assert usb.written == payload and usb.closed
    assert usb.detached == [1]


def test_usb_printer_absent_is_unavailable(fake_escpos) -> None:
    fake_escpos.fail_open = True
    with pytest.raises(PrinterUnavailable, match="USB 0416:5011 không thấy"):
        open_connection("usb://0x0416:0x5011")


def test_serial_goes_through_python_escpos_with_a_write_timeout(fake_escpos) -> None:
    send_to_printer("serial:///dev/ttyUSB0?baudrate=19200&parity=O", b"\x1b@abc")
    (port,) = fake_escpos.made
    assert port.kwargs == {
        "devfile": "/dev/ttyUSB0",
        "baudrate": 19200,
        "bytesize": 8,
        "parity": "O",
        "stopbits": 1,
        "timeout": 5.0,
        "xonxoff": False,
        "dsrdtr": True,
    }
    assert port.written == b"\x1b@abc" and port.closed
    assert port.write_timeout == 5.0


def test_usb_and_serial_without_their_library_say_what_to_install() -> None:
    for uri, library in (("usb://0x0416:0x5011", "pyusb"), ("serial:///dev/ttyS0", "pyserial")):
        target = parse_printer_uri(uri)
        try:
            ensure_usable(target)
        except PrintingError as exc:
            assert library in str(exc)
            assert not isinstance(exc, PrinterUnavailable)
