"""Printer connections from one URI (DESIGN.md, Printing): parse it, open it, send raw bytes.

Accepted: tcp://host:9100, usb://VID:PID, serial:///dev/ttyUSB0?baudrate=19200,
win32://Printer name, cups://name, file:/path. A URI that cannot work raises PrintingError
(retrying will not help); a printer that does not take the bytes raises PrinterUnavailable
(retrying later may), with `partial` set once any byte has left this program.
"""

from __future__ import annotations

import math
import os
import select
import shutil
import socket
import stat
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from counter_app.printing.errors import InvalidPrinterUri, PrinterUnavailable, PrintingError

DEFAULT_PORT = 9100
# python-escpos's Network printer waits 60 s by default (LESSONS.md); an officer will not.
DEFAULT_TIMEOUT = 5.0
MAX_TIMEOUT = 60.0
# Bytes are written in pieces, so a timeout means "no progress for that long", whatever the
# size of the job, and we know whether any byte left before a failure.
CHUNK = 4096
SERIAL_BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)

ACCEPTED_VI = (
    "tcp://máy:9100, usb://VID:PID, serial:///dev/ttyUSB0?baudrate=19200, win32://Tên máy in, "
    "cups://tên, file:/đường/dẫn"
)
ACCEPTED_EN = (
    "tcp://host:9100, usb://VID:PID, serial:///dev/ttyUSB0?baudrate=19200, win32://Printer name, "
    "cups://name, file:/path"
)


@dataclass(frozen=True, slots=True)
class TcpTarget:
    """A network printer's raw port (JetDirect / AppSocket)."""

    uri: str
    host: str
    port: int = DEFAULT_PORT
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True, slots=True)
class UsbTarget:
    """A USB printer driven directly through libusb (python-escpos `Usb`)."""

    uri: str
    vendor_id: int
    product_id: int
    interface: int = 0
    in_ep: int = 0x82  # python-escpos's defaults
    out_ep: int = 0x01
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        return f"USB {self.vendor_id:04x}:{self.product_id:04x}"


@dataclass(frozen=True, slots=True)
class SerialTarget:
    """A serial (RS-232 or virtual COM) printer (python-escpos `Serial`)."""

    uri: str
    device: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    dsrdtr: bool = True  # python-escpos's default: hardware flow control on DSR/DTR
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        return self.device


@dataclass(frozen=True, slots=True)
class Win32Target:
    """A printer of the Windows spooler, given raw bytes (RAW data type)."""

    uri: str
    name: str

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class CupsTarget:
    """A CUPS queue, given raw bytes (`lp -o raw`)."""

    uri: str
    name: str
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class FileTarget:
    """A file (each job appended) or a device such as /dev/usb/lp0."""

    uri: str
    path: Path
    timeout: float = DEFAULT_TIMEOUT

    @property
    def label(self) -> str:
        return str(self.path)


PrinterTarget = TcpTarget | UsbTarget | SerialTarget | Win32Target | CupsTarget | FileTarget


def _invalid(uri: str, vi: str, en: str) -> PrintingError:
    return InvalidPrinterUri(
        f"Địa chỉ máy in không hợp lệ: {uri!r}: {vi}. Dùng: {ACCEPTED_VI} / "
        f"Invalid printer URI {uri!r}: {en}. Use: {ACCEPTED_EN}"
    )


def parse_printer_uri(uri: str) -> PrinterTarget:
    """Return the printer a URI describes.

    Raises PrintingError naming the accepted forms for an unknown scheme or a malformed URI."""
    uri = unicodedata.normalize("NFC", uri).strip()
    if not uri:
        raise _invalid(uri, "trống", "empty")
    scheme, sep, rest = uri.partition(":")
    scheme = scheme.lower()
    if not sep or (scheme != "file" and not rest.startswith("//")):
        raise _invalid(uri, "thiếu loại kết nối", "no scheme")
    parsers: dict[str, Callable[[str, str], PrinterTarget]] = {
        "tcp": _parse_tcp,
        "usb": _parse_usb,
        "serial": _parse_serial,
        "win32": _parse_win32,
        "cups": _parse_cups,
        "file": _parse_file,
    }
    parser = parsers.get(scheme)
    if parser is None:
        raise _invalid(uri, f"không hỗ trợ loại {scheme!r}", f"unknown scheme {scheme!r}")
    return parser(uri, rest)


