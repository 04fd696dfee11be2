"""WS-DSC probes: the kit is a management console, the target a scan server ([MS-BDSRR]).

The console reads the jobs and the repository, follows a job a device (the kit, over WS-DSP,
when the target offers it) sends, and cancels one; the one ordering rule a scan server
enforces against a console, a cancel of a finished job, has its refusal probe.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import Any
from xml.etree.ElementTree import QName

from .. import namespaces as ns
from ..envelope import Envelope, new_message_id, serialize
from ..models import dsc
from ..rule_ids import DscRule
from . import probes_dsp
from .common import Registry, conversation_rules
from .model import Script
from .play import Play
from .state import NotApplicable

__all__ = ["EVENTS", "PROBES"]

Steps = Generator[Any, Any, Any]
_ = Registry("dsc")
CONVERSATION = conversation_rules("dsc")
#: The job events a scan server sends its consoles' subscriptions.
EVENTS = (f"{ns.DSC}/PostScanJobStatusEvent", f"{ns.DSC}/PostScanJobEndStateEvent")


def offers_dsc(play: Play) -> Steps:
    """That the target offers WS-DSC at all (its GetActiveJobs is answered), before a probe
    creates anything for it."""
    yield from play.offered("dsc", dsc.GetActiveJobsRequest())


def device_job(play: Play, images: int = 1) -> Steps:
    """A job the kit creates as a scan device (WS-DSP), with ``images`` images sent; its
    token. The console's events about it are this probe's too."""
    token: str = yield from probes_dsp.create_job(play)
    play.own("dsc", token)
    for document_id in range(1, images + 1):
        yield from probes_dsp.send_image(play, token, document_id)
    return token


def dsc_end_state(play: Play, token: str) -> Steps:
    def match(event: Envelope) -> bool:
        body = event.body
        return (
            isinstance(body, dsc.PostScanJobEndStateEvent)
            and body.post_scan_job_end_state.job_token == token
        )

    left = play.deadline - time.monotonic()
    what = f"the console's PostScanJobEndStateEvent for job {token}"
    return (yield from play.wait_event(match, what=what, seconds=left))


# -- conversations -----------------------------------------------------------------------------
@_.probe("active-jobs", "GetActiveJobs lists the jobs in progress", rules=CONVERSATION)
def active_jobs(play: Play) -> Script:
    """Sends GetActiveJobs; expects a GetActiveJobsResponse in which no job is in a final
    state."""
    yield from play.call("dsc", dsc.GetActiveJobsRequest())


@_.probe("job-history", "GetJobHistory lists finished jobs", rules=CONVERSATION)
def job_history(play: Play) -> Script:
    """Sends GetJobHistory; expects a GetJobHistoryResponse in which every job is in a final
    state."""
    yield from play.call("dsc", dsc.GetJobHistoryRequest())


@_.probe("repository", "GetRepositoryElements reports the repository", rules=CONVERSATION)
def repository(play: Play) -> Script:
    """Sends GetRepositoryElements for RepositoryConfiguration and RepositoryStatus; expects a
    valid GetRepositoryElementsResponse."""
    names = [QName(ns.DSC, "RepositoryConfiguration"), QName(ns.DSC, "RepositoryStatus")]
    body = dsc.GetRepositoryElementsRequest(
        requested_elements=dsc.RequestedRepositoryElementsType(name=names)
    )
    yield from play.call("dsc", body)


@_.probe(
    "job-elements",
    "GetPostScanJobElements reports a device's job",
    rules=CONVERSATION,
    needs={"dsp"},
)
def job_elements(play: Play) -> Script:
    """Creates a job as a scan device (WS-DSP) and sends one image; asks the console face for
    the job's JobStatus and JobDescription; the job is canceled afterwards."""
    yield from offers_dsc(play)
    token = yield from device_job(play)
    names = [QName(ns.DSC, "JobStatus"), QName(ns.DSC, "JobDescription")]
    body = dsc.GetPostScanJobElementsRequest(
        job_token=token, requested_elements=dsc.RequestedJobElementsType(name=names)
    )
    yield from play.call("dsc", body)


@_.probe(
    "job-events",
    "A console's subscription follows a device's job to its end",
    rules=CONVERSATION,
    needs={"dsp", "events"},
)
def job_events(play: Play) -> Script:
    """Subscribes the kit's listener to the console's job events; creates a job as a scan
    device, sends two images and ends it; waits for the console's end state of that job and
    judges every console event about it."""
    yield from offers_dsc(play)
    yield from play.subscribe("dsc", EVENTS)
    token = yield from device_job(play, images=2)
    yield from probes_dsp.end_job(play, token)
    yield from dsc_end_state(play, token)
    yield from play.settle()


@_.probe(
    "cancel",
    "A console cancels a device's job",
    rules=CONVERSATION,
    needs={"dsp"},
)
def cancel(play: Play) -> Script:
    """Creates a job as a scan device and sends one image; cancels it from the console;
    expects a CancelPostScanJobResponse and, with a listener, the device's end state of the
    job (Canceled or Aborted)."""
    yield from offers_dsc(play)
    if play.run.listener is not None:
        yield from probes_dsp.subscribe(play)
    token = yield from device_job(play)
    yield from play.call("dsc", dsc.CancelPostScanJobRequest(job_token=token))
    play.done.add(("dsp", token))
    if play.run.listener is not None:
        yield from probes_dsp.end_state(play, token)


# -- refusals ------------------------------------------------------------------------------------
@_.probe("", "Refuses to cancel a job that has finished", rule=DscRule.CANCEL)
def cancel_finished(play: Play) -> Script:
    """Finds a finished job: one the kit runs to its end as a scan device (WS-DSP, with a
    listener for its end state), else the first of the job history; cancels it from the
    console."""
    token = yield from finished_job(play)
    message_id = new_message_id()
    body = dsc.CancelPostScanJobRequest(job_token=token)
    data = serialize(body, to=play.service("dsc").address, message_id=message_id)
    yield from play.refused(
        "dsc", data, message_id=message_id, summary="CancelPostScanJob for a finished job"
    )


def finished_job(play: Play) -> Steps:
    yield from offers_dsc(play)
    if "dsp" in play.target.addresses and play.run.listener is not None:
        yield from probes_dsp.subscribe(play)
        token: str = yield from device_job(play)
        yield from probes_dsp.end_job(play, token)
        yield from probes_dsp.end_state(play, token)
        return token
    history = yield from play.call("dsc", dsc.GetJobHistoryRequest())
    body = history.body_as(dsc.GetJobHistoryResponse)
    jobs = body.job_history.job_summary if body.job_history is not None else []
    if not jobs:
        raise NotApplicable("no finished job: the job history is empty and no WS-DSP job ran")
    return jobs[0].job_token


PROBES = tuple(_.probes)
