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
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime

import attrs
from lxml import etree

from .binding import to_element
from .envelope import (
    ANONYMOUS,
    Envelope,
    make_envelope,
    make_reply,
    salvage_headers,
)
from .errors import DsmError, LocalProtocolError, RemoteProtocolError, ValidationError
from .faults import Fault
from .models import dsp, wsa, wscn, wse
from .mtom import (
    PackageReader,
    Readable,
    Sink,
    build_retrieve_image_response,
    build_send_image,
)
from .namespaces import WSA
from .parsing import parse
from .rule_ids import DsmRule
from .rules import RULES, Profile
from .session import Role, Session, refusal
from .validator import validate


class IncomingPackage:
    """An MTOM package being received by an :class:`Endpoint` (see its ``package_reader``)."""

    def __init__(
        self, endpoint: Endpoint, content_type: str, store: Callable[[Envelope], Sink | None]
    ) -> None:
        self._reader = PackageReader(
            content_type,
            sink=lambda envelope, _content_id: store(envelope),
            read_envelope=endpoint._read_root,
        )

    def feed(self, data: bytes) -> None:
        """The next bytes of the package, as they arrived."""
        try:
            self._reader.feed(data)
        except RemoteProtocolError:
            raise
        except DsmError as error:  # the MIME framing itself is broken
            raise self._refusal(error) from None

    def close(self) -> Envelope:
        """The package is complete: its envelope (``ImageData`` empty: the image went to the
        store). Raises :class:`RemoteProtocolError` when the package ended early or broken."""
        try:
            return self._reader.close().envelope
        except DsmError as error:
            raise self._refusal(error) from None

    def _refusal(self, error: DsmError) -> RemoteProtocolError:
        rule = _rule_of(error, DsmRule.MIME_MALFORMED)
        # once its envelope was applied the request is answered like any other; before, it was
        # never seen, and the fault relates to nothing
        envelope = self._reader.envelope or Envelope(action="", body=None)
        return refusal(RemoteProtocolError, rule, str(error), envelope)


def utc_now() -> datetime:
    """The current time in UTC: an :class:`Endpoint`'s default clock."""
    return datetime.now(UTC)


@attrs.frozen(kw_only=True)
class Subscriber:
    """Where a WS-Eventing subscription's events go: the ``NotifyTo`` address, and the
    reference parameters (and properties) of that endpoint reference, which every event echoes
    as header blocks."""

    address: str
    reference_parameters: tuple[bytes, ...] = ()

    @classmethod
    def from_subscribe(cls, request: Envelope) -> Subscriber:
        """The subscriber a received ``wse:Subscribe`` envelope names."""
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
            reference_parameters=tuple(etree.tostring(block) for block in parameters),
        )


