"""WS-Scan probes: the kit is a scan client, the target a WS-Scan device (the WS-Scan element
pages of windows-driver-docs, ``image/<element>.md``).

Two ways to scan: pull (the client creates a job with only a scan ticket and retrieves each
image until the job's images are transferred), and push (the client registers a scan
destination; someone at the device picks it and presses Scan; the device announces the scan
and the client creates its job with the announced ScanIdentifier and the DestinationToken it
was given). Push probes need someone at the device: the target description's ``press_scan``.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Generator
from typing import Any
from xml.etree.ElementTree import QName

from .. import namespaces as ns
from ..envelope import Envelope, new_message_id, serialize
from ..faults import WSCN_NO_IMAGES_AVAILABLE
from ..models import soap, wscn, wse
from ..rule_ids import WscnRule
from .common import Registry, conversation_rules, scan_ticket
from .model import Script
from .play import Play

__all__ = ["JOB_EVENTS", "PROBES"]

Steps = Generator[Any, Any, Any]
_ = Registry("wscn")
CONVERSATION = conversation_rules("wscn")
JOB_EVENTS = (f"{ns.WSCN}/JobStatusEvent", f"{ns.WSCN}/JobEndStateEvent")
SCAN_AVAILABLE = f"{ns.WSCN}/ScanAvailableEvent"
#: How many images the kit retrieves at most from a job that does not say how many it has.
MAX_IMAGES = 50
_SCANNER = ("ScannerDescription", "ScannerConfiguration", "ScannerStatus", "DefaultScanTicket")


class Job:
    """A scan job as the kit knows it: JobId, JobToken, how many images it announced."""

    def __init__(self, response: wscn.CreateScanJobResponse) -> None:
        self.job_id = response.job_id
        self.token = response.job_token
        final = response.document_final_parameters
        count = final.images_to_transfer if final is not None else None
        self.images: int | None = count.value if count is not None and count.value else None

    @property
    def key(self) -> tuple[str, str]:
        return ("wscn", str(self.job_id))


def create(play: Play, request: wscn.CreateScanJobRequest | None = None) -> Steps:
    """CreateScanJob (a pull scan: only a scan ticket, unless ``request`` says otherwise)."""
    request = request or wscn.CreateScanJobRequest(scan_ticket=scan_ticket())
    response = yield from play.call("wscn", request)
    job = Job(response.body_as(wscn.CreateScanJobResponse))
    play.own("wscn", str(job.job_id))
    return job


def retrieve_request(job: Job, page: int, token: str | None = None) -> wscn.RetrieveImageRequest:
    return wscn.RetrieveImageRequest(
        job_id=job.job_id,
        job_token=job.token if token is None else token,
        document_description=wscn.DocumentDescriptionType(document_name=f"page-{page}.jpg"),
    )


def retrieve(play: Play, job: Job, page: int, *, rule: str | None = None) -> Steps:
    """RetrieveImage for one page: the image must come back (as MTOM)."""
    return (yield from play.call("wscn", retrieve_request(job, page), rule=rule))


def retrieve_all(play: Play, job: Job) -> Steps:
    """Retrieve every image of ``job``: as many as it announced, else until the device says
    none are left (ClientErrorNoImagesAvailable after at least one). How many came."""
    if job.images is not None:
        for page in range(1, job.images + 1):
            yield from retrieve(play, job, page)
        play.done.add(job.key)
        return job.images
    for page in range(1, MAX_IMAGES + 1):
        answer = yield from play.call("wscn", retrieve_request(job, page), faults=True)
        if isinstance(answer.body, soap.Fault):
            if page == 1 or not play.is_fault(answer, WSCN_NO_IMAGES_AVAILABLE):
                play.stop(
                    f"RetrieveImage {page} of job {job.job_id} was refused",
                    expected="an image",
                    got=play.fault_text(answer),
                )
            play.done.add(job.key)
            return page - 1
    play.stop(f"job {job.job_id} still had images after {MAX_IMAGES}")


def cancel(play: Play, job: Job, *, rule: str | None = None) -> Steps:
    yield from play.call("wscn", wscn.CancelJobRequest(job_id=job.job_id), rule=rule)
    play.done.add(job.key)


def end_state(play: Play, job: Job) -> Steps:
    def match(event: Envelope) -> bool:
        body = event.body
        return isinstance(body, wscn.JobEndStateEvent) and body.job_end_state.job_id == job.job_id

    left = play.deadline - time.monotonic()
    what = f"JobEndStateEvent for job {job.job_id}"
    return (yield from play.wait_event(match, what=what, seconds=left))


def subscribe_jobs(play: Play) -> Steps:
    if play.run.listener is not None:
        yield from play.subscribe("wscn", JOB_EVENTS)


def destination(play: Play) -> Steps:
    """Register a scan destination of the kit's own (a subscription to ScanAvailableEvent
    with ScanDestinations): its display name, ClientContext and DestinationToken."""
    context = f"conformance-{uuid.uuid4().hex[:12]}"
    name = f"dsm-messages conformance {context[-4:]}"
    wanted = wscn.ScanDestinations(
        scan_destination=[
            wscn.ScanDestinationType(client_display_name=name, client_context=context)
        ]
    )
    play.own("wscn", context)
    response = yield from play.subscribe("wscn", (SCAN_AVAILABLE,), [wanted])
    body = response.body_as(wse.SubscribeResponse)
    tokens = [
        answer.destination_token
        for given in body.other_element
        if isinstance(given, wscn.DestinationResponses)
        for answer in given.destination_response
        if answer.client_context == context
    ]
    if not tokens:
        play.stop(
            "the SubscribeResponse gives no DestinationToken for the destination",
            rule=WscnRule.R8,
            expected=f"a DestinationResponse for {context}",
            got="none",
        )
    return name, context, tokens[0]


def announced(play: Play, name: str, context: str) -> Steps:
    """Someone presses Scan for the destination; the device's ScanAvailableEvent."""
    yield from play.press_scan(name)

    def match(event: Envelope) -> bool:
        body = event.body
        return isinstance(body, wscn.ScanAvailableEvent) and body.client_context == context

    left = play.deadline - time.monotonic()
    event = yield from play.wait_event(
        match, what=f"ScanAvailableEvent for {context}", seconds=left
    )
    return event.body_as(wscn.ScanAvailableEvent)


