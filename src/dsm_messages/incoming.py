"""A package being received by an :class:`~dsm_messages.endpoint.Endpoint`, read as it
arrives: push (the image written to the sink a store chooses) or pull (the envelope, then the
image's chunks, taken at the caller's pace). :meth:`Endpoint.package_reader
<dsm_messages.endpoint.Endpoint.package_reader>` starts one; the names are public from
:mod:`dsm_messages.endpoint`.
"""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeAlias, cast

import attrs

from .envelope import Envelope
from .errors import DsmError, FaultError, RemoteProtocolError
from .mtom import MAX_PACKAGE_BYTES, MAX_PARTS, MAX_ROOT_BYTES, PackageReader, Sink
from .rule_ids import DsmRule
from .rules import RULES
from .session import refusal

if TYPE_CHECKING:
    from .endpoint import Endpoint

__all__ = ["Attachment", "ImageChunk", "IncomingPackage", "Store", "rule_of"]


@attrs.frozen(kw_only=True)
class Attachment:
    """The part of a package an image sink is asked about: its Content-ID and Content-Type,
    and ``holder``, the element of the envelope that refers to it (``dsp:ImageData`` or
    ``wscn:ScanData``). A part no element refers to never reaches a sink.

    :param content_id: the part's Content-ID, without its angle brackets (what the
        ``xop:Include`` names after ``cid:``).
    :param content_type: the part's own Content-Type (``application/octet-stream`` when the
        package does not say).
    :param holder: the element that refers to the part, in prefixed form
        (``dsp:ImageData``).
    """

    content_id: str
    content_type: str
    holder: str


@attrs.frozen(kw_only=True)
class ImageChunk:
    """The next bytes of the image an :class:`IncomingPackage` is reading (pull mode): a
    ``memoryview`` of what was fed, valid as long as it is kept.

    :param attachment: the part the bytes belong to.
    :param data: the bytes, in the order they arrived: write them before feeding more.
    """

    attachment: Attachment
    data: memoryview


#: Where the image of a package goes, chosen with its envelope and its part in hand: a
#: :class:`~dsm_messages.mtom.Sink`, or ``None`` to drop it unwritten. (A callable taking the
#: envelope alone is accepted too.)
Store: TypeAlias = (
    Callable[[Envelope, Attachment], Sink | None] | Callable[[Envelope], Sink | None]
)