class Endpoint:
    """The sans-I/O state of one DSM endpoint, one call per message.

    ``role`` is ``"device"``, ``"scan_server"`` or ``"control_point"``. ``profile`` decides how
    forgiving :meth:`receive` is (``"lenient"`` accepts the defects of Microsoft's published
    examples); what this endpoint sends is always checked in the strict profile unless
    ``check_outgoing`` is false.
    """

    def __init__(
        self,
        role: Role,
        *,
        profile: Profile = "strict",
        check_outgoing: bool = True,
        clock: Callable[[], datetime] | None = utc_now,
    ) -> None:
        if role == "observer":
            raise ValueError("an observer sends nothing: use Session('observer') to monitor")
        self.session = Session(role, profile=profile)
        self.profile: Profile = profile
        self.check_outgoing = check_outgoing
        #: What time each message is sent or received at, for the 10-minute job timeout
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
        metadata) names its ``action``."""
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
        (a WS-Discovery ProbeMatches carries the device's ``wsd:AppSequence``)."""
        envelope = make_reply(request, answer, message_id=message_id)
        if headers:
            envelope = attrs.evolve(envelope, extra_headers=tuple(headers))
        return self._send(envelope)

    def refuse(self, error: RemoteProtocolError) -> bytes:
        """The fault that answers a refused request (``error.fault`` to ``error.envelope``).

        Raises ``ValueError`` when the refused message was no request (nobody answers a
        response or an event): check ``error.fault`` first.
        """
        if error.fault is None:
            raise ValueError(f"{error.rule} asks for no fault: the message was no request")
        answer = make_reply(error.envelope, error.fault)
        if error.envelope.body is None:
            # The request was never applied (it could not be read): the session has no record
            # to relate the fault to, so it goes out unrecorded; and when not even its
            # MessageID could be read, the fault relates to nothing, as it must.
            data = answer.to_bytes()
            unrelated = error.envelope.message_id is None
            self._check(data, tolerate=_UNRELATED if unrelated else frozenset())
            return data
        return self._send(answer)

    def event(
        self, body: object, *, subscriber: Subscriber, message_id: str | None = None
    ) -> bytes:
        """An event to ``subscriber``, echoing its reference parameters as header blocks."""
        return self._send(
            make_envelope(
                body,
                to=subscriber.address,
                message_id=message_id,
                headers=subscriber.reference_parameters,
            )
        )

    def send_image(
        self,
        request: dsp.SendImageRequest,
        image: bytes | Readable,
        *,
        to: str,
        message_id: str | None = None,
    ) -> tuple[str, Iterator[bytes]]:
        """A SendImage request with its image as MTOM: the ``Content-Type`` and an iterator of
        chunks that reads ``image`` (bytes or a binary stream) as it is consumed.

        ``request.image_data`` is ignored. The session is updated before any chunk is made.
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
    ) -> tuple[str, Iterator[bytes]]:
        """The answer to a received WS-Scan RetrieveImage ``request``, its image as MTOM: the
        ``Content-Type`` and an iterator of chunks that reads ``image`` as it is consumed
        (``image_type`` is the image part's type, ``image/jpeg`` for a JFIF scan).

        ``response.scan_data`` is ignored. The session is updated before any chunk is made.
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

    def _check(self, data: bytes, *, tolerate: frozenset[str] = frozenset()) -> None:
        if not self.check_outgoing:
            return
        report = validate(data)
        errors = [
            problem
            for problem in report.problems
            if problem.severity == "error" and problem.rule not in tolerate
        ]
        if errors:
            first = errors[0]
            raise refusal(LocalProtocolError, first.rule, first.message, salvage_headers(data))

    # -- receiving -------------------------------------------------------------------------
    def package_reader(
        self, content_type: str, *, store: Callable[[Envelope], Sink | None]
    ) -> IncomingPackage:
        """A push reader for an MTOM package as it arrives (a SendImage): feed it the bytes,
        then ``close()`` it for the envelope.

        As soon as the root part is in, its envelope is validated and applied to the
        conversation; a refused one raises :class:`RemoteProtocolError` from ``feed`` before a
        byte of the image is written anywhere. Otherwise ``store(envelope)`` chooses where the
        image goes (a binary file, or ``None`` to drop it), with JobToken, DocumentId and
        Format in hand.
        """
        return IncomingPackage(self, content_type, store)

    def _read_root(self, data: bytes) -> Envelope:
        envelope = self._parse(data, None)
        self.session.receive(envelope, at=self._now())
        return envelope

    def _parse(self, data: bytes, content_type: str | None) -> Envelope:
        try:
            return parse(data, content_type=content_type, validate=True, profile=self.profile)
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
            rule = _rule_of(error, DsmRule.XSD)
            raise refusal(
                RemoteProtocolError, rule, str(error), salvage_headers(data, content_type)
            ) from None

    def receive(self, data: bytes, *, content_type: str | None = None) -> Envelope:
        """Read, validate and apply a message that arrived (an MTOM package with its
        ``content_type``). Raises :class:`RemoteProtocolError` naming the rule broken and the
        fault to answer with; :meth:`refuse` builds that answer."""
        envelope = self._parse(data, content_type)
        self.session.receive(envelope, at=self._now())
        return envelope

    def _now(self) -> datetime | None:
        return None if self.clock is None else self.clock()


def _rule_of(error: DsmError, default: str) -> str:
    """The validator code an error names (its ``code``, or the code its message starts
    with, as the binder writes them), else ``default``."""
    code = getattr(error, "code", None) or str(error).partition(":")[0]
    return code if isinstance(code, str) and code in RULES else default


_UNRELATED = frozenset({DsmRule.RELATES_TO_MISSING})