def raw(play: Play, body: object) -> tuple[bytes, str]:
    message_id = new_message_id()
    return serialize(body, to=play.service("wscn").address, message_id=message_id), message_id


def refused(play: Play, body: object, summary: str) -> Steps:
    data, message_id = raw(play, body)
    yield from play.refused("wscn", data, message_id=message_id, summary=summary)


# -- conversations -----------------------------------------------------------------------------
@_.probe("scanner-elements", "GetScannerElements reports the scanner", rules=CONVERSATION)
def scanner_elements(play: Play) -> Script:
    """Asks for ScannerDescription, ScannerConfiguration, ScannerStatus and
    DefaultScanTicket; expects a valid GetScannerElementsResponse."""
    names = [QName(ns.WSCN, name) for name in _SCANNER]
    body = wscn.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(name=names)
    )
    yield from play.call("wscn", body)


@_.probe(
    "subscribe",
    "A subscription to the job events is answered",
    rules=CONVERSATION,
    needs={"events"},
)
def subscription(play: Play) -> Script:
    """Subscribes the kit's listener to JobStatusEvent and JobEndStateEvent; expects a valid
    SubscribeResponse related to the request."""
    yield from play.subscribe("wscn", JOB_EVENTS)


@_.probe("pull-scan", "A client-initiated scan delivers every image", rules=CONVERSATION)
def pull_scan(play: Play) -> Script:
    """Creates a job with only a scan ticket (a pull scan); retrieves every image it
    announced (each as MTOM), or until ClientErrorNoImagesAvailable; with a listener, waits
    for the job's end state and judges every job event."""
    yield from subscribe_jobs(play)
    job = yield from create(play)
    yield from retrieve_all(play, job)
    if play.run.listener is not None:
        yield from end_state(play, job)
        yield from play.settle()


@_.probe("cancel", "A job canceled before its images is reported", rules=CONVERSATION)
def canceled(play: Play) -> Script:
    """Creates a pull job and cancels it at once; expects a CancelJobResponse and, with a
    listener, the job's end state (Canceled or Aborted)."""
    yield from subscribe_jobs(play)
    job = yield from create(play)
    yield from cancel(play, job)
    if play.run.listener is not None:
        yield from end_state(play, job)
        yield from play.settle()


@_.probe("job-lists", "The device lists and reports its jobs", rules=CONVERSATION)
def job_lists(play: Play) -> Script:
    """Creates a pull job; asks GetActiveJobs, then GetJobElements for the job's JobStatus;
    cancels the job and asks GetJobHistory (no finished job among the active ones, every one
    in the history finished)."""
    job = yield from create(play)
    yield from play.call("wscn", wscn.GetActiveJobsRequest())
    names = [QName(ns.WSCN, "JobStatus")]
    body = wscn.GetJobElementsRequest(
        job_id=job.job_id, requested_elements=wscn.RequestedJobElementsType(name=names)
    )
    yield from play.call("wscn", body)
    yield from cancel(play, job)
    yield from play.call("wscn", wscn.GetJobHistoryRequest())


