"""One call per message: an endpoint that builds, checks and remembers in the same step.

An :class:`Endpoint` is the sans-I/O face of one DSM party (a device, a scan server, a
management console). Each call returns exactly what goes on the wire and updates the
conversation state (:class:`~dsm_messages.session.Session`) at once; a message that would
break a MUST rule is refused with :class:`~dsm_messages.session.LocalProtocolError` and changes
nothing. What arrives goes through :meth:`Endpoint.receive`: parsed, validated, applied, or
refused with :class:`~dsm_messages.session.RemoteProtocolError` carrying the fault to answer
with, even when the bytes could not be read (the error keeps the addressing headers that
could be).

>>> from dsm_messages.models import dsp, fsf, psp
>>> to_share = psp.FilterToProcessType(
...     dialect="http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare",
...     instructions=psp.FilterInstructionType(file_share_config=fsf.FileShareConfig(
...         file_shares=fsf.FileShareType(share_unc=[r"\\files01\\scans"]))))
>>> create = dsp.CreatePostScanJobRequest(
...     user_identifier="S-1-5-21-1004", psp_identifier="6a1b",
...     post_scan_instructions=psp.PostScanInstructionsType(
...         document_root_name="Invoices",
...         filters_to_process=psp.FilterToProcessListType(filter=[to_share])))
>>> device, server = Endpoint("device"), Endpoint("scan_server")
>>> wire = device.request(create, to="https://scansrv01.example:5362/ScanServer/7")
>>> request = server.receive(wire)
>>> answer = server.reply(request, dsp.CreatePostScanJobResponse(job_token="264a19bf"))
>>> device.receive(answer).body_as(dsp.CreatePostScanJobResponse).job_token
'264a19bf'
>>> from dsm_messages import parse, serialize
>>> wrong_case = serialize(  # built by hand: the device's endpoint would refuse to send it
...     dsp.EndPostScanJobRequest(job_token="264A19BF"), to="https://scansrv01.example/x")
>>> try:
...     server.receive(wrong_case)
... except RemoteProtocolError as error:
...     print(error.rule, error.fault)
...     refusal = server.refuse(error)  # the fault, addressed and related to the request
DSP-2 dsp:InvalidArgs (soap:Sender): an input argument is invalid
>>> parse(refusal).relates_to == parse(wrong_case).message_id
True
"""

from __future__ import annotations

import dataclasses
import inspect
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeAlias, cast

import attrs
from lxml import etree

from .aliases import PLACEHOLDERS
from .binding import to_element
from .element_text import strip_xml
from .envelope import (
    ANONYMOUS,
    Envelope,
    make_envelope,
    make_reply,
    salvage_headers,
)
from .errors import (
    DsmError,
    EnvelopeError,
    FaultError,
    LocalProtocolError,
    RemoteProtocolError,
    ValidationError,
)
from .faults import Fault
from .messages import by_action
from .models import dsp, wsa, wscn, wse
from .mtom import (
    MAX_PACKAGE_BYTES,
    MAX_PARTS,
    MAX_ROOT_BYTES,
    PackageBody,
    PackageReader,
    Readable,
    Sink,
    build_retrieve_image_response,
    build_send_image,
)
from .namespaces import WSA
from .ordering.pairing import apart, destination
from .ordering.state import Destination
from .parsing import parse
from .rule_ids import DsmRule
from .rules import RULES, Profile
from .safexml import DEFAULT_MAX_BYTES
from .session import DEFAULT_WINDOW, JOB_TIMEOUT, Role, Session, refusal
from .validator import is_absolute_uri, validate

__all__ = [
    "EVENT_REFUSED",
    "Attachment",
    "Endpoint",
    "ImageChunk",
    "IncomingPackage",
    "Store",
    "Subscriber",
    "utc_now",
]


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
            rule = _rule_of(error, DsmRule.MIME_MALFORMED)
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
            return self._reader.close().envelope
        except DsmError as error:
            raise self._refusal(error) from None

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
            return None
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

    def _unreferenced(self, envelope: Envelope, content_id: str) -> None:
        """A part the envelope does not refer to: refused (a decoy is never stored), or in a
        profile that tolerates it dropped unwritten with a warning."""
        rule = RULES[DsmRule.XOP_UNREFERENCED]
        message = f"the package part <{content_id}> is referred to by no xop:Include"
        if rule.severity(self._endpoint.profile) == "error":
            raise refusal(RemoteProtocolError, rule.id, message, envelope)
        self._endpoint.session.warnings.append(rule.problem(self._endpoint.profile, message))

    def _refusal(self, error: DsmError) -> RemoteProtocolError:
        rule = _rule_of(error, DsmRule.MIME_MALFORMED)
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


