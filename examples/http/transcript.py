"""Every message exchanged, stored in wire order: ``NNN-<operation>.xml``, or ``.mime`` for an
MTOM package (with its MIME headers, so ``dsm-messages validate`` and ``check-sequence`` read it),
each with the head of the HTTP message that carries it beside it in ``NNN-<operation>.http``
(the sidecar ``check-sequence`` reads: the status of a response, the request line of a request,
and the Content-Type).

Each side records a message just before it sends it; the lock keeps the numbering in the order
the messages went out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from dsm_messages import HttpHead

SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"


def posted_to(url: str, content_type: str = SOAP_CONTENT_TYPE) -> HttpHead:
    """The head of a request that POSTs a message to ``url``."""
    return HttpHead.request(urlsplit(url).path or "/", content_type)


def answered_with(status: int, content_type: str = SOAP_CONTENT_TYPE) -> HttpHead:
    """The head of a response carrying a message with ``status``."""
    return HttpHead.response(status, content_type)


class Transcript:
    """Numbered files in ``directory``, one per message."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self._lock = threading.Lock()
        self._count = 0

    def _next(self, operation: str, suffix: str, http: HttpHead) -> Path:
        with self._lock:
            self._count += 1
            path = self.directory / f"{self._count:03d}-{operation}{suffix}"
        path.with_suffix(".http").write_text(http.to_text())
        return path

    def record(self, operation: str, data: bytes, http: HttpHead) -> None:
        """Store one SOAP message, with the head of the HTTP message that carries it."""
        self._next(operation, ".xml", http).write_bytes(data)

    def record_package(
        self, operation: str, content_type: str, chunks: Iterable[bytes], http: HttpHead
    ) -> Path:
        """Store an MTOM package as it is produced, chunk by chunk (never whole in memory);
        returns the file, whose body (after the MIME headers) is what goes on the wire."""
        path = self._next(operation, ".mime", http)
        with path.open("wb") as out:
            out.write(f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode())
            for chunk in chunks:
                out.write(chunk)
        return path


def package_body(path: Path, chunk_size: int = 1 << 16) -> tuple[int, Iterator[bytes]]:
    """The length and the chunks of a stored package's body (what follows its MIME headers)."""
    with path.open("rb") as stored:
        head = stored.read(4096)
    start = head.index(b"\r\n\r\n") + 4
    length = path.stat().st_size - start

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as stored:
            stored.seek(start)
            while chunk := stored.read(chunk_size):
                yield chunk

    return length, chunks()


def messages(directory: Path) -> list[Path]:
    """The messages stored in ``directory``, in wire order (their sidecars left out)."""
    return sorted(path for path in directory.iterdir() if path.suffix in (".xml", ".mime"))
