"""WS-DSD's ordering rules (wsdsd.md section 8): a device's scan jobs and conditions as it
reports them to a management console."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..envelope import Envelope
from ..job_states import DSD_FIRST_STATES, DSD_JOB_MOVES
from ..job_vocabulary import FINAL_JOB_STATES, is_final_or_vendor, leaves_final
from ..message_facts import Facts, JobReport
from ..ordering_rules import DsdRule
from ..timestamps import before
from .protocol import PairingRules, ProtocolRules
from .state import Condition, Pending, ReportedJob

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "MAX_JOB_ID",
    "PROTOCOL",
    "apply",
]

#: wsdsd.md 8.1: a JobId is an int in 1..2**31-1.
MAX_JOB_ID = 2**31 - 1


def apply(step: Step, facts: Facts, envelope: Envelope, request: Pending | None) -> None:
    """Apply a WS-DSD message, or a fault answering a WS-DSD request."""
    if facts.kind == "event":
        step.expect_subscription("dsd", DsdRule.R22, facts.operation)
    mirrored = facts.operation in ("GetJobElements", "GetScannerElements")
    if facts.kind == "response" and request is not None and mirrored:
        step.mirror(facts, request, DsdRule.R24, order=DsdRule.R24_ORDER)
    for report in facts.reports:
        _report(step, report, in_response=facts.kind == "response")
    if facts.active_jobs is not None or facts.history_jobs is not None:
        _lists(step, facts)
    _conditions(step, facts)


def _report(step: Step, report: JobReport, *, in_response: bool) -> None:
    if not report.job.isdigit() or not 1 <= int(report.job) <= MAX_JOB_ID:
        step.breach(DsdRule.R1, f"JobId {report.job!r} is outside 1..{MAX_JOB_ID}")
        return
    world = step.world
    key = ("dsd", report.job)
    known = key in world.jobs
    job = world.jobs.get(key) or ReportedJob(protocol="dsd", job=report.job)
    state = report.state
    if report.final:
        if job.ended:
            step.breach(DsdRule.R6, f"a second end event for job {report.job}")
            return
        if state == "Terminating":
            step.breach(DsdRule.R7_TERMINATING, f"job {report.job} ends in Terminating")
        if leaves_final(job.state, state):
            step.breach(DsdRule.R7, f"job {report.job} ends {state} but was reported {job.state}")
        if job.count is not None and report.count is not None and report.count < job.count:
            step.breach(DsdRule.R9, f"ScansCompleted went from {job.count} down to {report.count}")
        world.jobs[key] = step.update(job, ended=True, end_state=state, count=report.count)
        step.closed.append(("jobs", key))
        return
    if job.ended and not in_response and state in DSD_FIRST_STATES:
        # rule 11: a finished JobId starting over is a new job, reused too soon
        step.breach(DsdRule.R11, f"JobId {report.job} starts a new job after it finished")
        job = ReportedJob(protocol="dsd", job=report.job)
        known = True  # its first-status check is the warning above
    if job.ended:
        if not in_response:
            step.breach(DsdRule.R6, f"status event for job {report.job} after its end event")
        elif not is_final_or_vendor(state):
            step.breach(DsdRule.R13, f"job {report.job} reported {state} after its end event")
        return
    if not known and state is not None and state not in DSD_FIRST_STATES and not in_response:
        step.breach(DsdRule.R2, f"the first status of job {report.job} is {state}")
    step.move(DSD_JOB_MOVES, job.state, state, f"job {report.job}")
    if job.last is not None and not in_response and _same_status(job.last, report):
        step.breach(DsdRule.R8, f"status event for job {report.job} repeats the previous one")
    if job.count is not None and report.count is not None and report.count < job.count:
        step.breach(DsdRule.R9, f"ScansCompleted went from {job.count} down to {report.count}")
    step.times(DsdRule.R10, report, state, created=report.created)
    world.jobs[key] = step.update(
        job,
        state=state or job.state,
        count=report.count if report.count is not None else job.count,
        last=report,
    )


def _lists(step: Step, facts: Facts) -> None:
    active = facts.active_jobs or ()
    history = facts.history_jobs or ()
    for report in active:
        if report.state in FINAL_JOB_STATES:
            step.breach(DsdRule.R12, f"active job {report.job} is {report.state}")
    for report in history:
        if report.state is not None and not is_final_or_vendor(report.state):
            step.breach(DsdRule.R12, f"job {report.job} in the history is {report.state}")
    for reports in (active, history):
        ids = [report.job for report in reports]
        if len(ids) != len(set(ids)):
            step.breach(DsdRule.R12_REPEAT, "a JobId is listed twice")


def _conditions(step: Step, facts: Facts) -> None:
    world = step.world
    condition = facts.condition
    if facts.operation == "ScannerStatusConditionEvent" and condition is not None:
        known = world.conditions.get(condition)
        if known is not None and known.cleared:
            step.breach(DsdRule.R16, f"condition {condition} is used again after it cleared")
        world.conditions[condition] = Condition(id=condition, time=facts.condition_time)
    elif facts.operation == "ScannerStatusConditionClearedEvent" and condition:
        known = world.conditions.get(condition)
        if known is None:
            step.breach(DsdRule.R14, f"condition {condition} was never raised")
            return
        if known.cleared:
            step.breach(DsdRule.R15, f"condition {condition} was already cleared")
        if before(facts.condition_time, known.time):
            step.breach(DsdRule.R18, f"condition {condition} cleared before it was raised")
        world.conditions[condition] = step.update(known, cleared=True)
        step.closed.append(("conditions", condition))
    if facts.active_conditions is not None:
        for active in facts.active_conditions:
            known = world.conditions.get(active)
            if known is not None and known.cleared:
                step.breach(DsdRule.R19, f"cleared condition {active} is listed as active")
            elif known is None:
                world.conditions[active] = Condition(id=active, time=None)
    if facts.summary is not None:
        if world.last_summary == facts.summary:
            step.breach(DsdRule.R20, "status summary event repeats the previous one")
        world.last_summary = facts.summary


def _same_status(a: JobReport, b: JobReport) -> bool:
    return attrs.evolve(a, created=None) == attrs.evolve(b, created=None)


PROTOCOL = ProtocolRules(
    name="dsd",
    senders={"request": "control_point", "response": "device", "event": "device"},
    role=DsdRule.ROLE,
    pairing=PairingRules(
        reused=DsdRule.R23,
        unknown=DsdRule.R23,
        second_reply=DsdRule.R23,
        unanswered=DsdRule.R23_UNANSWERED,
    ),
    apply=apply,
)
