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
from .samples import SAMPLES

#: The scan server's WS-DSP service (device -> scan server) and WS-DSC service (console ->
#: scan server), the device's WS-DSD service (console -> device), and the event sinks.
SCAN_SERVER = "https://scansrv01.contoso.com:5362/ScanServer/4d15d73c-bbcd-4cba-beae-07e1f8ea9475"
REPOSITORY = (
    "https://scansrv01.contoso.com:5362/ScanRepository/9a0c41d2-7b5e-4f83-a6d1-2e8b90c4f357"
)
DEVICE = "http://10.0.4.27:5357/1f0e8a6b-3c52-4d7e-9a61-58b2c0d4e937"
DEVICE_SINK = s.SCAN_SERVER_EVENT_SINK
CONSOLE_SINK = "http://10.0.9.12:5357/6c2a9e41-7d08-4b3f-a5c6-e1f9047b2d83"
#: A WS-Scan client's event sink (it subscribes to the device's ScanAvailableEvent).
SCAN_CLIENT_SINK = "http://10.0.9.40:5357/2b7d0f5c-91e3-4a68-bc14-7e5a3d9c0f26"

#: The filters of the sample CreatePostScanJobRequest (its PostScanInstructions).
DIALECTS = (s.FILESHARE_DIALECT, s.SHAREPOINT_DIALECT, s.EMAIL_DIALECT)
DSP_JOB_STATUS = QName(s.DSP_NS, "JobStatus")
DSP_JOB_DESCRIPTION = QName(s.DSP_NS, "JobDescription")
WSCN_JOB_STATUS = QName(s.WSCN_NS, "JobStatus")
WSCN_SCANNER_STATUS = QName(s.WSCN_NS, "ScannerStatus")
WSCN_SCANNER_DESCRIPTION = QName(s.WSCN_NS, "ScannerDescription")

# The reason a job's final state goes with (wsdp.md rule 31) and the final filter state.
FINAL_REASON = {
    "Completed": "PostScanJobCompletedSuccessfully",
    "Canceled": "PostScanJobCanceled",
    "Aborted": "PostScanJobProcessingFailed",
}
FINAL_FILTER_STATE = {
    "Completed": "CompletedSuccessfully",
    "Canceled": "Canceled",
    "Aborted": "Canceled",
}

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


# -- WS-DSP bodies -------------------------------------------------------------------------


def create_body(psp_identifier: str = s.PSP_ID) -> dsp.CreatePostScanJobRequest:
    body = copy.deepcopy(SAMPLES["dsp:CreatePostScanJobRequest"])
    assert isinstance(body, dsp.CreatePostScanJobRequest)
    body.psp_identifier = psp_identifier
    return body


def created_body(token: str) -> dsp.CreatePostScanJobResponse:
    return dsp.CreatePostScanJobResponse(job_token=token)


def send_image_body(token: str, document_id: int) -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token=token,
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id,
            format=dsp.DocumentFormatWKVType.PDF_A,
        ),
        image_data=s.PDF_BYTES,
    )


def end_body(token: str) -> dsp.EndPostScanJobRequest:
    return dsp.EndPostScanJobRequest(job_token=token)


def cancel_body(token: str) -> dsp.CancelPostScanJobRequest:
    return dsp.CancelPostScanJobRequest(job_token=token)


def get_elements_body(
    token: str, names: Sequence[QName] = (DSP_JOB_STATUS,)
) -> dsp.GetPostScanJobElementsRequest:
    return dsp.GetPostScanJobElementsRequest(
        job_token=token,
        requested_elements=dsp.RequestedElementsType(name=list(names)),
    )


