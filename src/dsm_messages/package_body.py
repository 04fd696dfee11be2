"""A package being built, as the chunks a transport sends: made while they are consumed, and
with the package's length when it can be known beforehand (for a ``Content-Length`` header
rather than chunked transfer)."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator

__all__ = ["PackageBody", "size_of"]


class PackageBody(Iterator[bytes]):
    """The chunks of a package being built, made as they are consumed; ``length`` is the
    package's size in bytes when every part's size is known beforehand (``None`` otherwise),
    for a ``Content-Length`` header rather than chunked transfer."""

    def __init__(self, chunks: Iterator[bytes], length: int | None) -> None:
        self._chunks = chunks
        self.length = length

    def __next__(self) -> bytes:
        return next(self._chunks)


def size_of(data: object) -> int | None:
    """How many bytes ``data`` (bytes, or a binary stream to read) will give: its length, or
    what is left of a regular file or a seekable stream; ``None`` when a stream cannot tell
    (a pipe, a socket)."""
    if isinstance(data, bytes):
        return len(data)
    fileno = getattr(data, "fileno", None)
    seekable = getattr(data, "seekable", None)
    tell = getattr(data, "tell", None)
    seek = getattr(data, "seek", None)
    try:
        if callable(fileno) and callable(tell):
            status = os.fstat(fileno())
            if stat.S_ISREG(status.st_mode):
                return max(status.st_size - int(tell()), 0)
        if callable(seekable) and seekable() and callable(tell) and callable(seek):
            position = int(tell())  # an in-memory or any other seekable stream
            end = int(seek(0, io.SEEK_END))
            seek(position)
            return max(end - position, 0)
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return None
