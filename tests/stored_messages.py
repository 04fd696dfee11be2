"""Messages stored as files, as the command line and the archive recipe read them: an MTOM
package with its MIME headers, and an archive of a few hundred messages valid and not."""

from __future__ import annotations

import re
from pathlib import Path

from dsm_messages import ANONYMOUS, build_send_image
from dsm_messages.models import dsp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def sample_package() -> bytes:
    """A valid SendImage MTOM package as stored in a ``.mime`` file: headers, blank line,
    multipart body."""
    request = dsp.SendImageRequest(
        job_token="264a19bf-3604-4603-b59d-b47e0f669a1e",
        document_description=dsp.DocumentDescriptionType(
            document_id=1,
            format=dsp.DocumentFormatWKVType.PNG,
        ),
        image_data=b"",
    )
    content_type, chunks = build_send_image(
        request,
        b"\x89PNG\r\n\x1a\n\r\n--not-a-boundary\r\n",
        to="https://scansrv01.corp.example:5362/ScanServer/1",
        message_id="urn:uuid:5eb4f990-8f4b-4b55-b4e0-08e1d8e0c5d3",
        reply_to=ANONYMOUS,
    )
    headers = f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode()
    return headers + b"".join(chunks)


def write_archive(root: Path, count: int = 300) -> Path:
    """``count`` stored messages in nested folders below ``root``: envelopes, documents and
    packages, valid and not (cut short, a placeholder address, a MessageID that is no URI)."""
    bases = [
        (path.suffix, path.read_bytes())
        for path in sorted(EXAMPLES.rglob("*"))
        if path.suffix in (".xml", ".mime")
    ]
    bases.append((".mime", sample_package()))
    for number in range(count):
        suffix, data = bases[number % len(bases)]
        if number % 7 == 3:
            data = data[: len(data) // 2]  # cut short: not well-formed
        elif number % 11 == 5:
            data = re.sub(rb"<wsa:To>[^<]*</wsa:To>", b"<wsa:To>Destination</wsa:To>", data)
        elif number % 13 == 4:
            data = data.replace(b"urn:uuid:", b"uuid:", 1)
        path = root / f"batch-{number % 4}" / f"{number % 3}" / f"message-{number:04}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def stored(root: Path) -> list[Path]:
    """The message files below ``root`` in the order the command reads them."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".xml", ".mime") and p.is_file())