def _options(uri: str, query: str, allowed: tuple[str, ...]) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _invalid(uri, "phần tùy chọn sai", "malformed options") from None
    out: dict[str, str] = {}
    for key, value in pairs:
        key = key.lower()
        if key not in allowed:
            names = ", ".join(allowed) or "-"
            raise _invalid(
                uri,
                f"tùy chọn {key!r} không dùng được (dùng: {names})",
                f"unknown option {key!r} (accepted: {names})",
            )
        if key in out:
            raise _invalid(uri, f"tùy chọn {key!r} lặp lại", f"option {key!r} given twice")
        out[key] = value
    return out


def _timeout(uri: str, opts: dict[str, str]) -> float:
    if "timeout" not in opts:
        return DEFAULT_TIMEOUT
    try:
        value = float(opts["timeout"])
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_TIMEOUT):
        raise _invalid(
            uri,
            f"timeout phải là số giây từ 0 đến {MAX_TIMEOUT:g}",
            f"timeout must be seconds, more than 0 and at most {MAX_TIMEOUT:g}",
        )
    return value


def _parse_tcp(uri: str, rest: str) -> TcpTarget:
    parts = urlsplit("tcp:" + rest)
    if parts.path not in ("", "/") or parts.fragment or "@" in parts.netloc:
        raise _invalid(uri, "chỉ gồm máy và cổng", "only a host and a port are expected")
    host = parts.hostname or ""
    if not host:
        raise _invalid(uri, "thiếu tên hoặc địa chỉ IP của máy in", "missing host")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port is None:
        port = DEFAULT_PORT
    if not 1 <= port <= 65535:
        raise _invalid(uri, "cổng phải là số từ 1 đến 65535", "port must be 1 to 65535")
    opts = _options(uri, parts.query, ("timeout",))
    return TcpTarget(uri=uri, host=host, port=port, timeout=_timeout(uri, opts))


def _int(text: str, low: int, high: int) -> int | None:
    """Return `text` as an int (0x... hexadecimal, else decimal) within bounds, or None."""
    text = text.strip().lower()
    try:
        value = int(text[2:], 16) if text.startswith("0x") else int(text, 10)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _usb_id(uri: str, text: str, what: str) -> int:
    t = text.strip().lower()
    hex_digits = bool(t) and all(c in "0123456789abcdef" for c in t)
    if hex_digits and len(t) > 1 and (t.startswith("0") or not t.isdigit()):
        # lsusb prints "0416:5011" in hexadecimal without 0x: ambiguous, so say how to write it.
        raise _invalid(
            uri,
            f"{what} {text!r}: viết 0x{t} nếu là số hệ 16 (như lsusb hiển thị)",
            f"{what} {text!r}: write 0x{t} for hexadecimal (as lsusb shows it)",
        )
    value = _int(t, 1, 0xFFFF)
    if value is None:
        raise _invalid(
            uri,
            f"{what} {text!r} phải là số 0x0001-0xFFFF",
            f"{what} {text!r} must be a number 0x0001-0xFFFF",
        )
    return value


def _parse_usb(uri: str, rest: str) -> UsbTarget:
    parts = urlsplit("usb:" + rest)
    ids = parts.netloc
    if parts.path not in ("", "/") or ids.count(":") != 1:
        raise _invalid(uri, "cần dạng usb://VID:PID", "expected usb://VID:PID")
    vid_text, pid_text = ids.split(":")
    vid = _usb_id(uri, vid_text, "VID")
    pid = _usb_id(uri, pid_text, "PID")
    opts = _options(uri, parts.query, ("interface", "in_ep", "out_ep", "timeout"))
    numbers = {}
    for key, default, high in (("interface", 0, 255), ("in_ep", 0x82, 255), ("out_ep", 0x01, 255)):
        value = _int(opts[key], 0, high) if key in opts else default
        if value is None:
            raise _invalid(uri, f"{key} phải là số 0-{high}", f"{key} must be a number 0-{high}")
        numbers[key] = value
    return UsbTarget(uri, vid, pid, timeout=_timeout(uri, opts), **numbers)


