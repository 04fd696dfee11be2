"""WS-DSP's ordering rules (wsdp.md section 10): a job a device creates on a scan server, its
images, its end, and the events the server reports it with."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..envelope import Envelope
from ..job_states import (
    DSP_FILTER_MOVES,
    DSP_JOB_MOVES,
    DSP_JOB_PHASES,
    DSP_PHASE_MOVES,
    refused_by,
)
from ..job_vocabulary import FINAL_FILTER_STATES, is_final_or_vendor, is_vendor, leaves_final
from ..message_facts import Facts, JobReport
from ..ordering_rules import DspRule
from .protocol import BrokenRuleError, PairingRules, ProtocolRules
from .state import DspJob, Pending

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "PROTOCOL",
    "apply",
    "withdraw",
]


def apply(step: Step, facts: Facts, envelope: Envelope, request: Pending | None) -> None:
    """Apply a WS-DSP message, or a fault answering a WS-DSP request."""
    if facts.kind == "fault" and request is not None:
        _fault(step, request)
        return
    if facts.operation == "CreatePostScanJob":
        if facts.kind != "request":
            _mint(step, facts, request)
        return
    token = facts.job if facts.job is not None else (request.job if request else None)
    if token is None:
        return
    if facts.kind == "event":
        _event(step, facts, envelope, token)
    elif facts.kind == "request":
        _request(step, facts, token)
    elif facts.kind == "response":
        _response(step, facts, token, request)


def _fault(step: Step, request: Pending) -> None:
    if request.operation == "CreatePostScanJob":
        step.world.last_create_failed = True
    else:
        withdraw(step, request)


def withdraw(step: Step, request: Pending) -> None:
    """Take back what a request did that was answered with a fault, or whose answer will
    never come: a SendImage's image was not received (the device may send it again, section
    6 retry), an EndPostScanJob did not end the job (it may be sent again)."""
    world = step.world
    known = request.job or ""
    if request.operation == "SendImage" and known in world.dsp_jobs:
        job = world.dsp_jobs[known]
        step.update(
            job,
            images_outstanding=max(job.images_outstanding - 1, 0),
            images_sent=max(job.images_sent - 1, 0),
            document_ids=job.document_ids - {request.document_id or ""},
        )
    elif request.operation == "EndPostScanJob" and known in world.dsp_jobs:
        job = world.dsp_jobs[known]
        if job.phase == "ending":  # not ended: EndPostScanJob may be sent again
            step.update(job, phase="open", end_sent=False)


def _known_job(step: Step, token: str) -> DspJob | None:
    """The job ``token`` names; ``None`` (after reporting the rule it breaks) if none."""
    jobs = step.world.dsp_jobs
    job = jobs.get(token) or _adopted(step, token)
    if job is not None:
        return job
    near = [known for known in jobs if known.strip().lower() == token.strip().lower()]
    if near:
        step.breach(DspRule.R2, f"JobToken {token!r} is not byte for byte the minted {near[0]!r}")
        return jobs[near[0]]  # (followed: its receiver took it for the minted one)
    elif step.world.last_create_failed:
        step.breach(DspRule.R4, f"JobToken {token!r}: the last CreatePostScanJob ended in a fault")
    else:
        step.breach(
            DspRule.R1, f"JobToken {token!r} was not minted by a CreatePostScanJobResponse"
        )
    return None


def _adopted(step: Step, token: str) -> DspJob | None:
    """The job of a CreatePostScanJob whose response could not be read, now that its token
    shows itself (unconfirmed); ``None`` when no such create waits."""
    found = step.adopt("dsp", "CreatePostScanJob")
    if found is None:
        return None
    answered_at, create = found
    _mint(
        step,
        attrs.evolve(_TOKEN_SHOWN, minted_token=token),
        create,
        minted_at=answered_at,
        unconfirmed=True,
    )
    return step.world.dsp_jobs.get(token)


def _move(step: Step, job: DspJob, message: str) -> DspJob:
    """The job's phase after ``message`` (the phase table decides; a refused message leaves
    it where it was)."""
    after = DSP_JOB_PHASES[job.phase].get(message)
    if after is not None:
        return step.update(job, phase=after)
    rule = refused_by(DSP_PHASE_MOVES, job.phase, message)
    if rule is not None:
        step.breach(rule, f"{message} for JobToken {job.token!r} while the job is {job.phase}")
    return job


def _request(step: Step, facts: Facts, token: str) -> None:
    job = _known_job(step, token)
    if job is None:
        return
    operation = facts.operation
    if job.timed_out:
        step.breach(DspRule.R11, f"{operation} for JobToken {token!r}, which timed out")
    if operation == "GetPostScanJobElements":
        return
    if operation in ("SendImage", "EndPostScanJob") and job.cancel_sent:
        step.breach(DspRule.R13, f"{operation} after CancelPostScanJob")
    if operation == "EndPostScanJob" and job.end_sent:
        step.breach(DspRule.R9, f"a second EndPostScanJob for JobToken {token!r}")
    job = _move(step, job, operation)
    if operation == "EndPostScanJob":
        step.update(job, end_sent=True)
    elif operation == "CancelPostScanJob":
        step.update(job, cancel_sent=True)
    if operation == "SendImage":
        if facts.document_id is not None and facts.document_id in job.document_ids:
            step.breach(DspRule.R7, f"DocumentId {facts.document_id} was already sent in this job")
        if job.images_outstanding:
            step.breach(DspRule.R8, "SendImage sent while the previous one is unanswered")
        step.update(
            job,
            images_sent=job.images_sent + 1,
            images_outstanding=job.images_outstanding + 1,
            document_ids=job.document_ids | {facts.document_id or ""},
            last_activity=step.now or job.last_activity,
        )
    elif operation == "EndPostScanJob":
        if job.images_outstanding:
            step.breach(
                DspRule.R9, f"EndPostScanJob while {job.images_outstanding} SendImage unanswered"
            )
        if job.images_sent == 0:
            step.breach(DspRule.R6, f"job {token!r} ended with no image sent")


def _response(step: Step, facts: Facts, token: str, request: Pending | None) -> None:
    asked = token if request is None else request.job or token
    job = step.world.dsp_jobs.get(asked)
    if job is None and step.followed:  # a request its receiver took for another spelling
        near = [known for known in step.world.dsp_jobs if known.lower() == asked.lower()]
        job = step.world.dsp_jobs[near[0]] if near else None
    if job is None:
        return
    if facts.operation == "SendImage":
        step.update(
            job,
            images_outstanding=max(job.images_outstanding - 1, 0),
            images_answered=job.images_answered + 1,
        )
    elif facts.operation == "EndPostScanJob":
        unconfirmed = job.unconfirmed or step.unconfirmed
        step.update(
            _move(step, job, "EndPostScanJobResponse"), end_answered=True, unconfirmed=unconfirmed
        )
    elif facts.operation == "GetPostScanJobElements" and request is not None:
        step.mirror(facts, request, DspRule.R16, order=DspRule.R16)
        for report in facts.reports:
            if report.job == job.token:
                job = _report(step, job, report)
    world = step.world
    if facts.operation in _ACKNOWLEDGED_ENDS and not job.over and "dsp" not in world.subscribed:
        # nobody subscribed: no end state is owed, so the acknowledged end or cancel is the
        # last word about the job
        step.update(job, unreported=True)
        step.closed.append(("dsp_jobs", job.token))
    if job.token in world.early_ends:  # the end state that overtook this response, held until now
        index, held, envelope = world.early_ends[job.token]
        del world.early_ends[job.token]
        _held_event(step.at(index), held, envelope, job.token)


#: Responses after which a job is over when no end state is owed.
_ACKNOWLEDGED_ENDS = frozenset({"EndPostScanJob", "CancelPostScanJob"})


def _mint(
    step: Step,
    facts: Facts,
    create: Pending | None,
    *,
    minted_at: int | None = None,
    unconfirmed: bool = False,
) -> None:
    token = facts.minted_token
    if token is None:
        return
    world = step.world
    if token in world.dsp_jobs:
        step.breach(DspRule.R2, f"JobToken {token!r} was minted twice")
        return
    world.last_create_failed = False
    world.dsp_jobs[token] = DspJob(
        token=token,
        dialects=create.dialects if create else (),
        psp_identifier=create.psp_identifier if create else None,
        last_activity=step.now,
        minted_at=step.index if minted_at is None else minted_at,
        unconfirmed=unconfirmed or step.unconfirmed,
    )
    for index, held, envelope in world.held.take(token, ()):
        # rule 22: events that overtook this response; what they break is reported now,
        # about them, since the message that revealed the token was fine
        _held_event(step.at(index), held, envelope, token)


def _held_event(step: Step, facts: Facts, envelope: Envelope, token: str) -> None:
    """Apply an event held until the message applied now: one that breaks a rule is
    reported as deferred, about itself, and changes nothing (the message applied now was
    fine)."""
    mark = len(step.world.log)
    try:
        _event(step, facts, envelope, token)
    except BrokenRuleError as broken:
        step.world.undo(since=mark)
        step.deferred.append(step.problem(broken.rule, broken.message, step.index))


def _event(step: Step, facts: Facts, envelope: Envelope, token: str) -> None:
    world = step.world
    step.expect_subscription("dsp", DspRule.R20, facts.operation)
    job = world.dsp_jobs.get(token) or _adopted(step, token)
    if job is None:
        # rule 22: the event may overtake the response that reveals its token
        world.held[token] = (*world.held.get(token, ()), (step.index, facts, envelope))
        return
    if step.received and job.phase == "ending" and _completed(facts):
        # rule 25's race: sent after the EndPostScanJobResponse, it overtook it on its own
        # connection; held until the response is applied, as rule 22 holds status events
        if token in world.early_ends:
            step.breach(DspRule.R25, f"a second end state for job {token!r}")
        world.early_ends[token] = (step.index, facts, envelope)
        return
    for report in facts.reports:
        if report.final:
            job = _move(step, job, "PostScanJobEndStateEvent")
            if report.state == "Completed" and not job.end_answered:
                step.breach(
                    DspRule.R25, "a Completed end state before EndPostScanJob was answered"
                )
            job = _final(step, job, report)
        elif job.phase == "finished":
            step.breach(DspRule.R26, f"status event after the end state of job {token!r}")
        else:
            job = _report(step, job, report)
    if job.phase == "finished":
        step.closed.append(("dsp_jobs", token))


def _completed(facts: Facts) -> bool:
    return any(report.final and report.state == "Completed" for report in facts.reports)


def _report(step: Step, job: DspJob, report: JobReport) -> DspJob:
    state = report.state
    if state is not None and job.state is not None and state != job.state:
        step.move(DSP_JOB_MOVES, job.state, state, f"job {job.token!r}")
    if report.count is not None and job.count is not None and report.count < job.count:
        step.breach(DspRule.R34, f"ImagesReceived went from {job.count} down to {report.count}")
    step.filters(DSP_FILTER_MOVES, job.filters, report.filters)
    if job.dialects and report.filters:
        reported = {dialect for dialect, _ in report.filters}
        if reported != set(job.dialects):
            step.breach(DspRule.R33, "filter dialects differ from the job's instructions")
    step.times(DspRule.R35, report, state or job.state, created=report.created)
    return step.update(
        job,
        state=state or job.state,
        count=report.count if report.count is not None else job.count,
        filters=report.filters or job.filters,
        created=report.created or job.created,
    )


def _final(step: Step, job: DspJob, report: JobReport) -> DspJob:
    state = report.state or ""
    if not is_final_or_vendor(state):
        step.breach(DspRule.R30, f"end state {state!r} is not Aborted, Canceled or Completed")
    if leaves_final(job.state, state):
        step.breach(DspRule.R28, f"end state {state} after the final state {job.state}")
    step.times(DspRule.R35, report, state, created=job.created)
    step.reasons(DspRule.R31, state, report.reasons)
    for dialect, filter_state in report.filters:
        if filter_state not in FINAL_FILTER_STATES and not is_vendor(filter_state):
            step.breach(DspRule.R32, f"filter {dialect} is {filter_state} in the end state")
    if report.count is not None and report.count != job.images_answered and job.images_sent:
        step.breach(
            DspRule.R34,
            f"end state counts {report.count} images; {job.images_answered} were accepted",
        )
    if report.psp_identifier and job.psp_identifier not in (None, report.psp_identifier):
        step.breach(DspRule.R37, "PSP_Identifier differs from the one the job was created with")
    return step.update(job, state=state, count=report.count)


#: The facts a token that shows itself stands for: the response that would have minted it
_TOKEN_SHOWN = Facts(
    protocol="dsp",
    operation="CreatePostScanJob",
    kind="response",
    action="",
    message_id=None,
    relates_to=None,
)

PROTOCOL = ProtocolRules(
    name="dsp",
    senders={"request": "device", "response": "scan_server", "event": "scan_server"},
    role=DspRule.R39,
    pairing=PairingRules(
        reused=DspRule.R19,
        unknown=DspRule.R18,
        second_reply=DspRule.R17,
        unanswered=DspRule.R17_UNANSWERED,
    ),
    apply=apply,
    withdraw=withdraw,
)
