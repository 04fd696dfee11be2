"""WS-DSP probes: the kit is a scan device, the target a scan server (wsdp.md section 10).

The conversations (a job with several images, a canceled job, the job events) check what the
scan server sends; each ordering rule a scan server enforces has a probe that breaks it and
expects the fault the rule's row names, and where cheap checks that the refused request changed
nothing (the job still ends normally).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Generator
from typing import Any

from .. import namespaces as ns
from ..envelope import Envelope, new_message_id, serialize
from ..models import dsp
from ..mtom import build_send_image
from ..namespaces import ANONYMOUS
from ..rule_ids import DsmRule, DspRule
from .common import IMAGE, Registry, conversation_rules, image_request, scan_process
from .model import Script
from .play import Play

__all__ = ["EVENTS", "PROBES"]

Steps = Generator[Any, Any, Any]
_ = Registry("dsp")
CONVERSATION = conversation_rules("dsp")
#: The events a scan server sends its devices' subscriptions.
EVENTS = (f"{ns.DSP}/PostScanJobStatusEvent", f"{ns.DSP}/PostScanJobEndStateEvent")


# -- steps the probes share ------------------------------------------------------------------
def create_job(play: Play, *, rule: str | None = None) -> Steps:
    """CreatePostScanJob: the JobToken minted (the job is the probe's own)."""
    response = yield from play.call("dsp", scan_process(play), rule=rule)
    token: str = response.body_as(dsp.CreatePostScanJobResponse).job_token
    play.own("dsp", token)
    return token


def send_image(play: Play, token: str, document_id: int, *, rule: str | None = None) -> Steps:
    service = play.service("dsp")
    message_id = new_message_id()
    content_type, chunks = service.endpoint.send_image(
        image_request(token, document_id), IMAGE, to=service.address, message_id=message_id
    )
    summary = f"SendImage request (DocumentId {document_id})"
    data = b"".join(chunks)
    return (yield from play.send("dsp", data, content_type, message_id, summary, rule=rule))


def end_job(play: Play, token: str, *, rule: str | None = None) -> Steps:
    yield from play.call("dsp", dsp.EndPostScanJobRequest(job_token=token), rule=rule)
    play.done.add(("dsp", token))


def cancel_job(play: Play, token: str, *, rule: str | None = None) -> Steps:
    yield from play.call("dsp", dsp.CancelPostScanJobRequest(job_token=token), rule=rule)
    play.done.add(("dsp", token))


def end_state(play: Play, token: str, *, rule: str | None = None) -> Steps:
    """Wait for the job's PostScanJobEndStateEvent (the probe's time limit at most)."""

    def match(event: Envelope) -> bool:
        body = event.body
        return (
            isinstance(body, dsp.PostScanJobEndStateEvent)
            and body.post_scan_job_end_state.job_token == token
        )

    left = play.deadline - time.monotonic()
    return (
        yield from play.wait_event(
            match, what=f"PostScanJobEndStateEvent for job {token}", seconds=left, rule=rule
        )
    )


def subscribe(play: Play) -> Steps:
    return (yield from play.subscribe("dsp", EVENTS))


def raw(play: Play, body: object, *, message_id: str | None = None) -> tuple[bytes, str]:
    """A request built by hand, never applied to the kit's conversation: (bytes, MessageID)."""
    message_id = message_id or new_message_id()
    return serialize(body, to=play.service("dsp").address, message_id=message_id), message_id


def raw_image(play: Play, token: str, document_id: int) -> tuple[bytes, str, str]:
    """A SendImage built by hand: (package, Content-Type, MessageID)."""
    message_id = new_message_id()
    content_type, chunks = build_send_image(
        image_request(token, document_id),
        IMAGE,
        to=play.service("dsp").address,
        message_id=message_id,
        reply_to=ANONYMOUS,
    )
    return b"".join(chunks), content_type, message_id


def refused_image(play: Play, token: str, document_id: int, summary: str) -> Steps:
    data, content_type, message_id = raw_image(play, token, document_id)
    yield from play.refused(
        "dsp", data, content_type=content_type, message_id=message_id, summary=summary
    )


def refused_request(
    play: Play, body: object, summary: str, message_id: str | None = None
) -> Steps:
    data, message_id = raw(play, body, message_id=message_id)
    yield from play.refused("dsp", data, message_id=message_id, summary=summary)


# -- conversations -----------------------------------------------------------------------------
@_.probe(
    "subscribe",
    "A subscription to the job events is answered",
    rules=CONVERSATION,
    needs={"events"},
)
def subscription(play: Play) -> Script:
    """Subscribes the kit's listener to PostScanJobStatusEvent and PostScanJobEndStateEvent
    (WS-Eventing, push delivery, one hour); expects a valid SubscribeResponse related to the
    request."""
    if play.service("dsp").subscription is not None:
        play.passed_note = "the run had subscribed already"
    yield from subscribe(play)


@_.probe("job", "A job with three images is taken, ended and reported", rules=CONVERSATION)
def job(play: Play) -> Script:
    """Creates a job, sends three images (DocumentId 1 to 3, each SendImage answered before
    the next), ends it; with a listener, waits for the job's end state and judges every event
    (states in order, the end state after EndPostScanJob was answered, the images counted)."""
    if play.run.listener is not None:
        yield from subscribe(play)
    token = yield from create_job(play)
    for document_id in (1, 2, 3):
        yield from send_image(play, token, document_id)
    yield from end_job(play, token)
    if play.run.listener is not None:
        yield from end_state(play, token)
        yield from play.settle()


@_.probe("cancel", "A job canceled after its first image is reported", rules=CONVERSATION)
def canceled(play: Play) -> Script:
    """Creates a job, sends one image, cancels it; expects a CancelPostScanJobResponse and,
    with a listener, the job's end state (Canceled or Aborted, never Completed)."""
    if play.run.listener is not None:
        yield from subscribe(play)
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from cancel_job(play, token)
    if play.run.listener is not None:
        yield from end_state(play, token)
        yield from play.settle()


# -- refusals ------------------------------------------------------------------------------------
@_.probe("", "Refuses a JobToken no CreatePostScanJobResponse minted", rule=DspRule.R1)
def unknown_token(play: Play) -> Script:
    """Sends EndPostScanJob for a JobToken the scan server never minted."""
    body = dsp.EndPostScanJobRequest(job_token=str(uuid.uuid4()))
    yield from refused_request(play, body, "EndPostScanJob for a JobToken never minted")


@_.probe("", "Refuses a JobToken in another case than minted", rule=DspRule.R2)
def wrong_case(play: Play) -> Script:
    """Creates a job and sends one image; sends EndPostScanJob with the JobToken in another
    case (or padded, if it has no letters); then ends the job with the token as minted, which
    must still work."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    other = token.swapcase() if token.swapcase() != token else f" {token} "
    yield from refused_request(
        play,
        dsp.EndPostScanJobRequest(job_token=other),
        "EndPostScanJob with the JobToken in another case",
    )
    yield from end_job(play, token, rule=DspRule.R2)


@_.probe("", "Refuses a job request after a failed CreatePostScanJob", rule=DspRule.R4)
def after_failed_create(play: Play) -> Script:
    """Sends a CreatePostScanJob without its PostScanInstructions (a schema error the scan
    server must refuse), then EndPostScanJob with a JobToken of the kit's own making."""
    create = scan_process(play)
    data, message_id = raw(play, create)
    broken = data.replace(b"<dsp:PostScanInstructions>", b"<dsp:Instructions>", 1)
    broken = broken.replace(b"</dsp:PostScanInstructions>", b"</dsp:Instructions>", 1)
    yield from play.refused(
        "dsp",
        broken,
        message_id=message_id,
        summary="CreatePostScanJob without PostScanInstructions",
        rule=DsmRule.XSD,
    )
    body = dsp.EndPostScanJobRequest(job_token=str(uuid.uuid4()))
    yield from refused_request(play, body, "EndPostScanJob after a refused CreatePostScanJob")


@_.probe("", "Refuses SendImage for a job that has finished", rule=DspRule.R5, needs={"events"})
def image_after_finish(play: Play) -> Script:
    """Creates a job, sends one image, ends it and waits for its end state; then sends a
    second image."""
    yield from subscribe(play)
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from end_job(play, token)
    yield from end_state(play, token)
    yield from refused_image(play, token, 2, "SendImage for a job that has finished")


@_.probe("", "Refuses a DocumentId sent twice in one job", rule=DspRule.R7)
def document_id_twice(play: Play) -> Script:
    """Creates a job, sends image 1, sends image 1 again; then ends the job, which must still
    work."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from refused_image(play, token, 1, "SendImage repeating DocumentId 1")
    yield from end_job(play, token, rule=DspRule.R7)


@_.probe("", "Refuses a second EndPostScanJob", rule=DspRule.R9)
def end_twice(play: Play) -> Script:
    """Creates a job, sends one image, ends it, and ends it again."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from end_job(play, token)
    body = dsp.EndPostScanJobRequest(job_token=token)
    yield from refused_request(play, body, "a second EndPostScanJob")


@_.probe("", "Refuses SendImage after EndPostScanJob", rule=DspRule.R10)
def image_after_end(play: Play) -> Script:
    """Creates a job, sends one image, ends it; as soon as EndPostScanJob is answered, sends a
    second image."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from end_job(play, token)
    yield from refused_image(play, token, 2, "SendImage after EndPostScanJob")


@_.probe(
    "",
    "Refuses CancelPostScanJob for a job that has finished",
    rule=DspRule.R12,
    needs={"events"},
)
def cancel_after_finish(play: Play) -> Script:
    """Creates a job, sends one image, ends it and waits for its end state; then cancels
    it."""
    yield from subscribe(play)
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from end_job(play, token)
    yield from end_state(play, token)
    body = dsp.CancelPostScanJobRequest(job_token=token)
    yield from refused_request(play, body, "CancelPostScanJob for a finished job")


@_.probe("image", "Refuses SendImage after CancelPostScanJob", rule=DspRule.R13)
def image_after_cancel(play: Play) -> Script:
    """Creates a job, sends one image, cancels it; as soon as the cancel is answered, sends a
    second image."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from cancel_job(play, token)
    yield from refused_image(play, token, 2, "SendImage after CancelPostScanJob")


@_.probe("end", "Refuses EndPostScanJob after CancelPostScanJob", rule=DspRule.R13)
def end_after_cancel(play: Play) -> Script:
    """Creates a job, sends one image, cancels it; then ends it."""
    token = yield from create_job(play)
    yield from send_image(play, token, 1)
    yield from cancel_job(play, token)
    body = dsp.EndPostScanJobRequest(job_token=token)
    yield from refused_request(play, body, "EndPostScanJob after CancelPostScanJob")


@_.probe("", "Refuses a MessageID used twice", rule=DspRule.R19)
def reused_message_id(play: Play) -> Script:
    """Creates a job and sends one image; sends CancelPostScanJob for the job under the
    MessageID of its CreatePostScanJob; then ends the job, which must still work (the refused
    cancel changed nothing)."""
    token = yield from create_job(play)
    used = play.last_message_id
    yield from send_image(play, token, 1)
    body = dsp.CancelPostScanJobRequest(job_token=token)
    yield from refused_request(
        play, body, "CancelPostScanJob reusing the CreatePostScanJob's MessageID", used
    )
    yield from end_job(play, token, rule=DspRule.R19)


PROBES = tuple(_.probes)
