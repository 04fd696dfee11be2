"""Implementations of WS-DSD and WS-DSC for the conformance kit's probes to play against, in
process: the examples have no device management face (WS-DSD) nor scan server console face
(WS-DSC). Each is written on an Endpoint, answers through ``send`` (the kit's transport) and
delivers its events to the kit's Listener directly.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from xml.etree.ElementTree import QName

import attrs
from xsdata.models.datatype import XmlDuration

from dsm_messages import Endpoint, Envelope, Fault, RemoteProtocolError, Subscriber
from dsm_messages import namespaces as ns
from dsm_messages.conformance import Listener
from dsm_messages.faults import ACTION_NOT_SUPPORTED, DSC_JOB_TOKEN_NOT_FOUND
from dsm_messages.models import dsc, dsd, dsp, wsa, wscn, wse
from dsm_messages.testing.samples import SAMPLES

SOAP = "application/soap+xml; charset=utf-8"
Answer = tuple[int, str, bytes]


class Double:
    """What both share: receive, refuse, reply, subscriptions, events to the kit's listener."""

    role: str = "device"

    def __init__(self, listener: Listener | None = None) -> None:
        self.endpoint = Endpoint(self.role)  # type: ignore[arg-type]
        self.listener = listener
        self.subscribers: list[tuple[Subscriber, str]] = []  # with the filter asked for

    def send(self, data: bytes, content_type: str, address: str) -> Answer:
        """The kit's transport."""
        package = content_type.startswith("multipart/")
        try:
            request = self.endpoint.receive(data, content_type=content_type if package else None)
        except RemoteProtocolError as error:
            if error.fault is None:
                return 202, "", b""
            return error.fault.http_status, SOAP, self.endpoint.refuse(error)
        if isinstance(request.body, wse.Subscribe):
            return self.reply(request, self.subscribe(request, request.body))
        answer = self.answer(request)
        if answer is None:
            answer = ACTION_NOT_SUPPORTED
        return self.reply(request, answer)

    def reply(self, request: Envelope, answer: object) -> Answer:
        status = answer.http_status if isinstance(answer, Fault) else 200
        return status, SOAP, self.endpoint.reply(request, answer)

    def subscribe(self, request: Envelope, body: wse.Subscribe) -> wse.SubscribeResponse:
        wanted = "" if body.filter is None else body.filter.value
        self.subscribers.append((Subscriber.from_subscribe(request), wanted))
        manager = wsa.EndpointReferenceType(address=wsa.AttributedURI(value="urn:double"))
        return wse.SubscribeResponse(
            subscription_manager=manager, expires=wse.ExpirationType(value=XmlDuration("PT1H"))
        )

    def notify(self, namespace: str, event: object) -> None:
        """Send ``event`` to every subscriber that asked for events of ``namespace``."""
        for subscriber, wanted in self.subscribers:
            if namespace in wanted and self.listener is not None:
                data = self.endpoint.event(event, subscriber=subscriber)
                if subscriber.address == self.listener.address:
                    self.listener.deliver(data, SOAP)

    def answer(self, request: Envelope) -> object | None:
        raise NotImplementedError


# -- a scan device's management face (WS-DSD) ----------------------------------------------------
def _element(name: QName, data: list[wscn.ScannerElementDataType]) -> wscn.ScannerElementDataType:
    known = next((element for element in data if element.qualified_name == name), None)
    if known is not None and known.qualified_valid:
        return known
    return wscn.ScannerElementDataType(qualified_name=name, qualified_valid=False)


