"""WS-DSD probes: the kit is a management console, the target a scan device (wsdsd.md).

A console only reads a device and listens to it, so every WS-DSD rule is one the device keeps
in what it sends: each probe asks one thing and judges the answer (ElementData mirroring the
requested names, job lists with no finished job among the active ones, valid in the strict
profile); the device's refusals of broken requests are the generated probes.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any
from xml.etree.ElementTree import QName

from .. import namespaces as ns
from ..models import dsd, wscn
from .common import Registry, conversation_rules, scan_ticket
from .model import Script
from .play import Play
from .state import NotApplicable

__all__ = ["EVENTS", "PROBES", "SCANNER_ELEMENTS"]

Steps = Generator[Any, Any, Any]
_ = Registry("dsd")
CONVERSATION = conversation_rules("dsd")
#: What a console subscribes to (the WS-DSD actions are WS-Scan's).
EVENTS = tuple(
    f"{ns.WSCN}/{name}"
    for name in (
        "JobStatusEvent",
        "JobEndStateEvent",
        "ScannerStatusConditionEvent",
        "ScannerStatusConditionClearedEvent",
    )
)
#: The scanner elements every device reports.
SCANNER_ELEMENTS = tuple(
    QName(ns.WSCN, name)
    for name in (
        "ScannerDescription",
        "ScannerConfiguration",
        "ScannerStatus",
        "DefaultScanTicket",
    )
)
#: A name in the kit's own namespace: a device knows nothing by it (ElementData Valid="false").
UNKNOWN_ELEMENT = QName("urn:dsm-messages:conformance", "NoSuchElement")


def _scanner_elements(names: list[QName]) -> dsd.GetScannerElementsRequest:
    return dsd.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(name=names)
    )


@_.probe("scanner-elements", "GetScannerElements mirrors the names asked for", rules=CONVERSATION)
def scanner_elements(play: Play) -> Script:
    """Asks for ScannerDescription, ScannerConfiguration, ScannerStatus and
    DefaultScanTicket; expects one ElementData per name, in the order asked, each valid."""
    yield from play.call("dsd", _scanner_elements(list(SCANNER_ELEMENTS)))


@_.probe(
    "unknown-element",
    "GetScannerElements answers a name it does not know",
    rules=CONVERSATION,
)
def unknown_element(play: Play) -> Script:
    """Asks for ScannerStatus and an element of a vendor namespace no device knows; expects
    an ElementData for both (the unknown one Valid="false"), not a fault."""
    yield from play.call("dsd", _scanner_elements([SCANNER_ELEMENTS[2], UNKNOWN_ELEMENT]))


@_.probe("active-jobs", "GetActiveJobs lists the jobs in progress", rules=CONVERSATION)
def active_jobs(play: Play) -> Script:
    """Sends GetActiveJobs; expects no job in a final state and no JobId twice."""
    yield from play.call("dsd", dsd.GetActiveJobsRequest())


@_.probe("job-history", "GetJobHistory lists finished jobs", rules=CONVERSATION)
def job_history(play: Play) -> Script:
    """Sends GetJobHistory; expects every job in a final state and no JobId twice."""
    yield from play.call("dsd", dsd.GetJobHistoryRequest())


@_.probe("job-elements", "GetJobElements reports a job the device lists", rules=CONVERSATION)
def job_elements(play: Play) -> Script:
    """Takes a job from GetJobHistory (else GetActiveJobs) and asks for its JobStatus and
    Documents; expects one ElementData per name. Does not apply to a device with no job."""
    job_id = None
    for request, model in (
        (dsd.GetJobHistoryRequest(), dsd.GetJobHistoryResponse),
        (dsd.GetActiveJobsRequest(), dsd.GetActiveJobsResponse),
    ):
        answer = yield from play.call("dsd", request)
        body: Any = answer.body_as(model)
        listed = getattr(body, "job_history", None) or getattr(body, "active_jobs", None)
        if listed is not None and listed.job_summary:
            job_id = listed.job_summary[0].job_id
            break
    if job_id is None:
        raise NotApplicable("the device lists no job, active or finished")
    names = [QName(ns.WSCN, "JobStatus"), QName(ns.WSCN, "Documents")]
    body = dsd.GetJobElementsRequest(
        job_id=job_id, requested_elements=wscn.RequestedJobElementsType(name=names)
    )
    yield from play.call("dsd", body)


@_.probe("validate-ticket", "ValidateScanTicket judges a plain ticket", rules=CONVERSATION)
def validate_ticket(play: Play) -> Script:
    """Sends ValidateScanTicket with a one-page platen JPEG ticket; expects a
    ValidateScanTicketResponse (a ValidScanTicket beside ValidTicket false)."""
    yield from play.call("dsd", wscn.ValidateScanTicketRequest(scan_ticket=scan_ticket()))


@_.probe(
    "subscribe",
    "A subscription to the device's events is answered",
    rules=CONVERSATION,
    needs={"events"},
)
def subscribe(play: Play) -> Script:
    """Subscribes the kit's listener to the job and condition events; expects a valid
    SubscribeResponse related to the request."""
    yield from play.subscribe("dsd", EVENTS)


PROBES = tuple(_.probes)