def _flag(uri: str, opts: dict[str, str], key: str, default: bool) -> bool:
    if key not in opts:
        return default
    value = opts[key].lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise _invalid(uri, f"{key} phải là 0 hoặc 1", f"{key} must be 0 or 1")


_PARITIES = {"n": "N", "none": "N", "e": "E", "even": "E", "o": "O", "odd": "O"}
_PARITIES |= {"m": "M", "mark": "M", "s": "S", "space": "S"}


def _parse_serial(uri: str, rest: str) -> SerialTarget:
    parts = urlsplit("serial:" + rest)
    if parts.netloc and parts.path:
        raise _invalid(
            uri,
            "dùng ba dấu gạch: serial:///dev/ttyUSB0 hoặc serial://COM3",
            "use three slashes: serial:///dev/ttyUSB0, or serial://COM3",
        )
    device = unquote(parts.netloc or parts.path)
    if sys.platform == "win32" and device.startswith("/"):
        device = device[1:]  # serial:///COM3
    if not device.strip("/"):
        raise _invalid(uri, "thiếu tên cổng", "missing the port's device name")
    allowed = ("baudrate", "bytesize", "parity", "stopbits", "xonxoff", "dsrdtr", "timeout")
    opts = _options(uri, parts.query, allowed)
    baudrate = _int(opts.get("baudrate", "9600"), 1, 10_000_000)
    if baudrate is None or baudrate not in SERIAL_BAUDRATES:
        rates = ", ".join(map(str, SERIAL_BAUDRATES))
        raise _invalid(
            uri, f"baudrate phải là một trong {rates}", f"baudrate must be one of {rates}"
        )
    bytesize = _int(opts.get("bytesize", "8"), 5, 8)
    if bytesize is None:
        raise _invalid(uri, "bytesize phải là 5, 6, 7 hoặc 8", "bytesize must be 5, 6, 7 or 8")
    parity = _PARITIES.get(opts.get("parity", "N").lower())
    if parity is None:
        raise _invalid(uri, "parity phải là N, E, O, M hoặc S", "parity must be N, E, O, M or S")
    stopbits_text = opts.get("stopbits", "1")
    if stopbits_text not in ("1", "1.5", "2"):
        raise _invalid(uri, "stopbits phải là 1, 1.5 hoặc 2", "stopbits must be 1, 1.5 or 2")
    return SerialTarget(
        uri=uri,
        device=device,
        baudrate=baudrate,
        bytesize=bytesize,
        parity=parity,
        stopbits=float(stopbits_text) if stopbits_text == "1.5" else int(stopbits_text),
        xonxoff=_flag(uri, opts, "xonxoff", False),
        dsrdtr=_flag(uri, opts, "dsrdtr", True),
        timeout=_timeout(uri, opts),
    )


def _parse_win32(uri: str, rest: str) -> Win32Target:
    # Printer names hold spaces, and shared ones backslashes (\\server\name): taken as they are.
    name = unquote(rest[2:]).strip()
    if not name:
        raise _invalid(uri, "thiếu tên máy in của Windows", "missing the Windows printer name")
    return Win32Target(uri=uri, name=name)


def _parse_cups(uri: str, rest: str) -> CupsTarget:
    parts = urlsplit("cups:" + rest)
    name = unquote(parts.netloc)
    if not name or parts.path not in ("", "/") or any(c in name for c in " \t/#@"):
        raise _invalid(
            uri,
            "cần tên hàng đợi CUPS, không có dấu cách hay '/' (xem lpstat -p)",
            "expected a CUPS queue name without spaces or '/' (see lpstat -p)",
        )
    opts = _options(uri, parts.query, ("timeout",))
    return CupsTarget(uri=uri, name=name, timeout=_timeout(uri, opts))