@_.probe(
    "push-scan",
    "A scan started at the device reaches its destination",
    rules=CONVERSATION,
    needs={"events", "operator"},
)
def push_scan(play: Play) -> Script:
    """Registers a scan destination (one DestinationResponse must come back for it); has
    someone press Scan for it at the device; on the device's ScanAvailableEvent, creates the
    job with the announced ScanIdentifier and the destination's token and retrieves every
    image; waits for the job's end state."""
    yield from subscribe_jobs(play)
    name, context, token = yield from destination(play)
    event = yield from announced(play, name, context)
    request = wscn.CreateScanJobRequest(
        scan_identifier=event.scan_identifier, destination_token=token, scan_ticket=scan_ticket()
    )
    job = yield from create(play, request)
    yield from retrieve_all(play, job)
    yield from end_state(play, job)
    yield from play.settle()


# -- refusals ------------------------------------------------------------------------------------
@_.probe("", "Refuses RetrieveImage for a JobId it never gave", rule=WscnRule.R1)
def unknown_job(play: Play) -> Script:
    """Sends RetrieveImage for a JobId no CreateScanJobResponse gave (a large random one)."""
    job_id = random.randint(1_000_000_000, 2**31 - 1)
    body = wscn.RetrieveImageRequest(
        job_id=job_id,
        job_token=str(uuid.uuid4()),
        document_description=wscn.DocumentDescriptionType(document_name="page-1.jpg"),
    )
    yield from refused(play, body, f"RetrieveImage for JobId {job_id}, never given")


@_.probe("", "Refuses RetrieveImage with another job's JobToken", rule=WscnRule.R2)
def wrong_token(play: Play) -> Script:
    """Creates a pull job; sends RetrieveImage with a JobToken that is not the job's; then
    retrieves the first image with the right token, which must still come."""
    job = yield from create(play)
    body = retrieve_request(job, 1, token=f"{job.token}-not")
    yield from refused(play, body, "RetrieveImage with a JobToken not the job's")
    yield from retrieve(play, job, 1, rule=WscnRule.R2)


@_.probe(
    "",
    "Refuses CreateScanJob with a DestinationToken it never gave",
    rule=WscnRule.R3,
    needs={"events", "operator"},
)
def wrong_destination(play: Play) -> Script:
    """Registers a scan destination; has someone press Scan for it; creates the announced
    job with a DestinationToken the device never gave; then with the right one, which must
    still work (the job is canceled afterwards)."""
    name, context, token = yield from destination(play)
    event = yield from announced(play, name, context)
    body = wscn.CreateScanJobRequest(
        scan_identifier=event.scan_identifier,
        destination_token=f"{token}-not",
        scan_ticket=scan_ticket(),
    )
    yield from refused(play, body, "CreateScanJob with a DestinationToken never given")
    right = wscn.CreateScanJobRequest(
        scan_identifier=event.scan_identifier, destination_token=token, scan_ticket=scan_ticket()
    )
    yield from create(play, right)


@_.probe(
    "",
    "Refuses CreateScanJob with a ScanIdentifier it never announced",
    rule=WscnRule.R4,
    needs={"events"},
)
def unknown_scan(play: Play) -> Script:
    """Registers a scan destination (for a DestinationToken the device gave); creates a job
    with that token and a ScanIdentifier no ScanAvailableEvent carried."""
    _, _, token = yield from destination(play)
    body = wscn.CreateScanJobRequest(
        scan_identifier=f"uuid:{uuid.uuid4()}", destination_token=token, scan_ticket=scan_ticket()
    )
    yield from refused(play, body, "CreateScanJob with a ScanIdentifier never announced")


@_.probe("", "Refuses RetrieveImage for a canceled job", rule=WscnRule.R9)
def after_cancel(play: Play) -> Script:
    """Creates a pull job and cancels it; then asks for its first image."""
    job = yield from create(play)
    yield from cancel(play, job)
    yield from refused(play, retrieve_request(job, 1), "RetrieveImage after CancelJob")


@_.probe("", "Refuses RetrieveImage once every image was retrieved", rule=WscnRule.R10)
def after_last(play: Play) -> Script:
    """Creates a pull job and retrieves every image; then asks for one more."""
    job = yield from create(play)
    count = yield from retrieve_all(play, job)
    yield from refused(
        play, retrieve_request(job, count + 1), "RetrieveImage after the job's last image"
    )


@_.probe("", "Refuses to cancel a job that has completed", rule=WscnRule.R11)
def cancel_completed(play: Play) -> Script:
    """Creates a pull job and retrieves every image (the job completes); then cancels it:
    the device must answer with a fault, not a CancelJobResponse."""
    job = yield from create(play)
    yield from retrieve_all(play, job)
    yield from refused(
        play, wscn.CancelJobRequest(job_id=job.job_id), "CancelJob for a completed job"
    )


PROBES = tuple(_.probes)
