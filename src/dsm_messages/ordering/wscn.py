"""WS-Scan's ordering rules (the WS-Scan element pages: CreateScanJobRequest/Response,
RetrieveImageRequest/Response, CancelJobRequest, ScanAvailableEvent, ScanIdentifier,
DestinationResponse, JobEndStateEvent, ImagesToTransfer): a push scan's subscription and
event, and the jobs a client creates and pulls images from.

A job the client pulls is over once the conversation shows it, whether or not a
JobEndStateEvent says so (a client that did not subscribe never sees one): every image the
job announced was sent (ImagesToTransfer of the response's DocumentFinalParameters, else of
the ticket; 0 means one image from the platen or the film, and as many as the feeder holds
from an ADF), a RetrieveImage was answered ``ClientErrorNoImagesAvailable`` or
``ClientErrorJobCancelled``, or a CancelJob was answered. From then on a RetrieveImage
breaks WSCN-9 or WSCN-10 and a CancelJobResponse WSCN-11; the device's own end state may
still come, once."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ..envelope import Envelope
from ..job_vocabulary import FINAL_JOB_STATES
from ..message_facts import Facts, JobReport
from ..namespaces import WSCN
from ..ordering_rules import WscnRule
from .pairing import GENERIC
from .protocol import ProtocolRules, listed
from .state import Pending, ReportedJob

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "PROTOCOL",
    "RETRIEVE_TIMEOUT",
    "apply",
    "destinations",
    "images_expected",
]

#: How long a WS-Scan device waits for the next RetrieveImage of a job before it aborts the job
#: with the reason JobTimedOut (WS-Scan CreateScanJobResponse).
RETRIEVE_TIMEOUT = timedelta(seconds=60)
#: States in which a job's images are no longer to be had: canceled or aborted (or on the way)
_CANCELED = frozenset({"Terminating", "Canceled", "Aborted"})
#: Input sources from which ImagesToTransfer 0 yields a single image (WS-Scan ImagesToTransfer)
_ONE_IMAGE = frozenset({"Platen", "Film"})
_NO_IMAGES = f"{{{WSCN}}}ClientErrorNoImagesAvailable"
_JOB_CANCELLED = f"{{{WSCN}}}ClientErrorJobCancelled"
_JOB_ID_NOT_FOUND = f"{{{WSCN}}}ClientErrorJobIdNotFound"


def images_expected(count: int | None, input_source: str | None) -> int | None:
    """How many images a job with ImagesToTransfer ``count`` from ``input_source`` yields;
    ``None`` when the conversation cannot know (an ADF scanned until empty, or no count).

    >>> images_expected(2, "ADF"), images_expected(0, "Platen"), images_expected(0, "ADF")
    (2, 1, None)
    """
    if count is None:
        return None
    if count > 0:
        return count
    return 1 if input_source in _ONE_IMAGE else None


def destinations(step: Step, facts: Facts, request: Pending) -> None:
    """A SubscribeResponse owes one DestinationResponse per ScanDestination subscribed."""
    given = facts.destinations or ()
    if sorted(context for context, _ in given) != sorted(request.client_contexts):
        step.breach(
            WscnRule.R8,
            f"destinations {listed(request.client_contexts)} were subscribed, the response "
            f"gives tokens for {listed(context for context, _ in given)}",
        )
    for context, token in given:
        step.world.destinations[token] = context


def apply(step: Step, facts: Facts, envelope: Envelope, request: Pending | None) -> None:
    """Apply a WS-Scan message, or a fault answering a WS-Scan request."""
    if facts.kind == "fault":
        if request is not None and request.operation == "RetrieveImage":
            _image_answered(step, facts, request)
        return  # otherwise a refused request changed nothing the device keeps
    operation, kind = facts.operation, facts.kind
    if operation == "ScanAvailableEvent":
        _scan_available(step, facts)
    elif operation == "CreateScanJob" and kind == "request":
        _create_scan_job(step, facts)
    elif operation == "CreateScanJob" and kind == "response":
        _created(step, facts, request)
    elif operation == "RetrieveImage" and kind == "request":
        _retrieve_image(step, facts)
    elif operation == "RetrieveImage" and request is not None:
        _image_answered(step, facts, request)
    elif operation == "CancelJob" and kind == "response" and request is not None:
        _canceled(step, request)
    for report in facts.reports:
        _report(step, report, in_response=kind == "response")


def _scan_available(step: Step, facts: Facts) -> None:
    world = step.world
    identifier = facts.scan_identifier or ""
    if identifier in world.scan_identifiers:
        step.breach(WscnRule.R5, f"ScanIdentifier {identifier!r} was announced before")
    contexts = set(world.destinations.values())
    # (a SubscribeResponse that could not be read: its destinations are those subscribed)
    awaiting = step.awaiting("wse", "Subscribe")
    contexts |= {context for request in awaiting for context in request.client_contexts}
    if not contexts:
        step.breach(WscnRule.R7, "ScanAvailableEvent although no ScanDestinations were subscribed")
    elif facts.client_contexts and facts.client_contexts[0] not in contexts:
        step.breach(
            WscnRule.R6,
            f"ClientContext {facts.client_contexts[0]!r} is none of the subscribed "
            f"destinations {listed(sorted(contexts))}",
        )
    world.scan_identifiers[identifier] = False


def _create_scan_job(step: Step, facts: Facts) -> None:
    world = step.world
    token = facts.destination_token
    if token is not None and token not in world.destinations:
        adopted = step.adopt("wse", "Subscribe", destinations=True)
        if adopted is not None:  # the token of a SubscribeResponse that could not be read
            world.destinations[token] = adopted[1].client_contexts[0]
        else:
            step.breach(
                WscnRule.R3, f"DestinationToken {token!r} was given by no SubscribeResponse"
            )
    identifier = facts.scan_identifier
    if identifier is None:
        return
    if identifier not in world.scan_identifiers:
        step.breach(
            WscnRule.R4, f"ScanIdentifier {identifier!r} was carried by no ScanAvailableEvent"
        )
    world.scan_identifiers[identifier] = True
    step.closed.append(("scan_identifiers", identifier))


def _created(step: Step, facts: Facts, request: Pending | None) -> None:
    world = step.world
    if facts.job is None:
        return  # (an answer that could not be read: its JobId shows itself later)
    job_id = facts.job
    # (its status events may have come first)
    known = world.jobs.get(("wscn", job_id)) or ReportedJob(protocol="wscn", job=job_id)
    if known.token is not None:
        step.breach(WscnRule.R12, f"JobId {job_id} was assigned before in this conversation")
        known = ReportedJob(protocol="wscn", job=job_id)  # (tolerated: a new job)
    count, source = facts.images_to_transfer, facts.input_source
    if request is not None:
        count = request.images_to_transfer if count is None else count
        source = source or request.input_source
    world.jobs["wscn", job_id] = step.update(
        known,
        token=facts.job_token,
        last_activity=step.now,
        images_expected=images_expected(count, source),
        unconfirmed=known.unconfirmed or step.unconfirmed,
    )


def _retrieve_image(step: Step, facts: Facts) -> None:
    world = step.world
    job_id = facts.job or ""
    job = world.jobs.get(("wscn", job_id))
    if job is None or job.token is None:
        adopted = step.adopt("wscn", "CreateScanJob")
        if adopted is None:
            step.breach(WscnRule.R1, f"JobId {job_id} was given by no CreateScanJobResponse")
            return
        # the job of a CreateScanJobResponse that could not be read shows itself
        job = step.update(
            job or ReportedJob(protocol="wscn", job=job_id),
            token=facts.job_token,
            unconfirmed=True,
            last_activity=step.now,
        )
        world.jobs["wscn", job_id] = job
    if facts.job_token != job.token:
        step.breach(
            WscnRule.R2, f"JobToken {facts.job_token!r} is not job {job_id}'s {job.token!r}"
        )
    state = job.end_state or job.state
    if job.canceled or state in _CANCELED:
        step.breach(WscnRule.R9, f"job {job_id} was {'canceled' if job.canceled else state}")
    elif state == "Completed":
        step.breach(WscnRule.R10, f"job {job_id} has completed")
    if (
        step.now is not None
        and job.last_activity is not None
        and step.now - job.last_activity > RETRIEVE_TIMEOUT
    ):
        world.jobs["wscn", job_id] = step.update(job, overdue=True)


def _image_answered(step: Step, facts: Facts, request: Pending) -> None:
    """An image (or a fault) answers a RetrieveImage: the job's next 60 seconds start; the
    last image announced, or a fault saying there are no more, ends the job."""
    world = step.world
    job = world.jobs.get(("wscn", request.job or ""))
    if job is None:
        return
    if job.overdue and facts.kind == "response":
        step.breach(
            WscnRule.R14,
            f"job {job.job} sent an image although RetrieveImage came more than "
            f"{RETRIEVE_TIMEOUT.seconds} s after its last exchange (JobTimedOut)",
        )
    job = step.update(job, overdue=False, last_activity=step.now or job.last_activity)
    if facts.kind == "response":
        job = step.update(job, images_sent=job.images_sent + 1)
        if job.images_expected is not None and job.images_sent >= job.images_expected:
            job = _over(step, job, "Completed")
    elif facts.fault_subcode == _NO_IMAGES:
        job = _over(step, job, "Completed")
    elif facts.fault_subcode == _JOB_CANCELLED:
        job = _over(step, step.update(job, canceled=True), "Canceled")
    elif facts.fault_subcode == _JOB_ID_NOT_FOUND and not job.ended:
        step.breach(WscnRule.R15, f"the device no longer knows job {job.job}, which was open")
        job = _over(step, job, None)
    world.jobs["wscn", job.job] = job


def _over(step: Step, job: ReportedJob, state: str | None) -> ReportedJob:
    """``job`` as the conversation shows it ended (in ``state``, unless it said otherwise)."""
    if job.ended:
        return job
    step.closed.append(("jobs", ("wscn", job.job)))
    return step.update(job, ended=True, end_state=job.end_state or state, ended_at=step.arrived)


def _canceled(step: Step, request: Pending) -> None:
    world = step.world
    job = world.jobs.get(("wscn", request.job or ""))
    if job is None:
        return
    if job.ended and (job.ended_at is None or job.ended_at <= request.arrived):
        # (a job that ended after the cancel was asked, an event telling so overtaking the
        # answer, was ended by the cancel)
        step.breach(WscnRule.R11, f"job {job.job} had ended {job.end_state}; cancel must fault")
        return
    if not job.ended:
        world.jobs["wscn", job.job] = _over(step, step.update(job, canceled=True), "Canceled")


def _report(step: Step, report: JobReport, *, in_response: bool) -> None:
    world = step.world
    key = ("wscn", report.job)
    job = world.jobs.get(key) or ReportedJob(protocol="wscn", job=report.job)
    if job.end_reported and not (in_response and report.state in FINAL_JOB_STATES):
        step.breach(
            WscnRule.R13,
            f"job {report.job} reported {report.state} after it ended {job.end_state}",
        )
        return
    if report.final:
        if not job.ended:
            step.closed.append(("jobs", key))
        world.jobs[key] = step.update(
            job,
            ended=True,
            end_reported=True,
            end_state=report.state,
            state=report.state,
            ended_at=step.arrived if job.ended_at is None else job.ended_at,
        )
    elif not job.ended:  # (a status after the conversation showed the end changes nothing)
        world.jobs[key] = step.update(job, state=report.state or job.state)


PROTOCOL = ProtocolRules(
    name="wscn",
    # a WS-Scan client is a control point of the device's scan service
    senders={"request": "control_point", "response": "device", "event": "device"},
    role=WscnRule.ROLE,
    pairing=GENERIC,
    apply=apply,
)