def _parse_file(uri: str, rest: str) -> FileTarget:
    if rest.startswith("//"):
        authority, slash, path = rest[2:].partition("/")
        if authority.lower() not in ("", "localhost") or not slash:
            raise _invalid(
                uri, "dùng file:/đường/dẫn hoặc file:///đường/dẫn", "use file:/path or file:///path"
            )
        rest = "/" + path
        if len(rest) > 2 and rest[2] == ":" and rest[1].isalpha():
            rest = rest[1:]  # file:///C:/receipts/out.bin
    path = unquote(rest)
    if not path.strip() or path.endswith(("/", "\\")):
        raise _invalid(uri, "thiếu đường dẫn tệp", "missing the file path")
    return FileTarget(uri=uri, path=Path(path).expanduser())


# --- connections ---------------------------------------------------------------------------


class Connection:
    """An open connection to one printer: `send` raw bytes, then `close` (or use `with`)."""

    def __init__(self, target: PrinterTarget) -> None:
        self.target = target
        self.started = False  # a byte may have left: a failure from now on is partial

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, data: bytes) -> None:
        """Deliver `data`; raises PrinterUnavailable when the printer does not take it."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection; safe to call twice."""

    def _unavailable(self, vi: str, en: str, exc: BaseException | str = "") -> PrinterUnavailable:
        detail = f" ({exc})" if str(exc) else ""
        label = self.target.label
        return PrinterUnavailable(
            f"Máy in {label} {vi} / Printer {label} {en}{detail}", partial=self.started
        )


_NOT_ANSWERING = (
    "không phản hồi: kiểm tra nguồn và cáp mạng",
    "not answering: check its power and network cable",
)
_STALLED = (
    "ngừng nhận dữ liệu: kiểm tra giấy, nắp máy và đèn báo lỗi",
    "stopped taking data: check its paper, cover and error light",
)


class TcpConnection(Connection):
    def __init__(self, target: TcpTarget) -> None:
        super().__init__(target)
        self._timeout = target.timeout
        try:
            self._sock: socket.socket | None = socket.create_connection(
                (target.host, target.port), timeout=target.timeout
            )
        except socket.gaierror as exc:
            raise self._unavailable(
                "không tìm thấy trên mạng: kiểm tra tên máy trong cấu hình và mạng",
                "not found on the network: check the host name in the settings and the network",
                exc,
            ) from exc
        except OSError as exc:  # refused, timed out, no route
            raise self._unavailable(*_NOT_ANSWERING, exc) from exc

    def send(self, data: bytes) -> None:
        assert self._sock is not None, "connection closed"
        view = memoryview(data)
        try:
            for start in range(0, len(view), CHUNK):
                self.started = True
                self._sock.sendall(view[start : start + CHUNK])
            self._wait_drained()
        except TimeoutError as exc:
            raise self._unavailable(*_STALLED, exc) from exc
        except OSError as exc:
            raise self._unavailable(*_NOT_ANSWERING, exc) from exc

    def _wait_drained(self) -> None:
        """Wait until the printer has acknowledged every byte, where the system can tell.

        Otherwise a printer that stopped reading (paper out) would get a job marked done while
        its bytes sit in our socket buffer. Linux reports the unacknowledged bytes (SIOCOUTQ)."""
        if not sys.platform.startswith("linux") or self._sock is None:
            return
        import fcntl
        import struct
        import termios

        buf = bytearray(4)
        last, deadline = -1, time.monotonic() + self._timeout
        while True:
            fcntl.ioctl(self._sock.fileno(), termios.TIOCOUTQ, buf)  # == SIOCOUTQ
            (pending,) = struct.unpack("i", buf)
            if pending == 0:
                return
            now = time.monotonic()
            if pending != last:  # progress: the timeout counts from the last one
                last, deadline = pending, now + self._timeout
            elif now >= deadline:
                raise TimeoutError(f"{pending} bytes not acknowledged")
            time.sleep(0.005)

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def _load_usb() -> tuple[Any, type[BaseException]]:
    """Return python-escpos's Usb class and pyusb's error class; PrintingError without pyusb."""
    try:
        import usb.core  # type: ignore[import-not-found, unused-ignore]
        from escpos.printer import Usb
    except ImportError:
        raise PrintingError(
            "In qua USB cần thư viện pyusb và libusb: pip install pyusb (trên Linux có thể dùng "
            "file:/dev/usb/lp0; trên Windows nên dùng win32://Tên máy in) / USB printing needs "
            "pyusb and libusb: pip install pyusb (on Linux file:/dev/usb/lp0 also works; on "
            "Windows prefer win32://Printer name)"
        ) from None
    return Usb, usb.core.USBError