class ManagedDevice(Double):
    """A scan device as its management console sees it: its elements, its jobs (the ones of
    the samples: two active, two finished), ticket validation."""

    role = "device"

    def __init__(self, listener: Listener | None = None) -> None:
        super().__init__(listener)
        elements = SAMPLES["dsd:GetScannerElementsResponse"]
        assert isinstance(elements, dsd.GetScannerElementsResponse)
        self.elements = list(elements.scanner_elements.element_data)
        active = SAMPLES["dsd:GetActiveJobsResponse"]
        history = SAMPLES["dsd:GetJobHistoryResponse"]
        assert isinstance(active, dsd.GetActiveJobsResponse)
        assert isinstance(history, dsd.GetJobHistoryResponse)
        self.active, self.history = active, history

    def answer(self, request: Envelope) -> object | None:
        body = request.body
        if isinstance(body, dsd.GetScannerElementsRequest):
            names = body.requested_elements.name
            data = [_element(name, self.elements) for name in names]
            return dsd.GetScannerElementsResponse(
                scanner_elements=wscn.ScannerElementsType(element_data=data)
            )
        if isinstance(body, dsd.GetActiveJobsRequest):
            return self.active
        if isinstance(body, dsd.GetJobHistoryRequest):
            return self.history
        if isinstance(body, dsd.GetJobElementsRequest):
            return self.job_elements(body)
        if isinstance(body, wscn.ValidateScanTicketRequest):
            sample = SAMPLES["wscn:ValidateScanTicketResponse"]
            assert isinstance(sample, wscn.ValidateScanTicketResponse)
            info = dataclasses.replace(
                sample.validation_info, valid_ticket=True, valid_scan_ticket=None
            )
            return wscn.ValidateScanTicketResponse(validation_info=info)
        return None

    def job_elements(self, body: dsd.GetJobElementsRequest) -> dsd.GetJobElementsResponse:
        jobs = [*self.active.active_jobs.job_summary, *self.history.job_history.job_summary]
        job = next(job for job in jobs if job.job_id == body.job_id)
        status = wscn.JobStatusType(
            job_id=job.job_id,
            job_state=job.job_state,
            job_state_reasons=job.job_state_reasons,
            scans_completed=job.scans_completed,
        )
        data = []
        for name in body.requested_elements.name:
            if name == QName(ns.WSCN, "JobStatus"):
                element = wscn.JobElementDataType(
                    job_status=status, qualified_name=name, qualified_valid=True
                )
            else:
                element = wscn.JobElementDataType(qualified_name=name, qualified_valid=False)
            data.append(element)
        return dsd.GetJobElementsResponse(job_elements=wscn.JobElementsType(element_data=data))


# -- a scan server: its devices' face (WS-DSP) and its console's (WS-DSC) -------------------------
@attrs.define
class PostScanJob:
    token: str
    psp_identifier: str
    user: str
    dialects: list[str]
    created: datetime
    images: int = 0
    state: str | None = None  # the end state, once finished


