"""Reading an MTOM package into its envelope and attachments, given how to read the envelope
from the root part's tree: the machinery under :class:`~dsm_messages.mtom.PackageReader` and
:func:`~dsm_messages.mtom.parse_package`, and under :func:`dsm_messages.envelope.parse` for a
package. It imports no envelope code: the reader of the envelope is given (``bind``), so the
envelope module can read packages with it, and :mod:`dsm_messages.mtom` builds on both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeAlias

import attrs
from lxml import etree

from ._mime import FrameReader
from .errors import DsmError, MtomError, MtomLimitError
from .package_parts import (
    HOLDER_ATTRIBUTE,
    MAX_PACKAGE_BYTES,
    MAX_PARTS,
    MAX_ROOT_BYTES,
    Sink,
    coalesced,
    missing_part,
    take_includes,
)
from .rule_ids import DsmRule
from .safexml import parse_xml
from .xml_types import XmlElement

if TYPE_CHECKING:
    from .envelope import Envelope

__all__ = ["Assembler", "ChooseSink", "Package", "read_package"]

#: Chooses where an attachment goes, given the parsed envelope and the part's Content-ID:
#: a :class:`Sink`, or ``None`` to drop the part without writing it anywhere.
ChooseSink: TypeAlias = "Callable[[Envelope, str], Sink | None]"


@attrs.frozen(kw_only=True)
class Package:
    """A parsed package: the envelope (attachments resolved into ``dsp:ImageData`` unless they
    went to a sink), every part's content type by Content-ID, and the defects tolerated on the
    way.

    :param envelope: the root part's envelope.
    :param content_types: the Content-Type of every part, by Content-ID.
    :param defects: the MIME defects read past in the tolerant mode, each in words.
    """

    envelope: Envelope
    content_types: dict[str, str]
    defects: tuple[str, ...] = ()


class Assembler:
    """Turns the parts the framing reader finds into a :class:`Package`."""

    def __init__(
        self,
        choose: ChooseSink | None,
        max_root_bytes: int,
        bind: Callable[[XmlElement], Envelope],
    ) -> None:
        self.choose = choose
        #: reads the envelope from the root part's tree (its ``xop:Include`` taken out)
        self.bind = bind
        self.max_root_bytes = max_root_bytes
        self.envelope: Envelope | None = None
        self.content_types: dict[str, str] = {}
        self.attachments: dict[str, bytes] = {}
        self.includes: list[tuple[str, XmlElement]] = []
        self.references: dict[str, str] = {}
        self.root_id: str | None = None
        self.early: list[tuple[str, list[memoryview]]] = []
        self.early_bytes = 0
        self.part_id = ""
        self.is_root = False
        self.pieces: list[memoryview] | None = None
        self.target: Sink | None = None

    def start_part(self, content_id: str, content_type: str, is_root: bool) -> None:
        self.content_types[content_id] = content_type
        self.part_id, self.is_root = content_id, is_root
        self.pieces, self.target = None, None
        if is_root:
            self.root_id = content_id
        if is_root or self.envelope is None or self.choose is None:
            self.pieces = []
        else:
            self.target = self.choose(self.envelope, content_id)

    def part_data(self, piece: memoryview) -> None:
        if self.pieces is not None:
            self.pieces.append(piece)
            if not self.is_root and self.envelope is None and self.choose is not None:
                # a part ahead of the root is held until the envelope says where it goes
                self.early_bytes += len(piece)
                if self.early_bytes > self.max_root_bytes:
                    raise MtomLimitError(
                        f"the parts before the root part hold more than {self.max_root_bytes} "
                        "bytes",
                        limit="max_root_bytes",
                        value=self.max_root_bytes,
                    )
        elif self.target is not None:
            self.target.write(piece)

    def end_part(self) -> None:
        pieces, self.pieces = self.pieces, None
        if pieces is None:
            return
        if self.is_root:
            self.read_root(b"".join(pieces))
            early, self.early = self.early, []
            for content_id, kept in early:
                self.deliver(content_id, kept)
        elif self.envelope is None and self.choose is not None:
            self.early.append((self.part_id, pieces))
        else:
            self.attachments[self.part_id] = b"".join(pieces)

    def deliver(self, content_id: str, pieces: list[memoryview]) -> None:
        assert self.envelope is not None
        assert self.choose is not None
        target = self.choose(self.envelope, content_id)
        if target is not None:
            for piece in pieces:
                target.write(piece)

    def read_root(self, data: bytes) -> None:
        root = parse_xml(data, max_bytes=self.max_root_bytes)
        self.includes = take_includes(root, self.root_id)
        for content_id, include in self.includes:
            holder = include.get(HOLDER_ATTRIBUTE, "")
            self.references.setdefault(content_id, holder)
        try:
            self.envelope = self.bind(root)
        except DsmError:
            raise
        except (etree.LxmlError, ValueError, TypeError, KeyError) as exc:
            raise MtomError(
                f"the root part cannot be read as a SOAP envelope: {exc}",
                code=DsmRule.XML_MALFORMED,
            ) from None

    def finish(self, defects: list[str]) -> Package:
        assert self.envelope is not None  # the framing reader saw the root part
        for content_id, include in self.includes:
            if content_id not in self.content_types:
                raise missing_part(content_id, include)
        body = self.envelope.body
        if self.includes and self.choose is None:
            from .models import dsp, wscn

            if isinstance(body, dsp.SendImageRequest):
                body.image_data = self.attachments[self.includes[0][0]]
            elif isinstance(body, wscn.RetrieveImageResponse):
                body.scan_data = self.attachments[self.includes[0][0]]
        return Package(
            envelope=self.envelope, content_types=dict(self.content_types), defects=tuple(defects)
        )


def read_package(
    data: bytes | Iterable[bytes],
    content_type: str,
    *,
    bind: Callable[[XmlElement], Envelope],
    sink: ChooseSink | None = None,
    tolerant: bool = False,
    max_parts: int = MAX_PARTS,
    max_package_bytes: int = MAX_PACKAGE_BYTES,
    max_root_bytes: int = MAX_ROOT_BYTES,
) -> Package:
    """Read a whole package (bytes, or an iterable of chunks) as
    :class:`~dsm_messages.mtom.PackageReader` reads one, the envelope read by ``bind``."""
    assembler = Assembler(sink, max_root_bytes, bind)
    frames = FrameReader(
        content_type,
        assembler,
        tolerant=tolerant,
        max_parts=max_parts,
        max_package_bytes=max_package_bytes,
        max_root_bytes=max_root_bytes,
    )
    if isinstance(data, bytes | bytearray | memoryview):
        frames.feed(bytes(data))
    else:
        for chunk in coalesced(data):
            frames.feed(chunk if type(chunk) is bytes else bytes(chunk))
    frames.close()
    return assembler.finish(frames.defects)