class IncomingPackage:
    """An MTOM package being received by an :class:`Endpoint` (see its ``package_reader``).

    Two ways to read it. Push: with a ``store``, the image is written to the sink it chooses
    from within :meth:`feed`. Pull (h11's ``next_event()``, for an asyncio server that awaits
    its disk): without one, after each :meth:`feed` take :meth:`next_event` until it returns
    ``None``: the envelope (once, as soon as the root part is in and applied), then
    :class:`ImageChunk` events, each written at the caller's pace before the next chunk is
    fed, so that what is held is one chunk whatever the speed of the disk. :meth:`close`
    ends the package and returns the request to answer.

    Made by :meth:`Endpoint.package_reader`, which says what each parameter means.

    :param endpoint: the endpoint that receives the package; its conversation is updated as
        soon as the root part is read.
    :param content_type: the package's ``Content-Type`` (``multipart/related``, with its
        boundary).
    :param store: where the image goes (push mode), or ``None`` for pull mode.
    :param max_parts: the most parts a package may have.
    :param max_package_bytes: the most bytes a package may have.
    :param max_root_bytes: the most bytes before the image (the envelope and its headers).
    :raises RemoteProtocolError: when the Content-Type announces no package that can be read.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        content_type: str,
        store: Store | None,
        *,
        max_parts: int = MAX_PARTS,
        max_package_bytes: int = MAX_PACKAGE_BYTES,
        max_root_bytes: int = MAX_ROOT_BYTES,
    ) -> None:
        self._endpoint = endpoint
        self._store = store
        self._store_takes_part = store is None or _takes_two(store)
        self._events: deque[Envelope | ImageChunk] = deque()
        self._abandoned = False
        #: parts no xop:Include refers to, dropped unwritten: refused when the package ends,
        #: unless a reference that names no part explains them (the one defect then)
        self._unreferenced_parts: list[tuple[Envelope, str]] = []
        self._placed: set[str] = set()  # the parts a reference names, met so far
        try:
            self._reader = PackageReader(
                content_type,
                sink=self._choose,
                read_envelope=self._read_root,
                tolerant=endpoint.profile == "lenient",
                max_parts=max_parts,
                max_package_bytes=max_package_bytes,
                max_root_bytes=max_root_bytes,
            )
        except DsmError as error:  # a Content-Type that announces no readable package
            rule = rule_of(error, DsmRule.MIME_MALFORMED)
            nothing_read = Envelope(action="", body=None)
            raise refusal(RemoteProtocolError, rule, str(error), nothing_read) from None

    @property
    def envelope(self) -> Envelope | None:
        """The request, once its root part was read and applied (``ImageData`` empty)."""
        return self._reader.envelope

    def feed(self, data: bytes) -> None:
        """The next bytes of the package, as they arrived. A :class:`FaultError` raised by
        the store or its sink reaches the caller unchanged: answer :attr:`envelope` with its
        fault (``endpoint.reply(reader.envelope, error.fault)``).

        :param data: the bytes, any number, in the order they arrived.
        :raises RemoteProtocolError: when the envelope is refused or the package is broken
            (answer with :meth:`Endpoint.refuse`).
        :raises ValueError: after :meth:`abandon`.
        """
        if self._abandoned:
            raise ValueError("the package was abandoned")
        try:
            self._reader.feed(data)
        except (RemoteProtocolError, FaultError):
            raise
        except DsmError as error:  # the MIME framing itself is broken
            raise self._refusal(error) from None

    def next_event(self) -> Envelope | ImageChunk | None:
        """The next thing read (pull mode): the envelope, then the image's chunks; ``None``
        when the reader needs more bytes (or the package is complete)."""
        return self._events.popleft() if self._events else None

    def close(self) -> Envelope:
        """The package is complete: its envelope (``ImageData`` empty: the image went to the
        store, or out as events). Raises :class:`RemoteProtocolError` when the package ended
        early or broken."""
        if self._abandoned:
            raise ValueError("the package was abandoned")
        try:
            envelope = self._reader.close().envelope
        except DsmError as error:
            raise self._refusal(error) from None
        if self._unreferenced_parts:
            read, message = self._unreferenced_parts[0]
            raise refusal(RemoteProtocolError, DsmRule.XOP_UNREFERENCED, message, read)
        return envelope

    def abandon(self) -> bool:
        """The connection carrying the package was lost: the reader stops (what it still held
        is dropped) and, if its envelope was applied, the request is abandoned
        (:meth:`Endpoint.abandon`): the device may send the image again. The image written so
        far is the caller's to discard. Returns whether a request was taken back."""
        self._abandoned = True
        self._events.clear()
        envelope = self._reader.envelope
        if envelope is None or envelope.message_id is None:
            return False
        return self._endpoint.abandon(envelope.message_id)

    def _read_root(self, data: bytes) -> Envelope:
        envelope = self._endpoint._read_root(data)
        if self._store is None:
            self._events.append(envelope)
        return envelope

    def _choose(self, envelope: Envelope, content_id: str) -> Sink | None:
        references = self._reader.references
        if content_id not in references:
            self._unreferenced(envelope, content_id)
            self._refuse_unreferenced(references)
            return None
        self._placed.add(content_id)
        self._refuse_unreferenced(references)  # (before a byte of this part is stored)
        attachment = Attachment(
            content_id=content_id,
            content_type=self._reader.content_types.get(content_id, ""),
            holder=references[content_id],
        )
        if self._store is None:
            return _Events(self._events, attachment)
        if self._store_takes_part:
            return cast("Callable[[Envelope, Attachment], Sink | None]", self._store)(
                envelope, attachment
            )
        return cast("Callable[[Envelope], Sink | None]", self._store)(envelope)

    def _refuse_unreferenced(self, references: Mapping[str, str]) -> None:
        """Refuse a part no reference names as soon as every reference found its part: no
        reference naming no part can explain it any more."""
        if self._unreferenced_parts and not references.keys() - self._placed:
            read, message = self._unreferenced_parts[0]
            raise refusal(RemoteProtocolError, DsmRule.XOP_UNREFERENCED, message, read)

    def _unreferenced(self, envelope: Envelope, content_id: str) -> None:
        """A part the envelope does not refer to: never stored; refused once every reference
        found its part, or when the package ends (a reference that names no part is then the
        one defect), or in a profile that tolerates it dropped with a warning."""
        rule = RULES[DsmRule.XOP_UNREFERENCED]
        message = f"the package part <{content_id}> is referred to by no xop:Include"
        if rule.severity(self._endpoint.profile) == "error":
            self._unreferenced_parts.append((envelope, message))
            return
        self._endpoint.session.warnings.append(rule.problem(self._endpoint.profile, message))

    def _refusal(self, error: DsmError) -> RemoteProtocolError:
        rule = rule_of(error, DsmRule.MIME_MALFORMED)
        # once its envelope was applied the request is answered like any other; before, it was
        # never seen, and the fault relates to nothing
        read = None if self._reader is None else self._reader.envelope
        envelope = read or Envelope(action="", body=None)
        return refusal(RemoteProtocolError, rule, str(error), envelope)


class _Events:
    """A sink that hands what it is given on as :class:`ImageChunk` events."""

    def __init__(self, events: deque[Envelope | ImageChunk], attachment: Attachment) -> None:
        self._events = events
        self._attachment = attachment

    def write(self, data: memoryview, /) -> None:
        self._events.append(ImageChunk(attachment=self._attachment, data=data))


def _takes_two(store: Callable[..., object]) -> bool:
    """Whether ``store`` takes the attachment besides the envelope."""
    try:
        parameters = inspect.signature(store).parameters.values()
    except (TypeError, ValueError):  # no signature to read: the current form
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    variadic = any(p.kind == p.VAR_POSITIONAL for p in parameters)
    return variadic or len(positional) >= 2


def rule_of(error: DsmError, default: str) -> str:
    """The validator code an error names (its ``code``, or the code its message starts
    with, as the binder writes them), else ``default``."""
    code = getattr(error, "code", None) or str(error).partition(":")[0]
    return code if isinstance(code, str) and code in RULES else default
