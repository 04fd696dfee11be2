"""WS-DSC's ordering rules (wsdsc-and-schemas.md section 9, MS-BDSRR): the post-scan jobs a
scan server reports to its management console, and the console's cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..envelope import Envelope
from ..job_states import DSC_FILTER_MOVES, DSC_JOB_MOVES
from ..job_vocabulary import FINAL_JOB_STATES, is_final_or_vendor, leaves_final
from ..message_facts import Facts, JobReport
from ..ordering_rules import DscRule
from .protocol import PairingRules, ProtocolRules
from .state import Pending, ReportedJob

if TYPE_CHECKING:
    from .step import Step

__all__ = [
    "PROTOCOL",
    "apply",
]


def apply(step: Step, facts: Facts, envelope: Envelope, request: Pending | None) -> None:
    """Apply a WS-DSC message, or a fault answering a WS-DSC request."""
    world = step.world
    if facts.kind == "event":
        step.expect_subscription("dsc", DscRule.SUBSCRIPTION, facts.operation)
    if facts.kind == "response" and request is not None and facts.operation == "CancelPostScanJob":
        job = world.jobs.get(("dsc", request.job or ""))
        if job is not None and job.ended:
            step.breach(DscRule.CANCEL, f"job {job.job!r} had finished; cancel must fault")
    for report in facts.reports:
        _report(step, report)
    if facts.active_jobs is not None or facts.history_jobs is not None:
        _lists(step, facts)


def _report(step: Step, report: JobReport) -> None:
    world = step.world
    key = ("dsc", report.job)
    job = world.jobs.get(key) or ReportedJob(protocol="dsc", job=report.job)
    state = report.state
    if report.final:
        if job.ended:
            step.breach(DscRule.END_STATE, f"a second end state for job {report.job!r}")
            return
        if leaves_final(job.state, state):
            step.breach(DscRule.FINAL, f"end state {state} after the final state {job.state}")
        step.reasons(DscRule.REASON, state or "", report.reasons)
        world.jobs[key] = step.update(job, ended=True, end_state=state, state=state)
        step.closed.append(("jobs", key))
        return
    if job.ended and state not in FINAL_JOB_STATES:
        step.breach(DscRule.END_STATE, f"job {report.job!r} reported {state} after its end state")
        return
    if state != job.state:
        step.move(DSC_JOB_MOVES, job.state, state, f"job {report.job!r}")
    step.filters(DSC_FILTER_MOVES, job.filters, report.filters)
    world.jobs[key] = step.update(
        job, state=state or job.state, filters=report.filters or job.filters
    )


def _lists(step: Step, facts: Facts) -> None:
    for report in facts.active_jobs or ():
        if report.state in FINAL_JOB_STATES:
            step.breach(DscRule.FINAL, f"active job {report.job} is {report.state}")
    for report in facts.history_jobs or ():
        if report.state is not None and not is_final_or_vendor(report.state):
            step.breach(DscRule.FINAL, f"job {report.job} in the history is {report.state}")


PROTOCOL = ProtocolRules(
    name="dsc",
    senders={"request": "control_point", "response": "scan_server", "event": "scan_server"},
    role=DscRule.ROLE,
    pairing=PairingRules(
        reused=DscRule.PAIRING,
        unknown=DscRule.PAIRING,
        second_reply=DscRule.PAIRING,
        unanswered=DscRule.PAIRING_UNANSWERED,
    ),
    apply=apply,
)