def utc_now() -> datetime:
    """The current time in UTC: an :class:`Endpoint`'s default clock."""
    return datetime.now(UTC)


@attrs.frozen(kw_only=True)
class Subscriber:
    """Where a WS-Eventing subscription's events go: the ``NotifyTo`` address, and the
    reference parameters (and properties) of that endpoint reference, which every event echoes
    as header blocks.

    :param address: where events are posted (the ``NotifyTo`` address).
    :param reference_parameters: the header blocks every event carries, each the bytes of one
        element.
    """

    address: str
    reference_parameters: tuple[bytes, ...] = ()

    @classmethod
    def from_subscribe(cls, request: Envelope) -> Subscriber:
        """The subscriber a received ``wse:Subscribe`` envelope names.

        :param request: the Subscribe request, as :meth:`Endpoint.receive` returned it.
        :raises TypeError: when given anything but an envelope (its body, its bytes).
        :raises ValueError: when the envelope is no ``wse:Subscribe`` with a ``NotifyTo``.
        """
        if not isinstance(request, Envelope):
            raise TypeError(
                f"from_subscribe takes the received envelope, not a {type(request).__name__}"
            )
        body = request.body
        if not isinstance(body, wse.Subscribe) or body.delivery.notify_to is None:
            raise ValueError("the envelope is no wse:Subscribe with a NotifyTo")
        notify_to = body.delivery.notify_to
        blocks: list[object] = []
        for holder in (notify_to.reference_properties, notify_to.reference_parameters):
            if holder is not None:
                blocks.extend(holder.any_element)
        # Wrapped in an EPR to serialize: a bare wildcard element has no element of its own.
        wrapper = to_element(
            wsa.EndpointReference(
                address=wsa.AttributedURI(value=ANONYMOUS),
                reference_parameters=wsa.ReferenceParametersType(any_element=blocks),
            )
        )
        parameters = wrapper.find(f"{{{WSA}}}ReferenceParameters")
        assert parameters is not None
        return cls(
            address=notify_to.address.value.strip(),
            reference_parameters=tuple(
                etree.tostring(block, encoding="UTF-8") for block in parameters
            ),
        )


