"""Helpers the documentation's examples share: reading the shipped example messages and
running the installed command.

Stored messages are either SOAP envelopes (``.xml``) or MTOM packages saved with their MIME
headers (``.mime``); these helpers read both with the public API only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from email.parser import BytesHeaderParser
from pathlib import Path

from dsm_messages import Envelope, parse, parse_package


def split_stored_package(data: bytes) -> tuple[str, bytes]:
    """The Content-Type and body of an MTOM package stored with its MIME headers."""
    head, body = re.split(rb"\r?\n[ \t]*\r?\n", data, maxsplit=1)
    headers = BytesHeaderParser().parsebytes(head + b"\r\n\r\n")
    return str(headers["Content-Type"]), body


def read_message(path: Path) -> Envelope:
    """One stored message, parsed: an envelope, or the envelope of an MTOM package."""
    data = path.read_bytes()
    if path.suffix == ".mime":
        content_type, body = split_stored_package(data)
        return parse_package(body, content_type).envelope
    return parse(data)


def read_conversation(folder: Path) -> list[Envelope]:
    """Every message of a stored conversation, in file-name order."""
    return [
        read_message(path) for path in sorted(folder.iterdir()) if path.suffix in (".xml", ".mime")
    ]


def dsm_messages_command(*arguments: str, stdin: bytes | None = None) -> tuple[int, str]:
    """Run the installed ``dsm-messages`` command; its exit status and standard output."""
    beside = shutil.which("dsm-messages", path=str(Path(sys.executable).parent))
    command = beside or shutil.which("dsm-messages") or "dsm-messages"
    done = subprocess.run(
        [command, *arguments], input=stdin, capture_output=True, check=False, timeout=120
    )
    return done.returncode, done.stdout.decode()