def job_status(
    token: str,
    state: str,
    *,
    images: int = 0,
    filter_state: str | None = None,
    reasons: Sequence[str] = ("None",),
    dialects: Sequence[str] = DIALECTS,
    completed: str | None = None,
    created: str = s.CREATED_LOCAL,
) -> dsp.JobStatusType:
    """A JobStatus; its filters are ``filter_state`` (by default Pending, or the final filter
    state that goes with a final job state)."""
    filter_state = filter_state or FINAL_FILTER_STATE.get(state, "Pending")
    status = s.dsp_job_status(
        token,
        state,
        list(reasons),
        [s.dsp_filter_status(dialect, filter_state) for dialect in dialects],
        images,
        completed=completed,
    )
    status.job_created_time = s.dt(created)
    return status


def elements_body(
    names: Sequence[QName], status: dsp.JobStatusType | None = None
) -> dsp.GetPostScanJobElementsResponse:
    """One ElementData per name: the JobStatus given, or a JobDescription."""
    data = []
    for name in names:
        if name == DSP_JOB_STATUS and status is not None:
            item = dsp.ElementDataType(
                job_status=status, qualified_name=name, qualified_valid=True
            )
        else:
            item = dsp.ElementDataType(
                job_description=dsp.JobDescriptionType(
                    psp_identifier=s.PSP_ID,
                    psp_display_name=s.PSP_DISPLAY_NAME,
                    job_originating_user_name=s.USER_NAME,
                ),
                qualified_name=name,
                qualified_valid=True,
            )
        data.append(item)
    return dsp.GetPostScanJobElementsResponse(job_elements=dsp.JobElementsType(element_data=data))


def status_body(token: str, state: str, **details: object) -> dsp.PostScanJobStatusEvent:
    return dsp.PostScanJobStatusEvent(job_status=job_status(token, state, **details))  # type: ignore[arg-type]


def end_state_body(
    token: str,
    state: str = "Completed",
    *,
    reason: str | None = None,
    filter_state: str | None = None,
    images: int = 0,
    psp_identifier: str = s.PSP_ID,
    completed: str | None = s.COMPLETED_LOCAL,
) -> dsp.PostScanJobEndStateEvent:
    end = s.dsp_end_state()
    end.job_token = token
    end.psp_identifier = psp_identifier
    end.job_completed_state = state
    end.job_completed_state_reasons = dsp.JobCompletedStateReasonsType(
        job_state_reason=[reason or FINAL_REASON.get(state, "None")]
    )
    final_filter = filter_state or FINAL_FILTER_STATE.get(state, "Canceled")
    end.filter_completed_statuses = dsp.FilterCompletedStatusesType(
        filter_status=[s.dsp_filter_status(dialect, final_filter) for dialect in DIALECTS]
    )
    end.images_received = images
    end.job_completed_time = None if completed is None else s.dt(completed)
    return dsp.PostScanJobEndStateEvent(post_scan_job_end_state=end)


# -- WS-DSD bodies -------------------------------------------------------------------------


def dsd_status_body(
    job_id: int,
    state: str,
    *,
    scans: int = 0,
    reason: str = "JobScanning",
    completed: str | None = None,
) -> dsd.JobStatusEvent:
    return dsd.JobStatusEvent(
        job_status=s.wscn_job_status(job_id, state, [reason], scans, completed=completed)
    )


def dsd_end_body(job_id: int, state: str = "Completed", *, scans: int = 0) -> dsd.JobEndStateEvent:
    end = copy.deepcopy(SAMPLES["dsd:JobEndStateEvent"])
    assert isinstance(end, dsd.JobEndStateEvent)
    end.job_end_state.job_id = job_id
    end.job_end_state.job_completed_state = state
    end.job_end_state.job_completed_state_reasons = wscn.JobStateReasonsType(
        job_state_reason=["None"]
    )
    end.job_end_state.scans_completed = scans
    return end


def condition_body(
    condition_id: int, time: str = s.CONDITION_RAISED
) -> dsd.ScannerStatusConditionEvent:
    condition = s.lamp_warming_condition()
    condition.id = condition_id
    condition.time = s.dt(time)
    return dsd.ScannerStatusConditionEvent(device_condition=condition)