def _load_serial() -> tuple[Any, type[BaseException]]:
    """Return python-escpos's Serial class and pyserial's error class; PrintingError without."""
    try:
        import serial  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from escpos.printer import Serial
    except ImportError:
        raise PrintingError(
            "In qua cổng COM cần thư viện pyserial: pip install pyserial / "
            "Serial printing needs pyserial: pip install pyserial"
        ) from None
    return Serial, serial.SerialException


class UsbConnection(Connection):
    def __init__(self, target: UsbTarget) -> None:
        super().__init__(target)
        from escpos.exceptions import DeviceNotFoundError

        usb_class, self._error = _load_usb()
        self._printer = usb_class(
            idVendor=target.vendor_id,
            idProduct=target.product_id,
            timeout=int(target.timeout * 1000),  # pyusb counts milliseconds
            in_ep=target.in_ep,
            out_ep=target.out_ep,
        )
        try:
            self._printer.open()
            if target.interface:
                self._detach(target.interface)
        except (DeviceNotFoundError, self._error) as exc:
            raise self._unavailable(
                "không thấy hoặc không mở được: kiểm tra cáp USB, nguồn và quyền truy cập (udev)",
                "not found or cannot be opened: check the USB cable, power and access rights "
                "(udev)",
                exc,
            ) from exc

    def _detach(self, interface: int) -> None:
        # python-escpos detaches the kernel driver of interface 0 only.
        device = self._printer.device
        try:
            if device.is_kernel_driver_active(interface):
                device.detach_kernel_driver(interface)
        except NotImplementedError:
            pass  # backends other than libusb1 have no kernel driver to detach

    def send(self, data: bytes) -> None:
        try:
            for start in range(0, len(data), CHUNK):
                self.started = True
                self._printer._raw(data[start : start + CHUNK])  # no public raw-bytes call
        except self._error as exc:
            raise self._unavailable(*_STALLED, exc) from exc

    def close(self) -> None:
        try:
            self._printer.close()
        except self._error:
            pass  # the device is gone: nothing left to release


class SerialConnection(Connection):
    def __init__(self, target: SerialTarget) -> None:
        super().__init__(target)
        from escpos.exceptions import DeviceNotFoundError

        serial_class, self._error = _load_serial()
        self._printer = serial_class(
            devfile=target.device,
            baudrate=target.baudrate,
            bytesize=target.bytesize,
            parity=target.parity,
            stopbits=target.stopbits,
            timeout=target.timeout,
            xonxoff=target.xonxoff,
            dsrdtr=target.dsrdtr,
        )
        try:
            self._printer.open()
            # python-escpos sets only the read timeout; without this a write waits forever
            # for a printer that is off while flow control holds the line.
            self._printer.device.write_timeout = target.timeout
        except (DeviceNotFoundError, self._error) as exc:
            raise self._unavailable(
                "không mở được cổng: kiểm tra cáp, nguồn và quyền (nhóm dialout)",
                "port cannot be opened: check the cable, power and rights (dialout group)",
                exc,
            ) from exc

    def send(self, data: bytes) -> None:
        try:
            for start in range(0, len(data), CHUNK):
                self.started = True
                self._printer._raw(data[start : start + CHUNK])
        except self._error as exc:
            raise self._unavailable(*_STALLED, exc) from exc

    def close(self) -> None:
        try:
            self._printer.close()
        except self._error:
            pass


