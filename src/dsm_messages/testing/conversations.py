"""Build DSM conversations as lists of parsed envelopes, so ordering tests read like protocol
stories.

The body builders (``*_body`` functions) make fresh model instances; :class:`Conversation` wraps
them in envelopes with fresh ``urn:uuid:`` MessageIDs, anonymous ReplyTo on requests and the
request's MessageID in the RelatesTo of every answer, and keeps the envelopes in travel order
in ``messages``. Every envelope goes through ``serialize`` and ``parse``, as on the wire.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement

from dsm_messages import ANONYMOUS, Envelope, parse, serialize
from dsm_messages.faults import DSP_INVALID_ARGS, Fault
from dsm_messages.models import dsc, dsd, dsp, wsa, wscn, wse
from dsm_messages.namespaces import WSE

from . import samples as s
from .bodies import (
    CONSOLE_SINK,
    DEVICE,
    DEVICE_SINK,
    DIALECTS,
    DSP_JOB_DESCRIPTION,
    DSP_JOB_STATUS,
    FINAL_FILTER_STATE,
    FINAL_REASON,
    REPOSITORY,
    SCAN_CLIENT_SINK,
    SCAN_SERVER,
    WSCN_JOB_STATUS,
    WSCN_SCANNER_DESCRIPTION,
    WSCN_SCANNER_STATUS,
    cancel_body,
    cleared_body,
    condition_body,
    create_body,
    created_body,
    dsc_end_state_body,
    dsc_status_body,
    dsc_summaries,
    dsd_end_body,
    dsd_job_elements_body,
    dsd_status_body,
    elements_body,
    end_body,
    end_state_body,
    get_elements_body,
    job_status,
    job_summaries,
    scanner_elements_body,
    send_image_body,
    status_body,
    summary_body,
)
from .samples import SAMPLES

__all__ = [
    "CONSOLE_SINK",
    "DEVICE",
    "DEVICE_SINK",
    "DIALECTS",
    "DSP_JOB_DESCRIPTION",
    "DSP_JOB_STATUS",
    "FINAL_FILTER_STATE",
    "FINAL_REASON",
    "REPOSITORY",
    "SCAN_CLIENT_SINK",
    "SCAN_SERVER",
    "WSCN_JOB_STATUS",
    "WSCN_SCANNER_DESCRIPTION",
    "WSCN_SCANNER_STATUS",
    "Conversation",
    "cancel_body",
    "cleared_body",
    "condition_body",
    "create_body",
    "created_body",
    "dsc_end_state_body",
    "dsc_status_body",
    "dsc_summaries",
    "dsd_end_body",
    "dsd_job_elements_body",
    "dsd_status_body",
    "elements_body",
    "end_body",
    "end_state_body",
    "envelope",
    "get_elements_body",
    "identifier_header",
    "job_status",
    "job_summaries",
    "message_id",
    "scan_subscribed",
    "scanner_elements_body",
    "send_image_body",
    "status_body",
    "summary_body",
    "wscn_status",
]

_EMPTY_RESPONSES: dict[type, type] = {
    dsp.SendImageRequest: dsp.SendImageResponse,
    dsp.EndPostScanJobRequest: dsp.EndPostScanJobResponse,
    dsp.CancelPostScanJobRequest: dsp.CancelPostScanJobResponse,
    dsc.CancelPostScanJobRequest: dsc.CancelPostScanJobResponse,
}


def message_id(namespace: uuid.UUID, number: int) -> str:
    """The ``number``-th MessageID of a conversation (a name-based UUID, so unique)."""
    return f"urn:uuid:{uuid.uuid5(namespace, str(number))}"


def envelope(
    body: object,
    *,
    to: str,
    message_id: str,
    relates_to: str | None = None,
    request: bool = False,
    headers: Sequence[bytes] = (),
) -> Envelope:
    """One message as it arrives: serialized, then parsed (``headers``: extra header blocks,
    such as the reference parameters an event echoes)."""
    return parse(
        serialize(
            body,
            to=to,
            message_id=message_id,
            relates_to=relates_to,
            reply_to=ANONYMOUS if request else None,
            headers=headers,
        )
    )


def identifier_header(identifier: str) -> bytes:
    """The header block every event of a subscription made with ``identifier`` echoes (see
    :meth:`Conversation.subscribe`)."""
    return f'<wse:Identifier xmlns:wse="{WSE}">{identifier}</wse:Identifier>'.encode()


# -- conversations -------------------------------------------------------------------------


class Conversation:
    """Messages in the order they travel. Every builder returns the envelope it added."""

    def __init__(self) -> None:
        self.messages: list[Envelope] = []
        self._namespace = uuid.uuid4()
        self._count = 0

    def new_id(self) -> str:
        self._count += 1
        return message_id(self._namespace, self._count)

    @contextmanager
    def aside(self) -> Iterator[list[Envelope]]:
        """Build messages without adding them to the conversation (a message that a story
        tries instead of, or besides, the conforming one). They are collected in the list
        the context yields."""
        before = len(self.messages)
        collected: list[Envelope] = []
        try:
            yield collected
        finally:
            collected.extend(self.messages[before:])
            del self.messages[before:]

    # -- generic ---------------------------------------------------------------------------
    def emit(
        self,
        body: object,
        *,
        to: str,
        relates_to: str | None = None,
        request: bool = False,
        message_id: str | None = None,
        headers: Sequence[bytes] = (),
    ) -> Envelope:
        message = envelope(
            body,
            to=to,
            message_id=message_id or self.new_id(),
            relates_to=relates_to,
            request=request,
            headers=headers,
        )
        self.messages.append(message)
        return message

    def request(self, body: object, to: str = SCAN_SERVER) -> Envelope:
        return self.emit(body, to=to, request=True)

    def answer(self, request: Envelope, body: object | None = None) -> Envelope:
        """The reply to ``request`` (the empty response of its operation unless given)."""
        if body is None:
            body = _EMPTY_RESPONSES[type(request.body)]()
        assert request.message_id is not None
        return self.emit(body, to=ANONYMOUS, relates_to=request.message_id)

    def fault(self, request: Envelope, fault: Fault = DSP_INVALID_ARGS) -> Envelope:
        assert request.message_id is not None
        return self.emit(fault.to_model(), to=ANONYMOUS, relates_to=request.message_id)

    def event(
        self, body: object, to: str = DEVICE_SINK, headers: Sequence[bytes] = ()
    ) -> Envelope:
        return self.emit(body, to=to, headers=headers)

    def copy_to(self, event: Envelope, to: str, headers: Sequence[bytes] = ()) -> Envelope:
        """The same event sent to another subscriber (``to``, echoing ``headers``): one
        event to every subscriber (MS-BDSRR 3.2.4.8), a copy of its body each."""
        return self.event(event.body, to, headers)

    def subscribe(
        self, to: str = SCAN_SERVER, sink: str = DEVICE_SINK, *, identifier: str | None = None
    ) -> Envelope:
        """Subscribe request and its response; returns the response. With an ``identifier``
        the NotifyTo carries it as a ``wse:Identifier`` reference parameter, which the
        subscription's events echo (:func:`identifier_header`): subscriptions at one sink
        are told apart by it."""
        body = copy.deepcopy(SAMPLES["wse:Subscribe"])
        assert isinstance(body, wse.Subscribe)
        assert body.delivery.notify_to is not None
        body.delivery.notify_to.address.value = sink
        if identifier is not None:
            body.delivery.notify_to.reference_parameters = wsa.ReferenceParametersType(
                any_element=[AnyElement(qname=f"{{{WSE}}}Identifier", text=identifier)]
            )
        request = self.request(body, to)
        return self.answer(request, copy.deepcopy(SAMPLES["wse:SubscribeResponse"]))

    # -- WS-DSP (device <-> scan server) -----------------------------------------------------
    def create(self, psp_identifier: str = s.PSP_ID) -> Envelope:
        return self.request(create_body(psp_identifier))

    def created(self, create: Envelope, token: str) -> Envelope:
        return self.answer(create, created_body(token))

    def open_job(self, token: str) -> Envelope:
        """CreatePostScanJob and the response minting ``token``; returns the response."""
        return self.created(self.create(), token)

    def send_image(self, token: str, document_id: int) -> Envelope:
        return self.request(send_image_body(token, document_id))

    def image(self, token: str, document_id: int) -> Envelope:
        """SendImage and its response; returns the response."""
        return self.answer(self.send_image(token, document_id))

    def end(self, token: str) -> Envelope:
        return self.request(end_body(token))

    def cancel(self, token: str) -> Envelope:
        return self.request(cancel_body(token))

    def get_elements(self, token: str, names: Sequence[QName] = (DSP_JOB_STATUS,)) -> Envelope:
        return self.request(get_elements_body(token, names))

    def elements(
        self,
        request: Envelope,
        names: Sequence[QName] = (DSP_JOB_STATUS,),
        status: dsp.JobStatusType | None = None,
    ) -> Envelope:
        return self.answer(request, elements_body(names, status))

    def status(self, token: str, state: str, **details: object) -> Envelope:
        return self.event(status_body(token, state, **details))

    def end_state(self, token: str, state: str = "Completed", **details: object) -> Envelope:
        return self.event(end_state_body(token, state, **details))  # type: ignore[arg-type]

    def finish_job(self, token: str, images: int) -> Envelope:
        """EndPostScanJob answered, the job processes and completes; returns the end state."""
        self.answer(self.end(token))
        self.status(token, "Processing", images=images, filter_state="Processing")
        return self.end_state(token, "Completed", images=images)

    # -- WS-DSD (console <-> device) -------------------------------------------------------
    def dsd_status(self, job_id: int, state: str, **details: object) -> Envelope:
        return self.event(dsd_status_body(job_id, state, **details), CONSOLE_SINK)  # type: ignore[arg-type]

    def dsd_end(self, job_id: int, state: str = "Completed", *, scans: int = 0) -> Envelope:
        return self.event(dsd_end_body(job_id, state, scans=scans), CONSOLE_SINK)

    def condition(self, condition_id: int, time: str = s.CONDITION_RAISED) -> Envelope:
        return self.event(condition_body(condition_id, time), CONSOLE_SINK)

    def cleared(self, condition_id: int, time: str = s.CONDITION_CLEARED) -> Envelope:
        return self.event(cleared_body(condition_id, time), CONSOLE_SINK)

    def summary(self, state: str, *reasons: str) -> Envelope:
        return self.event(summary_body(state, *reasons), CONSOLE_SINK)

    def get_active_jobs(self) -> Envelope:
        return self.request(dsd.GetActiveJobsRequest(), DEVICE)

    def get_job_history(self) -> Envelope:
        return self.request(dsd.GetJobHistoryRequest(), DEVICE)

    def get_job_elements(self, job_id: int) -> Envelope:
        return self.request(
            dsd.GetJobElementsRequest(
                job_id=job_id,
                requested_elements=wscn.RequestedJobElementsType(name=[WSCN_JOB_STATUS]),
            ),
            DEVICE,
        )

    def get_scanner_elements(self, names: Sequence[QName]) -> Envelope:
        return self.request(
            dsd.GetScannerElementsRequest(
                requested_elements=wscn.RequestedScannerElementsType(name=list(names))
            ),
            DEVICE,
        )

    # -- WS-DSC (console <-> scan server) ------------------------------------------------------
    def dsc_status(self, token: str, state: str, *, filter_state: str = "Processing") -> Envelope:
        return self.event(dsc_status_body(token, state, filter_state=filter_state), CONSOLE_SINK)

    def dsc_end_state(self, token: str, state: str = "Completed") -> Envelope:
        return self.event(dsc_end_state_body(token, state), CONSOLE_SINK)

    def dsc_cancel(self, token: str) -> Envelope:
        return self.request(dsc.CancelPostScanJobRequest(job_token=token), REPOSITORY)

    def dsc_get_active_jobs(self) -> Envelope:
        return self.request(dsc.GetActiveJobsRequest(), REPOSITORY)

    # -- WS-Scan (client <-> the device's scan service) ------------------------------------
    def scan_subscribe(self, *contexts: str, tokens: Sequence[str] | None = None) -> Envelope:
        """Subscribe to ScanAvailableEvent with one ScanDestination per ClientContext, and
        the device's response giving a DestinationToken per destination (``dest-<context>``
        unless ``tokens`` says otherwise); returns the response."""
        body = copy.deepcopy(s.SCAN_AVAILABLE_SUBSCRIBE)
        assert body.delivery.notify_to is not None
        body.delivery.notify_to.address.value = SCAN_CLIENT_SINK
        body.other_element = [
            wscn.ScanDestinations(
                scan_destination=[
                    wscn.ScanDestinationType(client_display_name=context, client_context=context)
                    for context in contexts
                ]
            )
        ]
        request = self.request(body, DEVICE)
        return self.answer(request, scan_subscribed(contexts, tokens))

    def scan_available(self, context: str, identifier: str) -> Envelope:
        return self.event(
            wscn.ScanAvailableEvent(client_context=context, scan_identifier=identifier),
            SCAN_CLIENT_SINK,
        )

    def create_scan_job(
        self,
        identifier: str | None = None,
        destination: str | None = None,
        *,
        images: int | None = None,
        source: str | None = None,
    ) -> Envelope:
        """A CreateScanJob: a push scan's (``identifier``, ``destination``), or a pull scan's
        (the ticket alone); ``images`` and ``source`` replace the sample ticket's
        ImagesToTransfer and InputSource."""
        body = copy.deepcopy(SAMPLES["wscn:CreateScanJobRequest"])
        assert isinstance(body, wscn.CreateScanJobRequest)
        body.scan_identifier, body.destination_token = identifier, destination
        _set_images(body.scan_ticket.document_parameters, images, source)
        return self.request(body, DEVICE)

    def scan_job_created(
        self,
        create: Envelope,
        job_id: int,
        token: str,
        *,
        images: int | None = None,
        source: str | None = None,
    ) -> Envelope:
        """The CreateScanJobResponse; ``images`` and ``source`` replace the sample's final
        ImagesToTransfer and InputSource."""
        body = copy.deepcopy(SAMPLES["wscn:CreateScanJobResponse"])
        assert isinstance(body, wscn.CreateScanJobResponse)
        body.job_id, body.job_token = job_id, token
        _set_images(body.document_final_parameters, images, source)
        return self.answer(create, body)

    def retrieve_image(self, job_id: int, token: str) -> Envelope:
        body = copy.deepcopy(SAMPLES["wscn:RetrieveImageRequest"])
        assert isinstance(body, wscn.RetrieveImageRequest)
        body.job_id, body.job_token = job_id, token
        return self.request(body, DEVICE)

    def image_retrieved(self, retrieve: Envelope) -> Envelope:
        return self.answer(retrieve, wscn.RetrieveImageResponse(scan_data=s.JPEG_BYTES))

    def retrieve(self, job_id: int, token: str) -> Envelope:
        """RetrieveImage and its response (the image inline); returns the response."""
        return self.image_retrieved(self.retrieve_image(job_id, token))

    def cancel_scan_job(self, job_id: int) -> Envelope:
        return self.request(wscn.CancelJobRequest(job_id=job_id), DEVICE)

    def scan_status(self, job_id: int, state: str) -> Envelope:
        return self.event(
            wscn.JobStatusEvent(job_status=wscn_status(job_id, state)), SCAN_CLIENT_SINK
        )

    def scan_end(self, job_id: int, state: str = "Completed", *, scans: int = 1) -> Envelope:
        body = copy.deepcopy(SAMPLES["wscn:JobEndStateEvent"])
        assert isinstance(body, wscn.JobEndStateEvent)
        body.job_end_state.job_id = job_id
        body.job_end_state.job_completed_state = state
        body.job_end_state.scans_completed = scans
        return self.event(body, SCAN_CLIENT_SINK)


def _set_images(
    parameters: wscn.DocumentParametersType | wscn.DocumentFinalParametersType | None,
    images: int | None,
    source: str | None,
) -> None:
    assert parameters is not None
    if images is not None:
        parameters.images_to_transfer = wscn.ImagesToTransferType(value=images)
    if source is not None:
        parameters.input_source = wscn.DocumentInputSourceType(value=source)


def scan_subscribed(
    contexts: Sequence[str], tokens: Sequence[str] | None = None
) -> wse.SubscribeResponse:
    """A SubscribeResponse giving ``tokens`` (``dest-<context>`` by default) to ``contexts``."""
    tokens = tokens or [f"dest-{context}" for context in contexts]
    assert len(tokens) == len(contexts), "one DestinationToken per ClientContext"
    body = copy.deepcopy(s.SCAN_AVAILABLE_SUBSCRIBE_RESPONSE)
    body.other_element = [
        wscn.DestinationResponses(
            destination_response=[
                wscn.DestinationResponseType(client_context=context, destination_token=token)
                for context, token in zip(contexts, tokens)  # noqa: B905 (lengths checked)
            ]
        )
    ]
    return body


def wscn_status(job_id: int, state: str) -> wscn.JobStatusType:
    status = copy.deepcopy(SAMPLES["wscn:JobStatusEvent"])
    assert isinstance(status, wscn.JobStatusEvent)
    status.job_status.job_id = job_id
    status.job_status.job_state = state
    return status.job_status