def cleared_body(
    condition_id: int, time: str = s.CONDITION_CLEARED
) -> dsd.ScannerStatusConditionClearedEvent:
    return dsd.ScannerStatusConditionClearedEvent(
        device_condition_cleared=wscn.DeviceConditionClearedType(
            condition_id=condition_id, condition_clear_time=s.dt(time)
        )
    )


def summary_body(state: str, *reasons: str) -> dsd.ScannerStatusSummaryEvent:
    return dsd.ScannerStatusSummaryEvent(
        status_summary=wscn.StatusSummaryType(
            scanner_state=state,
            scanner_state_reasons=wscn.ScannerStateReasonsType(
                scanner_state_reason=[r for r in reasons]
            ),
        )
    )


def job_summaries(*jobs: tuple[int, str]) -> wscn.ListOfSummarysType:
    return wscn.ListOfSummarysType(
        job_summary=[
            s.wscn_job_summary(job_id, s.PSP_DISPLAY_NAME, s.USER_NAME, state, ["None"], 0)
            for job_id, state in jobs
        ]
    )


def scanner_elements_body(
    names: Sequence[QName], *, active_conditions: Sequence[int] = ()
) -> dsd.GetScannerElementsResponse:
    """ElementData for the names given: ScannerStatus lists ``active_conditions``, every other
    name gets the scanner description."""
    data = []
    for name in names:
        if name == WSCN_SCANNER_STATUS:
            status = s.scanner_status()
            status.active_conditions = wscn.ActiveConditionsType(
                device_condition=[
                    condition_body(condition_id).device_condition
                    for condition_id in active_conditions
                ]
            )
            status.condition_history = None
            item = wscn.ScannerElementDataType(
                scanner_status=status, qualified_name=name, qualified_valid=True
            )
        else:
            item = wscn.ScannerElementDataType(
                scanner_description=s.scanner_description(),
                qualified_name=name,
                qualified_valid=True,
            )
        data.append(item)
    return dsd.GetScannerElementsResponse(
        scanner_elements=wscn.ScannerElementsType(element_data=data)
    )


def dsd_job_elements_body(
    job_id: int, state: str, *, scans: int = 0
) -> dsd.GetJobElementsResponse:
    completed = s.DEVICE_SCAN_DONE if state in ("Completed", "Canceled", "Aborted") else None
    return dsd.GetJobElementsResponse(
        job_elements=wscn.JobElementsType(
            element_data=[
                wscn.JobElementDataType(
                    job_status=s.wscn_job_status(
                        job_id, state, ["None"], scans, completed=completed
                    ),
                    qualified_name=WSCN_JOB_STATUS,
                    qualified_valid=True,
                )
            ]
        )
    )


# -- WS-DSC bodies -------------------------------------------------------------------------


def dsc_status_body(
    token: str, state: str, *, filter_state: str = "Processing"
) -> dsc.PostScanJobStatusEvent:
    status = s.dsc_job_status(completed=False)
    status.job_token = token
    status.job_state = state
    status.filter_statuses = dsc.FilterStatusesType(
        filter_status=[s.dsc_filter_status(dialect, filter_state) for dialect in DIALECTS]
    )
    return dsc.PostScanJobStatusEvent(job_status=status)


def dsc_end_state_body(token: str, state: str = "Completed") -> dsc.PostScanJobEndStateEvent:
    end = copy.deepcopy(SAMPLES["dsc:PostScanJobEndStateEvent"])
    assert isinstance(end, dsc.PostScanJobEndStateEvent)
    end.post_scan_job_end_state.job_token = token
    end.post_scan_job_end_state.job_completed_state = state
    end.post_scan_job_end_state.job_completed_state_reasons = s.dsc_reasons(FINAL_REASON[state])
    return end


def dsc_summaries(*jobs: tuple[str, str]) -> dsc.ListOfSummarysType:
    summaries = []
    for token, state in jobs:
        summary = copy.deepcopy(s.dsc_job_summaries(history=False).job_summary[0])
        summary.job_token = token
        summary.job_state = state
        summaries.append(summary)
    return dsc.ListOfSummarysType(job_summary=summaries)


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