def _load_win32() -> tuple[Any, type[BaseException]]:
    if sys.platform != "win32":
        raise PrintingError(
            "Máy in win32:// (hàng đợi in của Windows) chỉ dùng được trên Windows; trên máy "
            "này dùng cups://, tcp://, usb:// hoặc file: / win32:// printers (the Windows "
            "spooler) work only on Windows; here use cups://, tcp://, usb:// or file:"
        )
    try:
        import pywintypes  # type: ignore[import-not-found, unused-ignore]
        import win32print  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise PrintingError(
            "In qua Windows cần thư viện pywin32: pip install pywin32 / "
            "Printing through the Windows spooler needs pywin32: pip install pywin32"
        ) from None
    return win32print, pywintypes.error


class Win32Connection(Connection):
    """Each `send` is one RAW document in the Windows spooler."""

    def __init__(self, target: Win32Target) -> None:
        super().__init__(target)
        self._win32print, self._error = _load_win32()
        try:
            self._handle: Any = self._win32print.OpenPrinter(target.name)
        except self._error as exc:
            raise self._unavailable(
                "không có trong Windows: kiểm tra tên trong Thiết bị và Máy in",
                "is not known to Windows: check the name in Devices and Printers",
                exc,
            ) from exc

    def send(self, data: bytes) -> None:
        w = self._win32print
        try:
            w.StartDocPrinter(self._handle, 1, ("counter-app", None, "RAW"))
            try:
                self.started = True
                w.StartPagePrinter(self._handle)
                w.WritePrinter(self._handle, data)
                w.EndPagePrinter(self._handle)
            finally:
                w.EndDocPrinter(self._handle)
        except self._error as exc:
            raise self._unavailable(*_NOT_ANSWERING, exc) from exc

    def close(self) -> None:
        if self._handle is not None:
            self._win32print.ClosePrinter(self._handle)
            self._handle = None


def _cups_sender() -> str | None:
    """Return the path of `lp`, or None when python-escpos's CupsPrinter (pycups) is usable;
    PrintingError when neither is."""
    lp = shutil.which("lp")
    if lp:
        return lp
    from escpos.printer import CupsPrinter

    if CupsPrinter.is_usable():
        return None
    raise PrintingError(
        "Máy này không có lệnh lp của CUPS: cài gói cups-client (hoặc pycups) / "
        "The CUPS lp command is not installed here: install cups-client (or pycups)"
    )