class Endpoint:
    """The sans-I/O state of one DSM endpoint, one call per message.

    ``role`` is ``"device"``, ``"scan_server"`` or ``"control_point"``. ``profile`` decides how
    forgiving :meth:`receive` is (``"lenient"`` accepts the defects of Microsoft's published
    examples); what this endpoint sends is always checked in the strict profile unless
    ``check_outgoing`` is false. ``window`` and ``job_timeout`` are its
    :class:`~dsm_messages.session.Session`'s: for how many messages what closed stays known
    (10,000), and how long a job may go without EndPostScanJob (10 minutes).

    An endpoint is one party of one conversation: a scan server keeps one per device. Its
    calls are plain synchronous code, so the tasks of one asyncio event loop may share it
    (no call awaits inside); threads must not call it at once (hold a lock per endpoint).

    :param role: the party this endpoint is: ``"device"``, ``"scan_server"`` or
        ``"control_point"``.
    :param profile: how forgiving :meth:`receive` is: ``"strict"`` keeps the letter of the
        protocols, ``"lenient"`` reads what real peers send, with a warning.
    :param check_outgoing: whether every message this endpoint builds is validated (strict
        profile) before it is returned.
    :param clock: what time it is, asked once per message sent or received (the job timeout
        counts from a job's last message); ``None`` keeps no times.
    :param window: for how many messages a finished job, an answered request or a used
        MessageID stays known (``None``: forever).
    :param job_timeout: how long a WS-DSP job may go without EndPostScanJob before
        :meth:`Session.advance <dsm_messages.Session.advance>` reports it ended.
    :raises ValueError: for the role ``"observer"``, which sends nothing: use
        :class:`~dsm_messages.Session`.
    """

    def __init__(
        self,
        role: Role,
        *,
        profile: Profile = "strict",
        check_outgoing: bool = True,
        clock: Callable[[], datetime] | None = utc_now,
        window: int | None = DEFAULT_WINDOW,
        job_timeout: timedelta = JOB_TIMEOUT,
    ) -> None:
        if role == "observer":
            raise ValueError("an observer sends nothing: use Session('observer') to monitor")
        self.session = Session(role, profile=profile, window=window, job_timeout=job_timeout)
        self.profile: Profile = profile
        self.check_outgoing = check_outgoing
        #: What time each message is sent or received at, for the job timeout
        #: (``session.advance(now)`` reports the jobs it ended); ``None``: no times.
        self.clock = clock

    # -- sending ---------------------------------------------------------------------------
    def request(
        self,
        body: object,
        *,
        to: str,
        reply_to: str | wsa.EndpointReferenceType = ANONYMOUS,
        message_id: str | None = None,
        headers: Sequence[bytes] = (),
        action: str | None = None,
    ) -> bytes:
        """A request to ``to`` (a fresh MessageID, ReplyTo anonymous unless given). A request
        with an empty body (``body`` ``None``, such as the WS-Transfer Get of a device's
        metadata) names its ``action``.

        :param body: the request's body, a model instance (``dsp.CreatePostScanJobRequest``),
            or ``None`` for a request with an empty body.
        :param to: the address of the service it goes to (``wsa:To``).
        :param reply_to: where the answer goes (``wsa:ReplyTo``): the anonymous address (back
            on the same connection) unless given.
        :param message_id: its MessageID; a fresh ``urn:uuid:`` unless given.
        :param headers: extra header blocks, each the bytes of one element.
        :param action: the ``wsa:Action``; the body's own unless given (needed when ``body``
            is ``None``).
        :returns: the envelope's bytes, ready to send.
        :raises LocalProtocolError: when the request would break a rule (it changes nothing).
        """
        return self._send(
            make_envelope(
                body,
                to=to,
                reply_to=reply_to,
                message_id=message_id,
                headers=headers,
                action=action,
            )
        )

    def reply(
        self,
        request: Envelope,
        answer: object | Fault,
        *,
        message_id: str | None = None,
        headers: Sequence[bytes] = (),
    ) -> bytes:
        """The response or fault to a received ``request``: addressed to its ReplyTo (a fault to
        its FaultTo first) and related to its MessageID. ``headers`` are extra header blocks
        (a WS-Discovery ProbeMatches carries the device's ``wsd:AppSequence``).

        :param request: the request being answered, as :meth:`receive` returned it.
        :param answer: the response body (a model instance), or a :class:`Fault`.
        :param message_id: the answer's MessageID; a fresh ``urn:uuid:`` unless given.
        :param headers: extra header blocks, each the bytes of one element.
        :returns: the envelope's bytes, ready to send.
        :raises LocalProtocolError: when the answer would break a rule (a response to a
            request the conversation refuses, another fault than the one owed...).
        """
        envelope = make_reply(request, answer, message_id=message_id)
        if headers:
            envelope = attrs.evolve(envelope, extra_headers=tuple(headers))
        return self._send(envelope)

    def refuse(self, error: RemoteProtocolError) -> bytes:
        """The fault that answers a refused request (``error.fault`` to ``error.envelope``), or
        a refused event: no protocol answers an event, but over HTTP its receiver answers the
        POST that carried it, with :data:`EVENT_REFUSED` when it refuses it.

        Raises ``ValueError`` when the refused message was a response (nobody answers one):
        check ``error.fault`` first.

        The fault relates to the request's MessageID when it has one that is an absolute URI;
        otherwise (none, or one no reply can carry) it relates to nothing, as WS-Addressing
        has it. A request the session never applied (it could not be read), or whose
        MessageID it did not hold (a lenient placeholder such as ``uuid:UniqueMsgId``), is
        answered without a record.

        :param error: what :meth:`receive` (or an :class:`IncomingPackage`) raised.
        :returns: the fault's bytes, ready to send with ``error.fault.http_status``.
        :raises ValueError: when the refused message was a response.
        """
        fault = error.fault
        if fault is None and _is_event(error.envelope):
            fault = EVENT_REFUSED
        if fault is None:
            raise ValueError(f"{error.rule} asks for no fault: the message was no request")
        request = error.envelope
        written = request.message_id
        relates = written if written is not None and is_absolute_uri(written) else None
        # (an endpoint reference whose address is no URI cannot be answered at: the fault
        # goes back the way the request came, to the anonymous address)
        usable = {
            name: epr if epr is None or is_absolute_uri(epr.address.value) else None
            for name, epr in (
                ("reply_to", request.reply_to),
                ("fault_to", request.fault_to),
                ("from_", request.from_),
            )
        }
        request = attrs.evolve(request, message_id=relates, **usable)  # type: ignore[arg-type]
        answer = make_reply(request, fault)
        recorded = (
            request.body is not None
            and relates is not None
            and not (self.profile == "lenient" and strip_xml(relates) in PLACEHOLDERS)
        )
        if not recorded:
            data = answer.to_bytes()
            self._check(data)
            return data
        return self._send(answer)

    def event(
        self, body: object, *, subscriber: Subscriber, message_id: str | None = None
    ) -> bytes:
        """An event to ``subscriber``, echoing its reference parameters as header blocks.

        :param body: the event's body, a model instance (``dsp.PostScanJobStatusEvent``).
        :param subscriber: where it goes, as :meth:`Subscriber.from_subscribe` read it.
        :param message_id: its MessageID; a fresh ``urn:uuid:`` unless given.
        :returns: the envelope's bytes, ready to post to ``subscriber.address``.
        :raises LocalProtocolError: when the event would break a rule.
        """
        return self._send(
            make_envelope(
                body,
                to=subscriber.address,
                message_id=message_id,
                headers=subscriber.reference_parameters,
            )
        )

    def broadcast(
        self, body: object, *, subscribers: Iterable[Subscriber]
    ) -> list[tuple[Subscriber, bytes]]:
        """One event to every subscriber, in one call: applied to the conversation once, then
        addressed to each (its own MessageID, echoing its reference parameters). Returns each
        subscriber with the bytes to send it, in order; with no subscriber the event is still
        applied (a job's end state reported to nobody ends it all the same).

        The session knows where every copy went: the same event sent again to one of them is
        a second event (a second end state is refused, ``DSP-25``), while sent to another
        subscriber it is one more copy. Subscribers that cannot be told apart (one address,
        and reference parameters that are the same or missing) are one destination, which
        would take a second copy for a second event: it gets the event once, and only the
        first of them is returned.

        :param body: the event's body, a model instance (``dsp.PostScanJobEndStateEvent``).
        :param subscribers: every subscriber it goes to.
        :returns: ``(subscriber, bytes)`` for each subscriber that can be told apart from the
            ones before it, in the order given.
        :raises LocalProtocolError: when the event would break a rule (it changes nothing).
        """
        targets: list[Subscriber] = []
        envelopes: list[Envelope] = []
        kept: list[Destination] = []
        for target in subscribers:
            envelope = make_envelope(
                body, to=target.address, headers=target.reference_parameters, message_id=None
            )
            where = destination(envelope)
            if all(apart(where, other) for other in kept):
                targets.append(target)
                envelopes.append(envelope)
                kept.append(where)
        envelopes = envelopes or [make_envelope(body, to=ANONYMOUS)]
        wires = [envelope.to_bytes() for envelope in envelopes]
        for data in wires[: len(targets)]:
            self._check(data)
        now = self._now()
        for envelope in envelopes:  # the first is applied; the others are its copies
            self.session.send(envelope, at=now)
        return list(zip(targets, wires, strict=False))

    def abandon(self, request: Envelope | str) -> bool:
        """A request (sent or received; its envelope or MessageID) whose answer will never
        come: the connection carrying it was lost. See :meth:`Session.abandon
        <dsm_messages.session.Session.abandon>`: nothing it did stays half-applied, and the
        device may send it again (under a new MessageID), a SendImage with the same
        DocumentId included. Returns whether it was awaiting an answer.

        :param request: the request, as sent or received, or its MessageID.
        :returns: whether it was awaiting an answer (and is now forgotten).
        """
        message_id = request.message_id if isinstance(request, Envelope) else request
        return message_id is not None and self.session.abandon(message_id)

    def send_image(
        self,
        request: dsp.SendImageRequest,
        image: bytes | Readable,
        *,
        to: str,
        message_id: str | None = None,
    ) -> tuple[str, PackageBody]:
        """A SendImage request with its image as MTOM: the ``Content-Type`` and an iterator of
        chunks that reads ``image`` (bytes or a binary stream) as it is consumed; its
        ``length`` is the package's size when the image's is known (bytes, a file), for a
        ``Content-Length`` header.

        ``request.image_data`` is ignored. The session is updated before any chunk is made.

        :param request: the SendImage body: JobToken and DocumentDescription.
        :param image: the image, as bytes or a binary stream read as the chunks are consumed.
        :param to: the scan server's address (``wsa:To``).
        :param message_id: its MessageID; a fresh ``urn:uuid:`` unless given.
        :returns: the package's ``Content-Type`` and its body, an iterable of chunks.
        :raises LocalProtocolError: when the request would break a rule.
        """
        shell = dataclasses.replace(request, image_data=b"")
        envelope = make_envelope(shell, to=to, message_id=message_id)
        self._send(envelope)
        return build_send_image(
            request, image, to=to, message_id=envelope.message_id, reply_to=ANONYMOUS
        )

    def reply_image(
        self,
        request: Envelope,
        response: wscn.RetrieveImageResponse,
        image: bytes | Readable,
        *,
        image_type: str = "application/octet-stream",
        message_id: str | None = None,
    ) -> tuple[str, PackageBody]:
        """The answer to a received WS-Scan RetrieveImage ``request``, its image as MTOM: the
        ``Content-Type`` and an iterator of chunks that reads ``image`` as it is consumed
        (``image_type`` is the image part's type, ``image/jpeg`` for a JFIF scan).

        ``response.scan_data`` is ignored. The session is updated before any chunk is made.

        :param request: the RetrieveImage request being answered, as :meth:`receive` returned
            it.
        :param response: the RetrieveImageResponse body (its DocumentDescription).
        :param image: the image, as bytes or a binary stream read as the chunks are consumed.
        :param image_type: the image part's Content-Type.
        :param message_id: the answer's MessageID; a fresh ``urn:uuid:`` unless given.
        :returns: the package's ``Content-Type`` and its body, an iterable of chunks.
        :raises LocalProtocolError: when the answer would break a rule.
        """
        shell = dataclasses.replace(response, scan_data=b"")
        envelope = make_reply(request, shell, message_id=message_id)
        self._send(envelope)
        assert envelope.relates_to is not None  # make_reply refuses a request without one
        return build_retrieve_image_response(
            response,
            image,
            relates_to=envelope.relates_to,
            to=envelope.to or ANONYMOUS,
            message_id=envelope.message_id,
            content_type=image_type,
        )

    def _send(self, envelope: Envelope) -> bytes:
        data = envelope.to_bytes()
        self._check(data)
        self.session.send(envelope, at=self._now())
        return data

    def _check(self, data: bytes) -> None:
        if not self.check_outgoing:
            return
        errors = validate(data).errors
        if errors:
            first = errors[0]
            raise refusal(LocalProtocolError, first.rule, first.message, salvage_headers(data))

    # -- receiving -------------------------------------------------------------------------
    def package_reader(
        self,
        content_type: str,
        *,
        store: Store | None = None,
        max_parts: int = MAX_PARTS,
        max_package_bytes: int = MAX_PACKAGE_BYTES,
        max_root_bytes: int = MAX_ROOT_BYTES,
    ) -> IncomingPackage:
        """A reader for an MTOM package as it arrives (a SendImage): feed it the bytes, then
        ``close()`` it for the envelope.

        As soon as the root part is in, its envelope is validated and applied to the
        conversation; a refused one raises :class:`RemoteProtocolError` from ``feed`` before a
        byte of the image is written anywhere. Only the part the envelope's ``xop:Include``
        refers to is an image: any other part is refused (``DSM-XOP-UNREFERENCED``), never
        stored. ``store(envelope, attachment)`` chooses where the image goes (a binary file,
        or ``None`` to drop it), with JobToken, DocumentId, Format and the part's
        :class:`Attachment` in hand; without ``store`` the image comes out of
        :meth:`IncomingPackage.next_event` instead. The caps are
        :class:`~dsm_messages.mtom.PackageReader`'s: more than ``max_parts`` parts,
        ``max_package_bytes`` bytes or ``max_root_bytes`` bytes before the image are refused
        (``DSM-XML-FORBIDDEN``).

        :param content_type: the package's ``Content-Type`` header, boundary included.
        :param store: ``store(envelope, attachment)`` returns where the image goes (push
            mode), or ``None`` to read the image from :meth:`IncomingPackage.next_event`.
        :param max_parts: the most parts a package may have.
        :param max_package_bytes: the most bytes a package may have.
        :param max_root_bytes: the most bytes before the image (the envelope and its headers).
        :returns: the reader; feed it, then close it.
        :raises RemoteProtocolError: when the Content-Type announces no package that can be
            read.
        """
        return IncomingPackage(
            self,
            content_type,
            store,
            max_parts=max_parts,
            max_package_bytes=max_package_bytes,
            max_root_bytes=max_root_bytes,
        )

    def _read_root(self, data: bytes) -> Envelope:
        envelope = self._parse(data, None)
        self.session.receive(envelope, at=self._now())
        return envelope

    def _parse(
        self, data: bytes, content_type: str | None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> Envelope:
        try:
            return parse(
                data,
                content_type=content_type,
                validate=True,
                profile=self.profile,
                max_bytes=max_bytes,
            )
        except ValidationError as error:
            errors = [p for p in error.report.problems if p.severity == "error"]
            first = errors[0]
            message = first.message
            if content_type is None and data.lstrip()[:2] == b"--":
                message += " (an MTOM package? pass its Content-Type as content_type=)"
            raise refusal(
                RemoteProtocolError, first.rule, message, salvage_headers(data, content_type)
            ) from None
        except DsmError as error:  # what validation let through and binding refused
            # (a valid document is no message; anything else valid is bound, or a defect of
            # dsm-messages: the schemas' rule)
            default = DsmRule.BODY_UNKNOWN if isinstance(error, EnvelopeError) else DsmRule.XSD
            rule = _rule_of(error, default)
            raise refusal(
                RemoteProtocolError, rule, str(error), salvage_headers(data, content_type)
            ) from None

    def receive(
        self, data: bytes, *, content_type: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> Envelope:
        """Read, validate and apply a message that arrived (an MTOM package with its
        ``content_type``). Raises :class:`RemoteProtocolError` naming the rule broken and the
        fault to answer with; :meth:`refuse` builds that answer. An envelope over
        ``max_bytes`` (16 MiB by default) is refused (``DSM-XML-FORBIDDEN``): a server that
        reads no more than ``max_bytes + 1`` bytes of a request holds no more than that.

        :param data: the message as it arrived: an envelope, or an MTOM package's body.
        :param content_type: the package's ``Content-Type`` (boundary included) for an MTOM
            package; ``None`` for a plain envelope.
        :param max_bytes: the most bytes an envelope may have.
        :returns: the message, read and applied to the conversation.
        :raises RemoteProtocolError: when the message breaks a rule (it changes nothing).
        """
        envelope = self._parse(data, content_type, max_bytes)
        self.session.receive(envelope, at=self._now())
        return envelope

    def _now(self) -> datetime | None:
        return None if self.clock is None else self.clock()


def _rule_of(error: DsmError, default: str) -> str:
    """The validator code an error names (its ``code``, or the code its message starts
    with, as the binder writes them), else ``default``."""
    code = getattr(error, "code", None) or str(error).partition(":")[0]
    return code if isinstance(code, str) and code in RULES else default


#: The fault an endpoint answers a refused event with, over a transport that answers the
#: message carrying it (HTTP): soap:Sender, the SOAP 1.2 code of a message at fault. No rule
#: row names a fault for an event, since no protocol answers one.
EVENT_REFUSED = Fault(code="Sender", reason="the event is refused")


def _is_event(envelope: Envelope) -> bool:
    announced = by_action(envelope.action.strip())
    return announced is not None and announced.kind == "event"