class ConsoleScanServer(Double):
    """A scan server with both faces, on one endpoint: the jobs devices create (WS-DSP) are
    the ones its console lists, follows and cancels (WS-DSC)."""

    role = "scan_server"

    def __init__(self, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self.jobs: dict[str, PostScanJob] = {}
        self.then: tuple[PostScanJob, str] | None = None

    def answer(self, request: Envelope) -> object | None:
        body = request.body
        respond = _ANSWERS.get(type(body))
        return None if respond is None else respond(self, body)

    # -- WS-DSP
    def create(self, body: dsp.CreatePostScanJobRequest) -> object:
        token = str(uuid.uuid4())
        filters = body.post_scan_instructions.filters_to_process.filter
        self.jobs[token] = PostScanJob(
            token=token,
            psp_identifier=body.psp_identifier,
            user=body.user_identifier,
            dialects=[item.dialect for item in filters],
            created=datetime.now(UTC),
        )
        return dsp.CreatePostScanJobResponse(job_token=token)

    def image(self, body: dsp.SendImageRequest) -> object:
        self.jobs[body.job_token].images += 1
        return dsp.SendImageResponse()

    def end(self, body: dsp.EndPostScanJobRequest) -> object:
        self.then = (self.jobs[body.job_token], "Completed")  # delivered once answered
        return dsp.EndPostScanJobResponse()

    def reply(self, request: Envelope, answer: object) -> Answer:
        answered = super().reply(request, answer)
        if self.then is not None:  # the job's end state goes out after the answer
            job, state = self.then
            self.then = None
            self.finish(job, state)
        return answered

    def cancel(self, body: dsp.CancelPostScanJobRequest | dsc.CancelPostScanJobRequest) -> object:
        job = self.jobs.get(body.job_token)
        if isinstance(body, dsc.CancelPostScanJobRequest):
            if job is None or job.state is not None:
                return DSC_JOB_TOKEN_NOT_FOUND
            self.then = (job, "Canceled")
            return dsc.CancelPostScanJobResponse()
        assert job is not None
        self.then = (job, "Canceled")
        return dsp.CancelPostScanJobResponse()

    # -- WS-DSC
    def active(self, _: object) -> object:
        jobs = [self.summary(job) for job in self.jobs.values() if job.state is None]
        return dsc.GetActiveJobsResponse(active_jobs=dsc.ListOfSummarysType(job_summary=jobs))

    def history(self, _: object) -> object:
        jobs = [self.summary(job) for job in self.jobs.values() if job.state is not None]
        return dsc.GetJobHistoryResponse(job_history=dsc.ListOfSummarysType(job_summary=jobs))

    def repository(self, body: dsc.GetRepositoryElementsRequest) -> object:
        sample = SAMPLES["dsc:GetRepositoryElementsResponse"]
        assert isinstance(sample, dsc.GetRepositoryElementsResponse)
        known = {element.name: element for element in sample.repository_elements.element_data}
        data = [
            known.get(name) or dsc.RepositoryElementDataType(name=name, valid=False)
            for name in body.requested_elements.name
        ]
        return dsc.GetRepositoryElementsResponse(
            repository_elements=dsc.RepositoryElementsType(element_data=data)
        )

    def job_elements(self, body: dsc.GetPostScanJobElementsRequest) -> object:
        job = self.jobs.get(body.job_token)
        if job is None:
            return DSC_JOB_TOKEN_NOT_FOUND
        data = []
        for name in body.requested_elements.name:
            if name == QName(ns.DSC, "JobStatus"):
                status = dsc.JobStatusType(
                    job_token=job.token,
                    job_state=job.state or "Processing",
                    job_state_reasons=dsc.JobStateReasonsType(
                        job_state_reason=[_REASONS[job.state]]
                    ),
                    filter_statuses=self.filters(job),
                    images_received=job.images,
                    job_created_time=job.created,
                )
                data.append(dsc.JobElementDataType(name=name, valid=True, job_status=status))
            else:
                data.append(dsc.JobElementDataType(name=name, valid=False))
        return dsc.GetPostScanJobElementsResponse(
            job_elements=dsc.JobElementsType(element_data=data)
        )

    def summary(self, job: PostScanJob) -> dsc.JobSummaryType:
        return dsc.JobSummaryType(
            job_token=job.token,
            psp_identifier=job.psp_identifier,
            psp_display_name="Scan to the double",
            job_originating_user_name=job.user,
            job_state=job.state or "Processing",
            job_state_reasons=dsc.JobStateReasonsType(job_state_reason=[_REASONS[job.state]]),
            filter_statuses=self.filters(job),
            images_received=job.images,
        )

    def filters(self, job: PostScanJob) -> dsc.FilterStatusesType:
        state = {None: "Processing", "Completed": "CompletedSuccessfully"}.get(
            job.state, "Canceled"
        )
        return dsc.FilterStatusesType(
            filter_status=[
                dsc.FilterStatusType(dialect=d, filter_state=state) for d in job.dialects
            ]
        )

    def finish(self, job: PostScanJob, state: str) -> None:
        job.state = state
        reasons = [_REASONS[state]]
        self.notify(
            ns.DSP,
            dsp.PostScanJobEndStateEvent(
                post_scan_job_end_state=dsp.PostScanJobEndStateType(
                    job_token=job.token,
                    psp_identifier=job.psp_identifier,
                    psp_display_name="Scan to the double",
                    job_originating_user_name=job.user,
                    job_completed_state=state,
                    job_completed_state_reasons=dsp.JobCompletedStateReasonsType(
                        job_state_reason=reasons
                    ),
                    filter_completed_statuses=dsp.FilterCompletedStatusesType(
                        filter_status=[
                            dsp.FilterStatusType(dialect=f.dialect, filter_state=f.filter_state)
                            for f in self.filters(job).filter_status
                        ]
                    ),
                    images_received=job.images,
                    job_completed_time=datetime.now(UTC),
                )
            ),
        )
        self.notify(
            ns.DSC,
            dsc.PostScanJobEndStateEvent(
                post_scan_job_end_state=dsc.PostScanJobEndStateType(
                    job_token=job.token,
                    psp_identifier=job.psp_identifier,
                    psp_display_name="Scan to the double",
                    job_originating_user_name=job.user,
                    job_completed_state=state,
                    job_completed_state_reasons=dsc.JobStateReasonsType(job_state_reason=reasons),
                    filter_completed_statuses=self.filters(job),
                    images_received=job.images,
                    job_completed_time=datetime.now(UTC),
                )
            ),
        )


_REASONS = {
    None: "None",
    "Completed": "PostScanJobCompletedSuccessfully",
    "Canceled": "PostScanJobCanceled",
}
_ANSWERS: dict[type, Callable[[ConsoleScanServer, object], object]] = {
    dsp.CreatePostScanJobRequest: ConsoleScanServer.create,  # type: ignore[dict-item]
    dsp.SendImageRequest: ConsoleScanServer.image,  # type: ignore[dict-item]
    dsp.EndPostScanJobRequest: ConsoleScanServer.end,  # type: ignore[dict-item]
    dsp.CancelPostScanJobRequest: ConsoleScanServer.cancel,  # type: ignore[dict-item]
    dsc.CancelPostScanJobRequest: ConsoleScanServer.cancel,  # type: ignore[dict-item]
    dsc.GetActiveJobsRequest: ConsoleScanServer.active,
    dsc.GetJobHistoryRequest: ConsoleScanServer.history,
    dsc.GetRepositoryElementsRequest: ConsoleScanServer.repository,  # type: ignore[dict-item]
    dsc.GetPostScanJobElementsRequest: ConsoleScanServer.job_elements,  # type: ignore[dict-item]
}