class CupsConnection(Connection):
    """Each `send` is one raw job in the CUPS queue."""

    def __init__(self, target: CupsTarget) -> None:
        super().__init__(target)
        self._lp = _cups_sender()
        self._name = target.name
        self._timeout = target.timeout

    def send(self, data: bytes) -> None:
        if self._lp is None:
            self._send_pycups(data)
            return
        self.started = True
        try:
            done = subprocess.run(
                [self._lp, "-d", self._name, "-o", "raw"],
                input=data,
                capture_output=True,
                timeout=self._timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self._unavailable(
                "(CUPS) không nhận lệnh in kịp", "(CUPS) did not take the job in time", exc
            ) from exc
        except OSError as exc:
            raise self._unavailable(
                "(CUPS): không chạy được lệnh lp", "(CUPS): cannot run lp", exc
            ) from exc
        if done.returncode != 0:
            self.started = False  # lp refused the job: nothing was queued
            reason = done.stderr.decode("utf-8", "replace").strip() or f"lp {done.returncode}"
            raise self._unavailable(
                "(CUPS) từ chối lệnh in: kiểm tra tên hàng đợi (lpstat -p)",
                "(CUPS) refused the job: check the queue name (lpstat -p)",
                reason,
            )

    def _send_pycups(self, data: bytes) -> None:
        from escpos.printer import CupsPrinter

        printer = CupsPrinter(printer_name=self._name)
        try:
            printer.open(job_name="counter-app")
            printer._raw(data)  # into a temporary file
            self.started = True
            printer.close()  # submits the job
        except Exception as exc:  # DeviceNotFoundError, and pycups's own IPPError, HTTPError
            raise self._unavailable(
                "(CUPS) không nhận lệnh in", "(CUPS) did not take the job", exc
            ) from exc


class FileConnection(Connection):
    """Appends to a regular file; writes to a device (/dev/usb/lp0) without blocking forever."""

    def __init__(self, target: FileTarget) -> None:
        super().__init__(target)
        self._timeout = target.timeout
        path = target.path
        try:
            regular = stat.S_ISREG(os.stat(path).st_mode)
        except FileNotFoundError:
            if str(path).startswith("/dev/"):
                raise self._unavailable(
                    "không có: kiểm tra cáp USB và nguồn máy in",
                    "is not there: check the USB cable and the printer's power",
                ) from None
            regular = True
        except OSError:
            regular = False
        flags = os.O_WRONLY | getattr(os, "O_BINARY", 0)
        if regular:
            flags |= os.O_APPEND | os.O_CREAT
        elif os.name == "posix":
            flags |= os.O_NONBLOCK  # a device of a stalled printer would block the writer
        self._blocking = regular or os.name != "posix"
        try:
            self._fd: int | None = os.open(path, flags, 0o644)
        except PermissionError as exc:
            raise self._unavailable(
                "không cho ghi: kiểm tra quyền (nhóm lp) hoặc thư mục",
                "refuses writing: check the permissions (lp group) or the folder",
                exc,
            ) from exc
        except OSError as exc:
            raise self._unavailable(
                "không mở được: kiểm tra đường dẫn, cáp và nguồn",
                "cannot be opened: check the path, cable and power",
                exc,
            ) from exc

    def send(self, data: bytes) -> None:
        assert self._fd is not None, "connection closed"
        view = memoryview(data)
        sent = 0
        try:
            while sent < len(view):
                self.started = True
                try:
                    sent += os.write(self._fd, view[sent : sent + CHUNK])
                except BlockingIOError:
                    _, ready, _ = select.select([], [self._fd], [], self._timeout)
                    if not ready:
                        raise TimeoutError(f"{len(view) - sent} bytes left") from None
        except TimeoutError as exc:
            raise self._unavailable(*_STALLED, exc) from exc
        except OSError as exc:
            raise self._unavailable(
                "không ghi được: kiểm tra ổ đĩa, cáp và nguồn",
                "cannot be written: check the disk, cable and power",
                exc,
            ) from exc

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def ensure_usable(target: PrinterTarget) -> None:
    """Raise PrintingError if this computer cannot drive `target` at all (a missing library,
    the wrong platform); do nothing otherwise. Does not touch the printer."""
    if isinstance(target, UsbTarget):
        _load_usb()
    elif isinstance(target, SerialTarget):
        _load_serial()
    elif isinstance(target, Win32Target):
        _load_win32()
    elif isinstance(target, CupsTarget):
        _cups_sender()


def open_connection(target: PrinterTarget | str) -> Connection:
    """Return an open connection to the printer (a URI is parsed first).

    Raises PrintingError for a bad URI or a printer this computer cannot drive, and
    PrinterUnavailable when the printer does not answer."""
    if isinstance(target, str):
        target = parse_printer_uri(target)
    if isinstance(target, TcpTarget):
        return TcpConnection(target)
    if isinstance(target, UsbTarget):
        return UsbConnection(target)
    if isinstance(target, SerialTarget):
        return SerialConnection(target)
    if isinstance(target, Win32Target):
        return Win32Connection(target)
    if isinstance(target, CupsTarget):
        return CupsConnection(target)
    return FileConnection(target)


def send_to_printer(uri: str, data: bytes) -> None:
    """Send `data` to the printer at `uri` in one connection; raises like `open_connection`."""
    with open_connection(uri) as conn:
        conn.send(data)
