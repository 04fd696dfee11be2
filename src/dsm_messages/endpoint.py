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
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta

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
    LocalProtocolError,
    RemoteProtocolError,
    ValidationError,
)
from .faults import Fault
from .incoming import Attachment, ImageChunk, IncomingPackage, Store, rule_of
from .messages import by_action
from .models import dsp, wsa, wscn, wse
from .mtom import (
    MAX_PACKAGE_BYTES,
    MAX_PARTS,
    MAX_ROOT_BYTES,
    PackageBody,
    Readable,
    build_retrieve_image_response,
    build_send_image,
)
from .namespaces import WSA
from .ordering.pairing import apart, destination
from .ordering.state import Destination
from .parsing import parse
from .rule_ids import DsmRule
from .rules import Profile
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
            rule = rule_of(error, default)
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


#: The fault an endpoint answers a refused event with, over a transport that answers the
#: message carrying it (HTTP): soap:Sender, the SOAP 1.2 code of a message at fault. No rule
#: row names a fault for an event, since no protocol answers one.
EVENT_REFUSED = Fault(code="Sender", reason="the event is refused")


def _is_event(envelope: Envelope) -> bool:
    announced = by_action(envelope.action.strip())
    return announced is not None and announced.kind == "event"
